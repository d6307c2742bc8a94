// Cross-area effects through events (an outbox). The area where something happens records an
// event in the same transaction as the change (`recordEvent`); the areas that react register a
// handler (`bus.on`) and never get imported by the first. After commit the writer calls
// `bus.dispatch(ids)`; each event is then handled in its own transaction that locks its row,
// runs every handler of its kind and marks it handled, so a handler's writes and the mark commit
// together. A crash between the change's commit and the handling loses nothing: `dispatch()`
// without ids (at start-up and on every sweep) handles whatever is still pending, oldest first.
import type { Prisma, PrismaClient } from '@layanan/db';
import type { RequestChange } from '@layanan/domain/notifications';
import type { Logger } from 'pino';
import type { LayananPubSub } from '../app/pubsub.js';
import type { TransactionClient } from './audited.js';

/** Every event kind and its payload (plain JSON). Add a kind here, then record and handle it. */
export type DomainEvents = {
  /** A service request reached COMPLETED (services area). */
  'services.request-completed': {
    requestId: string;
    trackingCode: string;
    citizenAccountId: string;
    completedAt: string;
  };
  /** A service request was filed, changed state, reassigned or got a public note (services area);
   * its people are notified (modules/services/on-request-changed.ts). */
  'services.request-changed': {
    requestId: string;
    citizenAccountId: string;
    actorAccountId: string | null;
    /** The WIB day a completed or rejected request was decided (its answer window's start);
     * null or absent otherwise (and in events recorded before it was kept). */
    decidedOn?: string | null;
    change: Omit<RequestChange, 'actorStaffId'>;
  };
  /** Someone registered with the e-mail or phone number of this existing account (accounts area).
   * The caller got the same answer as for a new account; the owner is told by e-mail
   * (modules/accounts/on-registration-attempted.ts). */
  'accounts.registration-attempted-for-existing': {
    accountId: string;
    by: 'email' | 'phone';
    at: string;
  };
  /** A citizen account with an e-mail address was registered (accounts area): a verification
   * link is mailed to it (modules/accounts/on-registration-attempted.ts). */
  'accounts.registered': { accountId: string };
};
export type EventKind = keyof DomainEvents;

/** What a handler may do once its transaction has committed (publish to live subscribers). */
export type AfterCommit = (pubsub: LayananPubSub) => void;

export type EventHandler<K extends EventKind> = (
  tx: TransactionClient,
  payload: DomainEvents[K],
) => Promise<AfterCommit | undefined>;

/** Records `kind` in the transaction of the change that causes it; returns the event's id. */
export async function recordEvent<K extends EventKind>(
  tx: TransactionClient,
  kind: K,
  payload: DomainEvents[K],
): Promise<string> {
  const row = await tx.domainEvent.create({
    data: { kind, payload: payload as unknown as Prisma.InputJsonValue },
    select: { id: true },
  });
  return row.id;
}

export type DispatchResult = { handled: number; failed: number };

/** The registered handlers, and the dispatcher that runs them after commit. */
export class EventBus {
  private readonly handlers = new Map<EventKind, EventHandler<EventKind>[]>();

  constructor(
    private readonly deps: { prisma: PrismaClient; pubsub: LayananPubSub; log: Logger },
    /** Pending events handled per sweep at most; the rest wait for the next one. */
    private readonly batchSize = 100,
  ) {}

  on<K extends EventKind>(kind: K, handler: EventHandler<K>): this {
    const list = this.handlers.get(kind) ?? [];
    list.push(handler as unknown as EventHandler<EventKind>);
    this.handlers.set(kind, list);
    return this;
  }

  /**
   * Handles the events with these ids (just committed by the caller), or without ids every
   * pending event, oldest first, `batchSize` at a time: each batch continues after the last event
   * of the one before (keyset on `createdAt`, `id`), so events that keep failing are tried once
   * per sweep and can never hold back newer ones. A failing handler rolls back its event's
   * transaction, counts an attempt and keeps the error; the event stays pending for the next
   * sweep. Never throws.
   */
  async dispatch(ids?: readonly string[]): Promise<DispatchResult> {
    const result: DispatchResult = { handled: 0, failed: 0 };
    if (ids) {
      await this.handleAll(ids, result);
      return result;
    }
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const batch: { id: string; createdAt: Date }[] = await this.deps.prisma.domainEvent.findMany({
        where: {
          handledAt: null,
          ...(after && {
            OR: [
              { createdAt: { gt: after.createdAt } },
              { createdAt: after.createdAt, id: { gt: after.id } },
            ],
          }),
        },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: this.batchSize,
        select: { id: true, createdAt: true },
      });
      await this.handleAll(
        batch.map((e) => e.id),
        result,
      );
      const last = batch.at(-1);
      if (!last || batch.length < this.batchSize) return result;
      after = last;
    }
  }

  private async handleAll(ids: readonly string[], result: DispatchResult): Promise<void> {
    for (const id of ids) {
      try {
        const after = await this.handleOne(id);
        if (after === null) continue;
        result.handled++;
        for (const publish of after) publish(this.deps.pubsub);
      } catch (error) {
        result.failed++;
        this.deps.log.error({ err: error, eventId: id }, 'event handler failed; the event stays pending');
        await this.deps.prisma.domainEvent
          .update({
            where: { id },
            data: {
              attempts: { increment: 1 },
              lastError: error instanceof Error ? error.message : String(error),
            },
          })
          .catch(() => undefined);
      }
    }
  }

  /** null when another dispatcher holds or already handled the event. */
  private handleOne(id: string): Promise<AfterCommit[] | null> {
    return this.deps.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ kind: string; payload: unknown }[]>`
        SELECT kind, payload FROM domain_event
        WHERE id = ${id}::uuid AND "handledAt" IS NULL
        FOR UPDATE SKIP LOCKED`;
      if (!row) return null;
      const after: AfterCommit[] = [];
      for (const handler of this.handlers.get(row.kind as EventKind) ?? []) {
        const publish = await handler(tx, row.payload as DomainEvents[EventKind]);
        if (publish) after.push(publish);
      }
      await tx.domainEvent.update({ where: { id }, data: { handledAt: new Date() } });
      return after;
    });
  }
}
