import { describe, expect, it } from 'vitest';
import {
  checkNotOwnPosition,
  checkNotSelf,
  newTrainingStatus,
  reviewTrainingRecord,
  TRAINING_REVIEW_REASON_MAX,
} from './four-eyes.js';

describe('four eyes on the staff register', () => {
  it('refuses a change to one’s own record with STAFF_SELF_CHANGE, in both languages', () => {
    const r = checkNotSelf({ staffId: 'hendra' }, 'hendra');
    expect(r).toMatchObject({ ok: false, error: { code: 'STAFF_SELF_CHANGE' } });
    if (!r.ok) expect(r.error.message.id).toMatch(/sendiri/);
    if (!r.ok) expect(r.error.message.en).toMatch(/own/);
  });

  it('lets a second person, an admin without a staff record or an API key change it', () => {
    expect(checkNotSelf({ staffId: 'hendra' }, 'yulia').ok).toBe(true);
    expect(checkNotSelf({ staffId: null }, 'yulia').ok).toBe(true);
  });

  it('refuses editing the requirements of the position one holds', () => {
    expect(checkNotOwnPosition({ staffId: 'a', positionId: 'p1' }, 'p1')).toMatchObject({
      ok: false,
      error: { code: 'STAFF_OWN_POSITION_REQUIREMENTS' },
    });
    expect(checkNotOwnPosition({ staffId: 'a', positionId: 'p1' }, 'p2').ok).toBe(true);
    expect(checkNotOwnPosition({ staffId: 'a', positionId: null }, 'p2').ok).toBe(true);
    expect(checkNotOwnPosition({ staffId: null }, null).ok).toBe(true);
  });
});

describe('training review', () => {
  it('a self-recorded training waits; one recorded by a second person counts at once', () => {
    expect(newTrainingStatus({ staffId: 'yulia' }, 'yulia')).toBe('PENDING');
    expect(newTrainingStatus({ staffId: 'hendra' }, 'yulia')).toBe('CONFIRMED');
    expect(newTrainingStatus({ staffId: null }, 'yulia')).toBe('CONFIRMED');
  });

  const base = {
    actor: { staffId: 'hendra' },
    staffId: 'yulia',
    current: 'PENDING',
    decision: 'CONFIRMED',
    reason: ' sertifikat dilihat ',
  } as const;

  it('confirms or rejects a pending entry with a trimmed reason', () => {
    expect(reviewTrainingRecord(base)).toEqual({
      ok: true,
      value: { status: 'CONFIRMED', reason: 'sertifikat dilihat' },
    });
    expect(reviewTrainingRecord({ ...base, decision: 'REJECTED' })).toMatchObject({
      ok: true,
      value: { status: 'REJECTED' },
    });
  });

  it.each([
    [{ actor: { staffId: 'yulia' } }, 'STAFF_SELF_CHANGE'],
    [{ current: 'CONFIRMED' }, 'TRAINING_ALREADY_REVIEWED'],
    [{ current: 'REJECTED' }, 'TRAINING_ALREADY_REVIEWED'],
    [{ reason: '  ' }, 'TRAINING_REVIEW_REASON_REQUIRED'],
    [{ reason: null }, 'TRAINING_REVIEW_REASON_REQUIRED'],
  ] as const)('refuses %j with %s', (change, code) => {
    expect(reviewTrainingRecord({ ...base, ...change })).toMatchObject({ ok: false, error: { code } });
  });

  it('bounds the reason at 1000 characters as people count them, with a field error', () => {
    const family = '👨‍👩‍👧‍👦'; // one character, 11 UTF-16 units
    expect(TRAINING_REVIEW_REASON_MAX).toBe(1000);
    expect(reviewTrainingRecord({ ...base, reason: family.repeat(1000) })).toMatchObject({
      ok: true,
      value: { reason: family.repeat(1000) },
    });
    expect(reviewTrainingRecord({ ...base, reason: 'a'.repeat(1001) })).toMatchObject({
      ok: false,
      error: { field: 'reason', code: 'TOO_LONG', details: { length: 1001, max: 1000 } },
    });
    expect(reviewTrainingRecord({ ...base, reason: 'dilihat\u0001' })).toMatchObject({
      ok: false,
      error: { field: 'reason', code: 'INVALID_CHARACTER' },
    });
  });
});
