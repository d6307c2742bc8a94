import { describe, expect, it } from 'vitest';
import {
  computeIkm,
  computeIkmFromTotals,
  IKM_BAND_LIMITS,
  type IkmRule,
  ikmGrade,
  type SkmResponse,
  type SkmTotals,
} from './ikm.js';
import { SKM_ELEMENT_CODES, type SkmElementCode } from './skm-elements.js';

function totalsOf(sums: readonly number[], respondents: number): SkmTotals {
  return {
    respondents,
    elements: Object.fromEntries(
      SKM_ELEMENT_CODES.map((code, i) => [code, { sum: sums[i] ?? 0, answered: respondents }]),
    ) as Record<SkmElementCode, { sum: number; answered: number }>,
  };
}

/** 2,500 respondents, every element summing to `hundredths`: the exact score is hundredths / 100. */
function exactScore(hundredths: number): SkmTotals {
  return totalsOf(Array(9).fill(hundredths), 2500);
}

const WORKED = [105, 101, 100, 116, 102, 105, 106, 105, 115];

/**
 * The edges of every grade band in hundredths of a score, under both rules: the lowest and the
 * highest score, each band's lower limit and the hundredth below it.
 */
const BAND_EDGES = [
  ['PERMENPANRB_14_2017', 10000, 'A'],
  ['PERMENPANRB_14_2017', 8831, 'A'],
  ['PERMENPANRB_14_2017', 8830, 'B'],
  ['PERMENPANRB_14_2017', 7661, 'B'],
  ['PERMENPANRB_14_2017', 7660, 'C'],
  ['PERMENPANRB_14_2017', 6500, 'C'],
  ['PERMENPANRB_14_2017', 6499, 'D'],
  ['PERMENPANRB_14_2017', 2500, 'D'],
  ['KEPMENPAN_25_2004', 10000, 'A'],
  ['KEPMENPAN_25_2004', 8126, 'A'],
  ['KEPMENPAN_25_2004', 8125, 'B'],
  ['KEPMENPAN_25_2004', 6251, 'B'],
  ['KEPMENPAN_25_2004', 6250, 'C'],
  ['KEPMENPAN_25_2004', 4376, 'C'],
  ['KEPMENPAN_25_2004', 4375, 'D'],
  ['KEPMENPAN_25_2004', 2500, 'D'],
] as const;

describe('DOMAIN.md worked example (29 respondents)', () => {
  it('exact 1/9 weights: 91.47, grade A', () => {
    const r = computeIkmFromTotals(totalsOf(WORKED, 29));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.scoreDisplay).toBe('91.47');
    expect(r.value.grade).toBe('A');
    expect(r.value.label).toEqual({ id: 'Sangat Baik', en: 'Very good' });
    expect(r.value.rule).toBe('PERMENPANRB_14_2017');
    expect(r.value.weighting).toBe('EXACT');
    expect(r.value.respondents).toBe(29);
    expect(r.value.score).toBeCloseTo(23875 / 261, 12); // 91.4751…
    expect(r.value.index).toBeCloseTo(955 / 261, 12); // 3.659…
    expect(r.value.elementAverages.PERSYARATAN).toBeCloseTo(105 / 29, 12);
    expect(r.value.elements[3]).toMatchObject({ code: 'BIAYA', sum: 116, answered: 29, average: 4 });
    expect(r.value.elements[3]?.weighted).toBeCloseTo(4 / 9, 12);
  });

  it('the rounded 0.11 weight gives 90.56, for comparison with agency spreadsheets', () => {
    const r = computeIkmFromTotals(totalsOf(WORKED, 29), { weighting: 'ROUNDED_0_11' });
    expect(r.ok && r.value.scoreDisplay).toBe('90.56');
    expect(r.ok && r.value.grade).toBe('A');
    expect(r.ok && r.value.weighting).toBe('ROUNDED_0_11');
  });

  it('gives the same result from 29 individual responses', () => {
    // Build 29 responses whose per-element totals are the worked example's.
    const responses: Record<string, number>[] = Array.from({ length: 29 }, () => ({}));
    SKM_ELEMENT_CODES.forEach((code, i) => {
      let remaining = WORKED[i] ?? 0;
      for (let k = 0; k < 29; k += 1) {
        const left = 29 - k - 1;
        const v = Math.min(4, remaining - left); // keep at least 1 for each remaining respondent
        (responses[k] as Record<string, number>)[code] = v;
        remaining -= v;
      }
    });
    const r = computeIkm(responses as SkmResponse[]);
    expect(r.ok && r.value.scoreDisplay).toBe('91.47');
    expect(r.ok && r.value.grade).toBe('A');
  });
});

describe('display and grade never disagree near band limits', () => {
  it('an exact 65.00 is C and shows 65.00 (naive floating point gives 64.999… and grade D)', () => {
    // 100 respondents, every element summing to 260: NRR 2.6 each, score exactly 65.
    const naive =
      Array(9)
        .fill(260 / 100)
        .reduce((acc: number, nrr: number) => acc + nrr * (1 / 9), 0) * 25;
    expect(naive).toBeLessThan(65); // the trap this test guards against
    const r = computeIkmFromTotals(totalsOf(Array(9).fill(260), 100));
    expect(r.ok && [r.value.scoreDisplay, r.value.grade]).toEqual(['65.00', 'C']);
  });

  it('an exact 81.26 under the 2004 rule is A, not B', () => {
    const naive =
      Array(9)
        .fill(8126 / 2500)
        .reduce((acc: number, nrr: number) => acc + nrr * (1 / 9), 0) * 25;
    expect(naive).toBeLessThan(81.26);
    const r = computeIkmFromTotals(exactScore(8126), { rule: 'KEPMENPAN_25_2004' });
    expect(r.ok && [r.value.scoreDisplay, r.value.grade]).toEqual(['81.26', 'A']);
  });

  it('an exact 88.31 is A and shows 88.31', () => {
    const r = computeIkmFromTotals(exactScore(8831));
    expect(r.ok && [r.value.scoreDisplay, r.value.grade]).toEqual(['88.31', 'A']);
  });

  it('88.305 shows 88.30 with grade B (truncated, not rounded up to 88.31)', () => {
    // 5,000 respondents, each element summing to 17,661: score = 17661 / 200 = 88.305
    const r = computeIkmFromTotals(totalsOf(Array(9).fill(17661), 5000));
    expect(r.ok && [r.value.scoreDisplay, r.value.grade]).toEqual(['88.30', 'B']);
    expect(r.ok && r.value.score).toBeCloseTo(88.305, 10);
  });

  it('88.30 is B', () => {
    const r = computeIkmFromTotals(exactScore(8830));
    expect(r.ok && [r.value.scoreDisplay, r.value.grade]).toEqual(['88.30', 'B']);
  });

  it.each(BAND_EDGES)('%s: exact %i hundredths → %s', (rule, hundredths, grade) => {
    const r = computeIkmFromTotals(exactScore(hundredths), { rule });
    expect(r.ok && r.value.grade).toBe(grade);
    expect(r.ok && r.value.rule).toBe(rule);
    expect(r.ok && r.value.scoreDisplay).toBe((hundredths / 100).toFixed(2));
    // the displayed figure, graded on its own, gives the same grade
    const again = ikmGrade(Number(r.ok ? r.value.scoreDisplay : 0), rule);
    expect(again.ok && again.value.grade).toBe(grade);
  });

  it('holds for every score in thousandths around every limit, under both rules', () => {
    for (const rule of ['PERMENPANRB_14_2017', 'KEPMENPAN_25_2004'] as IkmRule[]) {
      for (const limit of Object.values(IKM_BAND_LIMITS[rule])) {
        // 25,000 respondents, element sums s: score = s / 1000 exactly
        for (let thousandths = limit * 10 - 25; thousandths <= limit * 10 + 25; thousandths += 1) {
          if (thousandths < 25_000 || thousandths > 100_000) continue;
          const r = computeIkmFromTotals(totalsOf(Array(9).fill(thousandths), 25_000), { rule });
          if (!r.ok) throw new Error(r.error.code);
          const shown = ikmGrade(Number(r.value.scoreDisplay), rule);
          expect(shown.ok && shown.value.grade, `${rule} ${thousandths / 1000}`).toBe(r.value.grade);
          // half-open on the exact value: at or above the limit ⇔ at least that band
          const atLeast = 'ABCD'.indexOf(r.value.grade) <= 'ABCD'.indexOf(gradeAt(rule, limit));
          expect(atLeast, `${rule} ${thousandths / 1000}`).toBe(thousandths >= limit * 10);
        }
      }
    }
  });

  it('holds for random mixed totals with different answer counts per element', () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 2000; i += 1) {
      const respondents = 1 + Math.floor(rand() * 400);
      const elements = Object.fromEntries(
        SKM_ELEMENT_CODES.map((code) => {
          const answered = 1 + Math.floor(rand() * respondents);
          const sum = answered + Math.floor(rand() * (3 * answered + 1));
          return [code, { sum, answered }];
        }),
      ) as SkmTotals['elements'];
      const r = computeIkmFromTotals({ respondents, elements });
      if (!r.ok) throw new Error(r.error.code);
      const shown = ikmGrade(Number(r.value.scoreDisplay));
      expect(shown.ok && shown.value.grade).toBe(r.value.grade);
      expect(Number(r.value.scoreDisplay)).toBeLessThanOrEqual(r.value.score + 1e-9);
      expect(r.value.score - Number(r.value.scoreDisplay)).toBeLessThan(0.01);
    }
  });
});

function gradeAt(rule: IkmRule, limit: number): string {
  const entry = Object.entries(IKM_BAND_LIMITS[rule]).find(([, v]) => v === limit);
  return entry?.[0] ?? '?';
}

describe('computeIkm from responses', () => {
  const full = (v: number): SkmResponse => Object.fromEntries(SKM_ELEMENT_CODES.map((c) => [c, v]));

  it('averages each element over those who answered it', () => {
    const r = computeIkm([full(4), { ...full(2), BIAYA: null }, { ...full(3), SARANA: undefined }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.respondents).toBe(3);
    expect(r.value.elementAverages.BIAYA).toBe(3.5); // (4 + 3) / 2
    expect(r.value.elementAverages.SARANA).toBe(3); // (4 + 2) / 2
    expect(r.value.elementAverages.WAKTU).toBe(3);
    expect(r.value.elements.find((e) => e.code === 'BIAYA')?.answered).toBe(2);
  });

  it('all 4s give 100 (A), all 1s give 25 (D)', () => {
    const top = computeIkm([full(4)]);
    expect(top.ok && [top.value.scoreDisplay, top.value.grade, top.value.index]).toEqual(['100.00', 'A', 4]);
    const bottom = computeIkm([full(1)]);
    expect(bottom.ok && [bottom.value.scoreDisplay, bottom.value.grade]).toEqual(['25.00', 'D']);
    const old = computeIkm([full(3)], { rule: 'KEPMENPAN_25_2004' }); // 75: B under 2004, C under 2017
    expect(old.ok && old.value.grade).toBe('B');
    const now = computeIkm([full(3)]);
    expect(now.ok && now.value.grade).toBe('C');
  });

  it.each([
    [[], 'SKM_NO_RESPONDENTS'],
    [[{}], 'SKM_EMPTY_RESPONSE'],
    [[{ PERSYARATAN: null }], 'SKM_EMPTY_RESPONSE'],
    [[null], 'SKM_EMPTY_RESPONSE'],
    [[{ U1: 3 }], 'SKM_UNKNOWN_ELEMENT'],
    [[{ PERSYARATAN: 5 }], 'SKM_INVALID_SCORE'],
    [[{ PERSYARATAN: 0 }], 'SKM_INVALID_SCORE'],
    [[{ PERSYARATAN: 2.5 }], 'SKM_INVALID_SCORE'],
    [[{ PERSYARATAN: '3' }], 'SKM_INVALID_SCORE'],
    [[{ PERSYARATAN: 3 }], 'SKM_ELEMENT_UNANSWERED'],
  ])('%j → %s', (responses, code) => {
    const r = computeIkm(responses as unknown as SkmResponse[]);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
    if (!r.ok) expect(r.error.message.id.length).toBeGreaterThan(0);
  });

  it('says which response and element is wrong', () => {
    const r = computeIkm([full(3), { ...full(3), KOMPETENSI: 7 }]);
    expect(r.ok ? null : r.error.details).toEqual({ responseIndex: 1, element: 'KOMPETENSI', value: 7 });
  });

  it('rejects an unknown rule or weighting', () => {
    const r = computeIkm([full(3)], { rule: 'PERMENPAN_2099' as IkmRule });
    expect(r.ok ? null : r.error.code).toBe('SKM_UNKNOWN_RULE');
    const w = computeIkm([full(3)], { weighting: 'ROUGH' as never });
    expect(w.ok ? null : w.error.code).toBe('SKM_UNKNOWN_RULE');
  });
});

describe('computeIkmFromTotals validation', () => {
  it.each([
    [{ respondents: 0 }, 'SKM_NO_RESPONDENTS'],
    [{ respondents: -1 }, 'SKM_INVALID_TOTALS'],
    [{ respondents: 2.5 }, 'SKM_INVALID_TOTALS'],
    [{ respondents: 29, sum: 28 }, 'SKM_INVALID_TOTALS'], // below 1 × answered
    [{ respondents: 29, sum: 117 }, 'SKM_INVALID_TOTALS'], // above 4 × answered
    [{ respondents: 29, answered: 30 }, 'SKM_INVALID_TOTALS'], // more answers than respondents
    [{ respondents: 29, answered: 0 }, 'SKM_ELEMENT_UNANSWERED'],
  ] as [{ respondents: number; sum?: number; answered?: number }, string][])('%j → %s', (patch, code) => {
    const base = totalsOf(WORKED, 29);
    const waktu = { sum: patch.sum ?? 116, answered: patch.answered ?? 29 };
    const r = computeIkmFromTotals({
      respondents: patch.respondents,
      elements: { ...base.elements, WAKTU: waktu },
    });
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });

  it('rejects a missing or unknown element', () => {
    const { SARANA: _omit, ...rest } = totalsOf(WORKED, 29).elements;
    const missing = computeIkmFromTotals({ respondents: 29, elements: rest as SkmTotals['elements'] });
    expect(missing.ok ? null : missing.error).toMatchObject({
      code: 'SKM_ELEMENT_UNANSWERED',
      details: { element: 'SARANA' },
    });
    const extra = computeIkmFromTotals({
      respondents: 29,
      elements: {
        ...totalsOf(WORKED, 29).elements,
        KENYAMANAN: { sum: 50, answered: 29 },
      } as SkmTotals['elements'],
    });
    expect(extra.ok ? null : extra.error.code).toBe('SKM_UNKNOWN_ELEMENT');
  });

  it('stays exact with large, coprime answer counts', () => {
    const counts = [99_991, 99_989, 99_971, 99_961, 99_929, 99_923, 99_907, 99_901, 99_881];
    const elements = Object.fromEntries(
      SKM_ELEMENT_CODES.map((code, i) => [code, { sum: 3 * (counts[i] ?? 1), answered: counts[i] ?? 1 }]),
    ) as SkmTotals['elements'];
    const r = computeIkmFromTotals({ respondents: 100_000, elements });
    expect(r.ok && [r.value.scoreDisplay, r.value.score]).toEqual(['75.00', 75]);
  });
});

describe('ikmGrade for recorded scores', () => {
  it.each(BAND_EDGES.map(([rule, hundredths, grade]) => [rule, hundredths / 100, grade] as const))(
    '%s: a published %d is %s',
    (rule, score, grade) => {
      const r = ikmGrade(score, rule);
      expect(r.ok && [r.value.grade, r.value.rule]).toEqual([grade, rule]);
    },
  );

  it('grades DPMPTSP 2017 (3.21 × 25 = 80.25, published 80.2) as B under both rules', () => {
    for (const score of [80.2, 3.21 * 25]) {
      for (const rule of ['PERMENPANRB_14_2017', 'KEPMENPAN_25_2004'] as const) {
        const r = ikmGrade(score, rule);
        expect(r.ok && r.value.grade).toBe('B');
      }
    }
  });

  it('grades Sawahlunto DPMPTSP 2017 (80.2) as B', () => {
    expect(ikmGrade(80.2)).toEqual({
      ok: true,
      value: { grade: 'B', label: { id: 'Baik', en: 'Good' }, rule: 'PERMENPANRB_14_2017' },
    });
  });

  it('uses half-open bands: the published gaps (64.99/65.00) are covered', () => {
    const g = (s: number, rule?: IkmRule) => {
      const r = ikmGrade(s, rule);
      return r.ok ? r.value.grade : r.error.code;
    };
    expect([g(64.99), g(64.995)]).toEqual(['D', 'D']);
    expect([g(65), g(76.6), g(76.605), g(76.61), g(88.3), g(88.31), g(100)]).toEqual([
      'C',
      'C',
      'C',
      'B',
      'B',
      'A',
      'A',
    ]);
    expect([
      g(43.75, 'KEPMENPAN_25_2004'),
      g(43.76, 'KEPMENPAN_25_2004'),
      g(81.26, 'KEPMENPAN_25_2004'),
    ]).toEqual(['D', 'C', 'A']);
    expect([g(24.99), g(100.01), g(Number.NaN)]).toEqual([
      'SKM_SCORE_OUT_OF_RANGE',
      'SKM_SCORE_OUT_OF_RANGE',
      'SKM_SCORE_OUT_OF_RANGE',
    ]);
    expect(g(80, 'X' as IkmRule)).toBe('SKM_UNKNOWN_RULE');
  });
});
