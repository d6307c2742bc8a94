import type { Day } from '../calendar/day.js';
import { addCalendarDays } from '../calendar/day.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { addWorkingDays } from '../calendar/working-days.js';
import {
  type FieldError,
  fieldError,
  type InvalidInputError,
  invalidInputError,
  wholeNumberErrors,
} from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { LAPOR_ERROR_MESSAGES, type LaporErrorCode } from './messages.js';

/** SP4N-LAPOR! report types (PermenPANRB 62/2018 on the national complaint-handling system). */
export const LAPOR_REPORT_TYPES = ['ASPIRATION', 'COMPLAINT', 'INFORMATION_REQUEST'] as const;
export type LaporReportType = (typeof LAPOR_REPORT_TYPES)[number];

export type DeadlinePeriod = { readonly amount: number; readonly unit: 'WORKING_DAYS' | 'CALENDAR_DAYS' };

export type LaporDeadlines = {
  /** From submission to verification. */
  readonly verification: DeadlinePeriod;
  /** From verification to the agency's first response. */
  readonly firstResponse: DeadlinePeriod;
  /** From verification to follow-up, for complaints and information requests. */
  readonly followUp: DeadlinePeriod;
  readonly disputeWithoutFieldCheck: DeadlinePeriod;
  readonly disputeWithFieldCheck: DeadlinePeriod;
};

/**
 * Stage deadlines as reported by KemenPANRB for SP4N-LAPOR!. Not verified against the
 * regulation's text here, so they are defaults an administrator can change, not law.
 */
export const LAPOR_DEFAULT_DEADLINES = {
  verification: { amount: 3, unit: 'WORKING_DAYS' },
  firstResponse: { amount: 3, unit: 'CALENDAR_DAYS' },
  followUp: { amount: 5, unit: 'WORKING_DAYS' },
  disputeWithoutFieldCheck: { amount: 14, unit: 'CALENDAR_DAYS' },
  disputeWithFieldCheck: { amount: 60, unit: 'CALENDAR_DAYS' },
} as const satisfies LaporDeadlines;

const STAGES = Object.keys(LAPOR_DEFAULT_DEADLINES) as (keyof LaporDeadlines)[];

/** The defaults with an administrator's overrides applied, validated (whole days, 1–365). */
export function resolveLaporDeadlines(
  overrides: Readonly<Partial<Record<keyof LaporDeadlines, Partial<DeadlinePeriod>>>> = {},
): Result<LaporDeadlines, InvalidInputError<LaporErrorCode>> {
  const fields: FieldError[] = [];
  for (const key of Object.keys(overrides)) {
    if (!(STAGES as string[]).includes(key)) fields.push(fieldError(key, 'UNKNOWN_FIELD'));
  }
  const resolved = Object.fromEntries(
    STAGES.map((stage) => {
      const p = { ...LAPOR_DEFAULT_DEADLINES[stage], ...overrides[stage] };
      fields.push(...wholeNumberErrors(`${stage}.amount`, p.amount, { min: 1, max: 365 }));
      if (p.unit !== 'WORKING_DAYS' && p.unit !== 'CALENDAR_DAYS') {
        fields.push(
          fieldError(`${stage}.unit`, 'NOT_ALLOWED', {
            value: p.unit,
            allowed: ['WORKING_DAYS', 'CALENDAR_DAYS'],
          }),
        );
      }
      return [stage, p];
    }),
  ) as LaporDeadlines;
  return fields.length > 0
    ? err(invalidInputError('LAPOR_DEADLINES_INVALID', LAPOR_ERROR_MESSAGES, fields))
    : ok(resolved);
}

/** The due date of a period started on `start`: working days via the calendar, or plain days. */
export function dueDate(start: Day, period: DeadlinePeriod, calendar: WorkingCalendar): string {
  return period.unit === 'WORKING_DAYS'
    ? addWorkingDays(start, period.amount, calendar)
    : addCalendarDays(start, period.amount);
}

export type LaporStageDueDates = {
  readonly verificationDue: string;
  /** Set once the report is verified. */
  readonly firstResponseDue?: string;
  /** Complaints and information requests only, once verified. */
  readonly followUpDue?: string;
};

/** Due dates of a report's stages from its submission (and verification, when known). */
export function laporStageDueDates(
  report: { readonly type: LaporReportType; readonly submittedOn: Day; readonly verifiedOn?: Day },
  calendar: WorkingCalendar,
  deadlines: LaporDeadlines = LAPOR_DEFAULT_DEADLINES,
): LaporStageDueDates {
  const verificationDue = dueDate(report.submittedOn, deadlines.verification, calendar);
  if (report.verifiedOn === undefined) return { verificationDue };
  const firstResponseDue = dueDate(report.verifiedOn, deadlines.firstResponse, calendar);
  return report.type === 'ASPIRATION'
    ? { verificationDue, firstResponseDue }
    : {
        verificationDue,
        firstResponseDue,
        followUpDue: dueDate(report.verifiedOn, deadlines.followUp, calendar),
      };
}
