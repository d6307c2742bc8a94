// Assembles the Yoga app: schema, per-request context, health probes, request ids, access log.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Database } from '@layanan/db';
import { unsupportedCharacter } from '@layanan/domain';
import { createYoga, maskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { calendarCoverageGraphQLError } from '../graphql/failures.js';
import { gatewayGraphQLError, unsupportedCharacterMessage } from '../graphql/gateway-errors.js';
import { schema } from '../graphql/schema.js';
import { AuthenticationError, resolveIdentity } from '../modules/accounts/identity.js';
import { unsubscribeRoute } from '../modules/accounts/unsubscribe-route.js';
import { fileRoute } from '../modules/attachments/file-route.js';
import { documentRoutes } from '../modules/documents/document-routes.js';
import { skmCsvRoute } from '../modules/feedback/reports/skm-csv-route.js';
import { openDataRoutes } from '../modules/open-data/index.js';
import { open311 } from '../modules/services/open311/router.js';
import { staffCsvRoutes } from '../modules/staff/reports/staff-csv-routes.js';
import { loadWorkingCalendar } from '../platform/calendar.js';
import type { EventBus } from '../platform/events.js';
import type { DocumentSigner } from '../platform/signing/document-signer.js';
import { loadDocumentSigner } from '../platform/signing/ed25519-signer.js';
import type { SmsSender } from '../platform/sms.js';
import type { BlobStore } from '../platform/storage/blob-store.js';
import { createFileBlobStore } from '../platform/storage/file-store.js';
import { createS3BlobStore } from '../platform/storage/s3-store.js';
import type { GatewayConfig } from './config.js';
import { type GraphQLContext, languageOf } from './context.js';
import { guardedPlugin, unexpectedExecutionErrors, unexpectedGraphQLError } from './error-disclosure.js';
import { errorsInCallersLanguage } from './error-language.js';
import { createEventBus } from './event-handlers.js';
import { liveAccess } from './live-access.js';
import { mailSettings } from './mail-config.js';
import { createLayananPubSub, type LayananPubSub } from './pubsub.js';
import { createRateLimiter, createRateLimitStore, type RateLimitStore } from './rate-limits.js';
import { corsPolicy, securityPlugins } from './security.js';
import { webApp } from './web-app.js';

/** A lazily loaded value, shared by every resolver of one request. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= load();
    return value;
  };
}

export type Gateway = YogaServerInstance<Record<string, unknown>, GraphQLContext>;

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const requestIds = new WeakMap<Request, { id: string; clientRequestId?: string; started: number }>();

/** The request's id: always generated here (a UUID), so the audit trail and the logs never carry
 * an id a client chose (issue 15, kind 9). A well-formed `x-request-id` the client sent is kept
 * only as `clientRequestId` in the access log, for correlating with the client's own logs. */
export function requestIdOf(request: Request): string {
  let entry = requestIds.get(request);
  if (!entry) {
    const given = request.headers.get('x-request-id');
    entry = {
      id: randomUUID(),
      clientRequestId: given && CLIENT_REQUEST_ID.test(given) ? given : undefined,
      started: performance.now(),
    };
    requestIds.set(request, entry);
  }
  return entry.id;
}

function json(fetchAPI: { Response: typeof Response }, status: number, body: unknown): Response {
  return new fetchAPI.Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** `/healthz`: the process is up. `/readyz`: the database answers and every migration is applied. */
function healthProbes(db: Database): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === '/healthz') {
        endResponse(json(fetchAPI, 200, { status: 'ok' }));
        return;
      }
      if (url.pathname !== '/readyz') return;
      try {
        if (!(await db.ping())) {
          endResponse(json(fetchAPI, 503, { status: 'unavailable', reason: 'database unreachable' }));
          return;
        }
        const status = await db.status();
        if (status.pending.length > 0 || status.failed.length > 0) {
          endResponse(
            json(fetchAPI, 503, {
              status: 'unavailable',
              reason: 'migrations not applied',
              pending: status.pending,
              failed: status.failed,
            }),
          );
          return;
        }
        endResponse(json(fetchAPI, 200, { status: 'ready', database: db.kind }));
      } catch {
        endResponse(json(fetchAPI, 503, { status: 'unavailable', reason: 'database unreachable' }));
      }
    },
  };
}

function requestLog(log: Logger): Plugin {
  return {
    onRequest({ request }) {
      requestIdOf(request);
    },
    onResponse({ request, response }) {
      const entry = requestIds.get(request);
      if (entry) response.headers.set('x-request-id', entry.id);
      const url = new URL(request.url);
      log.info(
        {
          requestId: entry?.id,
          clientRequestId: entry?.clientRequestId,
          method: request.method,
          path: url.pathname,
          status: response.status,
          ms: entry ? Math.round(performance.now() - entry.started) : undefined,
        },
        'request',
      );
    },
  };
}

/** Where the first character no output can carry sits in `value` (a path), and which, or null. */
function unsupportedIn(value: unknown, path: string): { path: string; character: string } | null {
  if (typeof value === 'string') {
    const character = unsupportedCharacter(value);
    return character ? { path, character } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = unsupportedIn(v, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = unsupportedIn(k, `${path} (key)`) ?? unsupportedIn(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Text that no output can carry (PostgreSQL text cannot hold U+0000; XML 1.0 cannot hold other
 * C0 controls, lone surrogates, U+FFFE/FFFF: the domain's `unsupportedCharacter`) is refused up
 * front, anywhere in the query or its variables, for every operation, with a 400 naming where and
 * which character (the fuzzer found NUL as masked database errors; Open311 XML broke on U+0001).
 */
function rejectUnsupportedCharacters(): Plugin {
  return {
    onParams({ params }) {
      const found = unsupportedIn(params.query, 'query') ?? unsupportedIn(params.variables, 'variables');
      if (found) {
        throw gatewayGraphQLError(
          'BAD_USER_INPUT',
          { http: { status: 400 }, path: found.path, character: found.character },
          unsupportedCharacterMessage(found.path, found.character),
        );
      }
    },
  };
}

export function createGateway(options: {
  db: Database;
  config: GatewayConfig;
  log: Logger;
  /** Shared with background jobs; in-process when not given. */
  pubsub?: LayananPubSub;
  /** Cross-area event handlers; the gateway's own (every area's handlers) when not given. */
  events?: EventBus;
  /** Rate-limit counters; in-process (or Redis when REDIS_URL is set) when not given. */
  rateLimitStore?: RateLimitStore;
  /** The built web app to serve at `/` (a directory with index.html); none when not given. */
  webRoot?: string;
  /** An SMS provider for phone verification (platform/sms.ts); none by default. */
  sms?: SmsSender;
  /**
   * Tuning measured by the bench (`pnpm bench`): extra Envelop/Yoga plugins (graphql-jit, response
   * cache) and Yoga's parse/validate cache (on by default, as in Yoga).
   */
  tuning?: { plugins?: Plugin[]; parserAndValidationCache?: boolean };
  /** Where files go; files under `config.filesDir` when not given. */
  storage?: BlobStore;
  /** What signs issued documents; the key `config.signing` names when not given. */
  signer?: DocumentSigner;
}): Gateway {
  const { db, config, log } = options;
  const pubsub = options.pubsub ?? createLayananPubSub().pubsub;
  const rateLimitStore = options.rateLimitStore ?? createRateLimitStore(config);
  const storage =
    options.storage ??
    (config.s3
      ? createS3BlobStore(config.s3, { tempDir: join(config.filesDir, '.incoming') })
      : createFileBlobStore(config.filesDir));
  const events =
    options.events ??
    createEventBus({
      prisma: db.prisma,
      pubsub,
      log,
      mail: mailSettings(config),
      complaints: config.complaints,
      documents: {
        storage,
        signer: options.signer ?? loadDocumentSigner(config.signing),
        publicUrl: config.mail.publicUrl,
      },
    });
  // The GraphQL context; REST routes (the SKM CSV download) resolve the caller the same way.
  const contextOf = async (request: Request): Promise<GraphQLContext> => {
    const requestId = requestIdOf(request);
    const identity = await resolveIdentity(request, db.prisma, config.jwtSecret);
    return {
      prisma: db.prisma,
      identity,
      requestId,
      lang: languageOf(request),
      log: log.child({ requestId }),
      config,
      pubsub,
      events,
      calendar: once(() => loadWorkingCalendar(db.prisma)),
      storage,
      sms: options.sms ?? null,
    };
  };
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: config.graphiql ? { title: 'Layanan GraphQL' } : false,
    // GraphiQL's script, styles and editor workers come inside the page from the gateway, not
    // from a public CDN (blocked on many government networks: issue 21, kind 13).
    renderGraphiQL,
    // Unexpected errors are masked: clients see "Unexpected error.", the log has the cause. A
    // deadline past the calendar's known years is expected and says so (CALENDAR_YEAR_UNKNOWN).
    maskedErrors: {
      // Never the original error in an answer, whatever NODE_ENV says: the log has it.
      isDev: false,
      maskError: (error, message, isDev) =>
        calendarCoverageGraphQLError(error) ?? maskError(error, message, isDev),
    },
    logging: {
      debug: (...args) => log.debug(args.map(String).join(' ')),
      info: (...args) => log.info(args.map(String).join(' ')),
      warn: (...args) => log.warn(args.map(String).join(' ')),
      error: (...args) => {
        const [first, ...rest] = args;
        if (first instanceof Error) log.error({ err: first }, rest.map(String).join(' ') || first.message);
        else log.error(args.map(String).join(' '));
      },
    },
    parserAndValidationCache: options.tuning?.parserAndValidationCache ?? true,
    cors: corsPolicy(config),
    batching: config.security.maxBatch > 0 ? { limit: config.security.maxBatch } : false,
    // A hook of any plugin that fails unexpectedly (a stack overflow on a huge input, a bug)
    // answers a masked 500 with the request id, logged once (error-disclosure.ts).
    plugins: [
      requestLog(log),
      // Request-level errors in the language the caller names (error-language.ts).
      errorsInCallersLanguage(),
      // Paths, query strings and bodies are checked (platform/input-guard.ts) before any route.
      ...securityPlugins(config, rateLimitStore),
      // GraphQL text no output can carry (the domain's unsupportedCharacter), naming where.
      rejectUnsupportedCharacters(),
      // Resolver failures nobody foresaw: logged once with the request id, answered masked.
      unexpectedExecutionErrors(log),
      liveAccess({ prisma: db.prisma, config, pubsub, log }),
      healthProbes(db),
      open311({
        db,
        config,
        log,
        pubsub,
        events,
        rateLimits: createRateLimiter(config, rateLimitStore),
        storage,
      }),
      skmCsvRoute(contextOf),
      openDataRoutes(db, config.openData),
      unsubscribeRoute({ secret: mailSettings(config).secret, prisma: db.prisma }),
      fileRoute({ secret: config.jwtSecret, prisma: db.prisma, storage }),
      ...staffCsvRoutes(contextOf),
      ...documentRoutes(contextOf),
      ...(options.webRoot
        ? [webApp({ root: options.webRoot, devLogin: config.devLogin, production: config.production })]
        : []),
      ...(options.tuning?.plugins ?? []),
    ].map((plugin) => guardedPlugin(plugin, log, requestIdOf)),
    context: async ({ request }): Promise<GraphQLContext> => {
      try {
        return await contextOf(request);
      } catch (error) {
        if (error instanceof AuthenticationError) {
          throw gatewayGraphQLError(error.code, { http: { status: 401 } });
        }
        // Anything else (a database that fails) is logged here once, with the request id, and
        // answered masked; Yoga then has nothing to mask or log again.
        const requestId = requestIdOf(request);
        log.error({ err: error, requestId, path: new URL(request.url).pathname }, 'unexpected error');
        throw unexpectedGraphQLError(requestId, { status: 500 });
      }
    },
  });
}
