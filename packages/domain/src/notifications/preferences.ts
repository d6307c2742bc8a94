import type { Message } from '../errors.js';
import { NOTIFICATION_KINDS, type NotificationKind } from './catalogue.js';

/*
 * What a person may choose about their notifications (issue 18 item 3): every kind always reaches
 * the in-app feed; its e-mail can be turned off per kind (also by the one-click unsubscribe link
 * in each e-mail). The settings page lists the kinds that can reach the person's role, each with
 * a name in Indonesian and English.
 */

/**
 * Who a kind of notification is for. `REPORTER_CONTACT`: only a reporter known by a contact
 * address (no account), who stops it by the link in the mail; no account's settings list it.
 */
export type NotificationAudience = 'CITIZEN' | 'STAFF' | 'SUPERVISOR' | 'REPORTER_CONTACT';

/** The name of each kind on a settings page, and whom it can reach. */
export const NOTIFICATION_KIND_SETTINGS = {
  SUBMISSION_ANSWERED: {
    label: { id: 'Usulan yang saya ikuti dijawab', en: 'A submission I follow is answered' },
    audience: 'CITIZEN',
  },
  SUBMISSION_HIDDEN: {
    label: { id: 'Usulan yang saya ikuti disembunyikan', en: 'A submission I follow is hidden' },
    audience: 'CITIZEN',
  },
  COMMITMENT_CREATED: {
    label: { id: 'Janji tindak lanjut dibuat', en: 'A follow-up commitment is made' },
    audience: 'CITIZEN',
  },
  COMMITMENT_PROGRESS: {
    label: { id: 'Kemajuan janji tindak lanjut', en: 'Progress on a commitment' },
    audience: 'CITIZEN',
  },
  COMMITMENT_DONE: {
    label: { id: 'Janji tindak lanjut selesai', en: 'A commitment is done' },
    audience: 'CITIZEN',
  },
  COMMITMENT_CANCELLED: {
    label: { id: 'Janji tindak lanjut dibatalkan', en: 'A commitment is cancelled' },
    audience: 'CITIZEN',
  },
  SURVEY_INVITATION: {
    label: {
      id: 'Permohonan selesai (dengan undangan survei)',
      en: 'Request completed (with the survey invitation)',
    },
    audience: 'CITIZEN',
  },
  REQUEST_RECEIVED: { label: { id: 'Permohonan diterima', en: 'Request received' }, audience: 'CITIZEN' },
  REQUEST_VERIFIED: { label: { id: 'Permohonan diverifikasi', en: 'Request verified' }, audience: 'CITIZEN' },
  REQUEST_RETURNED: {
    label: { id: 'Permohonan dikembalikan untuk diperbaiki', en: 'Request returned for correction' },
    audience: 'CITIZEN',
  },
  REQUEST_IN_PROGRESS: {
    label: { id: 'Permohonan diproses', en: 'Request in progress' },
    audience: 'CITIZEN',
  },
  REQUEST_REJECTED: { label: { id: 'Permohonan ditolak', en: 'Request rejected' }, audience: 'CITIZEN' },
  // Mailed only to reporters known by a contact address (account holders get SURVEY_INVITATION).
  REQUEST_COMPLETED: {
    label: {
      id: 'Permohonan atau pengaduan selesai (pelapor tanpa akun)',
      en: 'Request or complaint completed (reporter without an account)',
    },
    audience: 'REPORTER_CONTACT',
  },
  REQUEST_CLOSED: {
    label: {
      id: 'Pengaduan ditutup setelah batas waktu tanggapan',
      en: 'Complaint closed after the time to answer',
    },
    audience: 'CITIZEN',
  },
  REQUEST_NOTE: {
    label: { id: 'Catatan baru dari petugas', en: 'A new note from staff' },
    audience: 'CITIZEN',
  },
  REQUEST_DEADLINE_MOVED: {
    label: { id: 'Tenggat permohonan bergeser', en: 'A request deadline moved' },
    audience: 'CITIZEN',
  },
  REQUEST_ESCALATED: {
    label: { id: 'Permohonan dieskalasi ke atasan', en: 'Request escalated to a supervisor' },
    audience: 'CITIZEN',
  },
  REQUEST_TRANSFERRED: {
    label: { id: 'Permohonan didisposisikan ke unit lain', en: 'Request transferred to another unit' },
    audience: 'CITIZEN',
  },
  REQUEST_MERGED: {
    label: { id: 'Laporan saya digabung sebagai duplikat', en: 'My report was merged as a duplicate' },
    audience: 'CITIZEN',
  },
  REQUEST_FOLLOWED_UPDATE: {
    label: { id: 'Laporan yang saya ikuti berubah', en: 'A report I follow changed' },
    audience: 'CITIZEN',
  },
  REQUEST_REOPENED: {
    label: { id: 'Pelapor menyanggah penyelesaian', en: 'The reporter contested an outcome' },
    audience: 'STAFF',
  },
  REQUEST_ASSIGNED: {
    label: { id: 'Permohonan diserahkan kepada saya', en: 'A request is assigned to me' },
    audience: 'STAFF',
  },
  REQUEST_RESUBMITTED: {
    label: { id: 'Pemohon mengajukan kembali', en: 'The applicant resubmitted' },
    audience: 'STAFF',
  },
  REQUEST_DUE_SOON: {
    label: { id: 'Tenggat tinggal satu hari kerja', en: 'One working day to the deadline' },
    audience: 'STAFF',
  },
  REQUEST_OVERDUE: {
    label: { id: 'Permohonan melewati tenggat', en: 'A request is overdue' },
    audience: 'STAFF',
  },
  REQUEST_ESCALATED_TO_YOU: {
    label: { id: 'Permohonan dieskalasi kepada saya', en: 'A request is escalated to me' },
    audience: 'SUPERVISOR',
  },
  SUPERVISOR_DIGEST: {
    label: { id: 'Ringkasan harian pukul 07.00 WIB', en: 'Daily digest at 07:00 WIB' },
    audience: 'SUPERVISOR',
  },
} as const satisfies Record<NotificationKind, { label: Message; audience: NotificationAudience }>;

/** The audiences a role belongs to: citizens; staff; supervisors and admins also as staff. */
const AUDIENCES_OF_ROLE: Readonly<Record<string, readonly NotificationAudience[]>> = {
  CITIZEN: ['CITIZEN'],
  STAFF: ['STAFF'],
  SUPERVISOR: ['STAFF', 'SUPERVISOR'],
  ADMIN: ['STAFF', 'SUPERVISOR'],
};

/** The kinds that can reach an account of `role`, in the catalogue's order (none for an unknown role). */
export function notificationKindsFor(role: string): NotificationKind[] {
  const audiences = AUDIENCES_OF_ROLE[role] ?? [];
  return NOTIFICATION_KINDS.filter((kind) => audiences.includes(NOTIFICATION_KIND_SETTINGS[kind].audience));
}

/** The languages an account can receive notifications and e-mail in. */
export const NOTIFICATION_LANGUAGES = ['id', 'en'] as const;
