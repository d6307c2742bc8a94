// Access rules of the forums that need loaded data: acting for the unit that owns a forum,
// a submission or a commitment (the rule itself is the domain's `actsForUnit`), and being an
// account at all for the citizen actions.

import { actsForUnit, forbidden } from '../../platform/authz.js';
import type { Caller } from '../../platform/command.js';

export { requireAccount } from '../accounts/access.js';

/** FORBIDDEN unless the caller is an admin or staff (or supervisor) of the unit. */
export function requireActsForUnit(caller: Caller, unitId: string): void {
  if (!actsForUnit(caller, unitId)) throw forbidden();
}
