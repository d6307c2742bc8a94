// Access rules of the accounts area: the actions on one's own account need a signed-in account;
// an account and its notifications are seen by the person (and accounts by admins).

import type { Prisma } from '@layanan/db';
import { accountIdOf, refusal } from '../../platform/authz.js';
import type { Caller } from '../../platform/command.js';
import { NOBODY } from '../../platform/visibility.js';

/** The caller's account id; UNAUTHENTICATED for anonymous callers, FORBIDDEN for API keys. */
export function requireAccount(caller: Caller): string {
  const accountId = accountIdOf(caller);
  if (!accountId) throw refusal(caller);
  return accountId;
}

/** Accounts the caller may see: their own; every account for admins; none for anyone else. */
export function visibleAccounts(caller: Caller): Prisma.AccountWhereInput {
  if (caller.kind !== 'account') return NOBODY;
  return caller.role === 'ADMIN' ? {} : { id: caller.accountId };
}

/** Notifications the caller may see: only their own, admins included. */
export function visibleNotifications(caller: Caller): Prisma.NotificationWhereInput {
  return caller.kind === 'account' ? { accountId: caller.accountId } : NOBODY;
}
