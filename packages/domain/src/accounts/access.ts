// Who may act for a unit and who moderates public content: the access rules that need loaded
// data (which unit owns this submission?), over a plain description of the caller.

import type { AccountRole } from './account.js';

export { ACCOUNT_ROLES, type AccountRole } from './account.js';

/** The caller as the rules see it: an account with its role and unit, or not an account. */
export type Actor =
  | { readonly kind: 'account'; readonly role: AccountRole; readonly unitId: string | null }
  | { readonly kind: 'anonymous' | 'system' };

/**
 * Acts for a unit (answers its forum submissions, schedules its sessions, manages its
 * commitments, publishes its notices): admins, or staff and supervisors of that unit.
 */
export function actsForUnit(actor: Actor, unitId: string): boolean {
  if (actor.kind !== 'account') return false;
  if (actor.role === 'ADMIN') return true;
  return (actor.role === 'STAFF' || actor.role === 'SUPERVISOR') && actor.unitId === unitId;
}

/** Moderates public content (sees hidden submissions with their reason): any account but a citizen. */
export function isModerator(actor: Actor): boolean {
  return actor.kind === 'account' && actor.role !== 'CITIZEN';
}

/**
 * The units an actor manages (reads staff records and reports, rates SKP, owns improvement
 * actions): `'ALL'` for admins, a supervisor's own unit with every unit below it, nothing (`null`)
 * for anyone else. `subtree(unitId)` gives a unit and its descendants from the loaded unit tree.
 */
export function managedUnits(
  actor: Actor,
  subtree: (unitId: string) => ReadonlySet<string>,
): 'ALL' | ReadonlySet<string> | null {
  if (actor.kind !== 'account') return null;
  if (actor.role === 'ADMIN') return 'ALL';
  if (actor.role === 'SUPERVISOR' && actor.unitId) return subtree(actor.unitId);
  return null;
}

/** Whether the actor manages this unit (see `managedUnits`). */
export function managesUnit(
  actor: Actor,
  unitId: string,
  subtree: (unitId: string) => ReadonlySet<string>,
): boolean {
  const units = managedUnits(actor, subtree);
  return units === 'ALL' || (units?.has(unitId) ?? false);
}
