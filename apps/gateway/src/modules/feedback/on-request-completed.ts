// The feedback area's reaction to a completed request (an event of the services area, handled
// after commit — platform/events.ts): the citizen is invited to the satisfaction survey
// (PermenPANRB 14/2017), once per request.
import type { EventBus } from '../../platform/events.js';
import type { MailSettings } from '../../platform/mail/outbox.js';
import { inviteToSurvey } from './invitation.js';

export function onRequestCompleted(bus: EventBus, mail: MailSettings): void {
  bus.on('services.request-completed', async (tx, event) => {
    // Not for a request filed for an account that has not verified its address yet (issue 18).
    const request = await tx.serviceRequest.findUnique({
      where: { id: event.requestId },
      select: { citizenAttachedAt: true },
    });
    if (!request?.citizenAttachedAt) return undefined;
    const written = await inviteToSurvey(tx, mail, {
      id: event.requestId,
      trackingCode: event.trackingCode,
      citizenAccountId: event.citizenAccountId,
    });
    return (pubsub) => {
      for (const { accountId, notificationId } of written) {
        pubsub.publish('notificationAdded', accountId, { notificationId });
      }
    };
  });
}
