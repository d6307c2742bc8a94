import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { RANK_ERROR_MESSAGES } from './messages.js';

/*
 * PNS ranks: pangkat with golongan/ruang, 17 steps from I/a Juru Muda to IV/e Pembina Utama
 * (PP 99/2000 on PNS promotion, as amended by PP 12/2002). Codes are enum-safe (`III_A`);
 * `label` is the usual written form (`III/a`).
 */
export const PNS_RANKS = [
  { code: 'I_A', golongan: 'I', ruang: 'a', label: 'I/a', title: 'Juru Muda' },
  { code: 'I_B', golongan: 'I', ruang: 'b', label: 'I/b', title: 'Juru Muda Tingkat I' },
  { code: 'I_C', golongan: 'I', ruang: 'c', label: 'I/c', title: 'Juru' },
  { code: 'I_D', golongan: 'I', ruang: 'd', label: 'I/d', title: 'Juru Tingkat I' },
  { code: 'II_A', golongan: 'II', ruang: 'a', label: 'II/a', title: 'Pengatur Muda' },
  { code: 'II_B', golongan: 'II', ruang: 'b', label: 'II/b', title: 'Pengatur Muda Tingkat I' },
  { code: 'II_C', golongan: 'II', ruang: 'c', label: 'II/c', title: 'Pengatur' },
  { code: 'II_D', golongan: 'II', ruang: 'd', label: 'II/d', title: 'Pengatur Tingkat I' },
  { code: 'III_A', golongan: 'III', ruang: 'a', label: 'III/a', title: 'Penata Muda' },
  { code: 'III_B', golongan: 'III', ruang: 'b', label: 'III/b', title: 'Penata Muda Tingkat I' },
  { code: 'III_C', golongan: 'III', ruang: 'c', label: 'III/c', title: 'Penata' },
  { code: 'III_D', golongan: 'III', ruang: 'd', label: 'III/d', title: 'Penata Tingkat I' },
  { code: 'IV_A', golongan: 'IV', ruang: 'a', label: 'IV/a', title: 'Pembina' },
  { code: 'IV_B', golongan: 'IV', ruang: 'b', label: 'IV/b', title: 'Pembina Tingkat I' },
  { code: 'IV_C', golongan: 'IV', ruang: 'c', label: 'IV/c', title: 'Pembina Utama Muda' },
  { code: 'IV_D', golongan: 'IV', ruang: 'd', label: 'IV/d', title: 'Pembina Utama Madya' },
  { code: 'IV_E', golongan: 'IV', ruang: 'e', label: 'IV/e', title: 'Pembina Utama' },
] as const;

export type PnsRank = (typeof PNS_RANKS)[number];
export type PnsRankCode = PnsRank['code'];
export const PNS_RANK_CODES: readonly PnsRankCode[] = PNS_RANKS.map((r) => r.code);

/*
 * PPPK grades: golongan I–XVII (Perpres 98/2020 on PPPK salaries and allowances). Kept apart from
 * PNS ranks: a PPPK grade is not a pangkat and the two scales are not comparable.
 */
export const PPPK_GRADES = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
] as const;
export type PppkGrade = (typeof PPPK_GRADES)[number];

const rankError = errorFactory(RANK_ERROR_MESSAGES);

/** Position in the ladder: I/a = 1 … IV/e = 17. */
export function pnsRankOrder(code: PnsRankCode): number {
  const i = PNS_RANK_CODES.indexOf(code);
  if (i < 0) throw new RangeError(`Unknown PNS rank code ${code}`);
  return i + 1;
}

export function pnsRank(code: PnsRankCode): PnsRank {
  const rank = PNS_RANKS[pnsRankOrder(code) - 1];
  if (rank === undefined) throw new RangeError(`Unknown PNS rank code ${code}`);
  return rank;
}

/** Negative when `a` is lower than `b`, 0 when equal, positive when higher; usable in `sort`. */
export function comparePnsRanks(a: PnsRankCode, b: PnsRankCode): number {
  return pnsRankOrder(a) - pnsRankOrder(b);
}

/** The next rank up, or `undefined` at IV/e. */
export function nextPnsRank(code: PnsRankCode): PnsRank | undefined {
  return PNS_RANKS[pnsRankOrder(code)];
}

/**
 * Reads a rank as written in SIASN exports and forms: `III/a`, `III/A`, `iii/a`, `III a`,
 * `III-a`, `IIIa`, `III_A`, or with the title after it (`III/a Penata Muda`, `Penata Muda, III/a`).
 */
export function parsePnsRank(input: string): Result<PnsRank, DomainError<'RANK_UNKNOWN'>> {
  const m = /(?:^|[^A-Za-z])(IV|III|II|I)\s*[/_\-\s]?\s*([a-eA-E])(?![A-Za-z])/i.exec(String(input).trim());
  if (m) {
    const code = `${m[1]?.toUpperCase()}_${m[2]?.toUpperCase()}`;
    const rank = PNS_RANKS.find((r) => r.code === code);
    if (rank) return ok(rank);
  }
  return err(rankError('RANK_UNKNOWN', { input }));
}

export function pppkGradeOrder(grade: PppkGrade): number {
  const i = PPPK_GRADES.indexOf(grade);
  if (i < 0) throw new RangeError(`Unknown PPPK grade ${grade}`);
  return i + 1;
}

export function comparePppkGrades(a: PppkGrade, b: PppkGrade): number {
  return pppkGradeOrder(a) - pppkGradeOrder(b);
}

/** Reads `IX`, `ix`, `9`, `Golongan IX` or `Gol. 9` as a PPPK grade. */
export function parsePppkGrade(input: string | number): Result<PppkGrade, DomainError<'PPPK_GRADE_UNKNOWN'>> {
  const s = String(input)
    .trim()
    .replace(/^gol(?:ongan)?\.?\s*/i, '')
    .toUpperCase();
  const byNumeral = PPPK_GRADES.find((g) => g === s);
  if (byNumeral) return ok(byNumeral);
  if (/^\d{1,2}$/.test(s)) {
    const byNumber = PPPK_GRADES[Number(s) - 1];
    if (byNumber && Number(s) >= 1) return ok(byNumber);
  }
  return err(rankError('PPPK_GRADE_UNKNOWN', { input }));
}
