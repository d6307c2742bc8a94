// Text messages to mobile numbers (issue 18 item 4): the interface an SMS provider implements.
// None is configured by default (README): `phoneVerification` then answers SMS_NOT_CONFIGURED and
// nothing is queued or stored. A deployment that has a provider (an Indonesian SMS gateway, a
// WhatsApp Business API) passes an `SmsSender` to `createGateway({ sms })`.

/** Sends one text to one mobile number (E.164, `+628…`). Rejects when the provider refuses it. */
export type SmsSender = {
  /** The provider's name, for the log. */
  readonly name: string;
  send(message: { to: string; text: string }): Promise<void>;
};
