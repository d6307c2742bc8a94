import type { Message } from '../errors.js';
import type { Gender } from '../staff/nip.js';

/*
 * The options of the SKM respondent profile, as the sample questionnaire of PermenPANRB 14/2017
 * lists them: gender (L/P), age in years, last education and main occupation. Stored and sent as
 * codes; each code has an Indonesian and an English label for forms, reports and exports. The
 * regulation's list is a sample: a change of wording is a change of the labels here, a change of
 * options a change of these constants, the database enums and a migration.
 */

/** Last education (pendidikan terakhir), lowest first. */
export const SURVEY_EDUCATIONS = ['SD', 'SLTP', 'SLTA', 'D1_D3_D4', 'S1', 'S2_PLUS'] as const;
export type SurveyEducation = (typeof SURVEY_EDUCATIONS)[number];

export const SURVEY_EDUCATION_LABELS = {
  SD: { id: 'SD ke bawah', en: 'Primary school or less' },
  SLTP: { id: 'SLTP (SMP/MTs)', en: 'Junior secondary school' },
  SLTA: { id: 'SLTA (SMA/SMK/MA)', en: 'Senior secondary school' },
  D1_D3_D4: { id: 'D1–D3–D4', en: 'Diploma (D1–D4)' },
  S1: { id: 'S1', en: "Bachelor's degree (S1)" },
  S2_PLUS: { id: 'S2 ke atas', en: "Master's degree or higher (S2, S3)" },
} as const satisfies Record<SurveyEducation, Message>;

/** Main occupation (pekerjaan utama). */
export const SURVEY_OCCUPATIONS = [
  'PNS_TNI_POLRI',
  'SWASTA',
  'WIRAUSAHA',
  'PELAJAR_MAHASISWA',
  'LAINNYA',
] as const;
export type SurveyOccupation = (typeof SURVEY_OCCUPATIONS)[number];

export const SURVEY_OCCUPATION_LABELS = {
  PNS_TNI_POLRI: { id: 'PNS/TNI/Polri', en: 'Civil servant, armed forces or police' },
  SWASTA: { id: 'Pegawai swasta', en: 'Private employee' },
  WIRAUSAHA: { id: 'Wirausaha', en: 'Entrepreneur' },
  PELAJAR_MAHASISWA: { id: 'Pelajar/Mahasiswa', en: 'Student' },
  LAINNYA: { id: 'Lainnya', en: 'Other' },
} as const satisfies Record<SurveyOccupation, Message>;

export const SURVEY_GENDER_LABELS = {
  M: { id: 'Laki-laki', en: 'Male' },
  F: { id: 'Perempuan', en: 'Female' },
} as const satisfies Record<Gender, Message>;

/**
 * The ages a response may give, in whole years (a configurable default, not law): below 10 or
 * above 120 is a typing error, refused rather than stored or cut to the limit.
 */
export const SURVEY_AGE_LIMITS = { min: 10, max: 120 } as const;

/**
 * The age bands reports group respondents by (the bands SKM reports commonly publish), from the
 * age in years; `min`/`max` inclusive.
 */
export const SURVEY_AGE_BANDS = [
  'AGE_UNDER_20',
  'AGE_20_29',
  'AGE_30_39',
  'AGE_40_49',
  'AGE_50_59',
  'AGE_60_PLUS',
] as const;
export type SurveyAgeBand = (typeof SURVEY_AGE_BANDS)[number];

const BAND_LIMITS: Readonly<Record<SurveyAgeBand, { readonly min: number; readonly max: number }>> = {
  AGE_UNDER_20: { min: 0, max: 19 },
  AGE_20_29: { min: 20, max: 29 },
  AGE_30_39: { min: 30, max: 39 },
  AGE_40_49: { min: 40, max: 49 },
  AGE_50_59: { min: 50, max: 59 },
  AGE_60_PLUS: { min: 60, max: Number.POSITIVE_INFINITY },
};

export const SURVEY_AGE_BAND_LABELS = {
  AGE_UNDER_20: { id: 'di bawah 20 tahun', en: 'under 20 years' },
  AGE_20_29: { id: '20–29 tahun', en: '20–29 years' },
  AGE_30_39: { id: '30–39 tahun', en: '30–39 years' },
  AGE_40_49: { id: '40–49 tahun', en: '40–49 years' },
  AGE_50_59: { id: '50–59 tahun', en: '50–59 years' },
  AGE_60_PLUS: { id: '60 tahun ke atas', en: '60 years or older' },
} as const satisfies Record<SurveyAgeBand, Message>;

/** The band of an age in whole years (0 or more). */
export function surveyAgeBand(age: number): SurveyAgeBand {
  return SURVEY_AGE_BANDS.find((b) => age <= BAND_LIMITS[b].max) ?? 'AGE_60_PLUS';
}

/** The band holding every age from `from` to `to` (inclusive), or null when they straddle bands. */
export function surveyAgeBandOfRange(from: number, to: number): SurveyAgeBand | null {
  if (from > to) return null;
  const band = surveyAgeBand(from);
  return to <= BAND_LIMITS[band].max ? band : null;
}

/** The profile dimensions a report breaks respondents down by, and the codes each may hold. */
export const SURVEY_PROFILE_OPTIONS = {
  GENDER: { values: ['M', 'F'], labels: SURVEY_GENDER_LABELS },
  AGE_BAND: { values: SURVEY_AGE_BANDS, labels: SURVEY_AGE_BAND_LABELS },
  EDUCATION: { values: SURVEY_EDUCATIONS, labels: SURVEY_EDUCATION_LABELS },
  OCCUPATION: { values: SURVEY_OCCUPATIONS, labels: SURVEY_OCCUPATION_LABELS },
} as const;

/**
 * The label of one stored profile code (e.g. EDUCATION `S1` → "S1" / "Bachelor's degree (S1)"),
 * or null for a dimension or code this list does not know (a caller shows the code itself).
 */
export function surveyProfileLabel(dimension: string, value: string): Message | null {
  const options = (
    SURVEY_PROFILE_OPTIONS as Readonly<Record<string, { labels: Readonly<Record<string, Message>> }>>
  )[dimension];
  return options?.labels[value] ?? null;
}
