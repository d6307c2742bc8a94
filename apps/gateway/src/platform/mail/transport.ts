// How the outbox worker hands a message on: over SMTP (nodemailer) when LAYANAN_SMTP_URL is set,
// else as an `.eml` file in the mail directory (`.data/mail/` by default), so that a development
// start shows what would be sent. The file is named after the message, so a resend rewrites the
// same file instead of adding one.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** A queued message as the worker reads it from the outbox. */
export type StoredMail = {
  id: string;
  messageId: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  headers: Record<string, string>;
  createdAt: Date;
};

export type MailTransport = {
  /** Where messages go, for the log: `smtp://host:port` (no password) or the directory. */
  readonly target: string;
  send(mail: StoredMail): Promise<void>;
  close(): void;
};

function options(from: string, mail: StoredMail) {
  return {
    from,
    to: mail.toAddress,
    subject: mail.subject,
    text: mail.textBody,
    ...(mail.htmlBody ? { html: mail.htmlBody } : {}),
    headers: mail.headers,
    // Fixed when the message was queued: a resend is recognisable as the same message.
    messageId: `<${mail.messageId}>`,
    date: mail.createdAt,
  };
}

/** The transport for `smtpUrl`, or the `.eml` directory `dir` when there is none. */
export function createMailTransport(config: {
  smtpUrl: string | undefined;
  dir: string;
  from: string;
}): MailTransport {
  if (config.smtpUrl) {
    const url = new URL(config.smtpUrl);
    const smtp = nodemailer.createTransport(config.smtpUrl);
    return {
      target: `${url.protocol}//${url.host}`,
      async send(mail) {
        await smtp.sendMail(options(config.from, mail));
      },
      close: () => smtp.close(),
    };
  }
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    target: config.dir,
    async send(mail) {
      const info = await stream.sendMail(options(config.from, mail));
      await mkdir(config.dir, { recursive: true });
      const stamp = mail.createdAt.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      const file = join(config.dir, `${stamp}-${mail.id}.eml`);
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
    },
    close: () => stream.close(),
  };
}
