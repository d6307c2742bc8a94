import { type DomainError, errorFactory, type Message } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { textLength } from '../text-limits.js';
import { SURVEY_ERROR_MESSAGES, type SurveyErrorCode } from './messages.js';
import { isSkmElementCode, type SkmElementCode } from './skm-elements.js';
import { checkSurveyProfile, type SurveyProfile, type SurveyProfileInput } from './survey-profile.js';

/*
 * One survey response as a citizen or a counter clerk submits it: each of the nine elements at
 * most once, scores 1–4 (PermenPANRB 14/2017), optionally the respondent profile used in SKM
 * reports, a suggestion, and ratings of the staff who served the citizen (competence and
 * behaviour, 1–4, the same scale).
 */

/**
 * Where a survey response came from: `ONLINE`, the citizen answering for one completed request
 * (at most once); `COUNTER`, a walk-in response typed in by staff, tied to no request.
 */
export const SKM_CHANNELS = ['ONLINE', 'COUNTER'] as const;
export type SkmChannel = (typeof SKM_CHANNELS)[number];

const surveyError = errorFactory(SURVEY_ERROR_MESSAGES);
export type SurveyError = DomainError<SurveyErrorCode>;
/** A problem with one input field, e.g. `answers.2.score`. */
export type SurveyFieldError = SurveyError & { readonly field: string };

export const SURVEY_TEXT_MAX = 2000;

export type SurveyAnswerInput = { readonly element: string; readonly score: number };
export type StaffRatingInput = {
  readonly staffId: string;
  readonly competence: number;
  readonly behaviour: number;
  readonly comment?: string | null;
};
export type SurveyInput = {
  readonly answers: readonly SurveyAnswerInput[];
  readonly profile?: SurveyProfileInput | null;
  readonly suggestion?: string | null;
  readonly staffRatings?: readonly StaffRatingInput[] | null;
};
export type ValidSurvey = {
  readonly answers: readonly { element: SkmElementCode; score: number }[];
  /** The respondent profile as stored (checkSurveyProfile). */
  readonly profile: SurveyProfile;
  readonly suggestion: string | null;
  readonly staffRatings: readonly {
    staffId: string;
    competence: number;
    behaviour: number;
    comment: string | null;
  }[];
};

const validScore = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 4;
const clean = (text: string | null | undefined) => {
  const t = text?.trim() ?? '';
  return t === '' ? null : t;
};

/**
 * Checks a response: answers, the respondent profile (checkSurveyProfile: too-long texts are
 * refused on `profile.<field>`), suggestion and staff ratings. `ratableStaffIds`: the staff who
 * acted on the request (online) — any other rating is refused; pass an empty list where no
 * rating is possible (counter responses).
 */
export function validateSurvey(
  input: SurveyInput,
  ratableStaffIds: readonly string[],
): Result<ValidSurvey, readonly SurveyFieldError[]> {
  const problems: SurveyFieldError[] = [];
  const add = (field: string, code: SurveyErrorCode, details?: Record<string, unknown>) =>
    problems.push({ ...surveyError(code, details), field });
  if (input.answers.length === 0) add('answers', 'SURVEY_NO_ANSWERS');
  const seen = new Set<string>();
  input.answers.forEach((a, i) => {
    if (!isSkmElementCode(a.element))
      add(`answers[${i}].element`, 'SURVEY_UNKNOWN_ELEMENT', { element: a.element });
    else if (seen.has(a.element))
      add(`answers[${i}].element`, 'SURVEY_DUPLICATE_ELEMENT', { element: a.element });
    seen.add(a.element);
    if (!validScore(a.score)) add(`answers[${i}].score`, 'SURVEY_INVALID_SCORE', { score: a.score });
  });
  const profile = checkSurveyProfile(input.profile);
  if (!profile.ok) problems.push(...profile.error);
  const suggestion = clean(input.suggestion);
  if (suggestion && textLength(suggestion) > SURVEY_TEXT_MAX) {
    add('suggestion', 'SURVEY_TEXT_TOO_LONG', { max: SURVEY_TEXT_MAX });
  }
  const rated = new Set<string>();
  const ratings = input.staffRatings ?? [];
  ratings.forEach((r, i) => {
    if (!ratableStaffIds.includes(r.staffId))
      add(`staffRatings[${i}].staffId`, 'SURVEY_STAFF_NOT_ON_REQUEST');
    else if (rated.has(r.staffId)) add(`staffRatings[${i}].staffId`, 'SURVEY_DUPLICATE_STAFF');
    rated.add(r.staffId);
    if (!validScore(r.competence)) add(`staffRatings[${i}].competence`, 'SURVEY_INVALID_SCORE');
    if (!validScore(r.behaviour)) add(`staffRatings[${i}].behaviour`, 'SURVEY_INVALID_SCORE');
    const comment = clean(r.comment);
    if (comment && textLength(comment) > SURVEY_TEXT_MAX) {
      add(`staffRatings[${i}].comment`, 'SURVEY_TEXT_TOO_LONG', { max: SURVEY_TEXT_MAX });
    }
  });
  if (problems.length > 0 || !profile.ok) return err(problems);
  return ok({
    answers: input.answers.map((a) => ({ element: a.element as SkmElementCode, score: a.score })),
    profile: profile.value,
    suggestion,
    staffRatings: ratings.map((r) => ({
      staffId: r.staffId,
      competence: r.competence,
      behaviour: r.behaviour,
      comment: clean(r.comment),
    })),
  });
}

/** Why a request cannot be surveyed (yet), or null when it can. */
export function surveyRequestProblem(request: {
  readonly state: string;
  readonly answered: boolean;
}): SurveyError | null {
  if (request.answered) return surveyError('SURVEY_ALREADY_ANSWERED');
  if (request.state !== 'COMPLETED')
    return surveyError('SURVEY_REQUEST_NOT_COMPLETED', { state: request.state });
  return null;
}

/**
 * The invitation a citizen receives when their request is completed (one notification, in the
 * same transaction as the completion).
 */
export function surveyInvitationMessage(
  trackingCode: string,
  /** How the request is named (capitalised): `Permohonan`/`Request` unless given (a complaint's `Pengaduan`). */
  noun: Message = { id: 'Permohonan', en: 'Request' },
): Message {
  return {
    id: `${noun.id} ${trackingCode} selesai. Bagaimana pelayanan kami? Isi survei kepuasan (1 menit).`,
    en: `${noun.en} ${trackingCode} is completed. How did we do? Answer the satisfaction survey (1 minute).`,
  };
}
