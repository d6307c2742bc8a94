// Forum notifications: the texts are the domain's (forumNotificationText), one per kind. They are
// written in the change's transaction and published to live subscribers after it committed.
import { type ForumNotificationEvent, forumNotificationText } from '@layanan/domain/forums';
import { type AuditedChange, audited, type TransactionClient } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { publishNotifications, writeNotifications } from '../../../platform/notify.js';

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

/** `audited()` for a change that notifies: publishes its `notes` after commit, returns its result. */
export async function auditedNotifying<T>(
  deps: CommandDeps,
  caller: Caller,
  meta: { action: string; entityType: string },
  change: (tx: TransactionClient) => Promise<AuditedChange<T> & { notes: Written }>,
): Promise<T> {
  const { result, notes } = await audited(auditScope(deps, caller), meta, async (tx) => {
    const outcome = await change(tx);
    return { ...outcome, result: { result: outcome.result, notes: outcome.notes } };
  });
  publishNotifications(deps, notes);
  return result;
}
