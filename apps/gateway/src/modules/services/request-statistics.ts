// Waiting and processing times per service or unit over a period (issue 4; the "waiting times
// are too long" finding of the satisfaction survey). Computed in SQL: percentiles with
// percentile_cont over stored working-day counts and timestamps, never by loading rows.
import { Prisma, type PrismaClient } from '@layanan/db';
import { periodOf } from '@layanan/domain/services';
import { builder } from '../../graphql/builder.js';
import { todayWib } from '../../platform/calendar.js';
import { completedWithinStandardSql, openSql, overdueSql } from './queries/open-overdue.js';

/**
 * The eight processing times, each a percentile of the requests that reached a stage: the median
 * and the 90th percentile, to verification and to completion, in working days (as stored on the
 * request) and in clock hours since submission. Field names read `<percentile><Stage><Unit>`,
 * e.g. `p90CompleteHours`.
 */
const PERCENTILES = { median: [0.5, 'Median'], p90: [0.9, '90th percentile of'] } as const;
const STAGES = {
  Verify: { workingDays: 'verifyWorkingDays', at: 'verifiedAt', noun: 'verification', done: 'verified' },
  Complete: { workingDays: 'completeWorkingDays', at: 'completedAt', noun: 'completion', done: 'completed' },
} as const;
const UNITS = { WorkingDays: 'working days', Hours: 'clock hours' } as const;

type TimeField = `${keyof typeof PERCENTILES}${keyof typeof STAGES}${keyof typeof UNITS}`;

const entries = <K extends string, V>(record: Record<K, V>) => Object.entries(record) as [K, V][];

const TIMES = entries(STAGES).flatMap(([stage, { workingDays, at, noun, done }]) =>
  entries(UNITS).flatMap(([unit, unitWords]) =>
    entries(PERCENTILES).map(([percentile, [fraction, words]]) => ({
      field: `${percentile}${stage}${unit}` as TimeField,
      fraction,
      /** SQL: the time of one request (`r`), stored in working days or counted in hours. */
      measure:
        unit === 'Hours'
          ? `(extract(epoch from (r."${at}" - r."submittedAt")) / 3600.0)::float8`
          : `r."${workingDays}"`,
      description: `${words} ${unitWords} from submission to ${noun}; null when none was ${done}.`,
    })),
  ),
);

export type RequestStatisticsRow = {
  key: string;
  name: string;
  count: number;
  verified: number;
  completed: number;
  completedWithinStandard: number;
  backlog: number;
  overdue: number;
  escalations: number;
  escalated: number;
  complaintsDecided: number;
  contested: number;
} & Record<TimeField, number | null>;

export const RequestStatisticsRef = builder.objectRef<RequestStatisticsRow>('RequestStatistics').implement({
  description:
    'Requests submitted in the period. Times run from submission; working days use the calendar of the day they were recorded.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Service code or unit code.' }),
    name: t.exposeString('name', { description: 'Service name or unit short name.' }),
    count: t.exposeInt('count', { description: 'Requests submitted in the period.' }),
    verified: t.exposeInt('verified', { description: 'Of those, how many have been verified.' }),
    completed: t.exposeInt('completed', { description: 'Of those, how many have been completed.' }),
    ...Object.fromEntries(
      TIMES.map(({ field, description }) => [field, t.exposeFloat(field, { nullable: true, description })]),
    ),
    completedWithinStandard: t.exposeInt('completedWithinStandard', {
      description:
        'Completed within the service standard: verified by its verification deadline (3 working days from filing) AND completed by its completion deadline (completionDays working days from verification, the time back with the citizen paused), WIB days. The same requests a request’s timeliness calls COMPLETED_ON_TIME.',
    }),
    withinStandardShare: t.float({
      nullable: true,
      description:
        'completedWithinStandard as a share of completed (0–1): the share whose timeliness is COMPLETED_ON_TIME.',
      resolve: (r) => (r.completed === 0 ? null : r.completedWithinStandard / r.completed),
    }),
    backlog: t.exposeInt('backlog', { description: 'Still open now.' }),
    overdue: t.exposeInt('overdue', { description: 'Still open now and past a stored deadline.' }),
    escalations: t.exposeInt('escalations', {
      description:
        'Escalation steps of these requests (issue 20): each move to ESCALATED (automatic or asked by staff) and each climb of the escalation ladder (ESCALATION_CLIMBED).',
    }),
    escalated: t.exposeInt('escalated', {
      description: 'Of those requests, how many were escalated at least once.',
    }),
    complaintsDecided: t.exposeInt('complaintsDecided', {
      description:
        'Complaints among them that got an outcome (completed or rejected, now or before a contest reopened them): the base of contestedShare.',
    }),
    contested: t.exposeInt('contested', {
      description: 'Complaints whose reporter contested the outcome at least once (reopened).',
    }),
    contestedShare: t.float({
      nullable: true,
      description:
        'contested as a share of complaintsDecided (0–1): how often reporters did not accept the outcome (SP4N-LAPOR! follow-up); null when no complaint was decided.',
      resolve: (r) => (r.complaintsDecided === 0 ? null : r.contested / r.complaintsDecided),
    }),
  }),
});

const percentileSql = ({ field, fraction, measure }: (typeof TIMES)[number]) =>
  Prisma.raw(`percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${measure})::float8 AS "${field}"`);

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
  return prisma.$queryRaw<RequestStatisticsRow[]>`
    SELECT ${keyCol} AS key, ${nameCol} AS name,
      count(*)::int AS count,
      count(r."verifiedAt")::int AS verified,
      count(r."completedAt")::int AS completed,
      ${Prisma.join(TIMES.map(percentileSql))},
      count(*) FILTER (WHERE ${completedWithinStandardSql()})::int AS "completedWithinStandard",
      count(*) FILTER (WHERE ${openSql()})::int AS backlog,
      count(*) FILTER (WHERE ${overdueSql(today)})::int AS overdue,
      coalesce(sum(e.steps), 0)::int AS escalations,
      count(*) FILTER (WHERE e.steps > 0)::int AS escalated,
      count(*) FILTER (
        WHERE s.kind = 'COMPLAINT' AND (r.state::text IN ('COMPLETED', 'REJECTED') OR r."reopenCount" > 0)
      )::int AS "complaintsDecided",
      count(*) FILTER (WHERE s.kind = 'COMPLAINT' AND r."reopenCount" > 0)::int AS contested
    FROM service_request r
    CROSS JOIN LATERAL (
      SELECT count(*) AS steps FROM request_event ev
      WHERE ev."requestId" = r.id
        AND ((ev."toState" = 'ESCALATED' AND ev."fromState" IS DISTINCT FROM 'ESCALATED')
          OR ev.kind = 'ESCALATION_CLIMBED')
    ) e
    JOIN service s ON s.id = r."serviceId"
    JOIN unit u ON u.id = r."unitId"
    WHERE r."submittedAt" >= ${start} AND r."submittedAt" < ${end} ${serviceFilter} ${unitFilter}
    GROUP BY 1, 2
    ORDER BY 1`;
}
