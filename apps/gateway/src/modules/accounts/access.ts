// Access rules of the accounts area: the actions on one's own account need a signed-in account.
import { accountIdOf, forbidden } from '../../platform/authz.js';
import type { Caller } from '../../platform/command.js';

/** The caller's account id; FORBIDDEN for anonymous callers and API keys. */
export function requireAccount(caller: Caller): string {
  const accountId = accountIdOf(caller);
  if (!accountId) throw forbidden();
  return accountId;
}
