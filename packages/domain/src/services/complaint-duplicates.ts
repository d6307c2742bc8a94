import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { textLength } from '../text-limits.js';
import { NEARBY_COMPLAINT_METRES, SIMILAR_TEXT_THRESHOLD } from './complaint-handling.js';
import { COMPLAINT_ERROR_MESSAGES, type ComplaintErrorCode } from './messages.js';
import { isOpen, OPEN_REQUEST_STATES, type RequestState } from './service-request.js';

/*
 * Duplicates and followers of complaints (issue 20 item 5), as rules over plain data. Before
 * filing, a citizen is shown the open complaints of the same service near the same place or with
 * a similar description (FixMyStreet's and Mark-a-Spot's "already reported nearby"), and may
 * follow one instead of filing it again; staff merge a duplicate into its original (the
 * duplicate closes with a link, its reporter follows the original). The similarity of texts is
 * PostgreSQL's `pg_trgm` `similarity()` (0–1); distances are great-circle metres (haversine),
 * computed in SQL with the same formula as `haversineMetres`. Only public facts of a complaint
 * are ever shown to others (tracking code, service, state, dates): never its reporter, text or
 * exact place (Perpres 76/2013 art. 4 protects the complainant's identity).
 */

const complaintError = errorFactory(COMPLAINT_ERROR_MESSAGES);
type ComplaintError = DomainError<ComplaintErrorCode>;

// ---- coordinates ---------------------------------------------------------------------------

/** A point in WGS 84 degrees (GeoReport v2 `lat` / `long`). */
export type LatLong = { readonly latitude: number; readonly longitude: number };

/**
 * Checks the place of a filing: latitude −90…90 and longitude −180…180 (finite numbers), both or
 * neither. Answers the point, or null when neither was given. Errors: COORDINATES_INCOMPLETE,
 * COORDINATES_OUT_OF_RANGE.
 */
export function checkCoordinates(
  latitude: number | null | undefined,
  longitude: number | null | undefined,
): Result<LatLong | null, ComplaintError> {
  const hasLat = latitude !== null && latitude !== undefined;
  const hasLong = longitude !== null && longitude !== undefined;
  if (!hasLat && !hasLong) return ok(null);
  if (!hasLat || !hasLong) return err(complaintError('COORDINATES_INCOMPLETE'));
  const inRange =
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180;
  if (!inRange) return err(complaintError('COORDINATES_OUT_OF_RANGE', { latitude, longitude }));
  return ok({ latitude, longitude });
}

/** The mean Earth radius in metres (IUGG), the haversine formula's R. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

/**
 * Great-circle distance between two points in metres (haversine formula). The gateway's SQL
 * computes the same (no PostGIS): 2R·asin(√(sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2))).
 */
export function haversineMetres(a: LatLong, b: LatLong): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLong = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLong / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

// ---- similar complaints --------------------------------------------------------------------

/** When an open complaint counts as "the same": within `radiusMetres`, or text at least this alike. */
export type SimilarComplaintSettings = {
  /** Metres from the place being reported (default NEARBY_COMPLAINT_METRES). */
  readonly radiusMetres: number;
  /** `pg_trgm` similarity of the descriptions, 0–1 (default SIMILAR_TEXT_THRESHOLD). */
  readonly textThreshold: number;
  /** At most this many are shown. */
  readonly limit: number;
};

export const DEFAULT_SIMILAR_COMPLAINT_SETTINGS: SimilarComplaintSettings = {
  radiusMetres: NEARBY_COMPLAINT_METRES,
  textThreshold: SIMILAR_TEXT_THRESHOLD,
  limit: 10,
};

/**
 * The values a city may configure for "the same complaint" (LAYANAN_SIMILAR_RADIUS_METRES,
 * LAYANAN_SIMILAR_TEXT_THRESHOLD): a radius of 10 m (a GPS fix's error) to 5 km (a small city's
 * districts), and a similarity of 0.1 (below it pg_trgm calls almost any two sentences alike) to 1
 * (identical trigrams).
 */
export const SIMILAR_COMPLAINT_SETTING_RANGES = {
  radiusMetres: { min: 10, max: 5000 },
  textThreshold: { min: 0.1, max: 1 },
} as const;

/**
 * Whether `value` is an allowed value of the setting `name` (a finite number inside
 * SIMILAR_COMPLAINT_SETTING_RANGES; the radius a whole number of metres).
 */
export function similarSettingAllowed(
  name: keyof typeof SIMILAR_COMPLAINT_SETTING_RANGES,
  value: number,
): boolean {
  const range = SIMILAR_COMPLAINT_SETTING_RANGES[name];
  if (!Number.isFinite(value) || value < range.min || value > range.max) return false;
  return name !== 'radiusMetres' || Number.isInteger(value);
}

/** The states a complaint may be in to be shown as similar (or followed): the open ones. */
export const SIMILAR_COMPLAINT_STATES: readonly RequestState[] = OPEN_REQUEST_STATES;

/** One candidate as the database measured it: metres (null without both places) and similarity. */
export type SimilarCandidate = {
  readonly distanceMetres: number | null;
  readonly similarity: number | null;
};

/** Why a candidate matched: near the place, alike in text, or both. */
export type SimilarMatch = 'NEARBY' | 'TEXT' | 'BOTH';

/** Whether a candidate counts as similar under `settings`, and why; null when it does not. */
export function similarMatch(
  candidate: SimilarCandidate,
  settings: SimilarComplaintSettings,
): SimilarMatch | null {
  const near = candidate.distanceMetres !== null && candidate.distanceMetres <= settings.radiusMetres;
  const alike = candidate.similarity !== null && candidate.similarity >= settings.textThreshold;
  if (near && alike) return 'BOTH';
  if (near) return 'NEARBY';
  return alike ? 'TEXT' : null;
}

/**
 * The similar complaints to show, best first: those matching on both place and text, then by
 * similarity (higher first), then by distance (nearer first), then by `id` so the order is
 * stable; at most `settings.limit`. Candidates that do not match are left out.
 */
export function rankSimilarComplaints<C extends SimilarCandidate & { readonly id: string }>(
  candidates: readonly C[],
  settings: SimilarComplaintSettings,
): (C & { readonly match: SimilarMatch })[] {
  const matched = candidates.flatMap((c) => {
    const match = similarMatch(c, settings);
    return match ? [{ ...c, match }] : [];
  });
  return matched
    .sort(
      (a, b) =>
        Number(b.match === 'BOTH') - Number(a.match === 'BOTH') ||
        (b.similarity ?? 0) - (a.similarity ?? 0) ||
        (a.distanceMetres ?? Number.POSITIVE_INFINITY) - (b.distanceMetres ?? Number.POSITIVE_INFINITY) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, settings.limit);
}

/**
 * A distance as shown to others: rounded to 10 m (at least 10), so that the list does not reveal
 * a reporter's exact place.
 */
export function shownDistanceMetres(metres: number): number {
  return Math.max(10, Math.round(metres / 10) * 10);
}

/** Why an account follows a complaint: it chose to (`FOLLOW`), or staff merged its own report
 * into it as a duplicate (`DUPLICATE`). */
export const FOLLOW_SOURCES = ['FOLLOW', 'DUPLICATE'] as const;
export type FollowSource = (typeof FOLLOW_SOURCES)[number];

// ---- following -----------------------------------------------------------------------------

/**
 * Whether an account may follow a request: only complaints (their trail is public; permits and
 * registrations hold their applicant's personal data), only while open, and not the account's
 * own (its reporter is told of every change anyway). Errors: FOLLOW_NOT_PUBLIC,
 * FOLLOW_REQUEST_CLOSED, FOLLOW_OWN_REQUEST.
 */
export function checkFollow(request: {
  readonly serviceKind: string;
  readonly state: RequestState;
  readonly isReporter: boolean;
}): Result<true, ComplaintError> {
  if (request.serviceKind !== 'COMPLAINT') return err(complaintError('FOLLOW_NOT_PUBLIC'));
  if (!isOpen(request.state)) return err(complaintError('FOLLOW_REQUEST_CLOSED'));
  if (request.isReporter) return err(complaintError('FOLLOW_OWN_REQUEST'));
  return ok(true);
}

// ---- marking a duplicate -------------------------------------------------------------------

/** A duplicate's reason: 10–2,000 characters (`textLength`), shown in the public trail. */
export const DUPLICATE_REASON = { min: 10, max: 2000 } as const;

/** Checks the reason of a duplicate mark (trimmed). Error: DUPLICATE_REASON_REQUIRED. */
export function checkDuplicateReason(reason: string | null | undefined): Result<string, ComplaintError> {
  const text = reason?.trim() ?? '';
  const length = textLength(text);
  if (length < DUPLICATE_REASON.min || length > DUPLICATE_REASON.max)
    return err(complaintError('DUPLICATE_REASON_REQUIRED', { ...DUPLICATE_REASON }));
  return ok(text);
}

/**
 * The public note of a duplicate in its trail: the link to the original by tracking code, and
 * the reason, in both languages (the trail is read by the reporter and, by code, the public).
 */
export function duplicateTrailNote(originalCode: string, reason: string): string {
  return `Duplikat dari / duplicate of ${originalCode}: ${reason}`;
}
