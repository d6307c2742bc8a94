// When a request is completed its citizen is invited to the satisfaction survey (issue 6); the
// invitation is also the citizen's completion notice, in the feed and by e-mail (issue 18). Written
// in the event handler's transaction; the caller publishes the notification after commit.
import { notificationContent } from '@layanan/domain/notifications';
import type { TransactionClient } from '../../platform/audited.js';
import type { MailSettings } from '../../platform/mail/outbox.js';
import { notifyAccounts } from '../../platform/notify.js';

export function inviteToSurvey(
  tx: TransactionClient,
  mail: MailSettings,
  request: { id: string; trackingCode: string; citizenAccountId: string },
): Promise<{ accountId: string; notificationId: string }[]> {
  return notifyAccounts(
    tx,
    mail,
    [request.citizenAccountId],
    notificationContent({ kind: 'SURVEY_INVITATION', trackingCode: request.trackingCode }),
    { requestId: request.id },
  );
}
