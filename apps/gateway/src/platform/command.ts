// Write commands take plain dependencies instead of the GraphQL context, so that GraphQL
// resolvers, Open311 routes, CSV routes and background jobs call the same code:
//
//   export async function submitRequest(deps: CommandDeps, caller: Identity, input: …): Promise<Result<…>>
//
// A resolver builds its deps with `commandDeps(ctx)`; a job or another route builds them from
// the gateway's database, clock and publisher (see modules/services/commands/).
import type { PrismaClient } from '@layanan/db';
import type { WorkingCalendar } from '@layanan/domain/calendar';
import type { Logger } from 'pino';
import type { GraphQLContext } from '../app/context.js';
import type { LayananPubSub } from '../app/pubsub.js';
import type { Identity } from '../modules/accounts/identity.js';
import type { EventBus } from './events.js';
import type { BlobStore } from './storage/blob-store.js';

export type CommandDeps = {
  prisma: PrismaClient;
  /** The clock: commands never read the system time themselves. */
  now(): Date;
  /** The working-day calendar (holidays as data), loaded at most once per call. */
  calendar(): Promise<WorkingCalendar>;
  /** Live events for subscribers, published after commit. */
  pubsub: LayananPubSub;
  /** Cross-area events: record in the change's transaction, `events.dispatch(ids)` after commit. */
  events: EventBus;
  log: Logger;
  /** Correlates the audit entries of one HTTP request or job run. */
  requestId: string;
  /** Uploaded and issued files; commands that take uploads need it. */
  storage?: BlobStore;
};

/** Who a command acts for: an account, another city system (API key), or nobody signed in. */
export type Caller = Identity;

/** What `audited()` needs: a database, who acts, and the request id for the audit entry. */
export type AuditScope = Pick<CommandDeps, 'prisma' | 'requestId'> & { identity: Caller };

export function commandDeps(ctx: GraphQLContext): CommandDeps {
  return {
    prisma: ctx.prisma,
    now: () => new Date(),
    calendar: () => ctx.calendar(),
    pubsub: ctx.pubsub,
    events: ctx.events,
    log: ctx.log,
    requestId: ctx.requestId,
    storage: ctx.storage,
  };
}

/** The audit scope of a command call. */
export function auditScope(deps: CommandDeps, caller: Caller): AuditScope {
  return { prisma: deps.prisma, requestId: deps.requestId, identity: caller };
}
