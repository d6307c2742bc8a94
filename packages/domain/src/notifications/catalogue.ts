import type { Message } from '../errors.js';
import { surveyInvitationMessage } from '../feedback/survey.js';
import { FORUM_NOTIFICATION_KINDS } from '../forums/notifications.js';
import type { EscalationLevel } from '../services/complaint-handling.js';
import { ESCALATION_LEVEL_HOLDERS, REQUEST_STATE_LABELS } from '../services/messages.js';
import type { RequestState } from '../services/service-request.js';
import type { ServiceKind } from '../services/service-standard.js';

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
  // to a reporter without an account (a contact address only), and the closing to every reporter
  'REQUEST_COMPLETED',
  'REQUEST_CLOSED',
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
 * Every notification kind. `SURVEY_INVITATION` is an account holder's completion notice: it says
 * the request is completed and invites to the satisfaction survey (PermenPANRB 14/2017). A
 * reporter known only by a contact address (an anonymous complaint's, or one filed by an API key
 * for a person without an account) cannot answer the survey and gets `REQUEST_COMPLETED` instead.
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

/**
 * How the reporter answers the outcome of a complaint (issue 20): `ACCOUNT` on the request's page
 * in their account; `ANONYMOUS` on the tracking page with the tracking code and the secret given
 * at filing (never mailed); `CLAIM` by claiming the request into an account first (a code is sent
 * to the contact address), then on its page.
 */
export type AnswerRoute = 'ACCOUNT' | 'ANONYMOUS' | 'CLAIM';

/** The reporter's answer window of a decided complaint: its last day (WIB) and where to answer. */
export type OutcomeAnswer = { readonly endsOn: string; readonly route: AnswerRoute };

/**
 * How a notice names a request of each kind of service: a permit or registration is a
 * _permohonan_ (UU 25/2009), a complaint a _pengaduan_ (Perpres 76/2013, SP4N-LAPOR!), an
 * information request a _permohonan informasi_ (UU 14/2008).
 */
export const REQUEST_NOUNS: Readonly<Record<ServiceKind, Message>> = {
  REGISTRATION: { id: 'permohonan', en: 'request' },
  PERMIT: { id: 'permohonan', en: 'request' },
  COMPLAINT: { id: 'pengaduan', en: 'complaint' },
  INFORMATION_REQUEST: { id: 'permohonan informasi', en: 'information request' },
};

/** The noun of `kind` (a permit's when unknown), lower-case and capitalised. */
export function requestNoun(kind: ServiceKind | null | undefined): { lower: Message; upper: Message } {
  const lower = REQUEST_NOUNS[kind ?? 'PERMIT'];
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return { lower, upper: { id: cap(lower.id), en: cap(lower.en) } };
}

/**
 * What happened, with what its text needs. Days are `YYYY-MM-DD` (WIB). `serviceKind`: the kind
 * of the request's service, which words the notice (a complaint is not a permit: no documents,
 * a reporter rather than an applicant); a permit's wording when absent.
 */
export type NotificationEvent = { readonly serviceKind?: ServiceKind | null } & (
  | { readonly kind: 'REQUEST_RECEIVED'; readonly trackingCode: string; readonly verificationDueOn: string }
  | {
      readonly kind: 'REQUEST_VERIFIED';
      readonly trackingCode: string;
      readonly completionDueOn: string | null;
      readonly note?: string | null;
    }
  | { readonly kind: 'REQUEST_RETURNED'; readonly trackingCode: string; readonly reason: string }
  | { readonly kind: 'REQUEST_IN_PROGRESS'; readonly trackingCode: string; readonly note?: string | null }
  | {
      readonly kind: 'SURVEY_INVITATION';
      readonly trackingCode: string;
      /** A complaint's answer window (the reporter may accept or contest). */
      readonly answer?: OutcomeAnswer | null;
    }
  | {
      readonly kind: 'REQUEST_COMPLETED';
      readonly trackingCode: string;
      readonly note?: string | null;
      /** A complaint's answer window (the reporter may accept or contest). */
      readonly answer?: OutcomeAnswer | null;
    }
  | {
      readonly kind: 'REQUEST_REJECTED';
      readonly trackingCode: string;
      readonly reason: string;
      /** A complaint's answer window (the reporter may accept or contest). */
      readonly answer?: OutcomeAnswer | null;
    }
  | {
      readonly kind: 'REQUEST_CLOSED';
      readonly trackingCode: string;
      /** The last day the reporter could have answered, now passed. */
      readonly answerEndedOn: string;
    }
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
    }
);

/** A notification's texts and where its item is shown (a path of the web app). */
export type NotificationContent = {
  readonly kind: NotificationKind;
  /** The feed line and the e-mail subject. */
  readonly title: Message;
  /** The e-mail body (plain text, one paragraph per line). */
  readonly body: Message;
  /** The web app's page of the item, e.g. `/permohonan/SWL-2026-000001`. */
  readonly linkPath: string;
  /** The kind of the request's service, when the notice is about one (words the mail's footer). */
  readonly serviceKind?: ServiceKind | null;
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

/**
 * The paragraph of a decided complaint's notice that tells the reporter until when and where they
 * may accept or contest the outcome (SP4N-LAPOR!: the case closes after the window). The secret
 * of an anonymous complaint is never written: the reporter kept it from the filing.
 */
export function outcomeAnswerText(trackingCode: string, answer: OutcomeAnswer): Message {
  const t = trackingCode;
  const window: Message = {
    id: `Bila Anda tidak puas, sanggah hasil ini dengan alasannya, atau terima, paling lambat ${answer.endsOn} (WIB). Setelah tanggal itu pengaduan ditutup.`,
    en: `If you are not satisfied, contest this outcome with your reason, or accept it, by ${answer.endsOn} (WIB). After that day the complaint is closed.`,
  };
  const where: Record<AnswerRoute, Message> = {
    ACCOUNT: {
      id: 'Jawab di halaman pengaduan pada akun Layanan Anda.',
      en: 'Answer on the complaint’s page in your Layanan account.',
    },
    ANONYMOUS: {
      id: `Jawab di halaman pengaduan anonim dengan kode lacak ${t} dan kode rahasia yang Anda terima saat melapor (kode rahasia tidak pernah dikirim lewat e-mail).`,
      en: `Answer on the anonymous complaint page with tracking code ${t} and the secret you were given when you reported (the secret is never sent by e-mail).`,
    },
    CLAIM: {
      id: `Untuk menjawab, masuk atau daftar di Layanan, buka halaman pengaduan ${t} dan klaim pengaduan ini dengan kode yang dikirim ke alamat e-mail ini; setelah itu terima atau sanggah di halaman yang sama.`,
      en: `To answer, sign in or register with Layanan, open the page of complaint ${t} and claim it with the code sent to this e-mail address; then accept or contest on the same page.`,
    },
  };
  return { id: `${window.id}\n${where[answer.route].id}`, en: `${window.en}\n${where[answer.route].en}` };
}

const withAnswer = (
  text: Message,
  trackingCode: string,
  answer: OutcomeAnswer | null | undefined,
): Message => {
  if (!answer) return text;
  const more = outcomeAnswerText(trackingCode, answer);
  return { id: `${text.id}\n${more.id}`, en: `${text.en}\n${more.en}` };
};

/** The texts and link of a notification (see `NotificationContent`). */
export function notificationContent(event: NotificationEvent): NotificationContent {
  const c = (title: Message, body: Message, linkPath: string): NotificationContent => ({
    kind: event.kind,
    title,
    body,
    linkPath,
    ...(event.serviceKind ? { serviceKind: event.serviceKind } : {}),
  });
  const complaint = event.serviceKind === 'COMPLAINT';
  const { lower: n, upper: N } = requestNoun(event.serviceKind);
  switch (event.kind) {
    case 'REQUEST_RECEIVED': {
      const t = event.trackingCode;
      const due = event.verificationDueOn;
      return c(
        { id: `${N.id} ${t} diterima`, en: `${N.en} ${t} received` },
        complaint
          ? {
              id: `Pengaduan Anda diterima dengan kode lacak ${t}. Simpan kode ini untuk melacak pengaduan. Pengaduan diverifikasi paling lambat ${due}.`,
              en: `Your complaint was received with tracking code ${t}. Keep this code to follow the complaint. It is verified by ${due}.`,
            }
          : {
              id: `${N.id} Anda diterima dengan kode lacak ${t}. Simpan kode ini untuk melacak ${n.id}. Berkas diverifikasi paling lambat ${due}.`,
              en: `Your ${n.en} was received with tracking code ${t}. Keep this code to follow the ${n.en}. Its documents are verified by ${due}.`,
            },
        citizenPage(t),
      );
    }
    case 'REQUEST_VERIFIED': {
      const t = event.trackingCode;
      const due = event.completionDueOn;
      return c(
        { id: `${N.id} ${t} diverifikasi`, en: `${N.en} ${t} verified` },
        withNote(
          complaint
            ? {
                id: `Pengaduan ${t} telah diverifikasi dan diteruskan untuk ditindaklanjuti.${due ? ` Tindak lanjut paling lambat ${due}.` : ''}`,
                en: `Complaint ${t} was verified and passed on for follow-up.${due ? ` It is to be resolved by ${due}.` : ''}`,
              }
            : {
                id: `Berkas ${n.id} ${t} lengkap dan telah diverifikasi.${due ? ` ${N.id} diselesaikan paling lambat ${due}.` : ''}`,
                en: `The documents of ${n.en} ${t} are complete and verified.${due ? ` It is to be completed by ${due}.` : ''}`,
              },
          event.note,
        ),
        citizenPage(t),
      );
    }
    case 'REQUEST_RETURNED': {
      const t = event.trackingCode;
      return c(
        complaint
          ? { id: `Pengaduan ${t} perlu dilengkapi`, en: `Complaint ${t} needs more information` }
          : { id: `${N.id} ${t} perlu dilengkapi`, en: `${N.en} ${t} needs a correction` },
        complaint
          ? {
              id: `Pengaduan ${t} dikembalikan kepada Anda untuk dilengkapi. Yang perlu dilengkapi: ${event.reason}\nWaktu penanganan berhenti sampai Anda mengirimkan kelengkapannya.`,
              en: `Complaint ${t} was returned to you for more information. What is needed: ${event.reason}\nThe handling clock stops until you send it.`,
            }
          : {
              id: `${N.id} ${t} dikembalikan kepada Anda untuk dilengkapi. Yang perlu diperbaiki: ${event.reason}\nWaktu penyelesaian berhenti sampai Anda mengirimkan perbaikan.`,
              en: `${N.en} ${t} was returned to you for correction. What to fix: ${event.reason}\nThe completion clock stops until you send the correction.`,
            },
        citizenPage(t),
      );
    }
    case 'REQUEST_IN_PROGRESS': {
      const t = event.trackingCode;
      return c(
        complaint
          ? { id: `Pengaduan ${t} sedang ditindaklanjuti`, en: `Complaint ${t} is being followed up` }
          : { id: `${N.id} ${t} sedang diproses`, en: `${N.en} ${t} is in progress` },
        withNote(
          complaint
            ? {
                id: `Petugas sedang menindaklanjuti pengaduan ${t}.`,
                en: `Staff are following up complaint ${t}.`,
              }
            : { id: `Petugas sedang memproses ${n.id} ${t}.`, en: `Staff are working on ${n.en} ${t}.` },
          event.note,
        ),
        citizenPage(t),
      );
    }
    case 'SURVEY_INVITATION': {
      const t = event.trackingCode;
      const invitation = surveyInvitationMessage(t, N);
      return c(
        invitation,
        withAnswer(
          {
            id: `${N.id} ${t} telah selesai. Mohon luangkan waktu mengisi Survei Kepuasan Masyarakat di halaman ${n.id}; jawaban Anda membantu kami memperbaiki layanan.`,
            en: `${N.en} ${t} is completed. Please take a moment to answer the satisfaction survey on the ${n.en}’s page; your answers help us improve the service.`,
          },
          t,
          event.answer,
        ),
        citizenPage(t),
      );
    }
    case 'REQUEST_COMPLETED': {
      const t = event.trackingCode;
      return c(
        complaint
          ? { id: `Pengaduan ${t} selesai ditindaklanjuti`, en: `Complaint ${t} was resolved` }
          : { id: `${N.id} ${t} selesai`, en: `${N.en} ${t} is completed` },
        withAnswer(
          withNote(
            complaint
              ? { id: `Pengaduan ${t} telah selesai ditindaklanjuti.`, en: `Complaint ${t} was resolved.` }
              : { id: `${N.id} ${t} telah selesai.`, en: `${N.en} ${t} is completed.` },
            event.note,
          ),
          t,
          event.answer,
        ),
        citizenPage(t),
      );
    }
    case 'REQUEST_REJECTED': {
      const t = event.trackingCode;
      return c(
        { id: `${N.id} ${t} ditolak`, en: `${N.en} ${t} was rejected` },
        withAnswer(
          {
            id: `${N.id} ${t} ditolak. Alasan: ${event.reason}`,
            en: `${N.en} ${t} was rejected. Reason: ${event.reason}`,
          },
          t,
          event.answer,
        ),
        citizenPage(t),
      );
    }
    case 'REQUEST_CLOSED': {
      const t = event.trackingCode;
      return c(
        { id: `${N.id} ${t} ditutup`, en: `${N.en} ${t} is closed` },
        {
          id: `Batas waktu untuk menerima atau menyanggah hasil ${n.id} ${t} (${event.answerEndedOn}) telah lewat tanpa sanggahan; ${n.id} ini kini ditutup.`,
          en: `The time to accept or contest the outcome of ${n.en} ${t} (until ${event.answerEndedOn}) passed without a contest; the ${n.en} is now closed.`,
        },
        citizenPage(t),
      );
    }
    case 'REQUEST_NOTE': {
      const t = event.trackingCode;
      return c(
        { id: `Catatan baru pada ${n.id} ${t}`, en: `A new note on ${n.en} ${t}` },
        { id: event.note, en: event.note },
        citizenPage(t),
      );
    }
    case 'REQUEST_DEADLINE_MOVED': {
      const t = event.trackingCode;
      return c(
        { id: `Batas waktu ${n.id} ${t} berubah`, en: `The deadline of ${n.en} ${t} moved` },
        complaint
          ? {
              id: `Batas waktu tindak lanjut pengaduan ${t} berubah dari ${event.from} menjadi ${event.to}.`,
              en: `The deadline to resolve complaint ${t} moved from ${event.from} to ${event.to}.`,
            }
          : {
              id: `Batas waktu penyelesaian ${n.id} ${t} berubah dari ${event.from} menjadi ${event.to}.`,
              en: `The completion deadline of ${n.en} ${t} moved from ${event.from} to ${event.to}.`,
            },
        citizenPage(t),
      );
    }
    case 'REQUEST_ESCALATED': {
      const t = event.trackingCode;
      return c(
        { id: `${N.id} ${t} diteruskan ke atasan`, en: `${N.en} ${t} was escalated` },
        {
          id: `${N.id} ${t} diteruskan kepada atasan unit agar segera ditangani.`,
          en: `${N.en} ${t} was passed to the unit's supervisor to be handled without delay.`,
        },
        citizenPage(t),
      );
    }
    case 'REQUEST_TRANSFERRED': {
      const t = event.trackingCode;
      return c(
        { id: `${N.id} ${t} didisposisikan`, en: `${N.en} ${t} was transferred` },
        {
          id: `${N.id} ${t} diteruskan (disposisi) ke layanan atau unit yang berwenang. Alasan: ${event.reason}`,
          en: `${N.en} ${t} was transferred to the service or unit responsible. Reason: ${event.reason}`,
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
          id: `${N.id} ${t} dibuka kembali karena pelapor tidak puas. Alasan: ${event.reason}`,
          en: `${N.en} ${t} was reopened because the reporter contested the outcome. Reason: ${event.reason}`,
        },
        staffPage(t),
      );
    }
    case 'REQUEST_ASSIGNED': {
      const t = event.trackingCode;
      return c(
        event.reassigned
          ? { id: `${N.id} ${t} dialihkan kepada Anda`, en: `${N.en} ${t} was reassigned to you` }
          : { id: `${N.id} baru ${t} untuk Anda`, en: `New ${n.en} ${t} assigned to you` },
        { id: `${N.id} ${t} kini menjadi tugas Anda.`, en: `${N.en} ${t} is now yours to handle.` },
        staffPage(t),
      );
    }
    case 'REQUEST_RESUBMITTED': {
      const t = event.trackingCode;
      return c(
        complaint
          ? { id: `Pengaduan ${t} dilengkapi pelapor`, en: `Complaint ${t} was completed by the reporter` }
          : { id: `${N.id} ${t} dilengkapi pemohon`, en: `${N.en} ${t} was corrected by the citizen` },
        complaint
          ? {
              id: `Pelapor mengirimkan kembali pengaduan ${t} dengan kelengkapannya; verifikasi dimulai lagi.`,
              en: `The reporter sent complaint ${t} back with what was asked; verification starts again.`,
            }
          : {
              id: `Pemohon mengirimkan kembali ${n.id} ${t}; verifikasi dimulai lagi.`,
              en: `The citizen sent ${n.en} ${t} back; verification starts again.`,
            },
        staffPage(t),
      );
    }
    case 'REQUEST_DUE_SOON': {
      const t = event.trackingCode;
      return c(
        { id: `Batas waktu ${t}: ${event.deadline}`, en: `${t} is due on ${event.deadline}` },
        {
          id: `${N.id} ${t} harus ditangani paling lambat ${event.deadline} (satu hari kerja lagi).`,
          en: `${N.en} ${t} must be handled by ${event.deadline} (one working day left).`,
        },
        staffPage(t),
      );
    }
    case 'REQUEST_OVERDUE': {
      const t = event.trackingCode;
      return c(
        { id: `${N.id} ${t} melewati batas waktu`, en: `${N.en} ${t} is overdue` },
        {
          id: `Batas waktu ${n.id} ${t} (${event.deadline}) telah lewat.`,
          en: `The deadline of ${n.en} ${t} (${event.deadline}) has passed.`,
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
              id: ` ${N.id} ini belum diselesaikan dalam waktu yang diberikan pada jenjang sebelumnya.`,
              en: ' It was not resolved within the time the level before was given.',
            };
      return c(
        { id: `Eskalasi: ${n.id} ${t}`, en: `Escalated to you: ${n.en} ${t}` },
        {
          id: `${N.id} ${t} diteruskan kepada Anda sebagai ${as.id}.${before.id}`,
          en: `${N.en} ${t} was escalated to you as ${as.en}.${before.en}`,
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

/**
 * The words around every e-mail (greeting, link, why it came, how to stop it). `why` and
 * `unsubscribe` are an account holder's; a reporter known only by a contact address is told that
 * the address was given when the request was filed, and how that address stops the mail
 * (`whyReporterContact` with its one-click link, `whyAnonymousContact` by withdrawing it).
 */
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
  /** A reporter without an account (issue 17), filed for by an API key or another city system. */
  whyReporterContact: (trackingCode: string, kind?: ServiceKind | null): Message => {
    const { lower: n } = requestNoun(kind);
    return {
      id: `Anda menerima e-mail ini karena alamat ini diberikan sebagai kontak pelapor ketika ${n.id} ${trackingCode} diajukan untuk Anda tanpa akun Layanan Kota Sawahlunto. Anda hanya menerima kabar tentang ${n.id} ini.`,
      en: `You receive this e-mail because this address was given as the reporter’s contact when ${n.en} ${trackingCode} was filed for you without a Layanan account of Kota Sawahlunto. You only hear about this ${n.en}.`,
    };
  },
  unsubscribeReporterContact: (kind?: ServiceKind | null): Message => {
    const { lower: n } = requestNoun(kind);
    return {
      id: `Berhenti menerima semua e-mail tentang ${n.id} ini (satu klik):`,
      en: `Stop every e-mail about this ${n.en} (one click):`,
    };
  },
  /** An anonymous complaint's optional contact address (issue 20). */
  whyAnonymousContact: (trackingCode: string): Message => ({
    id: `Anda menerima e-mail ini karena alamat ini diberikan sebagai kontak ketika pengaduan anonim ${trackingCode} diajukan. Layanan tidak menyimpan identitas Anda. Untuk berhenti menerima e-mail, tarik alamat ini di halaman pengaduan anonim dengan kode lacak dan kode rahasia Anda; alamat itu langsung dihapus dan tidak ada e-mail lagi.`,
    en: `You receive this e-mail because this address was given as the contact when anonymous complaint ${trackingCode} was filed. Layanan keeps no identity of yours. To stop these e-mails, withdraw the address on the anonymous complaint page with your tracking code and secret; it is deleted at once and no further e-mail is sent.`,
  }),
} as const;

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
