import { describe, expect, it } from 'vitest';
import {
  applyProgressUpdate,
  COMMITMENT_STATUSES,
  COMMITMENT_TRANSITIONS,
  type Commitment,
  checkCommitmentVersion,
  commitmentDoneOnTime,
  commitmentTransition,
  isCommitmentOverdue,
  OPEN_COMMITMENT_STATUSES,
  validateNewCommitment,
} from './commitment.js';

describe('commitmentTransition', () => {
  it.each(COMMITMENT_STATUSES.flatMap((from) => COMMITMENT_STATUSES.map((to) => [from, to] as const)))(
    '%s → %s',
    (from, to) => {
      const r = commitmentTransition(from, to, 'Anggaran dialihkan untuk penanganan bencana');
      const expected =
        from === 'DONE' || from === 'CANCELLED'
          ? 'COMMITMENT_CLOSED'
          : COMMITMENT_TRANSITIONS[from].includes(to)
            ? 'ok'
            : 'COMMITMENT_TRANSITION_NOT_ALLOWED';
      expect(r.ok ? 'ok' : r.error.code).toBe(expected);
    },
  );

  it('cancelling needs a reason', () => {
    const r = commitmentTransition('IN_PROGRESS', 'CANCELLED', ' ');
    expect(r.ok ? 'ok' : r.error.code).toBe('COMMITMENT_CANCEL_REASON_REQUIRED');
    expect(commitmentTransition('PLANNED', 'IN_PROGRESS').ok).toBe(true);
  });
});

describe('applyProgressUpdate', () => {
  const planned: Commitment = { status: 'PLANNED', progress: 0, dueDate: '2026-06-30' };
  const today = '2026-04-10';

  it('moves the status with the progress', () => {
    expect(
      applyProgressUpdate(
        planned,
        { progress: 30, note: 'Survei lokasi selesai', date: '2026-04-01' },
        { today },
      ),
    ).toEqual({
      ok: true,
      value: {
        status: 'IN_PROGRESS',
        progress: 30,
        lastUpdateOn: '2026-04-01',
        decreasedFrom: null,
        decreaseReason: null,
      },
    });
    const done = applyProgressUpdate(
      planned,
      { progress: 100, note: 'Lampu terpasang', date: today },
      { today },
    );
    expect(done.ok && done.value.status).toBe('DONE');
    const zero = applyProgressUpdate(
      planned,
      { progress: 0, note: 'Menunggu anggaran', date: today },
      { today },
    );
    expect(zero.ok && zero.value.status).toBe('PLANNED');
    const back = applyProgressUpdate(
      { status: 'IN_PROGRESS', progress: 60, dueDate: '2026-06-30', lastUpdateOn: '2026-04-01' },
      {
        progress: 40,
        note: 'Sebagian pekerjaan harus diulang',
        date: '2026-04-02',
        decreaseReason: '  Hasil uji beton tidak memenuhi syarat  ',
      },
      { today },
    );
    expect(back.ok && back.value).toEqual({
      status: 'IN_PROGRESS',
      progress: 40,
      lastUpdateOn: '2026-04-02',
      decreasedFrom: 60,
      decreaseReason: 'Hasil uji beton tidak memenuhi syarat',
    });
  });

  it.each([undefined, null, '', '   '])(
    'refuses a decrease without a public reason (%j)',
    (decreaseReason) => {
      const down = applyProgressUpdate(
        { status: 'IN_PROGRESS', progress: 50, dueDate: '2026-06-30' },
        { progress: 20, note: 'Dijadwal ulang', date: today, decreaseReason },
        { today },
      );
      expect(down).toMatchObject({
        ok: false,
        error: { code: 'COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED', details: { from: 50, to: 20 } },
      });
      // The same progress again needs no reason: nothing goes down.
      const same = applyProgressUpdate(
        { status: 'IN_PROGRESS', progress: 50, dueDate: '2026-06-30' },
        { progress: 50, note: 'Masih berjalan', date: today, decreaseReason },
        { today },
      );
      expect(same.ok).toBe(true);
    },
  );

  it('versions every update: the version seen, or a conflict', () => {
    expect(checkCommitmentVersion(3, 3)).toEqual({ ok: true, value: 4 });
    expect(checkCommitmentVersion(3, undefined)).toEqual({ ok: true, value: 4 });
    expect(checkCommitmentVersion(3, 2)).toMatchObject({
      ok: false,
      error: { code: 'COMMITMENT_VERSION_CONFLICT', details: { currentVersion: 3, expectedVersion: 2 } },
    });
  });

  it.each([
    [{ progress: -1 }, 'COMMITMENT_PROGRESS_INVALID'],
    [{ progress: 101 }, 'COMMITMENT_PROGRESS_INVALID'],
    [{ progress: 33.3 }, 'COMMITMENT_PROGRESS_INVALID'],
    [{ progress: Number.NaN }, 'COMMITMENT_PROGRESS_INVALID'],
    [{ note: '  ' }, 'COMMITMENT_UPDATE_NOTE_REQUIRED'],
    [{ date: '2026-04-11' }, 'COMMITMENT_UPDATE_DATE_INVALID'], // in the future
    [{ date: '2026-03-31' }, 'COMMITMENT_UPDATE_DATE_INVALID'], // before the previous update
    [{ date: '10-04-2026' }, 'COMMITMENT_UPDATE_DATE_INVALID'],
  ])('%j → %s', (patch, code) => {
    const c: Commitment = { ...planned, lastUpdateOn: '2026-04-01' };
    const r = applyProgressUpdate(c, { progress: 50, note: 'catatan', date: today, ...patch }, { today });
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });

  it('refuses updates to closed commitments', () => {
    for (const status of ['DONE', 'CANCELLED'] as const) {
      const r = applyProgressUpdate(
        { ...planned, status },
        { progress: 50, note: 'x', date: today },
        { today },
      );
      expect(r.ok ? 'ok' : r.error.code).toBe('COMMITMENT_CLOSED');
    }
  });
});

describe('overdue and on time', () => {
  it('is overdue after the due date unless done or cancelled', () => {
    const c = { status: 'IN_PROGRESS' as const, dueDate: '2026-06-30' };
    expect(isCommitmentOverdue(c, '2026-06-30')).toBe(false);
    expect(isCommitmentOverdue(c, '2026-07-01')).toBe(true);
    // The statuses that can be overdue, as SQL filters take them.
    expect(OPEN_COMMITMENT_STATUSES).toEqual(['PLANNED', 'IN_PROGRESS']);
    expect(isCommitmentOverdue({ ...c, status: 'DONE' }, '2026-07-01')).toBe(false);
    expect(isCommitmentOverdue({ ...c, status: 'CANCELLED' }, '2026-07-01')).toBe(false);
    // 30 June 17:00Z is 1 July in WIB
    expect(isCommitmentOverdue(c, new Date('2026-06-30T17:00:00Z'))).toBe(true);
    expect(isCommitmentOverdue(c, new Date('2026-06-30T16:59:00Z'))).toBe(false);
  });

  it('tells whether a commitment was done on time', () => {
    expect(commitmentDoneOnTime('2026-06-30', '2026-06-30')).toBe(true);
    expect(commitmentDoneOnTime('2026-06-30', '2026-07-01')).toBe(false);
  });
});

describe('validateNewCommitment', () => {
  const base = {
    submissionStatus: 'ACCEPTED',
    hasCommitment: false,
    description: '  Memasang lampu jalan  ',
    dueOn: '2026-12-01',
    today: '2026-11-27',
    owner: { active: true, unitId: 'u1' },
    unitId: 'u1',
  };
  it('accepts a well-formed commitment and trims the description', () => {
    expect(validateNewCommitment(base)).toEqual({
      ok: true,
      value: { description: 'Memasang lampu jalan', dueOn: '2026-12-01' },
    });
    expect(validateNewCommitment({ ...base, dueOn: '2026-11-27' }).ok).toBe(true);
  });
  it.each([
    [{ submissionStatus: 'UNDER_REVIEW' }, 'COMMITMENT_SUBMISSION_NOT_ACCEPTED'],
    [{ submissionStatus: 'REJECTED' }, 'COMMITMENT_SUBMISSION_NOT_ACCEPTED'],
    [{ hasCommitment: true }, 'COMMITMENT_ALREADY_EXISTS'],
    [{ description: '   ' }, 'COMMITMENT_DESCRIPTION_REQUIRED'],
    [{ description: 'x'.repeat(2001) }, 'COMMITMENT_DESCRIPTION_REQUIRED'],
    [{ dueOn: '2026-11-26' }, 'COMMITMENT_DUE_DATE_INVALID'],
    [{ dueOn: '2026-02-30' }, 'COMMITMENT_DUE_DATE_INVALID'],
    [{ owner: { active: false, unitId: 'u1' } }, 'COMMITMENT_OWNER_NOT_IN_UNIT'],
    [{ owner: { active: true, unitId: 'u2' } }, 'COMMITMENT_OWNER_NOT_IN_UNIT'],
  ])('rejects %j with %s', (change, code) => {
    const result = validateNewCommitment({ ...base, ...change });
    expect(result.ok ? null : result.error.code).toBe(code);
  });
});
