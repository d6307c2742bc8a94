import { describe, expect, it } from 'vitest';
import {
  comparePnsRanks,
  comparePppkGrades,
  nextPnsRank,
  PNS_RANK_CODES,
  PNS_RANKS,
  PPPK_GRADES,
  parsePnsRank,
  parsePppkGrade,
  pnsRank,
  pnsRankOrder,
  pppkGradeOrder,
} from './ranks.js';

describe('PNS ranks', () => {
  it('has the 17 golongan/ruang steps in order with their titles', () => {
    expect(PNS_RANKS).toHaveLength(17);
    expect(PNS_RANKS.map((r) => r.label).join(' ')).toBe(
      'I/a I/b I/c I/d II/a II/b II/c II/d III/a III/b III/c III/d IV/a IV/b IV/c IV/d IV/e',
    );
    expect(pnsRank('I_A').title).toBe('Juru Muda');
    expect(pnsRank('II_A').title).toBe('Pengatur Muda');
    expect(pnsRank('III_A').title).toBe('Penata Muda');
    expect(pnsRank('III_D').title).toBe('Penata Tingkat I');
    expect(pnsRank('IV_A').title).toBe('Pembina');
    expect(pnsRank('IV_E').title).toBe('Pembina Utama');
    expect(new Set(PNS_RANKS.map((r) => r.title)).size).toBe(17);
    for (const r of PNS_RANKS) expect(r.code).toBe(`${r.golongan}_${r.ruang.toUpperCase()}`);
  });

  it('orders and compares ranks', () => {
    expect(pnsRankOrder('I_A')).toBe(1);
    expect(pnsRankOrder('IV_E')).toBe(17);
    expect(comparePnsRanks('III_A', 'II_D')).toBeGreaterThan(0);
    expect(comparePnsRanks('III_A', 'III_A')).toBe(0);
    expect(comparePnsRanks('I_D', 'II_A')).toBeLessThan(0);
    const shuffled = ['IV_A', 'I_A', 'III_C', 'II_B'] as const;
    expect([...shuffled].sort(comparePnsRanks)).toEqual(['I_A', 'II_B', 'III_C', 'IV_A']);
    expect(nextPnsRank('II_D')?.code).toBe('III_A');
    expect(nextPnsRank('IV_E')).toBeUndefined();
    expect(PNS_RANK_CODES[8]).toBe('III_A');
    expect(() => pnsRankOrder('V_A' as never)).toThrow(RangeError);
  });

  it.each([
    ['III/a', 'III_A'],
    ['iii/a', 'III_A'],
    ['III/A', 'III_A'],
    ['III a', 'III_A'],
    ['III-a', 'III_A'],
    ['IIIa', 'III_A'],
    ['III_A', 'III_A'],
    ['IV/e', 'IV_E'],
    ['I/a', 'I_A'],
    ['II/d Pengatur Tingkat I', 'II_D'],
    ['Penata Muda Tingkat I, III/b', 'III_B'],
  ])('parses %j as %s', (input, code) => {
    const r = parsePnsRank(input);
    expect(r.ok ? r.value.code : r.error.code).toBe(code);
  });

  it.each(['', 'III/f', 'IV/f', 'V/a', 'VI/a', 'III', 'Penata'])('rejects %j', (input) => {
    const r = parsePnsRank(input);
    expect(r.ok ? r.value.code : r.error.code).toBe('RANK_UNKNOWN');
  });
});

describe('PPPK grades', () => {
  it('has grades I–XVII, separate from PNS ranks', () => {
    expect(PPPK_GRADES).toHaveLength(17);
    expect(PPPK_GRADES[0]).toBe('I');
    expect(PPPK_GRADES[16]).toBe('XVII');
    expect(pppkGradeOrder('IX')).toBe(9);
    expect(comparePppkGrades('XVII', 'IX')).toBeGreaterThan(0);
    expect(comparePppkGrades('IV', 'V')).toBeLessThan(0);
  });

  it.each([
    ['IX', 'IX'],
    ['ix', 'IX'],
    ['9', 'IX'],
    [9, 'IX'],
    ['Golongan XVII', 'XVII'],
    ['Gol. 5', 'V'],
  ])('parses %j as %s', (input, grade) => {
    const r = parsePppkGrade(input);
    expect(r.ok ? r.value : r.error.code).toBe(grade);
  });

  it.each(['0', '18', 'XVIII', 'III/a', ''])('rejects %j', (input) => {
    const r = parsePppkGrade(input);
    expect(r.ok ? r.value : r.error.code).toBe('PPPK_GRADE_UNKNOWN');
  });
});
