// The services area's message catalogue: the labels of its kinds and states and each error code of its
// rules, in Indonesian (`id`) and English (`en`). Each code is written once, as a key; `errorCodes`
// derives its code object and union type, so a code cannot lack a message. The rule files import their
// codes from here; error-catalog.ts gathers every area's tables.
import { type ErrorMessages, errorCodes, type Message } from '../errors.js';
import type { LaporReportType } from './lapor.js';
import type { RequestState } from './service-request.js';
import type { ServiceKind } from './service-standard.js';

// ---- service kinds and standards (service-standard.ts) ----
export const SERVICE_KIND_LABELS = {
  REGISTRATION: { id: 'Pendaftaran', en: 'Registration' },
  PERMIT: { id: 'Perizinan', en: 'Permit' },
  COMPLAINT: { id: 'Pengaduan', en: 'Complaint' },
  INFORMATION_REQUEST: { id: 'Permohonan informasi', en: 'Information request' },
} as const satisfies Record<ServiceKind, Message>;

export const SERVICE_STANDARD_ERROR_MESSAGES = {
  SERVICE_STANDARD_INVALID: {
    id: 'Standar pelayanan belum lengkap atau tidak valid (UU 25/2009 pasal 21 mewajibkan 14 komponen).',
    en: 'The service standard is incomplete or invalid (UU 25/2009 art. 21 requires 14 components).',
  },
} as const satisfies ErrorMessages<string>;
export const ServiceStandardErrorCode = errorCodes(SERVICE_STANDARD_ERROR_MESSAGES);
export type ServiceStandardErrorCode =
  (typeof ServiceStandardErrorCode)[keyof typeof ServiceStandardErrorCode];

// ---- service versions (service-version.ts) ----
export const SERVICE_VERSION_ERROR_MESSAGES = {
  SERVICE_CODE_TAKEN: { id: 'Kode layanan sudah dipakai', en: 'The service code is already taken' },
  SERVICE_VERSION_INVALID: {
    id: 'Versi layanan tidak valid; periksa kolom yang ditandai.',
    en: 'The service version is invalid; check the marked fields.',
  },
} as const satisfies ErrorMessages<string>;
export const ServiceVersionErrorCode = errorCodes(SERVICE_VERSION_ERROR_MESSAGES);
export type ServiceVersionErrorCode = (typeof ServiceVersionErrorCode)[keyof typeof ServiceVersionErrorCode];

// ---- four eyes on the service standard (service-change.ts) ----
export const SERVICE_CHANGE_ERROR_MESSAGES = {
  SERVICE_CHANGE_EMPTY: {
    id: 'Usulan perubahan tidak mengubah apa pun dari standar pelayanan yang berlaku.',
    en: 'The proposed change changes nothing in the current service standard.',
  },
  SERVICE_CHANGE_OWN_PROPOSAL: {
    id: 'Pengusul tidak boleh memutuskan usulannya sendiri; orang kedua (kepala unit atau admin) yang memutuskan.',
    en: 'The proposer may not decide their own proposal; a second person (the head of the unit or an admin) decides.',
  },
  SERVICE_CHANGE_NOT_DECIDER: {
    id: 'Hanya kepala unit pemilik layanan atau admin yang dapat memutuskan perubahan standar pelayanan.',
    en: "Only the head of the service's owning unit or an admin may decide a change of the service standard.",
  },
  SERVICE_CHANGE_ALREADY_DECIDED: {
    id: 'Usulan perubahan ini sudah diputuskan.',
    en: 'This proposed change has already been decided.',
  },
  SERVICE_CHANGE_STALE: {
    id: 'Standar pelayanan sudah berubah sejak usulan ini dibuat; ajukan usulan baru atas versi yang berlaku.',
    en: 'The service standard has changed since this proposal was made; propose again on the current version.',
  },
  SERVICE_CHANGE_REASON_INVALID: {
    id: 'Alasan keputusan wajib diisi (paling banyak 1000 karakter).',
    en: 'A reason for the decision is required (at most 1000 characters).',
  },
} as const satisfies ErrorMessages<string>;
export const ServiceChangeErrorCode = errorCodes(SERVICE_CHANGE_ERROR_MESSAGES);
export type ServiceChangeErrorCode = (typeof ServiceChangeErrorCode)[keyof typeof ServiceChangeErrorCode];

// ---- catalogue entries (catalogue-entry.ts) ----
export const CATALOGUE_ENTRY_ERROR_MESSAGES = {
  CATALOGUE_ENTRY_INVALID: {
    id: 'Data layanan tidak valid; periksa kolom yang ditandai.',
    en: 'The service data is invalid; check the marked fields.',
  },
} as const satisfies ErrorMessages<string>;
export const CatalogueEntryErrorCode = errorCodes(CATALOGUE_ENTRY_ERROR_MESSAGES);
export type CatalogueEntryErrorCode = (typeof CatalogueEntryErrorCode)[keyof typeof CatalogueEntryErrorCode];

// ---- request attributes (attributes.ts) ----
export const ATTRIBUTE_ERROR_MESSAGES = {
  REQUEST_ATTRIBUTES_INVALID: {
    id: 'Isian permohonan belum lengkap atau tidak valid.',
    en: 'Some fields of the request are missing or invalid.',
  },
  SERVICE_ATTRIBUTES_INVALID: {
    id: 'Definisi isian layanan tidak valid; periksa kolom yang ditandai.',
    en: "The service's attribute definitions are invalid; check the marked fields.",
  },
} as const satisfies ErrorMessages<string>;
export const AttributeErrorCode = errorCodes(ATTRIBUTE_ERROR_MESSAGES);
export type AttributeErrorCode = (typeof AttributeErrorCode)[keyof typeof AttributeErrorCode];

// ---- request states and transitions (service-request.ts) ----
export const REQUEST_STATE_LABELS = {
  SUBMITTED: { id: 'Diajukan', en: 'Submitted' },
  VERIFIED: { id: 'Terverifikasi', en: 'Verified' },
  IN_PROGRESS: { id: 'Diproses', en: 'In progress' },
  COMPLETED: { id: 'Selesai', en: 'Completed' },
  RETURNED_TO_CITIZEN: { id: 'Dikembalikan ke pemohon', en: 'Returned to the applicant' },
  REJECTED: { id: 'Ditolak', en: 'Rejected' },
  ESCALATED: { id: 'Dieskalasi ke atasan', en: 'Escalated to a supervisor' },
  WITHDRAWN: { id: 'Dibatalkan pemohon', en: 'Withdrawn by the applicant' },
  DUPLICATE: { id: 'Digabung dengan laporan lain (duplikat)', en: 'Merged into another report (duplicate)' },
} as const satisfies Record<RequestState, Message>;

export const REQUEST_ERROR_MESSAGES = {
  REQUEST_TRANSITION_NOT_ALLOWED: {
    id: 'Perubahan status permohonan ini tidak diizinkan.',
    en: 'This status change is not allowed for the request.',
  },
  REQUEST_WITHDRAWAL_TOO_LATE: {
    id: 'Permohonan yang sudah dikerjakan tidak dapat dibatalkan lagi; hubungi unit layanannya.',
    en: 'The request is already being worked on and can no longer be withdrawn; contact the service unit.',
  },
  REQUEST_ALREADY_ASSIGNED_TO_CALLER: {
    id: 'Permohonan ini sudah ditangani oleh Anda.',
    en: 'You are already handling this request.',
  },
  REQUEST_ALREADY_CLOSED: {
    id: 'Permohonan sudah selesai, ditolak, atau dibatalkan; statusnya tidak dapat diubah.',
    en: 'The request is already completed, rejected or withdrawn; its status cannot change.',
  },
  REQUEST_ACTOR_NOT_ALLOWED: {
    id: 'Anda tidak berwenang melakukan perubahan status ini.',
    en: 'You are not allowed to make this status change.',
  },
  REQUEST_REASON_REQUIRED: {
    id: 'Alasan wajib diisi untuk perubahan status ini.',
    en: 'A reason is required for this status change.',
  },
  REQUEST_VERSION_CONFLICT: {
    id: 'Permohonan telah diubah oleh petugas lain. Muat ulang lalu coba lagi.',
    en: 'Someone else changed the request meanwhile. Reload and try again.',
  },
  /** A request the caller may not see is reported like one that does not exist. */
  REQUEST_NOT_VISIBLE: {
    id: 'Permohonan tidak ditemukan atau akses ditolak',
    en: 'Request not found or access denied',
  },
} as const satisfies ErrorMessages<string>;
export const RequestErrorCode = errorCodes(REQUEST_ERROR_MESSAGES);
export type RequestErrorCode = (typeof RequestErrorCode)[keyof typeof RequestErrorCode];

// ---- filing a request (request-submission.ts) ----
export const REQUEST_SUBMISSION_ERROR_MESSAGES = {
  REQUEST_FILER_NOT_ALLOWED: {
    id: 'Anda tidak berwenang mengajukan permohonan untuk layanan ini.',
    en: 'You may not file a request for this service.',
  },
  REQUEST_SUBMISSION_INVALID: {
    id: 'Permohonan tidak lengkap; periksa kolom yang ditandai.',
    en: 'The request is incomplete; check the marked fields.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    id: 'Kunci idempotensi ini sudah dipakai untuk permohonan lain dengan isi berbeda; gunakan kunci baru untuk permohonan baru.',
    en: 'This idempotency key was already used for a different request; use a new key for a new request.',
  },
} as const satisfies ErrorMessages<string>;
export const RequestSubmissionErrorCode = errorCodes(REQUEST_SUBMISSION_ERROR_MESSAGES);
export type RequestSubmissionErrorCode =
  (typeof RequestSubmissionErrorCode)[keyof typeof RequestSubmissionErrorCode];

// ---- routing to staff (routing.ts) ----
export const ROUTING_ERROR_MESSAGES = {
  REQUEST_NO_COMPETENT_STAFF: {
    id: 'Tidak ada petugas yang tersedia dengan kompetensi yang dipersyaratkan layanan ini.',
    en: 'No available staff member holds the competency this service requires.',
  },
} as const satisfies ErrorMessages<string>;
export const RoutingErrorCode = errorCodes(ROUTING_ERROR_MESSAGES);
export type RoutingErrorCode = (typeof RoutingErrorCode)[keyof typeof RoutingErrorCode];

// ---- tracking codes (tracking-code.ts) ----
export const TRACKING_CODE_ERROR_MESSAGES = {
  TRACKING_CODE_INVALID: {
    id: 'Kode pelacakan tidak valid (contoh: SWL-2026-000123).',
    en: 'Invalid tracking code (example: SWL-2026-000123).',
  },
} as const satisfies ErrorMessages<string>;
export const TrackingCodeErrorCode = errorCodes(TRACKING_CODE_ERROR_MESSAGES);
export type TrackingCodeErrorCode = (typeof TrackingCodeErrorCode)[keyof typeof TrackingCodeErrorCode];

// ---- SP4N-LAPOR! reports (lapor.ts) ----
export const LAPOR_REPORT_TYPE_LABELS = {
  ASPIRATION: { id: 'Aspirasi', en: 'Aspiration' },
  COMPLAINT: { id: 'Pengaduan', en: 'Complaint' },
  INFORMATION_REQUEST: { id: 'Permintaan informasi', en: 'Request for information' },
} as const satisfies Record<LaporReportType, Message>;

export const LAPOR_ERROR_MESSAGES = {
  LAPOR_DEADLINES_INVALID: {
    id: 'Pengaturan batas waktu tahapan pengaduan tidak valid.',
    en: 'The complaint stage deadline settings are invalid.',
  },
} as const satisfies ErrorMessages<string>;
export const LaporErrorCode = errorCodes(LAPOR_ERROR_MESSAGES);
export type LaporErrorCode = (typeof LaporErrorCode)[keyof typeof LaporErrorCode];

// ---- complaint handling (complaint-handling.ts): answer back, escalation ladder, transfer,
// duplicates, priority, response templates ----
export const COMPLAINT_ERROR_MESSAGES = {
  COMPLAINT_ANSWER_NOT_APPLICABLE: {
    id: 'Tanggapan atas penyelesaian hanya untuk layanan pengaduan.',
    en: 'Answering the outcome applies to complaint services only.',
  },
  COMPLAINT_NOT_DECIDED: {
    id: 'Tanggapan pelapor hanya dapat diberikan setelah pengaduan diselesaikan atau ditolak.',
    en: 'The reporter can answer only after the complaint is completed or rejected.',
  },
  COMPLAINT_ALREADY_CLOSED: {
    id: 'Pengaduan ini sudah ditutup; tanggapan tidak dapat diberikan lagi.',
    en: 'This complaint is already closed; it can no longer be answered.',
  },
  COMPLAINT_RESPONSE_WINDOW_PASSED: {
    id: 'Batas waktu untuk menanggapi penyelesaian pengaduan sudah lewat.',
    en: 'The time to answer the outcome of the complaint has passed.',
  },
  COMPLAINT_CONTEST_REASON_REQUIRED: {
    id: 'Sebutkan alasan Anda tidak puas dengan penyelesaian (10 sampai 2.000 karakter).',
    en: 'Say why you contest the outcome (10 to 2,000 characters).',
  },
  COMPLAINT_MANAGER_SELF: {
    id: 'Anda tidak dapat menunjuk diri sendiri sebagai pengelola pengaduan; mintalah atasan atau admin.',
    en: 'You cannot designate yourself as a complaint manager; ask a supervisor or an admin.',
  },
  COMPLAINT_REOPEN_LIMIT: {
    id: 'Pengaduan ini sudah dibuka kembali sebanyak batas yang diizinkan; hubungi koordinator pengaduan.',
    en: 'This complaint has been reopened as often as allowed; contact the complaint coordinator.',
  },
  TRANSFER_SAME_SERVICE: {
    id: 'Permohonan sudah berada pada layanan tujuan.',
    en: 'The request is already filed under that service.',
  },
  TRANSFER_KIND_MISMATCH: {
    id: 'Permohonan hanya dapat didisposisikan ke layanan sejenis (pengaduan ke pengaduan, izin ke izin).',
    en: 'A request can only be transferred to a service of the same kind (complaint to complaint, permit to permit).',
  },
  TRANSFER_REASON_REQUIRED: {
    id: 'Disposisi wajib disertai alasan (10 sampai 2.000 karakter).',
    en: 'A transfer needs a reason (10 to 2,000 characters).',
  },
  TRANSFER_REQUEST_CLOSED: {
    id: 'Permohonan yang sudah selesai, ditolak atau dibatalkan tidak dapat didisposisikan.',
    en: 'A completed, rejected or withdrawn request cannot be transferred.',
  },
  DUPLICATE_OF_ITSELF: {
    id: 'Permohonan tidak dapat ditandai sebagai duplikat dirinya sendiri.',
    en: 'A request cannot be a duplicate of itself.',
  },
  DUPLICATE_DIFFERENT_SERVICE: {
    id: 'Duplikat harus untuk layanan yang sama dengan permohonan aslinya.',
    en: 'A duplicate must be for the same service as the original.',
  },
  DUPLICATE_REQUEST_CLOSED: {
    id: 'Permohonan yang sudah ditutup tidak dapat ditandai sebagai duplikat.',
    en: 'A closed request cannot be marked as a duplicate.',
  },
  DUPLICATE_ORIGINAL_CLOSED: {
    id: 'Permohonan asli sudah ditutup; pilih permohonan yang masih berjalan.',
    en: 'The original request is closed; choose one that is still open.',
  },
  DUPLICATE_REASON_REQUIRED: {
    id: 'Penandaan duplikat wajib disertai alasan (10 sampai 2.000 karakter).',
    en: 'Marking a duplicate needs a reason (10 to 2,000 characters).',
  },
  FOLLOW_NOT_PUBLIC: {
    id: 'Hanya pengaduan yang dapat diikuti; permohonan lain memuat data pribadi pemohonnya.',
    en: 'Only complaints can be followed; other requests hold their applicant’s personal data.',
  },
  FOLLOW_OWN_REQUEST: {
    id: 'Ini laporan Anda sendiri; Anda sudah menerima kabar setiap perubahannya.',
    en: 'This is your own report; you are already told of every change.',
  },
  FOLLOW_REQUEST_CLOSED: {
    id: 'Laporan yang sudah ditutup tidak dapat diikuti lagi.',
    en: 'A closed report can no longer be followed.',
  },
  COORDINATES_INCOMPLETE: {
    id: 'Isi lintang dan bujur bersama-sama, atau kosongkan keduanya.',
    en: 'Give latitude and longitude together, or neither.',
  },
  COORDINATES_OUT_OF_RANGE: {
    id: 'Lintang harus antara -90 dan 90, bujur antara -180 dan 180.',
    en: 'Latitude must be between -90 and 90, longitude between -180 and 180.',
  },
  PRIORITY_REASON_REQUIRED: {
    id: 'Prioritas mendesak wajib disertai alasan (10 sampai 500 karakter).',
    en: 'An urgent priority needs a reason (10 to 500 characters).',
  },
  RESPONSE_TEMPLATE_PLACEHOLDER_UNKNOWN: {
    id: 'Templat tanggapan memuat isian yang tidak dikenal.',
    en: 'The response template has an unknown placeholder.',
  },
  COMPLAINT_PRIVACY_NOT_COMPLAINT: {
    id: 'Pengaduan rahasia atau anonim hanya untuk layanan pengaduan.',
    en: 'Confidential and anonymous filing is for complaint services only.',
  },
  COMPLAINT_PRIVACY_SIGN_IN_REQUIRED: {
    id: 'Tanpa masuk akun, pengaduan hanya dapat diajukan secara anonim.',
    en: 'Without signing in, a complaint can only be filed anonymously.',
  },
  COMPLAINT_ANONYMOUS_FILER: {
    id: 'Pengaduan anonim hanya dapat diajukan oleh pelapor sendiri, bukan oleh petugas atau sistem lain.',
    en: 'An anonymous complaint can only be filed by the reporter, not by staff or another system.',
  },
  COMPLAINT_ANONYMOUS_IDENTIFYING_VALUE: {
    id: 'Pengaduan anonim tidak boleh memuat data identitas (NIK, nama, nomor telepon); kosongkan isian ini.',
    en: 'An anonymous complaint must not contain identity data (NIK, name, phone number); leave this field empty.',
  },
  COMPLAINT_CONTACT_INVALID: {
    id: 'Alamat e-mail kontak tidak valid.',
    en: 'The contact e-mail address is not valid.',
  },
  ANONYMOUS_ACCESS_REFUSED: {
    id: 'Kode pelacakan dan kode rahasia tidak cocok dengan pengaduan anonim mana pun.',
    en: 'The tracking code and secret do not match any anonymous complaint.',
  },
  RESPONSE_TEMPLATE_TITLE_INVALID: {
    id: 'Judul templat tanggapan 3 sampai 120 karakter.',
    en: 'A response template title has 3 to 120 characters.',
  },
  RESPONSE_TEMPLATE_BODY_INVALID: {
    id: 'Isi templat tanggapan 10 sampai 4.000 karakter.',
    en: 'A response template text has 10 to 4,000 characters.',
  },
  ESCALATION_LADDER_INVALID: {
    id: 'Pengaturan jenjang eskalasi tidak valid: setiap jenjang 1 sampai 60 hari kerja.',
    en: 'The escalation ladder is invalid: each level takes 1 to 60 working days.',
  },
} as const satisfies ErrorMessages<string>;
export const ComplaintErrorCode = errorCodes(COMPLAINT_ERROR_MESSAGES);
export type ComplaintErrorCode = (typeof ComplaintErrorCode)[keyof typeof ComplaintErrorCode];

/** Who holds each level of the escalation ladder, as said inside a sentence (trail notes, mail). */
export const ESCALATION_LEVEL_HOLDERS = {
  UNIT_SUPERVISOR: { id: 'atasan unit', en: "the unit's supervisor" },
  AGENCY_HEAD: { id: 'kepala perangkat daerah', en: 'the head of the agency' },
  COORDINATOR: { id: 'koordinator pengaduan kota', en: "the city's complaint coordinator" },
} as const;

export const COMPLAINT_PRIVACY_LABELS = {
  IDENTIFIED: { id: 'Identitas diketahui petugas', en: 'Identity known to handling staff' },
  CONFIDENTIAL: {
    id: 'Rahasia (identitas hanya untuk pengelola pengaduan)',
    en: 'Confidential (identity for complaint managers only)',
  },
  ANONYMOUS: { id: 'Anonim (tanpa identitas)', en: 'Anonymous (no identity)' },
} as const;

export const ESCALATION_LEVEL_LABELS = {
  UNIT_SUPERVISOR: { id: 'Atasan unit', en: 'Unit supervisor' },
  AGENCY_HEAD: { id: 'Kepala perangkat daerah', en: 'Head of the agency' },
  COORDINATOR: { id: 'Koordinator pengaduan kota', en: 'City complaint coordinator' },
} as const;

// ---- identity numbers in request attributes (identity-numbers.ts) ----
export const IDENTITY_NUMBER_ERROR_MESSAGES = {
  NIK_INVALID_LENGTH: { id: 'NIK harus terdiri dari 16 angka.', en: 'A NIK has 16 digits.' },
  NIK_REGION_UNKNOWN: {
    id: 'Kode wilayah NIK (angka 1–4) bukan kode provinsi dan kabupaten/kota di Indonesia.',
    en: 'The region code of the NIK (digits 1–4) is not an Indonesian province and regency/city code.',
  },
  NIK_BIRTH_DATE_INVALID: {
    id: 'Tanggal lahir dalam NIK (angka 7–12, tanggal ditambah 40 untuk perempuan) tidak valid.',
    en: 'The birth date in the NIK (digits 7–12, day plus 40 for women) is not a real past date.',
  },
  NIK_SEQUENCE_ZERO: {
    id: 'Nomor urut NIK (4 angka terakhir) tidak mungkin 0000.',
    en: 'A NIK sequence (its last 4 digits) is never 0000.',
  },
  NPWP_INVALID: {
    id: 'NPWP harus 15 angka (format lama, mis. 01.234.567.8-901.000) atau 16 angka (NIK, atau 0 diikuti 15 angka).',
    en: 'An NPWP has 15 digits (old format, e.g. 01.234.567.8-901.000) or 16 (a NIK, or 0 followed by 15 digits).',
  },
  PHONE_INVALID: {
    id: 'Nomor telepon seluler Indonesia tidak valid (mis. 0812-3456-7890 atau +62 812 3456 7890).',
    en: 'Not a valid Indonesian mobile number (e.g. 0812-3456-7890 or +62 812 3456 7890).',
  },
  PATTERN_MISMATCH: {
    id: 'Isian tidak sesuai format yang diminta.',
    en: 'The value does not match the required format.',
  },
  DATE_TOO_EARLY: {
    id: 'Tanggal terlalu awal untuk isian ini.',
    en: 'The date is too early for this field.',
  },
  DATE_TOO_LATE: {
    id: 'Tanggal terlalu jauh ke depan untuk isian ini.',
    en: 'The date is too late for this field.',
  },
} as const satisfies ErrorMessages<string>;
export const IdentityNumberErrorCode = errorCodes(IDENTITY_NUMBER_ERROR_MESSAGES);
export type IdentityNumberErrorCode = (typeof IdentityNumberErrorCode)[keyof typeof IdentityNumberErrorCode];

// ---- attachments: files on requests, notes and forum submissions (attachments.ts) ----
export const ATTACHMENT_ERROR_MESSAGES = {
  ATTACHMENT_TYPE_NOT_ACCEPTED: {
    id: 'Jenis berkas ini tidak diterima di sini (dikenali dari isinya, bukan dari namanya).',
    en: 'This kind of file is not accepted here (recognised from its content, not its name).',
  },
  ATTACHMENT_NAME_MISMATCH: {
    id: 'Nama berkas tidak sesuai dengan isinya (misalnya PDF yang dinamai .jpg); ganti nama berkas sesuai jenisnya lalu unggah lagi.',
    en: 'The file name does not match its content (for example a PDF named .jpg); rename the file after its kind and upload it again.',
  },
  ATTACHMENT_NAME_TOO_LONG: {
    id: 'Nama berkas terlalu panjang (paling banyak 200 karakter); ganti nama berkas lalu unggah lagi.',
    en: 'The file name is too long (at most 200 characters); rename the file and upload it again.',
  },
  ATTACHMENT_TOO_LARGE: {
    id: 'Berkas terlalu besar untuk layanan ini.',
    en: 'The file is too large for this service.',
  },
  ATTACHMENT_TOO_MANY: {
    id: 'Terlalu banyak berkas sekaligus.',
    en: 'Too many files at once.',
  },
  ATTACHMENT_IMAGE_TOO_LARGE: {
    id: 'Ukuran gambar (jumlah piksel) melebihi batas; perkecil foto lalu unggah lagi.',
    en: 'The image has more pixels than allowed; make the photo smaller and upload it again.',
  },
  ATTACHMENT_UNREADABLE: {
    id: 'Berkas tidak dapat dibaca (rusak atau tidak lengkap).',
    en: 'The file cannot be read (damaged or incomplete).',
  },
} as const satisfies ErrorMessages<string>;
export const AttachmentErrorCode = errorCodes(ATTACHMENT_ERROR_MESSAGES);
export type AttachmentErrorCode = (typeof AttachmentErrorCode)[keyof typeof AttachmentErrorCode];
// ---- issued documents (issued-document.ts) ----
export const ISSUED_DOCUMENT_ERROR_MESSAGES = {
  DOCUMENT_NUMBER_INVALID: {
    id: 'Nomor dokumen tidak valid (contoh: DPMPTSP/PBG/000123/2026).',
    en: 'Invalid document number (example: DPMPTSP/PBG/000123/2026).',
  },
  DOCUMENT_ALREADY_REVOKED: {
    id: 'Dokumen ini sudah dicabut sebelumnya; pencabutan pertama tetap tercatat.',
    en: 'This document was already revoked; the first revocation stays on record.',
  },
  DOCUMENT_TEMPLATE_INVALID: {
    id: 'Templat dokumen layanan ini tidak valid (judul, baris isi atau masa berlaku).',
    en: "This service's document template is invalid (title, body lines or validity).",
  },
} as const satisfies ErrorMessages<string>;
export const IssuedDocumentErrorCode = errorCodes(ISSUED_DOCUMENT_ERROR_MESSAGES);
export type IssuedDocumentErrorCode = (typeof IssuedDocumentErrorCode)[keyof typeof IssuedDocumentErrorCode];

export const ISSUED_DOCUMENT_STATUS_LABELS = {
  CURRENT: { id: 'Berlaku', en: 'Current' },
  EXPIRED: { id: 'Masa berlaku habis', en: 'Expired' },
  REVOKED: { id: 'Dicabut', en: 'Revoked' },
} as const satisfies Record<'CURRENT' | 'EXPIRED' | 'REVOKED', Message>;
// ---- the requirements checklist: document slots (document-slots.ts) ----
export const DOCUMENT_SLOT_ERROR_MESSAGES = {
  DOCUMENT_SLOT_UNKNOWN: {
    id: 'Persyaratan (slot dokumen) ini tidak ada pada layanan.',
    en: 'The service has no such requirement (document slot).',
  },
  DOCUMENT_SLOT_TYPE_NOT_ACCEPTED: {
    id: 'Jenis berkas ini tidak diterima untuk persyaratan ini.',
    en: 'This kind of file is not accepted for this requirement.',
  },
  DOCUMENT_SLOT_TOO_MANY: {
    id: 'Terlalu banyak berkas untuk persyaratan ini.',
    en: 'Too many files for this requirement.',
  },
  DOCUMENT_NOT_IN_SLOT: {
    id: 'Berkas ini bukan dokumen persyaratan; hanya dokumen persyaratan yang diperiksa.',
    en: 'This file fills no requirement; only requirement documents are reviewed.',
  },
  DOCUMENT_SUPERSEDED: {
    id: 'Dokumen ini sudah diganti dengan unggahan yang lebih baru; periksa yang terbaru.',
    en: 'This document was replaced by a newer upload; review the newest one.',
  },
  DOCUMENT_REVIEW_REQUEST_CLOSED: {
    id: 'Permohonan sudah selesai, ditolak, atau dibatalkan; dokumennya tidak diperiksa lagi.',
    en: 'The request is completed, rejected or withdrawn; its documents are no longer reviewed.',
  },
  DOCUMENTS_INCOMPLETE: {
    id: 'Permohonan belum dapat diverifikasi: dokumen persyaratan belum lengkap atau belum diterima:',
    en: 'The request cannot be verified yet: required documents are missing or not accepted:',
  },
  REDO_DOCUMENTS_MISSING: {
    id: 'Unggah ulang dulu dokumen yang diminta petugas sebelum mengajukan kembali:',
    en: 'Upload again the documents the officer asked for before resubmitting:',
  },
} as const satisfies ErrorMessages<string>;
export const DocumentSlotErrorCode = errorCodes(DOCUMENT_SLOT_ERROR_MESSAGES);
export type DocumentSlotErrorCode = (typeof DocumentSlotErrorCode)[keyof typeof DocumentSlotErrorCode];

/** How a requirement slot stands on a request's checklist. */
export const DOCUMENT_SLOT_STATE_LABELS = {
  EMPTY: { id: 'Belum diunggah', en: 'Not uploaded' },
  UNREVIEWED: { id: 'Menunggu pemeriksaan', en: 'Awaiting review' },
  ACCEPTED: { id: 'Diterima', en: 'Accepted' },
  REFUSED: { id: 'Ditolak', en: 'Refused' },
} as const satisfies Record<'EMPTY' | 'UNREVIEWED' | 'ACCEPTED' | 'REFUSED', Message>;

// ---- reporters without an account and their claim (reporter-contact.ts, issue 17) ----
export const REPORTER_CLAIM_ERROR_MESSAGES = {
  REQUEST_CLAIM_NOT_POSSIBLE: {
    id: 'Permohonan ini tidak dapat diklaim: kode pelacakan tidak dikenal, atau permohonan tidak diajukan atas nama pelapor tanpa akun.',
    en: 'This request cannot be claimed: the tracking code is unknown, or the request was not filed for a reporter without an account.',
  },
  REQUEST_CLAIM_NO_CHANNEL: {
    id: 'Pelapor hanya memberikan nomor telepon dan layanan SMS belum tersedia; datanglah ke loket unit dengan kode pelacakan.',
    en: 'The reporter gave only a phone number and no SMS service is configured; bring the tracking code to the unit’s counter.',
  },
  REQUEST_CLAIM_CODES_EXHAUSTED: {
    id: 'Kode klaim untuk permohonan ini sudah terlalu sering dikirim; hubungi unit pelayanan.',
    en: 'Claim codes for this request have been sent too often; contact the service unit.',
  },
  REQUEST_CLAIM_CODE_WRONG: {
    id: 'Kode klaim salah.',
    en: 'The claim code is wrong.',
  },
  REQUEST_CLAIM_CODE_EXPIRED: {
    id: 'Kode klaim sudah kedaluwarsa atau tidak berlaku lagi; minta kode baru.',
    en: 'The claim code has expired or is no longer valid; ask for a new one.',
  },
  OPEN311_UPDATE_NOT_ALLOWED: {
    id: 'Kunci API ini tidak mengajukan permohonan tersebut; pembaruan hanya dari klien yang mengajukannya.',
    en: 'This API key did not file that request; updates come only from the client that filed it.',
  },
} as const;

export const ReporterClaimErrorCode = errorCodes(REPORTER_CLAIM_ERROR_MESSAGES);
export type ReporterClaimErrorCode = (typeof ReporterClaimErrorCode)[keyof typeof ReporterClaimErrorCode];
