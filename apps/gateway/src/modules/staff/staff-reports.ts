// Staff reports (issue 3): a unit's competency-gap report, training compliance against the
// 20 JP yearly right, and training plans per person and per unit. Each reads its rows in a
// fixed number of queries and leaves the arithmetic to @layanan/domain/staff.
import type { Prisma } from '@layanan/db';
import {
  type CompetencyGap,
  JP_MINUTES,
  proposeTrainingPlan,
  proposeUnitTrainingPlan,
  type TrainingCourse,
  type TrainingPlan,
  trainingCompliance,
  unitCompetencyGapReport,
  YEARLY_TRAINING_RIGHT_JP,
} from '@layanan/domain/staff';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { NotFoundError, ValidationError } from '../../graphql/errors.js';
import { canReadPrivate, currentYearWib, forbidden, managedUnits, managesUnit, unitTree } from './access.js';
import { CompetencyGapRef, type CompetencyGapShape, CompetencyTypeEnum, gapsOf, roundJp } from './staff.js';

type StaffSummary = { id: string; name: string };

export const StaffSummaryRef = builder.objectRef<StaffSummary>('StaffSummary').implement({
  description: 'A staff member in a report: the node id (use `staffMember`) and the name.',
  fields: (t) => ({
    id: t.id({ resolve: (s) => encodeGlobalID('Staff', s.id) }),
    name: t.exposeString('name'),
  }),
});

type CompetencyInfo = { code: string; name: string; type: CompetencyGapShape['type'] };

const memberSelect = {
  id: true,
  name: true,
  unitId: true,
  competencies: {
    select: { level: true, competency: { select: { code: true, name: true, type: true } } },
  },
  positionRef: {
    select: {
      requirements: {
        select: { level: true, competency: { select: { code: true, name: true, type: true } } },
      },
    },
  },
} as const satisfies Prisma.StaffSelect;

/** Resolves a unit code the caller manages into the unit and the ids of the units to include. */
async function managedScope(
  ctx: GraphQLContext,
  unitCode: string,
  includeSubUnits: boolean,
): Promise<{ unit: { id: string; code: string; name: string }; unitIds: string[] }> {
  const tree = await unitTree(ctx);
  const code = unitCode.trim().toUpperCase();
  const unit = tree.byCode.get(code);
  if (!unit) throw new NotFoundError('Unit', code);
  if (!(await managesUnit(ctx, unit.id))) throw forbidden();
  return { unit, unitIds: includeSubUnits ? [...tree.subtree(unit.id)] : [unit.id] };
}

export async function loadMembers(ctx: Pick<GraphQLContext, 'prisma'>, unitIds: readonly string[]) {
  return ctx.prisma.staff.findMany({
    where: { active: true, unitId: { in: [...unitIds] } },
    select: memberSelect,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

// ---- competency-gap report ----------------------------------------------------------------

type GapRow = {
  competency: CompetencyInfo;
  peopleWithGap: number;
  totalGap: number;
  maxGap: number;
  staff: StaffSummary[];
};
type GapReport = {
  unitCode: string;
  unitName: string;
  people: number;
  peopleWithGap: number;
  totalGap: number;
  competencies: GapRow[];
};

const GapRowRef = builder.objectRef<GapRow>('UnitCompetencyGap').implement({
  fields: (t) => ({
    code: t.string({ resolve: (r) => r.competency.code }),
    name: t.string({ resolve: (r) => r.competency.name }),
    type: t.field({ type: CompetencyTypeEnum, resolve: (r) => r.competency.type }),
    peopleWithGap: t.exposeInt('peopleWithGap'),
    totalGap: t.exposeInt('totalGap', {
      description: 'Sum of level shortfalls: the training effort needed.',
    }),
    maxGap: t.exposeInt('maxGap'),
    staff: t.field({ type: [StaffSummaryRef], resolve: (r) => r.staff }),
  }),
});

const GapReportRef = builder.objectRef<GapReport>('UnitCompetencyGapReport').implement({
  description: "A unit's competency gaps against its positions' requirements, largest total gap first.",
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    people: t.exposeInt('people'),
    peopleWithGap: t.exposeInt('peopleWithGap'),
    totalGap: t.exposeInt('totalGap'),
    competencies: t.field({ type: [GapRowRef], resolve: (r) => r.competencies }),
  }),
});

// ---- training compliance ------------------------------------------------------------------

type UnitCompliance = {
  unitCode: string;
  unitName: string;
  people: number;
  compliant: number;
  complianceRate: number;
  totalJp: number;
  averageJp: number;
};
type PersonCompliance = {
  staff: StaffSummary;
  unitCode: string;
  jp: number;
  shortfallJp: number;
  compliant: boolean;
};
type ComplianceReport = {
  year: number;
  requiredJp: number;
  units: UnitCompliance[];
  staff: PersonCompliance[];
};

const UnitComplianceRef = builder.objectRef<UnitCompliance>('UnitTrainingCompliance').implement({
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    people: t.exposeInt('people'),
    compliant: t.exposeInt('compliant'),
    complianceRate: t.exposeFloat('complianceRate', { description: 'Share of people with ≥ 20 JP, 0–1.' }),
    totalJp: t.exposeFloat('totalJp'),
    averageJp: t.exposeFloat('averageJp'),
  }),
});

const PersonComplianceRef = builder.objectRef<PersonCompliance>('StaffTrainingCompliance').implement({
  fields: (t) => ({
    staff: t.field({ type: StaffSummaryRef, resolve: (p) => p.staff }),
    unitCode: t.exposeString('unitCode'),
    jp: t.exposeFloat('jp'),
    shortfallJp: t.exposeFloat('shortfallJp'),
    compliant: t.exposeBoolean('compliant'),
  }),
});

const ComplianceReportRef = builder.objectRef<ComplianceReport>('TrainingComplianceReport').implement({
  description: 'JP of training per person and unit against the 20 JP yearly right (PP 11/2017 as amended).',
  fields: (t) => ({
    year: t.exposeInt('year'),
    requiredJp: t.exposeFloat('requiredJp'),
    units: t.field({ type: [UnitComplianceRef], resolve: (r) => r.units }),
    staff: t.field({ type: [PersonComplianceRef], resolve: (r) => r.staff }),
  }),
});

// ---- training plans -----------------------------------------------------------------------

type PlannedCourseShape = {
  code: string;
  name: string;
  jp: number;
  gapClosed: number;
  closes: { code: string; fromLevel: number; toLevel: number }[];
};
type PlanShape = {
  staff: StaffSummary;
  gapBefore: number;
  gapClosed: number;
  totalJp: number;
  courses: PlannedCourseShape[];
  remainingGaps: CompetencyGapShape[];
};

const ClosedStepRef = builder
  .objectRef<{ code: string; fromLevel: number; toLevel: number }>('ClosedCompetencyStep')
  .implement({
    fields: (t) => ({
      code: t.exposeString('code'),
      fromLevel: t.exposeInt('fromLevel'),
      toLevel: t.exposeInt('toLevel'),
    }),
  });

const PlannedCourseRef = builder.objectRef<PlannedCourseShape>('PlannedCourse').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    jp: t.exposeFloat('jp'),
    gapClosed: t.exposeInt('gapClosed', { description: 'Level steps this course closes for the person.' }),
    closes: t.field({ type: [ClosedStepRef], resolve: (c) => c.closes }),
  }),
});

const PLAN_EXPLANATION = {
  id: 'Rencana disusun serakah dan deterministik: berulang kali dipilih kursus yang menutup langkah level kesenjangan terbanyak; bila sama, yang JP-nya lebih sedikit, lalu kode terkecil; berhenti bila tidak ada kursus dalam batas JP yang masih menutup kesenjangan.',
  en: 'Greedy and deterministic: repeatedly pick the course that closes the most remaining level steps; on a tie the one with fewer JP, then the smaller code; stop when no course within the JP budget closes anything.',
} as const;

const TrainingPlanRef = builder.objectRef<PlanShape>('TrainingPlan').implement({
  description: 'Courses proposed to close a person’s competency gaps.',
  fields: (t) => ({
    staff: t.field({ type: StaffSummaryRef, resolve: (p) => p.staff }),
    gapBefore: t.exposeInt('gapBefore'),
    gapClosed: t.exposeInt('gapClosed'),
    totalJp: t.exposeFloat('totalJp'),
    courses: t.field({ type: [PlannedCourseRef], resolve: (p) => p.courses }),
    remainingGaps: t.field({
      type: [CompetencyGapRef],
      description: 'What no course in the catalogue (within the JP budget) closes.',
      resolve: (p) => p.remainingGaps,
    }),
    explanation: t.string({ resolve: (_p, _a, ctx) => PLAN_EXPLANATION[ctx.lang] }),
  }),
});

type UnitPlanShape = {
  unitCode: string;
  staff: PlanShape[];
  courses: { code: string; name: string; jp: number; attendees: StaffSummary[] }[];
};

const CourseAttendeesRef = builder.objectRef<UnitPlanShape['courses'][number]>('CourseAttendees').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    jp: t.exposeFloat('jp'),
    attendees: t.field({ type: [StaffSummaryRef], resolve: (c) => c.attendees }),
  }),
});

const UnitTrainingPlanRef = builder.objectRef<UnitPlanShape>('UnitTrainingPlan').implement({
  description:
    'A training plan per person of a unit, and who should attend each course (most attendees first).',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    staff: t.field({ type: [TrainingPlanRef], resolve: (p) => p.staff }),
    courses: t.field({ type: [CourseAttendeesRef], resolve: (p) => p.courses }),
  }),
});

async function loadCatalogue(ctx: GraphQLContext) {
  const rows = await ctx.prisma.trainingCourse.findMany({
    include: { covers: { include: { competency: { select: { code: true } } } } },
    orderBy: { code: 'asc' },
  });
  const catalogue: TrainingCourse[] = rows.map((c) => ({
    id: c.code,
    jp: c.jp,
    covers: c.covers.map((k) => ({ competency: k.competency.code, upToLevel: k.upToLevel })),
  }));
  return { catalogue, byCode: new Map(rows.map((c) => [c.code, c])) };
}

function toGap(g: CompetencyGap, info: ReadonlyMap<string, CompetencyInfo>): CompetencyGapShape {
  const c = info.get(g.competency);
  return {
    code: g.competency,
    name: c?.name ?? g.competency,
    type: c?.type ?? g.type ?? 'TEKNIS',
    requiredLevel: g.requiredLevel,
    heldLevel: g.heldLevel,
    gap: g.gap,
  };
}

function planShape(
  staff: StaffSummary,
  plan: TrainingPlan,
  courses: ReadonlyMap<string, { name: string }>,
  info: ReadonlyMap<string, CompetencyInfo>,
): PlanShape {
  return {
    staff,
    gapBefore: plan.gapBefore,
    gapClosed: plan.gapClosed,
    totalJp: plan.totalJp,
    courses: plan.courses.map((c) => ({
      code: c.courseId,
      name: courses.get(c.courseId)?.name ?? c.courseId,
      jp: c.jp,
      gapClosed: c.gapClosed,
      closes: c.closes.map((s) => ({ code: s.competency, fromLevel: s.fromLevel, toLevel: s.toLevel })),
    })),
    remainingGaps: plan.remainingGaps.map((g) => toGap(g, info)),
  };
}

type Member = Awaited<ReturnType<typeof loadMembers>>[number];

export function memberGaps(m: Member): { gaps: CompetencyGap[]; info: Map<string, CompetencyInfo> } {
  const required = m.positionRef?.requirements ?? [];
  const info = new Map<string, CompetencyInfo>(
    [...required, ...m.competencies].map((r) => [r.competency.code, r.competency]),
  );
  const gaps = gapsOf(m.competencies, required).map((g) => ({
    competency: g.code,
    type: g.type,
    requiredLevel: g.requiredLevel,
    heldLevel: g.heldLevel,
    gap: g.gap,
  }));
  return { gaps, info };
}

function checkMaxJp(maxJp: number | null | undefined): number | undefined {
  if (maxJp == null) return undefined;
  if (!Number.isFinite(maxJp) || maxJp < 0) {
    throw ValidationError.fromFields([
      {
        field: 'maxJp',
        code: 'OUT_OF_RANGE',
        messageId: 'Batas JP tidak boleh negatif.',
        messageEn: 'The JP budget must not be negative.',
      },
    ]);
  }
  return maxJp;
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 1970 || year > 2100) {
    throw ValidationError.fromFields([
      {
        field: 'year',
        code: 'OUT_OF_RANGE',
        messageId: 'Tahun harus antara 1970 dan 2100.',
        messageEn: 'The year must be between 1970 and 2100.',
      },
    ]);
  }
  return year;
}

builder.queryFields((t) => ({
  unitCompetencyGapReport: t.field({
    type: GapReportRef,
    description:
      "Competency gaps of a unit's staff (with sub-units by default). Admins and the unit's supervisors.",
    authScopes: { admin: true, supervisor: true },
    errors: { types: [NotFoundError] },
    args: {
      unitCode: t.arg.string({ required: true }),
      includeSubUnits: t.arg.boolean({ defaultValue: true }),
    },
    resolve: async (_root, args, ctx) => {
      const { unit, unitIds } = await managedScope(ctx, args.unitCode, args.includeSubUnits !== false);
      const members = await loadMembers(ctx, unitIds);
      const info = new Map<string, CompetencyInfo>();
      const names = new Map<string, string>();
      const report = unitCompetencyGapReport(
        members.map((m) => {
          names.set(m.id, m.name);
          const required = m.positionRef?.requirements ?? [];
          for (const r of [...required, ...m.competencies]) info.set(r.competency.code, r.competency);
          return {
            personId: m.id,
            required: required.map((r) => ({
              competency: r.competency.code,
              level: r.level,
              type: r.competency.type,
            })),
            held: m.competencies.map((h) => ({ competency: h.competency.code, level: h.level })),
          };
        }),
      );
      return {
        unitCode: unit.code,
        unitName: unit.name,
        people: report.people,
        peopleWithGap: report.peopleWithGap,
        totalGap: report.totalGap,
        competencies: report.competencies.map((c) => ({
          competency: info.get(c.competency) ?? {
            code: c.competency,
            name: c.competency,
            type: c.type ?? 'TEKNIS',
          },
          peopleWithGap: c.peopleWithGap,
          totalGap: c.totalGap,
          maxGap: c.maxGap,
          staff: c.personIds
            .map((id) => ({ id, name: names.get(id) ?? '' }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        })),
      };
    },
  }),
  trainingComplianceReport: t.field({
    type: ComplianceReportRef,
    description:
      'Training JP per person and unit in a year (default this year, WIB) against the 20 JP right. Admins see every unit; supervisors their unit tree.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { year: t.arg.int(), unitCode: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const year = checkYear(args.year ?? currentYearWib());
      const tree = await unitTree(ctx);
      let unitFilter: Prisma.StaffWhereInput = {};
      if (args.unitCode) {
        unitFilter = { unitId: { in: (await managedScope(ctx, args.unitCode, true)).unitIds } };
      } else {
        const managed = await managedUnits(ctx);
        if (!managed) throw forbidden();
        if (managed !== 'ALL') unitFilter = { unitId: { in: [...managed] } };
      }
      const people = await ctx.prisma.staff.findMany({
        where: { active: true, ...unitFilter },
        select: { id: true, name: true, unitId: true },
      });
      const sums = await ctx.prisma.trainingRecord.groupBy({
        by: ['staffId'],
        where: {
          staffId: { in: people.map((p) => p.id) },
          completedOn: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
        },
        _sum: { minutes: true },
      });
      const report = trainingCompliance(
        sums.map((s) => ({
          personId: s.staffId,
          completedOn: `${year}-01-01`,
          jp: roundJp((s._sum.minutes ?? 0) / JP_MINUTES),
        })),
        year,
        { people: people.map((p) => ({ personId: p.id, unitId: p.unitId })) },
      );
      const byId = new Map(people.map((p) => [p.id, p]));
      const unitOf = (id: string | undefined) => (id ? tree.byId.get(id) : undefined);
      return {
        year,
        requiredJp: report.requiredJp,
        units: report.units
          .map((u) => ({
            unitCode: unitOf(u.unitId)?.code ?? '',
            unitName: unitOf(u.unitId)?.name ?? '',
            people: u.people,
            compliant: u.compliant,
            complianceRate: u.complianceRate,
            totalJp: u.totalJp,
            averageJp: u.averageJp,
          }))
          .sort((a, b) => a.unitCode.localeCompare(b.unitCode)),
        staff: report.persons
          .map((p) => ({
            staff: { id: p.personId, name: byId.get(p.personId)?.name ?? '' },
            unitCode: unitOf(p.unitId)?.code ?? '',
            jp: p.jp,
            shortfallJp: p.shortfallJp,
            compliant: p.compliant,
          }))
          .sort((a, b) => a.jp - b.jp || a.staff.name.localeCompare(b.staff.name)),
      };
    },
  }),
  trainingPlan: t.field({
    type: TrainingPlanRef,
    description:
      'Courses that close the most of a person’s competency gaps (optionally within a JP budget, e.g. the 20 JP right).',
    authScopes: { admin: true, staff: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { staffId: t.arg.globalID({ required: true }), maxJp: t.arg.float() },
    resolve: async (_root, args, ctx) => {
      const maxJp = checkMaxJp(args.maxJp);
      const member =
        args.staffId.typename === 'Staff'
          ? await ctx.prisma.staff.findUnique({ where: { id: args.staffId.id }, select: memberSelect })
          : null;
      if (!member) throw new NotFoundError('Staff', args.staffId.id);
      if (!(await canReadPrivate(ctx, member))) throw forbidden();
      const { catalogue, byCode } = await loadCatalogue(ctx);
      const { gaps, info } = memberGaps(member);
      const plan = proposeTrainingPlan(gaps, catalogue, maxJp === undefined ? {} : { maxJp });
      return planShape({ id: member.id, name: member.name }, plan, byCode, info);
    },
  }),
  unitTrainingPlan: t.field({
    type: UnitTrainingPlanRef,
    description:
      'A training plan for every person of a unit (with sub-units by default) and the attendees per course.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      unitCode: t.arg.string({ required: true }),
      includeSubUnits: t.arg.boolean({ defaultValue: true }),
      maxJp: t.arg.float({ description: `JP budget per person, e.g. ${YEARLY_TRAINING_RIGHT_JP}.` }),
    },
    resolve: async (_root, args, ctx) => {
      const maxJp = checkMaxJp(args.maxJp);
      const { unit, unitIds } = await managedScope(ctx, args.unitCode, args.includeSubUnits !== false);
      const members = await loadMembers(ctx, unitIds);
      const { catalogue, byCode } = await loadCatalogue(ctx);
      const info = new Map<string, CompetencyInfo>();
      const names = new Map(members.map((m) => [m.id, m.name]));
      const plan = proposeUnitTrainingPlan(
        members.map((m) => {
          const g = memberGaps(m);
          for (const [k, v] of g.info) info.set(k, v);
          return { personId: m.id, gaps: g.gaps };
        }),
        catalogue,
        maxJp === undefined ? {} : { maxJp },
      );
      const summary = (id: string) => ({ id, name: names.get(id) ?? '' });
      return {
        unitCode: unit.code,
        staff: plan.persons
          .filter((p) => p.plan.gapBefore > 0)
          .map((p) => planShape(summary(p.personId), p.plan, byCode, info))
          .sort((a, b) => a.staff.name.localeCompare(b.staff.name)),
        courses: plan.courses.map((c) => ({
          code: c.courseId,
          name: byCode.get(c.courseId)?.name ?? c.courseId,
          jp: byCode.get(c.courseId)?.jp ?? 0,
          attendees: c.personIds.map(summary).sort((a, b) => a.name.localeCompare(b.name)),
        })),
      };
    },
  }),
}));
