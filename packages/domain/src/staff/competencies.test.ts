import { describe, expect, it } from 'vitest';
import {
  COMPETENCY_TYPES,
  competencyGaps,
  parseCompetencyLevel,
  parseCompetencyType,
  unitCompetencyGapReport,
} from './competencies.js';
import { COMPETENCY_TYPE_LABELS } from './messages.js';

describe('competency types and levels', () => {
  it('has the three PermenPANRB 38/2017 types with labels', () => {
    expect(COMPETENCY_TYPES).toEqual(['TEKNIS', 'MANAJERIAL', 'SOSIAL_KULTURAL']);
    expect(COMPETENCY_TYPE_LABELS.SOSIAL_KULTURAL.en).toBe('Socio-cultural');
  });

  it('accepts levels 1–5 only', () => {
    expect(parseCompetencyLevel(1)).toEqual({ ok: true, value: 1 });
    expect(parseCompetencyLevel(5)).toEqual({ ok: true, value: 5 });
    for (const bad of [0, 6, 2.5, '3', null, Number.NaN]) {
      const r = parseCompetencyLevel(bad);
      expect(r.ok ? r.value : r.error.code).toBe('COMPETENCY_LEVEL_INVALID');
    }
  });

  it('reads competency types leniently', () => {
    expect(parseCompetencyType('sosial kultural')).toEqual({ ok: true, value: 'SOSIAL_KULTURAL' });
    expect(parseCompetencyType('Teknis')).toEqual({ ok: true, value: 'TEKNIS' });
    const r = parseCompetencyType('FUNGSIONAL');
    expect(r.ok ? r.value : r.error.code).toBe('COMPETENCY_TYPE_INVALID');
  });
});

describe('competencyGaps', () => {
  const required = [
    { competency: 'PELAYANAN_PUBLIK', level: 3, type: 'MANAJERIAL' as const },
    { competency: 'PERIZINAN_OSS', level: 4, type: 'TEKNIS' as const },
    { competency: 'PEREKAT_BANGSA', level: 2, type: 'SOSIAL_KULTURAL' as const },
    { competency: 'KOMUNIKASI', level: 2 },
  ];

  it('reports only shortfalls, largest first, with held level 0 when missing', () => {
    const held = [
      { competency: 'PELAYANAN_PUBLIK', level: 2 },
      { competency: 'PEREKAT_BANGSA', level: 3 },
      { competency: 'KOMUNIKASI', level: 2 },
      { competency: 'ARSIP', level: 5 },
    ];
    expect(competencyGaps(required, held)).toEqual([
      { competency: 'PERIZINAN_OSS', type: 'TEKNIS', requiredLevel: 4, heldLevel: 0, gap: 4 },
      { competency: 'PELAYANAN_PUBLIK', type: 'MANAJERIAL', requiredLevel: 3, heldLevel: 2, gap: 1 },
    ]);
  });

  it('is empty when everything is held at or above the required level', () => {
    expect(
      competencyGaps(
        required,
        required.map((r) => ({ ...r, level: 5 })),
      ),
    ).toEqual([]);
    expect(competencyGaps([], [])).toEqual([]);
  });

  it('takes the highest level when a competency is listed twice', () => {
    const gaps = competencyGaps(
      [
        { competency: 'A', level: 2 },
        { competency: 'A', level: 4 },
      ],
      [
        { competency: 'A', level: 1 },
        { competency: 'A', level: 3 },
      ],
    );
    expect(gaps).toEqual([{ competency: 'A', requiredLevel: 4, heldLevel: 3, gap: 1 }]);
  });

  it('orders equal gaps by competency id', () => {
    const gaps = competencyGaps(
      [
        { competency: 'B', level: 2 },
        { competency: 'A', level: 2 },
      ],
      [],
    );
    expect(gaps.map((g) => g.competency)).toEqual(['A', 'B']);
  });

  it('throws on stored levels outside 1–5', () => {
    expect(() => competencyGaps([{ competency: 'A', level: 6 }], [])).toThrow(RangeError);
    expect(() => competencyGaps([], [{ competency: 'A', level: 0 }])).toThrow(RangeError);
  });
});

describe('unitCompetencyGapReport', () => {
  it('aggregates people and ranks the largest total gaps', () => {
    const req = [
      { competency: 'OSS', level: 3, type: 'TEKNIS' as const },
      { competency: 'PELAYANAN', level: 2 },
    ];
    const report = unitCompetencyGapReport([
      { personId: 'p1', required: req, held: [{ competency: 'PELAYANAN', level: 1 }] }, // OSS 3, PELAYANAN 1
      { personId: 'p2', required: req, held: [{ competency: 'OSS', level: 2 }] }, // OSS 1, PELAYANAN 2
      {
        personId: 'p3',
        required: req,
        held: [
          { competency: 'OSS', level: 3 },
          { competency: 'PELAYANAN', level: 2 },
        ],
      },
      { personId: 'p4', required: [{ competency: 'ARSIP', level: 1 }], held: [] }, // ARSIP 1
    ]);
    expect(report).toEqual({
      people: 4,
      peopleWithGap: 3,
      totalGap: 8,
      competencies: [
        {
          competency: 'OSS',
          type: 'TEKNIS',
          peopleWithGap: 2,
          totalGap: 4,
          maxGap: 3,
          personIds: ['p1', 'p2'],
        },
        { competency: 'PELAYANAN', peopleWithGap: 2, totalGap: 3, maxGap: 2, personIds: ['p1', 'p2'] },
        { competency: 'ARSIP', peopleWithGap: 1, totalGap: 1, maxGap: 1, personIds: ['p4'] },
      ],
    });
  });

  it('breaks equal totals by the number of people affected', () => {
    const report = unitCompetencyGapReport([
      { personId: 'a', required: [{ competency: 'X', level: 2 }], held: [] },
      { personId: 'b', required: [{ competency: 'Y', level: 1 }], held: [] },
      { personId: 'c', required: [{ competency: 'Y', level: 1 }], held: [] },
    ]);
    expect(report.competencies.map((c) => c.competency)).toEqual(['Y', 'X']);
  });

  it('is empty for an empty unit', () => {
    expect(unitCompetencyGapReport([])).toEqual({
      people: 0,
      peopleWithGap: 0,
      totalGap: 0,
      competencies: [],
    });
  });
});
