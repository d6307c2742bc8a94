// Forum notifications: the texts are the domain's (forumNotificationText), one per kind.
import { type ForumNotificationEvent, forumNotificationText } from '@layanan/domain/forums';
import type { TransactionClient } from '../../../platform/audited.js';
import { writeNotifications } from '../../../platform/notify.js';

/** Written notifications, to publish once the transaction has committed. */
export type Written = { accountId: string; notificationId: string }[];

/** Notifies each recipient once about `event` on a submission, in the caller's transaction. */
export function notifyForum(
  tx: TransactionClient,
  recipients: readonly string[],
  submissionId: string,
  event: ForumNotificationEvent,
): Promise<Written> {
  const text = forumNotificationText(event);
  return writeNotifications(tx, recipients, {
    kind: event.kind,
    submissionId,
    titleId: text.id,
    titleEn: text.en,
  });
}
