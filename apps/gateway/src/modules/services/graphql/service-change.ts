// Four eyes on the service standard (issue 15 kind 7): proposals of a new version
// (proposeServiceChange, and the completion time or cost of updateService), the queue of pending
// ones, and the second person's decision (decideServiceChange).
import { documentSlotsOf, SERVICE_CHANGE_STATES, type ServiceAttribute } from '@layanan/domain/services';
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { filteredList } from '../../../graphql/connections.js';
import { entityPayload } from '../../../graphql/entity-payload.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { managedUnits, managesUnit } from '../../staff/access.js';
import {
  decideServiceChange,
  type ProposedVersion,
  proposeServiceChange,
} from '../commands/service-change.js';
import { asObject } from '../commands/version-check.js';
import { DocumentSlotRef, documentSlotsField } from './document-slots.js';
import { serviceCodeField } from './service.js';
import { AttributeInput, ServiceAttributeRef, toAttribute } from './service-version.js';

const ServiceChangeStateEnum = builder.enumType('ServiceChangeState', {
  values: SERVICE_CHANGE_STATES,
  description: 'PENDING until a second person decides; APPROVED (published as a new version) or REJECTED.',
});

const proposedOf = (c: { proposed: unknown }) => c.proposed as ProposedVersion;

const ServiceChangeRef = builder.prismaObject('ServiceChange', {
  description:
    'A proposed change of a service standard (four eyes, issue 15 kind 7): it is published as a new version only when a supervisor of the owning unit or an admin other than the proposer approves it with a reason.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Database id (UUID) of the proposal, for decideServiceChange.' }),
    service: t.relation('service', { description: 'The service the change is for.' }),
    state: t.expose('state', { type: ServiceChangeStateEnum, description: 'Where the proposal stands.' }),
    changedParts: t.exposeStringList('changedParts', {
      description:
        'What the proposal changes against its base version: standard component codes (UU 25/2009 art. 21, e.g. COMPLETION_TIME, COST, REQUIREMENTS) and NAME, ATTRIBUTES, COMPETENCY, DOCUMENT_SLOTS.',
    }),
    note: t.exposeString('note', { description: 'The proposer’s note: what changes and why.' }),
    baseVersion: t.relation('baseVersion', {
      nullable: true,
      description:
        'The version the proposal was made on; approval needs it to still be current (else ConflictError SERVICE_CHANGE_STALE).',
    }),
    proposedNameId: t.string({
      description: 'The proposed name in Indonesian.',
      resolve: (c) => proposedOf(c).nameId,
    }),
    proposedNameEn: t.string({
      description: 'The proposed name in English.',
      resolve: (c) => proposedOf(c).nameEn,
    }),
    proposedCompletionDays: t.int({
      description: 'The proposed completion time, in working days (UU 25/2009).',
      resolve: (c) => proposedOf(c).completionDays,
    }),
    proposedCostIdr: t.int({
      description: 'The proposed cost in rupiah (0 free, or a tariff described in the standard’s COST).',
      resolve: (c) => proposedOf(c).costIdr,
    }),
    proposedStandard: t.field({
      type: 'JSON',
      description: 'The proposed 14 components of the standard, by code.',
      resolve: (c) => asObject(proposedOf(c).standard),
    }),
    proposedAttributes: t.field({
      type: [ServiceAttributeRef],
      description: 'The proposed fields a citizen fills in (Open311 GeoReport v2 attributes).',
      resolve: (c) => proposedOf(c).attributes as ServiceAttribute[],
    }),
    proposedDocumentSlots: t.field({
      type: [DocumentSlotRef],
      description: 'The proposed requirements as document slots (issue 19).',
      resolve: (c) => documentSlotsOf(proposedOf(c).documentSlots),
    }),
    proposerName: t.string({
      description: 'Display name of the account that proposed the change.',
      select: { proposedBy: { select: { displayName: true } } },
      resolve: (c) => c.proposedBy.displayName,
    }),
    proposedAt: t.expose('proposedAt', { type: 'DateTime', description: 'When it was proposed.' }),
    deciderName: t.string({
      nullable: true,
      description: 'Display name of the account that decided; null while PENDING.',
      select: { decidedBy: { select: { displayName: true } } },
      resolve: (c) => c.decidedBy?.displayName ?? null,
    }),
    decidedAt: t.expose('decidedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was decided; null while PENDING.',
    }),
    decisionReason: t.exposeString('decisionReason', {
      nullable: true,
      description: 'Why it was approved or rejected; null while PENDING.',
    }),
    publishedVersion: t.relation('publishedVersion', {
      nullable: true,
      description: 'The version the approval published; null unless APPROVED.',
    }),
    mayDecide: t.boolean({
      description:
        'Whether the caller may decide it now: PENDING, the caller an admin or a supervisor of the owning unit’s tree, and not the proposer.',
      select: { state: true, unitId: true, proposedByAccountId: true },
      resolve: async (c, _a, ctx) =>
        c.state === 'PENDING' &&
        ctx.identity.kind === 'account' &&
        ctx.identity.accountId !== c.proposedByAccountId &&
        (await managesUnit(ctx, c.unitId)),
    }),
  }),
});

builder.queryFields((t) => ({
  pendingServiceChanges: t.prismaConnection({
    type: 'ServiceChange',
    cursor: 'id',
    maxSize: 100,
    description:
      'Four eyes (issue 15 kind 7): PENDING proposed changes of service standards, oldest first: of the units a supervisor heads (with their sub-units) or, for staff, of their own unit; all for admins. `mayDecide` tells which the caller may decide.',
    authScopes: { admin: true, supervisor: true, staff: true },
    ...filteredList(
      (ctx) => ctx.prisma.serviceChange,
      async (_args: object, ctx) => {
        const managed = await managedUnits(ctx);
        if (managed === 'ALL') return { state: 'PENDING' as const };
        const own = ctx.identity.kind === 'account' ? ctx.identity.unitId : null;
        const units = new Set([...(managed ?? []), ...(own ? [own] : [])]);
        return { state: 'PENDING' as const, unitId: { in: [...units] } };
      },
      [{ proposedAt: 'asc' as const }, { id: 'asc' as const }],
    ),
  }),
}));

const ProposeServiceChangeInput = builder.inputType('ProposeServiceChangeInput', {
  description:
    'A new version of a service’s standard, proposed; fields left out are copied from the current version.',
  fields: (t) => ({
    code: serviceCodeField(t),
    nameId: t.string({ description: 'New name in Indonesian.' }),
    nameEn: t.string({ description: 'New name in English.' }),
    standard: t.field({
      type: 'JSON',
      description: 'New service standard: all 14 components of UU 25/2009 art. 21 by code.',
    }),
    attributes: t.field({
      type: [AttributeInput],
      description: 'New list of attributes (replaces the old list).',
    }),
    requiredCompetencyCode: t.string({ description: 'New required competency code.' }),
    requiredLevel: t.int({ description: 'New minimum level (1–5) of the required competency.' }),
    documentSlots: documentSlotsField(
      t,
      'New list of document slots (replaces the old list; an empty list removes them all); a change of part DOCUMENT_SLOTS.',
    ),
    note: t.string({
      required: true,
      description: 'What changes and why, for the decider and the version history.',
    }),
  }),
});

const DecideServiceChangeInput = builder.inputType('DecideServiceChangeInput', {
  description: 'The second person’s decision on a proposed change of a service standard.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The proposal’s id (UUID), as pendingServiceChanges gives it.' }),
    approve: t.boolean({
      required: true,
      description: 'true publishes the proposal as the service’s new current version; false rejects it.',
    }),
    reason: t.string({
      required: true,
      description:
        'Why, 1–1000 characters; kept with the proposal (ValidationError SERVICE_CHANGE_REASON_INVALID).',
    }),
  }),
});

const ServiceChangePayload = entityPayload(
  'ServiceChangePayload',
  'The proposal after the change, and its service.',
  {
    serviceChange: {
      type: ServiceChangeRef,
      id: 'serviceChangeId',
      idDescription: 'The proposal’s id (UUID).',
      description: 'The proposal as now stored.',
    },
    service: {
      type: 'Service',
      id: 'serviceId',
      description: 'The service; its currentVersion changes only when a proposal is approved.',
    },
  },
);

builder.mutationFields((t) => ({
  proposeServiceChange: t.field({
    type: ServiceChangePayload,
    description:
      'Propose a new version of a service’s standard (completion time, cost, requirements, any of the 14 components, attributes, name, competency). Nothing published changes until a second person approves it (decideServiceChange). Admins, or supervisors of the owning unit. ValidationError SERVICE_CHANGE_EMPTY when it changes nothing.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    ...commandInput(t, ProposeServiceChangeInput, 'What changes.', (deps, caller, input) =>
      proposeServiceChange(deps, caller, {
        ...input,
        standard: input.standard != null ? asObject(input.standard) : null,
        attributes: input.attributes ? input.attributes.map(toAttribute) : null,
      }),
    ),
  }),
  decideServiceChange: t.field({
    type: ServiceChangePayload,
    description:
      'Approve (publish as the new current version) or reject a PENDING proposed change, with a reason. Admins and supervisors of the owning unit’s tree (FORBIDDEN otherwise), never the proposer (ConflictError SERVICE_CHANGE_OWN_PROPOSAL); decided once (ConflictError SERVICE_CHANGE_ALREADY_DECIDED); approval only while the proposal’s base is the current version (ConflictError SERVICE_CHANGE_STALE).',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(
      t,
      DecideServiceChangeInput,
      'The proposal, the decision and its reason.',
      (deps, caller, input) => decideServiceChange(deps, caller, { ...input, id: String(input.id) }),
    ),
  }),
}));
