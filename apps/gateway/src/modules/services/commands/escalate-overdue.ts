// Automatic escalation (issue 4): a request whose verification or completion deadline has passed
// goes to its unit's supervisor. Run periodically by every gateway instance; idempotent (each
// deadline is escalated once, the domain's `escalationDue`) and safe across instances: one run at
// a time through a transaction-level advisory lock, rows claimed with FOR UPDATE SKIP LOCKED.
import type { PrismaClient, ServiceRequest } from '@layanan/db';
import { jakartaDay, type WorkingCalendar } from '@layanan/domain/calendar';
import { AUTO_ESCALATION_STATES, escalationDue } from '@layanan/domain/services';
import type { LayananPubSub } from '../../../app/pubsub.js';
import type { TransactionClient } from '../../../platform/audited.js';
import { dayOf, loadWorkingCalendar } from '../../../platform/calendar.js';
import { overdueSql } from '../queries/open-overdue.js';
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

/** The job: claims overdue requests in batches and escalates those due. */
export async function escalateOverdueRequests(
  prisma: PrismaClient,
  options: { now?: Date; pubsub?: LayananPubSub } = {},
): Promise<{ locked: boolean; escalated: string[] }> {
  const now = options.now ?? new Date();
  const today = jakartaDay(now);
  const outcome = await prisma.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${ESCALATION_LOCK_KEY}::bigint) AS locked`;
      if (!lock?.locked) return { locked: false, changed: [] };
      const candidates = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM service_request r
        WHERE ${overdueSql(today, AUTO_ESCALATION_STATES)}
        ORDER BY "submittedAt"
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED`;
      if (candidates.length === 0) return { locked: true, changed: [] };
      const calendar = await loadWorkingCalendar(tx);
      const changed: ServiceRequest[] = [];
      for (const { id } of candidates) {
        const escalated = await escalateRequest(tx, id, now, calendar);
        if (escalated) changed.push(escalated);
      }
      return { locked: true, changed };
    },
    { timeout: 60_000 },
  );
  if (options.pubsub) for (const r of outcome.changed) publishUpdate(options.pubsub, r);
  return { locked: outcome.locked, escalated: outcome.changed.map((r) => r.trackingCode) };
}
