import { describe, expect, it } from 'vitest';
import { skmCoverage, skmSampleSize } from './sample-size.js';

describe('skmSampleSize (Krejcie & Morgan)', () => {
  it.each([
    // DOMAIN.md's table
    [100, 80],
    [1_000, 278],
    [10_000, 370],
    [75_000, 382],
    [1_000_000, 384],
    // more rows of the published table
    [10, 10],
    [50, 44],
    [200, 132],
    [500, 217],
    [2_000, 322],
    [5_000, 357],
    [100_000, 383],
  ])('the published table: N = %i → %i', (n, s) => {
    expect(skmSampleSize(n)).toBe(s);
  });

  it('matches the floating-point formula away from .5 and never exceeds N', () => {
    for (let n = 1; n <= 5000; n += 1) {
      const s = skmSampleSize(n);
      const f = (3.841 * n * 0.25) / (0.0025 * (n - 1) + 3.841 * 0.25);
      if (Math.abs((f % 1) - 0.5) > 1e-9) expect(s, `N=${n}`).toBe(Math.round(f));
      expect(s).toBeLessThanOrEqual(n);
    }
    expect(skmSampleSize(0)).toBe(0);
    expect(skmSampleSize(Number.MAX_SAFE_INTEGER)).toBe(384);
  });

  it('throws on an impossible population', () => {
    expect(() => skmSampleSize(-1)).toThrow(RangeError);
    expect(() => skmSampleSize(10.5)).toThrow(RangeError);
  });
});

describe('skmCoverage', () => {
  it('compares responses with the required sample', () => {
    expect(skmCoverage(60, 100)).toEqual({
      population: 100,
      required: 80,
      responses: 60,
      shortfall: 20,
      sufficient: false,
      coverage: 0.75,
    });
    expect(skmCoverage(400, 1_000_000)).toMatchObject({ required: 384, shortfall: 0, sufficient: true });
    expect(skmCoverage(0, 0)).toMatchObject({ required: 0, sufficient: true, coverage: 1 });
    expect(() => skmCoverage(-1, 10)).toThrow(RangeError);
  });
});
