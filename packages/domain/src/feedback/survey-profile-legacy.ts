import {
  SURVEY_AGE_LIMITS,
  type SurveyAgeBand,
  type SurveyEducation,
  type SurveyOccupation,
  surveyAgeBand,
  surveyAgeBandOfRange,
} from './survey-profile-options.js';

/*
 * Profiles stored before the profile took the form's options held free text ("20-29", "Sarjana",
 * "pegawai negeri"). This maps such a text to an option when the text means exactly one option,
 * and to "not stated" (null) otherwise — never to a guess: "17-25" straddles two age bands and
 * stays unknown, "petani" is not on the list and stays unknown. The migration
 * `…_survey_profile_options` does the same in SQL (a test holds them equal); the texts that did
 * not map are kept there, in `profileLegacyText`.
 *
 * Matching is exact on a normalised key: dots removed, runs of spaces, tabs and line breaks made
 * one space, spaces trimmed, lower case (ASCII rules, so SQL can mirror it).
 */

/** The key a legacy text is matched by (see above); '' for an empty text. */
export function legacyProfileKey(text: string): string {
  return text
    .replace(/\./g, '')
    .replace(/[ \t\r\n]+/g, ' ')
    .replace(/^ +| +$/g, '')
    .toLowerCase();
}

/** Normalised legacy education texts → option. */
export const LEGACY_EDUCATION_SYNONYMS: Readonly<Record<string, SurveyEducation>> = {
  sd: 'SD',
  'sd ke bawah': 'SD',
  'sd kebawah': 'SD',
  'sd/mi': 'SD',
  'sd sederajat': 'SD',
  'sekolah dasar': 'SD',
  'tidak sekolah': 'SD',
  'tidak tamat sd': 'SD',
  sltp: 'SLTP',
  smp: 'SLTP',
  mts: 'SLTP',
  'smp/mts': 'SLTP',
  'smp sederajat': 'SLTP',
  'sltp sederajat': 'SLTP',
  slta: 'SLTA',
  sma: 'SLTA',
  smu: 'SLTA',
  smk: 'SLTA',
  stm: 'SLTA',
  'sma/smk': 'SLTA',
  'sma/ma/smk': 'SLTA',
  'sma sederajat': 'SLTA',
  'slta sederajat': 'SLTA',
  d1: 'D1_D3_D4',
  d2: 'D1_D3_D4',
  d3: 'D1_D3_D4',
  d4: 'D1_D3_D4',
  diploma: 'D1_D3_D4',
  d1_d3_d4: 'D1_D3_D4',
  'd1-d3-d4': 'D1_D3_D4',
  'd1–d3–d4': 'D1_D3_D4',
  'd3/d4': 'D1_D3_D4',
  s1: 'S1',
  sarjana: 'S1',
  'strata 1': 'S1',
  'sarjana (s1)': 'S1',
  s2: 'S2_PLUS',
  s3: 'S2_PLUS',
  's2/s3': 'S2_PLUS',
  s2_plus: 'S2_PLUS',
  's2 ke atas': 'S2_PLUS',
  magister: 'S2_PLUS',
  pascasarjana: 'S2_PLUS',
  doktor: 'S2_PLUS',
};

/** Normalised legacy occupation texts → option. */
export const LEGACY_OCCUPATION_SYNONYMS: Readonly<Record<string, SurveyOccupation>> = {
  pns: 'PNS_TNI_POLRI',
  asn: 'PNS_TNI_POLRI',
  pppk: 'PNS_TNI_POLRI',
  tni: 'PNS_TNI_POLRI',
  polri: 'PNS_TNI_POLRI',
  polisi: 'PNS_TNI_POLRI',
  'tni/polri': 'PNS_TNI_POLRI',
  'pns/tni/polri': 'PNS_TNI_POLRI',
  pns_tni_polri: 'PNS_TNI_POLRI',
  'pegawai negeri': 'PNS_TNI_POLRI',
  'pegawai negeri sipil': 'PNS_TNI_POLRI',
  swasta: 'SWASTA',
  'pegawai swasta': 'SWASTA',
  'karyawan swasta': 'SWASTA',
  karyawan: 'SWASTA',
  wirausaha: 'WIRAUSAHA',
  wiraswasta: 'WIRAUSAHA',
  pengusaha: 'WIRAUSAHA',
  pedagang: 'WIRAUSAHA',
  pelajar: 'PELAJAR_MAHASISWA',
  siswa: 'PELAJAR_MAHASISWA',
  mahasiswa: 'PELAJAR_MAHASISWA',
  'pelajar/mahasiswa': 'PELAJAR_MAHASISWA',
  pelajar_mahasiswa: 'PELAJAR_MAHASISWA',
  lainnya: 'LAINNYA',
  'lain-lain': 'LAINNYA',
  'lain lain': 'LAINNYA',
};

// Age texts (normalised keys). The same patterns are in the migration's SQL (POSIX-compatible).
const YEARS = '( ?(tahun|thn|th))?';
const AGE_NUMBER = new RegExp(`^([0-9]{1,3})${YEARS}$`);
const AGE_RANGE = new RegExp(`^([0-9]{1,3}) ?(-|–|—|s/d|sd|sampai|hingga) ?([0-9]{1,3})${YEARS}$`);
const AGE_UNDER = new RegExp(`^(<|kurang dari|di bawah|dibawah) ?([0-9]{1,3})${YEARS}$`);
const AGE_OVER = new RegExp(`^(>=|≥|lebih dari|di atas|diatas) ?([0-9]{1,3})${YEARS}$`);
const AGE_AND_OVER = new RegExp(`^([0-9]{1,3}) ?(\\+|ke atas|keatas)${YEARS}$`);

/**
 * A legacy age text as an age in years (a plain number within SURVEY_AGE_LIMITS, e.g. "35",
 * "35 tahun") and its band, or a band alone (a range inside one band, "20-29", "20 s/d 29";
 * "< 20"; "60+", "≥ 60"); null for both when the text does not name one band.
 */
export function mapLegacyAge(text: string | null): { age: number | null; ageBand: SurveyAgeBand | null } {
  const key = legacyProfileKey(text ?? '');
  const none = { age: null, ageBand: null };
  let m = AGE_NUMBER.exec(key);
  if (m) {
    const age = Number(m[1]);
    return age >= SURVEY_AGE_LIMITS.min && age <= SURVEY_AGE_LIMITS.max
      ? { age, ageBand: surveyAgeBand(age) }
      : none;
  }
  m = AGE_RANGE.exec(key);
  if (m) return { age: null, ageBand: surveyAgeBandOfRange(Number(m[1]), Number(m[3])) };
  m = AGE_UNDER.exec(key);
  if (m) return { age: null, ageBand: Number(m[2]) <= 20 ? 'AGE_UNDER_20' : null };
  const over = AGE_OVER.exec(key)?.[2] ?? AGE_AND_OVER.exec(key)?.[1];
  return over !== undefined && Number(over) >= 60 ? { age: null, ageBand: 'AGE_60_PLUS' } : none;
}

/** A legacy education text as an option, or null (not stated, or not one option). */
export function mapLegacyEducation(text: string | null): SurveyEducation | null {
  return LEGACY_EDUCATION_SYNONYMS[legacyProfileKey(text ?? '')] ?? null;
}

/** A legacy occupation text as an option, or null (not stated, or not one option). */
export function mapLegacyOccupation(text: string | null): SurveyOccupation | null {
  return LEGACY_OCCUPATION_SYNONYMS[legacyProfileKey(text ?? '')] ?? null;
}

export type LegacySurveyProfile = {
  readonly ageBand: string | null;
  readonly education: string | null;
  readonly occupation: string | null;
};

/**
 * A stored free-text profile in options: `age`, `ageBand`, `education`, `occupation` as mapped,
 * and `unmapped`, the original text of each non-empty field that mapped to nothing (kept so
 * nothing is lost), or null when every given text mapped.
 */
export function mapLegacyProfile(legacy: LegacySurveyProfile): {
  readonly age: number | null;
  readonly ageBand: SurveyAgeBand | null;
  readonly education: SurveyEducation | null;
  readonly occupation: SurveyOccupation | null;
  readonly unmapped: Readonly<Partial<Record<keyof LegacySurveyProfile, string>>> | null;
} {
  const { age, ageBand } = mapLegacyAge(legacy.ageBand);
  const education = mapLegacyEducation(legacy.education);
  const occupation = mapLegacyOccupation(legacy.occupation);
  const unmapped: Partial<Record<keyof LegacySurveyProfile, string>> = {};
  const keep = (field: keyof LegacySurveyProfile, mapped: unknown) => {
    const text = legacy[field];
    if (mapped === null && text !== null && legacyProfileKey(text) !== '') unmapped[field] = text;
  };
  keep('ageBand', ageBand);
  keep('education', education);
  keep('occupation', occupation);
  return {
    age,
    ageBand,
    education,
    occupation,
    unmapped: Object.keys(unmapped).length > 0 ? unmapped : null,
  };
}
