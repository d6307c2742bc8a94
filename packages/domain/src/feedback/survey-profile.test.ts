import { describe, expect, it } from 'vitest';
import { normalizeSurveyProfile, surveyRespondentCode } from './survey-profile.js';

describe('normalizeSurveyProfile', () => {
  it('is all null without a profile', () => {
    const none = { gender: null, ageBand: null, education: null, occupation: null };
    expect(normalizeSurveyProfile(undefined)).toEqual(none);
    expect(normalizeSurveyProfile(null)).toEqual(none);
    expect(normalizeSurveyProfile({ ageBand: '  ', education: '' })).toEqual(none);
  });

  it('trims and cuts each text to its stored length', () => {
    expect(
      normalizeSurveyProfile({
        gender: 'F',
        ageBand: ' 20-29 ',
        education: 'S'.repeat(60),
        occupation: `  ${'x'.repeat(120)}`,
      }),
    ).toEqual({ gender: 'F', ageBand: '20-29', education: 'S'.repeat(50), occupation: 'x'.repeat(100) });
  });
});

describe('surveyRespondentCode', () => {
  it('takes 12 upper-case hex digits of the UUID', () => {
    expect(surveyRespondentCode('3f2a9c1e-7b4d-4e8a-9c1b-2d3e4f5a6b7c')).toBe('R-3F2A9C1E7B4D');
  });
});
