// Triage tools in GraphQL (issue 20): a request's priority, and the response templates of a
// service per state that staff pick, fill and edit. The commands are in commands/triage.ts.
import { fillResponseTemplate } from '@layanan/domain/services';
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { entityPayload } from '../../../graphql/entity-payload.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { forbidden } from '../../../platform/authz.js';
import { dayOf } from '../../../platform/calendar.js';
import { mayTriage } from '../access.js';
import { deleteResponseTemplate, saveResponseTemplate, setRequestPriority } from '../commands/triage.js';
import {
  expectedVersionField,
  RequestPayload,
  requestPayload,
  trackingCodeField,
} from './request-mutations.js';
import { RequestPriorityEnum, RequestStateEnum } from './service-request.js';

const ResponseTemplateRef = builder.prismaObject('ResponseTemplate', {
  description:
    'A response template of a service for a state (catalogue data, kept by the supervisors of the service’s unit and admins). Placeholders {kode}, {layanan}, {unit}, {tenggat} and {petugas} are filled from the request.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The template’s id (for update and delete).' }),
    service: t.relation('service', { description: 'The service it belongs to.' }),
    state: t.expose('state', {
      type: RequestStateEnum,
      description: 'The state the response is for: a transition’s target, or the request’s state for a note.',
    }),
    title: t.exposeString('title', { description: 'Short name staff pick it by (3–120 characters).' }),
    body: t.exposeString('body', { description: 'The text with its placeholders (10–4,000 characters).' }),
  }),
});

type FilledTemplate = { id: string; state: string; title: string; text: string };

const FilledTemplateRef = builder.objectRef<FilledTemplate>('FilledResponseTemplate').implement({
  description: 'A response template filled for one request: staff edit `text` before sending it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The template’s id.' }),
    state: t.field({
      type: RequestStateEnum,
      description: 'The state the response is for.',
      resolve: (r) => r.state as never,
    }),
    title: t.exposeString('title', { description: 'The template’s title.' }),
    text: t.exposeString('text', {
      description: 'The body with the request’s code, service, unit, deadline and assignee filled in.',
    }),
  }),
});

builder.prismaObjectFields('ServiceRequest', (t) => ({
  responseTemplates: t.field({
    type: [FilledTemplateRef],
    description:
      'The response templates of the request’s service, filled for it (issue 20), for handling staff of its unit and admins; empty for anyone else. `state` narrows them to one state.',
    args: { state: t.arg({ type: RequestStateEnum, description: 'Only templates for this state.' }) },
    select: {
      trackingCode: true,
      unitId: true,
      escalationLevel: true,
      escalationUnitId: true,
      serviceId: true,
      verifiedAt: true,
      verificationDueOn: true,
      completionDueOn: true,
      service: { select: { name: true } },
      unit: { select: { name: true } },
      assignee: { select: { name: true } },
    },
    resolve: async (r, args, ctx) => {
      if (!mayTriage(ctx.identity, r)) return [];
      const rows = await ctx.prisma.responseTemplate.findMany({
        where: { serviceId: r.serviceId, ...(args.state ? { state: args.state } : {}) },
        orderBy: [{ state: 'asc' }, { title: 'asc' }, { id: 'asc' }],
      });
      const due = r.verifiedAt && r.completionDueOn ? r.completionDueOn : r.verificationDueOn;
      const values = {
        kode: r.trackingCode,
        layanan: r.service.name,
        unit: r.unit.name,
        tenggat: dayOf(due),
        petugas: r.assignee?.name ?? '',
      };
      return rows.map((row) => {
        const filled = fillResponseTemplate(row.body, values);
        return { id: row.id, state: row.state, title: row.title, text: filled.ok ? filled.value : row.body };
      });
    },
  }),
}));

builder.queryField('responseTemplates', (t) =>
  t.prismaField({
    type: [ResponseTemplateRef],
    authScopes: { staff: true, admin: true },
    description:
      'The response templates of a service, by state then title: for the staff of its unit and admins (FORBIDDEN for other units). An unknown code gives an empty list.',
    args: {
      serviceCode: t.arg.string({ required: true, description: 'Service code (case-insensitive).' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const service = await ctx.prisma.service.findUnique({
        where: { code: args.serviceCode.trim().toUpperCase() },
        select: { id: true, unitId: true },
      });
      if (!service) return [];
      if (!mayTriage(ctx.identity, { unitId: service.unitId, escalationLevel: null, escalationUnitId: null }))
        throw forbidden();
      return ctx.prisma.responseTemplate.findMany({
        ...query,
        where: { serviceId: service.id },
        orderBy: [{ state: 'asc' }, { title: 'asc' }, { id: 'asc' }],
      });
    },
  }),
);

const PriorityInput = builder.inputType('SetServiceRequestPriorityInput', {
  description: 'The triage priority of a request, set by its handling staff.',
  fields: (t) => ({
    trackingCode: trackingCodeField(t),
    priority: t.field({ type: RequestPriorityEnum, required: true, description: 'NORMAL or URGENT.' }),
    reason: t.string({
      description: 'Why (10–500 characters); required for URGENT, optional for NORMAL. Staff only.',
    }),
    expectedVersion: expectedVersionField(t),
  }),
});

const TemplateFields = {
  state: 'The state the response is for: a transition’s target, or the request’s state for a note.',
  title: 'Short name staff pick it by (3–120 characters).',
  body: 'The text (10–4,000 characters); placeholders {kode}, {layanan}, {unit}, {tenggat}, {petugas}.',
} as const;

const CreateTemplateInput = builder.inputType('CreateResponseTemplateInput', {
  description: 'A new response template of a service for a state.',
  fields: (t) => ({
    serviceCode: t.string({ required: true, description: 'The service’s code (case-insensitive).' }),
    state: t.field({ type: RequestStateEnum, required: true, description: TemplateFields.state }),
    title: t.string({ required: true, description: TemplateFields.title }),
    body: t.string({ required: true, description: TemplateFields.body }),
  }),
});

const UpdateTemplateInput = builder.inputType('UpdateResponseTemplateInput', {
  description: 'A response template’s new state, title and text.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'ResponseTemplate.id.' }),
    state: t.field({ type: RequestStateEnum, required: true, description: TemplateFields.state }),
    title: t.string({ required: true, description: TemplateFields.title }),
    body: t.string({ required: true, description: TemplateFields.body }),
  }),
});

const DeleteTemplateInput = builder.inputType('DeleteResponseTemplateInput', {
  description: 'The response template to delete.',
  fields: (t) => ({ id: t.id({ required: true, description: 'ResponseTemplate.id.' }) }),
});

const TemplatePayload = entityPayload('ResponseTemplatePayload', 'The response template as saved.', {
  template: { type: ResponseTemplateRef, id: 'templateId', description: 'The template as it is now.' },
});

const DeletedTemplate = builder.objectRef<{ id: string }>('DeletedResponseTemplate').implement({
  description: 'A response template that was deleted.',
  fields: (t) => ({ id: t.exposeID('id', { description: 'The deleted template’s id.' }) }),
});

const TEMPLATE_ERRORS =
  'Errors: FORBIDDEN unless an admin or a supervisor of the service’s unit; NotFoundError (service or template); ValidationError RESPONSE_TEMPLATE_TITLE_INVALID, RESPONSE_TEMPLATE_BODY_INVALID, RESPONSE_TEMPLATE_PLACEHOLDER_UNKNOWN.';

builder.mutationFields((t) => ({
  setServiceRequestPriority: t.field({
    type: RequestPayload,
    description:
      'Sets the triage priority of a request (issue 20): handling staff and supervisors of its unit, or an admin; FORBIDDEN for other units and citizens. URGENT needs a reason. The trail gets an internal PRIORITY_SET entry; the citizen is not told. Errors: ValidationError PRIORITY_REASON_REQUIRED (field reason); NotFoundError; ConflictError on a stale expectedVersion.',
    authScopes: { staff: true, admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, PriorityInput, 'Which request, its priority and why.', async (deps, caller, input) =>
      requestPayload(await setRequestPriority(deps, caller, input)),
    ),
  }),
  createResponseTemplate: t.field({
    type: TemplatePayload,
    description: `Adds a response template to a service for a state (issue 20). ${TEMPLATE_ERRORS}`,
    authScopes: { supervisor: true, admin: true },
    errors: { types: [ValidationError, NotFoundError] },
    ...commandInput(
      t,
      CreateTemplateInput,
      'The service, state, title and text.',
      async (deps, caller, input) => ({
        templateId: (await saveResponseTemplate(deps, caller, input)).id,
      }),
    ),
  }),
  updateResponseTemplate: t.field({
    type: TemplatePayload,
    description: `Replaces a response template’s state, title and text. ${TEMPLATE_ERRORS}`,
    authScopes: { supervisor: true, admin: true },
    errors: { types: [ValidationError, NotFoundError] },
    ...commandInput(
      t,
      UpdateTemplateInput,
      'The template and its new content.',
      async (deps, caller, input) => ({
        templateId: (await saveResponseTemplate(deps, caller, { ...input, id: String(input.id) })).id,
      }),
    ),
  }),
  deleteResponseTemplate: t.field({
    type: DeletedTemplate,
    description:
      'Deletes a response template. Errors: FORBIDDEN unless an admin or a supervisor of the service’s unit; NotFoundError.',
    authScopes: { supervisor: true, admin: true },
    errors: { types: [NotFoundError] },
    ...commandInput(t, DeleteTemplateInput, 'The template to delete.', async (deps, caller, input) =>
      deleteResponseTemplate(deps, caller, { id: String(input.id) }),
    ),
  }),
}));
