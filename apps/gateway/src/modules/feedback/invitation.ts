// When a request is completed its citizen is invited to the satisfaction survey (issue 6); the
// invitation is also the citizen's completion notice, in the feed and by e-mail (issue 18),
// worded for the service's kind; for a complaint it names the last day of the reporter's answer
// window and where to answer (issue 20). Written in the event handler's transaction; the caller
// publishes the notification after commit.
import type { OutcomeAnswer } from '@layanan/domain/notifications';
import { notificationContent } from '@layanan/domain/notifications';
import type { ServiceKind } from '@layanan/domain/services';
import type { TransactionClient } from '../../platform/audited.js';
import type { MailSettings } from '../../platform/mail/outbox.js';
import { notifyAccounts } from '../../platform/notify.js';

export function inviteToSurvey(
  tx: TransactionClient,
  mail: MailSettings,
  request: {
    id: string;
    trackingCode: string;
    citizenAccountId: string;
    serviceKind?: ServiceKind | null;
    /** A complaint's answer window (`complaintAnswerWindowEnd`), answered in the account. */
    answerWindowEndsOn?: string | null;
  },
): Promise<{ accountId: string; notificationId: string }[]> {
  const answer: OutcomeAnswer | null = request.answerWindowEndsOn
    ? { endsOn: request.answerWindowEndsOn, route: 'ACCOUNT' }
    : null;
  return notifyAccounts(
    tx,
    mail,
    [request.citizenAccountId],
    notificationContent({
      kind: 'SURVEY_INVITATION',
      trackingCode: request.trackingCode,
      serviceKind: request.serviceKind ?? null,
      answer,
    }),
    { requestId: request.id },
  );
}
