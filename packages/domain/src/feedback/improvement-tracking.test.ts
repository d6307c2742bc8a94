import { describe, expect, it } from 'vitest';
import {
  applyImprovementActionUpdate,
  competencyCodesOf,
  improvementOwnerProblem,
  isImprovementActionOverdue,
  skmCompetencyMapping,
} from './improvement-tracking.js';

const open = { status: 'OPEN', progress: 0, dueOn: '2026-06-30' } as const;
const today = { today: '2026-04-10' };
const failed = (r: ReturnType<typeof applyImprovementActionUpdate>) =>
  r.ok ? null : `${r.error.field}:${r.error.code}`;

describe('applyImprovementActionUpdate', () => {
  it('moves the status with the progress and dates the done day', () => {
    expect(
      applyImprovementActionUpdate(open, { progress: 50, note: 'Alur dipetakan', date: '2026-04-10' }, today),
    ).toEqual({
      ok: true,
      value: { status: 'IN_PROGRESS', progress: 50, doneOn: null, decreaseReason: null },
    });
    expect(
      applyImprovementActionUpdate(
        { ...open, status: 'IN_PROGRESS', progress: 50 },
        { progress: 100, note: 'SOP baru', date: '2026-04-09' },
        today,
      ),
    ).toEqual({
      ok: true,
      value: { status: 'DONE', progress: 100, doneOn: '2026-04-09', decreaseReason: null },
    });
    expect(
      applyImprovementActionUpdate(open, { progress: 0, note: 'Rapat', date: '2026-04-10' }, today),
    ).toEqual({
      ok: true,
      value: { status: 'OPEN', progress: 0, doneOn: null, decreaseReason: null },
    });
  });

  it('names the field of each problem', () => {
    const u = { progress: 10, note: 'x', date: '2026-04-10' };
    expect(failed(applyImprovementActionUpdate(open, { ...u, progress: 101 }, today))).toBe(
      'progress:COMMITMENT_PROGRESS_INVALID',
    );
    expect(failed(applyImprovementActionUpdate(open, { ...u, progress: null }, today))).toBe(
      'progress:COMMITMENT_PROGRESS_INVALID',
    );
    expect(failed(applyImprovementActionUpdate(open, { ...u, note: ' ' }, today))).toBe(
      'note:COMMITMENT_UPDATE_NOTE_REQUIRED',
    );
    expect(failed(applyImprovementActionUpdate(open, { ...u, date: '2026-04-11' }, today))).toBe(
      'date:COMMITMENT_UPDATE_DATE_INVALID',
    );
    expect(
      failed(
        applyImprovementActionUpdate(
          { ...open, lastUpdateOn: '2026-04-05' },
          { ...u, date: '2026-04-04' },
          today,
        ),
      ),
    ).toBe('date:COMMITMENT_UPDATE_DATE_INVALID');
    expect(failed(applyImprovementActionUpdate({ ...open, status: 'DONE' }, u, today))).toBe(
      'id:COMMITMENT_CLOSED',
    );
  });

  it('lowers progress only with a public reason, reported on decreaseReason', () => {
    const going = { ...open, status: 'IN_PROGRESS', progress: 50 } as const;
    expect(
      failed(applyImprovementActionUpdate(going, { progress: 20, note: 'Ulang', date: '2026-04-10' }, today)),
    ).toBe('decreaseReason:COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED');
    expect(
      applyImprovementActionUpdate(
        going,
        { progress: 20, note: 'Ulang', date: '2026-04-10', decreaseReason: 'Vendor mundur' },
        today,
      ),
    ).toEqual({
      ok: true,
      value: { status: 'IN_PROGRESS', progress: 20, doneOn: null, decreaseReason: 'Vendor mundur' },
    });
  });

  it('sets only CANCELLED directly, with a reason, and never on a closed action', () => {
    expect(
      applyImprovementActionUpdate(
        { ...open, progress: 30 },
        { status: 'CANCELLED', note: 'Digabung', date: '2026-04-10' },
        today,
      ),
    ).toEqual({ ok: true, value: { status: 'CANCELLED', progress: 30, doneOn: null, decreaseReason: null } });
    const u = { note: 'x', date: '2026-04-10' };
    expect(failed(applyImprovementActionUpdate(open, { ...u, status: 'DONE', progress: 100 }, today))).toBe(
      'status:NOT_ALLOWED',
    );
    expect(failed(applyImprovementActionUpdate(open, { ...u, status: 'CANCELLED', note: ' ' }, today))).toBe(
      'status:COMMITMENT_CANCEL_REASON_REQUIRED',
    );
    expect(
      failed(applyImprovementActionUpdate({ ...open, status: 'DONE' }, { ...u, status: 'CANCELLED' }, today)),
    ).toBe('status:COMMITMENT_CLOSED');
  });
});

describe('isImprovementActionOverdue', () => {
  it('is overdue after the due day unless closed', () => {
    expect(isImprovementActionOverdue(open, '2026-06-30')).toBe(false);
    expect(isImprovementActionOverdue(open, '2026-07-01')).toBe(true);
    expect(isImprovementActionOverdue({ ...open, status: 'DONE' }, '2026-07-01')).toBe(false);
    expect(isImprovementActionOverdue({ ...open, status: 'CANCELLED' }, '2026-07-01')).toBe(false);
  });
});

describe('improvementOwnerProblem', () => {
  it('accepts only active staff of the unit', () => {
    expect(improvementOwnerProblem({ active: true, unitId: 'u1' }, 'u1')).toBeNull();
    expect(improvementOwnerProblem({ active: false, unitId: 'u1' }, 'u1')?.code).toBe('NOT_ALLOWED');
    expect(improvementOwnerProblem({ active: true, unitId: 'u2' }, 'u1')?.field).toBe('ownerStaffId');
    expect(improvementOwnerProblem(null, 'u1')).not.toBeNull();
  });
});

describe('skmCompetencyMapping', () => {
  it('cleans the codes and names every unknown one by position', () => {
    expect(competencyCodesOf([' tik', 'TIK', 'pelayanan_publik'])).toEqual(['TIK', 'PELAYANAN_PUBLIK']);
    expect(skmCompetencyMapping(['tik', 'PELAYANAN_PUBLIK'], new Set(['TIK', 'PELAYANAN_PUBLIK']))).toEqual({
      ok: true,
      value: ['TIK', 'PELAYANAN_PUBLIK'],
    });
    const r = skmCompetencyMapping(['TIK', 'nope'], new Set(['TIK']));
    expect(r.ok ? [] : r.error.map((e) => [e.field, e.code, e.message.en])).toEqual([
      ['competencyCodes[1]', 'NOT_FOUND', 'Competency NOPE was not found'],
    ]);
  });
});
