// Service requests in GraphQL: the request as the owner and staff see it, its public status by
// tracking code, the status trail, the transition error, and the queries.
import type { Prisma, RequestPriority, RequestState } from '@layanan/db';
import { shownErased } from '@layanan/domain/accounts';
import {
  allowedRequestTransitions,
  REQUEST_TIMELINESS_LABELS,
  standardTimeOf,
  standardTimeText,
} from '@layanan/domain/services';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { filteredList } from '../../../graphql/connections.js';
import { nodeVisibility, visibleToCaller } from '../../../graphql/node-visibility.js';
import { nodeId } from '../../../graphql/object-fields.js';
import { todayWib } from '../../../platform/calendar.js';
import type { Caller } from '../../../platform/command.js';
import { actorFor, escalatedTo, isStaffViewer, visibleRequests } from '../access.js';
import { openWhere, overdueWhere } from '../queries/open-overdue.js';
import { normalizedCode } from '../queries/tracking-code.js';
import { duplicateOfCode, followedByMe } from './duplicate-fields.js';
import { officerOf } from './request-actor.js';
import {
  completionDueOnField,
  deadlineStatus,
  EscalationLevelEnum,
  open311StatusField,
  RequestChannelEnum,
  RequestPriorityEnum,
  RequestStateEnum,
  stateLabelField,
  verificationDueOnField,
} from './request-fields.js';
import { RequestTimelinessEnum, STANDARD_TIME_WORDS, timelinessOf } from './standard-time.js';

export { EscalationLevelEnum, RequestPriorityEnum, RequestStateEnum } from './request-fields.js';

const RequestEventRef = builder.prismaObject('RequestEvent', {
  description: 'One entry of the status trail.',
  fields: (t) => ({
    sequence: t.exposeInt('sequence', { description: 'Position in the trail, from 1 (the submission).' }),
    kind: t.exposeString('kind', {
      description:
        'What happened: SUBMITTED, TRANSITION, REASSIGNED (also a staff member taking it on), CORRECTION or NOTE (a note without a change of state), TRANSFERRED, REOPENED, OUTCOME_ACCEPTED, FINALLY_CLOSED, ESCALATION_CLIMBED (the escalation ladder went up a level; the state stays), PRIORITY_SET (staff changed the triage priority; internal note only), DESCRIPTION_PUBLISHED (staff published or withdrew the public description of a public report; internal note only).',
    }),
    fromState: t.expose('fromState', {
      type: RequestStateEnum,
      nullable: true,
      description: 'State before the entry; null for the submission.',
    }),
    toState: t.expose('toState', { type: RequestStateEnum, description: 'State after the entry.' }),
    actorKind: t.exposeString('actorKind', {
      description: 'Who acted: CITIZEN, STAFF, SUPERVISOR, ADMIN or SYSTEM (escalation job).',
    }),
    actorName: t.string({
      nullable: true,
      select: { actorKind: true, actorAccountId: true },
      description:
        'The officer who acted (name of their staff record), for accountability: the owner and staff see who handled each step. Null when the citizen acted (never named in a trail, Perpres 76/2013), for the system, and for accounts without a staff record. Not on the public trail (`PublicRequestEvent`): tracking codes can be guessed.',
      resolve: async (e, _a, ctx) => (await officerOf(e, ctx))?.name ?? null,
    }),
    actorUnit: t.string({
      nullable: true,
      select: { actorKind: true, actorAccountId: true },
      description: 'The acting officer’s unit (short name); null whenever actorName is null.',
      resolve: async (e, _a, ctx) => (await officerOf(e, ctx))?.unit.shortName ?? null,
    }),
    publicNote: t.string({
      nullable: true,
      description: 'Shown to the citizen; an erased citizen’s note reads “[dihapus]” / “[erased]”.',
      resolve: (e, _a, ctx) => shownErased(e.publicNote, ctx.lang),
    }),
    internalNote: t.string({
      nullable: true,
      description: 'Staff only; null for citizens.',
      resolve: (e, _a, ctx) => (isStaffViewer(ctx.identity) ? shownErased(e.internalNote, ctx.lang) : null),
    }),
    at: t.expose('at', { type: 'DateTime', description: 'When it happened.' }),
  }),
});

const PublicRequestEventRef = builder.prismaObject('RequestEvent', {
  variant: 'PublicRequestEvent',
  // Tracking codes are sequential, so anyone can guess one: the public trail shows states and
  // times only. Notes (addressed to the citizen) are in `serviceRequest` for the owner and staff.
  description:
    'A status change as the public sees it: state and time only. Who acted is not public (tracking codes can be guessed); the owner and staff see the officer’s name and unit in `ServiceRequest.events`.',
  fields: (t) => ({
    toState: t.expose('toState', { type: RequestStateEnum, description: 'State after the change.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When the state changed.' }),
  }),
});

const ServiceRequestRef = builder.prismaNode('ServiceRequest', {
  id: nodeId,
  description:
    'A request for a service, as its owner and the staff of its unit see it. The original text and values are never edited.',
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode', {
      description:
        'Public tracking code given at submission (e.g. SWL-2026-000123: prefix, year, sequence); the key for requestStatus and Open311.',
    }),
    state: t.expose('state', { type: RequestStateEnum, description: 'Current lifecycle state.' }),
    stateLabel: t.string(stateLabelField),
    open311Status: t.string(open311StatusField),
    version: t.exposeInt('version', {
      description: 'Pass it back as expectedVersion when changing the request.',
    }),
    channel: t.expose('channel', { type: RequestChannelEnum, description: 'How the request came in.' }),
    originalText: t.string({
      description:
        'The citizen’s own words as submitted, never edited (corrections are trail entries); after erasure a placeholder in the caller’s language.',
      resolve: (r, _args, ctx) => shownErased(r.originalText, ctx.lang),
    }),
    service: t.relation('service', { description: 'The service asked for.' }),
    serviceVersion: t.relation('serviceVersion', {
      description: 'The version of the service standard in force at submission; the request keeps it.',
    }),
    unit: t.relation('unit', { description: 'The unit responsible for the request.' }),
    assignee: t.relation('assignee', {
      nullable: true,
      description: 'The staff member handling it; null when no competent staff member was free.',
    }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', description: 'When it was filed.' }),
    verificationDueOn: t.expose('verificationDueOn', verificationDueOnField),
    completionDueOn: t.expose('completionDueOn', completionDueOnField),
    verifiedAt: t.expose('verifiedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When staff verified it; null before.',
    }),
    completedAt: t.expose('completedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was completed; null unless COMPLETED.',
    }),
    closedAt: t.expose('closedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it reached a closed state (COMPLETED, REJECTED, WITHDRAWN); null while open.',
    }),
    verificationOverdue: t.boolean({
      description:
        'Not verified and today (WIB) is after verificationDueOn, with the clock running (never while returned to the citizen or closed).',
      resolve: (r) => deadlineStatus(r).verificationOverdue,
    }),
    completionOverdue: t.boolean({
      description: 'Today (WIB) is after completionDueOn with the clock running.',
      resolve: (r) => deadlineStatus(r).completionOverdue,
    }),
    allowedTransitions: t.field({
      type: [RequestStateEnum],
      description: 'States the caller may move the request to.',
      resolve: (r, _a, ctx) => {
        const actor = actorFor(ctx.identity, r);
        return actor ? allowedRequestTransitions(r.state, actor.actor) : [];
      },
    }),
    escalationLevel: t.expose('escalationLevel', {
      type: EscalationLevelEnum,
      nullable: true,
      description:
        'The level of the escalation ladder the request has reached; null when never escalated (or since a transfer or a contest started it again).',
    }),
    escalationLevelAt: t.expose('escalationLevelAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it reached escalationLevel; null when never escalated.',
    }),
    priority: t.expose('priority', {
      type: RequestPriorityEnum,
      description: 'Triage priority, set by handling staff; NORMAL unless changed.',
    }),
    priorityReason: t.string({
      nullable: true,
      description:
        'Why the priority was set (10–500 characters for URGENT): staff and admins only, null for the citizen.',
      resolve: (r, _a, ctx) => (isStaffViewer(ctx.identity) ? r.priorityReason : null),
    }),
    events: t.relation('events', {
      type: RequestEventRef,
      description: 'The full trail, oldest first.',
      query: { orderBy: { sequence: 'asc' } },
    }),
  }),
});

// The owner, the unit's staff and admins; nobody else, not API keys (as `serviceRequest(s)`).
nodeVisibility(ServiceRequestRef, visibleRequests);

builder.prismaObjectFields('Notification', (t) => ({
  request: t.field({
    type: ServiceRequestRef,
    nullable: true,
    description:
      'The request the notification is about (SURVEY_INVITATION: answer with submitSurvey), under the same rule as `serviceRequest`: null when the recipient may not see it (a complaint they follow or were merged into: its public trail is `linkPath`; a request transferred away from the recipient’s unit).',
    select: (_args, _ctx, nestedSelection) => ({ request: nestedSelection(true) }),
    resolve: async (n, _args, ctx) => {
      const request = (n as unknown as { request: { id: string } | null }).request;
      return request && (await visibleToCaller(ctx, 'ServiceRequest', request.id))
        ? (request as never)
        : null;
    },
  }),
}));

const RequestStatusRef = builder.prismaObject('ServiceRequest', {
  variant: 'RequestStatus',
  description: 'The public status of a request by tracking code: no personal data, public notes only.',
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode', { description: 'The tracking code asked for, normalised.' }),
    state: t.expose('state', { type: RequestStateEnum, description: 'Current lifecycle state.' }),
    stateLabel: t.string(stateLabelField),
    open311Status: t.string(open311StatusField),
    service: t.relation('service', { description: 'The service asked for.' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', description: 'When it was filed.' }),
    verificationDueOn: t.expose('verificationDueOn', verificationDueOnField),
    completionDueOn: t.expose('completionDueOn', completionDueOnField),
    overdue: t.boolean({
      description: 'Whether a deadline has passed today (WIB) with the clock running.',
      resolve: (r) => deadlineStatus(r).overdueDeadline !== null,
    }),
    trail: t.relation('events', {
      type: PublicRequestEventRef,
      description: 'State changes, oldest first: states and times only, no notes or names.',
      query: { orderBy: { sequence: 'asc' } },
    }),
  }),
});

const RequestFilter = builder.inputType('ServiceRequestFilter', {
  description: 'Narrows serviceRequests; all given conditions must hold.',
  fields: (t) => ({
    state: t.field({ type: RequestStateEnum, description: 'Only requests in this state.' }),
    serviceCode: t.string({ description: 'Only requests for this service code (case-insensitive).' }),
    overdueOnly: t.boolean({ description: 'Open requests past a stored deadline (Asia/Jakarta today).' }),
    openOnly: t.boolean({
      description:
        'Only open requests (SUBMITTED, VERIFIED, IN_PROGRESS, RETURNED_TO_CITIZEN, ESCALATED): a work queue.',
    }),
    escalatedToMe: t.boolean({
      description:
        "Only open requests at the caller's level of the escalation ladder (issue 20): for a supervisor, their unit's at UNIT_SUPERVISOR and those escalated to their unit as the head of the agency at AGENCY_HEAD; for an admin (the city's complaint coordinator), every request at COORDINATOR — the city-wide escalation queue; nothing for others.",
    }),
    priority: t.field({
      type: RequestPriorityEnum,
      description: 'Only requests of this triage priority (staff view).',
    }),
  }),
});

const RequestOrderEnum = builder.enumType('ServiceRequestOrder', {
  description:
    'How serviceRequests is sorted. NEWEST: latest submission first (default). DEADLINE: the work queue order, nearest deadline first: requests not yet verified by their verification due date, then verified ones by their completion due date (so overdue ones come first); ties oldest submission first. PRIORITY: URGENT before NORMAL, each in the DEADLINE order.',
  values: ['NEWEST', 'DEADLINE', 'PRIORITY'] as const,
});

type RequestOrder = 'NEWEST' | 'DEADLINE' | 'PRIORITY';

/** The Prisma order of a ServiceRequestOrder; the id last makes it total, for cursor pages. */
function requestOrderBy(
  order: RequestOrder | null | undefined,
): Prisma.ServiceRequestOrderByWithRelationInput[] {
  if (order === 'PRIORITY') return [{ priority: 'desc' }, ...requestOrderBy('DEADLINE')];
  if (order === 'DEADLINE')
    return [
      { completionDueOn: { sort: 'asc', nulls: 'first' } },
      { verificationDueOn: 'asc' },
      { submittedAt: 'asc' },
      { id: 'asc' },
    ];
  return [{ submittedAt: 'desc' }, { id: 'asc' }];
}

type RequestFilterArgs = {
  state?: RequestState | null;
  serviceCode?: string | null;
  overdueOnly?: boolean | null;
  openOnly?: boolean | null;
  escalatedToMe?: boolean | null;
  priority?: RequestPriority | null;
} | null;

function filterWhere(filter: RequestFilterArgs | undefined, caller: Caller): Prisma.ServiceRequestWhereInput {
  if (!filter) return {};
  return {
    AND: [
      filter.state ? { state: filter.state } : {},
      filter.serviceCode ? { service: { code: filter.serviceCode.trim().toUpperCase() } } : {},
      filter.overdueOnly ? overdueWhere(todayWib()) : {},
      filter.openOnly ? openWhere() : {},
      filter.escalatedToMe ? { AND: [escalatedTo(caller), openWhere()] } : {},
      filter.priority ? { priority: filter.priority } : {},
    ],
  };
}

const versionSelect = { serviceVersion: { select: { completionDays: true } } } as const;
/** The columns timelinessOf reads: the state, and when and by when it was verified and completed. */
const timelinessSelect = {
  state: true,
  verifiedAt: true,
  verificationDueOn: true,
  completedAt: true,
  completionDueOn: true,
} as const;

// The standard time and timeliness of a request (see standard-time.ts), alike for the owner/staff view and the public status.
for (const ref of [ServiceRequestRef, RequestStatusRef]) {
  builder.prismaObjectFields(ref, (t) => ({
    duplicateOfCode: t.string(duplicateOfCode),
    followedByMe: t.boolean(followedByMe),
    standardTime: t.string({
      description: `The standard time of the version the request was filed under (it keeps it after a new version is published), ${STANDARD_TIME_WORDS}`,
      select: versionSelect,
      resolve: (r, _a, ctx: GraphQLContext) => standardTimeText(standardTimeOf(r.serviceVersion))[ctx.lang],
    }),
    timeliness: t.field({
      type: RequestTimelinessEnum,
      description: 'Whether the request keeps its standard time today (WIB); see RequestTimeliness.',
      select: timelinessSelect,
      resolve: (r) => timelinessOf(r).label,
    }),
    timelinessLabel: t.string({
      description: 'timeliness in words, in the caller’s language.',
      select: timelinessSelect,
      resolve: (r, _a, ctx: GraphQLContext) => REQUEST_TIMELINESS_LABELS[timelinessOf(r).label][ctx.lang],
    }),
  }));
}

builder.queryFields((t) => ({
  serviceRequest: t.prismaField({
    type: ServiceRequestRef,
    nullable: true,
    description: "A request by tracking code: the owner's, or one of the caller's unit; null otherwise.",
    args: {
      trackingCode: t.arg.string({ required: true, description: 'Tracking code (case-insensitive).' }),
    },
    resolve: (query, _root, args, ctx) => {
      const code = normalizedCode(args.trackingCode);
      if (!code) return null;
      return ctx.prisma.serviceRequest.findFirst({
        ...query,
        where: { AND: [visibleRequests(ctx.identity), { trackingCode: code }] },
      });
    },
  }),
  requestStatus: t.prismaField({
    type: RequestStatusRef,
    nullable: true,
    description:
      'The public status trail of a request by its tracking code, for anyone (no personal data); null for an unknown code.',
    args: {
      trackingCode: t.arg.string({ required: true, description: 'Tracking code (case-insensitive).' }),
    },
    resolve: (query, _root, args, ctx) => {
      const code = normalizedCode(args.trackingCode);
      return code ? ctx.prisma.serviceRequest.findUnique({ ...query, where: { trackingCode: code } }) : null;
    },
  }),
  serviceRequests: t.prismaConnection({
    type: ServiceRequestRef,
    cursor: 'id',
    authScopes: { authenticated: true },
    description:
      'Requests the caller may see (own for citizens, the unit for staff, all for admins), newest first unless `orderBy` says otherwise; `totalCount` counts all that match the filter.',
    args: {
      filter: t.arg({ type: RequestFilter, description: 'Optional conditions; none lists all visible.' }),
      orderBy: t.arg({ type: RequestOrderEnum, description: 'Sort order; default NEWEST.' }),
    },
    ...filteredList(
      (ctx) => ctx.prisma.serviceRequest,
      (args: { filter?: RequestFilterArgs; orderBy?: RequestOrder | null }, ctx) => ({
        AND: [visibleRequests(ctx.identity), filterWhere(args.filter, ctx.identity)],
      }),
      (args: { orderBy?: RequestOrder | null }) => requestOrderBy(args.orderBy),
    ),
  }),
}));
