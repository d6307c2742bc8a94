import { describe, expect, it } from 'vitest';
import { validateHistoricIkm } from './historic-ikm.js';

const base = { year: 2009, score: 81.26, rule: 'KEPMENPAN_25_2004', source: ' Laporan IKM 2009 ' } as const;
const fields = (r: ReturnType<typeof validateHistoricIkm>) =>
  r.ok ? [] : r.error.map((e) => `${e.field}:${e.code}`);

describe('validateHistoricIkm', () => {
  it('grades the published score under its own rule', () => {
    const r = validateHistoricIkm(base, { currentYear: 2026 });
    expect(r).toEqual({
      ok: true,
      value: {
        year: 2009,
        score: 81.26,
        index: null,
        grade: 'A', // B under PermenPANRB 14/2017
        rule: 'KEPMENPAN_25_2004',
        respondents: null,
        source: 'Laporan IKM 2009',
      },
    });
    const now = validateHistoricIkm({ ...base, rule: 'PERMENPANRB_14_2017' }, { currentYear: 2026 });
    expect(now.ok && now.value.grade).toBe('B');
  });

  it('reports a score out of 25–100 alone, on the score', () => {
    const r = validateHistoricIkm({ ...base, score: 120, year: 1800 }, { currentYear: 2026 });
    expect(fields(r)).toEqual(['score:SKM_SCORE_OUT_OF_RANGE']);
  });

  it('bounds the year by 1990 and the current year, the index by 1–4, respondents by 0', () => {
    expect(fields(validateHistoricIkm({ ...base, year: 1989 }, { currentYear: 2026 }))).toEqual([
      'year:OUT_OF_RANGE',
    ]);
    expect(fields(validateHistoricIkm({ ...base, year: 2026 }, { currentYear: 2026 }))).toEqual([]);
    const next = validateHistoricIkm({ ...base, year: 2027 }, { currentYear: 2026 });
    expect(!next.ok && next.error[0]?.message.en).toBe('The year must be 1990–2026');
    expect(fields(validateHistoricIkm({ ...base, year: 2010.5 }, { currentYear: 2026 }))).toEqual([
      'year:OUT_OF_RANGE',
    ]);
    expect(
      fields(validateHistoricIkm({ ...base, index: 4.5, respondents: -1 }, { currentYear: 2026 })),
    ).toEqual(['index:OUT_OF_RANGE', 'respondents:OUT_OF_RANGE']);
    const edge = validateHistoricIkm({ ...base, index: 1, respondents: 0 }, { currentYear: 2026 });
    expect(edge.ok && [edge.value.index, edge.value.respondents]).toEqual([1, 0]);
  });
});
