import type { FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { type IkmError, type IkmGrade, type IkmRule, ikmGrade } from './ikm.js';

/*
 * A published IKM from before the system (e.g. a unit's 2009 report graded under KEPMENPAN
 * 25/2004): the score as published, graded again under the rule that applied then, so the grade
 * stored beside it always agrees with the bands of its rule.
 */

/** The first year a historic IKM may be recorded for (KEPMENPAN 25/2004's predecessors aside). */
export const HISTORIC_IKM_FIRST_YEAR = 1990;

export type HistoricIkmInput = {
  readonly year: number;
  /** The published 25–100 value. */
  readonly score: number;
  /** The published 1–4 index, when known. */
  readonly index?: number | null;
  readonly rule: IkmRule;
  readonly respondents?: number | null;
  /** Where the figure was published (free text). */
  readonly source?: string | null;
};

/** The input as recorded: `index` and `respondents` null when not given, `source` trimmed. */
export type ValidHistoricIkm = Required<Omit<HistoricIkmInput, 'source'>> & {
  readonly grade: IkmGrade;
  readonly source: string;
};

/** A problem with one input field: the score's grading error, or a bound (`OUT_OF_RANGE`). */
export type HistoricIkmFieldError = (IkmError | FieldError) & { readonly field: string };

const outOfRange = (field: string, id: string, en: string, details: Record<string, unknown>) =>
  ({ field, code: 'OUT_OF_RANGE', message: { id, en }, details }) as const;

/**
 * Checks a historic IKM and grades its score under its rule (`ikmGrade`).
 * - `score` outside 25–100 or an unknown rule: that one error on `score` (the other fields are
 *   not checked, as the gateway has always reported it);
 * - `year` a whole number from 1990 to `currentYear` (the WIB year of today), `index` 1–4 when
 *   given, `respondents` not negative when given: every broken bound, `OUT_OF_RANGE`.
 * `source` is trimmed ('' when not given).
 */
export function validateHistoricIkm(
  input: HistoricIkmInput,
  options: { readonly currentYear: number },
): Result<ValidHistoricIkm, readonly HistoricIkmFieldError[]> {
  const graded = ikmGrade(input.score, input.rule);
  if (!graded.ok) return err([{ ...graded.error, field: 'score' }]);
  const { currentYear } = options;
  const problems: HistoricIkmFieldError[] = [];
  if (!Number.isInteger(input.year) || input.year < HISTORIC_IKM_FIRST_YEAR || input.year > currentYear) {
    problems.push(
      outOfRange(
        'year',
        `Tahun harus ${HISTORIC_IKM_FIRST_YEAR}–${currentYear}`,
        `The year must be ${HISTORIC_IKM_FIRST_YEAR}–${currentYear}`,
        { min: HISTORIC_IKM_FIRST_YEAR, max: currentYear, value: input.year },
      ),
    );
  }
  if (input.index != null && !(input.index >= 1 && input.index <= 4)) {
    problems.push(
      outOfRange('index', 'Indeks harus 1–4', 'The index must be 1–4', {
        min: 1,
        max: 4,
        value: input.index,
      }),
    );
  }
  if (input.respondents != null && !(input.respondents >= 0)) {
    problems.push(
      outOfRange('respondents', 'Jumlah responden tidak boleh negatif', 'Respondents cannot be negative', {
        min: 0,
        value: input.respondents,
      }),
    );
  }
  if (problems.length > 0) return err(problems);
  return ok({
    year: input.year,
    score: input.score,
    index: input.index ?? null,
    grade: graded.value.grade,
    rule: input.rule,
    respondents: input.respondents ?? null,
    source: input.source?.trim() ?? '',
  });
}
