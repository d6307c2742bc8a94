import { describe, expect, it } from 'vitest';
import { checkClaim, checkCorrection, checkReassignment, checkRequestNote } from './request-changes.js';
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

describe('checkRequestNote', () => {
  it('takes a note for the applicant, an internal one, or both, trimmed', () => {
    expect(checkRequestNote({ publicNote: '  Survei lokasi Kamis.  ' })).toEqual({
      ok: true,
      value: { publicNote: 'Survei lokasi Kamis.', internalNote: null },
    });
    expect(checkRequestNote({ internalNote: 'Cek IMB lama', publicNote: ' ' })).toEqual({
      ok: true,
      value: { publicNote: null, internalNote: 'Cek IMB lama' },
    });
  });

  it('refuses an empty note, a too long one and unsupported characters on the field concerned', () => {
    const codeOf = (r: ReturnType<typeof checkRequestNote>) =>
      r.ok ? 'ok' : `${r.error.field}:${r.error.code}`;
    expect(codeOf(checkRequestNote({ publicNote: ' ', internalNote: null }))).toBe('publicNote:REQUIRED');
    expect(codeOf(checkRequestNote({ internalNote: 'x'.repeat(MAX_REQUEST_TEXT + 1) }))).toBe(
      'internalNote:TOO_LONG',
    );
    expect(codeOf(checkRequestNote({ publicNote: 'a\u0001b' }))).toBe('publicNote:INVALID_CHARACTER');
  });
});

describe('checkClaim', () => {
  const staff = { id: 's1', active: true, unitId: 'u1' };
  const codeOf = (r: ReturnType<typeof checkClaim>) => (r.ok ? 'ok' : r.error.code);

  it('lets an active staff member of the unit take an open request that is not yet theirs', () => {
    expect(codeOf(checkClaim(staff, { state: 'SUBMITTED', unitId: 'u1', assigneeStaffId: 's2' }))).toBe('ok');
    expect(codeOf(checkClaim(staff, { state: 'ESCALATED', unitId: 'u1', assigneeStaffId: null }))).toBe('ok');
  });

  it('refuses a closed request, one already theirs, and staff of another unit or inactive', () => {
    expect(codeOf(checkClaim(staff, { state: 'COMPLETED', unitId: 'u1', assigneeStaffId: null }))).toBe(
      'REQUEST_ALREADY_CLOSED',
    );
    expect(codeOf(checkClaim(staff, { state: 'VERIFIED', unitId: 'u1', assigneeStaffId: 's1' }))).toBe(
      'REQUEST_ALREADY_ASSIGNED_TO_CALLER',
    );
    expect(codeOf(checkClaim(staff, { state: 'VERIFIED', unitId: 'u2', assigneeStaffId: null }))).toBe(
      'NOT_ALLOWED',
    );
    expect(
      codeOf(
        checkClaim({ ...staff, active: false }, { state: 'VERIFIED', unitId: 'u1', assigneeStaffId: null }),
      ),
    ).toBe('NOT_ALLOWED');
  });
});
