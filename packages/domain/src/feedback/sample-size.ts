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
  /** responses / required (1 when nothing is required). */
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
    coverage: required === 0 ? 1 : responses / required,
  };
}
