// Who acted on a request's trail entry, as the trail shows it (accountability, issue 21 kind 9).
import type { GraphQLContext } from '../../../app/context.js';

const OFFICER_KINDS = new Set(['STAFF', 'SUPERVISOR', 'ADMIN']);

/**
 * The officer behind a trail entry: their staff record's name and unit, or null for the citizen,
 * the system and accounts without a staff record. One `findUnique` per entry, which Prisma
 * batches into one query for the whole trail.
 */
export function officerOf(e: { actorKind: string; actorAccountId: string | null }, ctx: GraphQLContext) {
  if (!e.actorAccountId || !OFFICER_KINDS.has(e.actorKind)) return Promise.resolve(null);
  return ctx.prisma.account
    .findUnique({
      where: { id: e.actorAccountId },
      select: { staff: { select: { name: true, unit: { select: { shortName: true } } } } },
    })
    .then((a) => a?.staff ?? null);
}
