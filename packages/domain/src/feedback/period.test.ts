import { describe, expect, it } from 'vitest';
import { parseSkmPeriod, type SkmPeriodInput, skmPeriod, skmPeriodsOfYear } from './period.js';

describe('skmPeriod', () => {
  it.each([
    [{ kind: 'YEAR', year: 2026 }, '2026-01-01', '2026-12-31', 'YEAR-2026', 'Tahun 2026'],
    [{ kind: 'SEMESTER', year: 2026, number: 2 }, '2026-07-01', '2026-12-31', 'S2-2026', 'Semester II 2026'],
    [{ kind: 'QUARTER', year: 2026, number: 1 }, '2026-01-01', '2026-03-31', 'Q1-2026', 'Triwulan I 2026'],
    [{ kind: 'MONTH', year: 2028, number: 2 }, '2028-02-01', '2028-02-29', 'M02-2028', 'Februari 2028'],
    [{ kind: 'MONTH', year: 2026, number: 2 }, '2026-02-01', '2026-02-28', 'M02-2026', 'Februari 2026'],
  ] as [SkmPeriodInput, string, string, string, string][])('%j → %s … %s', (input, from, to, key, label) => {
    const p = skmPeriod(input);
    expect(p.ok && [p.value.from, p.value.to, p.value.key, p.value.label.id]).toEqual([from, to, key, label]);
  });

  it.each([
    [{ kind: 'WEEK', year: 2026 }, 'SKM_PERIOD_INVALID_KIND'],
    [{ kind: 'YEAR', year: 1999 }, 'SKM_PERIOD_INVALID_YEAR'],
    [{ kind: 'YEAR', year: 2026.5 }, 'SKM_PERIOD_INVALID_YEAR'],
    [{ kind: 'YEAR', year: 2026, number: 1 }, 'SKM_PERIOD_INVALID_NUMBER'],
    [{ kind: 'MONTH', year: 2026 }, 'SKM_PERIOD_INVALID_NUMBER'],
    [{ kind: 'MONTH', year: 2026, number: 13 }, 'SKM_PERIOD_INVALID_NUMBER'],
    [{ kind: 'QUARTER', year: 2026, number: 5 }, 'SKM_PERIOD_INVALID_NUMBER'],
    [{ kind: 'SEMESTER', year: 2026, number: 0 }, 'SKM_PERIOD_INVALID_NUMBER'],
  ] as [SkmPeriodInput, string][])('%j → %s', (input, code) => {
    const p = skmPeriod(input);
    expect(p.ok ? 'ok' : p.error.code).toBe(code);
    if (!p.ok) expect(p.error.message.en.length).toBeGreaterThan(0);
  });
});

describe('parseSkmPeriod', () => {
  it('reads the keys it writes', () => {
    for (const text of ['YEAR-2026', 'S1-2026', 'Q4-2025', 'M01-2026', 'm12-2026']) {
      const p = parseSkmPeriod(text);
      expect(p.ok && p.value.key).toBe(text.toUpperCase());
    }
  });

  it.each(['2026', 'YEAR2026', 'Q-2026', 'YEAR1-2026', 'X1-2026', ''])('%j is refused', (text) => {
    const p = parseSkmPeriod(text);
    expect(p.ok ? 'ok' : p.error.code).toBe('SKM_PERIOD_INVALID_FORMAT');
  });

  it('refuses a number out of range with its own code', () => {
    const p = parseSkmPeriod('Q5-2026');
    expect(p.ok ? 'ok' : p.error.code).toBe('SKM_PERIOD_INVALID_NUMBER');
  });
});

describe('skmPeriodsOfYear', () => {
  it('lists consecutive periods covering the year', () => {
    const months = skmPeriodsOfYear(2026, 'MONTH');
    expect(months.ok && months.value.map((p) => p.key)).toHaveLength(12);
    const quarters = skmPeriodsOfYear(2026, 'QUARTER');
    expect(quarters.ok && quarters.value.map((p) => [p.from, p.to])).toEqual([
      ['2026-01-01', '2026-03-31'],
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
    ]);
    const year = skmPeriodsOfYear(2026, 'YEAR');
    expect(year.ok && year.value.map((p) => p.key)).toEqual(['YEAR-2026']);
    const bad = skmPeriodsOfYear(1900, 'YEAR');
    expect(bad.ok ? 'ok' : bad.error.code).toBe('SKM_PERIOD_INVALID_YEAR');
  });
});
