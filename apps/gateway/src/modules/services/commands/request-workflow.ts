// Request workflow shared by the GraphQL mutations and the escalation job: load, call the
// domain rules, write the change and its status-trail entry with an optimistic version check.
import type { Prisma, RequestState, ServiceRequest } from '@layanan/db';
import {
  addWorkingDays,
  jakartaDay,
  type WorkingCalendar,
  workingDaysBetween,
} from '@layanan/domain/calendar';
import {
  pickAssignee,
  REQUEST_ERROR_MESSAGES,
  REQUEST_VERIFICATION_WORKING_DAYS,
  type RequestActor,
  requestTransition,
} from '@layanan/domain/services';
import type { LayananPubSub } from '../../../app/pubsub.js';
import { ConflictError, RequestTransitionError } from '../../../graphql/errors.js';
import type { TransactionClient } from '../../../platform/audited.js';
import { dateOnly, dayOf } from '../../../platform/calendar.js';

export const versionConflict = () =>
  new ConflictError(
    'REQUEST_VERSION_CONFLICT',
    REQUEST_ERROR_MESSAGES.REQUEST_VERSION_CONFLICT.id,
    REQUEST_ERROR_MESSAGES.REQUEST_VERSION_CONFLICT.en,
  );

export type TransitionCommand = {
  requestId: string;
  expectedVersion: number;
  to: RequestState;
  actor: RequestActor;
  actorKind: string;
  actorAccountId: string | null;
  publicNote?: string | null;
  internalNote?: string | null;
  now: Date;
  calendar: WorkingCalendar;
};

/** The unit's supervisor (an account with role SUPERVISOR linked to staff of the unit). */
export async function unitSupervisorStaffId(tx: TransactionClient, unitId: string): Promise<string | null> {
  const account = await tx.account.findFirst({
    where: { role: 'SUPERVISOR', disabledAt: null, staff: { unitId, active: true } },
    orderBy: { createdAt: 'asc' },
  });
  return account?.staffId ?? null;
}

/**
 * Applies one status change. Exactly one of several concurrent writers that saw the same
 * version succeeds: the update is conditional on the version, and the loser gets a conflict.
 */
export async function transitionRequest(
  tx: TransactionClient,
  command: TransitionCommand,
): Promise<{ before: ServiceRequest; after: ServiceRequest }> {
  const before = await tx.serviceRequest.findUniqueOrThrow({
    where: { id: command.requestId },
    include: { serviceVersion: { select: { completionDays: true } } },
  });
  if (before.version !== command.expectedVersion) throw versionConflict();
  const publicNote = command.publicNote?.trim() || null;
  const checked = requestTransition(before.state, command.to, { actor: command.actor, reason: publicNote });
  if (!checked.ok) {
    const e = checked.error;
    throw new RequestTransitionError(e.code, e.message.id, e.message.en, before.state, command.to);
  }
  const today = jakartaDay(command.now);
  const submittedDay = jakartaDay(before.submittedAt);
  const completionDue = () =>
    before.completionDueOn ??
    dateOnly(addWorkingDays(today, before.serviceVersion.completionDays, command.calendar));
  const data: Prisma.ServiceRequestUncheckedUpdateManyInput = {
    state: command.to,
    version: before.version + 1,
  };

  let escalatedTo: string | null = null;
  switch (command.to) {
    case 'VERIFIED':
    case 'IN_PROGRESS':
      if (!before.verifiedAt) {
        data.verifiedAt = command.now;
        data.verifyWorkingDays = workingDaysBetween(submittedDay, today, command.calendar);
      }
      data.completionDueOn = completionDue();
      break;
    case 'COMPLETED':
      if (!before.verifiedAt) {
        data.verifiedAt = command.now;
        data.verifyWorkingDays = workingDaysBetween(submittedDay, today, command.calendar);
      }
      data.completionDueOn = completionDue();
      data.completedAt = command.now;
      data.closedAt = command.now;
      data.completeWorkingDays = workingDaysBetween(submittedDay, today, command.calendar);
      break;
    case 'REJECTED':
    case 'WITHDRAWN':
      data.closedAt = command.now;
      break;
    case 'SUBMITTED': {
      // Back from the citizen: the clock resumes. Verification starts again; a completion
      // deadline already set moves by the working days the request waited on the citizen.
      data.verificationDueOn = dateOnly(
        addWorkingDays(today, REQUEST_VERIFICATION_WORKING_DAYS, command.calendar),
      );
      if (before.completionDueOn) {
        const returned = await tx.requestEvent.findFirst({
          where: { requestId: before.id, toState: 'RETURNED_TO_CITIZEN' },
          orderBy: { sequence: 'desc' },
        });
        const paused = returned
          ? Math.max(0, workingDaysBetween(jakartaDay(returned.at), today, command.calendar))
          : 0;
        data.completionDueOn = dateOnly(
          addWorkingDays(dayOf(before.completionDueOn), paused, command.calendar),
        );
      }
      break;
    }
    case 'ESCALATED': {
      const supervisor = await unitSupervisorStaffId(tx, before.unitId);
      if (supervisor) {
        data.assigneeStaffId = supervisor;
        escalatedTo = supervisor;
      }
      const deadline = !before.verifiedAt ? before.verificationDueOn : before.completionDueOn;
      data.escalatedDueOn = deadline;
      break;
    }
    default:
      break;
  }

  const updated = await tx.serviceRequest.updateMany({
    where: { id: before.id, version: command.expectedVersion },
    data,
  });
  if (updated.count !== 1) throw versionConflict();
  await tx.requestEvent.create({
    data: {
      requestId: before.id,
      sequence: before.version + 1,
      kind: 'TRANSITION',
      fromState: before.state,
      toState: command.to,
      actorKind: command.actorKind,
      actorAccountId: command.actorAccountId,
      publicNote,
      internalNote: command.internalNote?.trim() || null,
      assigneeStaffId: escalatedTo,
      at: command.now,
    },
  });
  const after = await tx.serviceRequest.findUniqueOrThrow({ where: { id: before.id } });
  const { serviceVersion: _v, ...plain } = before;
  return { before: plain, after };
}

/**
 * Routing: staff of the owning unit holding the required competency at the required level,
 * fewest open requests first (domain `pickAssignee`). Null when nobody qualifies: the request
 * then waits in the unit's queue for the supervisor.
 */
export async function chooseAssignee(
  tx: TransactionClient,
  unitId: string,
  requirement: { competencyId: string; code: string; level: number } | null,
): Promise<string | null> {
  const staff = await tx.staff.findMany({
    where: { unitId, active: true },
    include: requirement
      ? { competencies: { where: { competencyId: requirement.competencyId } } }
      : undefined,
  });
  if (staff.length === 0) return null;
  const open = await tx.serviceRequest.groupBy({
    by: ['assigneeStaffId'],
    where: {
      assigneeStaffId: { in: staff.map((s) => s.id) },
      state: { notIn: ['COMPLETED', 'REJECTED', 'WITHDRAWN'] },
    },
    _count: { _all: true },
  });
  const openBy = new Map(open.map((o) => [o.assigneeStaffId, o._count._all]));
  const picked = pickAssignee(
    staff.map((s) => ({
      staffId: s.id,
      openRequests: openBy.get(s.id) ?? 0,
      competencies: requirement
        ? ((s as unknown as { competencies: { level: number }[] }).competencies ?? []).map((c) => ({
            competency: requirement.code,
            level: c.level,
          }))
        : [],
    })),
    requirement ? { competency: requirement.code, level: requirement.level } : undefined,
  );
  return picked.ok ? picked.value.staffId : null;
}

/** Next tracking-code sequence of a year; one atomic statement, safe under concurrency. */
export async function nextTrackingSequence(tx: TransactionClient, year: number): Promise<number> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO tracking_counter (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = tracking_counter.last + 1
    RETURNING last`;
  const last = rows[0]?.last;
  if (last === undefined) throw new Error('tracking counter returned no row');
  return Number(last);
}

export function publishUpdate(pubsub: LayananPubSub, request: ServiceRequest): void {
  pubsub.publish('request:updated', {
    requestId: request.id,
    trackingCode: request.trackingCode,
    unitId: request.unitId,
    citizenAccountId: request.citizenAccountId,
    state: request.state,
    version: request.version,
    at: request.updatedAt.toISOString(),
  });
}
