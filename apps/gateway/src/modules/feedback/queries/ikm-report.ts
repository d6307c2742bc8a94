// IKM for a scope (city, unit, service) and period. The database sums and counts the answers per
// element (GROUP BY element, bucketed by period for trends); the domain's buildIkmReport applies
// the PermenPANRB 14/2017 formula to those totals. No answer row reaches Node.

import { Prisma, type PrismaClient } from '@layanan/db';
import { addCalendarDays, jakartaDayStart } from '@layanan/domain/calendar';
import {
  buildIkmReport,
  type IkmReport,
  type SkmPeriod,
  type SkmPeriodKind,
  type SkmProfileCount,
  type SkmTotals,
  type SkmTotalsRow,
  skmTotalsByBucket,
} from '@layanan/domain/feedback';
import type { IkmScope } from './ikm-scope.js';

type Db = Pick<PrismaClient, '$queryRaw'>;

export type IkmReportShape = IkmReport<IkmScope>;

function scopeFilter(scope: IkmScope, alias: Prisma.Sql): Prisma.Sql {
  if (scope.serviceId) return Prisma.sql`AND ${alias}."serviceId" = ${scope.serviceId}::uuid`;
  if (scope.unitId) return Prisma.sql`AND ${alias}."unitId" = ${scope.unitId}::uuid`;
  return Prisma.empty;
}

/** Period number inside the year of a `date` expression: month 1–12, quarter 1–4, semester 1–2. */
function bucketOf(kind: SkmPeriodKind | null, date: Prisma.Sql): Prisma.Sql {
  switch (kind) {
    case 'MONTH':
      return Prisma.sql`extract(month from ${date})::int`;
    case 'QUARTER':
      return Prisma.sql`extract(quarter from ${date})::int`;
    case 'SEMESTER':
      return Prisma.sql`(CASE WHEN extract(month from ${date}) <= 6 THEN 1 ELSE 2 END)`;
    default:
      return Prisma.sql`1`;
  }
}

/**
 * Per element: the sum of scores and how many answered, and the respondents, per bucket.
 * `bucket`: null for the whole range as one bucket (numbered 1).
 */
export async function surveyTotals(
  db: Db,
  scope: IkmScope,
  from: string,
  to: string,
  bucket: SkmPeriodKind | null = null,
): Promise<Map<number, SkmTotals>> {
  const rows = await db.$queryRaw<SkmTotalsRow[]>`
    WITH r AS (
      SELECT sr.id, ${bucketOf(bucket, Prisma.sql`sr.date`)} AS bucket
      FROM survey_response sr
      WHERE sr.date >= ${from}::date AND sr.date <= ${to}::date ${scopeFilter(scope, Prisma.sql`sr`)}
    ), n AS (SELECT bucket, count(*)::int AS respondents FROM r GROUP BY bucket)
    SELECT n.bucket, n.respondents, a.element::text AS element,
      sum(a.score)::int AS sum, count(*)::int AS answered
    FROM n JOIN r ON r.bucket = n.bucket JOIN survey_answer a ON a."responseId" = r.id
    GROUP BY n.bucket, n.respondents, a.element`;
  return skmTotalsByBucket(rows);
}

/** People served: requests of the scope completed in the range (WIB days), per bucket. */
export async function servedPopulation(
  db: Db,
  scope: IkmScope,
  from: string,
  to: string,
  bucket: SkmPeriodKind | null = null,
): Promise<Map<number, number>> {
  const day = Prisma.sql`((sr."completedAt" AT TIME ZONE 'UTC') + interval '7 hours')::date`;
  const start = jakartaDayStart(from);
  const end = jakartaDayStart(addCalendarDays(to, 1));
  const rows = await db.$queryRaw<{ bucket: number; served: number }[]>`
    SELECT ${bucketOf(bucket, day)} AS bucket, count(*)::int AS served
    FROM service_request sr
    WHERE sr."completedAt" >= ${start} AND sr."completedAt" < ${end} ${scopeFilter(scope, Prisma.sql`sr`)}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.bucket, r.served]));
}

/** The IKM of one scope and period: two aggregate queries. */
export async function ikmReport(db: Db, scope: IkmScope, period: SkmPeriod): Promise<IkmReportShape> {
  const [totals, population] = await Promise.all([
    surveyTotals(db, scope, period.from, period.to),
    servedPopulation(db, scope, period.from, period.to),
  ]);
  return buildIkmReport(scope, period, totals.get(1), population.get(1) ?? 0);
}

/** The IKM of each period of a year: still two aggregate queries, grouped by period. */
export async function ikmTrend(
  db: Db,
  scope: IkmScope,
  periods: readonly SkmPeriod[],
  kind: SkmPeriodKind,
): Promise<IkmReportShape[]> {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return [];
  const bucket = kind === 'YEAR' ? null : kind;
  const [totals, population] = await Promise.all([
    surveyTotals(db, scope, first.from, last.to, bucket),
    servedPopulation(db, scope, first.from, last.to, bucket),
  ]);
  return periods.map((p) =>
    buildIkmReport(scope, p, totals.get(p.number ?? 1), population.get(p.number ?? 1) ?? 0),
  );
}

/** Respondents by gender, age band, education, occupation and channel (one query). */
export async function surveyProfile(db: Db, scope: IkmScope, period: SkmPeriod): Promise<SkmProfileCount[]> {
  const where = Prisma.sql`WHERE sr.date >= ${period.from}::date AND sr.date <= ${period.to}::date ${scopeFilter(scope, Prisma.sql`sr`)}`;
  return db.$queryRaw<SkmProfileCount[]>`
    WITH r AS (SELECT sr.* FROM survey_response sr ${where})
    SELECT 'GENDER' AS dimension, coalesce(gender::text, '-') AS value, count(*)::int AS count FROM r GROUP BY 2
    UNION ALL
    SELECT 'AGE_BAND', coalesce("ageBand", '-'), count(*)::int FROM r GROUP BY 2
    UNION ALL
    SELECT 'EDUCATION', coalesce(education, '-'), count(*)::int FROM r GROUP BY 2
    UNION ALL
    SELECT 'OCCUPATION', coalesce(occupation, '-'), count(*)::int FROM r GROUP BY 2
    UNION ALL
    SELECT 'CHANNEL', channel::text, count(*)::int FROM r GROUP BY 2
    ORDER BY 1, 2`;
}

/** The newest suggestions of the scope and period (free text for the unit, never the respondent). */
export async function surveySuggestions(
  db: Db,
  scope: IkmScope,
  period: SkmPeriod,
  limit = 100,
): Promise<string[]> {
  const rows = await db.$queryRaw<{ suggestion: string }[]>`
    SELECT sr.suggestion FROM survey_response sr
    WHERE sr.date >= ${period.from}::date AND sr.date <= ${period.to}::date
      AND sr.suggestion IS NOT NULL ${scopeFilter(scope, Prisma.sql`sr`)}
    ORDER BY sr.date DESC, sr."createdAt" DESC
    LIMIT ${limit}`;
  return rows.map((r) => r.suggestion);
}
