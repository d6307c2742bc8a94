import { describe, expect, it } from 'vitest';
import { checkSurveyProfile, surveyRespondentCode } from './survey-profile.js';
import {
  SURVEY_AGE_BANDS,
  SURVEY_EDUCATIONS,
  SURVEY_OCCUPATIONS,
  surveyAgeBand,
  surveyAgeBandOfRange,
  surveyProfileLabel,
} from './survey-profile-options.js';

describe('checkSurveyProfile', () => {
  const none = { gender: null, age: null, ageBand: null, education: null, occupation: null };

  it('is all null without a profile', () => {
    expect(checkSurveyProfile(undefined)).toEqual({ ok: true, value: none });
    expect(checkSurveyProfile(null)).toEqual({ ok: true, value: none });
    expect(checkSurveyProfile({ age: null, education: null })).toEqual({ ok: true, value: none });
  });

  it('takes the options of the SKM form and derives the age band from the age in years', () => {
    expect(checkSurveyProfile({ gender: 'F', age: 34, education: 'S1', occupation: 'WIRAUSAHA' })).toEqual({
      ok: true,
      value: { gender: 'F', age: 34, ageBand: 'AGE_30_39', education: 'S1', occupation: 'WIRAUSAHA' },
    });
    expect(checkSurveyProfile({ age: 10 })).toMatchObject({
      ok: true,
      value: { age: 10, ageBand: 'AGE_UNDER_20' },
    });
    expect(checkSurveyProfile({ age: 120 })).toMatchObject({ ok: true, value: { ageBand: 'AGE_60_PLUS' } });
  });

  it('refuses free text, unknown codes and impossible ages with one field error each', () => {
    const r = checkSurveyProfile({
      gender: 'L',
      age: 35.5,
      education: 'Sarjana',
      occupation: '=HYPERLINK("http://x","y")',
    });
    expect(r).toMatchObject({
      ok: false,
      error: [
        { field: 'profile.gender', code: 'SURVEY_PROFILE_UNKNOWN_OPTION', details: { value: 'L' } },
        { field: 'profile.age', code: 'SURVEY_AGE_OUT_OF_RANGE', details: { age: 35.5, min: 10, max: 120 } },
        {
          field: 'profile.education',
          code: 'SURVEY_PROFILE_UNKNOWN_OPTION',
          details: { options: SURVEY_EDUCATIONS },
        },
        {
          field: 'profile.occupation',
          code: 'SURVEY_PROFILE_UNKNOWN_OPTION',
          details: { options: SURVEY_OCCUPATIONS },
        },
      ],
    });
    if (!r.ok)
      expect(r.error[3]?.message).toEqual({
        id: 'Pilihan profil responden tidak dikenal; pilih salah satu pilihan formulir SKM.',
        en: 'Unknown respondent profile option; choose one of the options of the SKM form.',
      });
    for (const age of [9, 121, -1, Number.NaN])
      expect(checkSurveyProfile({ age })).toMatchObject({
        ok: false,
        error: [{ code: 'SURVEY_AGE_OUT_OF_RANGE' }],
      });
  });
});

describe('profile options', () => {
  it('bands ages at 20, 30, 40, 50 and 60', () => {
    expect([10, 19, 20, 29, 30, 49, 50, 59, 60, 95].map(surveyAgeBand)).toEqual([
      'AGE_UNDER_20',
      'AGE_UNDER_20',
      'AGE_20_29',
      'AGE_20_29',
      'AGE_30_39',
      'AGE_40_49',
      'AGE_50_59',
      'AGE_50_59',
      'AGE_60_PLUS',
      'AGE_60_PLUS',
    ]);
    expect(surveyAgeBandOfRange(20, 29)).toBe('AGE_20_29');
    expect(surveyAgeBandOfRange(17, 25)).toBeNull();
    expect(surveyAgeBandOfRange(29, 20)).toBeNull();
  });

  it('labels every option in Indonesian and English, and nothing else', () => {
    for (const [dimension, values] of [
      ['AGE_BAND', SURVEY_AGE_BANDS],
      ['EDUCATION', SURVEY_EDUCATIONS],
      ['OCCUPATION', SURVEY_OCCUPATIONS],
      ['GENDER', ['M', 'F']],
    ] as const)
      for (const v of values) {
        const label = surveyProfileLabel(dimension, v);
        expect(label?.id).toBeTruthy();
        expect(label?.en).toBeTruthy();
      }
    expect(surveyProfileLabel('EDUCATION', 'S2_PLUS')).toEqual({
      id: 'S2 ke atas',
      en: "Master's degree or higher (S2, S3)",
    });
    expect(surveyProfileLabel('EDUCATION', '=1+1')).toBeNull();
    expect(surveyProfileLabel('CHANNEL', 'ONLINE')).toBeNull();
  });
});

describe('surveyRespondentCode', () => {
  it('takes 12 upper-case hex digits of the UUID', () => {
    expect(surveyRespondentCode('3f2a9c1e-7b4d-4e8a-9c1b-2d3e4f5a6b7c')).toBe('R-3F2A9C1E7B4D');
  });
});
