// Automatic escalation (issue 4): a request whose verification or completion deadline has passed
// goes to its unit's supervisor. Run periodically by every gateway instance; idempotent (each
// escalated request leaves the states the job looks at) and safe across instances: one run at a
// time through a transaction-level advisory lock, rows claimed with FOR UPDATE SKIP LOCKED.
import type { PrismaClient } from '@layanan/db';
import { jakartaDay } from '@layanan/domain/calendar';
import { requestDeadlineStatus } from '@layanan/domain/services';
import type { LayananPubSub } from '../../../app/pubsub.js';
import { dateOnly, dayOf, loadWorkingCalendar } from '../../../platform/calendar.js';
import { publishUpdate, transitionRequest } from './request-workflow.js';

/** pg advisory lock key of the job ("ESCL"); the migration runner uses 72707369. */
export const ESCALATION_LOCK_KEY = 0x4553434c;
const BATCH = 100;

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
        SELECT id FROM service_request
        WHERE state::text IN ('SUBMITTED', 'VERIFIED', 'IN_PROGRESS')
          AND (("verifiedAt" IS NULL AND "verificationDueOn" < ${dateOnly(today)}::date)
            OR "completionDueOn" < ${dateOnly(today)}::date)
        ORDER BY "submittedAt"
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED`;
      if (candidates.length === 0) return { locked: true, changed: [] };
      const calendar = await loadWorkingCalendar(tx);
      const changed = [];
      for (const { id } of candidates) {
        const row = await tx.serviceRequest.findUniqueOrThrow({ where: { id } });
        const status = requestDeadlineStatus(
          {
            state: row.state,
            verified: row.verifiedAt !== null,
            verificationDueOn: dayOf(row.verificationDueOn),
            completionDueOn: row.completionDueOn ? dayOf(row.completionDueOn) : null,
          },
          today,
        );
        // Each deadline is escalated once, even if a supervisor moves the request back.
        if (
          !status.overdueDeadline ||
          (row.escalatedDueOn && dayOf(row.escalatedDueOn) === status.overdueDeadline)
        ) {
          continue;
        }
        const { before, after } = await transitionRequest(tx, {
          requestId: id,
          expectedVersion: row.version,
          to: 'ESCALATED',
          actor: 'SYSTEM',
          actorKind: 'SYSTEM',
          actorAccountId: null,
          publicNote:
            'Batas waktu terlampaui; diteruskan ke atasan. / The deadline passed; escalated to the supervisor.',
          internalNote: `Eskalasi otomatis, tenggat ${status.overdueDeadline} / automatic escalation, deadline ${status.overdueDeadline}`,
          now,
          calendar,
        });
        await tx.auditEntry.create({
          data: {
            actorKind: 'SYSTEM',
            actorId: null,
            action: 'escalateServiceRequest',
            entityType: 'ServiceRequest',
            entityId: id,
            before: { state: before.state, version: before.version },
            after: { state: after.state, version: after.version, assigneeStaffId: after.assigneeStaffId },
          },
        });
        changed.push(after);
      }
      return { locked: true, changed };
    },
    { timeout: 60_000 },
  );
  if (options.pubsub) for (const r of outcome.changed) publishUpdate(options.pubsub, r);
  return { locked: outcome.locked, escalated: outcome.changed.map((r) => r.trackingCode) };
}
