// Live subscriptions (server-sent events) end when their caller loses access (issue 15, kind 6).
// A subscription is authorised when it is opened; this plugin keeps checking afterwards. Every
// subscription of any field is wrapped: every `LAYANAN_LIVE_RECHECK_SECONDS`, and at once when
// the account's sessions end or its access changes (`account:access-changed`, published after
// logout, a replayed refresh token and a password change, through Redis to every instance), the
// caller's credentials are resolved again from the original request. When they are refused (the
// session ended, the account was disabled, the API key revoked) or the identity now differs in
// what decides access (role, staff record, unit), the stream sends one ACCESS_ENDED error and
// ends; the client may sign in and subscribe again, and is then authorised afresh.
import type { PrismaClient } from '@layanan/db';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { gatewayGraphQLError } from '../graphql/gateway-errors.js';
import { AuthenticationError, type Identity, resolveIdentity } from '../modules/accounts/identity.js';
import type { GatewayConfig } from './config.js';
import type { GraphQLContext } from './context.js';
import type { LayananPubSub } from './pubsub.js';

/** Whether two identities of the same caller grant the same access (same account or key, same
 * role, staff record, unit and scopes). */
export function sameAccess(before: Identity, after: Identity): boolean {
  if (before.kind === 'account' && after.kind === 'account') {
    return (
      before.accountId === after.accountId &&
      before.sessionId === after.sessionId &&
      before.role === after.role &&
      before.staffId === after.staffId &&
      before.unitId === after.unitId
    );
  }
  if (before.kind === 'system' && after.kind === 'system') {
    return before.apiKeyId === after.apiKeyId && before.scopes.join() === after.scopes.join();
  }
  return before.kind === after.kind;
}

type Options = {
  prisma: PrismaClient;
  config: GatewayConfig;
  pubsub: LayananPubSub;
  log: Logger;
};

const isAsyncIterable = (value: unknown): value is AsyncIterable<ExecutionResult> =>
  typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';

/** Checks to run when an account's access changes, by account id; one listener per gateway. */
type Announcements = { watch(accountId: string, check: () => void): () => void };

function announcements(options: Options): Announcements {
  const watchers = new Map<string, Set<() => void>>();
  let listening = false;
  const listen = () => {
    if (listening) return;
    listening = true;
    // One subscription for the gateway's lifetime (not one per live stream), so that opening and
    // closing streams never subscribes or unsubscribes on the shared (Redis) connection.
    void (async () => {
      try {
        for await (const { accountId } of options.pubsub.subscribe('account:access-changed')) {
          for (const check of watchers.get(accountId) ?? []) check();
        }
      } catch (error) {
        options.log.warn({ err: error }, 'live access announcements stopped');
        listening = false;
      }
    })();
  };
  return {
    watch(accountId, check) {
      listen();
      const set = watchers.get(accountId) ?? new Set();
      set.add(check);
      watchers.set(accountId, set);
      return () => {
        set.delete(check);
        if (set.size === 0) watchers.delete(accountId);
      };
    },
  };
}

/** The Yoga plugin that ends subscriptions whose caller lost access. */
export function liveAccess(options: Options): Plugin {
  const announced = announcements(options);
  return {
    onSubscribe() {
      return {
        onSubscribeResult({ args, result, setResult }) {
          if (!isAsyncIterable(result)) return;
          const context = args.contextValue as unknown as GraphQLContext & { request?: Request };
          if (!context.request || context.identity.kind === 'anonymous') return;
          setResult(guarded(result, context.request, context.identity, options, announced));
        },
      };
    },
  };
}

/** `source`, ended with one ACCESS_ENDED error as soon as the caller's access is gone. */
function guarded(
  source: AsyncIterable<ExecutionResult>,
  request: Request,
  identity: Identity,
  options: Options,
  announced: Announcements,
): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  let state: 'open' | 'lost' | 'closed' = 'open';
  let signalLost: () => void = () => {};
  const lost = new Promise<'lost'>((resolve) => {
    signalLost = () => resolve('lost');
  });

  let checking = false;
  const check = async () => {
    if (checking || state !== 'open') return;
    checking = true;
    try {
      const now = await resolveIdentity(request, options.prisma, options.config.jwtSecret);
      if (!sameAccess(identity, now)) signalLost();
    } catch (error) {
      if (error instanceof AuthenticationError) signalLost();
      else options.log.warn({ err: error }, 'live access check failed; the subscription stays open');
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), options.config.liveRecheckSeconds * 1000);
  timer.unref?.();
  // Announcements for this account (after sign-out, password change, replayed refresh token).
  const unwatch =
    identity.kind === 'account' ? announced.watch(identity.accountId, () => void check()) : () => {};

  const close = async () => {
    if (state === 'closed') return;
    state = 'closed';
    clearInterval(timer);
    unwatch();
    await iterator.return?.();
  };

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<ExecutionResult>> {
      if (state !== 'open') {
        await close();
        return { done: true, value: undefined };
      }
      const next = await Promise.race([iterator.next(), lost]);
      if (next === 'lost') {
        await close();
        return { done: false, value: { errors: [gatewayGraphQLError('ACCESS_ENDED')] } };
      }
      if (next.done) await close();
      return next;
    },
    async return(): Promise<IteratorResult<ExecutionResult>> {
      await close();
      return { done: true, value: undefined };
    },
    async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
      await close();
      throw error;
    },
  };
}
