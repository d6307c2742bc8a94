// Duplicates and followers of complaints (issue 20 item 5): the similar open complaints shown
// before filing (pg_trgm similarity and haversine distance, in SQL on both databases), following
// a complaint, and merging a duplicate into its original. The rules are the domain's
// (complaint-duplicates.ts, checkDuplicateMark); these load, check access, write and tell people.
import { Prisma, type PrismaClient, type RequestState, type ServiceRequest } from '@layanan/db';
import {
  checkDuplicateMark,
  checkDuplicateReason,
  checkFollow,
  DEFAULT_SIMILAR_COMPLAINT_SETTINGS,
  duplicateTrailNote,
  EARTH_RADIUS_METRES,
  type LatLong,
  rankSimilarComplaints,
  SIMILAR_COMPLAINT_STATES,
  type SimilarComplaintSettings,
  type SimilarMatch,
  shownDistanceMetres,
} from '@layanan/domain/services';
import { NotFoundError } from '../../../graphql/errors.js';
import { audited } from '../../../platform/audited.js';
import { forbidden } from '../../../platform/authz.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { requireAccount } from '../../accounts/access.js';
import { actorFor, hidesOthersRequests, mayTriage } from '../access.js';
import { changeInTrail, loadForChange, refusal } from './change-request.js';
import type { SubmitRequestInput } from './submit-request.js';

// ---- similar complaints ----------------------------------------------------------------------

export type SimilarComplaintsInput = {
  serviceCode: string;
  /** The description being typed; empty: match by place only. */
  description?: string | null;
  place?: LatLong | null;
};

/** One similar open complaint, with public facts only (never its reporter, text or place). */
export type SimilarComplaint = {
  id: string;
  trackingCode: string;
  state: RequestState;
  submittedAt: Date;
  /** Rounded to 10 m (`shownDistanceMetres`); null when either place is unknown. */
  distanceMetres: number | null;
  /** `pg_trgm` similarity of the descriptions, 0–1 rounded to 2 decimals; null without a text. */
  similarity: number | null;
  match: SimilarMatch;
};

type Candidate = {
  id: string;
  trackingCode: string;
  state: RequestState;
  submittedAt: Date;
  distance: number | null;
  similarity: number | null;
};

/** Candidates read from the database before the domain ranks them. */
const CANDIDATE_LIMIT = 50;

/**
 * The open complaints of `serviceCode` near `place` or with a description like `description`,
 * best first (the domain's `rankSimilarComplaints`). Distance is the haversine formula in SQL
 * over the Open311 location (request_location.lat/long; no PostGIS), similarity is pg_trgm's
 * `similarity()`; both run the same on PostgreSQL and PGlite. Requests whose personal data was
 * erased are left out (their text is gone). Other kinds of service answer nothing.
 */
export async function similarComplaints(
  prisma: PrismaClient,
  input: SimilarComplaintsInput,
  settings: SimilarComplaintSettings = DEFAULT_SIMILAR_COMPLAINT_SETTINGS,
): Promise<SimilarComplaint[]> {
  const text = input.description?.trim() ?? '';
  const place = input.place ?? null;
  if (text === '' && place === null) return [];
  const lat = place?.latitude ?? null;
  const long = place?.longitude ?? null;
  const distance =
    place === null
      ? Prisma.sql`NULL::double precision`
      : Prisma.sql`CASE WHEN l.lat IS NULL OR l.long IS NULL THEN NULL ELSE
          2 * ${EARTH_RADIUS_METRES}::double precision * asin(least(1::double precision, sqrt(
            power(sin(radians(l.lat - ${lat}::double precision) / 2), 2)
            + cos(radians(${lat}::double precision)) * cos(radians(l.lat))
              * power(sin(radians(l.long - ${long}::double precision) / 2), 2)))) END`;
  const similarity =
    text === '' ? Prisma.sql`NULL::real` : Prisma.sql`similarity(r."originalText", ${text}::text)`;
  const rows = await prisma.$queryRaw<Candidate[]>`
    SELECT * FROM (
      SELECT r.id, r."trackingCode", r.state::text AS state, r."submittedAt",
             ${distance} AS distance, ${similarity}::double precision AS similarity
      FROM service_request r
      JOIN service s ON s.id = r."serviceId"
      LEFT JOIN request_location l ON l."requestId" = r.id
      WHERE lower(s.code) = lower(${input.serviceCode.trim()}::text)
        AND s.kind = 'COMPLAINT'
        AND r.state::text = ANY(${[...SIMILAR_COMPLAINT_STATES]}::text[])
        AND r."personalDataErasedAt" IS NULL
    ) c
    WHERE c.distance <= ${settings.radiusMetres}::double precision
       OR c.similarity >= ${settings.textThreshold}::double precision
    ORDER BY c.similarity DESC NULLS LAST, c.distance ASC NULLS LAST, c.id
    LIMIT ${CANDIDATE_LIMIT}`;
  const ranked = rankSimilarComplaints(
    rows.map((r) => ({
      ...r,
      distanceMetres: r.distance === null ? null : Number(r.distance),
      similarity: r.similarity === null ? null : Number(r.similarity),
    })),
    settings,
  );
  return ranked.map((r) => ({
    id: r.id,
    trackingCode: r.trackingCode,
    state: r.state,
    submittedAt: r.submittedAt,
    distanceMetres: r.distanceMetres === null ? null : shownDistanceMetres(r.distanceMetres),
    similarity: r.similarity === null ? null : Math.round(r.similarity * 100) / 100,
    match: r.match,
  }));
}

/**
 * The options of `submitRequest` that keep a GraphQL filing's place as its Open311 location
 * (request_location lat/long, in the filing's transaction; a retry compares the place too);
 * none without a place.
 */
export function placeOfFiling(place: LatLong | null): Pick<SubmitRequestInput, 'location' | 'extra'> {
  if (!place) return {};
  const value = { lat: place.latitude, long: place.longitude };
  return {
    location: {
      value,
      stored: async (prisma, requestIds) => {
        const rows = await prisma.requestLocation.findMany({ where: { requestId: { in: requestIds } } });
        return new Map(rows.map((r) => [r.requestId, { lat: r.lat, long: r.long }]));
      },
    },
    extra: async (tx, created) => {
      await tx.requestLocation.create({ data: { requestId: created.id, ...value } });
    },
  };
}

// ---- following -------------------------------------------------------------------------------

/**
 * The caller's account follows an open complaint's public changes (`checkFollow`: complaints
 * only, open, not their own). Following twice is the same as once. Errors: NotFoundError,
 * FOLLOW_NOT_PUBLIC, FOLLOW_REQUEST_CLOSED, FOLLOW_OWN_REQUEST.
 */
export async function followRequest(deps: CommandDeps, caller: Caller, trackingCode: string) {
  const accountId = requireAccount(caller);
  const request = await loadForChange(deps, trackingCode);
  const service = await deps.prisma.service.findUniqueOrThrow({
    where: { id: request.serviceId },
    select: { kind: true },
  });
  const allowed = checkFollow({
    serviceKind: service.kind,
    state: request.state,
    isReporter: request.citizenAccountId === accountId,
  });
  if (!allowed.ok) throw refusal(allowed.error);
  return audited(
    auditScope(deps, caller),
    { action: 'followServiceRequest', entityType: 'ServiceRequest' },
    async (tx) => {
      const key = { requestId: request.id, accountId };
      await tx.requestFollower.upsert({
        where: { requestId_accountId: key },
        create: { ...key, source: 'FOLLOW' },
        update: {},
      });
      return { result: request, entityId: request.id };
    },
  );
}

/** The caller's account stops following a request (nothing when it did not). NotFoundError. */
export async function unfollowRequest(deps: CommandDeps, caller: Caller, trackingCode: string) {
  const accountId = requireAccount(caller);
  const request = await loadForChange(deps, trackingCode);
  return audited(
    auditScope(deps, caller),
    { action: 'unfollowServiceRequest', entityType: 'ServiceRequest' },
    async (tx) => {
      await tx.requestFollower.deleteMany({ where: { requestId: request.id, accountId } });
      return { result: request, entityId: request.id };
    },
  );
}

/** Citizens and callers without an account are told "not found"; other staff "forbidden". */
function denied(caller: Caller, trackingCode: string): Error {
  if (caller.kind !== 'account' || hidesOthersRequests(caller))
    return new NotFoundError('ServiceRequest', trackingCode);
  return forbidden();
}

// ---- marking a duplicate ---------------------------------------------------------------------

export type MarkDuplicateInput = {
  trackingCode: string;
  /** The tracking code of the original; one that is itself a duplicate leads to its original. */
  originalCode: string;
  reason: string;
  expectedVersion: number;
};

/**
 * Closes a request as a duplicate of another (state DUPLICATE, `duplicateOfId`, `closedAt`):
 * handling staff of the request's unit, its supervisors (and whoever it climbed to) and admins
 * (`mayTriage`). The trail's public note links the original by tracking code with the reason.
 * In the same transaction the duplicate's reporter (an attached, non-anonymous account) and its
 * followers become followers of the original; after commit the reporter is told
 * (`REQUEST_MERGED`, on-request-changed.ts), an anonymous one at the contact address if kept.
 * Errors: NotFoundError (either request), DUPLICATE_OF_ITSELF, DUPLICATE_DIFFERENT_SERVICE,
 * DUPLICATE_REQUEST_CLOSED, DUPLICATE_ORIGINAL_CLOSED, DUPLICATE_REASON_REQUIRED, a stale
 * expectedVersion (ConflictError).
 */
export async function markRequestDuplicate(
  deps: CommandDeps,
  caller: Caller,
  input: MarkDuplicateInput,
): Promise<ServiceRequest> {
  const request = await loadForChange(deps, input.trackingCode);
  if (!mayTriage(caller, request)) throw denied(caller, input.trackingCode);
  const named = await loadForChange(deps, input.originalCode);
  // A duplicate names its original: the mark goes to the root, so chains never form.
  const original = named.duplicateOfId
    ? await deps.prisma.serviceRequest.findUniqueOrThrow({ where: { id: named.duplicateOfId } })
    : named;
  const reason = checkDuplicateReason(input.reason);
  if (!reason.ok) throw refusal(reason.error);
  const mark = checkDuplicateMark(request, original);
  if (!mark.ok) throw refusal(mark.error);
  const actor = actorFor(caller, request);
  if (!actor) throw forbidden();
  const note = duplicateTrailNote(original.trackingCode, reason.value);
  const reporterFollows =
    request.reporterPrivacy !== 'ANONYMOUS' &&
    request.citizenAttachedAt !== null &&
    request.citizenAccountId !== original.citizenAccountId;
  return changeInTrail(deps, caller, {
    action: 'markRequestDuplicate',
    request,
    expectedVersion: input.expectedVersion,
    data: {
      state: 'DUPLICATE',
      duplicateOfId: original.id,
      closedAt: deps.now(),
      escalationLevel: null,
      escalationLevelAt: null,
      escalationUnitId: null,
    },
    entry: {
      kind: 'DUPLICATE_MARKED',
      toState: 'DUPLICATE',
      actorKind: actor.actorKind,
      actorAccountId: actor.accountId,
      publicNote: note,
    },
    change: {
      change: 'DUPLICATE',
      actor: actor.actor,
      actorAccountId: actor.accountId,
      publicNote: reason.value,
    },
    also: async (tx) => {
      // The duplicate's followers follow the original (but not its own reporter).
      const followers = await tx.requestFollower.findMany({
        where: { requestId: request.id, accountId: { not: original.citizenAccountId } },
        select: { accountId: true },
      });
      const merged = [
        ...(reporterFollows ? [{ accountId: request.citizenAccountId, source: 'DUPLICATE' as const }] : []),
        ...followers.map((f) => ({ accountId: f.accountId, source: 'FOLLOW' as const })),
      ];
      for (const f of merged) {
        await tx.requestFollower.upsert({
          where: { requestId_accountId: { requestId: original.id, accountId: f.accountId } },
          create: {
            requestId: original.id,
            accountId: f.accountId,
            source: f.source,
            mergedRequestId: f.source === 'DUPLICATE' ? request.id : null,
          },
          update: {},
        });
      }
    },
    audit: (row) => ({
      before: { state: request.state },
      after: { state: row.state, duplicateOf: original.trackingCode, reason: reason.value },
    }),
  });
}
