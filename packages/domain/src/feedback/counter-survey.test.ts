import { describe, expect, it } from 'vitest';
import {
  COUNTER_SURVEY_DEFAULTS,
  checkCounterSurvey,
  ikmChannelWarnings,
  skmPeriodContaining,
} from './counter-survey.js';
import { buildIkmReport, type SkmTotalsRow, skmTotalsByBucket } from './ikm-report.js';
import { skmPeriod } from './period.js';
import { SKM_ELEMENT_CODES } from './skm-elements.js';
import { skmReportTable } from './skm-report-table.js';

const policy = COUNTER_SURVEY_DEFAULTS;

describe('counter survey entries', () => {
  it('defaults to 20 a day per staff member and the current quarter', () => {
    expect(policy).toEqual({ dailyCap: 20, period: 'QUARTER' });
    expect(skmPeriodContaining('2026-11-30', 'QUARTER')).toMatchObject({
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(skmPeriodContaining('2026-02-10', 'MONTH')).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(skmPeriodContaining('2026-07-01', 'SEMESTER').key).toBe('S2-2026');
    expect(skmPeriodContaining('2026-07-01', 'YEAR').key).toBe('YEAR-2026');
  });

  it('accepts a day of the open period up to today, below the cap', () => {
    expect(
      checkCounterSurvey({ day: '2026-10-01', today: '2026-11-30', recordedToday: 19, policy }),
    ).toMatchObject({
      ok: true,
      value: { openPeriod: { key: 'Q4-2026' } },
    });
  });

  it.each([
    ['2026-12-01', 0, 'SURVEY_DATE_IN_FUTURE'],
    ['2026-09-30', 0, 'SURVEY_DATE_OUTSIDE_OPEN_PERIOD'],
    ['2025-11-30', 0, 'SURVEY_DATE_OUTSIDE_OPEN_PERIOD'],
    ['2026-11-30', 20, 'SURVEY_COUNTER_DAILY_CAP_REACHED'],
    ['2026-11-30', 60, 'SURVEY_COUNTER_DAILY_CAP_REACHED'],
  ])('refuses day %s after %i entries today with %s', (day, recordedToday, code) => {
    expect(checkCounterSurvey({ day, today: '2026-11-30', recordedToday, policy })).toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it('honours a configured cap and period', () => {
    const monthly = { dailyCap: 2, period: 'MONTH' } as const;
    expect(
      checkCounterSurvey({ day: '2026-11-02', today: '2026-11-30', recordedToday: 1, policy: monthly }).ok,
    ).toBe(true);
    expect(
      checkCounterSurvey({ day: '2026-10-31', today: '2026-11-30', recordedToday: 0, policy: monthly }),
    ).toMatchObject({ ok: false, error: { code: 'SURVEY_DATE_OUTSIDE_OPEN_PERIOD' } });
  });
});

describe('online and counter answers in the report', () => {
  const totals = (respondents: number, score: number) =>
    skmTotalsByBucket(
      SKM_ELEMENT_CODES.map(
        (element): SkmTotalsRow => ({
          bucket: 1,
          respondents,
          element,
          sum: respondents * score,
          answered: respondents,
        }),
      ),
    ).get(1);
  const period = (() => {
    const p = skmPeriod({ kind: 'QUARTER', year: 2026, number: 4 });
    if (!p.ok) throw new Error(p.error.code);
    return p.value;
  })();

  it('warns COUNTER_DOMINATES only above half of the respondents', () => {
    expect(ikmChannelWarnings(10, 10)).toEqual([]);
    expect(ikmChannelWarnings(0, 0)).toEqual([]);
    expect(ikmChannelWarnings(10, 11)).toMatchObject([{ code: 'COUNTER_DOMINATES' }]);
  });

  it('gives the index of both channels together and of each apart, with the warning', () => {
    // 20 online answers of 3 (B) and 60 counter answers of 4: the total looks like A.
    const r = buildIkmReport({}, period, { online: totals(20, 3), counter: totals(60, 4) }, 100);
    expect(r.respondents).toBe(80);
    expect(r.grade).toBe('A');
    expect(r.channels.online).toEqual({
      respondents: 20,
      population: 100,
      score: 75,
      scoreDisplay: '75.00',
      grade: 'C',
    });
    expect(r.channels.counter).toMatchObject({
      respondents: 60,
      population: 60,
      scoreDisplay: '100.00',
      grade: 'A',
    });
    expect(r.counterShare).toBe(0.75);
    expect(r.warnings.map((w) => w.code)).toEqual([
      'COUNTER_DOMINATES',
      'COUNTER_POPULATION_FROM_RESPONDENTS',
    ]);
    const table = skmReportTable({ ...r, scope: { scope: 'UNIT', key: 'X', name: 'X' } }, [], 'en');
    expect(table).toContainEqual(['IKM score, online answers', '75.00', 'C', '20']);
    expect(table.some((row) => row[1] === 'COUNTER_DOMINATES')).toBe(true);
  });

  it('has no warning and an empty counter part for online answers only', () => {
    const r = buildIkmReport({}, period, { online: totals(20, 3) }, 100);
    expect(r.channels.counter).toEqual({
      respondents: 0,
      population: 0,
      score: null,
      scoreDisplay: null,
      grade: null,
    });
    expect(r.counterShare).toBe(0);
    expect(r.warnings).toEqual([]);
  });
});
