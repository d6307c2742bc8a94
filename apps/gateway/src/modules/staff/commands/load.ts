// Loads the staff commands share, inside their transaction.
import { NotFoundError } from '../../../graphql/errors.js';
import type { TransactionClient } from '../../../platform/audited.js';

export async function loadStaff(tx: TransactionClient, staffId: string) {
  const staff = await tx.staff.findUnique({ where: { id: staffId } });
  if (!staff) throw new NotFoundError('Staff', staffId);
  return staff;
}

/** Catalogue codes are stored upper-case; users type them in any case. */
export const normaliseCode = (code: string): string => code.trim().toUpperCase();
