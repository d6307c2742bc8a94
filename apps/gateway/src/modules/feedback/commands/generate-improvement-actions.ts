// Propose improvement actions for a unit and period (issue 6): load the survey result, the
// element → competency mapping, the staff of the unit (and its sub-units) with their gaps, the
// courses, and the unit's services with complaints and overdue requests; the domain's
// proposeImprovementActions decides; store them with the unit's supervisor as owner and due dates
// in working days. Idempotent: (unit, period, sourceKey) is unique. Supervisors of the unit, admins.
import type { PrismaClient } from '@layanan/db';
import { addCalendarDays, addWorkingDays, jakartaDayStart } from '@layanan/domain/calendar';
import { proposeImprovementActions, type SkmPeriod } from '@layanan/domain/feedback';
import { audited } from '../../../platform/audited.js';
import { forbidden } from '../../../platform/authz.js';
import { dateOnly, todayWib } from '../../../platform/calendar.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { unitSupervisorStaffId } from '../../services/commands/request-workflow.js';
import { requestStatisticsRows } from '../../services/request-statistics.js';
import { loadUnitTree, managesUnitIn } from '../../staff/access.js';
import { loadMembers, memberGaps } from '../../staff/queries/competency-gaps.js';
import { ikmReport } from '../queries/ikm-report.js';
import { resolveIkmScope } from '../queries/ikm-scope.js';

/** Critiques in the forums about each of the unit's services in the period (WIB days). */
async function critiquesByService(db: PrismaClient, unitId: string, from: string, to: string) {
  const rows = await db.submission.groupBy({
    by: ['serviceId'],
    where: {
      kind: 'CRITIQUE',
      service: { unitId },
      createdAt: {
        gte: jakartaDayStart(from),
        lt: jakartaDayStart(addCalendarDays(to, 1)),
      },
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.serviceId, r._count._all]));
}

export async function generateImprovementActions(
  deps: CommandDeps,
  caller: Caller,
  input: { unitCode: string; period: SkmPeriod },
): Promise<{ created: number; ids: string[] }> {
  const { prisma } = deps;
  const { period } = input;
  const scope = await resolveIkmScope(prisma, input.unitCode, null);
  const unitId = scope.unitId as string;
  // The unit tree, read once: who manages the unit, and whose staff the actions are about.
  const tree = await loadUnitTree(prisma);
  if (!managesUnitIn(tree, caller, unitId)) throw forbidden();

  const [ikm, mapping, members, courses, services, stats, critiques] = await Promise.all([
    ikmReport(prisma, scope, period),
    prisma.skmCompetencyMapping.findMany({ include: { competency: true } }),
    loadMembers({ prisma }, [...tree.subtree(unitId)]),
    prisma.trainingCourse.findMany({
      include: { covers: { include: { competency: { select: { code: true } } } } },
      orderBy: { code: 'asc' },
    }),
    prisma.service.findMany({ where: { unitId }, select: { id: true, code: true, name: true, kind: true } }),
    // Overdue counts come from the services area's statistics (open/overdue as @layanan/domain/services defines them).
    requestStatisticsRows(prisma, {
      from: period.from,
      to: period.to,
      groupBy: 'SERVICE',
      unitCode: scope.unitCode,
    }),
    critiquesByService(prisma, unitId, period.from, period.to),
  ]);
  const statsBy = new Map(stats.map((s) => [s.key, s]));
  const proposed = proposeImprovementActions({
    unit: { code: scope.unitCode as string, name: scope.name },
    rule: ikm.rule,
    elements: ikm.elements.map((e) => ({ code: e.code, average: e.average })),
    mapping: mapping.map((m) => ({ element: m.element, competency: m.competency.code })),
    competencies: new Map(mapping.map((m) => [m.competency.code, { name: m.competency.name }])),
    staffGaps: members.flatMap((m) =>
      memberGaps(m).gaps.map((g) => ({ staffId: m.id, competency: g.competency, gap: g.gap })),
    ),
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

  const calendar = await deps.calendar();
  const today = todayWib(deps.now());
  const serviceIds = new Map(services.map((s) => [s.code, s.id]));
  const competencyIds = new Map(mapping.map((m) => [m.competency.code, m.competencyId]));
  return audited(
    auditScope(deps, caller),
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
        after: { unitCode: scope.unitCode, period: period.key, proposed: proposed.length, created: count },
      };
    },
  );
}
