import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/working-calendar.js';
import { type ClockedRequest, planRequestTransition } from './request-clock.js';
import {
  requestTimeliness,
  servicePledgeText,
  standardTimeOf,
  standardTimeText,
  type TimedRequest,
} from './standard-time.js';

/** 10:00 WIB on a day. */
const wib = (day: string, time = '10:00') => new Date(`${day}T${time}:00+07:00`);

describe('standardTimeText', () => {
  it('says both parts, from filing and from the complete file, in both languages', () => {
    expect(standardTimeText(standardTimeOf({ completionDays: 5 }))).toEqual({
      id: 'Verifikasi paling lama 3 hari kerja sejak pengajuan; selesai paling lama 5 hari kerja sejak berkas lengkap (terverifikasi).',
      en: 'Verification within 3 working days of filing; completion within 5 working days of the file being complete (verified).',
    });
    expect(standardTimeText({ verificationDays: 1, completionDays: 1 }).en).toBe(
      'Verification within 1 working day of filing; completion within 1 working day of the file being complete (verified).',
    );
  });
  it('puts the same words in the pledge (maklumat)', () => {
    const time = standardTimeOf({ completionDays: 14 });
    const pledge = servicePledgeText('DPMPTSP', time);
    expect(pledge.id).toContain(standardTimeText(time).id);
    expect(pledge.en).toContain(standardTimeText(time).en);
    expect(pledge.id).toMatch(/^Dengan ini, DPMPTSP sanggup/);
  });
});

// Weekends only: Mon 2026-06-08 filed, verification due Thu 06-11.
const calendar = createWorkingCalendar({ holidays: [] });
const filed: ClockedRequest = {
  state: 'SUBMITTED',
  version: 1,
  submittedAt: wib('2026-06-08'),
  verifiedAt: null,
  verificationDueOn: '2026-06-11',
  completionDueOn: null,
  completionDays: 5,
};

/** The request the clock produces when verified on `verifyDay` and completed on `completeAt`. */
function lived(verifyDay: string, completeAt: Date): TimedRequest {
  const verified = planRequestTransition({
    request: filed,
    expectedVersion: 1,
    to: 'VERIFIED',
    actor: 'STAFF',
    now: wib(verifyDay),
    calendar,
  });
  if (!verified.ok) throw new Error('verify');
  const v = verified.value.changes;
  const inProgress: ClockedRequest = {
    ...filed,
    state: 'IN_PROGRESS',
    version: v.version,
    verifiedAt: v.verifiedAt ?? null,
    completionDueOn: v.completionDueOn ?? null,
  };
  const done = planRequestTransition({
    request: inProgress,
    expectedVersion: v.version,
    to: 'COMPLETED',
    actor: 'STAFF',
    now: completeAt,
    calendar,
  });
  if (!done.ok) throw new Error('complete');
  return {
    state: 'COMPLETED',
    verifiedAt: inProgress.verifiedAt,
    verificationDueOn: filed.verificationDueOn,
    completedAt: done.value.changes.completedAt ?? null,
    completionDueOn: done.value.changes.completionDueOn ?? null,
  };
}

describe('requestTimeliness', () => {
  it('counts completion from verification: verified on day 3, completed 5 working days later is on time', () => {
    // Verified Thu 06-11 (the verification deadline); completion due 5 working days later, Thu 06-18.
    const r = lived('2026-06-11', wib('2026-06-18', '16:00'));
    expect(r.completionDueOn).toBe('2026-06-18');
    expect(requestTimeliness(r, '2026-06-30')).toEqual({
      verificationOnTime: true,
      completionOnTime: true,
      onTime: true,
      completedWithinStandard: true,
      label: 'COMPLETED_ON_TIME',
    });
  });
  it('is late when verification was late, even if completion kept its own deadline', () => {
    // Verified Mon 06-15, after the 06-11 deadline; completed Fri 06-19, before its due 06-22.
    const r = lived('2026-06-15', wib('2026-06-19'));
    expect(r.completionDueOn).toBe('2026-06-22');
    expect(requestTimeliness(r, '2026-06-30')).toMatchObject({
      verificationOnTime: false,
      completionOnTime: true,
      onTime: false,
      completedWithinStandard: false,
      label: 'COMPLETED_LATE',
    });
  });
  it('reads completion in WIB: 00:30 WIB the day after the deadline is late (it is still the deadline day in UTC)', () => {
    const r = lived('2026-06-09', wib('2026-06-17', '00:30'));
    expect(r.completionDueOn).toBe('2026-06-16');
    expect(r.completedAt?.toISOString().slice(0, 10)).toBe('2026-06-16');
    expect(requestTimeliness(r, '2026-06-30').label).toBe('COMPLETED_LATE');
  });
  it('is on time past N working days from filing when within N of verification', () => {
    // Filed 06-08, verified 06-10; completed 06-17 = 7 working days after filing, 5 after verification.
    expect(requestTimeliness(lived('2026-06-10', wib('2026-06-17')), '2026-06-30').label).toBe(
      'COMPLETED_ON_TIME',
    );
  });
  it('marks an open request late once a deadline passed with the clock running, not while paused', () => {
    const open: TimedRequest = {
      state: 'SUBMITTED',
      verifiedAt: null,
      verificationDueOn: '2026-06-11',
      completedAt: null,
      completionDueOn: null,
    };
    expect(requestTimeliness(open, '2026-06-11').label).toBe('ON_TIME');
    expect(requestTimeliness(open, '2026-06-12').label).toBe('LATE');
    expect(requestTimeliness({ ...open, state: 'RETURNED_TO_CITIZEN' }, '2026-06-12').label).toBe('ON_TIME');
    // Verified late and still in progress: already late.
    const inProgress = { ...open, state: 'IN_PROGRESS', verifiedAt: wib('2026-06-12') } as const;
    expect(requestTimeliness({ ...inProgress, completionDueOn: '2026-06-19' }, '2026-06-15').label).toBe(
      'LATE',
    );
  });
});
