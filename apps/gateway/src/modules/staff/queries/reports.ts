// The staff reports (issue 3): each reads its rows in a fixed number of queries and leaves the
// arithmetic — gaps, compliance with the 20 JP yearly right, plans — to @layanan/domain/staff.
import type { Prisma } from '@layanan/db';
import {
  COUNTED_TRAINING_STATUS,
  checkJpBudget,
  checkStaffYear,
  proposeTrainingPlan,
  proposeUnitTrainingPlan,
  type TrainingCourse,
  type TrainingPlan,
  trainingComplianceOfTotals,
  unitCompetencyGapReport,
} from '@layanan/domain/staff';
import type { GraphQLContext } from '../../../app/context.js';
import { NotFoundError } from '../../../graphql/errors.js';
import { fieldProblem, validationFailed } from '../../../graphql/failures.js';
import { canReadPrivate, currentYearWib, forbidden, managedUnits, managesUnit, unitTree } from '../access.js';
import type {
  ComplianceReport,
  GapReport,
  PlanShape,
  StaffSummary,
  UnitPlanShape,
} from '../graphql/report-types.js';
import {
  type CompetencyInfo,
  competenciesOf,
  gapShape,
  loadMembers,
  memberGaps,
  memberSelect,
} from './competency-gaps.js';
import { yearRange } from './staff-search.js';

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

/** A JP budget argument, or a field error on `maxJp`. */
function jpBudget(maxJp: number | null | undefined): number | undefined {
  const checked = checkJpBudget(maxJp);
  if (!checked.ok) throw validationFailed([fieldProblem('maxJp', checked.error)]);
  return checked.value;
}

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
    remainingGaps: plan.remainingGaps.map((g) => gapShape(g, info)),
  };
}

/** A unit's competency gaps against its positions' requirements, largest total gap first. */
export async function competencyGapReport(
  ctx: GraphQLContext,
  args: { unitCode: string; includeSubUnits?: boolean | null },
): Promise<GapReport> {
  const { unit, unitIds } = await managedScope(ctx, args.unitCode, args.includeSubUnits !== false);
  const members = await loadMembers(ctx, unitIds);
  const info = new Map<string, CompetencyInfo>();
  const names = new Map<string, string>();
  const report = unitCompetencyGapReport(
    members.map((m) => {
      names.set(m.id, m.name);
      const c = competenciesOf(m.competencies, m.positionRef?.requirements ?? []);
      for (const [code, competency] of c.info) info.set(code, competency);
      return { personId: m.id, required: c.required, held: c.held };
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
}

/** Training JP per person and unit in a year against the yearly right. */
export async function complianceReport(
  ctx: GraphQLContext,
  args: { year?: number | null; unitCode?: string | null },
): Promise<ComplianceReport> {
  const checkedYear = checkStaffYear(args.year ?? currentYearWib());
  if (!checkedYear.ok) throw validationFailed([fieldProblem('year', checkedYear.error)]);
  const year = checkedYear.value;
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
      completedOn: yearRange(year),
      status: COUNTED_TRAINING_STATUS,
    },
    _sum: { minutes: true },
  });
  const report = trainingComplianceOfTotals(
    sums.map((s) => ({ personId: s.staffId, minutes: s._sum.minutes ?? 0 })),
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
}

/** Courses that close the most of one person's gaps, within an optional JP budget. */
export async function personTrainingPlan(
  ctx: GraphQLContext,
  args: { staffId: { typename: string; id: string }; maxJp?: number | null },
): Promise<PlanShape> {
  const maxJp = jpBudget(args.maxJp);
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
}

/** A plan per person of a unit and the attendees per course. */
export async function unitTrainingPlan(
  ctx: GraphQLContext,
  args: { unitCode: string; includeSubUnits?: boolean | null; maxJp?: number | null },
): Promise<UnitPlanShape> {
  const maxJp = jpBudget(args.maxJp);
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
}
