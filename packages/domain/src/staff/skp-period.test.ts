import { describe, expect, it } from 'vitest';
import { finaliseSkpPeriod, rateSkp, skpQuotaExcess, skpQuotaExcessMessage } from './skp-period.js';

const rating = {
  raterStaffId: 'boss',
  staffId: 'ani',
  year: 2026,
  results: 'ABOVE',
  behaviour: 'ABOVE',
  periodFinalised: false,
} as const;

describe('rateSkp', () => {
  it('gives the predikat of the matrix', () => {
    expect(rateSkp(rating)).toEqual({ ok: true, value: { predikat: 'SANGAT_BAIK' } });
    expect(rateSkp({ ...rating, raterStaffId: null, behaviour: 'BELOW' })).toEqual({
      ok: true,
      value: { predikat: 'KURANG_MISCONDUCT' },
    });
  });
  it('refuses rating oneself before anything else', () => {
    const r = rateSkp({ ...rating, raterStaffId: 'ani', year: 1800, periodFinalised: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'SKP_SELF_RATING' } });
  });
  it('refuses an impossible year on the year field', () => {
    expect(rateSkp({ ...rating, year: 1969 })).toMatchObject({
      ok: false,
      error: {
        field: 'year',
        code: 'OUT_OF_RANGE',
        message: { en: 'The year must be between 1970 and 2100.' },
      },
    });
    expect(rateSkp({ ...rating, year: 2100 }).ok).toBe(true);
  });
  it('refuses a finalised period', () => {
    expect(rateSkp({ ...rating, periodFinalised: true })).toMatchObject({
      ok: false,
      error: { code: 'SKP_PERIOD_FINALISED' },
    });
  });
});

describe('finaliseSkpPeriod', () => {
  const ratings = [
    { personId: 'a', rating: 'SANGAT_BAIK' },
    { personId: 'b', rating: 'SANGAT_BAIK' },
    { personId: 'c', rating: 'BAIK' },
    { personId: 'd', rating: 'BAIK' },
  ] as const;
  it('counts within the quota', () => {
    expect(finaliseSkpPeriod({ finalised: false, ratings }, { maxShare: 0.5 })).toEqual({
      ok: true,
      value: { people: 4, sangatBaik: 2, allowed: 2, maxShare: 0.5 },
    });
  });
  it('refuses a finalised period before checking the quota', () => {
    expect(finaliseSkpPeriod({ finalised: true, ratings }, { maxShare: 2 })).toMatchObject({
      ok: false,
      error: { code: 'SKP_PERIOD_FINALISED' },
    });
  });
  it('names the excess and the holders', () => {
    const r = finaliseSkpPeriod({ finalised: false, ratings }, { maxShare: 0.25 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const excess = skpQuotaExcess(r.error);
    expect(excess).toEqual({ allowed: 1, actual: 2, excess: 1, personIds: ['a', 'b'] });
    if (!excess) return;
    const message = skpQuotaExcessMessage(excess, ['Ani', 'Budi']);
    expect(message.id).toMatch(/Diizinkan 1, diberikan 2: kurangi 1 dari Ani, Budi\.$/);
    expect(message.en).toMatch(/Allowed 1, given 2: revise 1 of Ani, Budi\.$/);
  });
  it('has no excess for another error', () => {
    const r = finaliseSkpPeriod({ finalised: false, ratings }, { maxShare: 1.5 });
    expect(r).toMatchObject({ ok: false, error: { code: 'SKP_QUOTA_RULE_INVALID' } });
    if (!r.ok) expect(skpQuotaExcess(r.error)).toBeUndefined();
  });
});
