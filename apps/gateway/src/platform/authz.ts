// Checks that need loaded data (which unit owns this?), used after a resolver loads its entity.
// The rules themselves are the domain's (@layanan/domain accounts: actsForUnit, isModerator).
import { actsForUnit as actorActsForUnit, isModerator as actorIsModerator } from '@layanan/domain/accounts';
import type { GraphQLError } from 'graphql';
import { gatewayGraphQLError } from '../graphql/gateway-errors.js';
import type { Identity } from '../modules/accounts/identity.js';

export function forbidden(): GraphQLError {
  return gatewayGraphQLError('FORBIDDEN', { http: { status: 200 } });
}

/**
 * The refusal of a caller who is not signed in, for an operation an account may do: UNAUTHENTICATED
 * ("Masuk ke akun Anda untuk …" / "Sign in to …"), so the client offers sign-in instead of
 * saying access is denied.
 */
export function unauthenticated(): GraphQLError {
  return gatewayGraphQLError('UNAUTHENTICATED', { http: { status: 200 } });
}

/**
 * The refusal of `identity`: UNAUTHENTICATED when nobody is signed in (and an account could be
 * allowed: `accountMayPass`), FORBIDDEN otherwise. Every check that refuses a caller uses it.
 */
export function refusal(identity: Identity, accountMayPass = true): GraphQLError {
  return identity.kind === 'anonymous' && accountMayPass ? unauthenticated() : forbidden();
}

// Scopes only a caller without an account (an API key) can hold: signing in does not help.
const NON_ACCOUNT_SCOPES = new Set(['system', 'apiScope']);

/**
 * Whether a failed scope check names a scope an account could hold (anything but `system` and
 * `apiScope`; an unknown or function check counts), from Pothos scope-auth's failure tree.
 */
export function accountMayPass(failure: unknown): boolean {
  const f = failure as { kind?: string; scope?: string; failures?: unknown[] };
  if (Array.isArray(f.failures)) return f.failures.some(accountMayPass);
  if (typeof f.scope === 'string') return !NON_ACCOUNT_SCOPES.has(f.scope);
  return true;
}

/** Admins, or staff and supervisors of the unit. */
export function actsForUnit(identity: Identity, unitId: string): boolean {
  return actorActsForUnit(identity, unitId);
}

/** Staff, supervisors and admins moderate public content. */
export function isModerator(identity: Identity): boolean {
  return actorIsModerator(identity);
}

export function accountIdOf(identity: Identity): string | null {
  return identity.kind === 'account' ? identity.accountId : null;
}
