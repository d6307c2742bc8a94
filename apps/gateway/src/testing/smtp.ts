// A real SMTP server in the test process (smtp-server), and a small reader of what it received:
// headers (unfolded) and the decoded plain-text part.
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { createMailTransport } from '../platform/mail/transport.js';
import { MailWorker } from '../platform/mail/worker.js';
import type { Harness } from './harness.js';

export type ReceivedMail = {
  /** RCPT TO addresses. */
  to: string[];
  raw: string;
  header(name: string): string | undefined;
  /** The text/plain part, quoted-printable decoded. */
  text: string;
};

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  } catch {
    return bytes;
  }
}

/** Parses a raw message as nodemailer writes it (single part or multipart/alternative). */
export function parseMail(raw: string, to: string[] = []): ReceivedMail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const bodyAll = rest.join('\n\n');
  const plain = /Content-Type: text\/plain[^\n]*\r?\n(?:[^\n]+\r?\n)*?\r?\n([\s\S]*?)(?:\r?\n--|$)/i.exec(
    raw,
  );
  const text = decodeQuotedPrintable(plain?.[1] ?? bodyAll);
  return { to, raw, header: (name) => headers.get(name.toLowerCase()), text };
}

/** Starts an SMTP server on a free local port; `received` fills as messages arrive. */
export async function startSmtpServer(): Promise<{
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * One test file's SMTP server, started before its tests and closed after them (call at the top
 * level). `deliver(h)` sends the harness's mail outbox to it: one MailWorker run, 3 attempts.
 */
export function useSmtpServer(): {
  readonly url: string;
  readonly received: ReceivedMail[];
  deliver(h: Harness): Promise<void>;
} {
  let server: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
  beforeAll(async () => {
    server = await startSmtpServer();
  });
  afterAll(() => server?.close());
  const started = () => {
    if (!server) throw new Error('useSmtpServer: the server starts in beforeAll');
    return server;
  };
  return {
    get url() {
      return started().url;
    },
    get received() {
      return started().received;
    },
    async deliver(h) {
      await new MailWorker({
        prisma: h.db.prisma,
        transport: createMailTransport({ ...h.config.mail, smtpUrl: started().url }),
        log: pino({ level: 'silent' }),
        maxAttempts: 3,
      }).run();
    },
  };
}
