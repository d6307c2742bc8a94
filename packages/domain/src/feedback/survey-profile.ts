import { errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { SURVEY_ERROR_MESSAGES, type SurveyErrorCode } from './messages.js';
import type { SurveyFieldError } from './survey.js';
import {
  SURVEY_AGE_LIMITS,
  SURVEY_EDUCATIONS,
  SURVEY_OCCUPATIONS,
  type SurveyAgeBand,
  type SurveyEducation,
  type SurveyOccupation,
  surveyAgeBand,
} from './survey-profile-options.js';

/*
 * The optional respondent profile of an SKM response, as the sample questionnaire of
 * PermenPANRB 14/2017 asks it: gender, age in years, last education and main occupation, each an
 * option of the form (survey-profile-options.ts), never free text — so nothing a respondent types
 * reaches a report or an export as a profile value. Unknown options and impossible ages are
 * refused, never cut or guessed. Responses are pseudonymous: a response carries a respondent
 * code, never the account.
 */

export type SurveyGender = 'M' | 'F';

export type SurveyProfileInput = {
  readonly gender?: string | null;
  /** Age in whole years. */
  readonly age?: number | null;
  /** A SURVEY_EDUCATIONS code. */
  readonly education?: string | null;
  /** A SURVEY_OCCUPATIONS code. */
  readonly occupation?: string | null;
};

export type SurveyProfile = {
  readonly gender: SurveyGender | null;
  readonly age: number | null;
  /** The report band of `age` (null without an age). */
  readonly ageBand: SurveyAgeBand | null;
  readonly education: SurveyEducation | null;
  readonly occupation: SurveyOccupation | null;
};

const surveyError = errorFactory(SURVEY_ERROR_MESSAGES);
const GENDER_CODES = ['M', 'F'] as const;

/**
 * The profile as stored: each field optional (absent → null; no profile → every field null),
 * `ageBand` derived from `age`. Refused on `profile.<field>`, one error per field:
 * SURVEY_PROFILE_UNKNOWN_OPTION for a gender, education or occupation that is not a code of the
 * form (details `value` and `options`), SURVEY_AGE_OUT_OF_RANGE for an age that is not a whole
 * number of years within SURVEY_AGE_LIMITS (details `age`, `min`, `max`).
 */
export function checkSurveyProfile(
  profile: SurveyProfileInput | null | undefined,
): Result<SurveyProfile, readonly SurveyFieldError[]> {
  const problems: SurveyFieldError[] = [];
  const refuse = (field: string, code: SurveyErrorCode, details: Record<string, unknown>) =>
    problems.push({ ...surveyError(code, details), field: `profile.${field}` });
  const option = <T extends string>(field: keyof SurveyProfileInput, options: readonly T[]): T | null => {
    const value = profile?.[field];
    if (value === null || value === undefined) return null;
    if ((options as readonly unknown[]).includes(value)) return value as T;
    refuse(field, 'SURVEY_PROFILE_UNKNOWN_OPTION', { value, options });
    return null;
  };
  const gender = option('gender', GENDER_CODES);
  const age = profile?.age ?? null;
  const { min, max } = SURVEY_AGE_LIMITS;
  if (age !== null && !(Number.isInteger(age) && age >= min && age <= max))
    refuse('age', 'SURVEY_AGE_OUT_OF_RANGE', { age, min, max });
  const checked: SurveyProfile = {
    gender,
    age,
    ageBand: age === null ? null : surveyAgeBand(age),
    education: option('education', SURVEY_EDUCATIONS),
    occupation: option('occupation', SURVEY_OCCUPATIONS),
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
