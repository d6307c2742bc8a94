import { describe, expect, it } from 'vitest';
import { skmCoverage, skmSamplePopulation, skmSampleSize } from './sample-size.js';

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
    // More than the minimum is sufficient, not "104 %".
    expect(skmCoverage(400, 1_000_000)).toMatchObject({
      required: 384,
      shortfall: 0,
      sufficient: true,
      coverage: 1,
    });
    expect(skmCoverage(0, 0)).toMatchObject({ required: 0, sufficient: true, coverage: 1 });
    expect(() => skmCoverage(-1, 10)).toThrow(RangeError);
  });
});

describe('skmSamplePopulation (issue 16 kind 13)', () => {
  it('adds the counter respondents to the completed requests, and says the counter part is a lower bound', () => {
    expect(
      skmSamplePopulation({ completedRequests: 10, onlineRespondents: 3, counterRespondents: 95 }),
    ).toEqual({
      online: 10,
      counter: 95,
      total: 105,
      responseRate: 98 / 105,
      warnings: ['COUNTER_POPULATION_FROM_RESPONDENTS'],
    });
  });

  it('is never 0 when there are respondents', () => {
    expect(
      skmSamplePopulation({ completedRequests: 0, onlineRespondents: 0, counterRespondents: 4 }),
    ).toMatchObject({
      total: 4,
      responseRate: 1,
    });
    expect(
      skmSamplePopulation({ completedRequests: 2, onlineRespondents: 5, counterRespondents: 0 }),
    ).toEqual({
      online: 5,
      counter: 0,
      total: 5,
      responseRate: 1,
      warnings: ['RESPONDENTS_EXCEED_POPULATION'],
    });
  });

  it('has no response rate and no warning when nobody was served', () => {
    expect(
      skmSamplePopulation({ completedRequests: 0, onlineRespondents: 0, counterRespondents: 0 }),
    ).toEqual({
      online: 0,
      counter: 0,
      total: 0,
      responseRate: null,
      warnings: [],
    });
    expect(() =>
      skmSamplePopulation({ completedRequests: -1, onlineRespondents: 0, counterRespondents: 0 }),
    ).toThrow(RangeError);
  });
});
