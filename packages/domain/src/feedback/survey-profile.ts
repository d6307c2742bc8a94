/*
 * The optional respondent profile of an SKM response, as SKM forms ask it and SKM reports publish
 * it (PermenPANRB 14/2017 annex: gender, age, education, occupation). Free text is trimmed and
 * cut to the stored length; empty answers are not given (null). Responses are pseudonymous: a
 * response carries a respondent code, never the account.
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

/** The longest stored text of each profile field, in characters. */
export const SURVEY_PROFILE_MAX_LENGTH = { ageBand: 20, education: 50, occupation: 100 } as const;

const clean = (text: string | null | undefined, max: number) => {
  const v = text?.trim() ?? '';
  return v === '' ? null : v.slice(0, max);
};

/**
 * The profile as stored: each text trimmed, '' → null, longer text cut (never refused, so a long
 * answer does not cost the response). No profile → every field null.
 */
export function normalizeSurveyProfile(profile: SurveyProfileInput | null | undefined): SurveyProfile {
  return {
    gender: profile?.gender ?? null,
    ageBand: clean(profile?.ageBand, SURVEY_PROFILE_MAX_LENGTH.ageBand),
    education: clean(profile?.education, SURVEY_PROFILE_MAX_LENGTH.education),
    occupation: clean(profile?.occupation, SURVEY_PROFILE_MAX_LENGTH.occupation),
  };
}

/**
 * The pseudonym a response is shown under in reports: `R-` and 12 upper-case hex digits taken
 * from a random UUID (the caller draws it; the rule stays deterministic).
 */
export function surveyRespondentCode(uuid: string): string {
  return `R-${uuid.replace(/-/g, '').slice(0, 12).toUpperCase()}`;
}
