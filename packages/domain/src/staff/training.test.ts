import { describe, expect, it } from 'vitest';
import { expectInvalidInput } from '../../test/support/invalid-input.js';
import {
  JP_MINUTES,
  jpToMinutes,
  minutesToJp,
  trainingCompliance,
  validateTrainingRecord,
  YEARLY_TRAINING_RIGHT_JP,
} from './training.js';

describe('JP conversion', () => {
  it('1 JP is 45 minutes', () => {
    expect(JP_MINUTES).toBe(45);
    expect(minutesToJp(45)).toBe(1);
    expect(minutesToJp(900)).toBe(20); // 15 hours of training = the yearly right
    expect(minutesToJp(100)).toBeCloseTo(2.2222, 4);
    expect(jpToMinutes(20)).toBe(900);
    expect(jpToMinutes(minutesToJp(123))).toBeCloseTo(123, 10);
  });

  it('throws on negative or non-finite input', () => {
    expect(() => minutesToJp(-1)).toThrow(RangeError);
    expect(() => jpToMinutes(Number.NaN)).toThrow(RangeError);
  });
});

describe('trainingCompliance', () => {
  const records = [
    { personId: 'ani', completedOn: '2026-02-10', jp: 12 },
    { personId: 'ani', completedOn: '2026-11-30', jp: 8 },
    { personId: 'budi', completedOn: '2026-05-05', jp: 16 },
    { personId: 'budi', completedOn: '2025-12-31', jp: 30 }, // last year: does not count
    { personId: 'budi', completedOn: '2027-01-01', jp: 30 }, // next year: does not count
    { personId: 'citra', completedOn: '2026-01-01', jp: 25 },
  ];

  it('sums JP in the year against the 20 JP right, per person and per unit', () => {
    const report = trainingCompliance(records, 2026, {
      people: [
        { personId: 'ani', unitId: 'DPMPTSP' },
        { personId: 'budi', unitId: 'DPMPTSP' },
        { personId: 'dedi', unitId: 'DISDUKCAPIL' },
      ],
    });
    expect(report.requiredJp).toBe(YEARLY_TRAINING_RIGHT_JP);
    expect(report.persons).toEqual([
      { personId: 'ani', unitId: 'DPMPTSP', jp: 20, shortfallJp: 0, compliant: true },
      { personId: 'budi', unitId: 'DPMPTSP', jp: 16, shortfallJp: 4, compliant: false },
      { personId: 'citra', jp: 25, shortfallJp: 0, compliant: true },
      { personId: 'dedi', unitId: 'DISDUKCAPIL', jp: 0, shortfallJp: 20, compliant: false },
    ]);
    expect(report.units).toEqual([
      { unitId: 'DISDUKCAPIL', people: 1, compliant: 0, complianceRate: 0, totalJp: 0, averageJp: 0 },
      { unitId: 'DPMPTSP', people: 2, compliant: 1, complianceRate: 0.5, totalJp: 36, averageJp: 18 },
    ]);
  });

  it('is not fooled by floating-point sums of fractional JP', () => {
    // 60 × (1/3) sums to 19.999999999999996 in floating point
    const thirds = Array.from({ length: 60 }, () => ({
      personId: 'x',
      completedOn: '2026-06-01',
      jp: 1 / 3,
    }));
    const r = trainingCompliance(thirds, 2026);
    expect(r.persons[0]).toMatchObject({ jp: 20, compliant: true, shortfallJp: 0 });
  });

  it('honours a custom requirement', () => {
    const r = trainingCompliance(records, 2026, { requiredJp: 24 });
    expect(r.persons.map((p) => p.compliant)).toEqual([false, false, true]);
  });

  it('throws on stored bugs (bad dates, negative JP)', () => {
    expect(() => trainingCompliance([{ personId: 'x', completedOn: '2026-13-01', jp: 1 }], 2026)).toThrow(
      RangeError,
    );
    expect(() => trainingCompliance([{ personId: 'x', completedOn: '2026-01-01', jp: -1 }], 2026)).toThrow(
      RangeError,
    );
  });
});

describe('validateTrainingRecord', () => {
  const now = '2026-03-25';

  it('accepts JP or minutes and returns JP', () => {
    expect(validateTrainingRecord({ personId: 'a', completedOn: '2026-03-20', jp: 4 }, { now })).toEqual({
      ok: true,
      value: { personId: 'a', completedOn: '2026-03-20', jp: 4 },
    });
    const m = validateTrainingRecord({ personId: 'a', completedOn: '2026-03-25', minutes: 135 }, { now });
    expect(m.ok && m.value.jp).toBe(3);
  });

  it.each([
    [{ personId: '', completedOn: '2026-03-20', jp: 4 }, ['personId:REQUIRED']],
    [{ personId: 'a', completedOn: '20-03-2026', jp: 4 }, ['completedOn:INVALID_FORMAT']],
    [{ personId: 'a', completedOn: '2026-02-30', jp: 4 }, ['completedOn:OUT_OF_RANGE']],
    [{ personId: 'a', completedOn: '2026-03-26', jp: 4 }, ['completedOn:OUT_OF_RANGE']],
    [{ personId: 'a', completedOn: '2026-03-20' }, ['jp:REQUIRED']],
    [{ personId: 'a', completedOn: '2026-03-20', jp: 2, minutes: 90 }, ['minutes:NOT_ALLOWED']],
    [{ personId: 'a', completedOn: '2026-03-20', jp: 0 }, ['jp:OUT_OF_RANGE']],
    [{ personId: 'a', completedOn: '2026-03-20', minutes: -45 }, ['minutes:OUT_OF_RANGE']],
    [{ personId: 'a', completedOn: '2026-03-20', jp: Number.POSITIVE_INFINITY }, ['jp:INVALID_TYPE']],
  ])('rejects %j', (input, expected) => {
    const r = validateTrainingRecord(input, { now });
    expectInvalidInput(r, 'TRAINING_RECORD_INVALID', expected);
  });
});
