// The mail outbox (issue 18): a message is a `mail_message` row written in the transaction that
// decided to send it, and sent later by the worker (worker.ts). Any kind of mail goes this way:
// notifications (notify.ts), and later address verification and password reset.
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { TransactionClient } from '../audited.js';

/** What a writer needs to know to build a message: where links point, and the signing key. */
export type MailSettings = {
  /** The base of links (LAYANAN_PUBLIC_URL), no trailing slash. */
  publicUrl: string;
  /** Signs one-click unsubscribe links (HMAC-SHA256). */
  secret: Uint8Array;
  /** Lifetimes in seconds of the single-use tokens links carry; unset = the domain's defaults. */
  tokenLifetimes?: Partial<Record<'EMAIL_VERIFICATION' | 'PASSWORD_RESET', number>>;
};

/** One message to one address. Bodies are final text; `html` is already escaped markup. */
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
  /** Why it is sent, for the operator: `notification:REQUEST_VERIFIED`, `account:…`. */
  purpose: string;
  accountId?: string | null;
};

/** Queues `mail` in `tx`; it is sent once `tx` has committed. Returns the row id and Message-ID. */
export async function queueMail(
  tx: TransactionClient,
  settings: Pick<MailSettings, 'publicUrl'>,
  mail: OutgoingMail,
): Promise<{ id: string; messageId: string }> {
  const messageId = `${randomUUID()}@${new URL(settings.publicUrl).hostname}`;
  const row = await tx.mailMessage.create({
    data: {
      messageId,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      headers: mail.headers ?? {},
      purpose: mail.purpose,
      accountId: mail.accountId ?? null,
    },
    select: { id: true },
  });
  return { id: row.id, messageId };
}

function signature(secret: Uint8Array, accountId: string, kind: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${accountId}:${kind}`).digest('base64url');
}

/** The signed one-click unsubscribe link of one account and notification kind (RFC 8058). */
export function unsubscribeUrl(settings: MailSettings, accountId: string, kind: string): string {
  const q = new URLSearchParams({ a: accountId, k: kind, s: signature(settings.secret, accountId, kind) });
  return `${settings.publicUrl}/mail/unsubscribe?${q}`;
}

/** Whether `sig` is the signature of `accountId` and `kind` (constant-time). */
export function verifyUnsubscribe(secret: Uint8Array, accountId: string, kind: string, sig: string): boolean {
  const expected = Buffer.from(signature(secret, accountId, kind));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
