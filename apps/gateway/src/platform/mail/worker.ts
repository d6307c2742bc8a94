// The outbox worker (issue 18): sends queued mail and marks it sent. Every gateway instance runs
// one; they share the outbox without sending a message twice at once: a worker claims a batch by
// setting a lease (`lockedUntil`) on rows selected FOR UPDATE SKIP LOCKED, so two workers never
// claim the same row, and a row whose worker died is claimed again when its lease ends. A crash
// after sending and before marking resends the message with the same Message-ID (at least once,
// recognisably the same). A failure waits `backoffMs(attempts)` (exponential) before the next try;
// after `maxAttempts` the row is given up (`failedAt`) for the operator.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@layanan/db';
import type { Logger } from 'pino';
import type { MailTransport, StoredMail } from './transport.js';

export type MailWorkerOptions = {
  prisma: PrismaClient;
  transport: MailTransport;
  log: Logger;
  maxAttempts: number;
  /** How long a claim holds its rows (ms); longer than sending a batch takes. */
  leaseMs?: number;
  batchSize?: number;
  /** The first retry's delay (ms); each further one doubles, up to six hours. */
  backoffBaseMs?: number;
  now?: () => Date;
};

export type MailRunResult = { sent: number; retried: number; failed: number };

/** Delay before attempt `attempts + 1`: base · 2^(attempts − 1), at most six hours. */
export function backoffMs(attempts: number, baseMs = 30_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

type Claimed = StoredMail & { attempts: number };

export class MailWorker {
  private readonly id = randomUUID();
  private running: Promise<MailRunResult> | null = null;

  constructor(private readonly options: MailWorkerOptions) {}

  /** Sends what is due now, batch after batch; one run at a time per worker. Never throws. */
  run(): Promise<MailRunResult> {
    this.running ??= this.sendDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sendDue(): Promise<MailRunResult> {
    const result: MailRunResult = { sent: 0, retried: 0, failed: 0 };
    const batchSize = this.options.batchSize ?? 20;
    try {
      for (;;) {
        const batch = await this.claim(batchSize);
        for (const mail of batch) await this.deliver(mail, result);
        if (batch.length < batchSize) return result;
      }
    } catch (error) {
      this.options.log.error({ err: error, worker: this.id }, 'mail outbox run failed');
      return result;
    }
  }

  private claim(batchSize: number): Promise<Claimed[]> {
    const now = this.options.now?.() ?? new Date();
    const until = new Date(now.getTime() + (this.options.leaseMs ?? 60_000));
    return this.options.prisma.$queryRaw<Claimed[]>`
      UPDATE mail_message SET "lockedUntil" = ${until}, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM mail_message
        WHERE "sentAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= ${now}
          AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
        ORDER BY "createdAt", id
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, "messageId", "toAddress", subject, "textBody", "htmlBody", headers, "createdAt", attempts`;
  }

  private async deliver(mail: Claimed, result: MailRunResult): Promise<void> {
    const { prisma, log } = this.options;
    try {
      await this.options.transport.send(mail);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = mail.attempts >= this.options.maxAttempts;
      const now = this.options.now?.() ?? new Date();
      await prisma.mailMessage.update({
        where: { id: mail.id },
        data: {
          lockedUntil: null,
          lastError: message.slice(0, 1000),
          ...(giveUp
            ? { failedAt: now }
            : {
                nextAttemptAt: new Date(now.getTime() + backoffMs(mail.attempts, this.options.backoffBaseMs)),
              }),
        },
      });
      if (giveUp) result.failed++;
      else result.retried++;
      log.warn({ err: error, mailId: mail.id, attempts: mail.attempts, giveUp }, 'mail not sent');
      return;
    }
    await prisma.mailMessage.update({
      where: { id: mail.id },
      data: { sentAt: this.options.now?.() ?? new Date(), lockedUntil: null, lastError: null },
    });
    result.sent++;
  }
}
