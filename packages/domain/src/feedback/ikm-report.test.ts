import { describe, expect, it } from 'vitest';
import type { SkmTotals } from './ikm.js';
import {
  buildIkmReport,
  ikmScopeProblem,
  type SkmTotalsRow,
  skmTotalsByBucket,
  withholdSmallIkmReport,
} from './ikm-report.js';
import { skmPeriod } from './period.js';
import { SKM_ELEMENT_CODES } from './skm-elements.js';

const period = (() => {
  const p = skmPeriod({ kind: 'QUARTER', year: 2026, number: 1 });
  if (!p.ok) throw new Error(p.error.code);
  return p.value;
})();
const WORKED = [105, 101, 100, 116, 102, 105, 106, 105, 115];
const rows: SkmTotalsRow[] = SKM_ELEMENT_CODES.map((element, i) => ({
  bucket: 1,
  respondents: 29,
  element,
  sum: WORKED[i] ?? 0,
  answered: 29,
}));

describe('skmTotalsByBucket', () => {
  it('groups rows per bucket and fills unanswered elements with zeros', () => {
    const totals = skmTotalsByBucket([
      ...rows,
      { bucket: 2, respondents: 1, element: 'WAKTU', sum: 3, answered: 1 },
    ]);
    expect(totals.get(1)?.elements.PERSYARATAN).toEqual({ sum: 105, answered: 29 });
    expect(totals.get(2)).toMatchObject({
      respondents: 1,
      elements: { WAKTU: { sum: 3, answered: 1 }, PERSYARATAN: { sum: 0, answered: 0 } },
    });
    expect(totals.has(3)).toBe(false);
  });
});

describe('buildIkmReport', () => {
  it('computes the worked example from totals, with coverage and the weakest elements', () => {
    const r = buildIkmReport({ scope: 'UNIT' }, period, { online: skmTotalsByBucket(rows).get(1) }, 30);
    expect(r).toMatchObject({
      scope: { scope: 'UNIT' },
      respondents: 29,
      population: 30,
      requiredSample: 28,
      scoreDisplay: '91.47',
      grade: 'A',
      rule: 'PERMENPANRB_14_2017',
    });
    // 29 respondents for a minimum of 28: sufficient, and the coverage stops at 100 %.
    expect(r).toMatchObject({
      coverage: 1,
      sampleSufficient: true,
      sampleShortfall: 0,
      completedRequests: 30,
    });
    expect(r.responseRate).toBeCloseTo(29 / 30, 12);
    expect(r.warnings).toEqual([]);
    expect(r.elements.map((e) => e.code)).toEqual([...SKM_ELEMENT_CODES]);
    const waktu = r.elements.find((e) => e.code === 'WAKTU');
    expect(waktu?.average).toBeCloseTo(100 / 29);
    expect(waktu?.weighted).toBeCloseTo(100 / 29 / 9);
    // Below the unit's own average, weakest first, at most three.
    expect(r.weakestElements).toEqual(['WAKTU', 'PROSEDUR', 'PRODUK']);
  });

  it('has no index, score or grade without respondents', () => {
    const r = buildIkmReport({ scope: 'CITY' }, period, {}, 0);
    expect(r).toMatchObject({
      respondents: 0,
      index: null,
      score: null,
      scoreDisplay: null,
      grade: null,
      gradeLabel: null,
      weakestElements: [],
      coverage: 1,
    });
    expect(r.elements.every((e) => e.sum === 0 && e.average === null && e.weighted === null)).toBe(true);
  });

  it('counts counter respondents in the population, so coverage never passes 100 % (issue 16 kind 13)', () => {
    // The reported case: 10 requests completed, 3 answered online, 95 walk-ins typed in at the
    // counter. Before, population 10, minimum 10, "coverage 980 %".
    const online = { ...skmTotalsByBucket(rows).get(1)!, respondents: 3 };
    const counter = { ...skmTotalsByBucket(rows).get(1)!, respondents: 95 };
    const r = buildIkmReport({}, period, { online, counter }, 10);
    expect(r).toMatchObject({
      respondents: 98,
      completedRequests: 10,
      population: 105,
      requiredSample: 83,
      coverage: 1,
      sampleSufficient: true,
      sampleShortfall: 0,
      channels: { online: { respondents: 3, population: 10 }, counter: { respondents: 95, population: 95 } },
    });
    expect(r.responseRate).toBeCloseTo(98 / 105, 12);
    expect(r.warnings.map((w) => w.code)).toEqual([
      'COUNTER_DOMINATES',
      'COUNTER_POPULATION_FROM_RESPONDENTS',
    ]);
    expect(r.warnings[1]?.message.en).toContain('lower bound');
  });

  it('has a population in a month with counter respondents and no completed request', () => {
    const counter = { ...skmTotalsByBucket(rows).get(1)!, respondents: 7 };
    const r = buildIkmReport({}, period, { counter }, 0);
    expect(r).toMatchObject({
      respondents: 7,
      population: 7,
      requiredSample: 7,
      coverage: 1,
      responseRate: 1,
    });
  });

  it('counts online respondents beyond the completed requests, and says so', () => {
    const r = buildIkmReport({}, period, { online: skmTotalsByBucket(rows).get(1) }, 20);
    expect(r).toMatchObject({ respondents: 29, completedRequests: 20, population: 29, responseRate: 1 });
    expect(r.channels.online.population).toBe(29);
    expect(r.warnings.map((w) => w.code)).toEqual(['RESPONDENTS_EXCEED_POPULATION']);
  });

  it('reports a shortfall as a coverage below 100 %', () => {
    const r = buildIkmReport({}, period, { online: skmTotalsByBucket(rows).get(1) }, 1000);
    expect(r).toMatchObject({
      population: 1000,
      requiredSample: 278,
      sampleSufficient: false,
      sampleShortfall: 249,
    });
    expect(r.coverage).toBeCloseTo(29 / 278, 12);
  });

  it('grades under the rule it is given', () => {
    const r = buildIkmReport({}, period, { online: skmTotalsByBucket(rows).get(1) }, 0, 'KEPMENPAN_25_2004');
    expect(r.rule).toBe('KEPMENPAN_25_2004');
    expect(r.grade).toBe('A');
  });
});

describe('ikmScopeProblem', () => {
  it('refuses a service of another unit, on serviceCode', () => {
    expect(
      ikmScopeProblem({ serviceCode: 'PBG', serviceUnitCode: 'DPMPTSP', unitCode: 'DPMPTSP' }),
    ).toBeNull();
    expect(ikmScopeProblem({ serviceCode: 'PBG', serviceUnitCode: 'DPMPTSP', unitCode: null })).toBeNull();
    expect(
      ikmScopeProblem({ serviceCode: 'PBG', serviceUnitCode: 'DPMPTSP', unitCode: 'DISDUKCAPIL' }),
    ).toMatchObject({
      field: 'serviceCode',
      code: 'NOT_ALLOWED',
      message: { en: 'Service PBG does not belong to unit DISDUKCAPIL' },
    });
  });
});

describe('withholdSmallIkmReport', () => {
  const totalsOf = (respondents: number): SkmTotals => ({
    respondents,
    elements: Object.fromEntries(
      SKM_ELEMENT_CODES.map((c) => [c, { sum: 3 * respondents, answered: respondents }]),
    ) as SkmTotals['elements'],
  });

  it('withholds every score of a period answered by fewer people than the minimum, keeping the counts', () => {
    const r = buildIkmReport({ scope: 'SERVICE' }, period, { online: totalsOf(2), counter: totalsOf(1) }, 4);
    expect(r.grade).toBe('C');
    const w = withholdSmallIkmReport(r, 5);
    expect(w).toMatchObject({
      suppressed: true,
      respondents: 3,
      population: r.population,
      requiredSample: r.requiredSample,
      index: null,
      score: null,
      scoreDisplay: null,
      grade: null,
      gradeLabel: null,
      weakestElements: [],
      channels: {
        online: { respondents: 2, score: null, grade: null },
        counter: { respondents: 1, score: null },
      },
    });
    expect(w.elements.every((e) => e.sum === null && e.average === null && e.weighted === null)).toBe(true);
    expect(w.elements.map((e) => e.answered)).toEqual(r.elements.map((e) => e.answered));
  });

  it('keeps a report at the minimum, withholding only a channel below it', () => {
    const r = buildIkmReport({ scope: 'UNIT' }, period, { online: totalsOf(5), counter: totalsOf(1) }, 9);
    const w = withholdSmallIkmReport(r, 5);
    expect(w).toMatchObject({
      suppressed: false,
      respondents: 6,
      scoreDisplay: r.scoreDisplay,
      grade: r.grade,
    });
    expect(w.elements).toEqual(r.elements);
    expect(w.channels.online).toEqual(r.channels.online);
    expect(w.channels.counter).toMatchObject({
      respondents: 1,
      score: null,
      scoreDisplay: null,
      grade: null,
    });
  });

  it('leaves a period without answers as computed', () => {
    const r = buildIkmReport({ scope: 'CITY' }, period, {}, 0);
    expect(withholdSmallIkmReport(r, 5)).toEqual(r);
    expect(r.suppressed).toBe(false);
  });
});
