// The staff area's message catalogue: the labels of its types and ratings and each error code of its
// rules, in Indonesian (`id`) and English (`en`). Each code is written once, as a key; `errorCodes`
// derives its code object and union type, so a code cannot lack a message. The rule files import their
// codes from here; error-catalog.ts gathers every area's tables.
import { type ErrorMessages, errorCodes, type Message } from '../errors.js';
import type { CompetencyType } from './competencies.js';
import type { ExpectationLevel, PerformanceRating } from './performance.js';

// ---- NIP (nip.ts) ----
export const NIP_ERROR_MESSAGES = {
  NIP_REQUIRED: { id: 'NIP wajib diisi.', en: 'The NIP is required.' },
  NIP_NON_DIGIT: { id: 'NIP hanya boleh berisi angka.', en: 'The NIP may contain digits only.' },
  NIP_INVALID_LENGTH: { id: 'NIP harus terdiri dari 18 angka.', en: 'The NIP must have 18 digits.' },
  NIP_INVALID_BIRTH_DATE: {
    id: 'Tanggal lahir dalam NIP (angka 1–8) tidak valid.',
    en: 'The birth date in the NIP (digits 1–8) is not a real date.',
  },
  NIP_INVALID_APPOINTMENT_DATE: {
    id: 'TMT pengangkatan dalam NIP (angka 9–14) tidak valid.',
    en: 'The appointment date in the NIP (digits 9–14) is not a valid year and month.',
  },
  NIP_INVALID_GENDER: {
    id: 'Kode jenis kelamin dalam NIP harus 1 (laki-laki) atau 2 (perempuan).',
    en: 'The gender digit in the NIP must be 1 (male) or 2 (female).',
  },
  NIP_APPOINTMENT_BEFORE_AGE_18: {
    id: 'TMT pengangkatan dalam NIP lebih awal dari ulang tahun ke-18.',
    en: 'The appointment date in the NIP is before the 18th birthday.',
  },
  NIP_APPOINTMENT_IN_FUTURE: {
    id: 'TMT pengangkatan dalam NIP belum terjadi.',
    en: 'The appointment date in the NIP is in the future.',
  },
  NIP_SEQUENCE_ZERO: {
    id: 'Nomor urut NIP (3 angka terakhir) tidak mungkin 000. Bila NIP disalin dari spreadsheet, angka terakhirnya mungkin terpotong: simpan kolom NIP sebagai teks lalu salin ulang.',
    en: 'A NIP sequence (its last 3 digits) is never 000. If it came from a spreadsheet, the last digits were probably cut off: format the NIP column as text and copy it again.',
  },
} as const satisfies ErrorMessages<string>;
export const NipErrorCode = errorCodes(NIP_ERROR_MESSAGES);
export type NipErrorCode = (typeof NipErrorCode)[keyof typeof NipErrorCode];

// ---- PNS ranks and PPPK grades (ranks.ts) ----
export const RANK_ERROR_MESSAGES = {
  RANK_UNKNOWN: {
    id: 'Golongan/ruang PNS tidak dikenal (contoh yang benar: III/a).',
    en: 'Unknown PNS rank (golongan/ruang); expected e.g. III/a.',
  },
  PPPK_GRADE_UNKNOWN: {
    id: 'Golongan PPPK tidak dikenal (I sampai XVII).',
    en: 'Unknown PPPK grade; expected I to XVII.',
  },
} as const satisfies ErrorMessages<string>;
export const RankErrorCode = errorCodes(RANK_ERROR_MESSAGES);
export type RankErrorCode = (typeof RankErrorCode)[keyof typeof RankErrorCode];

// ---- register records (staff-record.ts) ----
export const STAFF_ERROR_MESSAGES = {
  STAFF_NIP_TAKEN: {
    id: 'NIP ini sudah terdaftar atas pegawai lain.',
    en: 'This NIP is already registered to another staff member.',
  },
  // Four eyes (four-eyes.ts, issue 15 kind 7).
  STAFF_SELF_CHANGE: {
    id: 'Pegawai tidak dapat mengubah pangkat, jabatan, unit, kompetensi, penilaian, atau pelatihannya sendiri; perubahan ini harus dilakukan oleh orang lain.',
    en: 'Staff cannot change their own rank, position, unit, competencies, rating or trainings; a second person must make this change.',
  },
  STAFF_OWN_POSITION_REQUIREMENTS: {
    id: 'Persyaratan kompetensi jabatan yang Anda duduki sendiri harus diubah oleh orang lain.',
    en: 'The competency requirements of the position you hold must be changed by someone else.',
  },
} as const satisfies ErrorMessages<string>;
export const StaffErrorCode = errorCodes(STAFF_ERROR_MESSAGES);
export type StaffErrorCode = (typeof StaffErrorCode)[keyof typeof StaffErrorCode];

// ---- competencies (competencies.ts) ----
export const COMPETENCY_TYPE_LABELS = {
  TEKNIS: { id: 'Teknis', en: 'Technical' },
  MANAJERIAL: { id: 'Manajerial', en: 'Managerial' },
  SOSIAL_KULTURAL: { id: 'Sosial kultural', en: 'Socio-cultural' },
} as const satisfies Record<CompetencyType, Message>;

export const COMPETENCY_ERROR_MESSAGES = {
  COMPETENCY_LEVEL_INVALID: {
    id: 'Level kompetensi harus bilangan bulat 1 sampai 5.',
    en: 'A competency level must be a whole number from 1 to 5.',
  },
  COMPETENCY_TYPE_INVALID: {
    id: 'Jenis kompetensi harus Teknis, Manajerial, atau Sosial Kultural.',
    en: 'The competency type must be technical, managerial or socio-cultural.',
  },
} as const satisfies ErrorMessages<string>;
export const CompetencyErrorCode = errorCodes(COMPETENCY_ERROR_MESSAGES);
export type CompetencyErrorCode = (typeof CompetencyErrorCode)[keyof typeof CompetencyErrorCode];

// ---- training records (training.ts) ----
export const TRAINING_ERROR_MESSAGES = {
  TRAINING_RECORD_INVALID: { id: 'Data pelatihan tidak valid.', en: 'The training record is invalid.' },
  TRAINING_RECORD_DUPLICATE: {
    id: 'Pelatihan ini sudah dicatat untuk pegawai ini pada tanggal tersebut.',
    en: 'This training is already recorded for this staff member on that date.',
  },
  // The four-eyes review of a self-recorded training (four-eyes.ts, issue 15 kind 7).
  TRAINING_ALREADY_REVIEWED: {
    id: 'Pelatihan ini sudah dikonfirmasi atau ditolak.',
    en: 'This training has already been confirmed or rejected.',
  },
  TRAINING_REVIEW_REASON_REQUIRED: {
    id: 'Alasan konfirmasi atau penolakan wajib diisi.',
    en: 'A reason for confirming or rejecting is required.',
  },
} as const satisfies ErrorMessages<string>;
export const TrainingErrorCode = errorCodes(TRAINING_ERROR_MESSAGES);
export type TrainingErrorCode = (typeof TrainingErrorCode)[keyof typeof TrainingErrorCode];

// ---- SKP ratings (performance.ts) ----
export const PERFORMANCE_RATING_LABELS = {
  SANGAT_BAIK: { id: 'Sangat Baik', en: 'Outstanding' },
  BAIK: { id: 'Baik', en: 'Good' },
  BUTUH_PERBAIKAN: { id: 'Butuh Perbaikan', en: 'Needs improvement' },
  KURANG_MISCONDUCT: { id: 'Kurang/Misconduct', en: 'Poor/misconduct' },
  SANGAT_KURANG: { id: 'Sangat Kurang', en: 'Very poor' },
} as const satisfies Record<PerformanceRating, Message>;

export const EXPECTATION_LABELS = {
  ABOVE: { id: 'Di atas ekspektasi', en: 'Above expectation' },
  AS_EXPECTED: { id: 'Sesuai ekspektasi', en: 'As expected' },
  BELOW: { id: 'Di bawah ekspektasi', en: 'Below expectation' },
} as const satisfies Record<ExpectationLevel, Message>;

export const PERFORMANCE_ERROR_MESSAGES = {
  SKP_QUOTA_EXCEEDED: {
    id: 'Jumlah predikat "Sangat Baik" melebihi kuota unit untuk periode ini.',
    en: 'More "Sangat Baik" (outstanding) ratings than the unit’s quota allows for this period.',
  },
  SKP_QUOTA_RULE_INVALID: {
    id: 'Aturan kuota predikat "Sangat Baik" tidak valid atau tidak berlaku untuk predikat organisasi ini.',
    en: 'The "Sangat Baik" quota rule is invalid or has no share for this organisation rating.',
  },
  SKP_SELF_RATING: {
    id: 'Pegawai tidak dapat menilai kinerjanya sendiri.',
    en: 'Staff cannot rate their own performance.',
  },
  SKP_PERIOD_FINALISED: {
    id: 'Periode penilaian unit ini sudah difinalisasi.',
    en: "This unit's rating period is already finalised.",
  },
} as const satisfies ErrorMessages<string>;
export const PerformanceErrorCode = errorCodes(PERFORMANCE_ERROR_MESSAGES);
export type PerformanceErrorCode = (typeof PerformanceErrorCode)[keyof typeof PerformanceErrorCode];
