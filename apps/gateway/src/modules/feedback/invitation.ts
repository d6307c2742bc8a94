// When a request is completed its citizen is invited to the satisfaction survey (issue 6), in
// the same transaction as the completion; the caller publishes the notification after commit.
import { surveyInvitationMessage } from '@layanan/domain/feedback';
import type { TransactionClient } from '../../platform/audited.js';

export async function inviteToSurvey(
  tx: TransactionClient,
  request: { id: string; trackingCode: string; citizenAccountId: string },
): Promise<{ accountId: string; notificationId: string }[]> {
  const title = surveyInvitationMessage(request.trackingCode);
  const row = await tx.notification.create({
    data: {
      accountId: request.citizenAccountId,
      kind: 'SURVEY_INVITATION',
      requestId: request.id,
      titleId: title.id,
      titleEn: title.en,
    },
  });
  return [{ accountId: request.citizenAccountId, notificationId: row.id }];
}
