// Changes to a filed request: a status change (the lifecycle), a reassignment, a correction.
// Commands over plain dependencies, called by the GraphQL mutations; the escalation job applies
// the same status change through `applyTransition`.
import type { Prisma, RequestState, ServiceRequest } from '@layanan/db';
import { checkClaim, checkCorrection, checkReassignment, checkRequestNote } from '@layanan/domain/services';
import { NotFoundError } from '../../../graphql/errors.js';
import { failure, validationFailed } from '../../../graphql/failures.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { forbidden } from '../../../platform/authz.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { isUuid } from '../../../platform/uuid.js';
import { actorFor, hidesOthersRequests, mayReassign } from '../access.js';
import { normalizedCode } from '../queries/tracking-code.js';
import { applyTransition, publishUpdate, recordRequestChange, versionConflict } from './request-workflow.js';

async function loadForChange(deps: CommandDeps, trackingCode: string): Promise<ServiceRequest> {
  const code = normalizedCode(trackingCode);
  const request = code
    ? await deps.prisma.serviceRequest.findUnique({ where: { trackingCode: code } })
    : null;
  if (!request) throw new NotFoundError('ServiceRequest', trackingCode);
  return request;
}

/** The caller's lifecycle role on the request; not found for a citizen's foreign request. */
function actorOrRefuse(caller: Caller, request: ServiceRequest, trackingCode: string) {
  const actor = actorFor(caller, request);
  if (actor) return actor;
  if (hidesOthersRequests(caller)) throw new NotFoundError('ServiceRequest', trackingCode);
  throw forbidden();
}

export type TransitionRequestInput = {
  trackingCode: string;
  to: RequestState;
  expectedVersion: number;
  publicNote?: string | null;
  internalNote?: string | null;
};

/**
 * Moves a request through its lifecycle. A completion records `services.request-completed` in the
 * same transaction; its handlers (the survey invitation) run once it has committed.
 */
export async function transitionRequest(
  deps: CommandDeps,
  caller: Caller,
  input: TransitionRequestInput,
): Promise<ServiceRequest> {
  const request = await loadForChange(deps, input.trackingCode);
  const actor = actorOrRefuse(caller, request, input.trackingCode);
  const calendar = await deps.calendar();
  const { after, events } = await audited(
    auditScope(deps, caller),
    { action: 'transitionServiceRequest', entityType: 'ServiceRequest' },
    async (tx) => {
      const change = await applyTransition(tx, {
        requestId: request.id,
        expectedVersion: input.expectedVersion,
        to: input.to,
        actor: actor.actor,
        actorKind: actor.actorKind,
        actorAccountId: actor.accountId,
        publicNote: input.publicNote,
        internalNote: input.internalNote,
        now: deps.now(),
        calendar,
      });
      return {
        result: change,
        entityId: request.id,
        before: { state: change.before.state, version: change.before.version },
        after: { state: change.after.state, version: change.after.version },
      };
    },
  );
  publishUpdate(deps.pubsub, after);
  await deps.events.dispatch(events);
  return after;
}

/**
 * A change that keeps the state (a reassignment, a correction): bumps the version if it is still
 * `expectedVersion` (else a conflict), writes the trail entry, returns the updated request.
 */
async function recordInTrail(
  tx: TransactionClient,
  request: ServiceRequest,
  expectedVersion: number,
  data: { assigneeStaffId?: string },
  entry: Omit<Prisma.RequestEventUncheckedCreateInput, 'requestId' | 'sequence' | 'fromState' | 'toState'>,
): Promise<ServiceRequest> {
  const updated = await tx.serviceRequest.updateMany({
    where: { id: request.id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw versionConflict();
  await tx.requestEvent.create({
    data: {
      ...entry,
      requestId: request.id,
      sequence: expectedVersion + 1,
      fromState: request.state,
      toState: request.state,
    },
  });
  return tx.serviceRequest.findUniqueOrThrow({ where: { id: request.id } });
}

export type ReassignRequestInput = {
  trackingCode: string;
  staffId: string;
  expectedVersion: number;
  internalNote?: string | null;
};

/** Gives a request to another active staff member of its unit (the unit's supervisor, admins). */
export async function reassignRequest(
  deps: CommandDeps,
  caller: Caller,
  input: ReassignRequestInput,
): Promise<ServiceRequest> {
  const request = await loadForChange(deps, input.trackingCode);
  if (!mayReassign(caller, request.unitId)) throw forbidden();
  const staff = isUuid(input.staffId)
    ? await deps.prisma.staff.findUnique({ where: { id: input.staffId } })
    : null;
  const checked = checkReassignment(staff, request.unitId);
  if (!checked.ok || !staff) throw validationFailed(checked.ok ? [] : [checked.error]);
  const after = await audited(
    auditScope(deps, caller),
    { action: 'reassignServiceRequest', entityType: 'ServiceRequest' },
    async (tx) => {
      const row = await recordInTrail(
        tx,
        request,
        input.expectedVersion,
        { assigneeStaffId: staff.id },
        {
          kind: 'REASSIGNED',
          actorKind: caller.role,
          actorAccountId: caller.accountId,
          internalNote: input.internalNote?.trim() || null,
          assigneeStaffId: staff.id,
        },
      );
      const event = await recordRequestChange(tx, request, row, {
        change: 'REASSIGNED',
        actor: 'SUPERVISOR',
        actorAccountId: caller.accountId,
        publicNote: null,
      });
      return {
        result: { row, event },
        entityId: row.id,
        before: { assigneeStaffId: request.assigneeStaffId },
        after: { assigneeStaffId: staff.id },
      };
    },
  );
  publishUpdate(deps.pubsub, after.row);
  await deps.events.dispatch([after.event]);
  return after.row;
}

export type CorrectRequestInput = { trackingCode: string; expectedVersion: number; text: string };

/** Adds a correction to the trail; the original text and values stay unedited. */
export async function addRequestCorrection(
  deps: CommandDeps,
  caller: Caller,
  input: CorrectRequestInput,
): Promise<ServiceRequest> {
  const request = await loadForChange(deps, input.trackingCode);
  const actor = actorOrRefuse(caller, request, input.trackingCode);
  const checked = checkCorrection(request.state, input.text);
  if (!checked.ok) {
    const e = checked.error;
    throw 'field' in e ? validationFailed([e]) : failure(e);
  }
  const text = checked.value;
  const after = await audited(
    auditScope(deps, caller),
    { action: 'addServiceRequestCorrection', entityType: 'ServiceRequest' },
    async (tx) => {
      const row = await recordInTrail(
        tx,
        request,
        input.expectedVersion,
        {},
        {
          kind: 'CORRECTION',
          actorKind: actor.actorKind,
          actorAccountId: actor.accountId,
          publicNote: text,
        },
      );
      const event = await recordRequestChange(tx, request, row, {
        change: 'CORRECTION',
        actor: actor.actor,
        actorAccountId: actor.accountId,
        publicNote: text,
      });
      return { result: { row, event }, entityId: row.id, after: { version: row.version, correction: text } };
    },
  );
  publishUpdate(deps.pubsub, after.row);
  await deps.events.dispatch([after.event]);
  return after.row;
}

export type RequestNoteInput = {
  trackingCode: string;
  expectedVersion: number;
  publicNote?: string | null;
  internalNote?: string | null;
};

/**
 * Adds a note to the trail without changing the state: staff of the request's unit (and admins).
 * The public note is shown to the citizen; the internal one to staff only.
 */
export async function addRequestNote(
  deps: CommandDeps,
  caller: Caller,
  input: RequestNoteInput,
): Promise<ServiceRequest> {
  const request = await loadForChange(deps, input.trackingCode);
  const actor = actorOrRefuse(caller, request, input.trackingCode);
  if (actor.actor === 'CITIZEN') throw forbidden();
  const checked = checkRequestNote(input);
  if (!checked.ok) throw validationFailed([checked.error]);
  const after = await audited(
    auditScope(deps, caller),
    { action: 'addServiceRequestNote', entityType: 'ServiceRequest' },
    async (tx) => {
      const row = await recordInTrail(
        tx,
        request,
        input.expectedVersion,
        {},
        {
          kind: 'NOTE',
          actorKind: actor.actorKind,
          actorAccountId: actor.accountId,
          ...checked.value,
        },
      );
      return { result: row, entityId: row.id, after: { version: row.version, ...checked.value } };
    },
  );
  publishUpdate(deps.pubsub, after);
  return after;
}

export type ClaimRequestInput = { trackingCode: string; expectedVersion: number };

/** The calling staff member takes a request of their unit on (becomes its assignee). */
export async function claimRequest(
  deps: CommandDeps,
  caller: Caller,
  input: ClaimRequestInput,
): Promise<ServiceRequest> {
  const request = await loadForChange(deps, input.trackingCode);
  const actor = actorOrRefuse(caller, request, input.trackingCode);
  // Only staff of the request's own unit take it on; admins hand requests on by reassigning.
  const staffId = caller.kind === 'account' ? caller.staffId : null;
  if (actor.actor === 'CITIZEN' || actor.actorKind === 'ADMIN' || !staffId) throw forbidden();
  const staff = await deps.prisma.staff.findUniqueOrThrow({ where: { id: staffId } });
  const checked = checkClaim(staff, request);
  if (!checked.ok) {
    const e = checked.error;
    throw 'field' in e ? validationFailed([e]) : failure(e);
  }
  const after = await audited(
    auditScope(deps, caller),
    { action: 'claimServiceRequest', entityType: 'ServiceRequest' },
    async (tx) => {
      const row = await recordInTrail(
        tx,
        request,
        input.expectedVersion,
        { assigneeStaffId: staff.id },
        {
          kind: 'REASSIGNED',
          actorKind: actor.actorKind,
          actorAccountId: actor.accountId,
          assigneeStaffId: staff.id,
        },
      );
      return {
        result: row,
        entityId: row.id,
        before: { assigneeStaffId: request.assigneeStaffId },
        after: { assigneeStaffId: staff.id },
      };
    },
  );
  publishUpdate(deps.pubsub, after);
  return after;
}
