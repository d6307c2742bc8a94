// Mutations of service requests: each resolver builds the command's dependencies and calls the
// command (commands/), which GraphQL, Open311 and the escalation job share.
import { builder } from '../../../graphql/builder.js';
import {
  ConflictError,
  NotFoundError,
  RequestTransitionError,
  ValidationError,
} from '../../../graphql/errors.js';
import { commandDeps } from '../../../platform/command.js';
import { addRequestCorrection, reassignRequest, transitionRequest } from '../commands/change-request.js';
import { submitRequest } from '../commands/submit-request.js';
import { RequestStateEnum } from './service-request.js';

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
      type: 'ServiceRequest',
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

builder.mutationFields((t) => ({
  submitServiceRequest: t.field({
    type: RequestPayload,
    description:
      'File a request (citizens; staff at a counter, or a system with the requests:write API key scope, for a citizen named by citizenEmail). Idempotent with a key.',
    authScopes: { citizen: true, staff: true, apiScope: 'requests:write' },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: SubmitInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { request } = await submitRequest(commandDeps(ctx), ctx.identity, input);
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
      const after = await transitionRequest(commandDeps(ctx), ctx.identity, input);
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
      const after = await reassignRequest(commandDeps(ctx), ctx.identity, {
        ...input,
        staffId: String(input.staffId),
      });
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
      const after = await addRequestCorrection(commandDeps(ctx), ctx.identity, input);
      return { requestId: after.id };
    },
  }),
}));
