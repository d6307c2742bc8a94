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
  if (!managesAnyUnit(actor)) return null;
  if (actor.role === 'ADMIN') return 'ALL';
  return actor.unitId ? subtree(actor.unitId) : null;
}

/** Whether the actor manages any unit at all: admins, and supervisors with a unit. Lets a caller
 * skip loading the unit tree for everyone else. */
export function managesAnyUnit(actor: Actor): actor is Extract<Actor, { kind: 'account' }> {
  return (
    actor.kind === 'account' && (actor.role === 'ADMIN' || (actor.role === 'SUPERVISOR' && !!actor.unitId))
  );
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
