// Abuse protection at the HTTP and GraphQL layer (issue 7): body size, CSRF, CORS, GraphQL limits
// (graphql-armor), introspection; rate limits are in rate-limits.ts.
// Authorization itself is in the schema (builder.ts auth scopes, authz.ts) and the matrix test (testing/authz-matrix/).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Message } from '@layanan/domain';
import {
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  validate,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import {
  bilingual,
  GATEWAY_ERROR_MESSAGES,
  type GatewayErrorCode,
  gatewayGraphQLError,
  LIMIT_MESSAGES,
} from '../graphql/gateway-errors.js';
import type { Identity } from '../modules/accounts/identity.js';
import type { GatewayConfig } from './config.js';
import type { GraphQLContext } from './context.js';
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
