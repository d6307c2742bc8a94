// The aggregate open datasets (issue 23): the IKM of the city, each unit and each service per
// month, and the forums' accountability per unit and month. Computed by the same queries as the
// `ikmTrend` and `forumAccountability` fields (the PermenPANRB 14/2017 formula stays in the
// domain); a row over fewer people than the minimum count is withheld (suppressOpenDataRow).
import type { PrismaClient } from '@layanan/db';
import { openDataElementColumn, suppressOpenDataRow } from '@layanan/domain';
import { SKM_ELEMENTS, skmPeriodsOfYear } from '@layanan/domain/feedback';
import { answerOverdueCutoff } from '@layanan/domain/forums';
import { loadWorkingCalendar, todayWib } from '../../platform/calendar.js';
import { type IkmReportShape, ikmTrend } from '../feedback/queries/ikm-report.js';
import { type IkmScope, resolveIkmScope } from '../feedback/queries/ikm-scope.js';
import { forumAccountabilityRows } from '../forums/queries/accountability.js';

type Db = Pick<PrismaClient, '$queryRaw' | 'unit' | 'service' | 'holiday'>;

export type OpenAggregateRow = Record<string, string | number | boolean | null>;

const ELEMENT_COLUMNS = SKM_ELEMENTS.map((e) => openDataElementColumn(e.code));

const round = (value: number | null, decimals: number): number | null =>
  value === null ? null : Number(value.toFixed(decimals));

/** One month's IKM of a scope as the `survey` dataset's row, suppressed below `minCount` respondents. */
function surveyRow(report: IkmReportShape, minCount: number): OpenAggregateRow {
  const { scope } = report;
  const averages = Object.fromEntries(
    report.elements.map((e) => [openDataElementColumn(e.code), round(e.average, 3)]),
  );
  const row = {
    month: report.period.from.slice(0, 7),
    scope: scope.scope,
    unit: scope.unitCode,
    service: scope.serviceCode,
    name: scope.name,
    respondents: report.respondents,
    required_sample: report.requiredSample,
    ikm: report.scoreDisplay === null ? null : Number(report.scoreDisplay),
    grade: report.grade,
    ...averages,
  };
  return suppressOpenDataRow(row as OpenAggregateRow, report.respondents, minCount, [
    'respondents',
    'ikm',
    'grade',
    ...ELEMENT_COLUMNS,
  ]);
}

/** Years (ascending) with at least one row in the query's result. */
async function yearsOf(prisma: Db, table: 'survey' | 'forum'): Promise<number[]> {
  const rows =
    table === 'survey'
      ? await prisma.$queryRaw<{ year: number }[]>`
          SELECT DISTINCT extract(year from date)::int AS year FROM survey_response ORDER BY 1`
      : await prisma.$queryRaw<{ year: number }[]>`
          SELECT DISTINCT extract(year from ((s."createdAt" AT TIME ZONE 'UTC') + interval '7 hours'))::int AS year
          FROM submission s ORDER BY 1`;
  return rows.map((r) => Number(r.year));
}

/**
 * The `survey` dataset: per year with answers, the city, then every unit, then every published
 * service, each month with respondents (two aggregate queries per scope and year, as ikmTrend).
 */
export async function* surveyBatches(
  prisma: Db,
  { minCount }: { minCount: number },
): AsyncGenerator<OpenAggregateRow[]> {
  const units = await prisma.unit.findMany({ orderBy: { code: 'asc' } });
  const services = await prisma.service.findMany({
    where: { published: true },
    include: { unit: true },
    orderBy: { code: 'asc' },
  });
  const scopes: IkmScope[] = [
    await resolveIkmScope(prisma),
    ...units.map((u) => ({
      scope: 'UNIT' as const,
      key: u.code,
      name: u.name,
      unitId: u.id,
      unitCode: u.code,
      serviceId: null,
      serviceCode: null,
    })),
    ...services.map((s) => ({
      scope: 'SERVICE' as const,
      key: s.code,
      name: s.name,
      unitId: s.unitId,
      unitCode: s.unit.code,
      serviceId: s.id,
      serviceCode: s.code,
    })),
  ];
  for (const year of await yearsOf(prisma, 'survey')) {
    const months = skmPeriodsOfYear(year, 'MONTH');
    if (!months.ok) continue;
    for (const scope of scopes) {
      const reports = await ikmTrend(prisma, scope, months.value, 'MONTH');
      const rows = reports.filter((r) => r.respondents > 0).map((r) => surveyRow(r, minCount));
      if (rows.length > 0) yield rows;
    }
  }
}

/**
 * The `forum-accountability` dataset: per month (up to this one) of every year with submissions,
 * one row per unit that received some, suppressed below `minCount` submissions; overdue as of today.
 */
export async function* forumAccountabilityBatches(
  prisma: Db,
  { minCount }: { minCount: number },
): AsyncGenerator<OpenAggregateRow[]> {
  const today = todayWib();
  const answerCutoff = answerOverdueCutoff(today, await loadWorkingCalendar(prisma));
  for (const year of await yearsOf(prisma, 'forum')) {
    const months = skmPeriodsOfYear(year, 'MONTH');
    if (!months.ok) continue;
    for (const month of months.value) {
      if (month.from > today) return;
      const units = await forumAccountabilityRows(prisma, {
        from: month.from,
        to: month.to,
        today,
        answerCutoff,
        unitCode: null,
      });
      const rows = units.map((u) =>
        suppressOpenDataRow(
          {
            month: month.from.slice(0, 7),
            unit: u.unitCode,
            unit_name: u.unitName,
            received: u.received,
            answered: u.answered,
            answered_on_time: u.answeredOnTime,
            accepted: u.accepted,
            overdue_answers: u.overdueAnswers,
            commitments: u.commitments,
            commitments_done: u.commitmentsDone,
            commitments_done_on_time: u.commitmentsDoneOnTime,
          },
          u.received,
          minCount,
          [
            'received',
            'answered',
            'answered_on_time',
            'accepted',
            'overdue_answers',
            'commitments',
            'commitments_done',
            'commitments_done_on_time',
          ],
        ),
      );
      if (rows.length > 0) yield rows;
    }
  }
}
