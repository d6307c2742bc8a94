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

/** SQL: the survey responses (`sr`) of the scope dated in the days from–to (WIB), inclusive. */
function responsesIn(scope: IkmScope, from: string, to: string): Prisma.Sql {
  return Prisma.sql`sr.date >= ${from}::date AND sr.date <= ${to}::date ${scopeFilter(scope, Prisma.sql`sr`)}`;
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

/** What the aggregate queries read: a scope's days `from`–`to` (WIB), per bucket (null: one bucket, 1). */
type Range = { scope: IkmScope; from: string; to: string; bucket: SkmPeriodKind | null };

/**
 * Per channel (online, counter) and bucket: per element the sum of scores and how many answered,
 * and the respondents. One query; the report adds the channels up and shows each apart.
 */
async function surveyTotals(
  db: Db,
  { scope, from, to, bucket }: Range,
): Promise<{ online: Map<number, SkmTotals>; counter: Map<number, SkmTotals> }> {
  const rows = await db.$queryRaw<(SkmTotalsRow & { channel: 'ONLINE' | 'COUNTER' })[]>`
    WITH r AS (
      SELECT sr.id, sr.channel, ${bucketOf(bucket, Prisma.sql`sr.date`)} AS bucket
      FROM survey_response sr
      WHERE ${responsesIn(scope, from, to)}
    ), n AS (SELECT bucket, channel, count(*)::int AS respondents FROM r GROUP BY bucket, channel)
    SELECT n.bucket, n.channel::text AS channel, n.respondents, a.element::text AS element,
      sum(a.score)::int AS sum, count(*)::int AS answered
    FROM n JOIN r ON r.bucket = n.bucket AND r.channel = n.channel
      JOIN survey_answer a ON a."responseId" = r.id
    GROUP BY n.bucket, n.channel, n.respondents, a.element`;
  return {
    online: skmTotalsByBucket(rows.filter((r) => r.channel === 'ONLINE')),
    counter: skmTotalsByBucket(rows.filter((r) => r.channel === 'COUNTER')),
  };
}

/**
 * Requests of the scope completed in the range (WIB days), per bucket: the online population
 * (buildIkmReport adds the counter respondents, skmSamplePopulation).
 */
async function completedRequests(db: Db, { scope, from, to, bucket }: Range): Promise<Map<number, number>> {
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

/**
 * The IKM of consecutive periods of one kind, from two aggregate queries over their whole range,
 * bucketed by period (`bucket` null: the range is one bucket).
 */
async function ikmOfPeriods(
  db: Db,
  scope: IkmScope,
  periods: readonly SkmPeriod[],
  bucket: SkmPeriodKind | null,
): Promise<IkmReportShape[]> {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return [];
  const range = { scope, from: first.from, to: last.to, bucket };
  const [totals, completed] = await Promise.all([surveyTotals(db, range), completedRequests(db, range)]);
  return periods.map((p) => {
    const n = bucket ? (p.number ?? 1) : 1;
    const channels = { online: totals.online.get(n), counter: totals.counter.get(n) };
    return buildIkmReport(scope, p, channels, completed.get(n) ?? 0);
  });
}

/** The IKM of one scope and period: two aggregate queries. */
export async function ikmReport(db: Db, scope: IkmScope, period: SkmPeriod): Promise<IkmReportShape> {
  const [report] = await ikmOfPeriods(db, scope, [period], null);
  return report!;
}

/** The IKM of each period of a year: still two aggregate queries, grouped by period. */
export function ikmTrend(
  db: Db,
  scope: IkmScope,
  periods: readonly SkmPeriod[],
  kind: SkmPeriodKind,
): Promise<IkmReportShape[]> {
  return ikmOfPeriods(db, scope, periods, kind === 'YEAR' ? null : kind);
}

/**
 * Respondents by gender, age band, education, occupation and channel (one query): the options in
 * the order of the SKM form, "-" (not given) last.
 */
export async function surveyProfile(db: Db, scope: IkmScope, period: SkmPeriod): Promise<SkmProfileCount[]> {
  return db.$queryRaw<SkmProfileCount[]>`
    WITH r AS (SELECT sr.* FROM survey_response sr WHERE ${responsesIn(scope, period.from, period.to)})
    SELECT dimension, value, count FROM (
      SELECT 'GENDER' AS dimension, coalesce(gender::text, '-') AS value, count(*)::int AS count,
        array_position(enum_range(NULL::gender), gender) AS ord FROM r GROUP BY gender
      UNION ALL
      SELECT 'AGE_BAND', coalesce("ageBand"::text, '-'), count(*)::int,
        array_position(enum_range(NULL::survey_age_band), "ageBand") FROM r GROUP BY "ageBand"
      UNION ALL
      SELECT 'EDUCATION', coalesce(education::text, '-'), count(*)::int,
        array_position(enum_range(NULL::survey_education), education) FROM r GROUP BY education
      UNION ALL
      SELECT 'OCCUPATION', coalesce(occupation::text, '-'), count(*)::int,
        array_position(enum_range(NULL::survey_occupation), occupation) FROM r GROUP BY occupation
      UNION ALL
      SELECT 'CHANNEL', channel::text, count(*)::int,
        array_position(enum_range(NULL::skm_channel), channel) FROM r GROUP BY channel
    ) p
    ORDER BY dimension, ord NULLS LAST`;
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
    WHERE ${responsesIn(scope, period.from, period.to)} AND sr.suggestion IS NOT NULL
    ORDER BY sr.date DESC, sr."createdAt" DESC
    LIMIT ${limit}`;
  return rows.map((r) => r.suggestion);
}
