// Automatic escalation (issue 4): a request whose verification or completion deadline has passed
// goes to its unit's supervisor. Escalation that climbs (issue 20): a complaint its level has not
// resolved within that level's working days goes on to the head of the agency, then to the city's
// complaint coordinator, one level per run. Run periodically by every gateway instance; idempotent
// (each deadline is escalated once, the domain's `escalationDue`; each level is reached once,
// `nextEscalationStep`) and safe across instances: one run at a time through a transaction-level
// advisory lock, rows claimed with FOR UPDATE SKIP LOCKED.
import { Prisma, type PrismaClient, type ServiceRequest } from '@layanan/db';
import { jakartaDay, type WorkingCalendar } from '@layanan/domain/calendar';
import { notificationContent } from '@layanan/domain/notifications';
import {
  AUTO_ESCALATION_STATES,
  agencyUnitOf,
  type EscalationLadder,
  escalationClimbNotes,
  escalationDue,
  escalationHolder,
  nextEscalationStep,
} from '@layanan/domain/services';
import type { LayananPubSub } from '../../../app/pubsub.js';
import type { TransactionClient } from '../../../platform/audited.js';
import { dayOf, loadWorkingCalendar } from '../../../platform/calendar.js';
import type { MailSettings } from '../../../platform/mail/outbox.js';
import { notifyAccounts } from '../../../platform/notify.js';
import { notYetEscalatedSql, openSql, overdueSql } from '../queries/open-overdue.js';
import { applyTransition, publishUpdate } from './request-workflow.js';

/** pg advisory lock key of the job ("ESCL"); the migration runner uses 72707369. */
export const ESCALATION_LOCK_KEY = 0x4553434c;
const BATCH = 100;

/** The audit entry of a change the job made (actor: the system) to a request. */
function systemAudit(
  tx: TransactionClient,
  action: string,
  requestId: string,
  change: { before: Prisma.InputJsonObject; after: Prisma.InputJsonObject },
) {
  return tx.auditEntry.create({
    data: {
      actorKind: 'SYSTEM',
      actorId: null,
      action,
      entityType: 'ServiceRequest',
      entityId: requestId,
      ...change,
    },
  });
}

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
  // The first rung of the ladder (issue 20): held by the supervisors of the request's unit. A
  // request that already climbed keeps its level (the ladder only climbs).
  if (row.escalationLevel === null) {
    await tx.serviceRequest.update({
      where: { id: requestId },
      data: { escalationLevel: 'UNIT_SUPERVISOR', escalationLevelAt: now, escalationUnitId: row.unitId },
    });
  }
  await systemAudit(tx, 'escalateServiceRequest', requestId, {
    before: { state: before.state, version: before.version },
    after: { state: after.state, version: after.version, assigneeStaffId: after.assigneeStaffId },
  });
  return after;
}

type Claimed = { id: string; submittedAt: Date };
type Batch<R> = { locked: boolean; claimed: Claimed[]; changed: R[] };

/**
 * Runs `handle` over the rows `claim` picks, in batches of `batchSize`, each batch its own
 * transaction under the job's advisory lock. Each batch continues after the last row of the one
 * before (keyset on `submittedAt`, `id`), so rows left as they were never starve newer ones.
 * `locked: false` when another instance held the lock from the start.
 */
async function inLockedBatches<R>(
  prisma: PrismaClient,
  batchSize: number,
  claim: (tx: TransactionClient, cursor: Prisma.Sql) => Promise<Claimed[]>,
  handle: (tx: TransactionClient, claimed: Claimed[]) => Promise<R[]>,
): Promise<{ locked: boolean; changed: R[] }> {
  const changed: R[] = [];
  let after: Claimed | null = null;
  let held = false;
  for (;;) {
    const cursor: Prisma.Sql = after
      ? Prisma.sql`AND (r."submittedAt", r.id) > (${after.submittedAt}, ${after.id}::uuid)`
      : Prisma.empty;
    const outcome: Batch<R> = await prisma.$transaction(
      async (tx): Promise<Batch<R>> => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(${ESCALATION_LOCK_KEY}::bigint) AS locked`;
        if (!lock?.locked) return { locked: false, claimed: [], changed: [] };
        const claimed = await claim(tx, cursor);
        if (claimed.length === 0) return { locked: true, claimed, changed: [] };
        return { locked: true, claimed, changed: await handle(tx, claimed) };
      },
      { timeout: 60_000 },
    );
    changed.push(...outcome.changed);
    if (!outcome.locked) return { locked: held, changed };
    held = true;
    const last = outcome.claimed.at(-1);
    if (!last || outcome.claimed.length < batchSize) return { locked: true, changed };
    after = last;
  }
}

/** What the climb needs besides the database: the ladder and mail settings for the notices. */
export type ClimbSettings = { ladder: EscalationLadder; mail: MailSettings };

type Climbed = { request: ServiceRequest; notified: { accountId: string; notificationId: string }[] };

/**
 * Climbs one claimed complaint one level if the domain says its level's allowance has run out on
 * `now`'s WIB day: the level, since when and the unit whose supervisors hold it are written with
 * a trail entry (the state stays) and an audit entry (actor: the system), and the new level's
 * people are told (REQUEST_ESCALATED_TO_YOU with the level: the agency's supervisors, or every
 * administrator as the city's complaint coordinator). Returns null when nothing was due.
 */
async function climbRequest(
  tx: TransactionClient,
  requestId: string,
  now: Date,
  context: { calendar: WorkingCalendar; parentOf: ReadonlyMap<string, string | null>; climb: ClimbSettings },
): Promise<Climbed | null> {
  const row = await tx.serviceRequest.findUniqueOrThrow({ where: { id: requestId } });
  const dueOn = row.verifiedAt && row.completionDueOn ? row.completionDueOn : row.verificationDueOn;
  const step = nextEscalationStep(
    {
      state: row.state,
      dueOn: dayOf(dueOn),
      level: row.escalationLevel,
      levelSinceOn: row.escalationLevelAt ? jakartaDay(row.escalationLevelAt) : null,
    },
    jakartaDay(now),
    context.calendar,
    context.climb.ladder,
  );
  if (!step || step.level === 'UNIT_SUPERVISOR') return null;
  const holder = escalationHolder(step.level, {
    requestUnitId: row.unitId,
    agencyUnitId: agencyUnitOf(row.unitId, context.parentOf),
  });
  const notes = escalationClimbNotes(step.level, step.actByOn);
  const updated = await tx.serviceRequest.update({
    where: { id: requestId },
    data: {
      escalationLevel: step.level,
      escalationLevelAt: now,
      escalationUnitId: holder.unitId,
      version: { increment: 1 },
    },
  });
  await tx.requestEvent.create({
    data: {
      requestId,
      sequence: updated.version,
      kind: 'ESCALATION_CLIMBED',
      fromState: row.state,
      toState: row.state,
      actorKind: 'SYSTEM',
      actorAccountId: null,
      publicNote: notes.publicNote,
      internalNote: notes.internalNote,
      assigneeStaffId: row.assigneeStaffId,
      at: now,
    },
  });
  await systemAudit(tx, 'climbServiceRequestEscalation', requestId, {
    before: { escalationLevel: row.escalationLevel, version: row.version },
    after: { escalationLevel: step.level, escalationUnitId: holder.unitId, version: updated.version },
  });
  const recipients = await tx.account.findMany({
    where:
      holder.holder === 'COORDINATORS'
        ? { role: 'ADMIN', disabledAt: null }
        : { role: 'SUPERVISOR', disabledAt: null, staff: { unitId: holder.unitId, active: true } },
    select: { id: true },
  });
  const notified = await notifyAccounts(
    tx,
    context.climb.mail,
    recipients.map((a) => a.id),
    notificationContent({
      kind: 'REQUEST_ESCALATED_TO_YOU',
      trackingCode: row.trackingCode,
      level: step.level,
      // Only complaints climb the ladder (the query above).
      serviceKind: 'COMPLAINT',
    }),
    { requestId },
  );
  return { request: updated, notified };
}

/**
 * The job: escalates every request whose missed deadline was not escalated yet, in batches of
 * `batchSize` (default 100), oldest first; rows already escalated for their deadline are left out
 * by the query itself (`notYetEscalatedSql`). With `climb`, it then climbs complaints whose level
 * ran out of working days (`climbRequest`), one level per run. `locked: false` when another
 * instance holds the lock; `escalated` and `climbed` are tracking codes.
 */
export async function escalateOverdueRequests(
  prisma: PrismaClient,
  options: { now?: Date; pubsub?: LayananPubSub; batchSize?: number; climb?: ClimbSettings } = {},
): Promise<{ locked: boolean; escalated: string[]; climbed: string[] }> {
  const now = options.now ?? new Date();
  const today = jakartaDay(now);
  const batchSize = options.batchSize ?? BATCH;
  const first = await inLockedBatches(
    prisma,
    batchSize,
    (tx, cursor) => tx.$queryRaw<Claimed[]>`
      SELECT id, "submittedAt" FROM service_request r
      WHERE ${overdueSql(today, AUTO_ESCALATION_STATES)}
        AND ${notYetEscalatedSql(today)}
        ${cursor}
      ORDER BY "submittedAt", id
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED`,
    async (tx, claimed) => {
      const calendar = await loadWorkingCalendar(tx);
      const changed: ServiceRequest[] = [];
      for (const { id } of claimed) {
        const request = await escalateRequest(tx, id, now, calendar);
        if (request) changed.push(request);
      }
      return changed;
    },
  );
  if (options.pubsub) for (const r of first.changed) publishUpdate(options.pubsub, r);
  const escalated = first.changed.map((r) => r.trackingCode);
  const { climb } = options;
  if (!first.locked || !climb) return { locked: first.locked, escalated, climbed: [] };
  // Complaints below the top level whose level began before today (an allowance is at least one
  // working day); the domain decides which of them climb.
  const climbing = await inLockedBatches(
    prisma,
    batchSize,
    (tx, cursor) => tx.$queryRaw<Claimed[]>`
      SELECT r.id, r."submittedAt" FROM service_request r
      JOIN service s ON s.id = r."serviceId"
      WHERE s.kind = 'COMPLAINT'
        AND r."escalationLevel"::text IN ('UNIT_SUPERVISOR', 'AGENCY_HEAD')
        AND r."escalationLevelAt" < ${new Date(now.getTime() - 86_400_000)}
        AND ${openSql()}
        ${cursor}
      ORDER BY r."submittedAt", r.id
      LIMIT ${batchSize}
      FOR UPDATE OF r SKIP LOCKED`,
    async (tx, claimed) => {
      const calendar = await loadWorkingCalendar(tx);
      const units = await tx.unit.findMany({ select: { id: true, parentId: true } });
      const parentOf = new Map(units.map((u) => [u.id, u.parentId] as const));
      const changed: Climbed[] = [];
      for (const { id } of claimed) {
        const climbed = await climbRequest(tx, id, now, { calendar, parentOf, climb });
        if (climbed) changed.push(climbed);
      }
      return changed;
    },
  );
  if (options.pubsub) {
    for (const { request, notified } of climbing.changed) {
      publishUpdate(options.pubsub, request);
      for (const { accountId, notificationId } of notified)
        options.pubsub.publish('notificationAdded', accountId, { notificationId });
    }
  }
  return {
    locked: true,
    escalated,
    climbed: climbing.changed.map((c) => c.request.trackingCode),
  };
}
