// Abuse protection at the HTTP and GraphQL layer (issue 7): body size, CSRF, CORS, GraphQL limits
// (graphql-armor), introspection, and rate limits per client address and per identity.
// Authorization itself is in the schema (builder.ts auth scopes, authz.ts) and the matrix test (testing/authz-matrix/).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Message } from '@layanan/domain';
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLError,
  type GraphQLSchema,
  getArgumentValues,
  getOperationAST,
  Kind,
  NoSchemaIntrospectionCustomRule,
  validate,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import {
  bilingual,
  GATEWAY_ERROR_MESSAGES,
  type GatewayErrorCode,
  gatewayGraphQLError,
  LIMIT_MESSAGES,
} from '../graphql/gateway-errors.js';
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

// ---- Errors -----------------------------------------------------------------------------------

/** A refused request: its code and message (both languages, also in extensions) and HTTP status. */
function limitError(
  code: GatewayErrorCode,
  status: number,
  headers = {},
  message: Message = GATEWAY_ERROR_MESSAGES[code],
) {
  return gatewayGraphQLError(
    code,
    { messageId: message.id, messageEn: message.en, http: { status, headers } },
    message,
  );
}

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  const error = limitError(
    'RATE_LIMITED',
    429,
    { 'Retry-After': String(retryAfterSeconds) },
    LIMIT_MESSAGES.RATE_LIMITED(retryAfterSeconds),
  );
  (error.extensions as Record<string, unknown>).retryAfter = retryAfterSeconds;
  return error;
}

// ---- Plugins ----------------------------------------------------------------------------------

/** Rejects bodies over the limit with 413 before anything parses them. */
function bodyLimit(maxBytes: number): Plugin {
  const tooLarge = (fetchAPI: { Response: typeof Response }) =>
    new fetchAPI.Response(
      JSON.stringify({
        errors: [
          {
            message: bilingual(LIMIT_MESSAGES.PAYLOAD_TOO_LARGE(maxBytes)),
            extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes },
          },
        ],
      }),
      { status: 413, headers: { 'content-type': 'application/json; charset=utf-8', connection: 'close' } },
    );
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (Number(declared) > maxBytes) endResponse(tooLarge(fetchAPI));
        return;
      }
      // Chunked upload: read a copy up to the limit (never more) before the parser sees it.
      const body = request.clone().body;
      if (!body) return;
      const reader = body.getReader();
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          endResponse(tooLarge(fetchAPI));
          return;
        }
      }
    },
  };
}

/**
 * Browsers send "simple" requests (form posts, GETs) cross-site without a CORS preflight; those
 * must carry a header a form cannot set. JSON POSTs are preflighted and pass.
 */
function csrfPrevention(): Plugin {
  const inner = useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }) as Plugin;
  return {
    onRequestParse(payload) {
      try {
        return inner.onRequestParse?.(payload);
      } catch {
        throw limitError('CSRF_HEADER_REQUIRED', 403);
      }
    },
  };
}

/** graphql-armor with bilingual messages that state the limit. */
function armor(config: GatewayConfig): Plugin {
  const s = config.security;
  const tagged = (code: GatewayErrorCode) => [
    (_ctx: unknown, error: GraphQLError) => {
      Object.assign(error.extensions as Record<string, unknown>, { code });
    },
  ];
  return EnvelopArmorPlugin({
    maxDepth: {
      n: s.maxDepth,
      exposeLimits: false,
      errorMessage: bilingual(LIMIT_MESSAGES.QUERY_TOO_DEEP(s.maxDepth)),
      onReject: tagged('QUERY_TOO_DEEP'),
    },
    costLimit: {
      maxCost: s.maxCost,
      exposeLimits: false,
      errorMessage: bilingual(LIMIT_MESSAGES.QUERY_TOO_EXPENSIVE(s.maxCost)),
      onReject: tagged('QUERY_TOO_EXPENSIVE'),
    },
    maxAliases: {
      n: s.maxAliases,
      exposeLimits: false,
      errorMessage: bilingual(LIMIT_MESSAGES.TOO_MANY_ALIASES(s.maxAliases)),
      onReject: tagged('TOO_MANY_ALIASES'),
    },
    maxDirectives: {
      n: s.maxDirectives,
      exposeLimits: false,
      errorMessage: bilingual(LIMIT_MESSAGES.TOO_MANY_DIRECTIVES(s.maxDirectives)),
      onReject: tagged('TOO_MANY_DIRECTIVES'),
    },
    maxTokens: {
      n: s.maxTokens,
      exposeLimits: false,
      errorMessage: bilingual(LIMIT_MESSAGES.TOO_MANY_TOKENS(s.maxTokens)),
      onReject: tagged('TOO_MANY_TOKENS'),
    },
    // Suggestions ("did you mean …") reveal the schema where introspection may be closed.
    blockFieldSuggestion: { enabled: config.production || s.introspection === 'off' },
  }) as Plugin;
}

/** "Authenticated developers": staff, supervisors, admins and other city systems (API keys). */
function isDeveloper(identity: Identity): boolean {
  return identity.kind === 'system' || (identity.kind === 'account' && identity.role !== 'CITIZEN');
}

export function introspectionAllowed(config: GatewayConfig, identity: Identity): boolean {
  const mode = config.security.introspection;
  if (mode === 'on') return true;
  if (mode === 'off') return false;
  return !config.production || isDeveloper(identity);
}

function isIntrospection(schema: GraphQLSchema, document: DocumentNode): boolean {
  return validate(schema, document, [NoSchemaIntrospectionCustomRule]).length > 0;
}

/** Introspection needs the caller's identity, so it is checked after the context is built. */
function introspectionGate(config: GatewayConfig): Plugin<GraphQLContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (config.security.introspection === 'on') return;
      if (introspectionAllowed(config, args.contextValue.identity)) return;
      if (!isIntrospection(args.schema, args.document)) return;
      setResultAndStopExecution({
        errors: [limitError('INTROSPECTION_DISABLED', 403)],
      });
    },
  };
}

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

function rateLimit(config: GatewayConfig, store: RateLimitStore): Plugin<GraphQLContext> {
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

export function securityPlugins(config: GatewayConfig, store: RateLimitStore): Plugin<GraphQLContext>[] {
  return [
    bodyLimit(config.security.maxBodyBytes),
    csrfPrevention(),
    armor(config),
    introspectionGate(config),
    rateLimit(config, store),
  ] as Plugin<GraphQLContext>[];
}

/** Origins allowed to call from a browser; same-origin calls need no CORS headers at all. */
export function corsPolicy(config: GatewayConfig) {
  const { corsOrigins, corsLocalhost } = config.security;
  const any = corsOrigins.includes('*');
  const localhost = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin) return false as const;
    const allowed = any || corsOrigins.includes(origin) || (corsLocalhost && localhost.test(origin));
    if (!allowed) return false as const;
    return {
      origin: [origin],
      credentials: true,
      allowedHeaders: [
        'content-type',
        'authorization',
        'x-api-key',
        'accept-language',
        'x-request-id',
        'x-graphql-yoga-csrf',
      ],
      exposedHeaders: ['retry-after', 'x-request-id'],
      maxAge: 600,
    };
  };
}
