// The supervisors' digest (issue 18): at 07:00 WIB on working days each supervisor gets one
// notification listing their unit's overdue requests and its forum submissions still without a
// public answer — once per supervisor and day (the notification's unique once-key). Nothing is
// sent when there is nothing to list. Lives in the forums area because it reads both areas.
import type { PrismaClient } from '@layanan/db';
import { digestDay, notificationContent, notificationOnceKey } from '@layanan/domain/notifications';
import type { LayananPubSub } from '../../app/pubsub.js';
import { loadWorkingCalendar } from '../../platform/calendar.js';
import type { MailSettings } from '../../platform/mail/outbox.js';
import { notifyAccounts, publishNotifications } from '../../platform/notify.js';
import { overdueWhere } from '../services/queries/open-overdue.js';

/**
 * Items listed per section at most; the digest counts them all, says how many more there are
 * and links to the dashboard for the rest.
 */
export const LISTED = 50;

/** Sends the digests due at `now`; returns the ids of the supervisors who got one. */
export async function sendSupervisorDigests(
  prisma: PrismaClient,
  mail: MailSettings,
  options: { now?: Date; pubsub?: LayananPubSub } = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  const day = digestDay(now, await loadWorkingCalendar(prisma));
  if (!day) return [];
  const kind = 'SUPERVISOR_DIGEST';
  const supervisors = await prisma.account.findMany({
    where: { role: 'SUPERVISOR', disabledAt: null, staff: { active: true } },
    select: { id: true, staff: { select: { unitId: true } } },
    orderBy: { id: 'asc' },
  });
  const sent: string[] = [];
  for (const s of supervisors) {
    const unitId = s.staff?.unitId;
    const onceKey = notificationOnceKey(kind, s.id, day);
    if (!unitId || (await prisma.notification.findUnique({ where: { onceKey }, select: { id: true } })))
      continue;
    const overdue = await prisma.serviceRequest.findMany({
      where: { unitId, ...overdueWhere(day) },
      select: { trackingCode: true },
      orderBy: { submittedAt: 'asc' },
      take: LISTED,
    });
    const unanswered = await prisma.submission.findMany({
      where: { unitId, answeredAt: null, hiddenAt: null },
      select: { title: true },
      orderBy: { createdAt: 'asc' },
      take: LISTED,
    });
    if (overdue.length === 0 && unanswered.length === 0) continue;
    const [overdueCount, unansweredCount] = await Promise.all([
      overdue.length < LISTED
        ? overdue.length
        : prisma.serviceRequest.count({ where: { unitId, ...overdueWhere(day) } }),
      unanswered.length < LISTED
        ? unanswered.length
        : prisma.submission.count({ where: { unitId, answeredAt: null, hiddenAt: null } }),
    ]);
    const content = notificationContent({
      kind,
      day,
      overdue: overdue.map((r) => r.trackingCode),
      unanswered: unanswered.map((u) => u.title),
      overdueCount,
      unansweredCount,
    });
    const written = await prisma.$transaction((tx) => notifyAccounts(tx, mail, [s.id], content, { onceKey }));
    if (options.pubsub) publishNotifications({ pubsub: options.pubsub }, written);
    if (written.length > 0) sent.push(s.id);
  }
  return sent;
}
