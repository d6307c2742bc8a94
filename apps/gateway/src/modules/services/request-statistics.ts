// Waiting and processing times per service or unit over a period (issue 4; the "waiting times
// are too long" finding of the satisfaction survey). Computed in SQL: percentiles with
// percentile_cont over stored working-day counts and timestamps, never by loading rows.
import { Prisma, type PrismaClient } from '@layanan/db';
import { periodOf } from '@layanan/domain/services';
import { builder } from '../../graphql/builder.js';
import { todayWib } from '../../platform/calendar.js';
import { openSql, overdueSql } from './queries/open-overdue.js';

export type RequestStatisticsRow = {
  key: string;
  name: string;
  count: number;
  verified: number;
  completed: number;
  medianVerifyWorkingDays: number | null;
  p90VerifyWorkingDays: number | null;
  medianVerifyHours: number | null;
  p90VerifyHours: number | null;
  medianCompleteWorkingDays: number | null;
  p90CompleteWorkingDays: number | null;
  medianCompleteHours: number | null;
  p90CompleteHours: number | null;
  completedWithinStandard: number;
  backlog: number;
  overdue: number;
};

export const RequestStatisticsRef = builder.objectRef<RequestStatisticsRow>('RequestStatistics').implement({
  description:
    'Requests submitted in the period. Times run from submission; working days use the calendar of the day they were recorded.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Service code or unit code.' }),
    name: t.exposeString('name', { description: 'Service name or unit short name.' }),
    count: t.exposeInt('count', { description: 'Requests submitted in the period.' }),
    verified: t.exposeInt('verified', { description: 'Of those, how many have been verified.' }),
    completed: t.exposeInt('completed', { description: 'Of those, how many have been completed.' }),
    medianVerifyWorkingDays: t.exposeFloat('medianVerifyWorkingDays', {
      nullable: true,
      description: 'Median working days from submission to verification; null when none was verified.',
    }),
    p90VerifyWorkingDays: t.exposeFloat('p90VerifyWorkingDays', {
      nullable: true,
      description:
        '90th percentile of working days from submission to verification; null when none was verified.',
    }),
    medianVerifyHours: t.exposeFloat('medianVerifyHours', {
      nullable: true,
      description: 'Median clock hours from submission to verification; null when none was verified.',
    }),
    p90VerifyHours: t.exposeFloat('p90VerifyHours', {
      nullable: true,
      description:
        '90th percentile of clock hours from submission to verification; null when none was verified.',
    }),
    medianCompleteWorkingDays: t.exposeFloat('medianCompleteWorkingDays', {
      nullable: true,
      description: 'Median working days from submission to completion; null when none was completed.',
    }),
    p90CompleteWorkingDays: t.exposeFloat('p90CompleteWorkingDays', {
      nullable: true,
      description:
        '90th percentile of working days from submission to completion; null when none was completed.',
    }),
    medianCompleteHours: t.exposeFloat('medianCompleteHours', {
      nullable: true,
      description: 'Median clock hours from submission to completion; null when none was completed.',
    }),
    p90CompleteHours: t.exposeFloat('p90CompleteHours', {
      nullable: true,
      description:
        '90th percentile of clock hours from submission to completion; null when none was completed.',
    }),
    completedWithinStandard: t.exposeInt('completedWithinStandard', {
      description:
        'Completed on or before the stored completion deadline (WIB day), i.e. within the service standard.',
    }),
    withinStandardShare: t.float({
      nullable: true,
      description: 'Completed on or before the stored completion deadline, as a share of completed (0–1).',
      resolve: (r) => (r.completed === 0 ? null : r.completedWithinStandard / r.completed),
    }),
    backlog: t.exposeInt('backlog', { description: 'Still open now.' }),
    overdue: t.exposeInt('overdue', { description: 'Still open now and past a stored deadline.' }),
  }),
});

/**
 * The statistics query, shared with the feedback area (the IKM report shows it beside the
 * WAKTU element). `from`/`to`: valid `YYYY-MM-DD` days (WIB), inclusive. `CITY`: one row for
 * every unit together.
 */
export function requestStatisticsRows(
  prisma: Pick<PrismaClient, '$queryRaw'>,
  options: {
    from: string;
    to: string;
    groupBy: 'SERVICE' | 'UNIT' | 'CITY';
    serviceCode?: string | null;
    unitCode?: string | null;
  },
): Promise<RequestStatisticsRow[]> {
  const { start, end } = periodOf(options.from, options.to);
  const today = todayWib();
  const byService = options.groupBy === 'SERVICE';
  const city = options.groupBy === 'CITY';
  const keyCol = city ? Prisma.sql`'CITY'` : byService ? Prisma.sql`s.code` : Prisma.sql`u.code`;
  const nameCol = city ? Prisma.sql`'CITY'` : byService ? Prisma.sql`s.name` : Prisma.sql`u."shortName"`;
  const serviceFilter = options.serviceCode
    ? Prisma.sql`AND s.code = ${options.serviceCode.trim().toUpperCase()}`
    : Prisma.empty;
  const unitFilter = options.unitCode
    ? Prisma.sql`AND u.code = ${options.unitCode.trim().toUpperCase()}`
    : Prisma.empty;
  const hours = (a: Prisma.Sql) =>
    Prisma.sql`(extract(epoch from (${a} - r."submittedAt")) / 3600.0)::float8`;
  const verifyHours = hours(Prisma.sql`r."verifiedAt"`);
  const completeHours = hours(Prisma.sql`r."completedAt"`);
  return prisma.$queryRaw<RequestStatisticsRow[]>`
    SELECT ${keyCol} AS key, ${nameCol} AS name,
      count(*)::int AS count,
      count(r."verifiedAt")::int AS verified,
      count(r."completedAt")::int AS completed,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY r."verifyWorkingDays")::float8 AS "medianVerifyWorkingDays",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY r."verifyWorkingDays")::float8 AS "p90VerifyWorkingDays",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${verifyHours})::float8 AS "medianVerifyHours",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${verifyHours})::float8 AS "p90VerifyHours",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY r."completeWorkingDays")::float8 AS "medianCompleteWorkingDays",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY r."completeWorkingDays")::float8 AS "p90CompleteWorkingDays",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${completeHours})::float8 AS "medianCompleteHours",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${completeHours})::float8 AS "p90CompleteHours",
      count(*) FILTER (WHERE r."completedAt" IS NOT NULL
        AND ((r."completedAt" AT TIME ZONE 'UTC') + interval '7 hours')::date <= r."completionDueOn")::int
        AS "completedWithinStandard",
      count(*) FILTER (WHERE ${openSql()})::int AS backlog,
      count(*) FILTER (WHERE ${overdueSql(today)})::int AS overdue
    FROM service_request r
    JOIN service s ON s.id = r."serviceId"
    JOIN unit u ON u.id = r."unitId"
    WHERE r."submittedAt" >= ${start} AND r."submittedAt" < ${end} ${serviceFilter} ${unitFilter}
    GROUP BY 1, 2
    ORDER BY 1`;
}
