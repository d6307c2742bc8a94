import { describe, expect, it } from 'vitest';
import { SKM_ELEMENT_CODES } from './skm-elements.js';
import { surveyRequestProblem, validateSurvey } from './survey.js';

describe('validateSurvey', () => {
  it('accepts answers, trims the suggestion and keeps ratings of staff on the request', () => {
    const r = validateSurvey(
      {
        answers: SKM_ELEMENT_CODES.map((element, i) => ({ element, score: 1 + (i % 4) })),
        suggestion: '  Antrean lebih cepat  ',
        staffRatings: [{ staffId: 's1', competence: 4, behaviour: 3, comment: ' ' }],
      },
      ['s1', 's2'],
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.answers).toHaveLength(9);
    expect(r.value.suggestion).toBe('Antrean lebih cepat');
    expect(r.value.staffRatings).toEqual([{ staffId: 's1', competence: 4, behaviour: 3, comment: null }]);
  });

  it('allows unanswered elements (the index averages over those who answered)', () => {
    expect(validateSurvey({ answers: [{ element: 'WAKTU', score: 2 }] }, []).ok).toBe(true);
  });

  it('reports every problem with its field', () => {
    const r = validateSurvey(
      {
        answers: [
          { element: 'WAKTU', score: 0 },
          { element: 'WAKTU', score: 4 },
          { element: 'KENYAMANAN', score: 3 },
          { element: 'BIAYA', score: 2.5 },
        ],
        profile: { age: 200, occupation: 'Wiraswasta' },
        suggestion: 'x'.repeat(2001),
        staffRatings: [
          { staffId: 'other', competence: 3, behaviour: 3 },
          { staffId: 's1', competence: 5, behaviour: 0, comment: 'y'.repeat(2001) },
          { staffId: 's1', competence: 3, behaviour: 3 },
        ],
      },
      ['s1'],
    );
    expect(r.ok ? [] : r.error.map((e) => `${e.field}:${e.code}`)).toEqual([
      'answers[0].score:SURVEY_INVALID_SCORE',
      'answers[1].element:SURVEY_DUPLICATE_ELEMENT',
      'answers[2].element:SURVEY_UNKNOWN_ELEMENT',
      'answers[3].score:SURVEY_INVALID_SCORE',
      'profile.age:SURVEY_AGE_OUT_OF_RANGE',
      'profile.occupation:SURVEY_PROFILE_UNKNOWN_OPTION',
      'suggestion:SURVEY_TEXT_TOO_LONG',
      'staffRatings[0].staffId:SURVEY_STAFF_NOT_ON_REQUEST',
      'staffRatings[1].competence:SURVEY_INVALID_SCORE',
      'staffRatings[1].behaviour:SURVEY_INVALID_SCORE',
      'staffRatings[1].comment:SURVEY_TEXT_TOO_LONG',
      'staffRatings[2].staffId:SURVEY_DUPLICATE_STAFF',
    ]);
    if (!r.ok) for (const e of r.error) expect(e.message.id).not.toBe(e.message.en);
  });

  it('needs at least one answer, and counter responses rate nobody', () => {
    const none = validateSurvey({ answers: [] }, []);
    expect(none.ok ? [] : none.error.map((e) => e.code)).toEqual(['SURVEY_NO_ANSWERS']);
    const counter = validateSurvey(
      {
        answers: [{ element: 'SARANA', score: 3 }],
        staffRatings: [{ staffId: 's1', competence: 3, behaviour: 3 }],
      },
      [],
    );
    expect(counter.ok ? [] : counter.error.map((e) => e.code)).toEqual(['SURVEY_STAFF_NOT_ON_REQUEST']);
  });
});

describe('surveyRequestProblem', () => {
  it('allows a completed, unanswered request only', () => {
    expect(surveyRequestProblem({ state: 'COMPLETED', answered: false })).toBeNull();
    expect(surveyRequestProblem({ state: 'COMPLETED', answered: true })?.code).toBe(
      'SURVEY_ALREADY_ANSWERED',
    );
    expect(surveyRequestProblem({ state: 'IN_PROGRESS', answered: false })?.code).toBe(
      'SURVEY_REQUEST_NOT_COMPLETED',
    );
    expect(surveyRequestProblem({ state: 'REJECTED', answered: false })?.code).toBe(
      'SURVEY_REQUEST_NOT_COMPLETED',
    );
  });
});
