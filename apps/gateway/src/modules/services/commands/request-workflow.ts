// Request workflow: the reads and writes of the request lifecycle shared by the commands and the
// escalation job — routing candidates, the unit's supervisor, the tracking-code counter, a planned
// status change written with an optimistic version check, and the live update after commit.
import type { Prisma, ServiceRequest } from '@layanan/db';
import { jakartaDay, type WorkingCalendar } from '@layanan/domain/calendar';
import type { RequestChange } from '@layanan/domain/notifications';
import {
  type AssignmentCandidate,
  checkDocumentsComplete,
  checkRedoneBeforeResubmit,
  documentsCheckApplies,
  planRequestTransition,
  type RequestActor,
  type RequestState,
  redoSlotsFor,
  type TransitionPlan,
} from '@layanan/domain/services';
import type { LayananPubSub } from '../../../app/pubsub.js';
import { failure, invalidFields } from '../../../graphql/failures.js';
import type { TransactionClient } from '../../../platform/audited.js';
import { dateOnly, dayOf } from '../../../platform/calendar.js';
import { recordEvent } from '../../../platform/events.js';
import { loadChecklist } from '../../attachments/document-checklist.js';
import { openWhere } from '../queries/open-overdue.js';

export const versionConflict = () => failure('REQUEST_VERSION_CONFLICT');

/** The unit's supervisor (an account with role SUPERVISOR linked to staff of the unit). */
export async function unitSupervisorStaffId(tx: TransactionClient, unitId: string): Promise<string | null> {
  const account = await tx.account.findFirst({
    where: { role: 'SUPERVISOR', disabledAt: null, staff: { unitId, active: true } },
    orderBy: { createdAt: 'asc' },
  });
  return account?.staffId ?? null;
}

/** Routing candidates: active staff of the unit, their level of `competencyId`, open requests. */
export async function assignmentCandidates(
  tx: TransactionClient,
  unitId: string,
  requirement: { competencyId: string; code: string } | null,
): Promise<AssignmentCandidate[]> {
  const staff = await tx.staff.findMany({
    where: { unitId, active: true },
    select: {
      id: true,
      // Only the required competency matters; none is loaded when the service requires none.
      competencies: requirement
        ? { where: { competencyId: requirement.competencyId }, select: { level: true } }
        : { take: 0, select: { level: true } },
    },
  });
  if (staff.length === 0) return [];
  const open = await tx.serviceRequest.groupBy({
    by: ['assigneeStaffId'],
    where: { assigneeStaffId: { in: staff.map((s) => s.id) }, ...openWhere() },
    _count: { _all: true },
  });
  const openBy = new Map(open.map((o) => [o.assigneeStaffId, o._count._all]));
  return staff.map((s) => ({
    staffId: s.id,
    openRequests: openBy.get(s.id) ?? 0,
    competencies: requirement
      ? s.competencies.map((c) => ({ competency: requirement.code, level: c.level }))
      : [],
  }));
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

export type TransitionChange = {
  requestId: string;
  expectedVersion: number;
  to: RequestState;
  actor: RequestActor;
  actorKind: string;
  actorAccountId: string | null;
  publicNote?: string | null;
  internalNote?: string | null;
  /** A return to the citizen: the document slots to redo (`redoSlotsFor`). */
  redoSlots?: readonly string[] | null;
  now: Date;
  calendar: WorkingCalendar;
};

/** The columns of a planned change, dates as stored. */
function changeData(plan: TransitionPlan): Prisma.ServiceRequestUncheckedUpdateManyInput {
  const { verificationDueOn, completionDueOn, escalatedDueOn, ...rest } = plan.changes;
  return {
    ...rest,
    ...(verificationDueOn === undefined ? {} : { verificationDueOn: dateOnly(verificationDueOn) }),
    ...(completionDueOn === undefined ? {} : { completionDueOn: dateOnly(completionDueOn) }),
    ...(escalatedDueOn === undefined ? {} : { escalatedDueOn: escalatedDueOn && dateOnly(escalatedDueOn) }),
  };
}

/**
 * Loads a request, plans the status change in the domain (`planRequestTransition`: deadlines,
 * paused clock, escalation target) and writes it with its trail entry. Exactly one of several
 * concurrent writers that saw the same version succeeds: the update is conditional on the
 * version, and the loser gets a conflict.
 */
export async function applyTransition(
  tx: TransactionClient,
  change: TransitionChange,
): Promise<{
  before: ServiceRequest;
  after: ServiceRequest;
  /** Events recorded in `tx` (platform/events.ts): dispatch them after commit. */
  events: string[];
}> {
  const row = await tx.serviceRequest.findUniqueOrThrow({
    where: { id: change.requestId },
    include: { serviceVersion: { select: { completionDays: true, documentSlots: true } } },
  });
  const { serviceVersion, ...before } = row;
  const returned =
    before.state === 'RETURNED_TO_CITIZEN'
      ? await tx.requestEvent.findFirst({
          where: { requestId: before.id, toState: 'RETURNED_TO_CITIZEN' },
          orderBy: { sequence: 'desc' },
        })
      : null;
  const plan = planRequestTransition({
    request: {
      state: before.state,
      version: before.version,
      submittedAt: before.submittedAt,
      verifiedAt: before.verifiedAt,
      verificationDueOn: dayOf(before.verificationDueOn),
      completionDueOn: before.completionDueOn ? dayOf(before.completionDueOn) : null,
      completionDays: serviceVersion.completionDays,
    },
    expectedVersion: change.expectedVersion,
    to: change.to,
    actor: change.actor,
    publicNote: change.publicNote,
    internalNote: change.internalNote,
    now: change.now,
    calendar: change.calendar,
    returnedOn: returned ? jakartaDay(returned.at) : null,
    supervisorStaffId: change.to === 'ESCALATED' ? await unitSupervisorStaffId(tx, before.unitId) : null,
  });
  if (!plan.ok) throw failure(plan.error);
  const redoSlots = await checkDocuments(tx, before, serviceVersion.documentSlots, change);
  const updated = await tx.serviceRequest.updateMany({
    where: { id: before.id, version: change.expectedVersion },
    data: changeData(plan.value),
  });
  if (updated.count !== 1) throw versionConflict();
  await tx.requestEvent.create({
    data: {
      requestId: before.id,
      sequence: plan.value.changes.version,
      kind: 'TRANSITION',
      fromState: before.state,
      toState: change.to,
      actorKind: change.actorKind,
      actorAccountId: change.actorAccountId,
      publicNote: plan.value.publicNote,
      internalNote: plan.value.internalNote,
      assigneeStaffId: plan.value.escalatedTo,
      redoSlots,
      at: change.now,
    },
  });
  const after = await tx.serviceRequest.findUniqueOrThrow({ where: { id: before.id } });
  const changed = await recordRequestChange(tx, before, after, {
    change: 'TRANSITION',
    actor: change.actor,
    actorAccountId: change.actorAccountId,
    publicNote: plan.value.publicNote,
  });
  // Other areas react to a completion after commit (the feedback area invites to the survey).
  const events =
    after.state === 'COMPLETED'
      ? [
          changed,
          await recordEvent(tx, 'services.request-completed', {
            requestId: after.id,
            trackingCode: after.trackingCode,
            citizenAccountId: after.citizenAccountId,
            completedAt: (after.completedAt ?? change.now).toISOString(),
          }),
        ]
      : [changed];
  return { before, after, events };
}

/**
 * The requirements checklist's part in a status change (issue 19 item 4): verifying (or skipping
 * verification) needs every required slot accepted (RequestTransitionError DOCUMENTS_INCOMPLETE
 * naming the slots); a return to the citizen names the slots to redo (ValidationError on
 * redoSlots); going back from a return needs a new upload into each of those slots
 * (RequestTransitionError REDO_DOCUMENTS_MISSING naming them). Returns the slots the trail entry names. Read in the change's transaction, so a
 * review refused meanwhile is seen.
 */
async function checkDocuments(
  tx: TransactionClient,
  request: ServiceRequest,
  versionSlots: Prisma.JsonValue,
  change: TransitionChange,
): Promise<string[]> {
  const verifying = documentsCheckApplies(change.to, request.verifiedAt !== null);
  const returning = change.to === 'RETURNED_TO_CITIZEN';
  const resubmitting = request.state === 'RETURNED_TO_CITIZEN' && change.to === 'SUBMITTED';
  if (!verifying && !returning && !resubmitting && !change.redoSlots?.length) return [];
  const checklist = await loadChecklist(tx, request.id, versionSlots);
  const redone = checkRedoneBeforeResubmit(checklist, { from: request.state, to: change.to });
  if (!redone.ok) throw failure(redone.error);
  if (verifying) {
    const complete = checkDocumentsComplete(checklist, { from: request.state, to: change.to });
    if (!complete.ok) throw failure(complete.error);
  }
  const redo = redoSlotsFor(change.to, checklist, change.redoSlots);
  if (!redo.ok) throw invalidFields([redo.error]);
  return redo.value;
}

/** A request change as the notification rule reads it (`requestChangeNotices`). */
export type RecordedChange = {
  change: RequestChange['change'];
  actor: RequestActor;
  actorAccountId: string | null;
  publicNote: string | null;
};

/**
 * Records `services.request-changed` in `tx` (the change's transaction), so its people are told
 * after commit — and still after a crash in between; with the service's kind (which words the
 * notices) and, for a completed or rejected request, the WIB day it was decided (a complaint's
 * answer window starts then). Returns the event id to dispatch.
 */
export async function recordRequestChange(
  tx: TransactionClient,
  before: ServiceRequest | null,
  after: ServiceRequest,
  change: RecordedChange,
): Promise<string> {
  const day = (d: Date | null | undefined) => (d ? dayOf(d) : null);
  const service = await tx.service.findUnique({ where: { id: after.serviceId }, select: { kind: true } });
  const decided =
    after.state === 'COMPLETED'
      ? (after.completedAt ?? after.closedAt)
      : after.state === 'REJECTED'
        ? after.closedAt
        : null;
  return recordEvent(tx, 'services.request-changed', {
    requestId: after.id,
    citizenAccountId: after.citizenAccountId,
    actorAccountId: change.actorAccountId,
    decidedOn: decided ? jakartaDay(decided) : null,
    change: {
      serviceKind: service?.kind ?? null,
      trackingCode: after.trackingCode,
      change: change.change,
      fromState: before?.state ?? null,
      toState: after.state,
      actor: change.actor,
      publicNote: change.publicNote,
      assigneeBefore: before ? before.assigneeStaffId : null,
      assigneeAfter: after.assigneeStaffId,
      verificationDueOn: dayOf(after.verificationDueOn),
      completionDueBefore: day(before?.completionDueOn),
      completionDueAfter: day(after.completionDueOn),
    },
  });
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
