// Changes to a filed request: a status change (the lifecycle), a reassignment, a correction.
// Commands over plain dependencies, called by the GraphQL mutations; the escalation job applies
// the same status change through `applyTransition`.
import type { Prisma, RequestState, ServiceRequest } from '@layanan/db';
import { type DomainError, type FieldError, reasonProblem } from '@layanan/domain';
import {
  checkClaim,
  checkCorrection,
  checkReassignment,
  checkRequestNote,
  MAX_REQUEST_TEXT,
} from '@layanan/domain/services';
import { NotFoundError } from '../../../graphql/errors.js';
import { type FailureCode, failure, invalidFields, validationFailed } from '../../../graphql/failures.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { forbidden } from '../../../platform/authz.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import type { StagedUpload } from '../../../platform/storage/multipart.js';
import { isUuid } from '../../../platform/uuid.js';
import { slotsOfUploads } from '../../attachments/document-checklist.js';
import type { PreparedAttachment } from '../../attachments/prepare-attachments.js';
import {
  attachedHashes,
  recordAttachments,
  requestVersionFiles,
  storedUploads,
} from '../../attachments/record-attachments.js';
import { actorFor, hidesOthersRequests, mayReassign, type RequestActorOf } from '../access.js';
import { normalizedCode } from '../queries/tracking-code.js';
import {
  applyTransition,
  publishUpdate,
  type RecordedChange,
  recordRequestChange,
  versionConflict,
} from './request-workflow.js';

export async function loadForChange(deps: CommandDeps, trackingCode: string): Promise<ServiceRequest> {
  const code = normalizedCode(trackingCode);
  const request = code
    ? await deps.prisma.serviceRequest.findUnique({ where: { trackingCode: code } })
    : null;
  if (!request) throw new NotFoundError('ServiceRequest', trackingCode);
  return request;
}

/** A refused check as its typed error: a field error as ValidationError, else by its code. */
export const refusal = (e: FieldError | DomainError<FailureCode>) =>
  'field' in e ? validationFailed([e]) : failure(e);

/** The caller's lifecycle role on the request; not found for a citizen's foreign request. */
export function actorOrRefuse(caller: Caller, request: ServiceRequest, trackingCode: string) {
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
  /** A return to the citizen: the document slots to redo (default: the refused and missing ones). */
  redoSlots?: readonly string[] | null;
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
  return transitionAs(deps, caller, request, actorOrRefuse(caller, request, input.trackingCode), input);
}

/**
 * `transitionRequest` for a request already loaded and an actor already decided (the anonymous
 * reporter's resubmission names no account): the domain's transition in one audited transaction,
 * then the update published and the change's events dispatched.
 */
export async function transitionAs(
  deps: CommandDeps,
  caller: Caller,
  request: ServiceRequest,
  actor: Omit<RequestActorOf, 'accountId'> & { accountId: string | null },
  input: Omit<TransitionRequestInput, 'trackingCode'>,
): Promise<ServiceRequest> {
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
        redoSlots: input.redoSlots,
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

type TrailEntry = Omit<
  Prisma.RequestEventUncheckedCreateInput,
  'requestId' | 'sequence' | 'fromState' | 'toState'
> & {
  /** The state the change leads to; the request's own when absent. */
  toState?: RequestState;
};

/**
 * A change that keeps the state (a reassignment, a correction, a note): in one audited
 * transaction bumps the version if it is still `expectedVersion` (else a conflict), writes the
 * trail entry and records `services.request-changed` (its people are told after commit);
 * then publishes the update. Returns the updated request.
 */
export async function changeInTrail(
  deps: CommandDeps,
  caller: Caller,
  c: {
    action: string;
    request: ServiceRequest;
    expectedVersion: number;
    assigneeStaffId?: string;
    /** Other columns the change writes (a transfer's unit and deadlines, a reopened state). */
    data?: Prisma.ServiceRequestUncheckedUpdateManyInput;
    entry: TrailEntry;
    change: RecordedChange;
    audit: (row: ServiceRequest) => { before?: Record<string, unknown>; after: Record<string, unknown> };
    /** Files that come with the entry, already checked and stored (storedUploads). */
    files?: {
      stored: readonly PreparedAttachment[];
      purpose: 'CORRECTION' | 'STAFF_NOTE';
      /** The document slot each file fills (`slotsOfUploads`). */
      slots?: readonly (string | null)[];
    };
    /** Further writes of the change, in its transaction, after the request row (a duplicate's
     * followers). */
    also?: (tx: TransactionClient, row: ServiceRequest) => Promise<void>;
  },
): Promise<ServiceRequest> {
  const { request } = c;
  const after = await audited(
    auditScope(deps, caller),
    { action: c.action, entityType: 'ServiceRequest' },
    async (tx) => {
      const updated = await tx.serviceRequest.updateMany({
        where: { id: request.id, version: c.expectedVersion },
        data: {
          ...c.data,
          ...(c.assigneeStaffId ? { assigneeStaffId: c.assigneeStaffId } : {}),
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw versionConflict();
      const entry = await tx.requestEvent.create({
        data: {
          ...c.entry,
          requestId: request.id,
          sequence: c.expectedVersion + 1,
          fromState: request.state,
          toState: c.entry.toState ?? request.state,
        },
      });
      if (c.files)
        await recordAttachments(tx, c.files.stored, {
          purpose: c.files.purpose,
          uploader: caller,
          requestId: request.id,
          requestEventId: entry.id,
          slots: c.files.slots,
        });
      const row = await tx.serviceRequest.findUniqueOrThrow({ where: { id: request.id } });
      if (c.also) await c.also(tx, row);
      const event = await recordRequestChange(tx, request, row, c.change);
      return { result: { row, event }, entityId: row.id, ...c.audit(row) };
    },
  );
  publishUpdate(deps.pubsub, after.row);
  await deps.events.dispatch([after.event]);
  return after.row;
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
  if (!mayReassign(caller, request)) throw forbidden();
  const staff = isUuid(input.staffId)
    ? await deps.prisma.staff.findUnique({ where: { id: input.staffId } })
    : null;
  const checked = checkReassignment(staff, request.unitId);
  if (!checked.ok || !staff) throw validationFailed(checked.ok ? [] : [checked.error]);
  const noteProblem = reasonProblem('internalNote', input.internalNote, MAX_REQUEST_TEXT);
  if (noteProblem) throw invalidFields([noteProblem]);
  return changeInTrail(deps, caller, {
    action: 'reassignServiceRequest',
    request,
    expectedVersion: input.expectedVersion,
    assigneeStaffId: staff.id,
    entry: {
      kind: 'REASSIGNED',
      actorKind: caller.role,
      actorAccountId: caller.accountId,
      internalNote: input.internalNote?.trim() || null,
      assigneeStaffId: staff.id,
    },
    change: { change: 'REASSIGNED', actor: 'SUPERVISOR', actorAccountId: caller.accountId, publicNote: null },
    audit: () => ({
      before: { assigneeStaffId: request.assigneeStaffId },
      after: { assigneeStaffId: staff.id },
    }),
  });
}

export type CorrectRequestInput = {
  trackingCode: string;
  expectedVersion: number;
  text: string;
  /** Files with the correction (the answer to a return for correction). */
  attachments?: readonly StagedUpload[] | null;
  /** The document slot of each file, by position (a new upload into the slot; the old one stays). */
  attachmentSlots?: readonly (string | null | undefined)[] | null;
};

/** Adds a correction (with files, if any) to the trail; the original text and values stay unedited. */
export async function addRequestCorrection(
  deps: CommandDeps,
  caller: Caller,
  input: CorrectRequestInput,
): Promise<ServiceRequest> {
  const request = await loadForChange(deps, input.trackingCode);
  const actor = actorOrRefuse(caller, request, input.trackingCode);
  const checked = checkCorrection(request.state, input.text);
  if (!checked.ok) throw refusal(checked.error);
  const text = checked.value;
  const version = await requestVersionFiles(deps, request.serviceVersionId);
  const stored = await storedUploads(deps, input.attachments, version.limits);
  const slots = slotsOfUploads(version.slots, stored, input.attachmentSlots);
  return changeInTrail(deps, caller, {
    action: 'addServiceRequestCorrection',
    request,
    expectedVersion: input.expectedVersion,
    files: { stored, purpose: 'CORRECTION', slots },
    entry: {
      kind: 'CORRECTION',
      actorKind: actor.actorKind,
      actorAccountId: actor.accountId,
      publicNote: text,
    },
    change: { change: 'CORRECTION', actor: actor.actor, actorAccountId: actor.accountId, publicNote: text },
    audit: (row) => ({ after: { version: row.version, correction: text, ...attachedHashes(stored) } }),
  });
}

export type RequestNoteInput = {
  trackingCode: string;
  expectedVersion: number;
  publicNote?: string | null;
  internalNote?: string | null;
  /** Files with the note; citizens see them only when the note has a public part. */
  attachments?: readonly StagedUpload[] | null;
};

/**
 * Adds a note to the trail without changing the state: staff of the request's unit (and admins).
 * The public note is shown to the citizen, who is notified of it (REQUEST_NOTE); the internal one
 * is for staff only and notifies nobody.
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
  const stored = await storedUploads(
    deps,
    input.attachments,
    (await requestVersionFiles(deps, request.serviceVersionId)).limits,
  );
  return changeInTrail(deps, caller, {
    action: 'addServiceRequestNote',
    request,
    expectedVersion: input.expectedVersion,
    files: { stored, purpose: 'STAFF_NOTE' },
    entry: { kind: 'NOTE', actorKind: actor.actorKind, actorAccountId: actor.accountId, ...checked.value },
    // For the notifications, a note is a change that keeps the state, like a correction.
    change: {
      change: 'CORRECTION',
      actor: actor.actor,
      actorAccountId: actor.accountId,
      publicNote: checked.value.publicNote,
    },
    audit: (row) => ({ after: { version: row.version, ...checked.value, ...attachedHashes(stored) } }),
  });
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
  if (!checked.ok) throw refusal(checked.error);
  return changeInTrail(deps, caller, {
    action: 'claimServiceRequest',
    request,
    expectedVersion: input.expectedVersion,
    assigneeStaffId: staff.id,
    entry: {
      kind: 'REASSIGNED',
      actorKind: actor.actorKind,
      actorAccountId: actor.accountId,
      assigneeStaffId: staff.id,
    },
    change: { change: 'REASSIGNED', actor: actor.actor, actorAccountId: actor.accountId, publicNote: null },
    audit: () => ({
      before: { assigneeStaffId: request.assigneeStaffId },
      after: { assigneeStaffId: staff.id },
    }),
  });
}
