// Who acts on a request as its unit's supervisor would (issue 20, escalation that climbs): the
// holder of each level of the ladder may act on what climbed to them, not only see it.
import type { EscalationLevel } from './complaint-handling.js';

/** The account facts the rule needs: its role and the unit it belongs to (null when none). */
export type LadderActor = {
  readonly role: 'ADMIN' | 'SUPERVISOR' | 'STAFF' | 'CITIZEN';
  readonly unitId: string | null;
};

/** Where a request stands: its unit, and the ladder's level and holding unit (null when never
 * escalated, or since a transfer or a contest started it again). */
export type LadderPosition = {
  readonly unitId: string;
  readonly escalationLevel: EscalationLevel | null;
  readonly escalationUnitId: string | null;
};

/**
 * Whether `actor` may act on the request as the supervisor of its unit would (assign, transfer,
 * add notes, change its state or priority, review its documents, revoke what it issued):
 * - an administrator (the city's complaint coordinator, the ladder's top) always;
 * - a supervisor of the request's own unit (the ladder's first level) always;
 * - a supervisor of the unit the request climbed to as the head of the agency
 *   (`escalationUnitId` at `AGENCY_HEAD`), and still once it climbed on to the coordinator (the
 *   agency keeps it in view there, so it keeps the authority to settle it).
 * Nobody else: staff act as staff of their own unit only (not this rule), citizens never.
 * Regulation: Permenpan RB 62/2012 and Perpres 76/2013 (tindak lanjut berjenjang: each level an
 * overdue complaint reaches must be able to resolve it).
 */
export function actsAsRequestSupervisor(actor: LadderActor, request: LadderPosition): boolean {
  if (actor.role === 'ADMIN') return true;
  if (actor.role !== 'SUPERVISOR' || actor.unitId === null) return false;
  if (actor.unitId === request.unitId) return true;
  return (
    request.escalationUnitId === actor.unitId &&
    (request.escalationLevel === 'AGENCY_HEAD' || request.escalationLevel === 'COORDINATOR')
  );
}
