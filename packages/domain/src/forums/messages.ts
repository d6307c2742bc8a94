// The forums area's message catalogue: the labels of its statuses and kinds and each error code of its
// rules, in Indonesian (`id`) and English (`en`). Each code is written once, as a key; `errorCodes`
// derives its code object and union type, so a code cannot lack a message. The rule files import their
// codes from here; error-catalog.ts gathers every area's tables.
import { type ErrorMessages, errorCodes, type Message } from '../errors.js';
import type { AnswerStatus } from './answer.js';
import type { CommitmentStatus } from './commitment.js';
import type { SubmissionKind } from './submission.js';

// ---- forums and sessions (forum.ts) ----
export const FORUM_ERROR_MESSAGES = {
  FORUM_INVALID: {
    id: 'Data forum tidak valid; periksa kolom yang ditandai.',
    en: 'The forum is invalid; check the marked fields.',
  },
  FORUM_SLUG_TAKEN: { id: 'Alamat forum ini sudah dipakai.', en: 'This forum address is already taken.' },
  FORUM_SESSION_INVALID: {
    id: 'Data sesi forum tidak valid; periksa kolom yang ditandai.',
    en: 'The forum session is invalid; check the marked fields.',
  },
  FORUM_PERIOD_INVALID: {
    id: 'Periode laporan tidak valid; periksa kolom yang ditandai.',
    en: 'The report period is invalid; check the marked fields.',
  },
} as const satisfies ErrorMessages<string>;
export const ForumErrorCode = errorCodes(FORUM_ERROR_MESSAGES);
export type ForumErrorCode = (typeof ForumErrorCode)[keyof typeof ForumErrorCode];

// ---- citizen submissions (submission.ts) ----
export const SUBMISSION_KIND_LABELS = {
  ASPIRATION: { id: 'Aspirasi', en: 'Aspiration' },
  CRITIQUE: { id: 'Kritik', en: 'Critique' },
} as const satisfies Record<SubmissionKind, Message>;

export const SUBMISSION_ERROR_MESSAGES = {
  SUBMISSION_TITLE_INVALID: {
    id: 'Judul wajib diisi, 5 sampai 150 karakter.',
    en: 'The title is required, 5 to 150 characters.',
  },
  SUBMISSION_ALREADY_SUPPORTED: {
    id: 'Anda sudah mendukung usulan ini.',
    en: 'You already support this submission.',
  },
  SUBMISSION_ALREADY_ANSWERED: {
    id: 'Kiriman ini baru saja dijawab oleh petugas lain.',
    en: 'Another staff member has just answered this submission.',
  },
  SUBMISSION_HIDE_REASON_REQUIRED: {
    id: 'Alasan wajib diisi untuk menyembunyikan kiriman; penulis akan melihat alasannya.',
    en: 'A reason is required to hide a submission; its author will see it.',
  },
  SUBMISSION_TEXT_REQUIRED: {
    id: 'Isi aspirasi atau kritik wajib diisi.',
    en: 'The submission text is required.',
  },
  SUBMISSION_TEXT_TOO_LONG: { id: 'Isi kiriman terlalu panjang.', en: 'The submission text is too long.' },
  SUBMISSION_KIND_INVALID: {
    id: 'Jenis kiriman harus aspirasi atau kritik.',
    en: 'The submission kind must be an aspiration or a critique.',
  },
} as const satisfies ErrorMessages<string>;
export const SubmissionErrorCode = errorCodes(SUBMISSION_ERROR_MESSAGES);
export type SubmissionErrorCode = (typeof SubmissionErrorCode)[keyof typeof SubmissionErrorCode];

// ---- public answers (answer.ts) ----
export const ANSWER_STATUS_LABELS = {
  UNDER_REVIEW: { id: 'Sedang ditinjau', en: 'Under review' },
  ACCEPTED: { id: 'Diterima', en: 'Accepted' },
  REJECTED: { id: 'Tidak diterima', en: 'Rejected' },
  ALREADY_PLANNED: { id: 'Sudah direncanakan', en: 'Already planned' },
} as const satisfies Record<AnswerStatus, Message>;

export const ANSWER_ERROR_MESSAGES = {
  ANSWER_TRANSITION_NOT_ALLOWED: {
    id: 'Kiriman ini sudah dijawab; jawabannya tidak dapat diubah.',
    en: 'This submission has already been answered; the answer cannot change.',
  },
  ANSWER_REASON_REQUIRED: {
    id: 'Jawaban wajib disertai alasan yang dapat dibaca publik.',
    en: 'An answer needs a public reason.',
  },
} as const satisfies ErrorMessages<string>;
export const AnswerErrorCode = errorCodes(ANSWER_ERROR_MESSAGES);
export type AnswerErrorCode = (typeof AnswerErrorCode)[keyof typeof AnswerErrorCode];

// ---- follow-up commitments (commitment.ts) ----
export const COMMITMENT_STATUS_LABELS = {
  PLANNED: { id: 'Direncanakan', en: 'Planned' },
  IN_PROGRESS: { id: 'Sedang dikerjakan', en: 'In progress' },
  DONE: { id: 'Selesai', en: 'Done' },
  CANCELLED: { id: 'Dibatalkan', en: 'Cancelled' },
} as const satisfies Record<CommitmentStatus, Message>;

export const COMMITMENT_ERROR_MESSAGES = {
  COMMITMENT_TRANSITION_NOT_ALLOWED: {
    id: 'Perubahan status tindak lanjut ini tidak diizinkan.',
    en: 'This status change is not allowed for the commitment.',
  },
  COMMITMENT_CLOSED: {
    id: 'Tindak lanjut sudah selesai atau dibatalkan.',
    en: 'The commitment is already done or cancelled.',
  },
  COMMITMENT_CANCEL_REASON_REQUIRED: {
    id: 'Alasan pembatalan wajib diisi dan akan ditampilkan kepada publik.',
    en: 'A public reason is required to cancel a commitment.',
  },
  COMMITMENT_PROGRESS_INVALID: {
    id: 'Progres harus bilangan bulat 0 sampai 100 persen.',
    en: 'Progress must be a whole number from 0 to 100 percent.',
  },
  COMMITMENT_UPDATE_NOTE_REQUIRED: {
    id: 'Setiap pembaruan progres wajib disertai catatan publik.',
    en: 'Every progress update needs a public note.',
  },
  COMMITMENT_UPDATE_DATE_INVALID: {
    id: 'Tanggal pembaruan tidak valid, di masa depan, atau lebih awal dari pembaruan sebelumnya.',
    en: 'The update date is invalid, in the future, or earlier than the previous update.',
  },
  COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED: {
    id: 'Progres turun dari pembaruan sebelumnya: alasan penurunan wajib diisi dan ditampilkan kepada publik.',
    en: 'Progress goes down from the previous update: a public reason for the decrease is required.',
  },
  COMMITMENT_VERSION_CONFLICT: {
    id: 'Data ini sudah diubah orang lain sejak Anda membukanya; muat ulang dan periksa kembali.',
    en: 'Someone else changed this since you opened it; reload and check again.',
  },
  COMMITMENT_SUBMISSION_NOT_ACCEPTED: {
    id: 'Tindak lanjut hanya dapat dibuat untuk usulan yang diterima.',
    en: 'A commitment can only follow an accepted submission.',
  },
  COMMITMENT_ALREADY_EXISTS: {
    id: 'Usulan ini sudah memiliki tindak lanjut.',
    en: 'This submission already has a commitment.',
  },
  COMMITMENT_DESCRIPTION_REQUIRED: {
    id: 'Uraian tindak lanjut wajib diisi (maksimal 2000 karakter).',
    en: 'The commitment needs a description (at most 2000 characters).',
  },
  COMMITMENT_DUE_DATE_INVALID: {
    id: 'Tanggal target tidak valid atau sudah lewat.',
    en: 'The due date is invalid or already past.',
  },
  COMMITMENT_OWNER_NOT_IN_UNIT: {
    id: 'Penanggung jawab harus pegawai aktif unit pemilik tindak lanjut.',
    en: 'The responsible person must be active staff of the owning unit.',
  },
} as const satisfies ErrorMessages<string>;
export const CommitmentErrorCode = errorCodes(COMMITMENT_ERROR_MESSAGES);
export type CommitmentErrorCode = (typeof CommitmentErrorCode)[keyof typeof CommitmentErrorCode];
