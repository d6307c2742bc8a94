// Automatic escalation (issue 4): a request whose verification or completion deadline has passed
// goes to its unit's supervisor. Run periodically by every gateway instance; idempotent (each
// deadline is escalated once, the domain's `escalationDue`) and safe across instances: one run at
// a time through a transaction-level advisory lock, rows claimed with FOR UPDATE SKIP LOCKED.
import { Prisma, type PrismaClient, type ServiceRequest } from '@layanan/db';
import { jakartaDay, type WorkingCalendar } from '@layanan/domain/calendar';
import { AUTO_ESCALATION_STATES, escalationDue } from '@layanan/domain/services';
import type { LayananPubSub } from '../../../app/pubsub.js';
import type { TransactionClient } from '../../../platform/audited.js';
import { dayOf, loadWorkingCalendar } from '../../../platform/calendar.js';
import { notYetEscalatedSql, overdueSql } from '../queries/open-overdue.js';
import { applyTransition, publishUpdate } from './request-workflow.js';

/** pg advisory lock key of the job ("ESCL"); the migration runner uses 72707369. */
export const ESCALATION_LOCK_KEY = 0x4553434c;
const BATCH = 100;

/**
 * Escalates one claimed request if the domain says an escalation is due on `now`'s WIB day;
 * writes the change, its trail entry and its audit entry (actor: the system). Returns the
 * escalated request, or null when nothing was due.
 */
export async function escalateRequest(
  tx: TransactionClient,
  requestId: string,
  now: Date,
  calendar: WorkingCalendar,
): Promise<ServiceRequest | null> {
  const row = await tx.serviceRequest.findUniqueOrThrow({ where: { id: requestId } });
  const due = escalationDue(
    {
      state: row.state,
      verified: row.verifiedAt !== null,
      verificationDueOn: dayOf(row.verificationDueOn),
      completionDueOn: row.completionDueOn ? dayOf(row.completionDueOn) : null,
      escalatedDueOn: row.escalatedDueOn ? dayOf(row.escalatedDueOn) : null,
    },
    jakartaDay(now),
  );
  if (!due) return null;
  const { before, after } = await applyTransition(tx, {
    requestId,
    expectedVersion: row.version,
    to: 'ESCALATED',
    actor: 'SYSTEM',
    actorKind: 'SYSTEM',
    actorAccountId: null,
    publicNote: due.publicNote,
    internalNote: due.internalNote,
    now,
    calendar,
  });
  await tx.auditEntry.create({
    data: {
      actorKind: 'SYSTEM',
      actorId: null,
      action: 'escalateServiceRequest',
      entityType: 'ServiceRequest',
      entityId: requestId,
      before: { state: before.state, version: before.version },
      after: { state: after.state, version: after.version, assigneeStaffId: after.assigneeStaffId },
    },
  });
  return after;
}

type EscalationBatch = {
  locked: boolean;
  claimed: { id: string; submittedAt: Date }[];
  changed: ServiceRequest[];
};

/**
 * The job: escalates every request whose missed deadline was not escalated yet, in batches of
 * `batchSize` (default 100), oldest first. Rows already escalated for their deadline are left out
 * by the query itself (`notYetEscalatedSql`), and each batch continues after the last row of the
 * one before (keyset on `submittedAt`, `id`), so no number of parked rows can starve newer overdue
 * requests. Each batch is its own transaction under the advisory lock; `locked: false` when another
 * instance holds it.
 */
export async function escalateOverdueRequests(
  prisma: PrismaClient,
  options: { now?: Date; pubsub?: LayananPubSub; batchSize?: number } = {},
): Promise<{ locked: boolean; escalated: string[] }> {
  const now = options.now ?? new Date();
  const today = jakartaDay(now);
  const batchSize = options.batchSize ?? BATCH;
  const escalated: string[] = [];
  let after: { submittedAt: Date; id: string } | null = null;
  let held = false;
  for (;;) {
    const cursor = after;
    const outcome = await prisma.$transaction(
      async (tx): Promise<EscalationBatch> => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(${ESCALATION_LOCK_KEY}::bigint) AS locked`;
        if (!lock?.locked) return { locked: false, claimed: [], changed: [] };
        const claimed = await tx.$queryRaw<{ id: string; submittedAt: Date }[]>`
          SELECT id, "submittedAt" FROM service_request r
          WHERE ${overdueSql(today, AUTO_ESCALATION_STATES)}
            AND ${notYetEscalatedSql(today)}
            ${cursor ? Prisma.sql`AND (r."submittedAt", r.id) > (${cursor.submittedAt}, ${cursor.id}::uuid)` : Prisma.empty}
          ORDER BY "submittedAt", id
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED`;
        if (claimed.length === 0) return { locked: true, claimed, changed: [] };
        const calendar = await loadWorkingCalendar(tx);
        const changed: ServiceRequest[] = [];
        for (const { id } of claimed) {
          const request = await escalateRequest(tx, id, now, calendar);
          if (request) changed.push(request);
        }
        return { locked: true, claimed, changed };
      },
      { timeout: 60_000 },
    );
    if (options.pubsub) for (const r of outcome.changed) publishUpdate(options.pubsub, r);
    for (const r of outcome.changed) escalated.push(r.trackingCode);
    if (!outcome.locked) return { locked: held, escalated };
    held = true;
    const last = outcome.claimed.at(-1);
    if (!last || outcome.claimed.length < batchSize) return { locked: true, escalated };
    after = { submittedAt: last.submittedAt, id: last.id };
  }
}
