import { describe, expect, it } from 'vitest';
import { checkJpBudget, checkStaffYear, requiredField, STAFF_FIELD_LABELS } from './field-checks.js';
import { meetsYearlyTrainingRight, trainingComplianceOfTotals, trainingJp } from './training.js';

describe('field checks', () => {
  it('accepts years 1970–2100 only', () => {
    expect(checkStaffYear(1970)).toEqual({ ok: true, value: 1970 });
    expect(checkStaffYear(2101)).toMatchObject({ ok: false, error: { field: 'year', code: 'OUT_OF_RANGE' } });
    expect(checkStaffYear(2026.5).ok).toBe(false);
  });
  it('accepts no budget or a non-negative one', () => {
    expect(checkJpBudget(undefined)).toEqual({ ok: true, value: undefined });
    expect(checkJpBudget(0)).toEqual({ ok: true, value: 0 });
    expect(checkJpBudget(-1)).toMatchObject({ ok: false, error: { field: 'maxJp', code: 'OUT_OF_RANGE' } });
    expect(checkJpBudget(Number.NaN).ok).toBe(false);
  });
  it('names the field by its visible label, never by its input name', () => {
    expect(requiredField('title', STAFF_FIELD_LABELS.trainingTitle)).toEqual({
      field: 'title',
      code: 'REQUIRED',
      message: { id: 'Nama pelatihan wajib diisi.', en: 'The training name is required.' },
    });
  });
});

describe('yearly training right from minutes', () => {
  it('rounds so that thirds of a JP add up to whole JP', () => {
    expect(trainingJp(100)).toBe(2.222222);
    expect(meetsYearlyTrainingRight(900)).toBe(true);
    expect(meetsYearlyTrainingRight(899)).toBe(false);
  });
  it('reports totals per person and unit', () => {
    const r = trainingComplianceOfTotals([{ personId: 'a', minutes: 900 }], 2026, {
      people: [
        { personId: 'a', unitId: 'u' },
        { personId: 'b', unitId: 'u' },
      ],
    });
    expect(r.persons.map((p) => [p.personId, p.jp, p.compliant])).toEqual([
      ['a', 20, true],
      ['b', 0, false],
    ]);
    expect(r.units).toEqual([
      { unitId: 'u', people: 2, compliant: 1, complianceRate: 0.5, totalJp: 20, averageJp: 10 },
    ]);
  });
});
