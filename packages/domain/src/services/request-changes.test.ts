import { describe, expect, it } from 'vitest';
import { checkCorrection, checkReassignment } from './request-changes.js';
import { MAX_REQUEST_TEXT } from './request-submission.js';

describe('checkCorrection', () => {
  it('takes trimmed text on an open request', () => {
    expect(checkCorrection('IN_PROGRESS', '  Luas 14 m2 ')).toEqual({ ok: true, value: 'Luas 14 m2' });
  });
  it('needs text within the limit', () => {
    expect(checkCorrection('SUBMITTED', ' ')).toMatchObject({
      ok: false,
      error: { field: 'text', code: 'REQUIRED' },
    });
    expect(checkCorrection('SUBMITTED', 'x'.repeat(MAX_REQUEST_TEXT + 1))).toMatchObject({
      ok: false,
      error: { field: 'text', code: 'TOO_LONG' },
    });
  });
  it('refuses a closed request', () => {
    expect(checkCorrection('COMPLETED', 'late')).toMatchObject({
      ok: false,
      error: { code: 'REQUEST_ALREADY_CLOSED', details: { from: 'COMPLETED', to: 'COMPLETED' } },
    });
  });
});

describe('checkReassignment', () => {
  it('accepts only active staff of the request’s unit', () => {
    expect(checkReassignment({ active: true, unitId: 'u-1' }, 'u-1').ok).toBe(true);
    for (const staff of [null, { active: false, unitId: 'u-1' }, { active: true, unitId: 'u-2' }])
      expect(checkReassignment(staff, 'u-1')).toMatchObject({
        ok: false,
        error: { field: 'staffId', code: 'NOT_ALLOWED' },
      });
  });
});
