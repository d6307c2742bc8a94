// Loads the staff commands share, inside their transaction.
import type { Actor } from '@layanan/domain/staff';
import { NotFoundError } from '../../../graphql/errors.js';
import type { TransactionClient } from '../../../platform/audited.js';
import type { Caller } from '../../../platform/command.js';
import { loadUnitTree, requireManages } from '../access.js';

export async function loadStaff(tx: TransactionClient, staffId: string) {
  const staff = await tx.staff.findUnique({ where: { id: staffId } });
  if (!staff) throw new NotFoundError('Staff', staffId);
  return staff;
}

/** The staff member, for an admin or a supervisor of their unit tree (FORBIDDEN for anyone else). */
export async function loadManagedStaff(tx: TransactionClient, caller: Caller, staffId: string) {
  const tree = await loadUnitTree(tx);
  const staff = await loadStaff(tx, staffId);
  requireManages(tree, caller, staff.unitId);
  return staff;
}

/** Catalogue codes are stored upper-case; users type them in any case. */
export const normaliseCode = (code: string): string => code.trim().toUpperCase();

/**
 * Who acts, for the four-eyes rules (issue 15 kind 7): the caller's own staff record and the
 * position it holds; both null for an admin without a staff record or another city system.
 */
export async function actorOf(tx: TransactionClient, caller: Caller): Promise<Actor> {
  const staffId = caller.kind === 'account' ? caller.staffId : null;
  if (!staffId) return { staffId: null, positionId: null };
  const own = await tx.staff.findUnique({ where: { id: staffId }, select: { positionId: true } });
  return { staffId, positionId: own?.positionId ?? null };
}
