import { describe, expect, it } from 'vitest';
import { checkSurveyProfile, surveyRespondentCode } from './survey-profile.js';

describe('checkSurveyProfile', () => {
  it('is all null without a profile', () => {
    const none = { gender: null, ageBand: null, education: null, occupation: null };
    expect(checkSurveyProfile(undefined)).toEqual({ ok: true, value: none });
    expect(checkSurveyProfile(null)).toEqual({ ok: true, value: none });
    expect(checkSurveyProfile({ ageBand: '  ', education: '' })).toEqual({ ok: true, value: none });
  });

  it('trims and keeps texts up to their limit whole, counting characters as people do', () => {
    expect(
      checkSurveyProfile({
        gender: 'F',
        ageBand: ' 20-29 ',
        education: 'S'.repeat(50),
        occupation: `  ${'👩‍🌾'.repeat(100)}`,
      }),
    ).toEqual({
      ok: true,
      value: { gender: 'F', ageBand: '20-29', education: 'S'.repeat(50), occupation: '👩‍🌾'.repeat(100) },
    });
  });

  it('refuses a text over its limit instead of cutting it, one field error each', () => {
    const long = checkSurveyProfile({
      ageBand: 'x'.repeat(21),
      education: 'S'.repeat(51),
      occupation: `  ${'x'.repeat(101)}  `,
    });
    expect(long).toMatchObject({
      ok: false,
      error: [
        { field: 'profile.ageBand', code: 'SURVEY_TEXT_TOO_LONG', details: { max: 20, length: 21 } },
        { field: 'profile.education', code: 'SURVEY_TEXT_TOO_LONG', details: { max: 50, length: 51 } },
        { field: 'profile.occupation', code: 'SURVEY_TEXT_TOO_LONG', details: { max: 100, length: 101 } },
      ],
    });
    if (!long.ok)
      expect(long.error[0]?.message).toEqual({ id: 'Teks terlalu panjang.', en: 'The text is too long.' });
  });
});

describe('surveyRespondentCode', () => {
  it('takes 12 upper-case hex digits of the UUID', () => {
    expect(surveyRespondentCode('3f2a9c1e-7b4d-4e8a-9c1b-2d3e4f5a6b7c')).toBe('R-3F2A9C1E7B4D');
  });
});
