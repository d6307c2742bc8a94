// Who may read and change what in the feedback area. Unit staff act for their unit; supervisors
// manage their unit and every unit below it; admins manage everything. Checked on a `Caller`, so
// GraphQL resolvers, the CSV route and commands share them.
import type { Prisma, PrismaClient } from '@layanan/db';
import { managesAnyUnit } from '@layanan/domain/accounts';
import { actsForUnit } from '../../platform/authz.js';
import type { Caller } from '../../platform/command.js';
import { NOBODY } from '../../platform/visibility.js';
import { loadUnitTree, managesUnitIn } from '../staff/access.js';

type Db = Pick<PrismaClient, 'unit'>;

/** Admins, and supervisors of the unit or of a unit above it (the staff area's rule). */
export async function managesUnit(db: Db, caller: Caller, unitId: string): Promise<boolean> {
  if (!managesAnyUnit(caller)) return false;
  return managesUnitIn(await loadUnitTree(db), caller, unitId);
}

/** A unit's full SKM report (suggestions, profile): its staff, its supervisors, admins. */
export async function mayReadSkmReport(db: Db, caller: Caller, unitId: string): Promise<boolean> {
  return actsForUnit(caller, unitId) || managesUnit(db, caller, unitId);
}

/**
 * Whether the caller reads an IKM of `scope` with the scores of a small group (fewer respondents
 * than the open-data minimum): those who may read the unit's SKM report (its staff, supervisors,
 * admins) and, for the city as a whole, any staff member or admin. Everyone else gets the report
 * through withholdSmallIkmReport (issue 23).
 */
export async function readsSmallGroupScores(
  db: Db,
  caller: Caller,
  scope: { readonly unitId: string | null },
): Promise<boolean> {
  if (caller.kind !== 'account' || caller.role === 'CITIZEN') return false;
  if (caller.role === 'ADMIN') return true;
  if (!scope.unitId) return !!caller.staffId;
  return mayReadSkmReport(db, caller, scope.unitId);
}

/** An improvement action: its owner, the unit's staff, its supervisors, admins. */
export async function mayUpdateImprovementAction(
  db: Db,
  caller: Caller,
  action: { ownerStaffId: string | null; unitId: string },
): Promise<boolean> {
  const isOwner = caller.kind === 'account' && !!caller.staffId && caller.staffId === action.ownerStaffId;
  return isOwner || actsForUnit(caller, action.unitId) || managesUnit(db, caller, action.unitId);
}

/**
 * Improvement actions are internal follow-up: any staff member or supervisor linked to the register,
 * and admins, see them (as `improvementActions`); citizens, anonymous callers and API keys none.
 */
export function visibleImprovementActions(caller: Caller): Prisma.ImprovementActionWhereInput {
  if (caller.kind !== 'account') return NOBODY;
  const staff = !!caller.staffId && (caller.role === 'STAFF' || caller.role === 'SUPERVISOR');
  return caller.role === 'ADMIN' || staff ? {} : NOBODY;
}
