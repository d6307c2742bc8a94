// The services area tells the people of a request about its changes (issue 18): the event
// `services.request-changed` is recorded with the change and handled after commit; the domain
// decides who is told what (`requestChangeNotices`), each notice is written to the recipient's
// feed and queued as e-mail in the handler's transaction, and published live after commit. A
// reporter known only by a contact address (an anonymous complaint's, or one filed by an API key
// for a person without an account) is told by mail only, at that address while it is kept.

import {
  complaintAnswerWindowEnd,
  followerNotice,
  mergedNotice,
  type NotificationEvent,
  notificationContent,
  type ReporterReach,
  requestChangeNotices,
} from '@layanan/domain/notifications';
import { REPORTER_RESPONSE_DEFAULT_WORKING_DAYS } from '@layanan/domain/services';
import type { ComplaintPolicy } from '../../app/config.js';
import type { TransactionClient } from '../../platform/audited.js';
import { loadWorkingCalendar } from '../../platform/calendar.js';
import type { EventBus } from '../../platform/events.js';
import type { MailSettings } from '../../platform/mail/outbox.js';
import { queueMail } from '../../platform/mail/outbox.js';
import { anonymousContactMail, reporterContactMail } from '../../platform/mail/render.js';
import { notifyAccounts } from '../../platform/notify.js';

/** The accounts of staff members, by staff id (disabled accounts are left out). */
export async function staffAccounts(
  tx: TransactionClient,
  staffIds: readonly string[],
): Promise<Map<string, string>> {
  if (staffIds.length === 0) return new Map();
  const rows = await tx.account.findMany({
    where: { staffId: { in: [...staffIds] }, disabledAt: null },
    select: { id: true, staffId: true },
  });
  return new Map(rows.flatMap((r) => (r.staffId ? [[r.staffId, r.id] as const] : [])));
}

/**
 * `policy.answerWorkingDays`: a complaint's answer window (LAYANAN_COMPLAINT_ANSWER_DAYS), which
 * the notice of its completion, rejection or closing names; 10 working days when not given.
 */
export function onRequestChanged(
  bus: EventBus,
  mail: MailSettings,
  policy: Pick<ComplaintPolicy, 'answerWorkingDays'> = {
    answerWorkingDays: REPORTER_RESPONSE_DEFAULT_WORKING_DAYS,
  },
): void {
  bus.on('services.request-changed', async (tx, event) => {
    const actor = event.actorAccountId
      ? await tx.account.findUnique({ where: { id: event.actorAccountId }, select: { staffId: true } })
      : null;
    // The citizen is told only about requests attached to their account: one filed for them by
    // counter staff or an API key waits until they verify their e-mail address (issue 18).
    const attached = await tx.serviceRequest.findUnique({
      where: { id: event.requestId },
      select: {
        citizenAttachedAt: true,
        trackingCode: true,
        reporterPrivacy: true,
        anonymousContactEmail: true,
        anonymousContactLanguage: true,
        reporterContact: {
          select: { email: true, firstName: true, lastName: true, language: true, mailOff: true },
        },
      },
    });
    const contact = attached?.reporterContact;
    const reach: ReporterReach =
      attached?.reporterPrivacy === 'ANONYMOUS' ? 'ANONYMOUS' : contact ? 'CONTACT' : 'ACCOUNT';
    const { change } = event;
    // A decided complaint's notice names the last day of its answer window (the domain's rule).
    const decision =
      change.serviceKind === 'COMPLAINT' &&
      (change.change === 'CLOSED' || (change.change === 'TRANSITION' && change.fromState !== change.toState));
    const answerWindowEndsOn = decision
      ? complaintAnswerWindowEnd(
          { serviceKind: change.serviceKind, state: change.toState, decidedOn: event.decidedOn ?? null },
          await loadWorkingCalendar(tx),
          policy.answerWorkingDays,
        )
      : null;
    const notices = requestChangeNotices(
      { ...change, answerWindowEndsOn, actorStaffId: actor?.staffId ?? null },
      reach,
    );
    const staff = await staffAccounts(
      tx,
      notices.flatMap((n) => ('staffId' in n.to ? [n.to.staffId] : [])),
    );
    const citizen = attached?.citizenAttachedAt ? event.citizenAccountId : undefined;
    const written: { accountId: string; notificationId: string }[] = [];
    // A duplicate's reporter is told of the merge, with the original they now follow (issue 20).
    if (event.change.change === 'DUPLICATE') {
      const original = await tx.serviceRequest.findUnique({
        where: { id: event.requestId },
        select: { duplicateOf: { select: { trackingCode: true } } },
      });
      if (original?.duplicateOf && attached) {
        const notice = {
          to: { citizen: true as const },
          event: mergedNotice(
            attached.trackingCode,
            original.duplicateOf.trackingCode,
            event.change.publicNote ?? '',
          ) as NotificationEvent,
        };
        notices.push(notice);
      }
    }
    for (const notice of notices) {
      // An anonymous reporter is told only at the contact address they gave, if they kept it.
      if (!('staffId' in notice.to) && reach === 'ANONYMOUS') {
        if (!attached?.anonymousContactEmail) continue; // never given, or withdrawn: nobody
        await queueMail(
          tx,
          mail,
          anonymousContactMail(
            mail,
            attached.anonymousContactEmail,
            {
              id: event.requestId,
              trackingCode: attached.trackingCode,
              language: attached.anonymousContactLanguage === 'en' ? 'en' : 'id',
            },
            notificationContent(notice.event),
          ),
        );
        continue;
      }
      // A reporter without an account (issue 17) is told at their e-mail address, until they
      // unsubscribe; a phone-only reporter is told by nobody (no SMS notifications).
      if (!('staffId' in notice.to) && contact) {
        if (contact.email && !contact.mailOff)
          await queueMail(
            tx,
            mail,
            reporterContactMail(
              mail,
              contact.email,
              {
                id: event.requestId,
                trackingCode: attached.trackingCode,
                name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') || null,
                language: contact.language === 'en' ? 'en' : 'id',
              },
              notificationContent(notice.event),
            ),
          );
        continue;
      }
      const accountId = 'staffId' in notice.to ? staff.get(notice.to.staffId) : citizen;
      if (!accountId) continue;
      written.push(
        ...(await notifyAccounts(tx, mail, [accountId], notificationContent(notice.event), {
          requestId: event.requestId,
        })),
      );
    }
    // Followers are told of the complaint's public changes (issue 20); neither the reporter nor
    // the person who made the change is told twice.
    const news = followerNotice({ ...event.change, actorStaffId: actor?.staffId ?? null });
    if (news) {
      const followers = await tx.requestFollower.findMany({
        where: { requestId: event.requestId },
        select: { accountId: true, account: { select: { disabledAt: true } } },
      });
      const recipients = followers
        .filter((f) => f.account.disabledAt === null)
        .map((f) => f.accountId)
        .filter((id) => id !== event.citizenAccountId && id !== event.actorAccountId);
      if (recipients.length > 0)
        written.push(
          ...(await notifyAccounts(tx, mail, recipients, notificationContent(news), {
            requestId: event.requestId,
          })),
        );
    }
    return (pubsub) => {
      for (const { accountId, notificationId } of written) {
        pubsub.publish('notificationAdded', accountId, { notificationId });
      }
    };
  });
}
