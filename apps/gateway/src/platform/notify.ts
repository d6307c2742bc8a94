// In-app notifications: written in the same transaction as the change that causes them, then
// published to live subscribers once that transaction has committed.
import type { NotificationKind } from '@layanan/db';
import type { GraphQLContext } from '../app/context.js';
import type { TransactionClient } from './audited.js';

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

export function publishNotifications(
  ctx: Pick<GraphQLContext, 'pubsub'>,
  written: readonly { accountId: string; notificationId: string }[],
): void {
  for (const { accountId, notificationId } of written) {
    ctx.pubsub.publish('notificationAdded', accountId, { notificationId });
  }
}
