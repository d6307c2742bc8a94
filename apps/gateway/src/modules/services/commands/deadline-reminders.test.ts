// Issue 18: deadline reminders to the assignee and the supervisors' 07:00 WIB digest, each once.
import { testDatabaseKinds } from '@layanan/db/testing';
import { addCalendarDays, addWorkingDays, jakartaDayStart } from '@layanan/domain/calendar';
import { describe, expect, it } from 'vitest';
import { mailSettings } from '../../../app/mail-config.js';
import { loadWorkingCalendar } from '../../../platform/calendar.js';
import { ACCOUNTS } from '../../../testing/accounts.js';
import { PBG_REQUEST, submittedRequest } from '../../../testing/requests.js';
import { useHarness } from '../../../testing/use-harness.js';
import { sendSupervisorDigests } from '../../forums/supervisor-digest.js';
import { remindDeadlines } from './deadline-reminders.js';

const at = (day: string, hourWib: number) => new Date(jakartaDayStart(day).getTime() + hourWib * 3_600_000);

describe.each(testDatabaseKinds())('deadline reminders and digest on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga'] });

  it('reminds the assignee a working day before and after the deadline, once each; digests once a day', async () => {
    const mail = mailSettings(h.config);
    // The gateway's own calendar: today's deadlines may reach next year's (provisional) holidays.
    const calendar = await loadWorkingCalendar(h.db.prisma);
    const yulia = await h.db.prisma.account.findUniqueOrThrow({ where: { email: ACCOUNTS.yulia } });
    const hendra = await h.db.prisma.account.findUniqueOrThrow({ where: { email: ACCOUNTS.hendra } });
    const { trackingCode } = await submittedRequest(h, PBG_REQUEST, t.warga);
    const row = await h.db.prisma.serviceRequest.update({
      where: { trackingCode },
      data: { assigneeStaffId: yulia.staffId },
    });
    const due = row.verificationDueOn.toISOString().slice(0, 10);
    const dayBefore = [1, 2, 3, 4, 5]
      .map((n) => addCalendarDays(due, -n))
      .find((d) => addWorkingDays(d, 1, calendar) === due) as string;
    const after = addWorkingDays(due, 1, calendar);

    expect(await remindDeadlines(h.db.prisma, mail, { now: at(dayBefore, 9), batchSize: 1 })).toContain(
      `REQUEST_DUE_SOON:${trackingCode}`,
    );
    expect(await remindDeadlines(h.db.prisma, mail, { now: at(due, 9) })).toEqual([]);
    expect(await remindDeadlines(h.db.prisma, mail, { now: at(after, 9) })).toContain(
      `REQUEST_OVERDUE:${trackingCode}`,
    );
    expect(await remindDeadlines(h.db.prisma, mail, { now: at(after, 10) })).toEqual([]);
    const reminders = await h.db.prisma.notification.findMany({
      where: {
        accountId: yulia.id,
        request: { trackingCode },
        kind: { in: ['REQUEST_DUE_SOON', 'REQUEST_OVERDUE'] },
      },
      select: { kind: true, linkPath: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(reminders.map((r) => r.kind)).toEqual(
      ['REQUEST_ASSIGNED', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE'].slice(1),
    );
    expect(
      await h.db.prisma.mailMessage.count({
        where: { toAddress: ACCOUNTS.yulia, purpose: { startsWith: 'notification:REQUEST_' } },
      }),
    ).toBeGreaterThanOrEqual(2);

    // The digest: not before 07:00 WIB, then once for the day, listing the overdue request.
    expect(await sendSupervisorDigests(h.db.prisma, mail, { now: at(after, 6.99) })).toEqual([]);
    expect(await sendSupervisorDigests(h.db.prisma, mail, { now: at(after, 7) })).toContain(hendra.id);
    expect(await sendSupervisorDigests(h.db.prisma, mail, { now: at(after, 8) })).toEqual([]);
    const digest = await h.db.prisma.notification.findFirstOrThrow({
      where: { accountId: hendra.id, kind: 'SUPERVISOR_DIGEST' },
    });
    expect(digest.linkPath).toBe('/staf');
    const digestMail = await h.db.prisma.mailMessage.findFirstOrThrow({
      where: { toAddress: ACCOUNTS.hendra, purpose: 'notification:SUPERVISOR_DIGEST' },
    });
    expect(digestMail.textBody).toContain(trackingCode);
  });

  it('reminds a request behind more skipped candidates than one batch (issue 16 kind 6)', async () => {
    const mail = mailSettings(h.config);
    const calendar = await loadWorkingCalendar(h.db.prisma);
    const yulia = await h.db.prisma.account.findUniqueOrThrow({ where: { email: ACCOUNTS.yulia } });
    // Staff without an account: their requests are candidates the job reads and must pass over.
    const unreachable = await h.db.prisma.staff.findMany({ where: { account: null }, take: 2 });
    expect(unreachable).toHaveLength(2);
    const filed = [];
    for (let i = 0; i < 5; i++) filed.push(await submittedRequest(h, PBG_REQUEST, t.warga));
    const rows = await h.db.prisma.serviceRequest.findMany({
      where: { trackingCode: { in: filed.map((r) => r.trackingCode) } },
      orderBy: { id: 'asc' },
    });
    // The job pages by id: every other request sorts before the one that must be reminded.
    const target = rows.at(-1) as (typeof rows)[number];
    const ahead = rows.slice(0, -1);
    const due = target.verificationDueOn.toISOString().slice(0, 10);
    const dayBefore = [1, 2, 3, 4, 5]
      .map((n) => addCalendarDays(due, -n))
      .find((d) => addWorkingDays(d, 1, calendar) === due) as string;
    // Two already reminded for this deadline (left out by the query) …
    for (const [i, r] of rows.entries()) {
      await h.db.prisma.serviceRequest.update({
        where: { id: r.id },
        data: { assigneeStaffId: i < 2 ? yulia.staffId : null },
      });
    }
    await remindDeadlines(h.db.prisma, mail, { now: at(dayBefore, 9) });
    // … and two whose assignee has no account (read, then passed over).
    for (const [i, r] of ahead.slice(2).entries()) {
      await h.db.prisma.serviceRequest.update({
        where: { id: r.id },
        data: { assigneeStaffId: unreachable[i]?.id ?? null },
      });
    }
    await h.db.prisma.serviceRequest.update({
      where: { id: target.id },
      data: { assigneeStaffId: yulia.staffId },
    });

    const reminded = await remindDeadlines(h.db.prisma, mail, { now: at(dayBefore, 10), batchSize: 1 });
    expect(reminded).toContain(`REQUEST_DUE_SOON:${target.trackingCode}`);
    expect(reminded.filter((r) => ahead.some((a) => r.endsWith(a.trackingCode)))).toEqual([]);
  });
});
