// Checks that need loaded data (which unit owns this?), used after a resolver loads its entity.
import { GraphQLError } from 'graphql';
import type { Identity } from '../modules/accounts/identity.js';

export function forbidden(): GraphQLError {
  return new GraphQLError('Akses ditolak / Access denied', {
    extensions: { code: 'FORBIDDEN', http: { status: 200 } },
  });
}

/** Admins, or staff and supervisors of the unit. */
export function actsForUnit(identity: Identity, unitId: string): boolean {
  if (identity.kind !== 'account') return false;
  if (identity.role === 'ADMIN') return true;
  return (identity.role === 'STAFF' || identity.role === 'SUPERVISOR') && identity.unitId === unitId;
}

/** Staff, supervisors and admins moderate public content. */
export function isModerator(identity: Identity): boolean {
  return identity.kind === 'account' && identity.role !== 'CITIZEN';
}

export function accountIdOf(identity: Identity): string | null {
  return identity.kind === 'account' ? identity.accountId : null;
}
