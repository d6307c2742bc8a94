import { describe, expect, it } from 'vitest';
import { buildIkmReport, ikmScopeProblem, type SkmTotalsRow, skmTotalsByBucket } from './ikm-report.js';
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
    expect(r.coverage).toBeCloseTo(29 / 28);
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
