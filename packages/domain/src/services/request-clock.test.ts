import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/working-calendar.js';
import {
  AUTO_ESCALATION_STATES,
  type ClockedRequest,
  escalationDue,
  planRequestTransition,
  type TransitionPlanInput,
} from './request-clock.js';

// Weekends only, plus one holiday on Thursday 2026-06-11.
const calendar = createWorkingCalendar({
  holidays: [{ date: '2026-06-11', name: 'Libur', kind: 'LOCAL' }],
});
/** 10:00 WIB on a June 2026 day. */
const wib = (day: string) => new Date(`${day}T10:00:00+07:00`);

const submitted: ClockedRequest = {
  state: 'SUBMITTED',
  version: 1,
  submittedAt: wib('2026-06-08'), // Monday
  verifiedAt: null,
  verificationDueOn: '2026-06-12',
  completionDueOn: null,
  completionDays: 5,
};

/** The request after verification on Tuesday 2026-06-09, due on 2026-06-17, now in `state`. */
const verifiedIn = (state: ClockedRequest['state']): ClockedRequest => ({
  ...submitted,
  state,
  verifiedAt: wib('2026-06-09'),
  completionDueOn: '2026-06-17',
});

const plan = (over: Partial<TransitionPlanInput> & Pick<TransitionPlanInput, 'to'>) =>
  planRequestTransition({
    request: submitted,
    expectedVersion: submitted.version,
    actor: 'STAFF',
    now: wib('2026-06-10'),
    calendar,
    ...over,
  });

describe('planRequestTransition', () => {
  it('stamps verification and sets the completion deadline in working days', () => {
    const r = plan({ to: 'VERIFIED' });
    expect(r).toEqual({
      ok: true,
      value: {
        from: 'SUBMITTED',
        to: 'VERIFIED',
        clock: 'RUNNING',
        publicNote: null,
        internalNote: null,
        escalatedTo: null,
        changes: {
          state: 'VERIFIED',
          version: 2,
          verifiedAt: wib('2026-06-10'),
          verifyWorkingDays: 2,
          // Wed + 5 working days, skipping the Thursday holiday and the weekend.
          completionDueOn: '2026-06-18',
        },
      },
    });
  });

  it('keeps a completion deadline already set and does not stamp verification twice', () => {
    const verified = verifiedIn('VERIFIED');
    const r = plan({ request: verified, to: 'IN_PROGRESS' });
    expect(r.ok && r.value.changes).toEqual({
      state: 'IN_PROGRESS',
      version: 2,
      completionDueOn: '2026-06-17',
    });
  });

  it('completes: completion, closing and the working days from submission', () => {
    const inProgress = verifiedIn('IN_PROGRESS');
    const r = plan({ request: inProgress, to: 'COMPLETED', now: wib('2026-06-15') });
    expect(r.ok && r.value.changes).toEqual({
      state: 'COMPLETED',
      version: 2,
      completionDueOn: '2026-06-17',
      completedAt: wib('2026-06-15'),
      closedAt: wib('2026-06-15'),
      completeWorkingDays: 4, // Tue, Wed, Fri, Mon
    });
  });

  it('closes a rejected request and requires its public reason', () => {
    expect(plan({ to: 'REJECTED' })).toMatchObject({ ok: false, error: { code: 'REQUEST_REASON_REQUIRED' } });
    const r = plan({ to: 'REJECTED', publicNote: '  Bukan wewenang kami  ', internalNote: ' ' });
    expect(r.ok && r.value).toMatchObject({
      publicNote: 'Bukan wewenang kami',
      internalNote: null,
      changes: { state: 'REJECTED', closedAt: wib('2026-06-10') },
    });
  });

  it('moves the completion deadline by the working days the request waited on the citizen', () => {
    const returned = verifiedIn('RETURNED_TO_CITIZEN');
    // Returned on Tuesday 9, back on Monday 15: Wed, Fri, Mon = 3 working days paused.
    const r = plan({
      request: returned,
      to: 'SUBMITTED',
      actor: 'CITIZEN',
      now: wib('2026-06-15'),
      returnedOn: '2026-06-09',
    });
    expect(r.ok && r.value.changes).toEqual({
      state: 'SUBMITTED',
      version: 2,
      verificationDueOn: '2026-06-18',
      completionDueOn: '2026-06-22',
    });
    // Without a completion deadline only verification restarts.
    const unverified = { ...returned, verifiedAt: null, completionDueOn: null };
    const r2 = plan({
      request: unverified,
      to: 'SUBMITTED',
      actor: 'CITIZEN',
      now: wib('2026-06-15'),
      returnedOn: '2026-06-09',
    });
    expect(r2.ok && r2.value.changes).toEqual({
      state: 'SUBMITTED',
      version: 2,
      verificationDueOn: '2026-06-18',
    });
  });

  it('escalates to the supervisor and records the deadline escalated for', () => {
    const r = plan({ to: 'ESCALATED', actor: 'SYSTEM', supervisorStaffId: 'sup-1' });
    expect(r.ok && r.value).toMatchObject({
      escalatedTo: 'sup-1',
      changes: { state: 'ESCALATED', assigneeStaffId: 'sup-1', escalatedDueOn: '2026-06-12' },
    });
    const verified = verifiedIn('IN_PROGRESS');
    const r2 = plan({ request: verified, to: 'ESCALATED', actor: 'SYSTEM', supervisorStaffId: null });
    expect(r2.ok && r2.value).toMatchObject({ escalatedTo: null, changes: { escalatedDueOn: '2026-06-17' } });
    expect(r2.ok && 'assigneeStaffId' in r2.value.changes).toBe(false);
  });

  it('refuses a stale version, a closed request and a forbidden actor', () => {
    expect(plan({ to: 'VERIFIED', expectedVersion: 0 })).toMatchObject({
      ok: false,
      error: { code: 'REQUEST_VERSION_CONFLICT' },
    });
    const done = { ...submitted, state: 'COMPLETED' as const };
    expect(plan({ request: done, to: 'VERIFIED' })).toMatchObject({
      ok: false,
      error: { code: 'REQUEST_ALREADY_CLOSED' },
    });
    expect(plan({ to: 'VERIFIED', actor: 'CITIZEN' })).toMatchObject({
      ok: false,
      error: { code: 'REQUEST_ACTOR_NOT_ALLOWED', details: { from: 'SUBMITTED', to: 'VERIFIED' } },
    });
  });
});

describe('escalationDue', () => {
  const request = {
    state: 'SUBMITTED' as const,
    verified: false,
    verificationDueOn: '2026-06-12',
    completionDueOn: null,
    escalatedDueOn: null,
  };

  it('is due the day after a missed deadline, with the trail notes', () => {
    expect(escalationDue(request, '2026-06-12')).toBeNull();
    expect(escalationDue(request, '2026-06-13')).toEqual({
      deadline: '2026-06-12',
      publicNote:
        'Batas waktu terlampaui; diteruskan ke atasan. / The deadline passed; escalated to the supervisor.',
      internalNote: 'Eskalasi otomatis, tenggat 2026-06-12 / automatic escalation, deadline 2026-06-12',
    });
  });

  it('escalates each deadline once', () => {
    expect(escalationDue({ ...request, escalatedDueOn: '2026-06-12' }, '2026-06-20')).toBeNull();
    // Verified later but the completion deadline passed too: a new deadline, a new escalation.
    const late = {
      ...request,
      state: 'IN_PROGRESS' as const,
      verified: true,
      completionDueOn: '2026-06-18',
      escalatedDueOn: '2026-06-12',
    };
    expect(escalationDue(late, '2026-06-20')?.deadline).toBe('2026-06-18');
  });

  it('leaves escalated, paused and closed requests alone', () => {
    expect(AUTO_ESCALATION_STATES).toEqual(['SUBMITTED', 'VERIFIED', 'IN_PROGRESS']);
    for (const state of ['ESCALATED', 'RETURNED_TO_CITIZEN', 'COMPLETED'] as const)
      expect(escalationDue({ ...request, state }, '2026-06-20')).toBeNull();
  });
});
