// In-app notifications: written in the same transaction as the change that causes them, then
// published to live subscribers once that transaction has committed.
import type { NotificationKind } from '@layanan/db';
import type { NotificationContent } from '@layanan/domain/notifications';
import type { TransactionClient } from './audited.js';
import type { CommandDeps } from './command.js';
import { type MailSettings, queueMail } from './mail/outbox.js';
import { notificationMail } from './mail/render.js';

export type Notice = {
  kind: NotificationKind;
  submissionId: string;
  titleId: string;
  titleEn: string;
};

/** Writes one notification per distinct recipient; returns what to publish after commit. */
export async function writeNotifications(
  tx: TransactionClient,
  recipients: readonly string[],
  notice: Notice,
): Promise<{ accountId: string; notificationId: string }[]> {
  const out: { accountId: string; notificationId: string }[] = [];
  for (const accountId of [...new Set(recipients)]) {
    const row = await tx.notification.create({ data: { ...notice, accountId } });
    out.push({ accountId, notificationId: row.id });
  }
  return out;
}

/** The author and every follower of a submission. */
export async function audienceOf(tx: TransactionClient, submissionId: string): Promise<string[]> {
  const submission = await tx.submission.findUniqueOrThrow({
    where: { id: submissionId },
    select: { authorId: true, followers: { select: { accountId: true } } },
  });
  return [submission.authorId, ...submission.followers.map((f) => f.accountId)];
}

/** Publishes written notifications to live subscribers; call after the transaction committed. */
export function publishNotifications(
  ctx: Pick<CommandDeps, 'pubsub'>,
  written: readonly { accountId: string; notificationId: string }[],
): void {
  for (const { accountId, notificationId } of written) {
    ctx.pubsub.publish('notificationAdded', accountId, { notificationId });
  }
}

/** What a notification is about, and its once-key for reminders and digests. */
export type NotificationSubject = {
  requestId?: string | null;
  submissionId?: string | null;
  /** Written at most once (unique); a second write with the same key is skipped, mail included. */
  onceKey?: string | null;
};

/**
 * Writes one notification of `content` per distinct recipient, in each recipient's language for
 * the mail, and queues its e-mail (mail/outbox.ts) for those with an address and an enabled
 * account whose preference for the kind allows it. Returns what to publish after commit. Skips a recipient whose `onceKey` notification
 * exists already.
 */
export async function notifyAccounts(
  tx: TransactionClient,
  mail: MailSettings,
  recipients: readonly string[],
  content: NotificationContent,
  subject: NotificationSubject = {},
): Promise<{ accountId: string; notificationId: string }[]> {
  const out: { accountId: string; notificationId: string }[] = [];
  const accounts = await tx.account.findMany({
    where: { id: { in: [...new Set(recipients)] } },
    select: { id: true, email: true, displayName: true, language: true, disabledAt: true },
  });
  for (const account of accounts) {
    const [row] = await tx.notification.createManyAndReturn({
      data: [
        {
          accountId: account.id,
          kind: content.kind as NotificationKind,
          titleId: content.title.id,
          titleEn: content.title.en,
          linkPath: content.linkPath,
          requestId: subject.requestId ?? null,
          submissionId: subject.submissionId ?? null,
          onceKey: subject.onceKey ?? null,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!row) continue;
    out.push({ accountId: account.id, notificationId: row.id });
    if (!account.email || account.disabledAt) continue;
    // In-app always; the e-mail of this kind unless the person turned it off (unsubscribe link).
    const preference = await tx.notificationPreference.findUnique({
      where: { accountId_kind: { accountId: account.id, kind: content.kind as NotificationKind } },
      select: { email: true },
    });
    if (preference?.email === false) continue;
    const language = account.language === 'en' ? 'en' : 'id';
    await queueMail(
      tx,
      mail,
      notificationMail(
        mail,
        { accountId: account.id, email: account.email, displayName: account.displayName, language },
        content,
      ),
    );
  }
  return out;
}
