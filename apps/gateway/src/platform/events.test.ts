import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@layanan/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLayananPubSub } from '../app/pubsub.js';
import { EventBus, recordEvent } from './events.js';

const log = pino({ level: 'silent' });
const payload = (n: number) => ({
  requestId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  trackingCode: `SWL-2026-${String(n).padStart(6, '0')}`,
  citizenAccountId: '00000000-0000-4000-8000-000000000000',
  completedAt: '2026-11-30T03:00:00.000Z',
});

describe.each(testDatabaseKinds())('domain events (outbox) on %s', (kind) => {
  let db: TestDatabase;
  const { pubsub } = createLayananPubSub();
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.close();
  });

  /** A handler that leaves a trace (an audit row) in its transaction. */
  const traceHandler = (seen: string[]) => async (tx: any, p: { trackingCode: string }) => {
    await tx.auditEntry.create({
      data: { actorKind: 'SYSTEM', action: 'eventHandled', entityType: 'Test', entityId: p.trackingCode },
    });
    return () => seen.push(p.trackingCode);
  };
  const traces = (code: string) =>
    db.prisma.auditEntry.count({ where: { action: 'eventHandled', entityId: code } });

  it('handles an event after its change commits: the handler’s writes and the mark commit together', async () => {
    const published: string[] = [];
    const bus = new EventBus({ prisma: db.prisma, pubsub, log }).on(
      'services.request-completed',
      traceHandler(published),
    );
    const id = await db.prisma.$transaction((tx) =>
      recordEvent(tx, 'services.request-completed', payload(1)),
    );
    expect(await bus.dispatch([id])).toEqual({ handled: 1, failed: 0 });
    expect(published).toEqual(['SWL-2026-000001']);
    expect(await traces('SWL-2026-000001')).toBe(1);
    const row = await db.prisma.domainEvent.findUniqueOrThrow({ where: { id } });
    expect(row.handledAt).not.toBeNull();
    // Handled once: a second dispatch of the same id does nothing.
    expect(await bus.dispatch([id])).toEqual({ handled: 0, failed: 0 });
    expect(await traces('SWL-2026-000001')).toBe(1);
  });

  it('records nothing when the change rolls back', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await recordEvent(tx, 'services.request-completed', payload(2));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const count = await db.prisma.domainEvent.count({
      where: { payload: { path: ['trackingCode'], equals: 'SWL-2026-000002' } },
    });
    expect(count).toBe(0);
  });

  it('loses nothing when the process dies between commit and handling: the next sweep handles it', async () => {
    // Committed, then "crash": no dispatch by the writer.
    await db.prisma.$transaction((tx) => recordEvent(tx, 'services.request-completed', payload(3)));
    const published: string[] = [];
    const restarted = new EventBus({ prisma: db.prisma, pubsub, log }).on(
      'services.request-completed',
      traceHandler(published),
    );
    const swept = await restarted.dispatch();
    expect(swept.handled).toBeGreaterThanOrEqual(1);
    expect(published).toContain('SWL-2026-000003');
    expect(await traces('SWL-2026-000003')).toBe(1);
    expect(await db.prisma.domainEvent.count({ where: { handledAt: null } })).toBe(0);
  });

  it('rolls back a failing handler, keeps the error and retries on the next sweep', async () => {
    let fail = true;
    const published: string[] = [];
    const bus = new EventBus({ prisma: db.prisma, pubsub, log }).on(
      'services.request-completed',
      async (tx, p) => {
        await traceHandler(published)(tx, p);
        if (fail) throw new Error('SMTP down');
        return undefined;
      },
    );
    const id = await db.prisma.$transaction((tx) =>
      recordEvent(tx, 'services.request-completed', payload(4)),
    );
    expect(await bus.dispatch([id])).toEqual({ handled: 0, failed: 1 });
    expect(await traces('SWL-2026-000004')).toBe(0);
    const failed = await db.prisma.domainEvent.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ handledAt: null, attempts: 1, lastError: 'SMTP down' });
    fail = false;
    expect((await bus.dispatch()).handled).toBe(1);
    expect(await traces('SWL-2026-000004')).toBe(1);
  });

  it('handles a new event behind more failing events than one batch', async () => {
    const poisoned = new Set<string>();
    const published: string[] = [];
    const bus = new EventBus({ prisma: db.prisma, pubsub, log }, 3).on(
      'services.request-completed',
      async (tx, p) => {
        if (poisoned.has(p.trackingCode)) throw new Error('template missing');
        return traceHandler(published)(tx, p);
      },
    );
    await bus.dispatch(); // whatever earlier tests left pending
    for (let n = 30; n < 37; n++) {
      poisoned.add(payload(n).trackingCode);
      await db.prisma.$transaction((tx) => recordEvent(tx, 'services.request-completed', payload(n)));
    }
    await db.prisma.$transaction((tx) => recordEvent(tx, 'services.request-completed', payload(37)));
    expect(await bus.dispatch()).toEqual({ handled: 1, failed: 7 });
    expect(published).toEqual(['SWL-2026-000037']);
    // The next sweep tries each failing event once more, no more.
    expect(await bus.dispatch()).toEqual({ handled: 0, failed: 7 });
    poisoned.clear();
    expect(await bus.dispatch()).toEqual({ handled: 7, failed: 0 });
  });

  it('handles each event once when two dispatchers sweep at the same time', async () => {
    const ids: string[] = [];
    for (let n = 10; n < 20; n++) {
      ids.push(
        await db.prisma.$transaction((tx) => recordEvent(tx, 'services.request-completed', payload(n))),
      );
    }
    const published: string[] = [];
    const a = new EventBus({ prisma: db.prisma, pubsub, log }).on(
      'services.request-completed',
      traceHandler(published),
    );
    const b = new EventBus({ prisma: db.prisma, pubsub, log }).on(
      'services.request-completed',
      traceHandler(published),
    );
    const [ra, rb] = await Promise.all([a.dispatch(), b.dispatch()]);
    expect(ra.handled + rb.handled).toBe(10);
    expect(published.sort()).toEqual(ids.map((_, i) => `SWL-2026-0000${10 + i}`).sort());
  });
});
