import { describe, expect, it } from 'vitest';
import {
  LEGACY_EDUCATION_SYNONYMS,
  LEGACY_OCCUPATION_SYNONYMS,
  legacyProfileKey,
  mapLegacyAge,
  mapLegacyEducation,
  mapLegacyOccupation,
  mapLegacyProfile,
} from './survey-profile-legacy.js';
import { SURVEY_EDUCATIONS, SURVEY_OCCUPATIONS } from './survey-profile-options.js';

describe('legacyProfileKey', () => {
  it('drops dots, joins white space, trims and lowers', () => {
    expect(legacyProfileKey('  Pegawai \t Negeri\r\n ')).toBe('pegawai negeri');
    expect(legacyProfileKey('S.1')).toBe('s1');
  });
});

describe('mapLegacyEducation and mapLegacyOccupation', () => {
  it('map case, spacing and synonyms to the form’s options', () => {
    expect(
      ['Sarjana', ' S1 ', 'S.1', 'sma/smk', 'SLTA', 'D3', 'Pascasarjana', 'SD ke bawah'].map(
        mapLegacyEducation,
      ),
    ).toEqual(['S1', 'S1', 'S1', 'SLTA', 'SLTA', 'D1_D3_D4', 'S2_PLUS', 'SD']);
    expect(
      ['Pegawai Negeri', 'PNS', 'Wiraswasta', 'karyawan swasta', 'Mahasiswa', 'Lain-lain'].map(
        mapLegacyOccupation,
      ),
    ).toEqual(['PNS_TNI_POLRI', 'PNS_TNI_POLRI', 'WIRAUSAHA', 'SWASTA', 'PELAJAR_MAHASISWA', 'LAINNYA']);
  });

  it('leave what is not exactly one option unknown instead of guessing', () => {
    for (const text of ['Petani', 'S1 dan S2', '=HYPERLINK("http://x","y")', '', '   ', null])
      expect([mapLegacyEducation(text), mapLegacyOccupation(text)]).toEqual([null, null]);
  });

  it('know every option code itself', () => {
    for (const e of SURVEY_EDUCATIONS) expect(mapLegacyEducation(e)).toBe(e);
    for (const o of SURVEY_OCCUPATIONS) expect(mapLegacyOccupation(o)).toBe(o);
    expect(new Set(Object.values(LEGACY_EDUCATION_SYNONYMS))).toEqual(new Set(SURVEY_EDUCATIONS));
    expect(new Set(Object.values(LEGACY_OCCUPATION_SYNONYMS))).toEqual(new Set(SURVEY_OCCUPATIONS));
  });
});

describe('mapLegacyAge', () => {
  it('reads numbers as ages in years, and ranges inside one band as that band', () => {
    expect(mapLegacyAge('35')).toEqual({ age: 35, ageBand: 'AGE_30_39' });
    expect(mapLegacyAge('35 Tahun')).toEqual({ age: 35, ageBand: 'AGE_30_39' });
    expect(mapLegacyAge('20-29')).toEqual({ age: null, ageBand: 'AGE_20_29' });
    expect(mapLegacyAge('20 – 29 th')).toEqual({ age: null, ageBand: 'AGE_20_29' });
    expect(mapLegacyAge('40 s.d. 49')).toEqual({ age: null, ageBand: 'AGE_40_49' });
    expect(mapLegacyAge('<20')).toEqual({ age: null, ageBand: 'AGE_UNDER_20' });
    expect(mapLegacyAge('di bawah 18 tahun')).toEqual({ age: null, ageBand: 'AGE_UNDER_20' });
    expect(mapLegacyAge('60+')).toEqual({ age: null, ageBand: 'AGE_60_PLUS' });
    expect(mapLegacyAge('≥ 65')).toEqual({ age: null, ageBand: 'AGE_60_PLUS' });
    expect(mapLegacyAge('60 ke atas')).toEqual({ age: null, ageBand: 'AGE_60_PLUS' });
  });

  it('leaves ranges across bands, impossible ages and other text unknown', () => {
    for (const text of ['17-25', '29-20', '5', '150', '<25', '50+', '>= 55', 'dewasa', '+1', '-2+3', null])
      expect(mapLegacyAge(text)).toEqual({ age: null, ageBand: null });
  });
});

describe('mapLegacyProfile', () => {
  it('maps each field and keeps the original text of those that did not map', () => {
    expect(
      mapLegacyProfile({ ageBand: '17-25', education: 'Sarjana', occupation: '=HYPERLINK("x")' }),
    ).toEqual({
      age: null,
      ageBand: null,
      education: 'S1',
      occupation: null,
      unmapped: { ageBand: '17-25', occupation: '=HYPERLINK("x")' },
    });
    expect(mapLegacyProfile({ ageBand: '30-39', education: ' ', occupation: null })).toEqual({
      age: null,
      ageBand: 'AGE_30_39',
      education: null,
      occupation: null,
      unmapped: null,
    });
  });
});
