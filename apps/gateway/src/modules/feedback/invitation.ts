// When a request is completed its citizen is invited to the satisfaction survey (issue 6), in
// the same transaction as the completion; the caller publishes the notification after commit.
import type { TransactionClient } from '../../platform/audited.js';

export async function inviteToSurvey(
  tx: TransactionClient,
  request: { id: string; trackingCode: string; citizenAccountId: string },
): Promise<{ accountId: string; notificationId: string }[]> {
  const row = await tx.notification.create({
    data: {
      accountId: request.citizenAccountId,
      kind: 'SURVEY_INVITATION',
      requestId: request.id,
      titleId: `Permohonan ${request.trackingCode} selesai. Bagaimana pelayanan kami? Isi survei kepuasan (1 menit).`,
      titleEn: `Request ${request.trackingCode} is completed. How did we do? Answer the satisfaction survey (1 minute).`,
    },
  });
  return [{ accountId: request.citizenAccountId, notificationId: row.id }];
}
