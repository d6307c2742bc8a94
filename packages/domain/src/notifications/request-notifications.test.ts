import { describe, expect, it } from 'vitest';
import { indonesianCalendar2026 } from '../calendar/working-calendar.js';
import { NOTIFICATION_KINDS, notificationContent } from './catalogue.js';
import {
  deadlineReminder,
  digestDay,
  type RequestChange,
  requestChangeNotices,
} from './request-notifications.js';

const calendar = indonesianCalendar2026();
const base: RequestChange = {
  trackingCode: 'SWL-2026-000001',
  change: 'TRANSITION',
  fromState: 'SUBMITTED',
  toState: 'VERIFIED',
  actor: 'STAFF',
  actorStaffId: 'staff-a',
  publicNote: null,
  assigneeBefore: 'staff-a',
  assigneeAfter: 'staff-a',
  verificationDueOn: '2026-03-05',
  completionDueBefore: null,
  completionDueAfter: '2026-03-12',
};
const kinds = (change: Partial<RequestChange>) =>
  requestChangeNotices({ ...base, ...change }).map((n) => [
    n.event.kind,
    'citizen' in n.to ? 'citizen' : n.to.staffId,
  ]);

describe('requestChangeNotices', () => {
  it('tells the citizen the tracking code and the assignee their new request', () => {
    expect(
      kinds({
        change: 'SUBMITTED',
        fromState: null,
        toState: 'SUBMITTED',
        actor: 'CITIZEN',
        actorStaffId: null,
        assigneeBefore: null,
      }),
    ).toEqual([
      ['REQUEST_RECEIVED', 'citizen'],
      ['REQUEST_ASSIGNED', 'staff-a'],
    ]);
  });
  it('tells the citizen each step, with the reason when returned or rejected', () => {
    expect(kinds({})).toEqual([['REQUEST_VERIFIED', 'citizen']]);
    const returned = requestChangeNotices({
      ...base,
      toState: 'RETURNED_TO_CITIZEN',
      publicNote: 'KTP buram',
    });
    expect(returned[0]?.event).toMatchObject({ kind: 'REQUEST_RETURNED', reason: 'KTP buram' });
    expect(kinds({ toState: 'REJECTED', publicNote: 'x' })).toEqual([['REQUEST_REJECTED', 'citizen']]);
    expect(kinds({ toState: 'COMPLETED' })).toEqual([]); // the survey invitation says it
  });
  it('tells the assignee that the citizen sent the request back, and the citizen that the deadline moved', () => {
    expect(
      kinds({
        fromState: 'RETURNED_TO_CITIZEN',
        toState: 'SUBMITTED',
        actor: 'CITIZEN',
        actorStaffId: null,
        completionDueBefore: '2026-03-12',
        completionDueAfter: '2026-03-16',
      }),
    ).toEqual([
      ['REQUEST_RESUBMITTED', 'staff-a'],
      ['REQUEST_DEADLINE_MOVED', 'citizen'],
    ]);
  });
  it('tells the supervisor an escalation is theirs, but nobody about their own act', () => {
    expect(
      kinds({ toState: 'ESCALATED', actor: 'SYSTEM', actorStaffId: null, assigneeAfter: 'boss' }),
    ).toEqual([
      ['REQUEST_ESCALATED', 'citizen'],
      ['REQUEST_ESCALATED_TO_YOU', 'boss'],
    ]);
    expect(kinds({ change: 'REASSIGNED', actorStaffId: 'boss', assigneeAfter: 'boss' })).toEqual([]);
    expect(kinds({ change: 'REASSIGNED', actorStaffId: 'boss', assigneeAfter: 'staff-b' })).toEqual([
      ['REQUEST_ASSIGNED', 'staff-b'],
    ]);
  });

  it('tells the citizen of a transfer with its reason, and the new unit’s assignee their task', () => {
    const transfer = {
      change: 'TRANSFERRED' as const,
      actor: 'SUPERVISOR' as const,
      actorStaffId: 'boss',
      publicNote: 'Bukan wewenang kami.',
    };
    expect(kinds({ ...transfer, assigneeAfter: 'pupr-1' })).toEqual([
      ['REQUEST_TRANSFERRED', 'citizen'],
      ['REQUEST_ASSIGNED', 'pupr-1'],
    ]);
    const [notice] = requestChangeNotices({ ...base, ...transfer, assigneeAfter: 'pupr-1' });
    expect(notice && notificationContent(notice.event).body.id).toContain('Bukan wewenang kami.');
    // Nobody new to tell when the new unit has no staff to route to.
    expect(kinds({ ...transfer, assigneeAfter: null })).toEqual([['REQUEST_TRANSFERRED', 'citizen']]);
  });

  it('tells the assignee, not the citizen, that the reporter contested the outcome', () => {
    expect(
      kinds({
        change: 'REOPENED',
        actor: 'CITIZEN',
        actorStaffId: null,
        fromState: 'COMPLETED',
        toState: 'IN_PROGRESS',
        publicNote: 'Masih rusak.',
      }),
    ).toEqual([['REQUEST_REOPENED', 'staff-a']]);
  });
});

describe('deadlineReminder', () => {
  const open = {
    trackingCode: 'T',
    state: 'VERIFIED' as const,
    verified: true,
    verificationDueOn: '2026-03-02',
    completionDueOn: '2026-03-10',
  };
  it('is due one working day before, on the day, and after the deadline', () => {
    expect(deadlineReminder(open, '2026-03-06', calendar)).toBeNull();
    expect(deadlineReminder(open, '2026-03-09', calendar)?.kind).toBe('REQUEST_DUE_SOON');
    expect(deadlineReminder(open, '2026-03-10', calendar)?.kind).toBe('REQUEST_DUE_SOON');
    expect(deadlineReminder(open, '2026-03-11', calendar)).toMatchObject({
      kind: 'REQUEST_OVERDUE',
      deadline: '2026-03-10',
    });
    expect(deadlineReminder({ ...open, state: 'RETURNED_TO_CITIZEN' }, '2026-03-11', calendar)).toBeNull();
  });
});

describe('digestDay', () => {
  it('opens at 07:00 WIB on working days only', () => {
    expect(digestDay(new Date('2026-03-09T23:59:00Z'), calendar)).toBeNull(); // Tue 06:59 WIB
    expect(digestDay(new Date('2026-03-10T00:00:00Z'), calendar)).toBe('2026-03-10');
    expect(digestDay(new Date('2026-03-08T03:00:00Z'), calendar)).toBeNull(); // Sunday
  });
});

describe('notificationContent', () => {
  it('gives every request kind texts in both languages and a link', () => {
    const c = notificationContent({
      kind: 'REQUEST_RETURNED',
      trackingCode: 'SWL-2026-000001',
      reason: 'KTP buram',
    });
    expect(c.body.id).toContain('KTP buram');
    expect(c.body.en).toContain('What to fix: KTP buram');
    expect(c.linkPath).toBe('/permohonan/SWL-2026-000001');
    expect(NOTIFICATION_KINDS).toContain('SUPERVISOR_DIGEST');
  });

  it('counts every item of a digest that lists only some, and says how many more (issue 16 kind 8)', () => {
    const codes = Array.from({ length: 50 }, (_, i) => `SWL-2026-${String(i + 1).padStart(6, '0')}`);
    const c = notificationContent({
      kind: 'SUPERVISOR_DIGEST',
      day: '2026-03-10',
      overdue: codes,
      unanswered: ['Trotoar rusak'],
      overdueCount: 300,
      unansweredCount: 1,
    });
    expect(c.title.id).toBe('Ringkasan 2026-03-10: 300 permohonan terlambat, 1 usulan belum dijawab');
    expect(c.title.en).toBe('Digest 2026-03-10: 300 overdue requests, 1 unanswered submissions');
    expect(c.body.id).toContain('- SWL-2026-000050\n… dan 250 lainnya\nUsulan forum');
    expect(c.body.en).toContain('… and 250 more');
    expect(c.body.en).not.toContain('… and 0 more');
  });
});

describe('escalation ladder notices (issue 20)', () => {
  it('names the level the recipient holds, in both languages, and links the staff page', () => {
    const at = (level?: 'UNIT_SUPERVISOR' | 'AGENCY_HEAD' | 'COORDINATOR') =>
      notificationContent({ kind: 'REQUEST_ESCALATED_TO_YOU', trackingCode: 'SWL-2026-000009', level });
    expect(at().body).toEqual(at('UNIT_SUPERVISOR').body);
    expect(at('UNIT_SUPERVISOR').body.id).toBe(
      'Permohonan SWL-2026-000009 diteruskan kepada Anda sebagai atasan unit.',
    );
    expect(at('AGENCY_HEAD').body.id).toContain('sebagai kepala perangkat daerah.');
    expect(at('AGENCY_HEAD').body.en).toContain('as the head of the agency. It was not resolved');
    expect(at('COORDINATOR').body.id).toContain('sebagai koordinator pengaduan kota.');
    expect(at('COORDINATOR').body.en).toContain("as the city's complaint coordinator.");
    expect(at('COORDINATOR').linkPath).toBe('/staf/permohonan/SWL-2026-000009');
  });

  it('tells nobody of a priority change', () => {
    expect(kinds({ change: 'PRIORITY', actor: 'STAFF', assigneeAfter: 'staff-b' })).toEqual([]);
  });
});
