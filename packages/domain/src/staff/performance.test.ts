import { describe, expect, it } from 'vitest';
import { PERFORMANCE_RATING_LABELS } from './messages.js';
import {
  checkSangatBaikQuota,
  EXPECTATION_LEVELS,
  type PerformanceRating,
  performanceRating,
  skpRating,
} from './performance.js';

describe('performanceRating — every cell of the PermenPANRB 6/2022 matrix', () => {
  it.each([
    ['ABOVE', 'ABOVE', 'SANGAT_BAIK'],
    ['ABOVE', 'AS_EXPECTED', 'BAIK'],
    ['ABOVE', 'BELOW', 'KURANG_MISCONDUCT'],
    ['AS_EXPECTED', 'ABOVE', 'BAIK'],
    ['AS_EXPECTED', 'AS_EXPECTED', 'BAIK'],
    ['AS_EXPECTED', 'BELOW', 'KURANG_MISCONDUCT'],
    ['BELOW', 'ABOVE', 'BUTUH_PERBAIKAN'],
    ['BELOW', 'AS_EXPECTED', 'BUTUH_PERBAIKAN'],
    ['BELOW', 'BELOW', 'SANGAT_KURANG'],
  ] as const)('results %s × behaviour %s → %s', (results, behaviour, rating) => {
    expect(performanceRating(results, behaviour)).toBe(rating);
    expect(skpRating(results, behaviour)).toBe(rating);
  });

  it('covers all nine combinations and labels each rating', () => {
    const seen = new Set(
      EXPECTATION_LEVELS.flatMap((r) => EXPECTATION_LEVELS.map((b) => performanceRating(r, b))),
    );
    expect(seen.size).toBe(5);
    expect(PERFORMANCE_RATING_LABELS.KURANG_MISCONDUCT.id).toBe('Kurang/Misconduct');
  });

  it('throws on an unknown level (a bug)', () => {
    expect(() => performanceRating('GREAT' as never, 'ABOVE')).toThrow(RangeError);
  });
});

describe('checkSangatBaikQuota', () => {
  const unit = (sb: number, total: number) =>
    Array.from({ length: total }, (_, i) => ({
      personId: `p${String(i).padStart(2, '0')}`,
      rating: (i < sb ? 'SANGAT_BAIK' : 'BAIK') as PerformanceRating,
    }));

  it('passes at the quota and names the excess above it', () => {
    expect(checkSangatBaikQuota(unit(2, 10), { maxShare: 0.2 })).toEqual({
      ok: true,
      value: { people: 10, sangatBaik: 2, allowed: 2, maxShare: 0.2 },
    });
    const r = checkSangatBaikQuota(unit(4, 10), { maxShare: 0.2 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('SKP_QUOTA_EXCEEDED');
      expect(r.error.details).toMatchObject({
        allowed: 2,
        actual: 4,
        excess: 2,
        personIds: ['p00', 'p01', 'p02', 'p03'],
      });
      expect(r.error.message.id).toMatch(/Sangat Baik/);
    }
  });

  it('rounds the head count down by default, and as configured', () => {
    expect(checkSangatBaikQuota(unit(1, 7), { maxShare: 0.2 }).ok).toBe(true); // 1.4 → 1
    expect(checkSangatBaikQuota(unit(2, 7), { maxShare: 0.2 }).ok).toBe(false);
    expect(checkSangatBaikQuota(unit(2, 7), { maxShare: 0.2, rounding: 'CEIL' }).ok).toBe(true);
    expect(checkSangatBaikQuota(unit(2, 8), { maxShare: 0.2, rounding: 'ROUND' }).ok).toBe(true); // 1.6 → 2
    expect(checkSangatBaikQuota(unit(2, 7), { maxShare: 0.2, rounding: 'ROUND' }).ok).toBe(false); // 1.4 → 1
  });

  it('is not fooled by floating point (0.29 × 100 = 28.999999999999996 still allows 29)', () => {
    expect(0.29 * 100).toBeLessThan(29);
    expect(checkSangatBaikQuota(unit(29, 100), { maxShare: 0.29 }).ok).toBe(true);
    expect(checkSangatBaikQuota(unit(30, 100), { maxShare: 0.29 }).ok).toBe(false);
  });

  it('takes the share for the organisation rating', () => {
    const rule = { maxShare: { ISTIMEWA: 0.3, BAIK: 0.2, BUTUH_PERBAIKAN: 0.1 } };
    expect(checkSangatBaikQuota(unit(3, 10), rule, { organizationRating: 'ISTIMEWA' }).ok).toBe(true);
    expect(checkSangatBaikQuota(unit(3, 10), rule, { organizationRating: 'BAIK' }).ok).toBe(false);
    const missing = checkSangatBaikQuota(unit(0, 10), rule, { organizationRating: 'KURANG' });
    expect(missing.ok ? null : missing.error.code).toBe('SKP_QUOTA_RULE_INVALID');
    const noContext = checkSangatBaikQuota(unit(0, 10), rule);
    expect(noContext.ok ? null : noContext.error.code).toBe('SKP_QUOTA_RULE_INVALID');
  });

  it('rejects shares outside 0–1 and allows an empty unit', () => {
    for (const maxShare of [-0.1, 1.5, Number.NaN]) {
      const r = checkSangatBaikQuota(unit(0, 3), { maxShare });
      expect(r.ok ? null : r.error.code).toBe('SKP_QUOTA_RULE_INVALID');
    }
    expect(checkSangatBaikQuota([], { maxShare: 0.2 })).toMatchObject({ ok: true, value: { allowed: 0 } });
    expect(checkSangatBaikQuota(unit(1, 1), { maxShare: 0 }).ok).toBe(false);
  });
});
