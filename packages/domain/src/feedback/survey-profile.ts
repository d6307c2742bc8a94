import { errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { textLength } from '../text-limits.js';
import { SURVEY_ERROR_MESSAGES } from './messages.js';
import type { SurveyFieldError } from './survey.js';

/*
 * The optional respondent profile of an SKM response, as SKM forms ask it and SKM reports publish
 * it (PermenPANRB 14/2017 annex: gender, age, education, occupation). Free text is trimmed; empty
 * answers are not given (null); a text longer than its limit is refused, never cut (nothing
 * stored is silently altered). Responses are pseudonymous: a response carries a respondent code,
 * never the account.
 */

export type SurveyGender = 'M' | 'F';

export type SurveyProfileInput = {
  readonly gender?: SurveyGender | null;
  readonly ageBand?: string | null;
  readonly education?: string | null;
  readonly occupation?: string | null;
};

export type SurveyProfile = {
  readonly gender: SurveyGender | null;
  readonly ageBand: string | null;
  readonly education: string | null;
  readonly occupation: string | null;
};

/** The longest text of each profile field, in user-perceived characters (textLength). */
export const SURVEY_PROFILE_MAX_LENGTH = { ageBand: 20, education: 50, occupation: 100 } as const;

const surveyError = errorFactory(SURVEY_ERROR_MESSAGES);

/**
 * The profile as stored: each text trimmed, '' → null; no profile → every field null. A text
 * longer than SURVEY_PROFILE_MAX_LENGTH is refused with SURVEY_TEXT_TOO_LONG on
 * `profile.<field>` (details `max` and `length`), one error per field, never shortened.
 */
export function checkSurveyProfile(
  profile: SurveyProfileInput | null | undefined,
): Result<SurveyProfile, readonly SurveyFieldError[]> {
  const problems: SurveyFieldError[] = [];
  const text = (field: keyof typeof SURVEY_PROFILE_MAX_LENGTH): string | null => {
    const v = profile?.[field]?.trim() ?? '';
    if (v === '') return null;
    const max = SURVEY_PROFILE_MAX_LENGTH[field];
    const length = textLength(v);
    if (length > max)
      problems.push({ ...surveyError('SURVEY_TEXT_TOO_LONG', { max, length }), field: `profile.${field}` });
    return v;
  };
  const checked: SurveyProfile = {
    gender: profile?.gender ?? null,
    ageBand: text('ageBand'),
    education: text('education'),
    occupation: text('occupation'),
  };
  return problems.length > 0 ? err(problems) : ok(checked);
}

/**
 * The pseudonym a response is shown under in reports: `R-` and 12 upper-case hex digits taken
 * from a random UUID (the caller draws it; the rule stays deterministic).
 */
export function surveyRespondentCode(uuid: string): string {
  return `R-${uuid.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}
