// The feedback area's message catalogue: the IKM grade labels and each error code of its rules, in
// Indonesian (`id`) and English (`en`). Each code is written once, as a key; `errorCodes` derives its
// code object and union type, so a code cannot lack a message. The rule files import their codes from
// here; error-catalog.ts gathers every area's tables.
import { type ErrorMessages, errorCodes, type Message } from '../errors.js';
import type { IkmGrade } from './ikm.js';

// ---- IKM and its grades (ikm.ts) ----
export const IKM_GRADE_LABELS = {
  A: { id: 'Sangat Baik', en: 'Very good' },
  B: { id: 'Baik', en: 'Good' },
  C: { id: 'Kurang Baik', en: 'Poor' },
  D: { id: 'Tidak Baik', en: 'Not good' },
} as const satisfies Record<IkmGrade, Message>;

export const IKM_ERROR_MESSAGES = {
  SKM_NO_RESPONDENTS: {
    id: 'Belum ada responden survei kepuasan masyarakat.',
    en: 'The satisfaction survey has no respondents.',
  },
  SKM_EMPTY_RESPONSE: {
    id: 'Jawaban survei tidak berisi satu unsur pun.',
    en: 'A survey response answers no element at all.',
  },
  SKM_UNKNOWN_ELEMENT: {
    id: 'Unsur survei tidak dikenal; gunakan kode sembilan unsur SKM.',
    en: 'Unknown survey element; use the codes of the nine SKM elements.',
  },
  SKM_INVALID_SCORE: {
    id: 'Nilai jawaban harus bilangan bulat 1 sampai 4.',
    en: 'An answer must be a whole number from 1 to 4.',
  },
  SKM_ELEMENT_UNANSWERED: {
    id: 'Ada unsur SKM yang tidak dijawab oleh satu responden pun; IKM tidak dapat dihitung.',
    en: 'An SKM element has no answers at all, so the index cannot be computed.',
  },
  SKM_INVALID_TOTALS: {
    id: 'Rekap nilai survei tidak konsisten (jumlah nilai atau jumlah responden tidak mungkin).',
    en: 'The survey totals are inconsistent (impossible sum or respondent count).',
  },
  SKM_UNKNOWN_RULE: {
    id: 'Aturan penilaian IKM tidak dikenal.',
    en: 'Unknown IKM grading rule or weighting.',
  },
  SKM_SCORE_OUT_OF_RANGE: {
    id: 'Nilai IKM harus antara 25 dan 100.',
    en: 'An IKM score must be between 25 and 100.',
  },
} as const satisfies ErrorMessages<string>;
export const IkmErrorCode = errorCodes(IKM_ERROR_MESSAGES);
export type IkmErrorCode = (typeof IkmErrorCode)[keyof typeof IkmErrorCode];

// ---- survey periods (period.ts) ----
export const SKM_PERIOD_ERROR_MESSAGES = {
  SKM_PERIOD_INVALID_KIND: {
    id: 'Jenis periode survei harus MONTH, QUARTER, SEMESTER atau YEAR.',
    en: 'The survey period kind must be MONTH, QUARTER, SEMESTER or YEAR.',
  },
  SKM_PERIOD_INVALID_YEAR: {
    id: 'Tahun periode survei harus antara 2000 dan 2100.',
    en: 'The survey period year must be between 2000 and 2100.',
  },
  SKM_PERIOD_INVALID_NUMBER: {
    id: 'Nomor periode tidak sesuai jenisnya (bulan 1–12, triwulan 1–4, semester 1–2, tanpa nomor untuk tahun).',
    en: 'The period number does not fit its kind (month 1–12, quarter 1–4, semester 1–2, none for a year).',
  },
  SKM_PERIOD_INVALID_FORMAT: {
    id: 'Periode harus berbentuk YEAR-2026, S1-2026, Q1-2026 atau M01-2026.',
    en: 'The period must look like YEAR-2026, S1-2026, Q1-2026 or M01-2026.',
  },
} as const satisfies ErrorMessages<string>;
export const SkmPeriodErrorCode = errorCodes(SKM_PERIOD_ERROR_MESSAGES);
export type SkmPeriodErrorCode = (typeof SkmPeriodErrorCode)[keyof typeof SkmPeriodErrorCode];

// ---- survey responses (survey.ts) ----
export const SURVEY_ERROR_MESSAGES = {
  SURVEY_NO_ANSWERS: {
    id: 'Jawab paling sedikit satu unsur survei.',
    en: 'Answer at least one survey element.',
  },
  SURVEY_DUPLICATE_ELEMENT: {
    id: 'Setiap unsur survei hanya boleh dijawab sekali.',
    en: 'Each survey element can be answered only once.',
  },
  SURVEY_UNKNOWN_ELEMENT: IKM_ERROR_MESSAGES.SKM_UNKNOWN_ELEMENT,
  SURVEY_INVALID_SCORE: {
    id: 'Nilai harus bilangan bulat 1 sampai 4.',
    en: 'A score must be a whole number from 1 to 4.',
  },
  SURVEY_TEXT_TOO_LONG: {
    id: 'Teks terlalu panjang.',
    en: 'The text is too long.',
  },
  // The respondent profile takes the options of the SKM form (survey-profile.ts, issue 16 kind 4).
  SURVEY_PROFILE_UNKNOWN_OPTION: {
    id: 'Pilihan profil responden tidak dikenal; pilih salah satu pilihan formulir SKM.',
    en: 'Unknown respondent profile option; choose one of the options of the SKM form.',
  },
  SURVEY_AGE_OUT_OF_RANGE: {
    id: 'Usia harus bilangan bulat tahun, dari 10 sampai 120.',
    en: 'The age must be a whole number of years, from 10 to 120.',
  },
  SURVEY_STAFF_NOT_ON_REQUEST: {
    id: 'Hanya petugas yang menangani permohonan Anda yang dapat dinilai.',
    en: 'Only staff who handled your request can be rated.',
  },
  SURVEY_DUPLICATE_STAFF: {
    id: 'Setiap petugas hanya dinilai sekali.',
    en: 'Each staff member can be rated only once.',
  },
  SURVEY_ALREADY_ANSWERED: {
    id: 'Survei untuk permohonan ini sudah diisi.',
    en: 'The survey for this request has already been answered.',
  },
  SURVEY_REQUEST_NOT_COMPLETED: {
    id: 'Survei dapat diisi setelah permohonan selesai.',
    en: 'The survey can be answered once the request is completed.',
  },
  SURVEY_DATE_IN_FUTURE: {
    id: 'Tanggal layanan tidak boleh di masa depan.',
    en: 'The service date cannot be in the future.',
  },
  // Counter (walk-in) entries, four eyes on the index (counter-survey.ts, issue 15 kind 7).
  SURVEY_DATE_OUTSIDE_OPEN_PERIOD: {
    id: 'Survei loket hanya dapat dicatat untuk tanggal dalam periode survei yang sedang berjalan.',
    en: 'A counter survey can only be recorded for a day in the survey period that is open now.',
  },
  SURVEY_COUNTER_DAILY_CAP_REACHED: {
    id: 'Batas harian survei loket yang dapat dicatat oleh satu petugas sudah tercapai.',
    en: 'You have reached the daily limit of counter surveys one staff member may record.',
  },
} as const satisfies ErrorMessages<string>;
export const SurveyErrorCode = errorCodes(SURVEY_ERROR_MESSAGES);
export type SurveyErrorCode = (typeof SurveyErrorCode)[keyof typeof SurveyErrorCode];

// ---- report warnings (counter-survey.ts): not errors, the report is still given ----
export const IKM_WARNING_MESSAGES = {
  COUNTER_DOMINATES: {
    id: 'Lebih dari separuh jawaban periode ini dicatat petugas di loket, bukan diisi masyarakat secara daring; periksa nilai daring dan loket secara terpisah.',
    en: 'More than half of this period’s answers were typed in by staff at the counter, not given online by citizens; compare the online and counter results.',
  },
  COUNTER_POPULATION_FROM_RESPONDENTS: {
    id: 'Kunjungan loket tanpa permohonan tidak dicatat: setiap responden loket dihitung sebagai satu orang yang dilayani di loket, jadi populasi loket adalah batas bawah dan cakupan sampel loket selalu penuh.',
    en: 'Walk-in visits without a request are not recorded: each counter respondent is counted as one person served at the counter, so the counter population is a lower bound and the counter sample is always complete.',
  },
  RESPONDENTS_EXCEED_POPULATION: {
    id: 'Ada jawaban daring untuk permohonan yang tidak lagi tercatat selesai dalam periode ini; setiap responden daring dihitung sebagai orang yang dilayani, sehingga populasi daring dinaikkan sebanyak itu.',
    en: 'Some online answers are for requests no longer recorded as completed in this period; each online respondent is counted as a person served, so the online population is raised by that many.',
  },
} as const satisfies Record<string, Message>;
export type IkmWarningCode = keyof typeof IKM_WARNING_MESSAGES;
