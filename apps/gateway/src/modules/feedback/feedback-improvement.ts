// The closed loop (issue 6): a unit's weak SKM elements, the services with the most complaints
// and overdue requests, and the competency gaps of the staff who handle them become improvement
// actions with an owner and a due date, tracked like forum commitments. The rules are the
// domain's proposeImprovementActions; this file loads, stores and authorises.
import type { Prisma } from '@layanan/db';
import { addWorkingDays } from '@layanan/domain/calendar';
import { IMPROVEMENT_ACTION_STATUSES, proposeImprovementActions } from '@layanan/domain/feedback';
import {
  applyProgressUpdate,
  type CommitmentStatus,
  commitmentTransition,
  isCommitmentOverdue,
} from '@layanan/domain/forums';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { NotFoundError, ValidationError } from '../../graphql/errors.js';
import { audited } from '../../platform/audited.js';
import { accountIdOf, actsForUnit, forbidden } from '../../platform/authz.js';
import { dateOnly, dayOf, todayWib } from '../../platform/calendar.js';
import { isUuid } from '../../platform/uuid.js';
import { dayInput } from '../forums/commands/commitment.js';
import { unitSupervisorStaffId } from '../services/commands/request-workflow.js';
import { requestStatisticsRows } from '../services/request-statistics.js';
import { managesUnit, unitTree } from '../staff/access.js';
import { loadMembers, memberGaps } from '../staff/staff-reports.js';
import { periodOf, SkmElementCodeEnum, SkmPeriodInputRef } from './feedback.js';
import { ikmReport, resolveIkmScope } from './ikm-report.js';

const ImprovementActionStatusEnum = builder.enumType('ImprovementActionStatus', {
  values: IMPROVEMENT_ACTION_STATUSES,
});

type Status = (typeof IMPROVEMENT_ACTION_STATUSES)[number];
// Improvement actions follow the commitments' life cycle; OPEN is the commitments' PLANNED.
const toCommitment = (s: Status): CommitmentStatus => (s === 'OPEN' ? 'PLANNED' : s);
const fromCommitment = (s: CommitmentStatus): Status => (s === 'PLANNED' ? 'OPEN' : s);

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
      resolve: (a) =>
        isCommitmentOverdue({ status: toCommitment(a.status), dueDate: dayOf(a.dueOn) }, todayWib()),
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
  status?: Status | null;
}): Prisma.ImprovementActionWhereInput {
  return {
    ...(args.unitCode ? { unit: { code: args.unitCode.trim().toUpperCase() } } : {}),
    ...(args.status ? { status: args.status } : {}),
  };
}

// ---- generating actions --------------------------------------------------------------------

type GeneratedShape = { created: number; ids: string[] };

const GeneratedRef = builder.objectRef<GeneratedShape>('ImprovementActionsGenerated').implement({
  fields: (t) => ({
    created: t.exposeInt('created', { description: 'New actions; 0 when the period was already processed.' }),
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

/** Critiques in the forums about each of the unit's services in the period. */
async function critiquesByService(ctx: GraphQLContext, unitId: string, from: string, to: string) {
  const rows = await ctx.prisma.submission.groupBy({
    by: ['serviceId'],
    where: {
      kind: 'CRITIQUE',
      service: { unitId },
      createdAt: {
        gte: new Date(`${from}T00:00:00+07:00`),
        lt: new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000),
      },
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.serviceId, r._count._all]));
}

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
    resolve: async (_root, args, ctx) => {
      const period = periodOf(args.period);
      const scope = await resolveIkmScope(ctx.prisma, args.unitCode, null);
      const unitId = scope.unitId as string;
      if (!(await managesUnit(ctx, unitId))) throw forbidden();

      // Load: the survey result, the mapping, the staff of the unit (and its sub-units) with
      // their gaps, the courses, the services with complaints and overdue requests.
      const tree = await unitTree(ctx);
      const [ikm, mapping, members, courses, services, stats, critiques] = await Promise.all([
        ikmReport(ctx.prisma, scope, period),
        ctx.prisma.skmCompetencyMapping.findMany({ include: { competency: true } }),
        loadMembers(ctx, [...tree.subtree(unitId)]),
        ctx.prisma.trainingCourse.findMany({
          include: { covers: { include: { competency: { select: { code: true } } } } },
          orderBy: { code: 'asc' },
        }),
        ctx.prisma.service.findMany({
          where: { unitId },
          select: { id: true, code: true, name: true, kind: true },
        }),
        requestStatisticsRows(ctx.prisma, {
          from: period.from,
          to: period.to,
          groupBy: 'SERVICE',
          unitCode: scope.unitCode,
        }),
        critiquesByService(ctx, unitId, period.from, period.to),
      ]);
      const statsBy = new Map(stats.map((s) => [s.key, s]));
      const competencies = new Map(mapping.map((m) => [m.competency.code, { name: m.competency.name }]));
      const staffGaps = members.flatMap((m) =>
        memberGaps(m).gaps.map((g) => ({ staffId: m.id, competency: g.competency, gap: g.gap })),
      );

      // The domain decides.
      const proposed = proposeImprovementActions({
        unit: { code: scope.unitCode as string, name: scope.name },
        rule: ikm.rule,
        elements: ikm.elements.map((e) => ({ code: e.code, average: e.average })),
        mapping: mapping.map((m) => ({ element: m.element, competency: m.competency.code })),
        competencies,
        staffGaps,
        courses: courses.map((c) => ({
          code: c.code,
          name: c.name,
          covers: c.covers.map((k) => k.competency.code),
        })),
        services: services.map((s) => ({
          code: s.code,
          name: s.name,
          // Requests to a complaint service are complaints; critiques in the forums about a service too.
          complaints:
            (s.kind === 'COMPLAINT' ? (statsBy.get(s.code)?.count ?? 0) : 0) + (critiques.get(s.id) ?? 0),
          overdue: statsBy.get(s.code)?.overdue ?? 0,
        })),
      });

      // Store: owner the unit's supervisor, due dates in working days from today.
      const calendar = await ctx.calendar();
      const today = todayWib();
      const serviceIds = new Map(services.map((s) => [s.code, s.id]));
      const competencyIds = new Map(mapping.map((m) => [m.competency.code, m.competencyId]));
      return audited(
        ctx,
        { action: 'generateImprovementActions', entityType: 'ImprovementAction' },
        async (tx) => {
          const owner = await unitSupervisorStaffId(tx, unitId);
          const { count } = await tx.improvementAction.createMany({
            data: proposed.map((p) => ({
              unitId,
              periodKey: period.key,
              sourceKey: p.sourceKey,
              kind: p.kind,
              titleId: p.title.id,
              titleEn: p.title.en,
              reasonId: p.reason.id,
              reasonEn: p.reason.en,
              element: p.element,
              serviceId: p.serviceCode ? (serviceIds.get(p.serviceCode) ?? null) : null,
              competencyId: p.competency ? (competencyIds.get(p.competency) ?? null) : null,
              ownerStaffId: owner,
              dueOn: dateOnly(addWorkingDays(today, p.dueInWorkingDays, calendar)),
            })),
            skipDuplicates: true, // (unit, period, sourceKey) is unique: re-running adds nothing
          });
          const rows = await tx.improvementAction.findMany({
            where: { unitId, periodKey: period.key },
            select: { id: true },
            orderBy: { createdAt: 'asc' },
          });
          return {
            result: { created: count, ids: rows.map((r) => r.id) },
            entityId: null,
            after: {
              unitCode: scope.unitCode,
              period: period.key,
              proposed: proposed.length,
              created: count,
            },
          };
        },
      );
    },
  }),
);

// ---- tracking ------------------------------------------------------------------------------

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
    resolve: async (_root, { input }, ctx) => {
      const id = input.id.typename === 'ImprovementAction' && isUuid(input.id.id) ? input.id.id : null;
      const action = id
        ? await ctx.prisma.improvementAction.findUnique({
            where: { id },
            include: { updates: { orderBy: { date: 'desc' }, take: 1 } },
          })
        : null;
      if (!action) throw new NotFoundError('ImprovementAction', String(input.id.id));
      const caller = ctx.identity;
      const isOwner = caller.kind === 'account' && !!caller.staffId && caller.staffId === action.ownerStaffId;
      if (!(isOwner || actsForUnit(caller, action.unitId) || (await managesUnit(ctx, action.unitId))))
        throw forbidden();

      const today = todayWib();
      const date = input.date ? dayInput('date', input.date.trim()) : today;
      const current = toCommitment(action.status);
      let status: Status;
      let progress = action.progress;
      if (input.status === 'CANCELLED') {
        const change = commitmentTransition(current, 'CANCELLED', input.note);
        if (!change.ok) throw ValidationError.fromDomain(change.error, 'status');
        status = 'CANCELLED';
      } else {
        if (input.status) {
          throw ValidationError.fromFields([
            {
              field: 'status',
              code: 'NOT_ALLOWED',
              messageId: 'Status mengikuti kemajuan; hanya CANCELLED yang dapat diatur langsung',
              messageEn: 'The status follows the progress; only CANCELLED can be set directly',
            },
          ]);
        }
        const last = action.updates[0];
        const applied = applyProgressUpdate(
          {
            status: current,
            progress: action.progress,
            dueDate: dayOf(action.dueOn),
            ...(last ? { lastUpdateOn: dayOf(last.date) } : {}),
          },
          { progress: input.progress ?? Number.NaN, note: input.note, date },
          { today },
        );
        if (!applied.ok) {
          const fields: Record<string, string> = {
            COMMITMENT_PROGRESS_INVALID: 'progress',
            COMMITMENT_UPDATE_NOTE_REQUIRED: 'note',
            COMMITMENT_UPDATE_DATE_INVALID: 'date',
          };
          const field = fields[applied.error.code] ?? 'id';
          throw ValidationError.fromDomain(applied.error, field);
        }
        status = fromCommitment(applied.value.status);
        progress = applied.value.progress;
      }

      let ownerStaffId = action.ownerStaffId;
      if (input.ownerStaffId) {
        const staffId = input.ownerStaffId.typename === 'Staff' ? input.ownerStaffId.id : '';
        const staff = isUuid(staffId) ? await ctx.prisma.staff.findUnique({ where: { id: staffId } }) : null;
        if (!staff?.active || staff.unitId !== action.unitId) {
          throw ValidationError.fromFields([
            {
              field: 'ownerStaffId',
              code: 'NOT_ALLOWED',
              messageId: 'Penanggung jawab harus pegawai aktif unit ini',
              messageEn: 'The owner must be an active staff member of the unit',
            },
          ]);
        }
        ownerStaffId = staff.id;
      }

      const authorAccountId = accountIdOf(ctx.identity);
      if (!authorAccountId) throw forbidden();
      return audited(
        ctx,
        { action: 'updateImprovementAction', entityType: 'ImprovementAction' },
        async (tx) => {
          const after = await tx.improvementAction.update({
            where: { id: action.id },
            data: {
              status,
              progress,
              ownerStaffId,
              doneOn: status === 'DONE' ? dateOnly(date) : null,
              updates: {
                create: { progress, status, note: input.note.trim(), date: dateOnly(date), authorAccountId },
              },
            },
          });
          return {
            result: after,
            entityId: action.id,
            before: { status: action.status, progress: action.progress, ownerStaffId: action.ownerStaffId },
            after: { status, progress, ownerStaffId },
          };
        },
      );
    },
  }),
);

// ---- the mapping ---------------------------------------------------------------------------

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
    resolve: async (_root, { input }, ctx) => {
      const codes = [...new Set(input.competencyCodes.map((c) => c.trim().toUpperCase()))];
      const found = await ctx.prisma.competency.findMany({ where: { code: { in: codes } } });
      const missing = codes.filter((c) => !found.some((f) => f.code === c));
      if (missing.length > 0) {
        throw ValidationError.fromFields(
          missing.map((code) => ({
            field: `competencyCodes.${codes.indexOf(code)}`,
            code: 'NOT_FOUND',
            messageId: `Kompetensi ${code} tidak ditemukan`,
            messageEn: `Competency ${code} was not found`,
          })),
        );
      }
      const element = input.element;
      return audited(
        ctx,
        { action: 'setSkmCompetencyMapping', entityType: 'SkmCompetencyMapping' },
        async (tx) => {
          const before = await tx.skmCompetencyMapping.findMany({
            where: { element },
            include: { competency: true },
          });
          await tx.skmCompetencyMapping.deleteMany({ where: { element } });
          await tx.skmCompetencyMapping.createMany({
            data: found.map((c) => ({ element, competencyId: c.id, note: input.note?.trim() ?? '' })),
          });
          const rows = await tx.skmCompetencyMapping.findMany({
            where: { element },
            include: { competency: true },
            orderBy: { competency: { code: 'asc' } },
          });
          return {
            result: rows,
            entityId: element,
            before: { element, competencies: before.map((b) => b.competency.code) },
            after: { element, competencies: rows.map((r) => r.competency.code) },
          };
        },
      );
    },
  }),
);
