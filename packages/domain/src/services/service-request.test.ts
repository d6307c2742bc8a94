import { describe, expect, it } from 'vitest';
import { REQUEST_STATE_LABELS } from './messages.js';
import {
  allowedRequestTransitions,
  CLOCK_RUNNING_STATES,
  CLOSED_REQUEST_STATES,
  checkRequestVersion,
  isOpen,
  isOverdue,
  isTerminalRequestState,
  OPEN_REQUEST_STATES,
  open311Status,
  REQUEST_ACTORS,
  REQUEST_STATES,
  REQUEST_TRANSITIONS,
  type RequestActor,
  type RequestState,
  requestClock,
  requestDeadlineStatus,
  requestTransition,
} from './service-request.js';

const officer = { actor: 'STAFF' as const };

describe('requestTransition — the happy path', () => {
  it('submitted → verified → in progress → completed', () => {
    expect(requestTransition('SUBMITTED', 'VERIFIED', officer)).toEqual({
      ok: true,
      value: { from: 'SUBMITTED', to: 'VERIFIED', clock: 'RUNNING' },
    });
    expect(requestTransition('VERIFIED', 'IN_PROGRESS', officer).ok).toBe(true);
    expect(requestTransition('IN_PROGRESS', 'COMPLETED', officer)).toEqual({
      ok: true,
      value: { from: 'IN_PROGRESS', to: 'COMPLETED', clock: 'STOPPED' },
    });
  });

  it('returned to the citizen pauses the clock; resubmission restarts it', () => {
    const back = requestTransition('SUBMITTED', 'RETURNED_TO_CITIZEN', {
      actor: 'STAFF',
      reason: 'KK belum dilampirkan',
    });
    expect(back.ok && back.value.clock).toBe('PAUSED');
    const again = requestTransition('RETURNED_TO_CITIZEN', 'SUBMITTED', { actor: 'CITIZEN' });
    expect(again.ok && again.value.clock).toBe('RUNNING');
  });

  it('the system escalates a late request; staff then continue', () => {
    expect(requestTransition('VERIFIED', 'ESCALATED', { actor: 'SYSTEM' }).ok).toBe(true);
    expect(requestTransition('ESCALATED', 'IN_PROGRESS', { actor: 'SUPERVISOR' }).ok).toBe(true);
  });
});

describe('requestTransition — every pair of states', () => {
  const pairs = REQUEST_STATES.flatMap((from) => REQUEST_STATES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s is allowed exactly when listed, for exactly the listed actors', (from, to) => {
    const listed = REQUEST_TRANSITIONS[from][to];
    for (const actor of REQUEST_ACTORS) {
      const r = requestTransition(from, to, { actor, reason: 'alasan' });
      if (isTerminalRequestState(from)) {
        expect(r.ok ? 'ok' : r.error.code).toBe('REQUEST_ALREADY_CLOSED');
      } else if (!listed) {
        expect(r.ok ? 'ok' : r.error.code).toBe(
          to === 'WITHDRAWN' ? 'REQUEST_WITHDRAWAL_TOO_LATE' : 'REQUEST_TRANSITION_NOT_ALLOWED',
        );
      } else if (!listed.includes(actor)) {
        expect(r.ok ? 'ok' : r.error.code).toBe('REQUEST_ACTOR_NOT_ALLOWED');
      } else {
        expect(r.ok ? 'ok' : r.error.code).toBe('ok');
      }
    }
  });

  it('has the expected shape: terminal states lead nowhere, no self-loops, citizens withdraw only before work starts', () => {
    const beforeWork: readonly string[] = ['SUBMITTED', 'VERIFIED', 'RETURNED_TO_CITIZEN'];
    for (const s of REQUEST_STATES) {
      expect(REQUEST_TRANSITIONS[s][s]).toBeUndefined();
      if (isTerminalRequestState(s)) expect(allowedRequestTransitions(s)).toEqual([]);
      else expect(REQUEST_TRANSITIONS[s].WITHDRAWN).toEqual(beforeWork.includes(s) ? ['CITIZEN'] : undefined);
    }
    expect(allowedRequestTransitions('SUBMITTED', 'CITIZEN')).toEqual(['WITHDRAWN']);
    expect(allowedRequestTransitions('SUBMITTED', 'SYSTEM')).toEqual(['ESCALATED']);
    expect(allowedRequestTransitions('IN_PROGRESS', 'STAFF')).toEqual([
      'COMPLETED',
      'RETURNED_TO_CITIZEN',
      'REJECTED',
      'ESCALATED',
    ]);
  });
});

describe('requestTransition — rules', () => {
  it.each([
    ['SUBMITTED', 'COMPLETED', 'STAFF', 'REQUEST_TRANSITION_NOT_ALLOWED'], // cannot skip verification
    ['COMPLETED', 'IN_PROGRESS', 'SUPERVISOR', 'REQUEST_ALREADY_CLOSED'],
    ['WITHDRAWN', 'SUBMITTED', 'CITIZEN', 'REQUEST_ALREADY_CLOSED'],
    ['SUBMITTED', 'VERIFIED', 'CITIZEN', 'REQUEST_ACTOR_NOT_ALLOWED'],
    ['VERIFIED', 'WITHDRAWN', 'STAFF', 'REQUEST_ACTOR_NOT_ALLOWED'],
    ['IN_PROGRESS', 'WITHDRAWN', 'CITIZEN', 'REQUEST_WITHDRAWAL_TOO_LATE'],
    ['ESCALATED', 'WITHDRAWN', 'CITIZEN', 'REQUEST_WITHDRAWAL_TOO_LATE'],
    ['IN_PROGRESS', 'COMPLETED', 'SYSTEM', 'REQUEST_ACTOR_NOT_ALLOWED'],
  ] as const)('%s → %s by %s: %s', (from, to, actor, code) => {
    const r = requestTransition(from, to, { actor, reason: 'x' });
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });

  it('rejecting and returning need a reason', () => {
    for (const to of ['REJECTED', 'RETURNED_TO_CITIZEN'] as const) {
      for (const reason of [undefined, null, '', '   ']) {
        const r = requestTransition('VERIFIED', to, { actor: 'STAFF', reason });
        expect(r.ok ? 'ok' : r.error.code).toBe('REQUEST_REASON_REQUIRED');
      }
      expect(
        requestTransition('VERIFIED', to, { actor: 'STAFF', reason: 'Persyaratan tidak sesuai' }).ok,
      ).toBe(true);
    }
    expect(requestTransition('VERIFIED', 'WITHDRAWN', { actor: 'CITIZEN' }).ok).toBe(true); // reason optional
  });

  it('refuses unknown states and lists the allowed targets', () => {
    const r = requestTransition('SUBMITTED', 'ARCHIVED' as RequestState, officer);
    expect(r.ok ? 'ok' : r.error.code).toBe('REQUEST_TRANSITION_NOT_ALLOWED');
    const s = requestTransition('SUBMITTED', 'IN_PROGRESS', officer);
    expect(s.ok ? null : s.error.details?.allowed).toEqual([
      'VERIFIED',
      'RETURNED_TO_CITIZEN',
      'REJECTED',
      'ESCALATED',
      'WITHDRAWN',
    ]);
    expect(requestTransition('SUBMITTED', 'VERIFIED', { actor: 'ROBOT' as RequestActor }).ok).toBe(false);
  });
});

describe('clock, Open311 status, labels and versions', () => {
  it('maps states', () => {
    expect(REQUEST_STATES.map(requestClock)).toEqual([
      'RUNNING',
      'RUNNING',
      'RUNNING',
      'STOPPED',
      'PAUSED',
      'STOPPED',
      'RUNNING',
      'STOPPED',
      'STOPPED',
    ]);
    expect(open311Status('ESCALATED')).toBe('open');
    expect(open311Status('REJECTED')).toBe('closed');
    for (const s of REQUEST_STATES) expect(REQUEST_STATE_LABELS[s].id.length).toBeGreaterThan(0);
  });

  it('detects a stale version (two staff acting at once)', () => {
    expect(checkRequestVersion(3, 3)).toEqual({ ok: true, value: 4 });
    const r = checkRequestVersion(4, 3);
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'REQUEST_VERSION_CONFLICT',
      details: { currentVersion: 4, expectedVersion: 3 },
    });
  });
});

describe('requestDeadlineStatus', () => {
  const base = { verified: false, verificationDueOn: '2026-03-26', completionDueOn: null } as const;
  it('is in time on the deadline day and overdue the day after', () => {
    expect(requestDeadlineStatus({ ...base, state: 'SUBMITTED' }, '2026-03-26').verificationOverdue).toBe(
      false,
    );
    expect(requestDeadlineStatus({ ...base, state: 'SUBMITTED' }, '2026-03-27')).toEqual({
      verificationOverdue: true,
      completionOverdue: false,
      overdueDeadline: '2026-03-26',
    });
  });
  it('checks completion once verified, and nothing while paused or closed', () => {
    const verified = { ...base, verified: true, completionDueOn: '2026-04-10' };
    expect(requestDeadlineStatus({ ...verified, state: 'IN_PROGRESS' }, '2026-04-13').overdueDeadline).toBe(
      '2026-04-10',
    );
    expect(
      requestDeadlineStatus({ ...verified, state: 'RETURNED_TO_CITIZEN' }, '2026-04-13').overdueDeadline,
    ).toBeNull();
    expect(requestDeadlineStatus({ ...verified, state: 'COMPLETED' }, '2026-04-13').completionOverdue).toBe(
      false,
    );
  });
});

describe('open and overdue, defined once', () => {
  it('open means not completed, rejected, withdrawn or a duplicate; overdue needs a running clock', () => {
    expect(OPEN_REQUEST_STATES).toEqual([
      'SUBMITTED',
      'VERIFIED',
      'IN_PROGRESS',
      'RETURNED_TO_CITIZEN',
      'ESCALATED',
    ]);
    expect(CLOSED_REQUEST_STATES).toEqual(['COMPLETED', 'REJECTED', 'WITHDRAWN', 'DUPLICATE']);
    expect(CLOCK_RUNNING_STATES).toEqual(['SUBMITTED', 'VERIFIED', 'IN_PROGRESS', 'ESCALATED']);
    for (const s of REQUEST_STATES) expect(isOpen(s)).toBe(OPEN_REQUEST_STATES.includes(s));
  });

  it('isOverdue: past the verification deadline unverified, or past the completion deadline', () => {
    const r = {
      state: 'VERIFIED' as const,
      verified: true,
      verificationDueOn: '2026-06-03',
      completionDueOn: '2026-06-10',
    };
    expect(isOverdue(r, '2026-06-10')).toBe(false);
    expect(isOverdue(r, '2026-06-11')).toBe(true);
    expect(isOverdue({ ...r, verified: false, completionDueOn: null }, '2026-06-04')).toBe(true);
    expect(isOverdue({ ...r, state: 'RETURNED_TO_CITIZEN' }, '2026-06-11')).toBe(false);
    expect(isOverdue({ ...r, state: 'ESCALATED' }, '2026-06-11')).toBe(true);
  });
});
