// The closed loop in GraphQL (issue 6): improvement actions derived from a unit's survey,
// complaints and competency gaps, their dated updates, the element → competency mapping they are
// derived with; the queries, and the mutations that call the commands.
import type { Prisma } from '@layanan/db';
import {
  IMPROVEMENT_ACTION_STATUSES,
  type ImprovementActionStatus,
  isImprovementActionOverdue,
} from '@layanan/domain/feedback';
import { builder } from '../../../graphql/builder.js';
import { NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { dayOf, todayWib } from '../../../platform/calendar.js';
import { commandDeps } from '../../../platform/command.js';
import { generateImprovementActions } from '../commands/generate-improvement-actions.js';
import { setSkmCompetencyMapping } from '../commands/set-skm-competency-mapping.js';
import { updateImprovementAction } from '../commands/update-improvement-action.js';
import { periodOf, SkmElementCodeEnum, SkmPeriodInputRef } from './skm-types.js';

const ImprovementActionStatusEnum = builder.enumType('ImprovementActionStatus', {
  values: IMPROVEMENT_ACTION_STATUSES,
});

const ImprovementActionRef = builder.prismaNode('ImprovementAction', {
  id: { field: 'id' },
  description: 'An action derived from a unit’s survey, complaints and competency gaps, tracked to the end.',
  fields: (t) => ({
    unit: t.relation('unit'),
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
    title: t.string({ resolve: (a, _x, ctx) => (ctx.lang === 'en' ? a.titleEn : a.titleId) }),
    titleId: t.exposeString('titleId'),
    titleEn: t.exposeString('titleEn'),
    reason: t.string({ resolve: (a, _x, ctx) => (ctx.lang === 'en' ? a.reasonEn : a.reasonId) }),
    element: t.expose('element', { type: SkmElementCodeEnum, nullable: true }),
    owner: t.relation('owner', { nullable: true }),
    dueOn: t.string({ resolve: (a) => dayOf(a.dueOn) }),
    status: t.expose('status', { type: ImprovementActionStatusEnum }),
    progress: t.exposeInt('progress', { description: 'Percent, 0–100.' }),
    doneOn: t.string({ nullable: true, resolve: (a) => (a.doneOn ? dayOf(a.doneOn) : null) }),
    overdue: t.boolean({
      resolve: (a) => isImprovementActionOverdue({ status: a.status, dueOn: dayOf(a.dueOn) }, todayWib()),
    }),
    updates: t.relation('updates', { query: { orderBy: [{ date: 'asc' }, { createdAt: 'asc' }] } }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('ImprovementActionUpdate', {
  description: 'A dated progress update of an improvement action.',
  fields: (t) => ({
    progress: t.exposeInt('progress'),
    status: t.expose('status', { type: ImprovementActionStatusEnum }),
    note: t.exposeString('note'),
    date: t.string({ resolve: (u) => dayOf(u.date) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const SkmCompetencyMappingRef = builder.prismaObject('SkmCompetencyMapping', {
  description: 'An SKM element and a competency it depends on (data; admins edit it).',
  fields: (t) => ({
    element: t.expose('element', { type: SkmElementCodeEnum }),
    competency: t.relation('competency'),
    note: t.exposeString('note'),
  }),
});

builder.queryFields((t) => ({
  improvementActions: t.prismaConnection({
    type: 'ImprovementAction',
    cursor: 'id',
    description: 'Improvement actions, open ones with the nearest due date first. Staff and admins.',
    authScopes: { staff: true, admin: true },
    args: {
      unitCode: t.arg.string(),
      status: t.arg({ type: ImprovementActionStatusEnum }),
    },
    totalCount: (_root, args, ctx) => ctx.prisma.improvementAction.count({ where: actionsWhere(args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.improvementAction.findMany({
        ...query,
        where: actionsWhere(args),
        orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
      }),
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

function actionsWhere(args: {
  unitCode?: string | null;
  status?: ImprovementActionStatus | null;
}): Prisma.ImprovementActionWhereInput {
  return {
    ...(args.unitCode ? { unit: { code: args.unitCode.trim().toUpperCase() } } : {}),
    ...(args.status ? { status: args.status } : {}),
  };
}
const GeneratedRef = builder
  .objectRef<{ created: number; ids: string[] }>('ImprovementActionsGenerated')
  .implement({
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
    errors: { types: [ValidationError, NotFoundError], directResult: false },
    args: {
      unitCode: t.arg.string({ required: true }),
      period: t.arg({ type: SkmPeriodInputRef, required: true }),
    },
    resolve: (_root, args, ctx) =>
      generateImprovementActions(commandDeps(ctx), ctx.identity, {
        unitCode: args.unitCode,
        period: periodOf(args.period),
      }),
  }),
);

const UpdateImprovementActionInput = builder.inputType('UpdateImprovementActionInput', {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    progress: t.int({ description: 'Percent 0–100; 100 marks it done. Required unless cancelling.' }),
    note: t.string({ required: true, description: 'What was done (or why it is cancelled).' }),
    date: t.string({ description: 'YYYY-MM-DD; default today (WIB).' }),
    status: t.field({ type: ImprovementActionStatusEnum, description: 'Only CANCELLED is set directly.' }),
    ownerStaffId: t.globalID({ description: 'Hand the action to another active staff member of the unit.' }),
  }),
});

builder.mutationField('updateImprovementAction', (t) =>
  t.field({
    type: ImprovementActionRef,
    description:
      'Record progress on an improvement action (or cancel it with a reason), like commitment updates.',
    authScopes: { staff: true, admin: true },
    errors: { types: [ValidationError, NotFoundError], directResult: false },
    args: { input: t.arg({ type: UpdateImprovementActionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      updateImprovementAction(commandDeps(ctx), ctx.identity, {
        ...input,
        id: input.id.typename === 'ImprovementAction' ? input.id.id : null,
        rawId: String(input.id.id),
        ownerStaffId: input.ownerStaffId
          ? input.ownerStaffId.typename === 'Staff'
            ? input.ownerStaffId.id
            : ''
          : null,
      }),
  }),
);

const SetSkmCompetencyMappingInput = builder.inputType('SetSkmCompetencyMappingInput', {
  fields: (t) => ({
    element: t.field({ type: SkmElementCodeEnum, required: true }),
    competencyCodes: t.stringList({ required: true, description: 'Replaces the element’s competencies.' }),
    note: t.string(),
  }),
});

builder.mutationField('setSkmCompetencyMapping', (t) =>
  t.field({
    type: [SkmCompetencyMappingRef],
    description: 'Set which competencies an SKM element depends on (replaces the list). Admins.',
    authScopes: { admin: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: SetSkmCompetencyMappingInput, required: true }) },
    resolve: (_root, { input }, ctx) => setSkmCompetencyMapping(commandDeps(ctx), ctx.identity, input),
  }),
);
