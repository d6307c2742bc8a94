// A unit's SKP rating period (PermenPANRB 6/2022): supervisors rate their staff for a year, then
// the period is finalised after the "Sangat Baik" quota check, and no rating changes after that.
import type { DomainError, FieldError, Message } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { checkStaffYear } from './field-checks.js';
import { PERFORMANCE_ERROR_MESSAGES } from './messages.js';
import {
  checkSangatBaikQuota,
  type ExpectationLevel,
  type PerformanceRating,
  performanceError,
  performanceRating,
  type QuotaCheck,
  type SangatBaikQuotaRule,
} from './performance.js';

export type SkpRatingInput = {
  /** The staff record of whoever rates, or null (an admin account without one, a system). */
  readonly raterStaffId: string | null;
  readonly staffId: string;
  readonly year: number;
  readonly results: ExpectationLevel;
  readonly behaviour: ExpectationLevel;
  /** Whether the unit's period for `year` is finalised; false when it does not exist yet. */
  readonly periodFinalised: boolean;
};

/**
 * Rates one person's SKP for a year: the predikat from the results × behaviour matrix. Nobody
 * rates themselves (`SKP_SELF_RATING`); the year must be in STAFF_YEAR_RANGE (`OUT_OF_RANGE` on
 * `year`); a finalised period takes no rating (`SKP_PERIOD_FINALISED`). Checked in that order.
 * Who may rate whom (the unit's supervisors, admins) is an access rule of the caller.
 */
export function rateSkp(
  input: SkpRatingInput,
): Result<
  { readonly predikat: PerformanceRating },
  DomainError<'SKP_SELF_RATING' | 'SKP_PERIOD_FINALISED'> | FieldError
> {
  if (input.raterStaffId !== null && input.raterStaffId === input.staffId)
    return err(performanceError('SKP_SELF_RATING', { staffId: input.staffId }));
  const year = checkStaffYear(input.year);
  if (!year.ok) return year;
  if (input.periodFinalised) return err(performanceError('SKP_PERIOD_FINALISED', { year: input.year }));
  return ok({ predikat: performanceRating(input.results, input.behaviour) });
}

/**
 * Finalises a unit's period: refused when it already is (`SKP_PERIOD_FINALISED`), then the
 * "Sangat Baik" quota is checked (`SKP_QUOTA_RULE_INVALID`, `SKP_QUOTA_EXCEEDED` naming the
 * holders in `details.personIds`). On success the head counts for the report.
 */
export function finaliseSkpPeriod(
  period: {
    readonly finalised: boolean;
    readonly ratings: readonly { readonly personId: string; readonly rating: PerformanceRating }[];
  },
  rule: SangatBaikQuotaRule,
): Result<QuotaCheck, DomainError<'SKP_PERIOD_FINALISED' | 'SKP_QUOTA_EXCEEDED' | 'SKP_QUOTA_RULE_INVALID'>> {
  if (period.finalised) return err(performanceError('SKP_PERIOD_FINALISED'));
  return checkSangatBaikQuota(period.ratings, rule);
}

/** What `SKP_QUOTA_EXCEEDED` carries in `details`. */
export type SkpQuotaExcess = {
  readonly allowed: number;
  readonly actual: number;
  readonly excess: number;
  readonly personIds: readonly string[];
};

/** The excess of a `SKP_QUOTA_EXCEEDED` error, or undefined for any other error. */
export function skpQuotaExcess(error: DomainError<string>): SkpQuotaExcess | undefined {
  if (error.code !== 'SKP_QUOTA_EXCEEDED' || !error.details) return undefined;
  const d = error.details as Partial<SkpQuotaExcess>;
  return {
    allowed: Number(d.allowed ?? 0),
    actual: Number(d.actual ?? 0),
    excess: Number(d.excess ?? 0),
    personIds: [...(d.personIds ?? [])],
  };
}

/**
 * The quota message completed with the counts and the holders' names, so the supervisor sees
 * whom to revise: `… Diizinkan 1, diberikan 2: kurangi 1 dari Ani, Budi.`
 */
export function skpQuotaExcessMessage(excess: SkpQuotaExcess, holderNames: readonly string[]): Message {
  const base = PERFORMANCE_ERROR_MESSAGES.SKP_QUOTA_EXCEEDED;
  const names = holderNames.join(', ');
  return {
    id: `${base.id} Diizinkan ${excess.allowed}, diberikan ${excess.actual}: kurangi ${excess.excess} dari ${names}.`,
    en: `${base.en} Allowed ${excess.allowed}, given ${excess.actual}: revise ${excess.excess} of ${names}.`,
  };
}
