import type { Day } from '../calendar/day.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.js';
import { type DomainError, errorFactory, type FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { reasonProblem } from '../text-limits.js';
import { ANSWER_ERROR_MESSAGES, type AnswerErrorCode } from './messages.js';

/*
 * The public answer to a submission, as participatory platforms publish it (Decidim's
 * evaluating / accepted / rejected, plus "already planned"). Every answer carries a public
 * reason, in line with the openness and accountability principles of UU 25/2009 (art. 4).
 */
export const ANSWER_STATUSES = ['UNDER_REVIEW', 'ACCEPTED', 'REJECTED', 'ALREADY_PLANNED'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** Working days to answer a submission publicly; configurable per forum. */
export const DEFAULT_ANSWER_DEADLINE_WORKING_DAYS = 14;

const answerError = errorFactory(ANSWER_ERROR_MESSAGES);
export type AnswerError = DomainError<AnswerErrorCode>;

const FINAL: readonly AnswerStatus[] = ['ACCEPTED', 'REJECTED', 'ALREADY_PLANNED'];

/**
 * UNDER_REVIEW → ACCEPTED | REJECTED | ALREADY_PLANNED, with a public reason of at most REASON_MAX
 * characters (a `reason` field error beyond). An answer, once
 * given, is final (a change of mind is a new commitment or a progress update, not an edit).
 */
export function answerTransition(
  from: AnswerStatus,
  to: AnswerStatus,
  publicReason: string | null | undefined,
): Result<{ from: AnswerStatus; to: AnswerStatus }, AnswerError | FieldError> {
  if (from !== 'UNDER_REVIEW' || !FINAL.includes(to)) {
    return err(answerError('ANSWER_TRANSITION_NOT_ALLOWED', { from, to }));
  }
  if (!publicReason || publicReason.trim() === '') return err(answerError('ANSWER_REASON_REQUIRED', { to }));
  const tooLong = reasonProblem('reason', publicReason);
  if (tooLong) return err(tooLong);
  return ok({ from, to });
}

/** When the public answer is due: `workingDays` after submission (default 14). */
export function answerDueDate(
  submittedOn: Day,
  calendar: WorkingCalendar,
  workingDays: number = DEFAULT_ANSWER_DEADLINE_WORKING_DAYS,
): string {
  return addWorkingDays(submittedOn, workingDays, calendar);
}

/**
 * Overdue while still under review after the due date; an answer given late is "answered
 * late" (see `answeredOnTime`), not overdue.
 */
export function isAnswerOverdue(
  submission: { readonly status: AnswerStatus; readonly dueDate: string },
  today: Day,
  calendar: WorkingCalendar,
): boolean {
  return submission.status === 'UNDER_REVIEW' && workingDaysBetween(submission.dueDate, today, calendar) > 0;
}

/** Whether an answer given on `answeredOn` met the due date. */
export function answeredOnTime(dueDate: string, answeredOn: Day, calendar: WorkingCalendar): boolean {
  return workingDaysBetween(dueDate, answeredOn, calendar) <= 0;
}
