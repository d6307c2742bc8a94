// Who may see and change what in the services area.
import type { Prisma } from '@layanan/db';
import {
  actsAsRequestSupervisor,
  type LadderPosition,
  type RequestActor,
  type RequestFiler,
} from '@layanan/domain/services';
import type { Caller } from '../../platform/command.js';

/** Citizens see their own requests (those filed for them by others once attached, i.e. after
 * they verified their e-mail address), staff those of their unit, admins all; others nothing.
 * A supervisor also sees the requests of units below that climbed the escalation ladder to their
 * unit as the head of the agency (issue 20: each level sees the request in its queue). */
export function visibleRequests(caller: Caller): Prisma.ServiceRequestWhereInput {
  if (caller.kind !== 'account') return { id: { in: [] } };
  if (caller.role === 'ADMIN') return {};
  if (caller.role === 'CITIZEN')
    return { citizenAccountId: caller.accountId, citizenAttachedAt: { not: null } };
  if (caller.unitId && caller.role === 'SUPERVISOR')
    return {
      OR: [
        { unitId: caller.unitId },
        { escalationUnitId: caller.unitId, escalationLevel: { in: ['AGENCY_HEAD', 'COORDINATOR'] } },
      ],
    };
  if (caller.unitId) return { unitId: caller.unitId };
  return { id: { in: [] } };
}

/**
 * The requests at the caller's level of the escalation ladder (issue 20): a supervisor's own
 * unit's at UNIT_SUPERVISOR and those escalated to their unit as the agency at AGENCY_HEAD; an
 * admin's (the city's complaint coordinator) every request at COORDINATOR; nothing for others.
 */
export function escalatedTo(caller: Caller): Prisma.ServiceRequestWhereInput {
  if (caller.kind !== 'account') return { id: { in: [] } };
  if (caller.role === 'ADMIN') return { escalationLevel: 'COORDINATOR' };
  if (caller.role === 'SUPERVISOR' && caller.unitId)
    return {
      OR: [
        { escalationLevel: 'UNIT_SUPERVISOR', unitId: caller.unitId },
        { escalationLevel: 'AGENCY_HEAD', escalationUnitId: caller.unitId },
      ],
    };
  return { id: { in: [] } };
}

/** The caller as the ladder's actor (null when not an account). */
const ladderActor = (caller: Caller) =>
  caller.kind === 'account' ? { role: caller.role, unitId: caller.unitId } : null;

/** Whether the caller acts on the request as its unit's supervisor would: admins, the unit's
 * supervisors, and whoever the request climbed to on the escalation ladder (the domain's
 * `actsAsRequestSupervisor`). */
export function actsAsSupervisorOf(
  caller: Caller,
  request: LadderPosition,
): caller is Extract<Caller, { kind: 'account' }> {
  const actor = ladderActor(caller);
  return actor !== null && actsAsRequestSupervisor(actor, request);
}

/** Handling staff of the request's unit (staff and supervisors), admins, and whoever the request
 * climbed to: triage (priority, response templates). */
export function mayTriage(
  caller: Caller,
  request: LadderPosition,
): caller is Extract<Caller, { kind: 'account' }> {
  if (caller.kind !== 'account') return false;
  return (caller.role === 'STAFF' && caller.unitId === request.unitId) || actsAsSupervisorOf(caller, request);
}

/** Unpublished services are visible to admins and to staff of the owning unit only. */
export function visibleServices(caller: Caller): Prisma.ServiceWhereInput {
  if (caller.kind === 'account' && caller.role === 'ADMIN') return {};
  if (caller.kind === 'account' && caller.unitId)
    return { OR: [{ published: true }, { unitId: caller.unitId }] };
  return { published: true };
}

/** Admins, or accounts of the owning unit (the resolver's auth scope narrows to supervisors). */
export function mayEditService(
  caller: Caller,
  unitId: string,
): caller is Extract<Caller, { kind: 'account' }> {
  return caller.kind === 'account' && (caller.role === 'ADMIN' || caller.unitId === unitId);
}

/** Admins, the supervisor of the request's unit, or whoever it climbed to (transfer, reassign). */
export const mayReassign = actsAsSupervisorOf;

export const isStaffViewer = (caller: Caller) => caller.kind === 'account' && caller.role !== 'CITIZEN';

export type RequestActorOf = { actor: RequestActor; actorKind: string; accountId: string };

/** The lifecycle actor of the caller for a request, or null if they may not act on it. */
export function actorFor(
  caller: Caller,
  request: LadderPosition & { citizenAccountId: string; citizenAttachedAt: Date | null },
): RequestActorOf | null {
  if (caller.kind !== 'account') return null;
  if (caller.role === 'CITIZEN') {
    return request.citizenAccountId === caller.accountId && request.citizenAttachedAt !== null
      ? { actor: 'CITIZEN', actorKind: 'CITIZEN', accountId: caller.accountId }
      : null;
  }
  if (caller.role === 'ADMIN')
    return { actor: 'SUPERVISOR', actorKind: 'ADMIN', accountId: caller.accountId };
  if (!caller.staffId) return null;
  if (caller.unitId !== request.unitId)
    return actsAsSupervisorOf(caller, request)
      ? { actor: 'SUPERVISOR', actorKind: 'SUPERVISOR', accountId: caller.accountId }
      : null;
  return caller.role === 'SUPERVISOR'
    ? { actor: 'SUPERVISOR', actorKind: 'SUPERVISOR', accountId: caller.accountId }
    : { actor: 'STAFF', actorKind: 'STAFF', accountId: caller.accountId };
}

/** Citizens are told "not found" for someone else's request, so existence is not revealed. */
export const hidesOthersRequests = (caller: Caller) => caller.kind === 'account' && caller.role === 'CITIZEN';

/** The caller as the domain's request filer. */
export function filerOf(caller: Caller): RequestFiler {
  switch (caller.kind) {
    case 'account':
      return caller.role === 'CITIZEN'
        ? { kind: 'CITIZEN', accountId: caller.accountId }
        : { kind: 'OFFICER', accountId: caller.accountId, role: caller.role, unitId: caller.unitId };
    case 'system':
      return { kind: 'SYSTEM', apiKeyId: caller.apiKeyId, scopes: caller.scopes };
    default:
      return { kind: 'NONE' };
  }
}
