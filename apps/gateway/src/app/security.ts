// Abuse protection at the HTTP and GraphQL layer (issue 7): body size, CSRF, CORS, GraphQL limits
// (graphql-armor), introspection; rate limits are in rate-limits.ts.
// Authorization itself is in the schema (builder.ts auth scopes, authz.ts) and the matrix test (testing/authz-matrix/).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Message } from '@layanan/domain';
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  NoSchemaIntrospectionCustomRule,
  validate,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';
import {
  bilingual,
  GATEWAY_ERROR_MESSAGES,
  type GatewayErrorCode,
  gatewayGraphQLError,
  LIMIT_MESSAGES,
  unsupportedCharacterMessage,
} from '../graphql/gateway-errors.js';
import type { Identity } from '../modules/accounts/identity.js';
import {
  checkUrl,
  type GuardedBody,
  graphqlParams,
  type InputRefusal,
  InputRefused,
  readGuardedBody,
  stagedFilesOf,
} from '../platform/input-guard.js';
import type { MultipartLimits } from '../platform/storage/multipart.js';
import { uploadStaging } from '../platform/storage/upload-limits.js';
import type { GatewayConfig } from './config.js';
import type { GraphQLContext } from './context.js';
import { documentDepthGuard } from './document-depth.js';
import { routeError, routeOf } from './error-disclosure.js';
import { type RateLimitStore, rateLimit } from './rate-limits.js';

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

/** Pothos relay's page when a connection is asked without `first`/`last`. */
const DEFAULT_PAGE_SIZE = 20;
/** The largest page limit of any connection (larger `first`/`last` are capped to the field's). */
const MAX_PAGE_SIZE = 500;

// ---- Plugins ----------------------------------------------------------------------------------

/** The message of a refusal of the input guard, stating the limit it broke. */
function refusalMessage({ code, limit = 0, where, character, accepted }: InputRefusal): Message {
  if (code === 'UNSUPPORTED_MEDIA_TYPE' && accepted) return LIMIT_MESSAGES.UNSUPPORTED_MEDIA_TYPE(accepted);
  if (code === 'BAD_USER_INPUT' && where && character) return unsupportedCharacterMessage(where, character);
  if (code === 'PAYLOAD_TOO_LARGE') return LIMIT_MESSAGES.PAYLOAD_TOO_LARGE(limit);
  if (code === 'TOO_MANY_PARAMETERS') return LIMIT_MESSAGES.TOO_MANY_PARAMETERS(limit);
  if (code === 'INPUT_TOO_NESTED') return LIMIT_MESSAGES.INPUT_TOO_NESTED(limit);
  return GATEWAY_ERROR_MESSAGES[code];
}

/** A refusal of the input guard in the route's format; 413 also closes the connection. */
function refused(request: Request, refusal: InputRefusal, maxBytes: number): Response {
  return routeError(request, refusal.status, refusal.code, refusalMessage(refusal), {
    extensions: {
      ...(refusal.code === 'PAYLOAD_TOO_LARGE' ? { maxBytes } : {}),
      ...(refusal.character ? { path: refusal.where, character: refusal.character } : {}),
    },
    headers: refusal.status === 413 ? { connection: 'close' } : {},
  });
}

/** The bodies /graphql takes (GraphQL over HTTP, and multipart for file uploads). */
const GRAPHQL_BODY_TYPES = [
  'application/json',
  'application/graphql',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
] as const;

/**
 * Every path, query string and body passes the input guard (platform/input-guard.ts) before any
 * route reads it: too large (413, declared or streamed), multipart (415), malformed encoding, text
 * PostgreSQL cannot store, too many parameters or too deep (400), each in the route's format.
 */
function inputGuard(maxBytes: number, uploads: Omit<MultipartLimits, 'maxFieldBytes'>): Plugin {
  // Multipart bodies are taken only by the upload routes: /graphql and Open311's POST requests.
  const multipartOf = (request: Request, url: URL): MultipartLimits | undefined =>
    request.method === 'POST' &&
    (routeOf(url.pathname) === 'graphql' || /^\/open311\/v2\/requests(\.(json|xml))?$/.test(url.pathname))
      ? { ...uploads, maxFieldBytes: maxBytes }
      : undefined;
  return {
    async onRequest({ request, url, endResponse }) {
      try {
        checkUrl(url);
        if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
        await readGuardedBody(request, maxBytes, multipartOf(request, url));
      } catch (error) {
        if (!(error instanceof InputRefused)) throw error;
        endResponse(refused(request, error.refusal, maxBytes));
      }
    },
    // Staged upload files are removed once the answer is sent (stored blobs are copies).
    async onResponse({ request }) {
      await (await stagedFilesOf(request))?.cleanup();
    },
    // /graphql takes its parameters from what the guard read, never parsing the body again.
    onRequestParse({ request, url, setRequestParser }) {
      if (routeOf(url.pathname) !== 'graphql') return;
      setRequestParser(async () => {
        try {
          const body: GuardedBody =
            request.method === 'GET' || request.method === 'HEAD'
              ? { kind: 'form', value: checkUrl(url), text: '' }
              : await readGuardedBody(request, maxBytes);
          const params = graphqlParams(body, request.headers.get('content-type'));
          return (
            params ??
            refused(
              request,
              { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, accepted: GRAPHQL_BODY_TYPES },
              maxBytes,
            )
          );
        } catch (error) {
          if (error instanceof InputRefused) return refused(request, error.refusal, maxBytes);
          throw error;
        }
      });
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
  // The parser raises a token limit as a "Syntax Error:"; the code and message say what it is.
  // The status is set by armorRefusalsAre400() below.
  const tagged = (code: GatewayErrorCode) => [
    (_ctx: unknown, error: GraphQLError) => {
      Object.assign(error.extensions as Record<string, unknown>, { code });
      error.message = error.message.replace(/^Syntax Error: /, '');
    },
  ];
  return EnvelopArmorPlugin({
    maxDepth: {
      n: s.maxDepth,
      exposeLimits: false,
      errorMessage: bilingual(LIMIT_MESSAGES.QUERY_TOO_DEEP(s.maxDepth)),
      onReject: tagged('QUERY_TOO_DEEP'),
    },
    // The cost needs the variables' values: costLimit() below, at execution.
    costLimit: { enabled: false },
    maxAliases: {
      n: s.maxAliases,
      // Aliases of every field count, __typename too (armor leaves that one out by default).
      allowList: [],
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
    // Suggestions are removed from every error by withoutSuggestions() below.
    blockFieldSuggestion: { enabled: false },
  }) as Plugin;
}

const ARMOR_CODES: ReadonlySet<unknown> = new Set<GatewayErrorCode>([
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_TOKENS',
]);

/** A document refused by a limit is a 400 whatever its body type and Accept header (Yoga answered
 * too many tokens 200, as a GraphQL-over-HTTP request error, to `application/json` callers). */
function armorRefusalsAre400(): Plugin {
  return {
    onResultProcess({ result }) {
      for (const one of Array.isArray(result) ? result : [result]) {
        for (const error of (one as { errors?: readonly GraphQLError[] }).errors ?? []) {
          if (ARMOR_CODES.has(error.extensions?.code)) {
            (error.extensions as Record<string, unknown>).http = { status: 400 };
          }
        }
      }
    },
  };
}

/** How many items a field returns at most: its page size (`first`/`last`, else the default page of
 * a connection); for a list fetched by a list argument (`nodes(ids:)`), one per element of that
 * argument, literal or variable; 1 for anything else. */
function itemCount(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (field.args.some((a) => a.name === 'first' || a.name === 'last')) {
    const asked = [args.first, args.last].find((n): n is number => typeof n === 'number');
    return asked === undefined ? DEFAULT_PAGE_SIZE : Math.min(Math.max(asked, 1), MAX_PAGE_SIZE);
  }
  if (!isListType(getNullableType(field.type))) return 1;
  let items = 1;
  for (const a of field.args) {
    const value = args[a.name];
    if (isListType(getNullableType(a.type)) && Array.isArray(value)) items = Math.max(items, value.length);
  }
  return items;
}

/**
 * The cost model (as graphql-armor's, whose limit it replaces): a leaf costs 1, an object 2 plus
 * 1.5 times its selections, times its page size or the length of the list it fetches by — taken from
 * the arguments after the variables are applied, so `first: $n` costs what `first: 100` costs and
 * `nodes(ids: $ids)` what as many `node(id:)` cost.
 */
const pagedCost: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 1;
  return itemCount(field, args) * (2 + 1.5 * childComplexity);
};

/** The cost of the operation to run, with its variables; null when they do not coerce (execution
 * then fails with the usual error). */
export function operationCost(args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
}): number | null {
  try {
    return getComplexity({
      schema: args.schema,
      query: args.document,
      operationName: args.operationName ?? undefined,
      variables: args.variableValues ?? {},
      estimators: [pagedCost],
    });
  } catch {
    return null;
  }
}

/** Refuses an operation (query, mutation or subscription) whose cost is over LAYANAN_MAX_COST. */
function costLimit(maxCost: number): Plugin {
  const check = ({
    args,
    setResultAndStopExecution,
  }: {
    args: Parameters<typeof operationCost>[0];
    setResultAndStopExecution: (result: { errors: GraphQLError[] }) => void;
  }) => {
    const cost = operationCost(args);
    if (cost !== null && cost > maxCost)
      setResultAndStopExecution({
        errors: [limitError('QUERY_TOO_EXPENSIVE', 400, {}, LIMIT_MESSAGES.QUERY_TOO_EXPENSIVE(maxCost))],
      });
  };
  return { onExecute: check, onSubscribe: check } as Plugin;
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * "Did you mean …?" reveals the schema where introspection may be closed: in production it is cut
 * from every error, of validation and of execution (variables, enum values).
 */
function withoutSuggestions(production: boolean): Plugin {
  const strip = (errors: readonly Error[] | undefined) => {
    for (const error of errors ?? []) error.message = error.message.replace(SUGGESTION, '');
  };
  if (!production) return {};
  return {
    onValidate:
      () =>
      ({ result }) =>
        strip(result),
    onExecute: () => ({
      onExecuteDone: ({ result }) => {
        if ('errors' in result) strip(result.errors);
      },
    }),
  };
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

export function securityPlugins(config: GatewayConfig, store: RateLimitStore): Plugin<GraphQLContext>[] {
  return [
    inputGuard(config.security.maxBodyBytes, uploadStaging(config)),
    csrfPrevention(),
    documentDepthGuard(config.security.maxDepth),
    armor(config),
    armorRefusalsAre400(),
    withoutSuggestions(config.production || config.security.introspection === 'off'),
    costLimit(config.security.maxCost),
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
