// Issue 16 kind 9: every free-text reason and note has a maximum, counted as people count
// characters (textLength), and a text over it is a field error naming the field — never cut.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from './calendar/working-calendar.js';
import { applyImprovementActionUpdate } from './feedback/improvement-tracking.js';
import { answerTransition } from './forums/answer.js';
import { applyProgressUpdate, commitmentTransition } from './forums/commitment.js';
import { hideSubmission } from './forums/submission.js';
import { planRequestTransition } from './services/request-clock.js';
import { MAX_REQUEST_TEXT } from './services/request-submission.js';
import { checkVersionNote } from './services/service-version.js';
import { REASON_MAX, reasonProblem } from './text-limits.js';

const family = '👨‍👩‍👧‍👦'; // one character people see, 11 UTF-16 units
const fits = family.repeat(REASON_MAX);
const over = 'a'.repeat(REASON_MAX + 1);
const problem = (r: { ok: boolean; error?: unknown }) =>
  r.ok ? null : (r.error as { field?: string; code: string });

describe('reason and note maxima', () => {
  it('counts characters as people count them: 1000 ZWJ families fit, 1001 letters do not', () => {
    expect(REASON_MAX).toBe(1000);
    expect(reasonProblem('reason', fits)).toBeNull();
    expect(reasonProblem('reason', over)).toMatchObject({
      field: 'reason',
      code: 'TOO_LONG',
      details: { length: 1001, max: 1000 },
    });
    expect(reasonProblem('reason', 'ok\u0001')).toMatchObject({ code: 'INVALID_CHARACTER' });
    expect(reasonProblem('reason', '  ')).toBeNull();
  });

  it('bounds the hide reason, the public answer and the cancellation reason', () => {
    expect(hideSubmission(fits).ok).toBe(true);
    expect(problem(hideSubmission(over))).toMatchObject({ field: 'reason', code: 'TOO_LONG' });
    expect(answerTransition('UNDER_REVIEW', 'ACCEPTED', fits).ok).toBe(true);
    expect(problem(answerTransition('UNDER_REVIEW', 'ACCEPTED', over))).toMatchObject({
      field: 'reason',
      code: 'TOO_LONG',
    });
    expect(commitmentTransition('PLANNED', 'CANCELLED', fits).ok).toBe(true);
    expect(problem(commitmentTransition('PLANNED', 'CANCELLED', over))).toMatchObject({
      field: 'reason',
      code: 'TOO_LONG',
    });
  });

  it('bounds a progress note and a decrease reason, for commitments and improvement actions', () => {
    const commitment = { status: 'IN_PROGRESS', progress: 50, dueDate: '2026-06-30' } as const;
    const today = { today: '2026-04-10' };
    const update = { progress: 20, note: 'Jadwal bergeser', date: '2026-04-10', decreaseReason: 'Anggaran' };
    expect(applyProgressUpdate(commitment, { ...update, note: fits, decreaseReason: fits }, today).ok).toBe(
      true,
    );
    expect(problem(applyProgressUpdate(commitment, { ...update, note: over }, today))).toMatchObject({
      field: 'note',
      code: 'TOO_LONG',
    });
    expect(
      problem(applyProgressUpdate(commitment, { ...update, decreaseReason: over }, today)),
    ).toMatchObject({
      field: 'decreaseReason',
      code: 'TOO_LONG',
    });
    const action = { status: 'IN_PROGRESS', progress: 50, dueOn: '2026-06-30' } as const;
    expect(
      problem(applyImprovementActionUpdate(action, { ...update, decreaseReason: over }, today)),
    ).toMatchObject({
      field: 'decreaseReason',
      code: 'TOO_LONG',
    });
    expect(
      problem(
        applyImprovementActionUpdate(action, { status: 'CANCELLED', note: over, date: '2026-04-10' }, today),
      ),
    ).toMatchObject({ field: 'note', code: 'TOO_LONG' });
  });

  it('bounds the notes of a request transition (10 000) and a version note', () => {
    const wib = (day: string) => new Date(`${day}T10:00:00+07:00`);
    const base = {
      request: {
        state: 'SUBMITTED',
        version: 1,
        submittedAt: wib('2026-06-08'),
        verifiedAt: null,
        verificationDueOn: '2026-06-12',
        completionDueOn: null,
        completionDays: 5,
      },
      expectedVersion: 1,
      actor: 'STAFF',
      now: wib('2026-06-10'),
      calendar: createWorkingCalendar({ holidays: [] }),
      to: 'VERIFIED',
    } as const;
    expect(planRequestTransition({ ...base, publicNote: 'e\u0301'.repeat(MAX_REQUEST_TEXT) }).ok).toBe(true);
    expect(
      problem(planRequestTransition({ ...base, publicNote: 'a'.repeat(MAX_REQUEST_TEXT + 1) })),
    ).toMatchObject({
      field: 'publicNote',
      code: 'TOO_LONG',
    });
    expect(
      problem(planRequestTransition({ ...base, internalNote: 'a'.repeat(MAX_REQUEST_TEXT + 1) })),
    ).toMatchObject({ field: 'internalNote', code: 'TOO_LONG' });
    expect(checkVersionNote(fits).ok).toBe(true);
    expect(problem(checkVersionNote(over))).toMatchObject({ field: 'note', code: 'TOO_LONG' });
  });
});
