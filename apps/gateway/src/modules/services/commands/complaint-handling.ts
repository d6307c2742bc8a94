// Complaint handling (issue 20): transfer (disposisi) of a request to the service and unit that
// are responsible, the reporter's answer to the outcome (accept closes, contest reopens), and the
// job that closes complaints whose answer window passed. The rules are the domain's
// (complaint-handling.ts); these commands load, check access, write and tell people.
import type { PrismaClient, ServiceRequest } from '@layanan/db';
import { jakartaDay, type WorkingCalendar } from '@layanan/domain/calendar';
import {
  complaintClosureDue,
  pickAssignee,
  planReporterAnswer,
  planTransfer,
} from '@layanan/domain/services';
import type { ComplaintPolicy } from '../../../app/config.js';
import type { LayananPubSub } from '../../../app/pubsub.js';
import { NotFoundError } from '../../../graphql/errors.js';
import type { TransactionClient } from '../../../platform/audited.js';
import { forbidden } from '../../../platform/authz.js';
import { dateOnly, dayOf } from '../../../platform/calendar.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { mayReassign } from '../access.js';
import { actorOrRefuse, changeInTrail, loadForChange, refusal } from './change-request.js';
import { assignmentCandidates, publishUpdate, recordRequestChange } from './request-workflow.js';

export type TransferRequestInput = {
  trackingCode: string;
  /** The code of the service the request belongs under (of another unit, or the right one). */
  serviceCode: string;
  reason: string;
  expectedVersion: number;
};

/**
 * Transfers an open request to another service of the same kind (disposisi): the supervisor of
 * the request's current unit, or an admin (the city's complaint coordinator). The request keeps
 * its tracking code, text, values and trail; it goes to the target's unit and current version,
 * to the staff member the routing picks there (or nobody when the unit has no one), and its
 * deadlines follow `policy.transferClock`. The citizen is told with the reason.
 */
export async function transferRequest(
  deps: CommandDeps,
  caller: Caller,
  input: TransferRequestInput,
  policy: Pick<ComplaintPolicy, 'transferClock'>,
): Promise<ServiceRequest> {
  const request = await loadForChange(deps, input.trackingCode);
  if (!mayReassign(caller, request)) throw forbidden();
  const [source, target] = await Promise.all([
    deps.prisma.service.findUniqueOrThrow({
      where: { id: request.serviceId },
      select: { kind: true, code: true },
    }),
    deps.prisma.service.findUnique({
      where: { code: input.serviceCode.trim() },
      include: { currentVersion: { select: { id: true, completionDays: true } } },
    }),
  ]);
  if (!target?.currentVersion || !target.published) throw new NotFoundError('Service', input.serviceCode);
  const calendar = await deps.calendar();
  const plan = planTransfer({
    request: {
      state: request.state,
      serviceId: request.serviceId,
      serviceKind: source.kind,
      verifiedAt: request.verifiedAt,
      verificationDueOn: dayOf(request.verificationDueOn),
      completionDueOn: request.completionDueOn ? dayOf(request.completionDueOn) : null,
    },
    to: {
      serviceId: target.id,
      serviceKind: target.kind,
      unitId: target.unitId,
      completionDays: target.currentVersion.completionDays,
    },
    reason: input.reason,
    now: deps.now(),
    calendar,
    rule: policy.transferClock,
  });
  if (!plan.ok) throw refusal(plan.error);
  const candidates = await assignmentCandidates(deps.prisma, target.unitId, null);
  const picked = pickAssignee(candidates);
  const assigneeStaffId = picked.ok ? picked.value.staffId : null;
  const { value } = plan;
  return changeInTrail(deps, caller, {
    action: 'transferServiceRequest',
    request,
    expectedVersion: input.expectedVersion,
    data: {
      serviceId: value.serviceId,
      serviceVersionId: target.currentVersion.id,
      unitId: value.unitId,
      assigneeStaffId,
      verificationDueOn: dateOnly(value.verificationDueOn),
      completionDueOn: value.completionDueOn ? dateOnly(value.completionDueOn) : null,
      escalatedDueOn: null,
      // The escalation of the old unit, or of the outcome before the contest, starts again.
      escalationLevel: null,
      escalationLevelAt: null,
      escalationUnitId: null,
    },
    entry: {
      kind: 'TRANSFERRED',
      actorKind: caller.kind === 'account' ? caller.role : 'SYSTEM',
      actorAccountId: caller.kind === 'account' ? caller.accountId : null,
      publicNote: value.reason,
      internalNote: `Disposisi dari layanan ${source.code} ke ${target.code} / transferred from service ${source.code} to ${target.code}`,
      assigneeStaffId,
    },
    change: {
      change: 'TRANSFERRED',
      actor: 'SUPERVISOR',
      actorAccountId: caller.kind === 'account' ? caller.accountId : null,
      publicNote: value.reason,
    },
    audit: (row) => ({
      before: {
        serviceId: request.serviceId,
        unitId: request.unitId,
        assigneeStaffId: request.assigneeStaffId,
      },
      after: {
        serviceId: row.serviceId,
        unitId: row.unitId,
        assigneeStaffId: row.assigneeStaffId,
        reason: value.reason,
      },
    }),
  });
}

export type AnswerOutcomeInput = {
  trackingCode: string;
  /** True: the reporter accepts the outcome; false: contests it with `reason`. */
  accept: boolean;
  reason?: string | null;
  expectedVersion: number;
};

/**
 * The reporter of a completed or rejected complaint accepts the outcome (the case closes) or
 * contests it with a reason (it reopens in progress, with a new completion deadline, and its
 * assignee is told), within `policy.answerWorkingDays` working days of the decision.
 */
export async function answerRequestOutcome(
  deps: CommandDeps,
  caller: Caller,
  input: AnswerOutcomeInput,
  policy: Pick<ComplaintPolicy, 'answerWorkingDays' | 'maxReopens'>,
): Promise<ServiceRequest> {
  const request = await loadForChange(deps, input.trackingCode);
  const actor = actorOrRefuse(caller, request, input.trackingCode);
  if (actor.actor !== 'CITIZEN') throw forbidden();
  return answerOutcome(deps, caller, request, actor, input, policy);
}

/**
 * The reporter's answer to a loaded complaint: the reporter's account, or for an anonymous
 * complaint nobody (`accountId` null; the holder of the tracking code and its secret).
 */
export async function answerOutcome(
  deps: CommandDeps,
  caller: Caller,
  request: ServiceRequest,
  actor: { actorKind: string; accountId: string | null },
  input: Omit<AnswerOutcomeInput, 'trackingCode'>,
  policy: Pick<ComplaintPolicy, 'answerWorkingDays' | 'maxReopens'>,
  /** Further writes in the answer's transaction (an Open311 client's idempotency record). */
  also?: (tx: TransactionClient, row: ServiceRequest) => Promise<void>,
): Promise<ServiceRequest> {
  const version = await deps.prisma.serviceVersion.findUniqueOrThrow({
    where: { id: request.serviceVersionId },
    select: { completionDays: true, service: { select: { kind: true } } },
  });
  const now = deps.now();
  const plan = planReporterAnswer({
    complaint: {
      serviceKind: version.service.kind,
      state: request.state,
      decidedAt: decidedAt(request),
      finalClosedAt: request.finalClosedAt,
      reopenCount: request.reopenCount,
      completionDays: version.completionDays,
    },
    answer: input.accept ? { kind: 'ACCEPT' } : { kind: 'CONTEST', reason: input.reason ?? '' },
    now,
    calendar: await deps.calendar(),
    windowWorkingDays: policy.answerWorkingDays,
    maxReopens: policy.maxReopens,
  });
  if (!plan.ok) throw refusal(plan.error);
  const trail = { actorKind: actor.actorKind, actorAccountId: actor.accountId };
  if (plan.value.kind === 'CLOSE') {
    return changeInTrail(deps, caller, {
      action: 'answerServiceRequestOutcome',
      request,
      expectedVersion: input.expectedVersion,
      data: { finalClosedAt: plan.value.finalClosedAt },
      entry: { kind: 'OUTCOME_ACCEPTED', ...trail },
      change: { change: 'CORRECTION', actor: 'CITIZEN', actorAccountId: actor.accountId, publicNote: null },
      audit: (row) => ({ after: { finalClosedAt: row.finalClosedAt, accepted: true } }),
      also,
    });
  }
  const { reason, completionDueOn, reopenCount, state } = plan.value;
  return changeInTrail(deps, caller, {
    action: 'answerServiceRequestOutcome',
    request,
    expectedVersion: input.expectedVersion,
    data: {
      state,
      completionDueOn: dateOnly(completionDueOn),
      reopenCount,
      completedAt: null,
      closedAt: null,
      completeWorkingDays: null,
      escalatedDueOn: null,
      // The escalation of the old unit, or of the outcome before the contest, starts again.
      escalationLevel: null,
      escalationLevelAt: null,
      escalationUnitId: null,
    },
    entry: { kind: 'REOPENED', toState: state, publicNote: reason, ...trail },
    change: { change: 'REOPENED', actor: 'CITIZEN', actorAccountId: actor.accountId, publicNote: reason },
    audit: (row) => ({
      before: { state: request.state, reopenCount: request.reopenCount },
      after: { state: row.state, reopenCount: row.reopenCount, completionDueOn: completionDueOn, reason },
    }),
    also,
  });
}

/** When staff decided the request: its completion, or the closing of a rejection. */
export function decidedAt(request: Pick<ServiceRequest, 'state' | 'completedAt' | 'closedAt'>): Date | null {
  if (request.state === 'COMPLETED') return request.completedAt ?? request.closedAt;
  if (request.state === 'REJECTED') return request.closedAt;
  return null;
}

const CLOSING_BATCH = 100;

/**
 * The closing job: every complaint completed or rejected whose answer window ended before
 * today (WIB) and that nobody closed is finally closed, with a trail entry (actor: the system),
 * an audit entry and `services.request-changed` (`CLOSED`: its reporter is told, handled by the
 * next event sweep or `deps.dispatch`). Pages through the candidates in batches (keyset on
 * `closedAt`, `id`). Returns the tracking codes it closed.
 */
export async function closeAnsweredComplaints(
  prisma: PrismaClient,
  deps: {
    now: Date;
    calendar: WorkingCalendar;
    policy: Pick<ComplaintPolicy, 'answerWorkingDays'>;
    pubsub: LayananPubSub;
    /** Candidates read per page (CLOSING_BATCH); the job pages past those not yet due. */
    batchSize?: number;
    /** Handles the recorded events at once (the event bus's `dispatch`); else the next sweep does. */
    dispatch?: (eventIds: string[]) => Promise<unknown>;
  },
): Promise<string[]> {
  const events: string[] = [];
  const today = jakartaDay(deps.now);
  const batchSize = deps.batchSize ?? CLOSING_BATCH;
  const closed: string[] = [];
  let after: { closedAt: Date; id: string } | null = null;
  for (;;) {
    const batch: ServiceRequest[] = await prisma.serviceRequest.findMany({
      where: {
        finalClosedAt: null,
        state: { in: ['COMPLETED', 'REJECTED'] },
        service: { kind: 'COMPLAINT' },
        closedAt: { not: null, ...(after ? { gte: after.closedAt } : {}) },
        ...(after ? { NOT: { closedAt: after.closedAt, id: { lte: after.id } } } : {}),
      },
      orderBy: [{ closedAt: 'asc' }, { id: 'asc' }],
      take: batchSize,
    });
    for (const row of batch) {
      const due = complaintClosureDue(
        {
          serviceKind: 'COMPLAINT',
          state: row.state,
          decidedAt: decidedAt(row),
          finalClosedAt: row.finalClosedAt,
        },
        today,
        deps.calendar,
        deps.policy.answerWorkingDays,
      );
      if (!due) continue;
      const done = await prisma.$transaction(async (tx) => {
        const updated = await tx.serviceRequest.updateMany({
          where: { id: row.id, version: row.version, finalClosedAt: null },
          data: { finalClosedAt: deps.now, version: { increment: 1 } },
        });
        if (updated.count !== 1) return null;
        await tx.requestEvent.create({
          data: {
            requestId: row.id,
            sequence: row.version + 1,
            kind: 'FINALLY_CLOSED',
            fromState: row.state,
            toState: row.state,
            actorKind: 'SYSTEM',
            publicNote:
              'Batas waktu tanggapan pelapor lewat; pengaduan ditutup. / The time to answer passed; the complaint is closed.',
            at: deps.now,
          },
        });
        await tx.auditEntry.create({
          data: {
            actorKind: 'SYSTEM',
            actorId: null,
            action: 'closeAnsweredComplaint',
            entityType: 'ServiceRequest',
            entityId: row.id,
            before: { finalClosedAt: null },
            after: { finalClosedAt: deps.now.toISOString() },
          },
        });
        const closedRow = await tx.serviceRequest.findUniqueOrThrow({ where: { id: row.id } });
        events.push(
          await recordRequestChange(tx, row, closedRow, {
            change: 'CLOSED',
            actor: 'SYSTEM',
            actorAccountId: null,
            publicNote: null,
          }),
        );
        return closedRow;
      });
      if (done) {
        closed.push(done.trackingCode);
        publishUpdate(deps.pubsub, done);
      }
    }
    const last = batch.at(-1);
    if (batch.length < batchSize || !last?.closedAt) break;
    after = { closedAt: last.closedAt, id: last.id };
  }
  if (deps.dispatch && events.length > 0) await deps.dispatch(events);
  return closed;
}
