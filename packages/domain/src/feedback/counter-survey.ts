// Four eyes on the index (issue 15 kind 7): counter (walk-in) survey answers are typed in by staff,
// so they are attributed to the staff member who typed them, capped per staff member per day,
// dated only inside the survey period that is open now, and reported apart from the online answers,
// with a warning when they dominate a period.
import { type DomainError, errorFactory, type Message } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import type { SkmTotals } from './ikm.js';
import { IKM_WARNING_MESSAGES, type IkmWarningCode, SURVEY_ERROR_MESSAGES } from './messages.js';
import { type SkmPeriod, type SkmPeriodKind, skmPeriod } from './period.js';

const surveyError = errorFactory(SURVEY_ERROR_MESSAGES);

/** The rules for counter entries: how many one staff member may type per WIB day, and the open period. */
export type CounterSurveyPolicy = {
  /** Counter responses one account may record per WIB day (default 20). */
  readonly dailyCap: number;
  /** The kind of period that is open for counter entries: the one containing today (default QUARTER). */
  readonly period: SkmPeriodKind;
};

export const COUNTER_SURVEY_DEFAULTS: CounterSurveyPolicy = { dailyCap: 20, period: 'QUARTER' };

/** The period of `kind` that contains `day` (`YYYY-MM-DD`). Throws on a malformed day. */
export function skmPeriodContaining(day: string, kind: SkmPeriodKind): SkmPeriod {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(day);
  if (!m) throw new RangeError(`skmPeriodContaining: not a day ${day}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const number = { MONTH: month, QUARTER: Math.ceil(month / 3), SEMESTER: month <= 6 ? 1 : 2, YEAR: null }[
    kind
  ];
  const period = skmPeriod({ kind, year, number });
  if (!period.ok) throw new RangeError(`skmPeriodContaining: ${period.error.code} for ${day}`);
  return period.value;
}

export type CounterSurveyError = DomainError<
  'SURVEY_DATE_IN_FUTURE' | 'SURVEY_DATE_OUTSIDE_OPEN_PERIOD' | 'SURVEY_COUNTER_DAILY_CAP_REACHED'
>;

/**
 * Whether one more counter response may be recorded: for `day` (the service day, WIB) by a staff
 * member who has recorded `recordedToday` counter responses on `today` (WIB). Errors:
 * `SURVEY_DATE_IN_FUTURE`, `SURVEY_DATE_OUTSIDE_OPEN_PERIOD` (before the open period, e.g. last
 * quarter: a closed period's index is not moved afterwards), `SURVEY_COUNTER_DAILY_CAP_REACHED`.
 */
export function checkCounterSurvey(input: {
  readonly day: string;
  readonly today: string;
  readonly recordedToday: number;
  readonly policy: CounterSurveyPolicy;
}): Result<{ readonly openPeriod: SkmPeriod }, CounterSurveyError> {
  const { day, today, recordedToday, policy } = input;
  if (day > today) return err(surveyError('SURVEY_DATE_IN_FUTURE', { day, today }));
  const openPeriod = skmPeriodContaining(today, policy.period);
  if (day < openPeriod.from)
    return err(
      surveyError('SURVEY_DATE_OUTSIDE_OPEN_PERIOD', { day, from: openPeriod.from, to: openPeriod.to }),
    );
  if (recordedToday >= policy.dailyCap)
    return err(surveyError('SURVEY_COUNTER_DAILY_CAP_REACHED', { cap: policy.dailyCap }));
  return ok({ openPeriod });
}

/** Counter answers dominate a period above this share of its respondents. */
export const COUNTER_DOMINANCE_SHARE = 0.5;

export type IkmWarning = { readonly code: IkmWarningCode; readonly message: Message };

/**
 * The report's warnings from its respondents per channel: `COUNTER_DOMINATES` when more than
 * half (COUNTER_DOMINANCE_SHARE) of the respondents were typed in at the counter.
 */
export function ikmChannelWarnings(online: number, counter: number): IkmWarning[] {
  const total = online + counter;
  if (total === 0 || counter / total <= COUNTER_DOMINANCE_SHARE) return [];
  return [{ code: 'COUNTER_DOMINATES', message: IKM_WARNING_MESSAGES.COUNTER_DOMINATES }];
}

/** The sum of two channels' totals (respondents and per-element sums and counts). */
export function addSkmTotals(a: SkmTotals | undefined, b: SkmTotals | undefined): SkmTotals | undefined {
  if (!a) return b;
  if (!b) return a;
  const elements = Object.fromEntries(
    Object.entries(a.elements).map(([code, t]) => {
      const o = b.elements[code as keyof SkmTotals['elements']];
      return [code, { sum: t.sum + o.sum, answered: t.answered + o.answered }];
    }),
  ) as SkmTotals['elements'];
  return { respondents: a.respondents + b.respondents, elements };
}
