// Checks that need loaded data (which unit owns this?), used after a resolver loads its entity.
// The rules themselves are the domain's (@layanan/domain accounts: actsForUnit, isModerator).
import { actsForUnit as actorActsForUnit, isModerator as actorIsModerator } from '@layanan/domain/accounts';
import type { GraphQLError } from 'graphql';
import { gatewayGraphQLError } from '../graphql/gateway-errors.js';
import type { Identity } from '../modules/accounts/identity.js';

export function forbidden(): GraphQLError {
  return gatewayGraphQLError('FORBIDDEN', { http: { status: 200 } });
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
