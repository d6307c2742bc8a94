// "Open" and "overdue" as database filters, built from the domain's one definition
// (OPEN_REQUEST_STATES, CLOCK_RUNNING_STATES, `requestDeadlineStatus`): a request is overdue on
// `today` (WIB) while its clock runs and it is past the verification deadline unverified, or past
// the completion deadline.
import { Prisma, type RequestState } from '@layanan/db';
import { CLOCK_RUNNING_STATES, OPEN_REQUEST_STATES } from '@layanan/domain/services';
import { dateOnly } from '../../../platform/calendar.js';

const OPEN = [...OPEN_REQUEST_STATES] as RequestState[];
const RUNNING = [...CLOCK_RUNNING_STATES] as RequestState[];

/** Prisma filter: open requests. */
export const openWhere = (): Prisma.ServiceRequestWhereInput => ({ state: { in: OPEN } });

/** Prisma filter: requests overdue on `today`. */
export function overdueWhere(today: string): Prisma.ServiceRequestWhereInput {
  const day = dateOnly(today);
  return {
    state: { in: RUNNING },
    OR: [{ verifiedAt: null, verificationDueOn: { lt: day } }, { completionDueOn: { lt: day } }],
  };
}

/** A SQL list literal of states for `state::text IN (…)`, as bound parameters. */
export const statesSql = (states: readonly string[]): Prisma.Sql => Prisma.join([...states]);

/** SQL condition (alias `r` for service_request): open. */
export const openSql = (): Prisma.Sql => Prisma.sql`r.state::text IN (${statesSql(OPEN_REQUEST_STATES)})`;

/** SQL condition (alias `r`): past a deadline on `today`, for states in `states` (default: clock running). */
export function overdueSql(today: string, states: readonly string[] = CLOCK_RUNNING_STATES): Prisma.Sql {
  return Prisma.sql`r.state::text IN (${statesSql(states)})
    AND ((r."verifiedAt" IS NULL AND r."verificationDueOn" < ${today}::date) OR r."completionDueOn" < ${today}::date)`;
}

/**
 * SQL condition (alias `r`): the deadline missed on `today` (verification before completion, as
 * the domain's `requestDeadlineStatus`) has not been escalated yet — the domain's "each deadline
 * escalated once" (`escalationDue`) as a filter, so a batch job never selects rows it would skip.
 */
export function notYetEscalatedSql(today: string): Prisma.Sql {
  return Prisma.sql`r."escalatedDueOn" IS DISTINCT FROM (CASE
      WHEN r."verifiedAt" IS NULL AND r."verificationDueOn" < ${today}::date THEN r."verificationDueOn"
      ELSE r."completionDueOn" END)`;
}

/** SQL: the WIB day of a timestamp column of `r`. */
const wibDay = (column: string) =>
  Prisma.raw(`((r."${column}" AT TIME ZONE 'UTC') + interval '7 hours')::date`);

/**
 * SQL condition (alias `r`): completed within the standard — the domain's
 * `requestTimeliness(...).completedWithinStandard` as a filter: completed, verified on or before
 * the verification deadline, and completed on or before the completion deadline (WIB days). The
 * per-request label and the statistics count the same requests (tested to agree).
 */
export function completedWithinStandardSql(): Prisma.Sql {
  return Prisma.sql`r.state::text = 'COMPLETED' AND r."completedAt" IS NOT NULL
    AND (r."verifiedAt" IS NULL OR ${wibDay('verifiedAt')} <= r."verificationDueOn")
    AND r."completionDueOn" IS NOT NULL AND ${wibDay('completedAt')} <= r."completionDueOn"`;
}
