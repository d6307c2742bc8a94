import { type DomainError, errorFactory, type Message } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { IKM_ERROR_MESSAGES, IKM_GRADE_LABELS, type IkmErrorCode } from './messages.js';
import { isSkmElementCode, SKM_ELEMENT_CODES, type SkmElementCode } from './skm-elements.js';

/*
 * IKM (Indeks Kepuasan Masyarakat), PermenPANRB 14/2017:
 *   NRR_i = sum of element i's scores / respondents who answered element i
 *   IKM   = Σ NRR_i × 1/9            (1–4)
 *   score = IKM × 25                 (25–100), graded A–D.
 *
 * Exactness. Scores are integers, so every quantity is a rational number; the score is computed
 * exactly with BigInt fractions, never in floating point, so a value that is exactly 88.31 is
 * never graded as 88.30999….
 *
 * Display and grade never disagree. The displayed score is the exact score truncated to two
 * decimals (not rounded): 91.4751… shows as 91.47, as in the DOMAIN.md worked example. The grade
 * uses half-open bands on the unrounded score (B is [76.61, 88.31)). Because every band limit is
 * a whole number of hundredths, `score ≥ limit ⇔ truncate(score) ≥ limit`, so the displayed
 * score always lies in the band of its grade: 88.305 shows as 88.30 with grade B, never as
 * 88.31 with grade B. (Rounding half-up would show 88.31 next to grade B.)
 */

export const IKM_RULES = ['PERMENPANRB_14_2017', 'KEPMENPAN_25_2004'] as const;
export type IkmRule = (typeof IKM_RULES)[number];

/**
 * `EXACT`: weight 1/9 as the regulation says. `ROUNDED_0_11`: the 0.11 weight many agency
 * spreadsheets use, for comparing with their published figures only.
 */
export const IKM_WEIGHTINGS = ['EXACT', 'ROUNDED_0_11'] as const;
export type IkmWeighting = (typeof IKM_WEIGHTINGS)[number];

export type IkmGrade = 'A' | 'B' | 'C' | 'D';

/**
 * Lower limits of each band on the 25–100 score, in hundredths; a band runs up to (excluding)
 * the next one's limit. PermenPANRB 14/2017: D 25.00–64.99, C 65.00–76.60, B 76.61–88.30,
 * A 88.31–100. KEP/25/M.PAN/2/2004: D 25–43.75, C 43.76–62.50, B 62.51–81.25, A 81.26–100.
 */
export const IKM_BAND_LIMITS = {
  PERMENPANRB_14_2017: { A: 8831, B: 7661, C: 6500, D: 2500 },
  KEPMENPAN_25_2004: { A: 8126, B: 6251, C: 4376, D: 2500 },
} as const satisfies Record<IkmRule, Record<IkmGrade, number>>;

const GRADES_DESC: readonly IkmGrade[] = ['A', 'B', 'C', 'D'];

const ikmError = errorFactory(IKM_ERROR_MESSAGES);
export type IkmError = DomainError<IkmErrorCode>;

/** One respondent's answers: element code → 1–4; a missing or null element was not answered. */
export type SkmResponse = Readonly<Partial<Record<SkmElementCode, number | null>>>;

/** What SQL can sum: per element the total of the scores and how many answered it. */
export type SkmElementTotal = { readonly sum: number; readonly answered: number };
export type SkmTotals = {
  readonly respondents: number;
  readonly elements: Readonly<Record<SkmElementCode, SkmElementTotal>>;
};

export type IkmOptions = { readonly rule?: IkmRule; readonly weighting?: IkmWeighting };

export type IkmElementResult = {
  readonly code: SkmElementCode;
  readonly sum: number;
  readonly answered: number;
  /** NRR: the element's average score, 1–4. */
  readonly average: number;
  /** NRR × weight (NRR tertimbang), as agencies publish it. */
  readonly weighted: number;
};

export type IkmResult = {
  readonly respondents: number;
  readonly elementAverages: Readonly<Record<SkmElementCode, number>>;
  /** Per element, in `SKM_ELEMENTS` order. */
  readonly elements: readonly IkmElementResult[];
  /** Σ NRR × weight, 1–4, unrounded. */
  readonly index: number;
  /** index × 25, 25–100, unrounded (a float approximation of the exact value). */
  readonly score: number;
  /** The exact score truncated to two decimals, e.g. `"91.47"`: what reports show. */
  readonly scoreDisplay: string;
  readonly grade: IkmGrade;
  readonly label: Message;
  readonly rule: IkmRule;
  readonly weighting: IkmWeighting;
};

/**
 * Computes the IKM from individual responses. Validates every answer (elements known, scores
 * integers 1–4, no empty response), then applies `computeIkmFromTotals`.
 */
export function computeIkm(
  responses: readonly SkmResponse[],
  options: IkmOptions = {},
): Result<IkmResult, IkmError> {
  if (responses.length === 0) return err(ikmError('SKM_NO_RESPONDENTS'));
  const sums = new Map<SkmElementCode, { sum: number; answered: number }>(
    SKM_ELEMENT_CODES.map((c) => [c, { sum: 0, answered: 0 }]),
  );
  for (const [index, response] of responses.entries()) {
    if (typeof response !== 'object' || response === null) {
      return err(ikmError('SKM_EMPTY_RESPONSE', { responseIndex: index }));
    }
    let answered = 0;
    for (const [element, value] of Object.entries(response)) {
      if (!isSkmElementCode(element))
        return err(ikmError('SKM_UNKNOWN_ELEMENT', { responseIndex: index, element }));
      if (value === null || value === undefined) continue;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 4) {
        return err(ikmError('SKM_INVALID_SCORE', { responseIndex: index, element, value }));
      }
      const acc = sums.get(element);
      if (acc) {
        acc.sum += value;
        acc.answered += 1;
      }
      answered += 1;
    }
    if (answered === 0) return err(ikmError('SKM_EMPTY_RESPONSE', { responseIndex: index }));
  }
  const elements = Object.fromEntries(sums) as Record<SkmElementCode, SkmElementTotal>;
  return computeIkmFromTotals({ respondents: responses.length, elements }, options);
}

/**
 * Computes the IKM from per-element totals, e.g. sums done by the database. The formula, the
 * exact arithmetic and the grading are the same as `computeIkm`.
 */
export function computeIkmFromTotals(
  totals: SkmTotals,
  options: IkmOptions = {},
): Result<IkmResult, IkmError> {
  const rule = options.rule ?? 'PERMENPANRB_14_2017';
  const weighting = options.weighting ?? 'EXACT';
  if (!IKM_RULES.includes(rule) || !IKM_WEIGHTINGS.includes(weighting)) {
    return err(ikmError('SKM_UNKNOWN_RULE', { rule, weighting }));
  }
  const { respondents } = totals;
  if (respondents === 0) return err(ikmError('SKM_NO_RESPONDENTS'));
  if (!Number.isSafeInteger(respondents) || respondents < 0) {
    return err(ikmError('SKM_INVALID_TOTALS', { respondents }));
  }
  for (const element of Object.keys(totals.elements)) {
    if (!isSkmElementCode(element)) return err(ikmError('SKM_UNKNOWN_ELEMENT', { element }));
  }
  for (const code of SKM_ELEMENT_CODES) {
    const t = totals.elements[code];
    if (t === undefined || t.answered === 0)
      return err(ikmError('SKM_ELEMENT_UNANSWERED', { element: code }));
    const consistent =
      Number.isSafeInteger(t.answered) &&
      Number.isSafeInteger(t.sum) &&
      t.answered > 0 &&
      t.answered <= respondents &&
      t.sum >= t.answered &&
      t.sum <= 4 * t.answered;
    if (!consistent) return err(ikmError('SKM_INVALID_TOTALS', { element: code, ...t, respondents }));
  }

  // weight = wn / wd
  const [wn, wd] = weighting === 'EXACT' ? [1n, 9n] : [11n, 100n];
  let lcm = 1n;
  for (const code of SKM_ELEMENT_CODES) lcm = lcmBig(lcm, BigInt(totals.elements[code].answered));
  // Σ NRR_i = S / lcm with S an integer.
  let s = 0n;
  for (const code of SKM_ELEMENT_CODES) {
    const t = totals.elements[code];
    s += BigInt(t.sum) * (lcm / BigInt(t.answered));
  }
  // score = 25 · wn · S / (wd · lcm), exactly.
  const num = 25n * wn * s;
  const den = wd * lcm;
  const hundredths = (100n * num) / den; // BigInt division truncates; all values are positive.
  const grade = gradeOfHundredths(Number(hundredths), rule);
  const weight = Number(wn) / Number(wd);

  const elements = SKM_ELEMENT_CODES.map((code) => {
    const t = totals.elements[code];
    const average = t.sum / t.answered;
    return { code, sum: t.sum, answered: t.answered, average, weighted: average * weight };
  });
  const score = ratioToNumber(num, den);
  return ok({
    respondents,
    elementAverages: Object.fromEntries(elements.map((e) => [e.code, e.average])) as Record<
      SkmElementCode,
      number
    >,
    elements,
    index: score / 25,
    score,
    scoreDisplay: `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`,
    grade,
    label: IKM_GRADE_LABELS[grade],
    rule,
    weighting,
  });
}

/**
 * Grades a score already on the 25–100 scale (e.g. a historic, published figure) under a rule,
 * with the same half-open bands.
 */
export function ikmGrade(
  score: number,
  rule: IkmRule = 'PERMENPANRB_14_2017',
): Result<{ grade: IkmGrade; label: Message; rule: IkmRule }, IkmError> {
  if (!IKM_RULES.includes(rule)) return err(ikmError('SKM_UNKNOWN_RULE', { rule }));
  if (!Number.isFinite(score) || score < 25 || score > 100) {
    return err(ikmError('SKM_SCORE_OUT_OF_RANGE', { score }));
  }
  const limits = IKM_BAND_LIMITS[rule];
  // limit / 100 is the double nearest to the decimal limit, the same as the literal 88.31.
  const grade = GRADES_DESC.find((g) => score >= limits[g] / 100) ?? 'D';
  return ok({ grade, label: IKM_GRADE_LABELS[grade], rule });
}

function gradeOfHundredths(hundredths: number, rule: IkmRule): IkmGrade {
  const limits = IKM_BAND_LIMITS[rule];
  return GRADES_DESC.find((g) => hundredths >= limits[g]) ?? 'D';
}

function gcdBig(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function lcmBig(a: bigint, b: bigint): bigint {
  return (a / gcdBig(a, b)) * b;
}

/** num/den as the nearest-ish double, without overflowing when both are huge. */
function ratioToNumber(num: bigint, den: bigint): number {
  const whole = num / den;
  const rest = num % den;
  const scale = 10n ** 15n;
  return Number(whole) + Number((rest * scale) / den) / 1e15;
}
