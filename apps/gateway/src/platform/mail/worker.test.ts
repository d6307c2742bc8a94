// Issue 16 kind 6: the outbox worker never starves. Older rows it must skip (sent, given up,
// backing off after a failure, held by another worker's lease) outnumber one batch and sit ahead
// of a due message; the worker sends the due message and leaves the others as they were.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@layanan/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailTransport } from './transport.js';
import { MailWorker } from './worker.js';

const log = pino({ level: 'silent' });

describe.each(testDatabaseKinds())('mail outbox worker on %s', (kind) => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'layanan-mail-'));
  });
  afterAll(async () => {
    await db?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends a due message behind more skipped messages than one batch', async () => {
    const now = new Date('2026-12-01T03:00:00.000Z');
    const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
    const skipped = {
      sent: { sentAt: minutes(-30) },
      failed: { failedAt: minutes(-30), attempts: 5 },
      backingOff: { nextAttemptAt: minutes(30), attempts: 2, lastError: 'connection refused' },
      leased: { lockedUntil: minutes(1), attempts: 1 },
    };
    const rows = Object.entries(skipped).flatMap(([what, data], k) =>
      Array.from({ length: 3 }, (_, i) => ({
        messageId: `skipped-${what}-${i}@layanan.test`,
        toAddress: `${what}${i}@layanan.test`,
        subject: `Skipped ${what} ${i}`,
        textBody: 'x',
        purpose: 'test:skipped',
        createdAt: minutes(-60 + k * 3 + i),
        nextAttemptAt: minutes(-60),
        ...data,
      })),
    );
    await db.prisma.mailMessage.createMany({ data: rows });
    await db.prisma.mailMessage.create({
      data: {
        messageId: 'due@layanan.test',
        toAddress: 'due@layanan.test',
        subject: 'Due',
        textBody: 'x',
        purpose: 'test:due',
        createdAt: minutes(-1),
        nextAttemptAt: minutes(-1),
      },
    });
    const worker = new MailWorker({
      prisma: db.prisma,
      transport: createMailTransport({ smtpUrl: undefined, dir, from: 'layanan@layanan.test' }),
      log,
      maxAttempts: 5,
      batchSize: 2,
      now: () => now,
    });

    expect(await worker.run()).toEqual({ sent: 1, retried: 0, failed: 0 });
    const due = await db.prisma.mailMessage.findUniqueOrThrow({ where: { messageId: 'due@layanan.test' } });
    expect(due.sentAt).toEqual(now);
    expect(await readdir(dir)).toHaveLength(1);
    // The skipped rows are untouched: no attempt counted, no lease taken, nothing sent.
    const after = await db.prisma.mailMessage.findMany({
      where: { purpose: 'test:skipped' },
      orderBy: { messageId: 'asc' },
    });
    const before = [...rows].sort((a, b) => a.messageId.localeCompare(b.messageId));
    expect(after.map((r) => [r.messageId, r.attempts, r.lockedUntil, r.sentAt])).toEqual(
      before.map((r) => [
        r.messageId,
        'attempts' in r ? r.attempts : 0,
        'lockedUntil' in r ? r.lockedUntil : null,
        'sentAt' in r ? r.sentAt : null,
      ]),
    );
  });
});
