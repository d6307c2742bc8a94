// Rate limits (issue 7): sign-in and account creation (`auth`) and citizen submissions
// (`submit`), counted per client address and per identity in fixed windows, in process or shared
// by every gateway instance through Redis.
import { type FieldNode, type GraphQLError, getArgumentValues, getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { gatewayGraphQLError, LIMIT_MESSAGES } from '../graphql/gateway-errors.js';
import type { Identity } from '../modules/accounts/identity.js';
import type { GatewayConfig, RateBudget } from './config.js';
import type { GraphQLContext } from './context.js';

/**
 * The one list of rate-limited mutations: `auth` (sign-in and account creation, budgets
 * LAYANAN_RATE_AUTH_*) and `submit` (citizen submissions, LAYANAN_RATE_SUBMIT_*). Add new
 * submission mutations here; a name the schema does not have yet is simply never matched.
 */
export const RATE_LIMITED_OPERATIONS: Readonly<Record<string, 'auth' | 'submit'>> = {
  login: 'auth',
  registerCitizen: 'auth',
  refreshSession: 'auth',
  submitServiceRequest: 'submit',
  submitToForum: 'submit',
  submitSurvey: 'submit',
};

// ---- Rate-limit stores ------------------------------------------------------------------------

/** Counts calls in fixed windows; `hit` adds one and says how many there were and when it resets. */
export type RateLimitStore = {
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  close(): Promise<void>;
};

/** In-process: enough for one gateway instance. */
export function memoryRateLimitStore(): RateLimitStore {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let calls = 0;
  return {
    async hit(key, windowMs) {
      const now = Date.now();
      // Forget finished windows now and then so that the map stays bounded by active clients.
      if (++calls % 1000 === 0) {
        for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      }
      let entry = windows.get(key);
      if (!entry || entry.resetAt <= now) {
        entry = { count: 0, resetAt: now + windowMs };
        windows.set(key, entry);
      }
      entry.count += 1;
      return { count: entry.count, resetInMs: entry.resetAt - now };
    },
    async close() {
      windows.clear();
    },
  };
}

// INCR and the expiry in one step, so that every instance sees the same window.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

/** Shared by every gateway instance using the same Redis and prefix. */
export function redisRateLimitStore(redisUrl: string, prefix: string): RateLimitStore {
  const redis = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  return {
    async hit(key, windowMs) {
      const [count, ttl] = (await redis.eval(HIT_SCRIPT, 1, `${prefix}${key}`, String(windowMs))) as [
        number,
        number,
      ];
      return { count, resetInMs: ttl };
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export function createRateLimitStore(config: GatewayConfig): RateLimitStore {
  return config.redisUrl
    ? redisRateLimitStore(config.redisUrl, config.security.rateLimitPrefix)
    : memoryRateLimitStore();
}

// ---- Errors ---------------------------------------------------------------------------------

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  const message = LIMIT_MESSAGES.RATE_LIMITED(retryAfterSeconds);
  const error = gatewayGraphQLError(
    'RATE_LIMITED',
    {
      messageId: message.id,
      messageEn: message.en,
      http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
    },
    message,
  );
  (error.extensions as Record<string, unknown>).retryAfter = retryAfterSeconds;
  return error;
}

// ---- Plugin -----------------------------------------------------------------------------------

/** The client address: the socket's, or the first X-Forwarded-For entry behind a trusted proxy. */
export function clientAddress(context: Record<string, unknown>, trustProxy: boolean): string {
  const request = context.request as Request | undefined;
  if (trustProxy) {
    const forwarded = request?.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const req = context.req as { socket?: { remoteAddress?: string } } | undefined;
  return req?.socket?.remoteAddress ?? 'local';
}

function identityKey(
  group: 'auth' | 'submit',
  field: string,
  args: Record<string, unknown>,
  identity: Identity,
): string | null {
  if (group === 'auth') {
    const input = (args.input ?? {}) as Record<string, unknown>;
    // The account being signed in to (or created), so that one address cannot be guessed from many IPs.
    const target = field === 'login' ? input.identifier : (input.email ?? input.phone);
    if (typeof target === 'string' && target.trim() !== '') return `id:${target.trim().toLowerCase()}`;
  }
  if (identity.kind === 'account') return `acct:${identity.accountId}`;
  if (identity.kind === 'system') return `key:${identity.apiKeyId}`;
  return null;
}

export function rateLimit(config: GatewayConfig, store: RateLimitStore): Plugin<GraphQLContext> {
  const limits = config.security.rateLimits;
  const budgets: Record<'auth' | 'submit', { ip: RateBudget; id: RateBudget }> = {
    auth: { ip: limits.authPerIp, id: limits.authPerIdentity },
    submit: { ip: limits.submitPerIp, id: limits.submitPerIdentity },
  };
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const mutationType = args.schema.getMutationType();
      const ctx = args.contextValue;
      const ip = clientAddress(ctx as unknown as Record<string, unknown>, config.security.trustProxy);
      let retryAfterMs = 0;
      for (const selection of operation.selectionSet.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const field = selection.name.value;
        const group = RATE_LIMITED_OPERATIONS[field];
        const definition = mutationType?.getFields()[field];
        if (!group || !definition) continue;
        let fieldArgs: Record<string, unknown> = {};
        try {
          fieldArgs = getArgumentValues(definition, selection as FieldNode, args.variableValues ?? {});
        } catch {
          // Invalid arguments fail in execution with the usual error; the address budget still counts.
        }
        const keys: [string, RateBudget][] = [[`${group}:ip:${ip}`, budgets[group].ip]];
        const id = identityKey(group, field, fieldArgs, ctx.identity);
        if (id) keys.push([`${group}:${id}`, budgets[group].id]);
        for (const [key, budget] of keys) {
          if (!Number.isFinite(budget.max)) continue;
          try {
            const { count, resetInMs } = await store.hit(key, budget.windowSeconds * 1000);
            if (count > budget.max) retryAfterMs = Math.max(retryAfterMs, resetInMs);
          } catch (error) {
            // A Redis outage must not stop sign-ins and submissions: fail open, loudly.
            ctx.log.error({ err: error }, 'rate-limit store unavailable');
          }
        }
      }
      if (retryAfterMs > 0) {
        const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
        ctx.log.warn({ ip, retryAfter: seconds }, 'rate limit reached');
        setResultAndStopExecution({ errors: [rateLimited(seconds)] });
      }
    },
  };
}
