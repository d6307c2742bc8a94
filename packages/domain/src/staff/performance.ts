import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { PERFORMANCE_ERROR_MESSAGES } from './messages.js';

/*
 * SKP performance rating (PermenPANRB 6/2022 on ASN performance management): work results
 * (hasil kerja) and work behaviour (perilaku kerja, the BerAKHLAK values) are each rated against
 * expectation; the rating (predikat kinerja) follows from the matrix below.
 */
export const EXPECTATION_LEVELS = ['ABOVE', 'AS_EXPECTED', 'BELOW'] as const;
export type ExpectationLevel = (typeof EXPECTATION_LEVELS)[number];

export const PERFORMANCE_RATINGS = [
  'SANGAT_BAIK',
  'BAIK',
  'BUTUH_PERBAIKAN',
  'KURANG_MISCONDUCT',
  'SANGAT_KURANG',
] as const;
export type PerformanceRating = (typeof PERFORMANCE_RATINGS)[number];

/** `SKP_MATRIX[results][behaviour]`, rows and columns exactly as in PermenPANRB 6/2022. */
export const SKP_MATRIX = {
  ABOVE: { ABOVE: 'SANGAT_BAIK', AS_EXPECTED: 'BAIK', BELOW: 'KURANG_MISCONDUCT' },
  AS_EXPECTED: { ABOVE: 'BAIK', AS_EXPECTED: 'BAIK', BELOW: 'KURANG_MISCONDUCT' },
  BELOW: { ABOVE: 'BUTUH_PERBAIKAN', AS_EXPECTED: 'BUTUH_PERBAIKAN', BELOW: 'SANGAT_KURANG' },
} as const satisfies Record<ExpectationLevel, Record<ExpectationLevel, PerformanceRating>>;

/** The rating for a results level and a behaviour level. */
export function performanceRating(results: ExpectationLevel, behaviour: ExpectationLevel): PerformanceRating {
  const rating = SKP_MATRIX[results]?.[behaviour];
  if (rating === undefined) throw new RangeError(`Unknown expectation level: ${results} / ${behaviour}`);
  return rating;
}

/** Alias of `performanceRating`, named after the SKP. */
export const skpRating = performanceRating;

/** The organisation's own rating, which may set how many "Sangat Baik" its staff can get. */
export const ORGANIZATION_RATINGS = [
  'ISTIMEWA',
  'BAIK',
  'BUTUH_PERBAIKAN',
  'KURANG',
  'SANGAT_KURANG',
] as const;
export type OrganizationRating = (typeof ORGANIZATION_RATINGS)[number];

/**
 * The cap on "Sangat Baik" ratings in one unit and period. Organisations set it themselves
 * (PermenPANRB 6/2022 ties the distribution to the organisation's result), so it is data:
 * one share for all, or a share per organisation rating. No default share is shipped.
 */
/** How a share of a head count is rounded to people (FLOOR never exceeds the share). */
export const QUOTA_ROUNDINGS = ['FLOOR', 'ROUND', 'CEIL'] as const;
export type QuotaRounding = (typeof QUOTA_ROUNDINGS)[number];

export type SangatBaikQuotaRule = {
  /** Maximum share 0–1, or per organisation rating. */
  readonly maxShare: number | Readonly<Partial<Record<OrganizationRating, number>>>;
  /** How `maxShare × people` becomes a head count. Default `FLOOR` (never exceed the share). */
  readonly rounding?: QuotaRounding;
};

export const performanceError = errorFactory(PERFORMANCE_ERROR_MESSAGES);

export type QuotaCheck = {
  readonly people: number;
  readonly sangatBaik: number;
  readonly allowed: number;
  readonly maxShare: number;
};

/**
 * Checks a unit's ratings for a period against the "Sangat Baik" quota, before the period is
 * finalised. On excess the error names how many are over (`details.excess`) and who holds the
 * rating (`details.personIds`), so a supervisor can decide whom to revise.
 */
export function checkSangatBaikQuota(
  ratings: readonly { readonly personId: string; readonly rating: PerformanceRating }[],
  rule: SangatBaikQuotaRule,
  context: { readonly organizationRating?: OrganizationRating } = {},
): Result<QuotaCheck, DomainError<'SKP_QUOTA_EXCEEDED' | 'SKP_QUOTA_RULE_INVALID'>> {
  let maxShare: number | undefined;
  if (typeof rule.maxShare === 'number') maxShare = rule.maxShare;
  else if (context.organizationRating !== undefined) maxShare = rule.maxShare[context.organizationRating];
  if (maxShare === undefined || !Number.isFinite(maxShare) || maxShare < 0 || maxShare > 1) {
    return err(
      performanceError('SKP_QUOTA_RULE_INVALID', {
        maxShare: rule.maxShare,
        organizationRating: context.organizationRating,
      }),
    );
  }
  const people = ratings.length;
  // Clean floating-point noise first, so 0.29 × 100 = 28.999999999999996 counts as 29.
  const exact = Math.round(maxShare * people * 1e9) / 1e9;
  const rounding = rule.rounding ?? 'FLOOR';
  const allowed =
    rounding === 'CEIL' ? Math.ceil(exact) : rounding === 'ROUND' ? Math.round(exact) : Math.floor(exact);
  const holders = ratings.filter((r) => r.rating === 'SANGAT_BAIK').map((r) => r.personId);
  if (holders.length > allowed) {
    return err(
      performanceError('SKP_QUOTA_EXCEEDED', {
        allowed,
        actual: holders.length,
        excess: holders.length - allowed,
        people,
        maxShare,
        personIds: [...holders].sort(),
      }),
    );
  }
  return ok({ people, sangatBaik: holders.length, allowed, maxShare });
}
