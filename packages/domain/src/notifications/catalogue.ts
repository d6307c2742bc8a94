import type { Message } from '../errors.js';
import { surveyInvitationMessage } from '../feedback/survey.js';
import { FORUM_NOTIFICATION_KINDS } from '../forums/notifications.js';
import type { EscalationLevel } from '../services/complaint-handling.js';
import { ESCALATION_LEVEL_HOLDERS, REQUEST_STATE_LABELS } from '../services/messages.js';
import type { RequestState } from '../services/service-request.js';

/*
 * Every kind of notification, its texts (Indonesian and English) and the page that shows its item,
 * in one place (issue 18). A notification is stored in the recipient's feed (always) and may be
 * mailed; the mail carries the same title, a longer body and the link. Forum kinds keep their
 * texts in `forums/notifications.ts` (moderation rewrites them on reading: `notificationTextFor`)
 * and are listed here so that the list of kinds is complete.
 */

/** Kinds about a service request or a supervisor's day (this module's texts). */
export const REQUEST_NOTIFICATION_KINDS = [
  // to the citizen
  'REQUEST_RECEIVED',
  'REQUEST_VERIFIED',
  'REQUEST_RETURNED',
  'REQUEST_IN_PROGRESS',
  'REQUEST_REJECTED',
  'REQUEST_NOTE',
  'REQUEST_DEADLINE_MOVED',
  'REQUEST_ESCALATED',
  'REQUEST_TRANSFERRED',
  // to the reporter of a duplicate, and to the followers of a complaint (issue 20)
  'REQUEST_MERGED',
  'REQUEST_FOLLOWED_UPDATE',
  // to staff and supervisors
  'REQUEST_ASSIGNED',
  'REQUEST_RESUBMITTED',
  'REQUEST_REOPENED',
  'REQUEST_DUE_SOON',
  'REQUEST_OVERDUE',
  'REQUEST_ESCALATED_TO_YOU',
  'SUPERVISOR_DIGEST',
] as const;
export type RequestNotificationKind = (typeof REQUEST_NOTIFICATION_KINDS)[number];

/**
 * Every notification kind. `SURVEY_INVITATION` is the citizen's completion notice: it says the
 * request is completed and invites to the satisfaction survey (PermenPANRB 14/2017).
 */
export const NOTIFICATION_KINDS = [
  ...FORUM_NOTIFICATION_KINDS,
  'SURVEY_INVITATION',
  ...REQUEST_NOTIFICATION_KINDS,
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The recipient's language; accounts default to Indonesian. */
export type NotificationLanguage = 'id' | 'en';

/** What happened, with what its text needs. Days are `YYYY-MM-DD` (WIB). */
/** What a followed complaint's change was when it is not only a new state (issue 20). */
export type FollowedChange = 'TRANSFERRED' | 'REOPENED' | 'NOTE';

/** How a follower's notice names a change other than a new state, in both languages. */
export const FOLLOWED_CHANGE_LABELS: Readonly<Record<FollowedChange, { id: string; en: string }>> = {
  TRANSFERRED: { id: 'dipindahkan ke unit lain', en: 'transferred to another unit' },
  REOPENED: { id: 'dibuka kembali', en: 'reopened' },
  NOTE: { id: 'catatan baru dari petugas', en: 'a new note from staff' },
};

export type NotificationEvent =
  | { readonly kind: 'REQUEST_RECEIVED'; readonly trackingCode: string; readonly verificationDueOn: string }
  | {
      readonly kind: 'REQUEST_VERIFIED';
      readonly trackingCode: string;
      readonly completionDueOn: string | null;
      readonly note?: string | null;
    }
  | { readonly kind: 'REQUEST_RETURNED'; readonly trackingCode: string; readonly reason: string }
  | { readonly kind: 'REQUEST_IN_PROGRESS'; readonly trackingCode: string; readonly note?: string | null }
  | { readonly kind: 'SURVEY_INVITATION'; readonly trackingCode: string }
  | { readonly kind: 'REQUEST_REJECTED'; readonly trackingCode: string; readonly reason: string }
  | { readonly kind: 'REQUEST_NOTE'; readonly trackingCode: string; readonly note: string }
  | {
      readonly kind: 'REQUEST_DEADLINE_MOVED';
      readonly trackingCode: string;
      readonly from: string;
      readonly to: string;
    }
  | { readonly kind: 'REQUEST_ESCALATED'; readonly trackingCode: string }
  | { readonly kind: 'REQUEST_TRANSFERRED'; readonly trackingCode: string; readonly reason: string }
  | { readonly kind: 'REQUEST_REOPENED'; readonly trackingCode: string; readonly reason: string }
  | {
      readonly kind: 'REQUEST_MERGED';
      /** The duplicate (the recipient's own request). */
      readonly trackingCode: string;
      /** The original it was merged into, which the recipient now follows. */
      readonly originalCode: string;
      readonly reason: string;
    }
  | {
      readonly kind: 'REQUEST_FOLLOWED_UPDATE';
      readonly trackingCode: string;
      /** Its state after the change. */
      readonly state: RequestState;
      /** The public note of the change, if any. */
      readonly note?: string | null;
      /** What changed when not only the state: a transfer, a reopening, a note by staff. */
      readonly change?: FollowedChange;
    }
  | { readonly kind: 'REQUEST_ASSIGNED'; readonly trackingCode: string; readonly reassigned: boolean }
  | { readonly kind: 'REQUEST_RESUBMITTED'; readonly trackingCode: string }
  | { readonly kind: 'REQUEST_DUE_SOON'; readonly trackingCode: string; readonly deadline: string }
  | { readonly kind: 'REQUEST_OVERDUE'; readonly trackingCode: string; readonly deadline: string }
  | {
      readonly kind: 'REQUEST_ESCALATED_TO_YOU';
      readonly trackingCode: string;
      /** The ladder's level the recipient holds (issue 20); the unit's supervisor when absent. */
      readonly level?: EscalationLevel;
    }
  | {
      readonly kind: 'SUPERVISOR_DIGEST';
      readonly day: string;
      /** Tracking codes of the units' overdue requests (the oldest, when not all are listed). */
      readonly overdue: readonly string[];
      /** Titles of the units' forum submissions still without a public answer (the oldest). */
      readonly unanswered: readonly string[];
      /** How many overdue requests there are in all; the length of `overdue` when not given. */
      readonly overdueCount?: number;
      /** How many unanswered submissions there are in all; the length of `unanswered` when not given. */
      readonly unansweredCount?: number;
    };

/** A notification's texts and where its item is shown (a path of the web app). */
export type NotificationContent = {
  readonly kind: NotificationKind;
  /** The feed line and the e-mail subject. */
  readonly title: Message;
  /** The e-mail body (plain text, one paragraph per line). */
  readonly body: Message;
  /** The web app's page of the item, e.g. `/permohonan/SWL-2026-000001`. */
  readonly linkPath: string;
};

const citizenPage = (code: string) => `/permohonan/${encodeURIComponent(code)}`;
/** The public trail of a request (the tracking page): what a follower may see. */
const publicPage = (code: string) => `/lacak?kode=${encodeURIComponent(code)}`;
const staffPage = (code: string) => `/staf/permohonan/${encodeURIComponent(code)}`;
const withNote = (text: Message, note: string | null | undefined): Message =>
  note ? { id: `${text.id}\nCatatan petugas: ${note}`, en: `${text.en}\nNote from staff: ${note}` } : text;
/**
 * One `- item` line per item; when `total` is more than the items listed, a last line says how
 * many more there are (nothing is left out without a word).
 */
const list = (items: readonly string[], none: Message, total = items.length): Message => {
  if (items.length === 0 && total === 0) return none;
  const lines = items.map((i) => `- ${i}`).join('\n');
  const more = total - items.length;
  if (more <= 0) return { id: lines, en: lines };
  return { id: `${lines}\n… dan ${more} lainnya`, en: `${lines}\n… and ${more} more` };
};

/** The texts and link of a notification (see `NotificationContent`). */
export function notificationContent(event: NotificationEvent): NotificationContent {
  const c = (title: Message, body: Message, linkPath: string): NotificationContent => ({
    kind: event.kind,
    title,
    body,
    linkPath,
  });
  switch (event.kind) {
    case 'REQUEST_RECEIVED': {
      const t = event.trackingCode;
      return c(
        { id: `Permohonan ${t} diterima`, en: `Request ${t} received` },
        {
          id: `Permohonan Anda diterima dengan kode lacak ${t}. Simpan kode ini untuk melacak permohonan. Berkas diverifikasi paling lambat ${event.verificationDueOn}.`,
          en: `Your request was received with tracking code ${t}. Keep this code to follow the request. Its documents are verified by ${event.verificationDueOn}.`,
        },
        citizenPage(t),
      );
    }
    case 'REQUEST_VERIFIED': {
      const t = event.trackingCode;
      const due = event.completionDueOn;
      return c(
        { id: `Permohonan ${t} diverifikasi`, en: `Request ${t} verified` },
        withNote(
          {
            id: `Berkas permohonan ${t} lengkap dan telah diverifikasi.${due ? ` Permohonan diselesaikan paling lambat ${due}.` : ''}`,
            en: `The documents of request ${t} are complete and verified.${due ? ` It is to be completed by ${due}.` : ''}`,
          },
          event.note,
        ),
        citizenPage(t),
      );
    }
    case 'REQUEST_RETURNED': {
      const t = event.trackingCode;
      return c(
        { id: `Permohonan ${t} perlu dilengkapi`, en: `Request ${t} needs a correction` },
        {
          id: `Permohonan ${t} dikembalikan kepada Anda untuk dilengkapi. Yang perlu diperbaiki: ${event.reason}\nWaktu penyelesaian berhenti sampai Anda mengirimkan perbaikan.`,
          en: `Request ${t} was returned to you for correction. What to fix: ${event.reason}\nThe completion clock stops until you send the correction.`,
        },
        citizenPage(t),
      );
    }
    case 'REQUEST_IN_PROGRESS': {
      const t = event.trackingCode;
      return c(
        { id: `Permohonan ${t} sedang diproses`, en: `Request ${t} is in progress` },
        withNote(
          { id: `Petugas sedang memproses permohonan ${t}.`, en: `Staff are working on request ${t}.` },
          event.note,
        ),
        citizenPage(t),
      );
    }
    case 'SURVEY_INVITATION': {
      const t = event.trackingCode;
      const invitation = surveyInvitationMessage(t);
      return c(
        invitation,
        {
          id: `Permohonan ${t} telah selesai. Mohon luangkan waktu mengisi Survei Kepuasan Masyarakat di halaman permohonan; jawaban Anda membantu kami memperbaiki layanan.`,
          en: `Request ${t} is completed. Please take a moment to answer the satisfaction survey on the request's page; your answers help us improve the service.`,
        },
        citizenPage(t),
      );
    }
    case 'REQUEST_REJECTED': {
      const t = event.trackingCode;
      return c(
        { id: `Permohonan ${t} ditolak`, en: `Request ${t} was rejected` },
        {
          id: `Permohonan ${t} ditolak. Alasan: ${event.reason}`,
          en: `Request ${t} was rejected. Reason: ${event.reason}`,
        },
        citizenPage(t),
      );
    }
    case 'REQUEST_NOTE': {
      const t = event.trackingCode;
      return c(
        { id: `Catatan baru pada permohonan ${t}`, en: `A new note on request ${t}` },
        { id: event.note, en: event.note },
        citizenPage(t),
      );
    }
    case 'REQUEST_DEADLINE_MOVED': {
      const t = event.trackingCode;
      return c(
        { id: `Batas waktu permohonan ${t} berubah`, en: `The deadline of request ${t} moved` },
        {
          id: `Batas waktu penyelesaian permohonan ${t} berubah dari ${event.from} menjadi ${event.to}.`,
          en: `The completion deadline of request ${t} moved from ${event.from} to ${event.to}.`,
        },
        citizenPage(t),
      );
    }
    case 'REQUEST_ESCALATED': {
      const t = event.trackingCode;
      return c(
        { id: `Permohonan ${t} diteruskan ke atasan`, en: `Request ${t} was escalated` },
        {
          id: `Permohonan ${t} diteruskan kepada atasan unit agar segera ditangani.`,
          en: `Request ${t} was passed to the unit's supervisor to be handled without delay.`,
        },
        citizenPage(t),
      );
    }
    case 'REQUEST_TRANSFERRED': {
      const t = event.trackingCode;
      return c(
        { id: `Permohonan ${t} didisposisikan`, en: `Request ${t} was transferred` },
        {
          id: `Permohonan ${t} diteruskan (disposisi) ke layanan atau unit yang berwenang. Alasan: ${event.reason}`,
          en: `Request ${t} was transferred to the service or unit responsible. Reason: ${event.reason}`,
        },
        citizenPage(t),
      );
    }
    case 'REQUEST_MERGED': {
      const t = event.trackingCode;
      const o = event.originalCode;
      return c(
        { id: `Laporan ${t} digabung dengan ${o}`, en: `Report ${t} was merged into ${o}` },
        {
          id: `Laporan Anda ${t} ditutup sebagai duplikat dari laporan ${o} tentang hal yang sama. Anda kini mengikuti ${o} dan akan menerima kabar setiap perubahannya. Alasan: ${event.reason}`,
          en: `Your report ${t} was closed as a duplicate of report ${o} about the same matter. You now follow ${o} and will be told of each of its changes. Reason: ${event.reason}`,
        },
        publicPage(o),
      );
    }
    case 'REQUEST_FOLLOWED_UPDATE': {
      const t = event.trackingCode;
      const label = REQUEST_STATE_LABELS[event.state];
      const what = event.change ? FOLLOWED_CHANGE_LABELS[event.change] : label;
      const how = event.change ? { id: ` (${what.id})`, en: ` (${what.en})` } : { id: '', en: '' };
      return c(
        { id: `Laporan yang Anda ikuti, ${t}: ${what.id}`, en: `Report you follow, ${t}: ${what.en}` },
        withNote(
          {
            id: `Laporan ${t} yang Anda ikuti berubah${how.id}. Statusnya kini: ${label.id}.`,
            en: `Report ${t}, which you follow, changed${how.en}. Its state is now: ${label.en}.`,
          },
          event.note,
        ),
        publicPage(t),
      );
    }
    case 'REQUEST_REOPENED': {
      const t = event.trackingCode;
      return c(
        { id: `Pelapor menyanggah penyelesaian ${t}`, en: `The reporter contested the outcome of ${t}` },
        {
          id: `Permohonan ${t} dibuka kembali karena pelapor tidak puas. Alasan: ${event.reason}`,
          en: `Request ${t} was reopened because the reporter contested the outcome. Reason: ${event.reason}`,
        },
        staffPage(t),
      );
    }
    case 'REQUEST_ASSIGNED': {
      const t = event.trackingCode;
      return c(
        event.reassigned
          ? { id: `Permohonan ${t} dialihkan kepada Anda`, en: `Request ${t} was reassigned to you` }
          : { id: `Permohonan baru ${t} untuk Anda`, en: `New request ${t} assigned to you` },
        { id: `Permohonan ${t} kini menjadi tugas Anda.`, en: `Request ${t} is now yours to handle.` },
        staffPage(t),
      );
    }
    case 'REQUEST_RESUBMITTED': {
      const t = event.trackingCode;
      return c(
        { id: `Permohonan ${t} dilengkapi pemohon`, en: `Request ${t} was corrected by the citizen` },
        {
          id: `Pemohon mengirimkan kembali permohonan ${t}; verifikasi dimulai lagi.`,
          en: `The citizen sent request ${t} back; verification starts again.`,
        },
        staffPage(t),
      );
    }
    case 'REQUEST_DUE_SOON': {
      const t = event.trackingCode;
      return c(
        { id: `Batas waktu ${t}: ${event.deadline}`, en: `${t} is due on ${event.deadline}` },
        {
          id: `Permohonan ${t} harus ditangani paling lambat ${event.deadline} (satu hari kerja lagi).`,
          en: `Request ${t} must be handled by ${event.deadline} (one working day left).`,
        },
        staffPage(t),
      );
    }
    case 'REQUEST_OVERDUE': {
      const t = event.trackingCode;
      return c(
        { id: `Permohonan ${t} melewati batas waktu`, en: `Request ${t} is overdue` },
        {
          id: `Batas waktu permohonan ${t} (${event.deadline}) telah lewat.`,
          en: `The deadline of request ${t} (${event.deadline}) has passed.`,
        },
        staffPage(t),
      );
    }
    case 'REQUEST_ESCALATED_TO_YOU': {
      const t = event.trackingCode;
      const level = event.level ?? 'UNIT_SUPERVISOR';
      const as = ESCALATION_LEVEL_HOLDERS[level];
      const before: Message =
        level === 'UNIT_SUPERVISOR'
          ? { id: '', en: '' }
          : {
              id: ' Permohonan ini belum diselesaikan dalam waktu yang diberikan pada jenjang sebelumnya.',
              en: ' It was not resolved within the time the level before was given.',
            };
      return c(
        { id: `Eskalasi: permohonan ${t}`, en: `Escalated to you: request ${t}` },
        {
          id: `Permohonan ${t} diteruskan kepada Anda sebagai ${as.id}.${before.id}`,
          en: `Request ${t} was escalated to you as ${as.en}.${before.en}`,
        },
        staffPage(t),
      );
    }
    case 'SUPERVISOR_DIGEST': {
      const overdueCount = Math.max(event.overdueCount ?? 0, event.overdue.length);
      const unansweredCount = Math.max(event.unansweredCount ?? 0, event.unanswered.length);
      const overdue = list(event.overdue, { id: '(tidak ada)', en: '(none)' }, overdueCount);
      const unanswered = list(event.unanswered, { id: '(tidak ada)', en: '(none)' }, unansweredCount);
      return c(
        {
          id: `Ringkasan ${event.day}: ${overdueCount} permohonan terlambat, ${unansweredCount} usulan belum dijawab`,
          en: `Digest ${event.day}: ${overdueCount} overdue requests, ${unansweredCount} unanswered submissions`,
        },
        {
          id: `Permohonan terlambat di unit Anda:\n${overdue.id}\nUsulan forum yang belum dijawab:\n${unanswered.id}`,
          en: `Overdue requests in your units:\n${overdue.en}\nForum submissions without an answer:\n${unanswered.en}`,
        },
        '/staf',
      );
    }
  }
}

/** The words around every e-mail (greeting, link, why it came, unsubscribe). */
export const MAIL_TEXTS = {
  greeting: (name: string): Message => ({ id: `Halo ${name},`, en: `Hello ${name},` }),
  open: { id: 'Buka di Layanan:', en: 'Open in Layanan:' },
  why: {
    id: 'Anda menerima e-mail ini karena memiliki akun Layanan Kota Sawahlunto.',
    en: 'You receive this e-mail because you have a Layanan account of Kota Sawahlunto.',
  },
  unsubscribe: {
    id: 'Berhenti menerima e-mail jenis ini:',
    en: 'Stop e-mails of this kind:',
  },
} as const satisfies Record<string, Message | ((name: string) => Message)>;

/** A message in the recipient's language. */
export function inLanguage(message: Message, language: NotificationLanguage): string {
  return language === 'en' ? message.en : message.id;
}

/**
 * Mail that is not a notification (accounts area): the owner of an address someone tried to
 * register with is told, instead of the caller being told that the address exists.
 */
export const ACCOUNT_MAIL_TEXTS = {
  registrationAttempted: {
    subject: {
      id: 'Percobaan pendaftaran dengan alamat e-mail Anda',
      en: 'Someone tried to register with your e-mail address',
    },
    body: {
      id: 'Seseorang mencoba mendaftar akun Layanan baru dengan alamat e-mail ini, yang sudah terdaftar atas nama Anda. Bila itu Anda, silakan masuk dengan akun yang ada. Bila bukan, abaikan e-mail ini; akun Anda tidak berubah.',
      en: 'Someone tried to register a new Layanan account with this e-mail address, which is already yours. If that was you, sign in with your existing account. If not, ignore this e-mail; your account is unchanged.',
    },
    linkPath: '/masuk',
  },
  /** The link that proves an address; `hours` is its lifetime. Path: `/verifikasi-email?token=…`. */
  emailVerification: {
    subject: { id: 'Verifikasi alamat e-mail Anda', en: 'Verify your e-mail address' },
    body: (hours: number): Message => ({
      id: `Buka tautan di bawah untuk memastikan alamat e-mail ini milik Anda. Tautan berlaku ${hours} jam dan hanya sekali pakai. Setelah terverifikasi, permohonan yang didaftarkan petugas loket atau sistem lain untuk alamat ini tampil di akun Anda. Bila Anda tidak mendaftar di Layanan, abaikan e-mail ini.`,
      en: `Open the link below to confirm that this e-mail address is yours. The link works for ${hours} hours and only once. Once verified, requests filed for this address by counter staff or other systems appear in your account. If you did not register with Layanan, ignore this e-mail.`,
    }),
    linkPath: '/verifikasi-email?token=',
  },
  /** The link that sets a new password; `minutes` is its lifetime. Path: `/atur-sandi?token=…`. */
  passwordReset: {
    subject: { id: 'Atur ulang kata sandi Layanan', en: 'Reset your Layanan password' },
    body: (minutes: number): Message => ({
      id: `Seseorang (semoga Anda) meminta pengaturan ulang kata sandi akun Layanan dengan alamat e-mail ini. Buka tautan di bawah untuk membuat kata sandi baru; tautan berlaku ${minutes} menit dan hanya sekali pakai. Setelah kata sandi diganti, semua sesi yang sedang masuk berakhir dan Anda masuk lagi dengan kata sandi baru. Bila Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tidak berubah.`,
      en: `Someone (hopefully you) asked to reset the password of the Layanan account with this e-mail address. Open the link below to choose a new password; it works for ${minutes} minutes and only once. Once the password is changed, every signed-in session ends and you sign in again with the new password. If you did not ask for this, ignore this e-mail; your password is unchanged.`,
    }),
    linkPath: '/atur-sandi?token=',
  },
  /**
   * The code that proves a reporter's address for claiming a request filed without an account
   * (issue 17); `minutes` is its lifetime. Path: the request's page, where the code is entered.
   */
  requestClaim: {
    subject: (code: string): Message => ({
      id: `Kode klaim permohonan ${code}`,
      en: `Claim code for request ${code}`,
    }),
    body: (trackingCode: string, claimCode: string, minutes: number): Message => ({
      id: `Seseorang (semoga Anda) ingin menautkan permohonan ${trackingCode}, yang diajukan atas nama alamat ini tanpa akun Layanan, ke akun Layanan-nya. Kode klaim: ${claimCode}. Kode berlaku ${minutes} menit, hanya untuk akun yang memintanya. Bila bukan Anda yang meminta, abaikan e-mail ini; permohonan tidak berubah.`,
      en: `Someone (hopefully you) wants to attach request ${trackingCode}, filed for this address without a Layanan account, to their Layanan account. Claim code: ${claimCode}. The code works for ${minutes} minutes, only for the account that asked for it. If that was not you, ignore this e-mail; the request is unchanged.`,
    }),
    sms: (trackingCode: string, claimCode: string): Message => ({
      id: `Layanan: kode klaim permohonan ${trackingCode} adalah ${claimCode}. Jangan berikan kepada siapa pun.`,
      en: `Layanan: the claim code for request ${trackingCode} is ${claimCode}. Do not share it.`,
    }),
    linkPath: '/permohonan/',
  },
} as const;

/** The page of a one-click unsubscribe link (RFC 8058: the mail client POSTs; a person confirms). */
export const UNSUBSCRIBE_TEXTS = {
  /** `label`: the kind's name as the preferences show it (`NOTIFICATION_KIND_SETTINGS[kind].label`). */
  confirm: (label: Message): Message => ({
    id: `Berhenti menerima e-mail notifikasi “${label.id}”? Notifikasi di aplikasi tetap tampil.`,
    en: `Stop e-mails of the notification “${label.en}”? Notifications in the app still appear.`,
  }),
  button: { id: 'Berhenti berlangganan', en: 'Unsubscribe' },
  done: (label: Message): Message => ({
    id: `Anda tidak akan lagi menerima e-mail notifikasi “${label.id}”. Pengaturan notifikasi di akun Anda dapat menyalakannya lagi.`,
    en: `You will no longer receive e-mails of the notification “${label.en}”. Your account's notification settings can turn them on again.`,
  }),
  /** The reporter without an account (issue 17): every mail about one request stops. */
  reporterConfirm: (trackingCode: string): Message => ({
    id: `Berhenti menerima e-mail tentang permohonan ${trackingCode}?`,
    en: `Stop e-mails about request ${trackingCode}?`,
  }),
  reporterDone: (trackingCode: string): Message => ({
    id: `Anda tidak akan lagi menerima e-mail tentang permohonan ${trackingCode}.`,
    en: `You will no longer receive e-mails about request ${trackingCode}.`,
  }),
  invalid: {
    id: 'Tautan berhenti berlangganan ini tidak sah.',
    en: 'This unsubscribe link is not valid.',
  },
} as const;
