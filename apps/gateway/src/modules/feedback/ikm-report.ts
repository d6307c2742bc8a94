// IKM for a scope (city, unit, service) and period. The database sums and counts the answers per
// element (GROUP BY element, bucketed by period for trends); Node applies the PermenPANRB 14/2017
// formula to those totals with the domain's computeIkmFromTotals. No answer row reaches Node.
import { Prisma, type PrismaClient } from '@layanan/db';
import type { Message } from '@layanan/domain';
import {
  computeIkmFromTotals,
  type IkmGrade,
  type IkmRule,
  SKM_ELEMENT_CODES,
  SKM_ELEMENTS,
  type SkmElementCode,
  type SkmPeriod,
  type SkmPeriodKind,
  type SkmTotals,
  skmCoverage,
  weakSkmElements,
} from '@layanan/domain/feedback';
import { NotFoundError, ValidationError } from '../../graphql/errors.js';

type Db = Pick<PrismaClient, '$queryRaw' | 'unit' | 'service'>;

export type IkmScope = {
  scope: 'CITY' | 'UNIT' | 'SERVICE';
  key: string | null;
  name: string;
  unitId: string | null;
  unitCode: string | null;
  serviceId: string | null;
  serviceCode: string | null;
};

export const CITY_NAME = 'Kota Sawahlunto';

/** The city (no codes), a unit or a service; a service given with a unit must belong to it. */
export async function resolveIkmScope(
  db: Db,
  unitCode?: string | null,
  serviceCode?: string | null,
): Promise<IkmScope> {
  const uc = unitCode?.trim().toUpperCase() || null;
  const sc = serviceCode?.trim().toUpperCase() || null;
  if (sc) {
    const service = await db.service.findUnique({ where: { code: sc }, include: { unit: true } });
    if (!service) throw new NotFoundError('Service', sc);
    if (uc && service.unit.code !== uc) {
      throw ValidationError.fromFields([
        {
          field: 'serviceCode',
          code: 'NOT_ALLOWED',
          messageId: `Layanan ${sc} bukan milik unit ${uc}`,
          messageEn: `Service ${sc} does not belong to unit ${uc}`,
        },
      ]);
    }
    return {
      scope: 'SERVICE',
      key: service.code,
      name: service.name,
      unitId: service.unitId,
      unitCode: service.unit.code,
      serviceId: service.id,
      serviceCode: service.code,
    };
  }
  if (uc) {
    const unit = await db.unit.findUnique({ where: { code: uc } });
    if (!unit) throw new NotFoundError('Unit', uc);
    return {
      scope: 'UNIT',
      key: unit.code,
      name: unit.name,
      unitId: unit.id,
      unitCode: unit.code,
      serviceId: null,
      serviceCode: null,
    };
  }
  return {
    scope: 'CITY',
    key: null,
    name: CITY_NAME,
    unitId: null,
    unitCode: null,
    serviceId: null,
    serviceCode: null,
  };
}

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

type TotalsRow = {
  bucket: number;
  respondents: number;
  element: SkmElementCode;
  sum: number;
  answered: number;
};

/**
 * Per element: the sum of scores and how many answered, and the respondents, per bucket.
 * `bucket`: null for the whole range as one bucket (numbered 1).
 */
export async function surveyTotals(
  db: Pick<PrismaClient, '$queryRaw'>,
  scope: IkmScope,
  from: string,
  to: string,
  bucket: SkmPeriodKind | null = null,
): Promise<Map<number, SkmTotals>> {
  const rows = await db.$queryRaw<TotalsRow[]>`
    WITH r AS (
      SELECT sr.id, ${bucketOf(bucket, Prisma.sql`sr.date`)} AS bucket
      FROM survey_response sr
      WHERE sr.date >= ${from}::date AND sr.date <= ${to}::date ${scopeFilter(scope, Prisma.sql`sr`)}
    ), n AS (SELECT bucket, count(*)::int AS respondents FROM r GROUP BY bucket)
    SELECT n.bucket, n.respondents, a.element::text AS element,
      sum(a.score)::int AS sum, count(*)::int AS answered
    FROM n JOIN r ON r.bucket = n.bucket JOIN survey_answer a ON a."responseId" = r.id
    GROUP BY n.bucket, n.respondents, a.element`;
  const out = new Map<
    number,
    { respondents: number; elements: Record<string, { sum: number; answered: number }> }
  >();
  for (const row of rows) {
    const entry = out.get(row.bucket) ?? { respondents: row.respondents, elements: {} };
    entry.elements[row.element] = { sum: row.sum, answered: row.answered };
    out.set(row.bucket, entry);
  }
  const result = new Map<number, SkmTotals>();
  for (const [b, entry] of out) {
    const elements = Object.fromEntries(
      SKM_ELEMENT_CODES.map((c) => [c, entry.elements[c] ?? { sum: 0, answered: 0 }]),
    ) as SkmTotals['elements'];
    result.set(b, { respondents: entry.respondents, elements });
  }
  return result;
}

/** People served: requests of the scope completed in the range (WIB days), per bucket. */
export async function servedPopulation(
  db: Pick<PrismaClient, '$queryRaw'>,
  scope: IkmScope,
  from: string,
  to: string,
  bucket: SkmPeriodKind | null = null,
): Promise<Map<number, number>> {
  const day = Prisma.sql`((sr."completedAt" AT TIME ZONE 'UTC') + interval '7 hours')::date`;
  const start = new Date(`${from}T00:00:00+07:00`);
  const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000);
  const rows = await db.$queryRaw<{ bucket: number; served: number }[]>`
    SELECT ${bucketOf(bucket, day)} AS bucket, count(*)::int AS served
    FROM service_request sr
    WHERE sr."completedAt" >= ${start} AND sr."completedAt" < ${end} ${scopeFilter(scope, Prisma.sql`sr`)}
    GROUP BY 1`;
  return new Map(rows.map((r) => [r.bucket, r.served]));
}

export type IkmElementScore = {
  code: SkmElementCode;
  label: Message;
  sum: number;
  answered: number;
  average: number | null;
  weighted: number | null;
};

export type IkmReportShape = {
  scope: IkmScope;
  period: SkmPeriod;
  respondents: number;
  population: number;
  requiredSample: number;
  coverage: number;
  elements: IkmElementScore[];
  index: number | null;
  score: number | null;
  scoreDisplay: string | null;
  grade: IkmGrade | null;
  gradeLabel: Message | null;
  rule: IkmRule;
  weakestElements: SkmElementCode[];
};

/** How many of the weakest elements a report names. */
const WEAKEST_SHOWN = 3;

export function buildIkmReport(
  scope: IkmScope,
  period: SkmPeriod,
  totals: SkmTotals | undefined,
  population: number,
  rule: IkmRule = 'PERMENPANRB_14_2017',
): IkmReportShape {
  const respondents = totals?.respondents ?? 0;
  const coverage = skmCoverage(respondents, population);
  const computed = totals && respondents > 0 ? computeIkmFromTotals(totals, { rule }) : null;
  const result = computed?.ok ? computed.value : null;
  const elements = SKM_ELEMENTS.map((e) => {
    const t = totals?.elements[e.code] ?? { sum: 0, answered: 0 };
    const average = t.answered > 0 ? t.sum / t.answered : null;
    return {
      code: e.code,
      label: e.label,
      sum: t.sum,
      answered: t.answered,
      average,
      weighted: average === null ? null : average / 9,
    };
  });
  return {
    scope,
    period,
    respondents,
    population,
    requiredSample: coverage.required,
    coverage: coverage.coverage,
    elements,
    index: result?.index ?? null,
    score: result?.score ?? null,
    scoreDisplay: result?.scoreDisplay ?? null,
    grade: result?.grade ?? null,
    gradeLabel: result?.label ?? null,
    rule,
    weakestElements: weakSkmElements(elements, rule)
      .slice(0, WEAKEST_SHOWN)
      .map((w) => w.code),
  };
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

export type ProfileCount = { dimension: string; value: string; count: number };

/** Respondents by gender, age band, education, occupation and channel (one query). */
export async function surveyProfile(
  db: Pick<PrismaClient, '$queryRaw'>,
  scope: IkmScope,
  period: SkmPeriod,
): Promise<ProfileCount[]> {
  const where = Prisma.sql`WHERE sr.date >= ${period.from}::date AND sr.date <= ${period.to}::date ${scopeFilter(scope, Prisma.sql`sr`)}`;
  return db.$queryRaw<ProfileCount[]>`
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
  db: Pick<PrismaClient, '$queryRaw'>,
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
