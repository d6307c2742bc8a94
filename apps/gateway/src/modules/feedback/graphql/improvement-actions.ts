// The closed loop in GraphQL (issue 6): improvement actions derived from a unit's survey,
// complaints and competency gaps, their dated updates, the element → competency mapping they are
// derived with; the queries, and the mutations that call the commands.
import type { Prisma } from '@layanan/db';
import {
  IMPROVEMENT_ACTION_STATUSES,
  type ImprovementActionStatus,
  isImprovementActionOverdue,
} from '@layanan/domain/feedback';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { commandArgs, commandInput } from '../../../graphql/command-fields.js';
import { filteredList } from '../../../graphql/connections.js';
import { dataPayload } from '../../../graphql/data-payload.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { nodeVisibility } from '../../../graphql/node-visibility.js';
import { dayOf, todayWib } from '../../../platform/calendar.js';
import { visibleImprovementActions } from '../access.js';
import { generateImprovementActions } from '../commands/generate-improvement-actions.js';
import { setSkmCompetencyMapping } from '../commands/set-skm-competency-mapping.js';
import { updateImprovementAction } from '../commands/update-improvement-action.js';
import { periodOf, SkmElementCodeEnum, unitPeriodArgs } from './skm-types.js';

const ImprovementActionStatusEnum = builder.enumType('ImprovementActionStatus', {
  description:
    'Where an improvement action stands: OPEN (no progress yet), IN_PROGRESS (1–99 %), DONE (100 %) or CANCELLED (with a reason).',
  values: IMPROVEMENT_ACTION_STATUSES,
});

const ImprovementActionRef = builder.prismaNode('ImprovementAction', {
  id: { field: 'id', description: 'The global node id (Relay): pass it to updateImprovementAction.' },
  description: 'An action derived from a unit’s survey, complaints and competency gaps, tracked to the end.',
  fields: (t) => ({
    unit: t.relation('unit', { description: 'The unit responsible for the action.' }),
    periodKey: t.exposeString('periodKey', {
      description: 'The survey period it came from, e.g. YEAR-2026.',
    }),
    sourceKey: t.exposeString('sourceKey', {
      description: 'What it was derived from, e.g. TRAINING:PELAYANAN_PUBLIK.',
    }),
    kind: t.exposeString('kind', {
      description:
        'TRAINING | REQUIREMENTS_REVIEW | PROCESS_REVIEW | COST_REVIEW | SERVICE_STANDARD_REVIEW | COMPLAINT_HANDLING | FACILITIES | STAFF_COACHING | SERVICE_REVIEW | OVERDUE_CLEARANCE',
    }),
    title: t.string({
      description: 'What to do, in the caller’s language.',
      resolve: (a, _x, ctx) => (ctx.lang === 'en' ? a.titleEn : a.titleId),
    }),
    titleId: t.exposeString('titleId', { description: 'What to do, in Indonesian.' }),
    titleEn: t.exposeString('titleEn', { description: 'What to do, in English.' }),
    reason: t.string({
      description: 'Why it was proposed (the figures it came from), in the caller’s language.',
      resolve: (a, _x, ctx) => (ctx.lang === 'en' ? a.reasonEn : a.reasonId),
    }),
    element: t.expose('element', {
      type: SkmElementCodeEnum,
      nullable: true,
      description: 'The weak SKM element it answers; null for actions from complaints or overdue requests.',
    }),
    owner: t.relation('owner', {
      nullable: true,
      description: 'The staff member responsible; null until someone is named.',
    }),
    dueOn: t.expose('dueOn', {
      type: 'Day',
      description: 'The WIB day it is due (YYYY-MM-DD), set in working days from generation by kind.',
    }),
    status: t.expose('status', { type: ImprovementActionStatusEnum, description: 'Where it stands.' }),
    progress: t.exposeInt('progress', { description: 'Percent, 0–100.' }),
    version: t.exposeInt('version', {
      description:
        'Incremented by every update; give it as expectedVersion so that a concurrent change is a ConflictError (COMMITMENT_VERSION_CONFLICT) instead of being overwritten.',
    }),
    doneOn: t.expose('doneOn', {
      type: 'Day',
      nullable: true,
      description: 'The WIB day it reached 100 % (YYYY-MM-DD); null unless DONE.',
    }),
    overdue: t.boolean({
      description: 'Open or in progress after its due day (today in WIB); never for DONE or CANCELLED.',
      resolve: (a) => isImprovementActionOverdue({ status: a.status, dueOn: dayOf(a.dueOn) }, todayWib()),
    }),
    updates: t.relation('updates', {
      description: 'Its progress updates, oldest day first.',
      query: { orderBy: [{ date: 'asc' }, { createdAt: 'asc' }] },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was generated.' }),
  }),
});

nodeVisibility(ImprovementActionRef, visibleImprovementActions);

builder.prismaObject('ImprovementActionUpdate', {
  description: 'A dated progress update of an improvement action.',
  fields: (t) => ({
    progress: t.exposeInt('progress', { description: 'Progress after the update, percent 0–100.' }),
    status: t.expose('status', {
      type: ImprovementActionStatusEnum,
      description: 'Status after the update.',
    }),
    note: t.exposeString('note', { description: 'What was done (or why it was cancelled).' }),
    decreaseReason: t.exposeString('decreaseReason', {
      nullable: true,
      description: 'The public reason when this update lowered the progress; null otherwise.',
    }),
    date: t.expose('date', {
      type: 'Day',
      description: 'The WIB day the work was done (YYYY-MM-DD).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the update was recorded.' }),
  }),
});

const SkmCompetencyMappingRef = builder.prismaObject('SkmCompetencyMapping', {
  description: 'An SKM element and a competency it depends on (data; admins edit it).',
  fields: (t) => ({
    element: t.expose('element', { type: SkmElementCodeEnum, description: 'The SKM element.' }),
    competency: t.relation('competency', {
      description: 'A competency whose gaps weaken the element (training actions name it).',
    }),
    note: t.exposeString('note', { description: 'Why they are linked; may be empty.' }),
  }),
});

builder.queryFields((t) => ({
  improvementActions: t.prismaConnection({
    type: 'ImprovementAction',
    cursor: 'id',
    description: 'Improvement actions, open ones with the nearest due date first. Staff and admins.',
    authScopes: { staff: true, admin: true },
    args: {
      unitCode: t.arg.string({
        description: 'Only this unit’s actions; an unknown code gives an empty list.',
      }),
      status: t.arg({ type: ImprovementActionStatusEnum, description: 'Only actions with this status.' }),
    },
    ...filteredList((ctx) => ctx.prisma.improvementAction, actionsWhere, [{ dueOn: 'asc' }, { id: 'asc' }]),
  }),
  skmCompetencyMappings: t.prismaField({
    type: [SkmCompetencyMappingRef],
    description: 'Which competencies each SKM element depends on. Staff and admins.',
    authScopes: { staff: true, admin: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.skmCompetencyMapping.findMany({
        ...query,
        orderBy: [{ element: 'asc' }, { competency: { code: 'asc' } }],
      }),
  }),
}));

function actionsWhere(
  args: { unitCode?: string | null; status?: ImprovementActionStatus | null },
  ctx: GraphQLContext,
): Prisma.ImprovementActionWhereInput {
  return {
    AND: [
      visibleImprovementActions(ctx.identity),
      args.unitCode ? { unit: { code: args.unitCode.trim().toUpperCase() } } : {},
      args.status ? { status: args.status } : {},
    ],
  };
}
const GeneratedRef = builder
  .objectRef<{ created: number; ids: string[] }>('ImprovementActionsGenerated')
  .implement({
    description: 'What generateImprovementActions made: how many are new, and every action of the period.',
    fields: (t) => ({
      created: t.exposeInt('created', {
        description: 'New actions; 0 when the period was already processed.',
      }),
      actions: t.prismaField({
        type: [ImprovementActionRef],
        description: 'Every action of the unit for the period (new and existing).',
        resolve: (query, g, _a, ctx) =>
          ctx.prisma.improvementAction.findMany({
            ...query,
            where: { id: { in: g.ids } },
            orderBy: { createdAt: 'asc' },
          }),
      }),
    }),
  });

// ---- mutations -----------------------------------------------------------------------------

builder.mutationField('generateImprovementActions', (t) =>
  t.field({
    type: GeneratedRef,
    description:
      'Propose improvement actions for a unit and period from weak elements, complaints/overdue requests and competency gaps. Idempotent. Supervisors of the unit, admins.',
    authScopes: { supervisor: true, admin: true },
    errors: dataPayload('generateImprovementActions', [ValidationError, NotFoundError], {
      what: 'the actions',
      data: 'How many actions are new, and every action of the unit for the period.',
    }),
    ...commandArgs(unitPeriodArgs, (deps, caller, args) =>
      generateImprovementActions(deps, caller, { unitCode: args.unitCode, period: periodOf(args.period) }),
    ),
  }),
);

const UpdateImprovementActionInput = builder.inputType('UpdateImprovementActionInput', {
  description: 'A progress update of an improvement action (updateImprovementAction).',
  fields: (t) => ({
    id: t.globalID({
      required: true,
      description: 'The ImprovementAction node id; NotFoundError when unknown.',
    }),
    progress: t.int({ description: 'Percent 0–100; 100 marks it done. Required unless cancelling.' }),
    note: t.string({ required: true, description: 'What was done (or why it is cancelled).' }),
    date: t.field({
      type: 'Day',
      description:
        'The WIB day the work was done, YYYY-MM-DD; default today. Not in the future, not before the last update.',
    }),
    status: t.field({ type: ImprovementActionStatusEnum, description: 'Only CANCELLED is set directly.' }),
    ownerStaffId: t.globalID({ description: 'Hand the action to another active staff member of the unit.' }),
    decreaseReason: t.string({
      description:
        'Public reason, required when progress is below the current progress (ValidationError COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED on decreaseReason).',
    }),
    expectedVersion: t.int({
      description:
        'The action version the author saw; when given and stale, a ConflictError COMMITMENT_VERSION_CONFLICT. Concurrent updates conflict either way.',
    }),
  }),
});

builder.mutationField('updateImprovementAction', (t) =>
  t.field({
    type: ImprovementActionRef,
    description:
      'Record progress on an improvement action (or cancel it with a reason), like commitment updates.',
    authScopes: { staff: true, admin: true },
    errors: dataPayload('updateImprovementAction', [ValidationError, NotFoundError, ConflictError], {
      what: 'the action',
      data: 'The action after the update, with its updates.',
    }),
    ...commandInput(t, UpdateImprovementActionInput, 'The update.', (deps, caller, input) =>
      updateImprovementAction(deps, caller, {
        ...input,
        id: input.id.typename === 'ImprovementAction' ? input.id.id : null,
        rawId: String(input.id.id),
        ownerStaffId: input.ownerStaffId
          ? input.ownerStaffId.typename === 'Staff'
            ? input.ownerStaffId.id
            : ''
          : null,
      }),
    ),
  }),
);

const SetSkmCompetencyMappingInput = builder.inputType('SetSkmCompetencyMappingInput', {
  description: 'The competencies an SKM element depends on (setSkmCompetencyMapping).',
  fields: (t) => ({
    element: t.field({ type: SkmElementCodeEnum, required: true, description: 'The SKM element.' }),
    competencyCodes: t.stringList({
      required: true,
      description:
        'Catalogue competency codes; replaces the element’s list (empty clears it). Unknown codes are a ValidationError.',
    }),
    note: t.string({ description: 'Why they are linked (optional).' }),
  }),
});

builder.mutationField('setSkmCompetencyMapping', (t) =>
  t.field({
    type: [SkmCompetencyMappingRef],
    description: 'Set which competencies an SKM element depends on (replaces the list). Admins.',
    authScopes: { admin: true },
    errors: dataPayload('setSkmCompetencyMapping', [ValidationError], {
      what: 'the element’s mappings',
      data: 'The element’s competency mappings as now stored.',
    }),
    ...commandInput(t, SetSkmCompetencyMappingInput, 'The mapping.', setSkmCompetencyMapping),
  }),
);
