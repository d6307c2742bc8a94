/*
 * Minimum SKM sample (PermenPANRB 14/2017 refers to the Krejcie & Morgan table):
 *   s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), χ² = 3.841, P = 0.5, d = 0.05,
 * rounded to the nearest integer. With these constants the formula simplifies exactly to
 *   s = 3841·N / (10·N + 3831)
 * (multiply numerator and denominator by 4000), so it is computed in integers: no
 * floating-point error can move a value across .5.
 */

/** The minimum number of respondents for `population` people served in the survey period. */
export function skmSampleSize(population: number): number {
  if (!Number.isSafeInteger(population) || population < 0) {
    throw new RangeError(`skmSampleSize: population must be a non-negative integer, got ${population}`);
  }
  if (population === 0) return 0;
  const n = BigInt(population);
  const num = 3841n * n;
  const den = 10n * n + 3831n;
  return Number((2n * num + den) / (2n * den)); // round half up
}

export type SkmCoverage = {
  readonly population: number;
  readonly required: number;
  readonly responses: number;
  readonly shortfall: number;
  readonly sufficient: boolean;
  /**
   * Share of the minimum sample reached, 0–1: min(responses, required) / required (1 when nothing
   * is required). Never above 1: more responses than the minimum is `sufficient`, not "338 %".
   */
  readonly coverage: number;
};

/** Whether a period's responses reach the Krejcie & Morgan minimum for the people served. */
export function skmCoverage(responses: number, population: number): SkmCoverage {
  if (!Number.isSafeInteger(responses) || responses < 0) {
    throw new RangeError(`skmCoverage: responses must be a non-negative integer, got ${responses}`);
  }
  const required = skmSampleSize(population);
  return {
    population,
    required,
    responses,
    shortfall: Math.max(0, required - responses),
    sufficient: responses >= required,
    coverage: required === 0 ? 1 : Math.min(responses, required) / required,
  };
}

/** Codes of the cautions skmSamplePopulation gives (messages in IKM_WARNING_MESSAGES). */
export type SkmPopulationWarningCode =
  | 'COUNTER_POPULATION_FROM_RESPONDENTS'
  | 'RESPONDENTS_EXCEED_POPULATION';

/** The people served in a survey period per channel, on the same days and scope as the respondents. */
export type SkmSamplePopulation = {
  /** Online: requests completed in the period (each is invited to answer), at least the online respondents. */
  readonly online: number;
  /** Counter: walk-in visits are not recorded, so the counter respondents (a lower bound). */
  readonly counter: number;
  /** online + counter: the N of Krejcie & Morgan. */
  readonly total: number;
  /** Respondents / total, 0–1; null when nobody was served. */
  readonly responseRate: number | null;
  readonly warnings: readonly SkmPopulationWarningCode[];
};

/**
 * The population a period's respondents are drawn from (PermenPANRB 14/2017: N = people served
 * in the survey period), channel by channel so that respondents and population cover the same
 * channels and days, and the respondents are always part of it:
 * - online respondents answer their own request, dated on its completion day, so the online
 *   population is the requests completed in the period (`completedRequests`, any request
 *   channel); if more online respondents than that are found (a request no longer recorded as
 *   completed in the period), the population counts them and says so:
 *   `RESPONDENTS_EXCEED_POPULATION`;
 * - counter (walk-in) respondents have no request, and walk-in visits are not counted anywhere,
 *   so each counter respondent counts as one person served: `COUNTER_POPULATION_FROM_RESPONDENTS`.
 * Throws RangeError on a negative or non-integer count.
 */
export function skmSamplePopulation(input: {
  readonly completedRequests: number;
  readonly onlineRespondents: number;
  readonly counterRespondents: number;
}): SkmSamplePopulation {
  for (const [name, n] of Object.entries(input)) {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`skmSamplePopulation: ${name} must be a non-negative integer, got ${n}`);
    }
  }
  const { completedRequests, onlineRespondents, counterRespondents } = input;
  const warnings: SkmPopulationWarningCode[] = [];
  if (onlineRespondents > completedRequests) warnings.push('RESPONDENTS_EXCEED_POPULATION');
  if (counterRespondents > 0) warnings.push('COUNTER_POPULATION_FROM_RESPONDENTS');
  const online = Math.max(completedRequests, onlineRespondents);
  const counter = counterRespondents;
  const total = online + counter;
  return {
    online,
    counter,
    total,
    responseRate: total === 0 ? null : (onlineRespondents + counterRespondents) / total,
    warnings,
  };
}
