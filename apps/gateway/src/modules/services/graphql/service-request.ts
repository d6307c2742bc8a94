// Service requests in GraphQL: the request as the owner and staff see it, its public status by
// tracking code, the status trail, the transition error, and the queries.
import type { Prisma, RequestState } from '@layanan/db';
import {
  allowedRequestTransitions,
  open311Status,
  REQUEST_STATE_LABELS,
  REQUEST_STATES,
  requestDeadlineStatus,
} from '@layanan/domain/services';
import { builder } from '../../../graphql/builder.js';
import { FailureInterface } from '../../../graphql/error-types.js';
import { RequestTransitionError } from '../../../graphql/errors.js';
import { dayOf, todayWib } from '../../../platform/calendar.js';
import { actorFor, isStaffViewer, visibleRequests } from '../access.js';
import { overdueWhere } from '../queries/open-overdue.js';
import { normalizedCode } from '../queries/tracking-code.js';

export const RequestStateEnum = builder.enumType('RequestState', { values: REQUEST_STATES });
const RequestChannelEnum = builder.enumType('RequestChannel', { values: ['ONLINE', 'COUNTER'] as const });

builder.objectType(RequestTransitionError, {
  name: 'RequestTransitionError',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof RequestTransitionError,
  fields: (t) => ({
    from: t.field({ type: RequestStateEnum, resolve: (e) => e.from as RequestState }),
    to: t.field({ type: RequestStateEnum, resolve: (e) => e.to as RequestState }),
  }),
});

const RequestEventRef = builder.prismaObject('RequestEvent', {
  description: 'One entry of the status trail.',
  fields: (t) => ({
    sequence: t.exposeInt('sequence'),
    kind: t.exposeString('kind'),
    fromState: t.expose('fromState', { type: RequestStateEnum, nullable: true }),
    toState: t.expose('toState', { type: RequestStateEnum }),
    actorKind: t.exposeString('actorKind'),
    publicNote: t.exposeString('publicNote', { nullable: true, description: 'Shown to the citizen.' }),
    internalNote: t.string({
      nullable: true,
      description: 'Staff only; null for citizens.',
      resolve: (e, _a, ctx) => (isStaffViewer(ctx.identity) ? e.internalNote : null),
    }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

const PublicRequestEventRef = builder.prismaObject('RequestEvent', {
  variant: 'PublicRequestEvent',
  // Tracking codes are sequential, so anyone can guess one: the public trail shows states and
  // times only. Notes (addressed to the citizen) are in `serviceRequest` for the owner and staff.
  description: 'A status change as the public sees it: state and time only.',
  fields: (t) => ({
    toState: t.expose('toState', { type: RequestStateEnum }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

const deadlineStatus = (r: {
  state: RequestState;
  verifiedAt: Date | null;
  verificationDueOn: Date;
  completionDueOn: Date | null;
}) =>
  requestDeadlineStatus(
    {
      state: r.state,
      verified: r.verifiedAt !== null,
      verificationDueOn: dayOf(r.verificationDueOn),
      completionDueOn: r.completionDueOn ? dayOf(r.completionDueOn) : null,
    },
    todayWib(),
  );

const ServiceRequestRef = builder.prismaNode('ServiceRequest', {
  id: { field: 'id' },
  description: 'A request for a service. The original text and values are never edited.',
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode'),
    state: t.expose('state', { type: RequestStateEnum }),
    stateLabel: t.string({ resolve: (r, _a, ctx) => REQUEST_STATE_LABELS[r.state][ctx.lang] }),
    open311Status: t.string({ resolve: (r) => open311Status(r.state) }),
    version: t.exposeInt('version', {
      description: 'Pass it back as expectedVersion when changing the request.',
    }),
    channel: t.expose('channel', { type: RequestChannelEnum }),
    originalText: t.exposeString('originalText'),
    attributeValues: t.expose('attributeValues', { type: 'JSON' }),
    service: t.relation('service'),
    serviceVersion: t.relation('serviceVersion'),
    unit: t.relation('unit'),
    assignee: t.relation('assignee', { nullable: true }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    verificationDueOn: t.string({ resolve: (r) => dayOf(r.verificationDueOn) }),
    completionDueOn: t.string({
      nullable: true,
      resolve: (r) => (r.completionDueOn ? dayOf(r.completionDueOn) : null),
    }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    verificationOverdue: t.boolean({ resolve: (r) => deadlineStatus(r).verificationOverdue }),
    completionOverdue: t.boolean({ resolve: (r) => deadlineStatus(r).completionOverdue }),
    allowedTransitions: t.field({
      type: [RequestStateEnum],
      description: 'States the caller may move the request to.',
      resolve: (r, _a, ctx) => {
        const actor = actorFor(ctx.identity, r);
        return actor ? allowedRequestTransitions(r.state, actor.actor) : [];
      },
    }),
    events: t.relation('events', { type: RequestEventRef, query: { orderBy: { sequence: 'asc' } } }),
  }),
});

const RequestStatusRef = builder.prismaObject('ServiceRequest', {
  variant: 'RequestStatus',
  description: 'The public status of a request by tracking code: no personal data, public notes only.',
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode'),
    state: t.expose('state', { type: RequestStateEnum }),
    stateLabel: t.string({ resolve: (r, _a, ctx) => REQUEST_STATE_LABELS[r.state][ctx.lang] }),
    open311Status: t.string({ resolve: (r) => open311Status(r.state) }),
    service: t.relation('service'),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    verificationDueOn: t.string({ resolve: (r) => dayOf(r.verificationDueOn) }),
    completionDueOn: t.string({
      nullable: true,
      resolve: (r) => (r.completionDueOn ? dayOf(r.completionDueOn) : null),
    }),
    overdue: t.boolean({ resolve: (r) => deadlineStatus(r).overdueDeadline !== null }),
    trail: t.relation('events', { type: PublicRequestEventRef, query: { orderBy: { sequence: 'asc' } } }),
  }),
});

const RequestFilter = builder.inputType('ServiceRequestFilter', {
  fields: (t) => ({
    state: t.field({ type: RequestStateEnum }),
    serviceCode: t.string(),
    overdueOnly: t.boolean({ description: 'Open requests past a stored deadline (Asia/Jakarta today).' }),
  }),
});

function filterWhere(
  filter:
    | { state?: RequestState | null; serviceCode?: string | null; overdueOnly?: boolean | null }
    | null
    | undefined,
): Prisma.ServiceRequestWhereInput {
  if (!filter) return {};
  return {
    AND: [
      filter.state ? { state: filter.state } : {},
      filter.serviceCode ? { service: { code: filter.serviceCode.trim().toUpperCase() } } : {},
      filter.overdueOnly ? overdueWhere(todayWib()) : {},
    ],
  };
}

builder.queryFields((t) => ({
  serviceRequest: t.prismaField({
    type: ServiceRequestRef,
    nullable: true,
    description: "A request by tracking code: the owner's, or one of the caller's unit; null otherwise.",
    args: { trackingCode: t.arg.string({ required: true }) },
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
    description: 'The public status trail of a request by its tracking code.',
    args: { trackingCode: t.arg.string({ required: true }) },
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
      'Requests the caller may see (own for citizens, the unit for staff, all for admins), newest first.',
    args: { filter: t.arg({ type: RequestFilter }) },
    totalCount: (_root, args, ctx) =>
      ctx.prisma.serviceRequest.count({
        where: { AND: [visibleRequests(ctx.identity), filterWhere(args.filter)] },
      }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.serviceRequest.findMany({
        ...query,
        where: { AND: [visibleRequests(ctx.identity), filterWhere(args.filter)] },
        orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
      }),
  }),
}));
