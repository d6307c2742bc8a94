// Open311 GeoReport v2 under /open311/v2/ (issue 8), served by the gateway process as a Yoga
// plugin. Catalogue and requests come from the same tables as GraphQL, and a POST files through
// the same submission code (validation, idempotency, routing, audit with the API key as actor).
// Public GETs carry no personal data: the description, address and notes of a request are shown
// only to the API key that filed it.
import { createHash } from 'node:crypto';
import type { Database, Prisma, PrismaClient } from '@layanan/db';
import { jakartaDay, type WorkingCalendar } from '@layanan/domain/calendar';
import { open311Status, REQUEST_STATE_LABELS, type ServiceAttribute } from '@layanan/domain/services';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../../../app/config.js';
import { type GraphQLContext, type Lang, languageOf } from '../../../app/context.js';
import { requestIdOf } from '../../../app/gateway.js';
import type { LayananPubSub } from '../../../app/pubsub.js';
import { LayananError, ValidationError } from '../../../graphql/errors.js';
import { loadWorkingCalendar } from '../../../platform/calendar.js';
import type { EventBus } from '../../../platform/events.js';
import { AuthenticationError, type Identity, resolveApiKey } from '../../accounts/identity.js';
import { submitRequest } from '../commands/submit-request.js';
import { errorResponse, type Format, respond } from './render.js';

export const OPEN311_BASE = '/open311/v2/';
/** GeoReport v2: "a span of 90 days or first 1000 requests returned, whichever is smallest". */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
const SPEC = 'http://wiki.open311.org/GeoReport_v2';
const CHANGESET = '2026-11-27T00:00:00+07:00';

type Deps = { db: Database; config: GatewayConfig; log: Logger; pubsub: LayananPubSub; events: EventBus };

/** The same per-request context GraphQL resolvers get, for the given caller. */
function contextFor(deps: Deps, request: Request, identity: Identity): GraphQLContext {
  const requestId = requestIdOf(request);
  let calendar: Promise<WorkingCalendar> | undefined;
  return {
    prisma: deps.db.prisma,
    identity,
    requestId,
    lang: languageOf(request),
    log: deps.log.child({ requestId }),
    config: deps.config,
    pubsub: deps.pubsub,
    events: deps.events,
    calendar: () => {
      calendar ??= loadWorkingCalendar(deps.db.prisma);
      return calendar;
    },
  };
}

class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly descriptions: readonly string[],
  ) {
    super(descriptions.join('; '));
  }
}

const msg = (lang: Lang, id: string, en: string) => (lang === 'en' ? en : id);

/** W3C date-time with the WIB offset, as the spec asks (a timezone is required). */
export function w3cWib(at: Date): string {
  const wib = new Date(at.getTime() + 7 * 3_600_000);
  return `${wib.toISOString().slice(0, 19)}+07:00`;
}

/** A deadline day (stored as a date) is due by the end of that day in Asia/Jakarta. */
const endOfDayWib = (day: Date) => `${day.toISOString().slice(0, 10)}T23:59:59+07:00`;

function parseDate(value: string | null, name: string, lang: Lang): Date | null {
  if (!value) return null;
  const at = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime()))
    throw new Open311Error(400, [
      msg(lang, `${name} harus tanggal ISO 8601`, `${name} must be an ISO 8601 date-time`),
    ]);
  return at;
}

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

async function apiKeyIdentity(key: string | null, deps: Deps, lang: Lang): Promise<Identity | null> {
  if (!key) return null;
  try {
    return await resolveApiKey(key.trim(), deps.db.prisma);
  } catch (error) {
    if (error instanceof AuthenticationError)
      throw new Open311Error(403, [
        msg(
          lang,
          'api_key tidak sah atau dicabut',
          'Invalid api_key received -- the key is unknown or revoked',
        ),
      ]);
    throw error;
  }
}

// ---------- catalogue ----------

const serviceInclude = { unit: true, currentVersion: true } satisfies Prisma.ServiceInclude;
type ServiceRow = Prisma.ServiceGetPayload<{ include: typeof serviceInclude }>;

const attributesOf = (s: ServiceRow) => (s.currentVersion?.attributes ?? []) as unknown as ServiceAttribute[];

function serviceSummary(s: ServiceRow, lang: Lang) {
  const v = s.currentVersion;
  return {
    service_code: s.code,
    service_name: v ? (lang === 'en' ? v.nameEn : v.nameId) : s.name,
    description: s.description,
    metadata: attributesOf(s).length > 0,
    // Requests are filed synchronously: the POST answers with the service_request_id.
    type: 'realtime',
    keywords: s.kind.toLowerCase(),
    group: s.unit.name,
  };
}

function datatypeDescription(a: ServiceAttribute, lang: Lang): string | null {
  const parts: string[] = [];
  if (a.maxLength !== undefined)
    parts.push(msg(lang, `maks. ${a.maxLength} karakter`, `max. ${a.maxLength} characters`));
  if (a.min !== undefined) parts.push(`min ${a.min}`);
  if (a.max !== undefined) parts.push(`max ${a.max}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

function serviceDefinition(s: ServiceRow, lang: Lang) {
  return {
    service_code: s.code,
    attributes: attributesOf(s).map((a, i) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: datatypeDescription(a, lang),
      order: i + 1,
      description: a.description ? a.description[lang] : a.code,
      ...(a.values
        ? { values: a.values.map((o) => ({ key: o.key, name: o.name ? o.name[lang] : o.key })) }
        : {}),
    })),
  };
}

async function loadService(deps: Deps, code: string, lang: Lang): Promise<ServiceRow> {
  const s = await deps.db.prisma.service.findUnique({
    where: { code: code.trim().toUpperCase() },
    include: serviceInclude,
  });
  if (!s?.published || !s.currentVersion)
    throw new Open311Error(404, [
      msg(lang, `service_code "${code}" tidak ditemukan`, `service_code "${code}" was not found`),
    ]);
  return s;
}

const serviceNotice = (completionDays: number, lang: Lang) =>
  msg(
    lang,
    `Diverifikasi dalam 3 hari kerja; selesai dalam ${completionDays} hari kerja sesudah verifikasi (standar pelayanan).`,
    `Verified within 3 working days; completed within ${completionDays} working days after verification (service standard).`,
  );

// ---------- requests ----------

const requestInclude = {
  service: true,
  unit: true,
  serviceVersion: { select: { nameId: true, nameEn: true, completionDays: true } },
  events: {
    where: { publicNote: { not: null } },
    orderBy: { sequence: 'desc' },
    take: 1,
    select: { publicNote: true },
  },
} satisfies Prisma.ServiceRequestInclude;
type RequestRow = Prisma.ServiceRequestGetPayload<{ include: typeof requestInclude }>;
type LocationRow = Awaited<ReturnType<PrismaClient['requestLocation']['findMany']>>[number];

function requestView(r: RequestRow, location: LocationRow | undefined, viewer: Identity | null, lang: Lang) {
  // The filing system sees what it sent; everyone else only what is public.
  const own = viewer?.kind === 'system' && viewer.apiKeyId === r.submittedByAccountId;
  const label = REQUEST_STATE_LABELS[r.state][lang];
  const note = r.events[0]?.publicNote;
  const due = r.completionDueOn ?? r.verificationDueOn;
  return {
    service_request_id: r.trackingCode,
    status: open311Status(r.state),
    status_notes: own && note ? `${label}: ${note}` : label,
    service_name: lang === 'en' ? r.serviceVersion.nameEn : r.serviceVersion.nameId,
    service_code: r.service.code,
    description: own ? r.originalText : null,
    agency_responsible: r.unit.name,
    service_notice: serviceNotice(r.serviceVersion.completionDays, lang),
    requested_datetime: w3cWib(r.submittedAt),
    updated_datetime: w3cWib(r.updatedAt),
    expected_datetime: r.closedAt ? null : endOfDayWib(due),
    address: own ? (location?.addressString ?? null) : null,
    address_id: own ? (location?.addressId ?? null) : null,
    zipcode: null,
    lat: own ? (location?.lat ?? null) : null,
    long: own ? (location?.long ?? null) : null,
    media_url: own ? (location?.mediaUrl ?? null) : null,
  };
}

async function findRequests(
  deps: Deps,
  where: Prisma.ServiceRequestWhereInput,
  viewer: Identity | null,
  lang: Lang,
) {
  const rows = await deps.db.prisma.serviceRequest.findMany({
    where,
    include: requestInclude,
    orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
    take: MAX_REQUESTS,
  });
  const locations = await deps.db.prisma.requestLocation.findMany({
    where: { requestId: { in: rows.map((r) => r.id) } },
  });
  const byId = new Map(locations.map((l) => [l.requestId, l]));
  return rows.map((r) => requestView(r, byId.get(r.id), viewer, lang));
}

function requestsWhere(params: URLSearchParams, lang: Lang): Prisma.ServiceRequestWhereInput {
  const ids = list(params.get('service_request_id'));
  // The spec: with service_request_id, the other parameters are ignored.
  if (ids.length > 0) return { trackingCode: { in: ids.map((id) => id.toUpperCase()) } };
  const end = parseDate(params.get('end_date'), 'end_date', lang) ?? new Date();
  const start =
    parseDate(params.get('start_date'), 'start_date', lang) ??
    new Date(end.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
  const codes = list(params.get('service_code')).map((c) => c.toUpperCase());
  const statuses = list(params.get('status')).map((s) => s.toLowerCase());
  if (statuses.some((s) => s !== 'open' && s !== 'closed'))
    throw new Open311Error(400, [
      msg(lang, 'status harus open atau closed', 'status must be open or closed'),
    ]);
  const onlyOne = statuses.length > 0 && new Set(statuses).size === 1 ? statuses[0] : null;
  return {
    submittedAt: { gte: start, lte: end },
    ...(codes.length > 0 ? { service: { code: { in: codes } } } : {}),
    ...(onlyOne === 'open' ? { closedAt: null } : onlyOne === 'closed' ? { closedAt: { not: null } } : {}),
  };
}

// ---------- POST requests ----------

type Params = Map<string, string | string[]>;

async function readParams(request: Request): Promise<Params> {
  const params: Params = new Map();
  const add = (key: string, value: string) => {
    const multi = key.endsWith('[]');
    const k = multi ? key.slice(0, -2) : key;
    const existing = params.get(k);
    if (multi) params.set(k, [...(Array.isArray(existing) ? existing : []), value]);
    else params.set(k, value);
  };
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return params;
    for (const [key, value] of Object.entries(body)) {
      if (key === 'attribute' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [code, v] of Object.entries(value))
          params.set(`attribute[${code}]`, Array.isArray(v) ? v.map(String) : String(v));
      } else if (Array.isArray(value)) params.set(key, value.map(String));
      else if (value !== null && value !== undefined) params.set(key, String(value));
    }
    return params;
  }
  const form = new URLSearchParams(await request.text());
  for (const [key, value] of form) add(key, value);
  return params;
}

const one = (params: Params, key: string) => {
  const v = params.get(key);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

function coordinate(params: Params, key: 'lat' | 'long', lang: Lang): number | null {
  const raw = one(params, key);
  if (raw === null) return null;
  const n = Number(raw);
  const limit = key === 'lat' ? 90 : 180;
  if (!Number.isFinite(n) || Math.abs(n) > limit)
    throw new Open311Error(400, [
      msg(
        lang,
        `${key} harus angka antara -${limit} dan ${limit}`,
        `${key} must be a number between -${limit} and ${limit}`,
      ),
    ]);
  return n;
}

async function postRequest(request: Request, deps: Deps, lang: Lang) {
  const params = await readParams(request);
  const key = one(params, 'api_key') ?? request.headers.get('x-api-key');
  if (!key) throw new Open311Error(403, [msg(lang, 'api_key wajib diisi', 'api_key is required')]);
  const identity = await apiKeyIdentity(key, deps, lang);
  if (identity?.kind !== 'system' || !identity.scopes.includes('requests:write'))
    throw new Open311Error(403, [
      msg(
        lang,
        'api_key tidak memiliki cakupan requests:write',
        'The api_key lacks the requests:write scope',
      ),
    ]);
  const serviceCode = one(params, 'service_code');
  if (!serviceCode)
    throw new Open311Error(400, [msg(lang, 'service_code wajib diisi', 'service_code is required')]);
  const lat = coordinate(params, 'lat', lang);
  const long = coordinate(params, 'long', lang);
  const addressString = one(params, 'address_string');
  const addressId = one(params, 'address_id');
  if ((lat === null) !== (long === null) || (lat === null && !addressString && !addressId))
    throw new Open311Error(400, [
      msg(
        lang,
        'Lokasi wajib: lat dan long, address_string, atau address_id',
        'A location is required: lat and long, address_string, or address_id',
      ),
    ]);
  const attributes: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const m = /^attribute\[([^\]]+)\]$/.exec(k);
    if (m?.[1]) attributes[m[1]] = v;
  }
  // Open311 has no idempotency key: take the Idempotency-Key header, else the same report from
  // the same key on the same (WIB) day is taken to be a retry.
  const idempotencyKey =
    request.headers.get('idempotency-key')?.trim() ||
    `open311:${createHash('sha256')
      .update(
        JSON.stringify([
          jakartaDay(new Date()),
          [...params].filter(([k]) => k !== 'api_key').sort(([a], [b]) => (a < b ? -1 : 1)),
        ]),
      )
      .digest('hex')}`;
  const ctx = contextFor(deps, request, identity);
  const { request: filed, replayed } = await submitRequest(
    ctx,
    {
      serviceCode,
      text: one(params, 'description') ?? '',
      attributes,
      idempotencyKey,
      citizenEmail: one(params, 'email'),
    },
    async (tx, created) => {
      await tx.requestLocation.create({
        data: {
          requestId: created.id,
          lat,
          long,
          addressString,
          addressId,
          deviceId: one(params, 'device_id'),
          mediaUrl: one(params, 'media_url'),
        },
      });
    },
  );
  const version = await deps.db.prisma.serviceVersion.findUniqueOrThrow({
    where: { id: filed.serviceVersionId },
    select: { completionDays: true },
  });
  return {
    status: replayed ? 200 : 201,
    body: [
      {
        service_request_id: filed.trackingCode,
        token: filed.id,
        service_notice: serviceNotice(version.completionDays, lang),
        account_id: null,
      },
    ],
  };
}

// ---------- routing ----------

async function route(request: Request, url: URL, path: string, format: Format, deps: Deps, lang: Lang) {
  const q = url.searchParams;
  const method = request.method.toUpperCase();
  const notFound = () =>
    new Open311Error(404, [msg(lang, `Sumber ${url.pathname} tidak ada`, `No resource at ${url.pathname}`)]);

  if (path === 'requests' && method === 'POST') {
    const { status, body } = await postRequest(request, deps, lang);
    return respond(format, status, 'service_requests', body);
  }
  if (method !== 'GET' && method !== 'HEAD')
    throw new Open311Error(405, [
      msg(lang, `Metode ${method} tidak didukung`, `Method ${method} is not supported`),
    ]);

  if (path === 'discovery') {
    const base = `${url.origin}${OPEN311_BASE}`;
    return respond(format, 200, 'discovery', {
      changeset: CHANGESET,
      contact: 'Layanan — Pemerintah Kota / City Government',
      key_service: msg(
        lang,
        'Kunci API dibuat administrator (mutation createApiKey, cakupan requests:write).',
        'API keys are issued by an administrator (createApiKey mutation, scope requests:write).',
      ),
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
    const services = await deps.db.prisma.service.findMany({
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
    const s = await loadService(deps, decodeURIComponent(serviceMatch[1]), lang);
    return respond(format, 200, 'service_definition', serviceDefinition(s, lang));
  }
  if (path === 'requests') {
    const viewer = await apiKeyIdentity(q.get('api_key'), deps, lang);
    const rows = await findRequests(deps, requestsWhere(q, lang), viewer, lang);
    return respond(format, 200, 'service_requests', rows);
  }
  const requestMatch = /^requests\/([^/]+)$/.exec(path);
  if (requestMatch?.[1]) {
    const code = decodeURIComponent(requestMatch[1]).toUpperCase();
    const viewer = await apiKeyIdentity(q.get('api_key'), deps, lang);
    const rows = await findRequests(deps, { trackingCode: code }, viewer, lang);
    if (rows.length === 0)
      throw new Open311Error(404, [
        msg(
          lang,
          `service_request_id "${code}" tidak ditemukan`,
          `service_request_id "${code}" was not found`,
        ),
      ]);
    return respond(format, 200, 'service_requests', rows);
  }
  const tokenMatch = /^tokens\/([^/]+)$/.exec(path);
  if (tokenMatch?.[1]) {
    const token = decodeURIComponent(tokenMatch[1]);
    const row = /^[0-9a-f-]{36}$/i.test(token)
      ? await deps.db.prisma.serviceRequest.findUnique({
          where: { id: token },
          select: { trackingCode: true },
        })
      : null;
    if (!row)
      throw new Open311Error(404, [
        msg(lang, `token "${token}" tidak ditemukan`, `token "${token}" was not found`),
      ]);
    return respond(format, 200, 'service_requests', [{ service_request_id: row.trackingCode, token }]);
  }
  throw notFound();
}

function problemsOf(error: LayananError, lang: Lang): string[] {
  const main = lang === 'en' ? error.messageEn : error.messageId;
  if (error instanceof ValidationError && error.fields.length > 0)
    return error.fields.map((f) => `${f.field}: ${lang === 'en' ? f.messageEn : f.messageId}`);
  return [main];
}

export function open311(deps: Deps): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith(OPEN311_BASE)) return;
      const rest = url.pathname.slice(OPEN311_BASE.length);
      const m = /^(.*)\.(json|xml)$/.exec(rest);
      const format: Format = m?.[2] === 'xml' ? 'xml' : 'json';
      const lang = languageOf(request);
      try {
        if (!m?.[1])
          throw new Open311Error(404, [msg(lang, 'Format harus .json atau .xml', 'Use .json or .xml')]);
        endResponse(await route(request, url, m[1], format, deps, lang));
      } catch (error) {
        if (error instanceof Open311Error)
          endResponse(errorResponse(format, error.status, error.descriptions));
        else if (error instanceof LayananError)
          endResponse(errorResponse(format, error.code === 'NOT_FOUND' ? 404 : 400, problemsOf(error, lang)));
        else if (error instanceof GraphQLError && error.extensions.code === 'FORBIDDEN')
          endResponse(errorResponse(format, 403, [msg(lang, 'Akses ditolak', 'Access denied')]));
        else throw error;
      }
    },
  };
}
