// Service requests (issue 4): submission with attribute validation and an idempotency key,
// the lifecycle through the domain state machine, routing and reassignment, the status trail.
import type { Prisma, RequestState } from '@layanan/db';
import {
  allowedRequestTransitions,
  formatTrackingCode,
  open311Status,
  parseTrackingCode,
  REQUEST_STATE_LABELS,
  REQUEST_STATES,
  type RequestActor,
  requestDeadlineStatus,
} from '@layanan/domain/services';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { FailureInterface } from '../../graphql/error-types.js';
import {
  ConflictError,
  NotFoundError,
  RequestTransitionError,
  ValidationError,
} from '../../graphql/errors.js';
import { audited } from '../../platform/audited.js';
import { forbidden } from '../../platform/authz.js';
import { dateOnly, dayOf, loadWorkingCalendar, todayWib } from '../../platform/calendar.js';
import { publishNotifications } from '../../platform/notify.js';
import { isUuid } from '../../platform/uuid.js';
import { inviteToSurvey } from '../feedback/invitation.js';
import { publishUpdate, transitionRequest, versionConflict } from './commands/request-workflow.js';
import { fieldProblem, MAX_REQUEST_TEXT, submitRequest } from './commands/submit-request.js';

export { TRACKING_PREFIX } from './commands/submit-request.js';

const MAX_TEXT = MAX_REQUEST_TEXT;

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

/** Citizens see their own requests, staff those of their unit, admins all; others nothing. */
export function visibleRequests(ctx: GraphQLContext): Prisma.ServiceRequestWhereInput {
  const id = ctx.identity;
  if (id.kind !== 'account') return { id: { in: [] } };
  if (id.role === 'ADMIN') return {};
  if (id.role === 'CITIZEN') return { citizenAccountId: id.accountId };
  if (id.unitId) return { unitId: id.unitId };
  return { id: { in: [] } };
}

/** The lifecycle actor of the caller for a request, or null if they may not act on it. */
function actorFor(
  ctx: GraphQLContext,
  request: { unitId: string; citizenAccountId: string },
): { actor: RequestActor; actorKind: string; accountId: string } | null {
  const id = ctx.identity;
  if (id.kind !== 'account') return null;
  if (id.role === 'CITIZEN') {
    return request.citizenAccountId === id.accountId
      ? { actor: 'CITIZEN', actorKind: 'CITIZEN', accountId: id.accountId }
      : null;
  }
  if (id.role === 'ADMIN') return { actor: 'SUPERVISOR', actorKind: 'ADMIN', accountId: id.accountId };
  if (id.unitId !== request.unitId || !id.staffId) return null;
  return id.role === 'SUPERVISOR'
    ? { actor: 'SUPERVISOR', actorKind: 'SUPERVISOR', accountId: id.accountId }
    : { actor: 'STAFF', actorKind: 'STAFF', accountId: id.accountId };
}

const isStaffViewer = (ctx: GraphQLContext) =>
  ctx.identity.kind === 'account' && ctx.identity.role !== 'CITIZEN';

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
      resolve: (e, _a, ctx) => (isStaffViewer(ctx) ? e.internalNote : null),
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
        const actor = actorFor(ctx, r);
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

const normalizedCode = (code: string): string | null => {
  const parsed = parseTrackingCode(code);
  return parsed.ok ? formatTrackingCode(parsed.value) : null;
};

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
  const today = dateOnly(todayWib());
  return {
    AND: [
      filter.state ? { state: filter.state } : {},
      filter.serviceCode ? { service: { code: filter.serviceCode.trim().toUpperCase() } } : {},
      filter.overdueOnly
        ? {
            state: { in: ['SUBMITTED', 'VERIFIED', 'IN_PROGRESS', 'ESCALATED'] },
            OR: [{ verifiedAt: null, verificationDueOn: { lt: today } }, { completionDueOn: { lt: today } }],
          }
        : {},
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
        where: { AND: [visibleRequests(ctx), { trackingCode: code }] },
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
      ctx.prisma.serviceRequest.count({ where: { AND: [visibleRequests(ctx), filterWhere(args.filter)] } }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.serviceRequest.findMany({
        ...query,
        where: { AND: [visibleRequests(ctx), filterWhere(args.filter)] },
        orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
      }),
  }),
}));

const SubmitInput = builder.inputType('SubmitServiceRequestInput', {
  fields: (t) => ({
    serviceCode: t.string({ required: true }),
    text: t.string({ required: true, description: "The citizen's own words, stored unedited." }),
    attributes: t.field({ type: 'JSON', description: 'Values by attribute code.' }),
    idempotencyKey: t.string({ description: 'Retries with the same key return the same request.' }),
    citizenEmail: t.string({ description: 'Counter staff and API keys: the citizen filed for.' }),
  }),
});

const RequestPayload = builder.objectRef<{ requestId: string }>('ServiceRequestPayload').implement({
  fields: (t) => ({
    request: t.prismaField({
      type: ServiceRequestRef,
      resolve: (query, p, _a, ctx) =>
        ctx.prisma.serviceRequest.findUniqueOrThrow({ ...query, where: { id: p.requestId } }),
    }),
  }),
});

const TransitionInput = builder.inputType('TransitionServiceRequestInput', {
  fields: (t) => ({
    trackingCode: t.string({ required: true }),
    to: t.field({ type: RequestStateEnum, required: true }),
    expectedVersion: t.int({ required: true }),
    publicNote: t.string({ description: 'Shown to the citizen; required when rejecting or returning.' }),
    internalNote: t.string({ description: 'Staff only.' }),
  }),
});

const ReassignInput = builder.inputType('ReassignServiceRequestInput', {
  fields: (t) => ({
    trackingCode: t.string({ required: true }),
    staffId: t.id({ required: true }),
    expectedVersion: t.int({ required: true }),
    internalNote: t.string(),
  }),
});

const CorrectionInput = builder.inputType('AddServiceRequestCorrectionInput', {
  fields: (t) => ({
    trackingCode: t.string({ required: true }),
    expectedVersion: t.int({ required: true }),
    text: t.string({ required: true, description: 'The correction or addition, in the citizen’s words.' }),
  }),
});

async function loadForChange(ctx: GraphQLContext, trackingCode: string) {
  const code = normalizedCode(trackingCode);
  const request = code ? await ctx.prisma.serviceRequest.findUnique({ where: { trackingCode: code } }) : null;
  if (!request) throw new NotFoundError('ServiceRequest', trackingCode);
  return request;
}

builder.mutationFields((t) => ({
  submitServiceRequest: t.field({
    type: RequestPayload,
    description:
      'File a request (citizens; staff at a counter, or a system with the requests:write API key scope, for a citizen named by citizenEmail). Idempotent with a key.',
    authScopes: { citizen: true, staff: true, apiScope: 'requests:write' },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: SubmitInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { request } = await submitRequest(ctx, input);
      return { requestId: request.id };
    },
  }),
  transitionServiceRequest: t.field({
    type: RequestPayload,
    description: 'Move a request through its lifecycle. A stale expectedVersion gets a ConflictError.',
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, RequestTransitionError] },
    args: { input: t.arg({ type: TransitionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const request = await loadForChange(ctx, input.trackingCode);
      const actor = actorFor(ctx, request);
      if (!actor) {
        // Not revealing whether someone else's request exists.
        if (ctx.identity.kind === 'account' && ctx.identity.role === 'CITIZEN')
          throw new NotFoundError('ServiceRequest', input.trackingCode);
        throw forbidden();
      }
      const { after, invited } = await audited(
        ctx,
        { action: 'transitionServiceRequest', entityType: 'ServiceRequest' },
        async (tx) => {
          const change = await transitionRequest(tx, {
            requestId: request.id,
            expectedVersion: input.expectedVersion,
            to: input.to,
            actor: actor.actor,
            actorKind: actor.actorKind,
            actorAccountId: actor.accountId,
            publicNote: input.publicNote,
            internalNote: input.internalNote,
            now: new Date(),
            calendar: await loadWorkingCalendar(tx),
          });
          // Feedback area: a completed request invites its citizen to the survey.
          const invited = change.after.state === 'COMPLETED' ? await inviteToSurvey(tx, change.after) : [];
          return {
            result: { ...change, invited },
            entityId: request.id,
            before: { state: change.before.state, version: change.before.version },
            after: { state: change.after.state, version: change.after.version },
          };
        },
      );
      publishUpdate(ctx.pubsub, after);
      publishNotifications(ctx, invited);
      return { requestId: after.id };
    },
  }),
  reassignServiceRequest: t.field({
    type: RequestPayload,
    description:
      "Give a request to another active staff member of its unit. The unit's supervisor or an admin.",
    authScopes: { supervisor: true, admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: ReassignInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const request = await loadForChange(ctx, input.trackingCode);
      const id = ctx.identity;
      if (
        !(
          id.kind === 'account' &&
          (id.role === 'ADMIN' || (id.role === 'SUPERVISOR' && id.unitId === request.unitId))
        )
      )
        throw forbidden();
      const staffId = String(input.staffId);
      const staff = isUuid(staffId) ? await ctx.prisma.staff.findUnique({ where: { id: staffId } }) : null;
      if (!staff?.active || staff.unitId !== request.unitId) {
        throw ValidationError.fromFields([
          fieldProblem(
            'staffId',
            'NOT_ALLOWED',
            'Petugas harus aktif di unit pemilik layanan',
            'The staff member must be active in the owning unit',
          ),
        ]);
      }
      const after = await audited(
        ctx,
        { action: 'reassignServiceRequest', entityType: 'ServiceRequest' },
        async (tx) => {
          const updated = await tx.serviceRequest.updateMany({
            where: { id: request.id, version: input.expectedVersion },
            data: { assigneeStaffId: staff.id, version: { increment: 1 } },
          });
          if (updated.count !== 1) throw versionConflict();
          await tx.requestEvent.create({
            data: {
              requestId: request.id,
              sequence: input.expectedVersion + 1,
              kind: 'REASSIGNED',
              fromState: request.state,
              toState: request.state,
              actorKind: id.role,
              actorAccountId: id.accountId,
              internalNote: input.internalNote?.trim() || null,
              assigneeStaffId: staff.id,
            },
          });
          const row = await tx.serviceRequest.findUniqueOrThrow({ where: { id: request.id } });
          return {
            result: row,
            entityId: row.id,
            before: { assigneeStaffId: request.assigneeStaffId },
            after: { assigneeStaffId: staff.id },
          };
        },
      );
      publishUpdate(ctx.pubsub, after);
      return { requestId: after.id };
    },
  }),
  addServiceRequestCorrection: t.field({
    type: RequestPayload,
    description:
      'Add a correction or addition to a request. The original text and values stay unedited; the correction is a new entry of the trail.',
    authScopes: { authenticated: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, RequestTransitionError] },
    args: { input: t.arg({ type: CorrectionInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const request = await loadForChange(ctx, input.trackingCode);
      const actor = actorFor(ctx, request);
      if (!actor) {
        if (ctx.identity.kind === 'account' && ctx.identity.role === 'CITIZEN') {
          throw new NotFoundError('ServiceRequest', input.trackingCode);
        }
        throw forbidden();
      }
      const text = input.text.trim();
      if (text === '' || text.length > MAX_TEXT) {
        throw ValidationError.fromFields([
          fieldProblem(
            'text',
            text === '' ? 'REQUIRED' : 'TOO_LONG',
            `Koreksi wajib diisi, maksimal ${MAX_TEXT} karakter`,
            `The correction is required, at most ${MAX_TEXT} characters`,
          ),
        ]);
      }
      if (open311Status(request.state) === 'closed') {
        throw new RequestTransitionError(
          'REQUEST_ALREADY_CLOSED',
          'Permohonan sudah selesai, ditolak, atau dibatalkan; tidak dapat dikoreksi.',
          'The request is already completed, rejected or withdrawn; it cannot be corrected.',
          request.state,
          request.state,
        );
      }
      const after = await audited(
        ctx,
        { action: 'addServiceRequestCorrection', entityType: 'ServiceRequest' },
        async (tx) => {
          const updated = await tx.serviceRequest.updateMany({
            where: { id: request.id, version: input.expectedVersion },
            data: { version: { increment: 1 } },
          });
          if (updated.count !== 1) throw versionConflict();
          await tx.requestEvent.create({
            data: {
              requestId: request.id,
              sequence: input.expectedVersion + 1,
              kind: 'CORRECTION',
              fromState: request.state,
              toState: request.state,
              actorKind: actor.actorKind,
              actorAccountId: actor.accountId,
              publicNote: text,
            },
          });
          const row = await tx.serviceRequest.findUniqueOrThrow({ where: { id: request.id } });
          return { result: row, entityId: row.id, after: { version: row.version, correction: text } };
        },
      );
      publishUpdate(ctx.pubsub, after);
      return { requestId: after.id };
    },
  }),
}));
