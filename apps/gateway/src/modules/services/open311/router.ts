// Open311 GeoReport v2 under /open311/v2/ (issue 8), served by the gateway process as a Yoga
// plugin. Catalogue and requests come from the same tables as GraphQL (views.ts), and a POST
// files through the same submission command (post-request.ts: validation, idempotency, routing,
// audit with the API key as actor).
import type { Database } from '@layanan/db';
import type { WorkingCalendar } from '@layanan/domain/calendar';
import { REQUESTS_WRITE_SCOPE } from '@layanan/domain/services';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { clientAddress } from '../../../app/client-address.js';
import type { GatewayConfig } from '../../../app/config.js';
import { type Lang, languageOf } from '../../../app/context.js';
import { requestIdOf } from '../../../app/gateway.js';
import type { LayananPubSub } from '../../../app/pubsub.js';
import type { RateLimiter } from '../../../app/rate-limits.js';
import { ConflictError, LayananError, ValidationError } from '../../../graphql/errors.js';
import { calendarCoverageGraphQLError } from '../../../graphql/failures.js';
import { loadWorkingCalendar } from '../../../platform/calendar.js';
import type { CommandDeps } from '../../../platform/command.js';
import type { EventBus } from '../../../platform/events.js';
import type { BlobStore } from '../../../platform/storage/blob-store.js';
import { AuthenticationError, type Identity, resolveApiKey } from '../../accounts/identity.js';
import { signFileLink } from '../../attachments/signed-link.js';
import { OPEN311_MESSAGES as M, Open311Error, text } from './messages.js';
import { postRequest, readPost } from './post-request.js';
import { postUpdate } from './post-update.js';
import { errorResponse, type Format, respond } from './render.js';
import { findUpdates } from './updates.js';
import {
  type ExtensionContext,
  findRequests,
  requestsWhere,
  serviceDefinition,
  serviceInclude,
  serviceSummary,
} from './views.js';

export const OPEN311_BASE = '/open311/v2/';
const SPEC = 'http://wiki.open311.org/GeoReport_v2';
const CHANGESET = '2026-11-27T00:00:00+07:00';

type Deps = {
  db: Database;
  config: GatewayConfig;
  log: Logger;
  pubsub: LayananPubSub;
  events: EventBus;
  /** The same budgets as GraphQL's submissions: the key's own, and per reporter inside it. */
  rateLimits: RateLimiter;
  /** Where `media` files go. */
  storage: BlobStore;
};

/** The command dependencies of one Open311 call. */
function commandDepsOf(deps: Deps, request: Request): CommandDeps {
  const requestId = requestIdOf(request);
  let calendar: Promise<WorkingCalendar> | undefined;
  return {
    prisma: deps.db.prisma,
    now: () => new Date(),
    calendar: () => {
      calendar ??= loadWorkingCalendar(deps.db.prisma);
      return calendar;
    },
    pubsub: deps.pubsub,
    events: deps.events,
    log: deps.log.child({ requestId }),
    requestId,
    storage: deps.storage,
  };
}

async function apiKeyIdentity(key: string | null, deps: Deps, lang: Lang): Promise<Identity | null> {
  if (!key) return null;
  try {
    return await resolveApiKey(key.trim(), deps.db.prisma);
  } catch (error) {
    if (error instanceof AuthenticationError) throw Open311Error.of(403, lang, M.apiKeyInvalid);
    throw error;
  }
}

/** The system behind a POST's API key, holding requests:write, or a 403 Open311Error. */
async function writingSystem(apiKey: string | null, deps: Deps, lang: Lang) {
  if (!apiKey) throw Open311Error.of(403, lang, M.apiKeyRequired);
  const caller = await apiKeyIdentity(apiKey, deps, lang);
  if (caller?.kind !== 'system' || !caller.scopes.includes(REQUESTS_WRITE_SCOPE))
    throw Open311Error.of(403, lang, M.apiKeyScope);
  return caller;
}

/**
 * POST servicerequestupdates: an update of the client's user (post-update.ts), counted against
 * the same submission budget as a POST of a request.
 */
async function postedUpdate(request: Request, address: string, deps: Deps, lang: Lang) {
  const { params, apiKey } = await readPost(request, deps.config.security.maxBodyBytes);
  const caller = await writingSystem(apiKey, deps, lang);
  const wait = await deps.rateLimits.consume(
    'submit',
    { reporter: params.get('email') },
    { identity: caller, address },
    deps.log,
  );
  if (wait > 0) throw Open311Error.rateLimited(lang, wait);
  return postUpdate(params, commandDepsOf(deps, request), caller, deps.config.complaints, lang);
}

async function filedRequest(request: Request, address: string, deps: Deps, lang: Lang) {
  const { params, media, apiKey } = await readPost(request, deps.config.security.maxBodyBytes);
  const caller = await writingSystem(apiKey, deps, lang);
  const wait = await deps.rateLimits.consume(
    'submit',
    { reporter: params.get('email') ?? params.get('phone') },
    { identity: caller, address },
    deps.log,
  );
  if (wait > 0) throw Open311Error.rateLimited(lang, wait);
  return postRequest(request, { params, media }, commandDepsOf(deps, request), caller, lang);
}

async function route(
  request: Request,
  url: URL,
  path: string,
  format: Format,
  deps: Deps,
  lang: Lang,
  address: string,
) {
  const q = url.searchParams;
  const method = request.method.toUpperCase();
  // Links the city publishes (the discovery document's endpoint, signed file links) start with the
  // configured public URL (LAYANAN_PUBLIC_URL), never with the Host header a caller sent.
  const origin = deps.config.mail.publicUrl.replace(/\/+$/, '');
  const linker = (id: string) => `${origin}${signFileLink(deps.config.jwtSecret, id, new Date())}`;
  const prisma = deps.db.prisma;

  if (path === 'requests' && method === 'POST') {
    const { status, body } = await filedRequest(request, address, deps, lang);
    return respond(format, status, 'service_requests', body);
  }
  if (path === 'servicerequestupdates' && method === 'POST') {
    const { status, body } = await postedUpdate(request, address, deps, lang);
    return respond(format, status, 'service_request_updates', body);
  }
  if (method !== 'GET' && method !== 'HEAD') {
    // RFC 9110 §15.5.6: a 405 names the methods the resource takes.
    const allow = path === 'requests' || path === 'servicerequestupdates' ? 'GET, HEAD, POST' : 'GET, HEAD';
    throw new Open311Error(405, [text(lang, M.methodNotSupported(method))], { allow });
  }

  if (path === 'discovery') {
    const base = `${origin}${OPEN311_BASE}`;
    return respond(format, 200, 'discovery', {
      changeset: CHANGESET,
      contact: M.contact,
      key_service: text(lang, M.keyService),
      endpoints: [
        {
          specification: SPEC,
          url: base,
          changeset: CHANGESET,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
  }
  if (path === 'services') {
    const services = await prisma.service.findMany({
      where: { published: true, currentVersionId: { not: null } },
      include: serviceInclude,
      orderBy: { code: 'asc' },
    });
    return respond(
      format,
      200,
      'services',
      services.map((s) => serviceSummary(s, lang)),
    );
  }
  const serviceMatch = /^services\/([^/]+)$/.exec(path);
  if (serviceMatch?.[1]) {
    const code = decodeURIComponent(serviceMatch[1]);
    const s = await prisma.service.findUnique({
      where: { code: code.trim().toUpperCase() },
      include: serviceInclude,
    });
    if (!s?.published || !s.currentVersion)
      throw Open311Error.of(404, lang, M.notFound('service_code', code));
    return respond(format, 200, 'service_definition', serviceDefinition(s, lang));
  }
  // `extensions=true`: each request's extended_attributes (views.ts, issue 20).
  const extensions = async (): Promise<ExtensionContext | null> =>
    q.get('extensions')?.toLowerCase() === 'true'
      ? {
          calendar: await loadWorkingCalendar(prisma),
          answerWorkingDays: deps.config.complaints.answerWorkingDays,
        }
      : null;
  if (path === 'requests') {
    const viewer = await apiKeyIdentity(q.get('api_key'), deps, lang);
    const where = requestsWhere(q, lang);
    const rows = await findRequests(prisma, where, viewer, lang, linker, await extensions());
    return respond(format, 200, 'service_requests', rows);
  }
  if (path === 'servicerequestupdates') {
    const viewer = await apiKeyIdentity(q.get('api_key'), deps, lang);
    const ext = q.get('extensions')?.toLowerCase() === 'true';
    return respond(
      format,
      200,
      'service_request_updates',
      await findUpdates(prisma, q, viewer, lang, linker, ext),
    );
  }
  const requestMatch = /^requests\/([^/]+)$/.exec(path);
  if (requestMatch?.[1]) {
    const code = decodeURIComponent(requestMatch[1]).toUpperCase();
    const viewer = await apiKeyIdentity(q.get('api_key'), deps, lang);
    const rows = await findRequests(prisma, { trackingCode: code }, viewer, lang, linker, await extensions());
    if (rows.length === 0) throw Open311Error.of(404, lang, M.notFound('service_request_id', code));
    return respond(format, 200, 'service_requests', rows);
  }
  const tokenMatch = /^tokens\/([^/]+)$/.exec(path);
  if (tokenMatch?.[1]) {
    const token = decodeURIComponent(tokenMatch[1]);
    const row = /^[0-9a-f-]{36}$/i.test(token)
      ? await prisma.serviceRequest.findUnique({ where: { id: token }, select: { trackingCode: true } })
      : null;
    if (!row) throw Open311Error.of(404, lang, M.notFound('token', token));
    return respond(format, 200, 'service_requests', [{ service_request_id: row.trackingCode, token }]);
  }
  throw Open311Error.of(404, lang, M.noResource(url.pathname));
}

/** The HTTP status of a typed failure: 404 not found, 409 conflict, else 400. */
const statusOf = (error: LayananError) =>
  error.code === 'NOT_FOUND' ? 404 : error instanceof ConflictError ? 409 : 400;

/** The GraphQL input names the submission command reports, as the Open311 parameters they came from. */
const OPEN311_FIELDS: Readonly<Record<string, string>> = {
  citizenEmail: 'email',
  'reporter.email': 'email',
  'reporter.phone': 'phone',
  'reporter.firstName': 'first_name',
  'reporter.lastName': 'last_name',
  text: 'description',
  serviceCode: 'service_code',
  attributes: 'attribute',
};

/** An input field as the Open311 parameter a client sent: `attributes.nik` is `attribute[nik]`. */
export const open311Field = (field: string) =>
  OPEN311_FIELDS[field] ?? field.replace(/^attributes\.([^.[\]]+)/, 'attribute[$1]');

function problemsOf(error: LayananError, lang: Lang): string[] {
  const main = lang === 'en' ? error.messageEn : error.messageId;
  if (error instanceof ValidationError && error.fields.length > 0)
    return error.fields.map((f) => `${open311Field(f.field)}: ${lang === 'en' ? f.messageEn : f.messageId}`);
  return [main];
}

export function open311(deps: Deps): Plugin {
  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      if (!url.pathname.startsWith(OPEN311_BASE)) return;
      const rest = url.pathname.slice(OPEN311_BASE.length);
      const m = /^(.*)\.(json|xml)$/.exec(rest);
      const format: Format = m?.[2] === 'xml' ? 'xml' : 'json';
      const lang = languageOf(request);
      try {
        if (!m?.[1]) throw Open311Error.of(404, lang, M.formatRequired);
        const address = clientAddress({ ...serverContext, request }, deps.config.security.trustProxy);
        endResponse(await route(request, url, m[1], format, deps, lang, address));
      } catch (error) {
        if (error instanceof Open311Error)
          endResponse(errorResponse(format, error.status, error.descriptions, error.headers));
        else if (error instanceof LayananError)
          endResponse(errorResponse(format, statusOf(error), problemsOf(error, lang)));
        else if (error instanceof GraphQLError && error.extensions.code === 'FORBIDDEN')
          endResponse(errorResponse(format, 403, [text(lang, M.accessDenied)]));
        else {
          const calendarGap = calendarCoverageGraphQLError(error)?.extensions;
          if (!calendarGap) throw error;
          // The holidays of the deadline's year are not loaded: the service cannot promise a date.
          endResponse(
            errorResponse(format, 503, [
              String(lang === 'en' ? calendarGap.messageEn : calendarGap.messageId),
            ]),
          );
        }
      }
    },
  };
}
