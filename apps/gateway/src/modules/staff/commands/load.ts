// Loads the staff commands share, inside their transaction.
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
