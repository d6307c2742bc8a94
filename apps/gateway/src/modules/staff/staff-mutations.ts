// Staff mutations (issue 3). Each reads as: authorize, load, call the domain rule, map the
// result; every domain error code becomes a typed union member, and every change writes its
// audit entry in the same transaction (audited).
import type { DomainError, FieldError } from '@layanan/domain';
import { parseDay } from '@layanan/domain/calendar';
import {
  checkSangatBaikQuota,
  jpToMinutes,
  type ParsedNip,
  parseCompetencyLevel,
  parseNip,
  parsePnsRank,
  parsePppkGrade,
  performanceRating,
  pnsRankOrder,
  pppkGradeOrder,
  validateTrainingRecord,
} from '@layanan/domain/staff';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { FailureInterface } from '../../graphql/error-types.js';
import {
  ConflictError,
  type FieldProblem,
  LayananError,
  NotFoundError,
  ValidationError,
} from '../../graphql/errors.js';
import { audited, type TransactionClient } from '../../platform/audited.js';
import { dateOnly, todayWib as todayWibDay } from '../../platform/calendar.js';
import { canReadPrivate, forbidden, managesUnit, unitTree } from './access.js';
import { ExpectationEnum, PredikatEnum } from './staff.js';
import { StaffSummaryRef } from './staff-reports.js';

// ---- errors --------------------------------------------------------------------------------

/** SKP_QUOTA_EXCEEDED: names the excess so the supervisor can decide whom to revise. */
export class SkpQuotaExceededError extends LayananError {
  constructor(
    error: DomainError<string>,
    readonly allowed: number,
    readonly actual: number,
    readonly excess: number,
    readonly holders: readonly { id: string; name: string }[],
  ) {
    super(
      error.code,
      `${error.message.id} Diizinkan ${allowed}, diberikan ${actual}: kurangi ${excess} dari ${holders.map((h) => h.name).join(', ')}.`,
      `${error.message.en} Allowed ${allowed}, given ${actual}: revise ${excess} of ${holders.map((h) => h.name).join(', ')}.`,
    );
    this.name = 'SkpQuotaExceededError';
  }
}

builder.objectType(SkpQuotaExceededError, {
  name: 'SkpQuotaExceededError',
  interfaces: [FailureInterface],
  isTypeOf: (value) => value instanceof SkpQuotaExceededError,
  fields: (t) => ({
    allowed: t.exposeInt('allowed'),
    actual: t.exposeInt('actual'),
    excess: t.exposeInt('excess'),
    holders: t.field({
      type: [StaffSummaryRef],
      description: 'Who holds "Sangat Baik" in the period.',
      resolve: (e) => [...e.holders],
    }),
  }),
});

function problem(field: string, error: { code: string; message: { id: string; en: string } }): FieldProblem {
  return { field, code: error.code, messageId: error.message.id, messageEn: error.message.en };
}

function fieldProblems(fields: readonly FieldError[], prefix = ''): FieldProblem[] {
  return fields.map((f) => problem(`${prefix}${f.field}`, f));
}

/** One problem keeps its own code (e.g. NIP_INVALID_BIRTH_DATE); several become VALIDATION_FAILED. */
function invalid(problems: readonly FieldProblem[]): ValidationError {
  const [only] = problems;
  if (problems.length === 1 && only)
    return new ValidationError(only.code, only.messageId, only.messageEn, [only]);
  return ValidationError.fromFields(problems);
}

const required = (field: string): FieldProblem => ({
  field,
  code: 'REQUIRED',
  messageId: `Kolom ${field} wajib diisi.`,
  messageEn: `The field ${field} is required.`,
});

function checkRank(
  rank: string,
  kind: ParsedNip['kind'],
  problems: FieldProblem[],
): { label: string; order: number } | null {
  if (kind === 'PNS') {
    const r = parsePnsRank(rank);
    if (r.ok) return { label: r.value.label, order: pnsRankOrder(r.value.code) };
    problems.push(problem('rank', r.error));
    return null;
  }
  const g = parsePppkGrade(rank);
  if (g.ok) return { label: g.value, order: pppkGradeOrder(g.value) };
  problems.push(problem('rank', g.error));
  return null;
}

function checkDay(field: string, value: string | null | undefined, problems: FieldProblem[]): Date | null {
  if (value == null) return null;
  const d = parseDay(value);
  if (!d.ok) {
    problems.push(problem(field, d.error));
    return null;
  }
  return new Date(`${d.value}T00:00:00.000Z`);
}

function checkYear(year: number, problems: FieldProblem[]): void {
  if (!Number.isInteger(year) || year < 1970 || year > 2100) {
    problems.push({
      field: 'year',
      code: 'OUT_OF_RANGE',
      messageId: 'Tahun harus antara 1970 dan 2100.',
      messageEn: 'The year must be between 1970 and 2100.',
    });
  }
}

/** Today in WIB as a `@db.Date` value. */
function todayWib(): Date {
  return dateOnly(todayWibDay());
}

async function loadStaff(tx: TransactionClient, id: { typename: string; id: string }) {
  const staff = id.typename === 'Staff' ? await tx.staff.findUnique({ where: { id: id.id } }) : null;
  if (!staff) throw new NotFoundError('Staff', id.id);
  return staff;
}

async function requireManages(ctx: GraphQLContext, unitId: string): Promise<void> {
  if (!(await managesUnit(ctx, unitId))) throw forbidden();
}

// ---- payloads ------------------------------------------------------------------------------

const StaffPayload = (name: string) => {
  const ref = builder.objectRef<{ staffId: string }>(name).implement({
    fields: (t) => ({ staffId: t.exposeID('staffId') }),
  });
  builder.objectFields(ref, (t) => ({
    staff: t.prismaField({
      type: 'Staff',
      resolve: (query, payload, _args, ctx) =>
        ctx.prisma.staff.findUniqueOrThrow({ ...query, where: { id: payload.staffId } }),
    }),
  }));
  return ref;
};

const RegisterStaffPayload = StaffPayload('RegisterStaffPayload');
const UpdateStaffPayload = StaffPayload('UpdateStaffPayload');
const SetCompetencyHoldingPayload = StaffPayload('SetCompetencyHoldingPayload');

const RecordTrainingPayload = builder
  .objectRef<{ staffId: string; trainingRecordId: string; jp: number }>('RecordTrainingPayload')
  .implement({
    fields: (t) => ({
      staffId: t.exposeID('staffId'),
      trainingRecordId: t.exposeID('trainingRecordId'),
      jp: t.exposeFloat('jp'),
    }),
  });
builder.objectFields(RecordTrainingPayload, (t) => ({
  staff: t.prismaField({
    type: 'Staff',
    resolve: (query, payload, _args, ctx) =>
      ctx.prisma.staff.findUniqueOrThrow({ ...query, where: { id: payload.staffId } }),
  }),
}));

const RatePerformancePayload = builder
  .objectRef<{
    staffId: string;
    year: number;
    predikat: 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG_MISCONDUCT' | 'SANGAT_KURANG';
  }>('RatePerformancePayload')
  .implement({
    fields: (t) => ({
      staffId: t.exposeID('staffId'),
      year: t.exposeInt('year'),
      predikat: t.field({ type: PredikatEnum, resolve: (p) => p.predikat }),
    }),
  });
builder.objectFields(RatePerformancePayload, (t) => ({
  staff: t.prismaField({
    type: 'Staff',
    resolve: (query, payload, _args, ctx) =>
      ctx.prisma.staff.findUniqueOrThrow({ ...query, where: { id: payload.staffId } }),
  }),
}));

const SetPositionRequirementsPayload = builder
  .objectRef<{ positionId: string }>('SetPositionRequirementsPayload')
  .implement({ fields: (t) => ({ positionId: t.exposeID('positionId') }) });
builder.objectFields(SetPositionRequirementsPayload, (t) => ({
  position: t.prismaField({
    type: 'Position',
    resolve: (query, payload, _args, ctx) =>
      ctx.prisma.position.findUniqueOrThrow({ ...query, where: { id: payload.positionId } }),
  }),
}));

const FinaliseUnitPeriodPayload = builder
  .objectRef<{ unitId: string; year: number; people: number; sangatBaik: number; allowed: number }>(
    'FinaliseUnitPeriodPayload',
  )
  .implement({
    fields: (t) => ({
      year: t.exposeInt('year'),
      people: t.exposeInt('people'),
      sangatBaik: t.exposeInt('sangatBaik'),
      allowed: t.exposeInt('allowed'),
    }),
  });
builder.objectFields(FinaliseUnitPeriodPayload, (t) => ({
  unit: t.prismaField({
    type: 'Unit',
    resolve: (query, payload, _args, ctx) =>
      ctx.prisma.unit.findUniqueOrThrow({ ...query, where: { id: payload.unitId } }),
  }),
}));

// ---- inputs --------------------------------------------------------------------------------

const RegisterStaffInput = builder.inputType('RegisterStaffInput', {
  fields: (t) => ({
    nip: t.string({
      required: true,
      description: '18 digits, spaces allowed; kind, birth date, TMT and gender are derived from it.',
    }),
    name: t.string({ required: true }),
    unitCode: t.string({ required: true }),
    position: t.string({ description: 'Position title; defaults to the catalogue name of positionCode.' }),
    positionCode: t.string(),
    rank: t.string({ description: 'PNS golongan/ruang (III/a) or PPPK grade (IX).' }),
    rankEffectiveOn: t.string({ description: 'TMT of the rank, YYYY-MM-DD; default today.' }),
  }),
});

const UpdateStaffInput = builder.inputType('UpdateStaffInput', {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    name: t.string(),
    unitCode: t.string(),
    position: t.string(),
    positionCode: t.string(),
    rank: t.string(),
    rankEffectiveOn: t.string(),
    decreeNumber: t.string(),
    active: t.boolean(),
  }),
});

const RecordTrainingInput = builder.inputType('RecordTrainingInput', {
  fields: (t) => ({
    staffId: t.globalID({ required: true }),
    courseCode: t.string({ description: 'A course of the catalogue; its name is the default title.' }),
    title: t.string(),
    completedOn: t.string({ required: true, description: 'YYYY-MM-DD, not in the future.' }),
    jp: t.float({ description: 'Length in JP (45 minutes); give jp or minutes, not both.' }),
    minutes: t.float(),
  }),
});

const SetCompetencyHoldingInput = builder.inputType('SetCompetencyHoldingInput', {
  fields: (t) => ({
    staffId: t.globalID({ required: true }),
    competencyCode: t.string({ required: true }),
    level: t.int({ required: true, description: '1–5 (PermenPANRB 38/2017).' }),
  }),
});

const RequirementInput = builder.inputType('CompetencyRequirementInput', {
  fields: (t) => ({
    competencyCode: t.string({ required: true }),
    level: t.int({ required: true }),
  }),
});

const SetPositionRequirementsInput = builder.inputType('SetPositionRequirementsInput', {
  fields: (t) => ({
    positionCode: t.string({ required: true }),
    name: t.string({ description: 'Required when the position is new.' }),
    requirements: t.field({ type: [RequirementInput], required: true }),
  }),
});

const RatePerformanceInput = builder.inputType('RatePerformanceInput', {
  fields: (t) => ({
    staffId: t.globalID({ required: true }),
    year: t.int({ required: true }),
    results: t.field({ type: ExpectationEnum, required: true, description: 'Hasil kerja.' }),
    behaviour: t.field({ type: ExpectationEnum, required: true, description: 'Perilaku kerja (BerAKHLAK).' }),
    note: t.string(),
  }),
});

const QuotaRoundingEnum = builder.enumType('QuotaRounding', { values: ['FLOOR', 'ROUND', 'CEIL'] as const });

const FinaliseUnitPeriodInput = builder.inputType('FinaliseUnitPeriodInput', {
  fields: (t) => ({
    unitCode: t.string({ required: true }),
    year: t.int({ required: true }),
    sangatBaikMaxShare: t.float({
      required: true,
      description: 'The organisation’s cap on "Sangat Baik" ratings, a share 0–1 (configurable, not law).',
    }),
    rounding: t.field({ type: QuotaRoundingEnum, defaultValue: 'FLOOR' }),
  }),
});

// ---- mutations -----------------------------------------------------------------------------

builder.mutationFields((t) => ({
  registerStaff: t.field({
    type: RegisterStaffPayload,
    description:
      'Add a civil servant to the register (BKPSDM admins). Fields derived from the NIP are not asked twice.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: RegisterStaffInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      // The unit tree is read before the transaction: on PGlite a read outside it would wait for it.
      await unitTree(ctx);
      return audited(ctx, { action: 'registerStaff', entityType: 'Staff' }, async (tx) => {
        const problems: FieldProblem[] = [];
        const nip = parseNip(input.nip, { now: new Date() });
        if (!nip.ok) problems.push(problem('nip', nip.error));
        const name = input.name.trim();
        if (!name) problems.push(required('name'));
        const rank = input.rank && nip.ok ? checkRank(input.rank, nip.value.kind, problems) : null;
        const rankDay = checkDay('rankEffectiveOn', input.rankEffectiveOn, problems);
        const position = await resolvePosition(tx, input.positionCode, input.position, problems);
        if (problems.length > 0 || !nip.ok) throw invalid(problems);
        const unitCode = input.unitCode.trim().toUpperCase();
        const unit = await tx.unit.findUnique({ where: { code: unitCode } });
        if (!unit) throw new NotFoundError('Unit', unitCode);
        if (await tx.staff.findUnique({ where: { nip: nip.value.nip } })) {
          throw new ConflictError(
            'STAFF_NIP_TAKEN',
            'NIP ini sudah terdaftar atas pegawai lain.',
            'This NIP is already registered to another staff member.',
          );
        }
        const after = await tx.staff.create({
          data: {
            nip: nip.value.nip,
            name,
            kind: nip.value.kind,
            birthDate: new Date(`${nip.value.birthDate}T00:00:00.000Z`),
            appointment: nip.value.appointment,
            gender: nip.value.gender,
            rank: rank?.label ?? null,
            rankOrder: rank?.order ?? null,
            position: position.title,
            positionId: position.id,
            unitId: unit.id,
            ...(rank
              ? {
                  rankHistory: {
                    create: { rank: rank.label, rankOrder: rank.order, effectiveOn: rankDay ?? todayWib() },
                  },
                }
              : {}),
          },
        });
        return { result: { staffId: after.id }, entityId: after.id, before: null, after };
      });
    },
  }),

  updateStaff: t.field({
    type: UpdateStaffPayload,
    description:
      'Change name, unit, position, rank (kept in the rank history) or active flag. Admins, or supervisors within their unit tree. The NIP never changes.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: UpdateStaffInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      // The unit tree is read before the transaction: on PGlite a read outside it would wait for it.
      await unitTree(ctx);
      return audited(ctx, { action: 'updateStaff', entityType: 'Staff' }, async (tx) => {
        const before = await loadStaff(tx, input.id);
        await requireManages(ctx, before.unitId);
        const problems: FieldProblem[] = [];
        const name = input.name?.trim();
        if (input.name != null && !name) problems.push(required('name'));
        const rank = input.rank ? checkRank(input.rank, before.kind, problems) : null;
        const rankDay = checkDay('rankEffectiveOn', input.rankEffectiveOn, problems);
        const position =
          input.positionCode != null || input.position != null
            ? await resolvePosition(tx, input.positionCode, input.position ?? before.position, problems)
            : null;
        if (problems.length > 0) throw invalid(problems);
        let unitId = before.unitId;
        if (input.unitCode) {
          const code = input.unitCode.trim().toUpperCase();
          const unit = (await unitTree(ctx)).byCode.get(code);
          if (!unit) throw new NotFoundError('Unit', code);
          await requireManages(ctx, unit.id);
          unitId = unit.id;
        }
        if (rank && rank.label !== before.rank) {
          await tx.rankHistory.upsert({
            where: { staffId_rank: { staffId: before.id, rank: rank.label } },
            create: {
              staffId: before.id,
              rank: rank.label,
              rankOrder: rank.order,
              effectiveOn: rankDay ?? todayWib(),
              decreeNumber: input.decreeNumber ?? null,
            },
            update: { effectiveOn: rankDay ?? todayWib(), decreeNumber: input.decreeNumber ?? null },
          });
        }
        const after = await tx.staff.update({
          where: { id: before.id },
          data: {
            ...(name ? { name } : {}),
            unitId,
            ...(position ? { position: position.title, positionId: position.id } : {}),
            ...(rank ? { rank: rank.label, rankOrder: rank.order } : {}),
            ...(input.active == null ? {} : { active: input.active }),
          },
        });
        return { result: { staffId: after.id }, entityId: after.id, before, after };
      });
    },
  }),

  recordTraining: t.field({
    type: RecordTrainingPayload,
    description:
      'Record a completed training in JP or minutes (1 JP = 45 minutes). The person, their supervisors and admins.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: RecordTrainingInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      // The unit tree is read before the transaction: on PGlite a read outside it would wait for it.
      await unitTree(ctx);
      return audited(ctx, { action: 'recordTraining', entityType: 'TrainingRecord' }, async (tx) => {
        const staff = await loadStaff(tx, input.staffId);
        if (!(await canReadPrivate(ctx, staff))) throw forbidden();
        const course = input.courseCode
          ? await tx.trainingCourse.findUnique({ where: { code: input.courseCode.trim().toUpperCase() } })
          : null;
        if (input.courseCode && !course)
          throw new NotFoundError('TrainingCourse', input.courseCode.trim().toUpperCase());
        const problems: FieldProblem[] = [];
        const title = input.title?.trim() || course?.name || '';
        if (!title) problems.push(required('title'));
        const checked = validateTrainingRecord(
          {
            personId: staff.id,
            completedOn: input.completedOn,
            ...(input.jp == null ? {} : { jp: input.jp }),
            ...(input.minutes == null ? {} : { minutes: input.minutes }),
          },
          { now: new Date() },
        );
        if (!checked.ok) {
          const fields = [...problems, ...fieldProblems(checked.error.fields)];
          throw new ValidationError(
            checked.error.code,
            checked.error.message.id,
            checked.error.message.en,
            fields,
          );
        }
        if (problems.length > 0) throw invalid(problems);
        const completedOn = new Date(`${checked.value.completedOn}T00:00:00.000Z`);
        const duplicate = await tx.trainingRecord.findUnique({
          where: { staffId_title_completedOn: { staffId: staff.id, title, completedOn } },
        });
        if (duplicate) {
          throw new ConflictError(
            'TRAINING_RECORD_DUPLICATE',
            'Pelatihan ini sudah dicatat untuk pegawai ini pada tanggal tersebut.',
            'This training is already recorded for this staff member on that date.',
          );
        }
        const after = await tx.trainingRecord.create({
          data: {
            staffId: staff.id,
            courseId: course?.id ?? null,
            title,
            completedOn,
            minutes: input.minutes ?? jpToMinutes(checked.value.jp),
          },
        });
        return {
          result: { staffId: staff.id, trainingRecordId: after.id, jp: checked.value.jp },
          entityId: after.id,
          before: null,
          after,
        };
      });
    },
  }),

  setCompetencyHolding: t.field({
    type: SetCompetencyHoldingPayload,
    description:
      'Set the level (1–5) at which a person holds a competency. Admins and supervisors of the unit tree.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: SetCompetencyHoldingInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      // The unit tree is read before the transaction: on PGlite a read outside it would wait for it.
      await unitTree(ctx);
      return audited(ctx, { action: 'setCompetencyHolding', entityType: 'StaffCompetency' }, async (tx) => {
        const staff = await loadStaff(tx, input.staffId);
        await requireManages(ctx, staff.unitId);
        const level = parseCompetencyLevel(input.level);
        if (!level.ok) throw ValidationError.fromDomain(level.error, 'level');
        const code = input.competencyCode.trim().toUpperCase();
        const competency = await tx.competency.findUnique({ where: { code } });
        if (!competency) throw new NotFoundError('Competency', code);
        const key = { staffId_competencyId: { staffId: staff.id, competencyId: competency.id } };
        const before = await tx.staffCompetency.findUnique({ where: key });
        const after = await tx.staffCompetency.upsert({
          where: key,
          create: { staffId: staff.id, competencyId: competency.id, level: level.value },
          update: { level: level.value, assessedAt: new Date() },
        });
        return {
          result: { staffId: staff.id },
          entityId: staff.id,
          before: before && { competency: code, level: before.level },
          after: { competency: code, level: after.level },
        };
      });
    },
  }),

  setPositionRequirements: t.field({
    type: SetPositionRequirementsPayload,
    description: 'Create a position or replace the competencies (and levels) it requires. Admins.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: SetPositionRequirementsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      // The unit tree is read before the transaction: on PGlite a read outside it would wait for it.
      await unitTree(ctx);
      return audited(ctx, { action: 'setPositionRequirements', entityType: 'Position' }, async (tx) => {
        const code = input.positionCode.trim().toUpperCase();
        const problems: FieldProblem[] = [];
        if (!code) problems.push(required('positionCode'));
        const existing = code
          ? await tx.position.findUnique({
              where: { code },
              include: { requirements: { include: { competency: true } } },
            })
          : null;
        const name = input.name?.trim();
        if (!existing && !name) problems.push(required('name'));
        const seen = new Set<string>();
        const wanted = input.requirements.map((r, i) => {
          const competencyCode = r.competencyCode.trim().toUpperCase();
          if (seen.has(competencyCode)) {
            problems.push({
              field: `requirements.${i}.competencyCode`,
              code: 'DUPLICATE',
              messageId: `Kompetensi ${competencyCode} disebut lebih dari sekali.`,
              messageEn: `Competency ${competencyCode} is listed more than once.`,
            });
          }
          seen.add(competencyCode);
          const level = parseCompetencyLevel(r.level);
          if (!level.ok) problems.push(problem(`requirements.${i}.level`, level.error));
          return { competencyCode, level: r.level };
        });
        if (problems.length > 0) throw invalid(problems);
        const competencies = await tx.competency.findMany({ where: { code: { in: [...seen] } } });
        const idOf = new Map(competencies.map((c) => [c.code, c.id]));
        const missing = wanted.find((w) => !idOf.has(w.competencyCode));
        if (missing) throw new NotFoundError('Competency', missing.competencyCode);
        const position = existing
          ? await tx.position.update({ where: { id: existing.id }, data: name ? { name } : {} })
          : await tx.position.create({ data: { code, name: name as string } });
        await tx.positionRequirement.deleteMany({ where: { positionId: position.id } });
        await tx.positionRequirement.createMany({
          data: wanted.map((w) => ({
            positionId: position.id,
            competencyId: idOf.get(w.competencyCode) as string,
            level: w.level,
          })),
        });
        const summary = (rs: readonly { competencyCode: string; level: number }[]) =>
          Object.fromEntries(rs.map((r) => [r.competencyCode, r.level]));
        return {
          result: { positionId: position.id },
          entityId: position.id,
          before: existing && {
            code,
            name: existing.name,
            requirements: summary(
              existing.requirements.map((r) => ({ competencyCode: r.competency.code, level: r.level })),
            ),
          },
          after: { code, name: position.name, requirements: summary(wanted) },
        };
      });
    },
  }),

  ratePerformance: t.field({
    type: RatePerformancePayload,
    description:
      'Rate a person’s SKP for a year: results and behaviour give the predikat by the PermenPANRB 6/2022 matrix. Supervisors of the unit tree and admins; not oneself; not after the period is finalised.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: RatePerformanceInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      // The unit tree is read before the transaction: on PGlite a read outside it would wait for it.
      await unitTree(ctx);
      return audited(ctx, { action: 'ratePerformance', entityType: 'PerformanceRating' }, async (tx) => {
        const staff = await loadStaff(tx, input.staffId);
        await requireManages(ctx, staff.unitId);
        if (ctx.identity.kind === 'account' && ctx.identity.staffId === staff.id) {
          throw new ConflictError(
            'SKP_SELF_RATING',
            'Pegawai tidak dapat menilai kinerjanya sendiri.',
            'Staff cannot rate their own performance.',
          );
        }
        const problems: FieldProblem[] = [];
        checkYear(input.year, problems);
        if (problems.length > 0) throw invalid(problems);
        const period = await tx.performancePeriod.upsert({
          where: { unitId_year: { unitId: staff.unitId, year: input.year } },
          create: { unitId: staff.unitId, year: input.year },
          update: {},
        });
        if (period.finalised) throw periodFinalised();
        const predikat = performanceRating(input.results, input.behaviour);
        const key = { periodId_staffId: { periodId: period.id, staffId: staff.id } };
        const before = await tx.performanceRating.findUnique({ where: key });
        const data = {
          results: input.results,
          behaviour: input.behaviour,
          predikat,
          note: input.note?.trim() ?? '',
          ratedById: ctx.identity.kind === 'account' ? ctx.identity.accountId : null,
        };
        const after = await tx.performanceRating.upsert({
          where: key,
          create: { periodId: period.id, staffId: staff.id, ...data },
          update: data,
        });
        return {
          result: { staffId: staff.id, year: input.year, predikat },
          entityId: after.id,
          before,
          after: { ...after, year: input.year },
        };
      });
    },
  }),

  finaliseUnitPeriod: t.field({
    type: FinaliseUnitPeriodPayload,
    description:
      'Finalise a unit’s SKP ratings for a year after checking the "Sangat Baik" quota; on excess the error names who holds the rating.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [SkpQuotaExceededError, ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: FinaliseUnitPeriodInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      // The unit tree is read before the transaction: on PGlite a read outside it would wait for it.
      await unitTree(ctx);
      return audited(ctx, { action: 'finaliseUnitPeriod', entityType: 'PerformancePeriod' }, async (tx) => {
        const code = input.unitCode.trim().toUpperCase();
        const unit = (await unitTree(ctx)).byCode.get(code);
        if (!unit) throw new NotFoundError('Unit', code);
        await requireManages(ctx, unit.id);
        const period = await tx.performancePeriod.findUnique({
          where: { unitId_year: { unitId: unit.id, year: input.year } },
          include: { ratings: { include: { staff: { select: { id: true, name: true } } } } },
        });
        if (!period) throw new NotFoundError('PerformancePeriod', `${code} ${input.year}`);
        if (period.finalised) throw periodFinalised();
        const checked = checkSangatBaikQuota(
          period.ratings.map((r) => ({ personId: r.staffId, rating: r.predikat })),
          { maxShare: input.sangatBaikMaxShare, rounding: input.rounding ?? 'FLOOR' },
        );
        if (!checked.ok) {
          if (checked.error.code === 'SKP_QUOTA_RULE_INVALID') {
            throw ValidationError.fromDomain(checked.error, 'sangatBaikMaxShare');
          }
          const d = checked.error.details as {
            allowed: number;
            actual: number;
            excess: number;
            personIds: string[];
          };
          const names = new Map(period.ratings.map((r) => [r.staffId, r.staff.name]));
          throw new SkpQuotaExceededError(
            checked.error,
            d.allowed,
            d.actual,
            d.excess,
            d.personIds.map((id) => ({ id, name: names.get(id) ?? id })),
          );
        }
        const after = await tx.performancePeriod.update({
          where: { id: period.id },
          data: { finalised: true, finalisedAt: new Date(), sangatBaikMaxShare: input.sangatBaikMaxShare },
        });
        const { ratings: _ratings, ...before } = period;
        return {
          result: {
            unitId: unit.id,
            year: input.year,
            people: checked.value.people,
            sangatBaik: checked.value.sangatBaik,
            allowed: checked.value.allowed,
          },
          entityId: period.id,
          before,
          after,
        };
      });
    },
  }),
}));

function periodFinalised(): ConflictError {
  return new ConflictError(
    'SKP_PERIOD_FINALISED',
    'Periode penilaian unit ini sudah difinalisasi.',
    "This unit's rating period is already finalised.",
  );
}

async function resolvePosition(
  tx: TransactionClient,
  positionCode: string | null | undefined,
  title: string | null | undefined,
  problems: FieldProblem[],
): Promise<{ id: string | null; title: string }> {
  if (positionCode) {
    const code = positionCode.trim().toUpperCase();
    const position = await tx.position.findUnique({ where: { code } });
    if (!position) {
      problems.push({
        field: 'positionCode',
        code: 'NOT_FOUND',
        messageId: `Jabatan "${code}" tidak ditemukan.`,
        messageEn: `Position "${code}" was not found.`,
      });
      return { id: null, title: title?.trim() ?? '' };
    }
    return { id: position.id, title: title?.trim() || position.name };
  }
  if (!title?.trim()) problems.push(required('position'));
  return { id: null, title: title?.trim() ?? '' };
}
