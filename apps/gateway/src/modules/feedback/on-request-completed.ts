// The feedback area's reaction to a completed request (an event of the services area, handled
// after commit — platform/events.ts): the citizen is invited to the satisfaction survey
// (PermenPANRB 14/2017), once per request. A completed complaint's invitation also names the last
// day of the reporter's answer window (`policy.answerWorkingDays`, 10 working days if absent).
import { jakartaDay } from '@layanan/domain/calendar';
import { complaintAnswerWindowEnd } from '@layanan/domain/notifications';
import type { ComplaintPolicy } from '../../app/config.js';
import { loadWorkingCalendar } from '../../platform/calendar.js';
import type { EventBus } from '../../platform/events.js';
import type { MailSettings } from '../../platform/mail/outbox.js';
import { inviteToSurvey } from './invitation.js';

export function onRequestCompleted(
  bus: EventBus,
  mail: MailSettings,
  policy?: Pick<ComplaintPolicy, 'answerWorkingDays'>,
): void {
  bus.on('services.request-completed', async (tx, event) => {
    // Not for a request filed for an account that has not verified its address yet (issue 18),
    // nor for a reporter known only by a contact address (told by the services area's notice).
    const request = await tx.serviceRequest.findUnique({
      where: { id: event.requestId },
      select: { citizenAttachedAt: true, service: { select: { kind: true } } },
    });
    if (!request?.citizenAttachedAt) return undefined;
    const serviceKind = request.service.kind;
    const answerWindowEndsOn =
      serviceKind === 'COMPLAINT'
        ? complaintAnswerWindowEnd(
            { serviceKind, state: 'COMPLETED', decidedOn: jakartaDay(new Date(event.completedAt)) },
            await loadWorkingCalendar(tx),
            policy?.answerWorkingDays,
          )
        : null;
    const written = await inviteToSurvey(tx, mail, {
      id: event.requestId,
      trackingCode: event.trackingCode,
      citizenAccountId: event.citizenAccountId,
      serviceKind,
      answerWindowEndsOn,
    });
    return (pubsub) => {
      for (const { accountId, notificationId } of written) {
        pubsub.publish('notificationAdded', accountId, { notificationId });
      }
    };
  });
}
