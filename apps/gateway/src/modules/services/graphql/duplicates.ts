// Duplicates and followers of complaints in GraphQL (issue 20 item 5): the similar open
// complaints shown before filing, following a complaint, and marking a duplicate. The commands
// are in commands/duplicates.ts, the rules in the domain's complaint-duplicates.ts.
import { checkCoordinates, DEFAULT_SIMILAR_COMPLAINT_SETTINGS } from '@layanan/domain/services';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { commandArgs, commandInput } from '../../../graphql/command-fields.js';
import {
  ConflictError,
  NotFoundError,
  RequestTransitionError,
  ValidationError,
} from '../../../graphql/errors.js';
import { bilingual } from '../../../graphql/gateway-errors.js';
import {
  followRequest,
  markRequestDuplicate,
  type SimilarComplaint,
  similarComplaints,
  unfollowRequest,
} from '../commands/duplicates.js';
import {
  expectedVersionField,
  RequestPayload,
  requestPayload,
  trackingCodeField,
} from './request-mutations.js';
import { RequestStateEnum } from './service-request.js';

const SimilarMatchEnum = builder.enumType('SimilarComplaintMatch', {
  values: ['NEARBY', 'TEXT', 'BOTH'] as const,
  description: 'Why a complaint is shown as similar: near the place, a similar description, or both.',
});

const SimilarComplaintRef = builder.objectRef<SimilarComplaint>('SimilarComplaint').implement({
  description:
    'An open complaint of the same service near the place or with a similar description, shown before filing so the citizen can follow it instead. Public facts only: never its reporter (confidential and anonymous complaints alike), its text or its exact place.',
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode', {
      description: 'Its tracking code: its public trail is requestStatus(trackingCode).',
    }),
    state: t.expose('state', { type: RequestStateEnum, description: 'Its lifecycle state (an open one).' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', description: 'When it was filed.' }),
    distanceMetres: t.exposeInt('distanceMetres', {
      nullable: true,
      description:
        'Great-circle distance from the given place in metres (haversine), rounded to 10 m; null when the place or its place is unknown.',
    }),
    similarity: t.exposeFloat('similarity', {
      nullable: true,
      description:
        'pg_trgm trigram similarity of the descriptions, 0–1 (2 decimals); null when no description was given.',
    }),
    match: t.expose('match', { type: SimilarMatchEnum, description: 'Why it is shown.' }),
  }),
});

builder.queryField('similarComplaints', (t) =>
  t.field({
    type: [SimilarComplaintRef],
    description: `Open complaints of a complaint service within LAYANAN_SIMILAR_RADIUS_METRES (default ${DEFAULT_SIMILAR_COMPLAINT_SETTINGS.radiusMetres}) m of the place or with a description at least LAYANAN_SIMILAR_TEXT_THRESHOLD (default ${DEFAULT_SIMILAR_COMPLAINT_SETTINGS.textThreshold}) alike (pg_trgm similarity), best first (both, then more alike, then nearer), at most ${DEFAULT_SIMILAR_COMPLAINT_SETTINGS.limit} (FixMyStreet's "already reported nearby"). For anyone. Other kinds of service and an unknown code answer an empty list; so does a call with neither description nor place. Half a place or one out of range is a request-level GraphQL error with extensions.code COORDINATES_INCOMPLETE or COORDINATES_OUT_OF_RANGE.`,
    authScopes: { public: true },
    args: {
      serviceCode: t.arg.string({ required: true, description: 'Code of the complaint service.' }),
      description: t.arg.string({ description: 'The description being typed.' }),
      latitude: t.arg.float({ description: 'Latitude of the place in WGS 84 degrees (−90…90).' }),
      longitude: t.arg.float({ description: 'Longitude of the place in WGS 84 degrees (−180…180).' }),
    },
    resolve: async (_root, args, ctx: GraphQLContext) => {
      const place = checkCoordinates(args.latitude, args.longitude);
      if (!place.ok)
        throw new GraphQLError(bilingual(place.error.message), {
          extensions: { code: place.error.code, http: { status: 200 } },
        });
      return similarComplaints(
        ctx.prisma,
        {
          serviceCode: args.serviceCode,
          description: args.description?.slice(0, 4000),
          place: place.value,
        },
        ctx.config.complaints.similar,
      );
    },
  }),
);

const FollowPayload = builder
  .objectRef<{ trackingCode: string; following: boolean }>('FollowServiceRequestPayload')
  .implement({
    description: 'Whether the caller now follows the complaint.',
    fields: (t) => ({
      trackingCode: t.exposeString('trackingCode', { description: 'The complaint’s tracking code.' }),
      following: t.exposeBoolean('following', { description: 'True after following, false after not.' }),
    }),
  });

for (const follow of [true, false]) {
  builder.mutationField(follow ? 'followServiceRequest' : 'unfollowServiceRequest', (t) =>
    t.field({
      type: FollowPayload,
      description: follow
        ? 'Follow an open complaint of someone else: the account is told of each of its public changes (a new state with its public note, a transfer, a reopening, a note by staff) and sees only its public trail. Any signed-in account. Errors: ValidationError FOLLOW_NOT_PUBLIC (not a complaint); ConflictError FOLLOW_REQUEST_CLOSED, FOLLOW_OWN_REQUEST; NotFoundError.'
        : 'Stop following a complaint (nothing when not following). Errors: NotFoundError.',
      authScopes: { authenticated: true },
      errors: { types: [ValidationError, ConflictError, NotFoundError] },
      ...commandArgs(
        {
          trackingCode: t.arg.string({ required: true, description: 'Tracking code (case-insensitive).' }),
        },
        async (deps, caller, args) => {
          const request = follow
            ? await followRequest(deps, caller, args.trackingCode)
            : await unfollowRequest(deps, caller, args.trackingCode);
          return { trackingCode: request.trackingCode, following: follow };
        },
      ),
    }),
  );
}

const MarkDuplicateInput = builder.inputType('MarkRequestDuplicateInput', {
  description: 'Which request is a duplicate of which, and why.',
  fields: (t) => ({
    trackingCode: trackingCodeField(t),
    originalCode: t.string({
      required: true,
      description:
        'Tracking code of the original (open, same service); a duplicate named here leads to its own original.',
    }),
    reason: t.string({
      required: true,
      description: 'Why, shown to the reporter and in the public trail (10–2,000 characters).',
    }),
    expectedVersion: expectedVersionField(t),
  }),
});

builder.mutationField('markRequestDuplicate', (t) =>
  t.field({
    type: RequestPayload,
    description:
      "Close an open request as a duplicate of an open original of the same service (state DUPLICATE, duplicateOf): handling staff of the request's unit, its supervisors and admins. The public trail links the original; the duplicate's reporter (and its followers) now follow the original, and the reporter is told (REQUEST_MERGED). Errors: ValidationError DUPLICATE_OF_ITSELF, DUPLICATE_DIFFERENT_SERVICE, DUPLICATE_REASON_REQUIRED; RequestTransitionError DUPLICATE_REQUEST_CLOSED; ConflictError DUPLICATE_ORIGINAL_CLOSED or a stale expectedVersion; NotFoundError.",
    authScopes: { staff: true, supervisor: true, admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, RequestTransitionError] },
    ...commandInput(
      t,
      MarkDuplicateInput,
      'The duplicate, its original and why.',
      async (deps, caller, input) => requestPayload(await markRequestDuplicate(deps, caller, input)),
    ),
  }),
);

builder.prismaObjectFields('ServiceRequest', (t) => ({
  followerCount: t.relationCount('followers', {
    description: 'How many accounts follow the complaint (their identities are not shown).',
  }),
}));
