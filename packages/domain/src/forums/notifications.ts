import { dayInWords } from '../calendar/day-words.js';
import type { Message } from '../errors.js';
import type { AnswerStatus } from './answer.js';
import { ANSWER_STATUS_LABELS } from './messages.js';
import { type Moderation, type SubmissionViewer, submissionVisibility } from './submission.js';

/*
 * The forums' in-app notifications: every kind and its Indonesian and English text, in one place.
 * The author and the followers of a submission receive them (hiding: the author only).
 */
export const FORUM_NOTIFICATION_KINDS = [
  'SUBMISSION_ANSWERED',
  'SUBMISSION_HIDDEN',
  'COMMITMENT_CREATED',
  'COMMITMENT_PROGRESS',
  'COMMITMENT_DONE',
  'COMMITMENT_CANCELLED',
] as const;
export type ForumNotificationKind = (typeof FORUM_NOTIFICATION_KINDS)[number];

/** What happened, with what each text needs; `title` is the submission's title. */
export type ForumNotificationEvent =
  | { readonly kind: 'SUBMISSION_ANSWERED'; readonly title: string; readonly status: AnswerStatus }
  | { readonly kind: 'SUBMISSION_HIDDEN'; readonly title: string; readonly reason: string }
  | {
      readonly kind: 'COMMITMENT_CREATED';
      readonly title: string;
      /** The due day, `YYYY-MM-DD` (WIB); the text writes it in words. */
      readonly dueOn: string;
    }
  | {
      readonly kind: 'COMMITMENT_PROGRESS';
      readonly title: string;
      readonly progress: number;
      /** When the update lowered the progress: from what, and the public reason. */
      readonly decreasedFrom?: number | null;
      readonly reason?: string | null;
    }
  | { readonly kind: 'COMMITMENT_DONE'; readonly title: string }
  | { readonly kind: 'COMMITMENT_CANCELLED'; readonly title: string; readonly reason: string };

/** The notification's title in both languages. */
export function forumNotificationText(event: ForumNotificationEvent): Message {
  const t = event.title;
  switch (event.kind) {
    case 'SUBMISSION_ANSWERED': {
      const label = ANSWER_STATUS_LABELS[event.status];
      return { id: `Usulan "${t}" dijawab: ${label.id}`, en: `"${t}" was answered: ${label.en}` };
    }
    case 'SUBMISSION_HIDDEN':
      return {
        id: `Kiriman "${t}" disembunyikan: ${event.reason}`,
        en: `"${t}" was hidden: ${event.reason}`,
      };
    case 'COMMITMENT_CREATED': {
      const due = dayInWords(event.dueOn);
      return {
        id: `Tindak lanjut untuk "${t}" dijadwalkan sampai ${due.id}`,
        en: `A follow-up of "${t}" is due by ${due.en}`,
      };
    }
    case 'COMMITMENT_PROGRESS':
      if (event.decreasedFrom !== null && event.decreasedFrom !== undefined)
        return {
          id: `Progres tindak lanjut "${t}" turun dari ${event.decreasedFrom}% ke ${event.progress}%: ${event.reason ?? ''}`,
          en: `Follow-up of "${t}" went down from ${event.decreasedFrom}% to ${event.progress}%: ${event.reason ?? ''}`,
        };
      return {
        id: `Progres tindak lanjut "${t}": ${event.progress}%`,
        en: `Follow-up of "${t}": ${event.progress}%`,
      };
    case 'COMMITMENT_DONE':
      return { id: `Tindak lanjut "${t}" selesai`, en: `The follow-up of "${t}" is done` };
    case 'COMMITMENT_CANCELLED':
      return {
        id: `Tindak lanjut "${t}" dibatalkan: ${event.reason}`,
        en: `The follow-up of "${t}" was cancelled: ${event.reason}`,
      };
  }
}

/** What a follower reads instead of a notification about a submission hidden since. */
export const HIDDEN_SUBMISSION_NOTIFICATION: Message = {
  id: 'Kiriman yang Anda ikuti disembunyikan oleh moderator; isinya tidak ditampilkan lagi.',
  en: 'A submission you follow was hidden by a moderator; its content is no longer shown.',
};

/**
 * The text a viewer reads of a stored notification (`stored`, written when it was sent). Moderation
 * reaches every copy: once the submission it is about is hidden, everybody but its author and
 * moderators reads HIDDEN_SUBMISSION_NOTIFICATION instead — also for notifications sent before the
 * hiding, whose stored text quotes the title.
 */
export function notificationTextFor(
  stored: Message,
  submission: { readonly authorId: string; readonly moderation?: Moderation } | null,
  viewer: SubmissionViewer,
): Message {
  if (!submission) return stored;
  return submissionVisibility(submission, viewer) === 'HIDDEN_NOTICE'
    ? HIDDEN_SUBMISSION_NOTIFICATION
    : stored;
}
