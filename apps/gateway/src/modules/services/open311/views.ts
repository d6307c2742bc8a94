// GeoReport v2 views of the catalogue and of requests, read from the same tables as GraphQL.
// Public views carry no personal data: the reporter's description, the address and the notes of a
// request are shown only to the API key that filed it; a public report's description as staff
// published it (personal data taken out) and its location are shown to everyone (issue 17 item 6).
import type { Prisma, PrismaClient } from '@layanan/db';
import { shownErased } from '@layanan/domain/accounts';
import { dateFilterBound, jakartaDateTime, jakartaDay, type WorkingCalendar } from '@layanan/domain/calendar';
import {
  attributeRuleText,
  CLOSED_REQUEST_STATES,
  OPEN_REQUEST_STATES,
  open311ExtendedStatus,
  open311ExtendedStatusValue,
  open311Status,
  open311WindowProblem,
  publicReportView,
  REQUEST_STATE_LABELS,
  type RequestState,
  reporterResponseWindowEnd,
  type ServiceAttribute,
  standardTimeOf,
  standardTimeText,
} from '@layanan/domain/services';
import type { Lang } from '../../../app/context.js';
import type { Identity } from '../../accounts/identity.js';
import { decidedAt } from '../commands/complaint-handling.js';
import { OPEN311_MESSAGES as M, Open311Error, text } from './messages.js';

/** GeoReport v2: "a span of 90 days or first 1000 requests returned, whichever is smallest". */
export const DEFAULT_WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;

/** A deadline day (stored as a date) is due by the end of that day in Asia/Jakarta. */
const endOfDayWib = (day: Date) => `${day.toISOString().slice(0, 10)}T23:59:59+07:00`;

/** GeoReport `service_notice`: the standard time of the request's version, in the domain's words. */
export const serviceNotice = (completionDays: number, lang: Lang) =>
  standardTimeText(standardTimeOf({ completionDays }))[lang];

// ---------- catalogue ----------

export const serviceInclude = { unit: true, currentVersion: true } satisfies Prisma.ServiceInclude;
export type ServiceRow = Prisma.ServiceGetPayload<{ include: typeof serviceInclude }>;

const attributesOf = (s: ServiceRow) => (s.currentVersion?.attributes ?? []) as unknown as ServiceAttribute[];

export function serviceSummary(s: ServiceRow, lang: Lang) {
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
  if (a.maxLength !== undefined) parts.push(text(lang, M.maxLength(a.maxLength)));
  if (a.min !== undefined) parts.push(`min ${a.min}`);
  if (a.max !== undefined) parts.push(`max ${a.max}`);
  const rule = attributeRuleText(a);
  if (rule) parts.push(rule[lang]);
  return parts.length > 0 ? parts.join(', ') : null;
}

export function serviceDefinition(s: ServiceRow, lang: Lang) {
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
  // The first photo filed with the request: its signed link is the filing system's media_url.
  attachments: {
    where: { purpose: 'FILING', mediaType: { startsWith: 'image/' } },
    orderBy: [{ createdAt: 'asc' }, { position: 'asc' }],
    take: 1,
    select: { id: true },
  },
  // A duplicate's original (issue 20): public, like the rest of the status.
  duplicateOf: { select: { trackingCode: true } },
} satisfies Prisma.ServiceRequestInclude;
type RequestRow = Prisma.ServiceRequestGetPayload<{ include: typeof requestInclude }>;
type LocationRow = Awaited<ReturnType<PrismaClient['requestLocation']['findMany']>>[number];
/** A request's latest trail entry: when it last changed, and how. */
type LastChange = { readonly at: Date; readonly kind: string };

/** How a view links a file: an absolute signed link (attachments/signed-link.ts). */
export type FileLinker = (attachmentId: string) => string;

/** What the `extensions=true` view needs to tell a complaint's answer window. */
export type ExtensionContext = { readonly calendar: WorkingCalendar; readonly answerWorkingDays: number };

/**
 * The request's `extended_attributes` (the GeoReport v2 extensions convention: asked for with
 * `extensions=true`), public like the rest of the view (issue 20): `reopen_count` (how often the
 * reporter contested the outcome), `answer_window_ends` (the last WIB day to accept or contest a
 * decided complaint; null otherwise and once finally closed), `final_closed_datetime`,
 * `escalation_level` (`unit_supervisor`, `agency_head`, `coordinator` or null), `priority`
 * (`normal` or `urgent`; its reason is internal and not shown) and `duplicate_of` (the tracking
 * code of the original a duplicate was merged into, or null) and `extended_status` (the updates
 * extension's status of the request as it stands, lower case: the domain's
 * `open311ExtendedStatus` of its state and latest trail entry, e.g. `no_further_action` for a
 * rejected one; GeoReport's own `status` stays `open`/`closed`).
 */
function extendedAttributes(r: RequestRow, last: LastChange | undefined, ext: ExtensionContext) {
  const decided = decidedAt(r);
  const windowOpen = r.service.kind === 'COMPLAINT' && decided !== null && r.finalClosedAt === null;
  return {
    reopen_count: r.reopenCount,
    answer_window_ends: windowOpen
      ? reporterResponseWindowEnd(jakartaDay(decided), ext.calendar, ext.answerWorkingDays)
      : null,
    final_closed_datetime: r.finalClosedAt ? jakartaDateTime(r.finalClosedAt) : null,
    escalation_level: r.escalationLevel ? r.escalationLevel.toLowerCase() : null,
    priority: r.priority.toLowerCase(),
    duplicate_of: r.duplicateOf?.trackingCode ?? null,
    extended_status: open311ExtendedStatusValue(open311ExtendedStatus({ state: r.state, event: last?.kind })),
  };
}

function requestView(
  r: RequestRow,
  location: LocationRow | undefined,
  last: LastChange | undefined,
  viewer: Identity | null,
  lang: Lang,
  fileLink: FileLinker,
  ext: ExtensionContext | null,
) {
  // The filing system sees what it sent; everyone else only what is public: for a public report
  // that staff have published, the published text and the location (the domain's publicReportView).
  const own = viewer?.kind === 'system' && viewer.apiKeyId === r.submittedByAccountId;
  const published = own
    ? null
    : publicReportView({
        servicePublicReport: r.service.publicReport,
        publicDescription: r.publicDescription,
      });
  const place = own || published?.showLocation === true;
  // A duplicate names its original in its public status note (GeoReport v2 status_notes, as
  // FixMyStreet's "Duplicate request."), whoever asks.
  const label = r.duplicateOf
    ? `${REQUEST_STATE_LABELS[r.state][lang]}: ${r.duplicateOf.trackingCode}`
    : REQUEST_STATE_LABELS[r.state][lang];
  const note = shownErased(r.events[0]?.publicNote, lang);
  const due = r.completionDueOn ?? r.verificationDueOn;
  return {
    service_request_id: r.trackingCode,
    status: open311Status(r.state),
    status_notes: own && note ? `${label}: ${note}` : label,
    service_name: lang === 'en' ? r.serviceVersion.nameEn : r.serviceVersion.nameId,
    service_code: r.service.code,
    description: own ? shownErased(r.originalText, lang) : (published?.description ?? null),
    agency_responsible: r.unit.name,
    service_notice: serviceNotice(r.serviceVersion.completionDays, lang),
    // W3C date-times with the WIB offset, as the spec asks (a timezone is required).
    requested_datetime: jakartaDateTime(r.submittedAt),
    // The request's last change (its latest trail entry), not when its row was last written.
    updated_datetime: jakartaDateTime(last?.at ?? r.submittedAt),
    expected_datetime: r.closedAt ? null : endOfDayWib(due),
    address: place ? (location?.addressString ?? null) : null,
    address_id: place ? (location?.addressId ?? null) : null,
    zipcode: null,
    lat: place ? (location?.lat ?? null) : null,
    long: place ? (location?.long ?? null) : null,
    // A photo uploaded with the request (a signed link, valid minutes), else the first URL given.
    media_url: own ? (r.attachments[0] ? fileLink(r.attachments[0].id) : (location?.mediaUrl ?? null)) : null,
    ...(ext ? { extended_attributes: extendedAttributes(r, last, ext) } : {}),
  };
}

export async function findRequests(
  prisma: PrismaClient,
  where: Prisma.ServiceRequestWhereInput,
  viewer: Identity | null,
  lang: Lang,
  fileLink: FileLinker,
  ext: ExtensionContext | null = null,
) {
  const rows = await prisma.serviceRequest.findMany({
    where,
    include: requestInclude,
    orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
    take: MAX_REQUESTS,
  });
  const locations = await prisma.requestLocation.findMany({
    where: { requestId: { in: rows.map((r) => r.id) } },
  });
  const byId = new Map(locations.map((l) => [l.requestId, l]));
  const latest = await prisma.requestEvent.findMany({
    where: { requestId: { in: rows.map((r) => r.id) } },
    distinct: ['requestId'],
    orderBy: [{ requestId: 'asc' }, { sequence: 'desc' }],
    select: { requestId: true, at: true, kind: true },
  });
  const lastById = new Map(latest.map((e) => [e.requestId, e]));
  return rows.map((r) => requestView(r, byId.get(r.id), lastById.get(r.id), viewer, lang, fileLink, ext));
}

export const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * `start_date` / `end_date`: a bare date is that WIB day (from its first instant, or to its
 * last), a date-time must carry its offset (GeoReport v2: W3C format), and the year is
 * 0001–9999 (what PostgreSQL's timestamps hold) — the domain's `dateFilterBound`. 400 otherwise,
 * naming the parameter and why.
 */
function parseDate(value: string | null, name: string, edge: 'start' | 'end', lang: Lang): Date | null {
  if (!value) return null;
  const bound = dateFilterBound(value, edge);
  const year = bound.ok ? bound.value.getUTCFullYear() : Number.NaN;
  if (!bound.ok) {
    const why = bound.error.message;
    throw Open311Error.of(400, lang, { id: `${name}: ${why.id}`, en: `${name}: ${why.en}` });
  }
  if (year < 1 || year > 9999) throw Open311Error.of(400, lang, M.notADate(name));
  return bound.value;
}

const STATUS_STATES: Record<'open' | 'closed', readonly RequestState[]> = {
  open: OPEN_REQUEST_STATES,
  closed: CLOSED_REQUEST_STATES,
};

/**
 * The `start_date`–`end_date` window of a list (requests, service request updates): `end_date`
 * defaults to now, `start_date` to DEFAULT_WINDOW_DAYS before the end; a window spanning more
 * (or ending before it starts) is a 400 naming `end_date` (the domain's `open311WindowProblem`).
 */
export function dateWindow(params: URLSearchParams, lang: Lang): { start: Date; end: Date } {
  const end = parseDate(params.get('end_date'), 'end_date', 'end', lang) ?? new Date();
  const start =
    parseDate(params.get('start_date'), 'start_date', 'start', lang) ??
    new Date(end.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
  const problem = open311WindowProblem(start, end);
  if (problem) throw new Open311Error(400, [`${problem.field}: ${text(lang, problem.message)}`]);
  return { start, end };
}

export function requestsWhere(params: URLSearchParams, lang: Lang): Prisma.ServiceRequestWhereInput {
  const ids = list(params.get('service_request_id'));
  // The spec: with service_request_id, the other parameters are ignored.
  if (ids.length > 0) return { trackingCode: { in: ids.map((id) => id.toUpperCase()) } };
  const { start, end } = dateWindow(params, lang);
  const codes = list(params.get('service_code')).map((c) => c.toUpperCase());
  const statuses = list(params.get('status')).map((s) => s.toLowerCase());
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw Open311Error.of(400, lang, M.statusInvalid);
  const onlyOne =
    statuses.length > 0 && new Set(statuses).size === 1 ? (statuses[0] as 'open' | 'closed') : null;
  return {
    submittedAt: { gte: start, lte: end },
    ...(codes.length > 0 ? { service: { code: { in: codes } } } : {}),
    ...(onlyOne ? { state: { in: [...STATUS_STATES[onlyOne]] } } : {}),
  };
}
