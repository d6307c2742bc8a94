// Rate limits (issues 7 and 15): what is *executed* is counted, once per execution, however the
// document reaches it — aliases, named and inline fragments, fragments within fragments, batches.
// Two groups: `auth` (every operation that checks a secret or opens a session) and `submit`
// (every way to file something). A caller is counted per client address and per identity: the
// account named by a sign-in (in its one spelling, the domain's `accountIdentifier`), the
// signed-in account, or an API key with its own budget (set by an admin) and a budget per
// reporter inside it. Counters live in process or in Redis, shared by every gateway instance.
import { createHash } from 'node:crypto';
import { accountIdentifier } from '@layanan/domain';
import {
  type DirectiveNode,
  type DocumentNode,
  defaultFieldResolver,
  type FieldNode,
  type GraphQLError,
  type GraphQLFieldResolver,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  Kind,
  type NamedTypeNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  typeFromAST,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { gatewayGraphQLError, LIMIT_MESSAGES } from '../graphql/gateway-errors.js';
import type { Identity } from '../modules/accounts/identity.js';
import { clientAddress } from './client-address.js';
import type { GatewayConfig, RateBudget } from './config.js';
import type { GraphQLContext } from './context.js';
import { type Args, RATE_LIMITED_FIELDS, type RateGroup, type RateTarget } from './rate-limited-fields.js';

export { RATE_LIMITED_FIELDS, type RateGroup, type RateTarget } from './rate-limited-fields.js';

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

// ---- Budgets ----------------------------------------------------------------------------------

/** Who is calling, as the limiter sees it. */
export type RateCaller = { identity: Identity; address: string };

const API_KEY_WINDOW_SECONDS = 3600;

// Counter keys hold a digest of what a caller typed, never the e-mail or phone number itself, and
// a digest of the client address, never the address (an anonymous filing's is not kept: issue 20).
const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/** The account a sign-in names, in the spelling the account is stored under; anything that is no
 * identifier is still counted, compacted, so that "A@B.C " and "a@b.c" stay one budget. */
function accountKey(raw: string): string {
  const named = accountIdentifier(raw);
  return digest(named.ok ? named.value.value : raw.toLowerCase().replace(/\s+/g, ''));
}

const given = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The counters one execution adds to, each with its budget. */
export function budgetsOf(
  group: RateGroup,
  target: RateTarget,
  caller: RateCaller,
  limits: GatewayConfig['security']['rateLimits'],
): { key: string; budget: RateBudget }[] {
  const identity = target.anonymous ? ({ kind: 'anonymous' } as const) : caller.identity;
  const address = digest(caller.address);
  if (group === 'auth') {
    const named = new Set((target.accounts ?? []).filter(given).map(accountKey));
    return [
      { key: `auth:ip:${address}`, budget: limits.authPerIp },
      ...[...named].map((id) => ({ key: `auth:id:${id}`, budget: limits.authPerIdentity })),
      ...(identity.kind === 'account'
        ? [{ key: `auth:acct:${identity.accountId}`, budget: limits.authPerIdentity }]
        : []),
    ];
  }
  if (identity.kind === 'system') {
    // Another city system: its own budget (not the address's, not a citizen's), and inside it one
    // per reporter, so that one flooded reporter cannot spend the key's budget for everybody.
    const reporter = given(target.reporter) ? accountKey(target.reporter) : '-';
    return [
      {
        key: `submit:key:${identity.apiKeyId}`,
        budget: { max: identity.submissionsPerHour, windowSeconds: API_KEY_WINDOW_SECONDS },
      },
      { key: `submit:key:${identity.apiKeyId}:reporter:${reporter}`, budget: limits.submitPerReporter },
    ];
  }
  return [
    { key: `submit:ip:${address}`, budget: limits.submitPerIp },
    ...(identity.kind === 'account'
      ? [{ key: `submit:acct:${identity.accountId}`, budget: limits.submitPerIdentity }]
      : []),
  ];
}

export type RateLimiter = {
  /**
   * Counts one execution against every budget it falls under. Returns 0 when it may run, else the
   * seconds until the first spent budget renews. A failing store lets it run (logged).
   */
  consume(group: RateGroup, target: RateTarget, caller: RateCaller, log: Logger): Promise<number>;
};

export function createRateLimiter(config: GatewayConfig, store: RateLimitStore): RateLimiter {
  const limits = config.security.rateLimits;
  return {
    async consume(group, target, caller, log) {
      let retryAfterMs = 0;
      for (const { key, budget } of budgetsOf(group, target, caller, limits)) {
        if (!Number.isFinite(budget.max)) continue;
        try {
          const { count, resetInMs } = await store.hit(key, budget.windowSeconds * 1000);
          if (count > budget.max) retryAfterMs = Math.max(retryAfterMs, resetInMs);
        } catch (error) {
          // A Redis outage must not stop sign-ins and submissions: fail open, loudly.
          log.error({ err: error }, 'rate-limit store unavailable');
        }
      }
      if (retryAfterMs <= 0) return 0;
      const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      log.warn({ group, address: caller.address, retryAfter: seconds }, 'rate limit reached');
      return seconds;
    },
  };
}

// ---- Errors -----------------------------------------------------------------------------------

/** The GraphQL answer: 429 with Retry-After, the message in both languages. */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  const message = LIMIT_MESSAGES.RATE_LIMITED(retryAfterSeconds);
  return gatewayGraphQLError(
    'RATE_LIMITED',
    {
      messageId: message.id,
      messageEn: message.en,
      retryAfter: retryAfterSeconds,
      http: { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
    },
    message,
  );
}

// ---- GraphQL: counted before execution, guarded in every resolver -----------------------------

/** What one execution of a document has counted already, per root response key. */
type Execution = { limiter: RateLimiter; caller: RateCaller; counted: Map<string, number> };
const executions = new WeakMap<object, Execution>();

/**
 * The root fields an operation will execute, by response key, exactly as graphql-js collects
 * them: named and inline fragments (nested, each spread once), @skip/@include with the
 * variables, type conditions; a repeated response key executes once.
 */
export function executedRootFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Map<string, FieldNode> {
  const root = schema.getRootType(operation.operation);
  const fields = new Map<string, FieldNode>();
  if (!root) return fields;
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const spread = new Set<string>();
  const applies = (condition: NamedTypeNode | undefined) => {
    if (!condition) return true;
    const type = typeFromAST(schema, condition);
    return (
      type === root || (!!type && isAbstractType(type) && schema.isSubType(type, root as GraphQLObjectType))
    );
  };
  const included = (node: { readonly directives?: readonly DirectiveNode[] }) =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (!fields.has(key)) fields.set(key, selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition)) collect(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (spread.has(name) || !fragment) continue;
        spread.add(name);
        if (applies(fragment.typeCondition)) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  return fields;
}

/**
 * Before execution: counts every rate-limited root field the operation will execute and refuses
 * the whole operation (429, nothing runs) when a budget is spent. The resolvers (withRateLimits)
 * count any execution this did not foresee.
 */
export function rateLimit(config: GatewayConfig, store: RateLimitStore): Plugin<GraphQLContext> {
  const limiter = createRateLimiter(config, store);
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue;
      const caller = {
        identity: ctx.identity,
        address: clientAddress(ctx as unknown as Record<string, unknown>, config.security.trustProxy),
      };
      const execution = executions.get(ctx) ?? { limiter, caller, counted: new Map<string, number>() };
      executions.set(ctx, execution);
      const operation = getOperationAST(args.document, args.operationName);
      const root = operation && args.schema.getRootType(operation.operation);
      if (!operation || !root) return;
      const coerced = getVariableValues(
        args.schema,
        operation.variableDefinitions ?? [],
        (args.variableValues ?? {}) as Record<string, unknown>,
      );
      // Variables that do not coerce fail the whole operation before any resolver runs.
      if (coerced.errors) return;
      const variables = coerced.coerced;
      let retryAfter = 0;
      for (const [key, node] of executedRootFields(args.schema, args.document, operation, variables)) {
        const limited = RATE_LIMITED_FIELDS[`${root.name}.${node.name.value}`];
        const definition = root.getFields()[node.name.value];
        if (!limited || !definition) continue;
        let fieldArgs: Args = {};
        try {
          fieldArgs = getArgumentValues(definition, node, variables);
        } catch {
          // Invalid arguments fail in execution with the usual error; the caller's budgets still count.
        }
        const wait = await limiter.consume(limited.group, limited.target?.(fieldArgs) ?? {}, caller, ctx.log);
        retryAfter = Math.max(retryAfter, wait);
        execution.counted.set(key, (execution.counted.get(key) ?? 0) + 1);
      }
      if (retryAfter > 0) setResultAndStopExecution({ errors: [rateLimited(retryAfter)] });
    },
  };
}

const guarded = new WeakSet<GraphQLSchema>();

/**
 * Wraps the resolver of every rate-limited field: an execution the plugin counted goes on, any
 * other (a path the plugin did not foresee) is counted here and refused with 429 when a budget is
 * spent. Without the plugin nothing rate-limited runs. Returns the same schema.
 */
export function withRateLimits(schema: GraphQLSchema): GraphQLSchema {
  if (guarded.has(schema)) return schema;
  guarded.add(schema);
  for (const [coordinate, limited] of Object.entries(RATE_LIMITED_FIELDS)) {
    const [typeName = '', fieldName = ''] = coordinate.split('.');
    const type = schema.getType(typeName) as GraphQLObjectType | undefined;
    const field = type?.getFields?.()[fieldName];
    if (!field) throw new Error(`RATE_LIMITED_FIELDS names ${coordinate}, which the schema does not have`);
    const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<
      unknown,
      GraphQLContext,
      Args
    >;
    field.resolve = async (root, args, ctx, info) => {
      const execution = executions.get(ctx);
      if (!execution) throw new Error(`${coordinate} ran without the rate-limit plugin`);
      const key = info.path.prev === undefined ? String(info.path.key) : null;
      const counted = key === null ? 0 : (execution.counted.get(key) ?? 0);
      if (key !== null && counted > 0) {
        execution.counted.set(key, counted - 1);
      } else {
        const wait = await execution.limiter.consume(
          limited.group,
          limited.target?.(args) ?? {},
          execution.caller,
          ctx.log,
        );
        if (wait > 0) throw rateLimited(wait);
      }
      return resolve(root, args, ctx, info);
    };
  }
  return schema;
}
