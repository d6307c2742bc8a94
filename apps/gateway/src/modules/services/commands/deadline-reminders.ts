// Deadline reminders (issue 18): the assignee of an open request is told one working day before its
// current deadline (`REQUEST_DUE_SOON`) and once it has passed (`REQUEST_OVERDUE`), each once per
// request and deadline (the notification's unique once-key). Run by every gateway instance on the
// job tick: two runs at once write each reminder once (the key), and the query leaves out requests
// already reminded, paging on the request id, so no number of them can starve newer ones.
import { Prisma, type PrismaClient } from '@layanan/db';
import { addWorkingDays, jakartaDay } from '@layanan/domain/calendar';
import { deadlineReminder, notificationContent, notificationOnceKey } from '@layanan/domain/notifications';
import { CLOCK_RUNNING_STATES, type RequestState, type ServiceKind } from '@layanan/domain/services';
import type { LayananPubSub } from '../../../app/pubsub.js';
import { dayOf, loadWorkingCalendar } from '../../../platform/calendar.js';
import type { MailSettings } from '../../../platform/mail/outbox.js';
import { notifyAccounts, publishNotifications } from '../../../platform/notify.js';
import { staffAccounts } from '../on-request-changed.js';
import { statesSql } from '../queries/open-overdue.js';

type Candidate = {
  id: string;
  trackingCode: string;
  state: RequestState;
  verifiedAt: Date | null;
  verificationDueOn: Date;
  completionDueOn: Date | null;
  assigneeStaffId: string;
  /** The service's kind: words the reminder. */
  serviceKind: ServiceKind;
};

/** Sends the reminders due on `now`'s WIB day; returns `KIND:trackingCode` of each one written. */
export async function remindDeadlines(
  prisma: PrismaClient,
  mail: MailSettings,
  options: { now?: Date; pubsub?: LayananPubSub; batchSize?: number } = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  const today = jakartaDay(now);
  const calendar = await loadWorkingCalendar(prisma);
  const soon = addWorkingDays(today, 1, calendar);
  const batchSize = options.batchSize ?? 100;
  const reminded: string[] = [];
  let after: string | null = null;
  for (;;) {
    // The current deadline (verification until verified, then completion) is near or past, and
    // the reminder of its kind for that deadline was not written yet.
    const batch: Candidate[] = await prisma.$queryRaw<Candidate[]>`
      SELECT r.id, r."trackingCode", r.state, r."verifiedAt", r."verificationDueOn", r."completionDueOn",
             r."assigneeStaffId", r."serviceKind"
      FROM (SELECT s.*, CASE WHEN s."verifiedAt" IS NULL THEN s."verificationDueOn" ELSE s."completionDueOn" END AS due,
                   (SELECT v.kind::text FROM service v WHERE v.id = s."serviceId") AS "serviceKind"
            FROM service_request s) r
      WHERE r.state::text IN (${statesSql(CLOCK_RUNNING_STATES)})
        AND r."assigneeStaffId" IS NOT NULL AND r.due IS NOT NULL AND r.due <= ${soon}::date
        AND NOT EXISTS (SELECT 1 FROM notification n WHERE n."onceKey" =
              (CASE WHEN r.due < ${today}::date THEN 'REQUEST_OVERDUE' ELSE 'REQUEST_DUE_SOON' END)
              || ':' || r.id::text || ':' || to_char(r.due, 'YYYY-MM-DD'))
        ${after ? Prisma.sql`AND r.id > ${after}::uuid` : Prisma.empty}
      ORDER BY r.id
      LIMIT ${batchSize}`;
    if (batch.length === 0) return reminded;
    const accounts = await staffAccounts(
      prisma,
      batch.map((r) => r.assigneeStaffId),
    );
    for (const r of batch) {
      const event = deadlineReminder(
        {
          trackingCode: r.trackingCode,
          state: r.state,
          verified: r.verifiedAt !== null,
          verificationDueOn: dayOf(r.verificationDueOn),
          completionDueOn: r.completionDueOn ? dayOf(r.completionDueOn) : null,
          serviceKind: r.serviceKind,
        },
        today,
        calendar,
      );
      const accountId = accounts.get(r.assigneeStaffId);
      if (!event || !accountId) continue;
      const written = await prisma.$transaction((tx) =>
        notifyAccounts(tx, mail, [accountId], notificationContent(event), {
          requestId: r.id,
          onceKey: notificationOnceKey(event.kind, r.id, event.deadline),
        }),
      );
      if (options.pubsub) publishNotifications({ pubsub: options.pubsub }, written);
      if (written.length > 0) reminded.push(`${event.kind}:${r.trackingCode}`);
    }
    if (batch.length < batchSize) return reminded;
    after = batch.at(-1)?.id ?? null;
  }
}
