import { describe, expect, it } from 'vitest';
import {
  checkSupport,
  hideSubmission,
  SUBMISSION_KINDS,
  SUBMISSION_MAX_LENGTH,
  submissionVisibility,
  validateSubmission,
  validateSubmissionTitle,
} from './submission.js';

describe('submissions', () => {
  it('has the two kinds and keeps the text unedited', () => {
    expect(SUBMISSION_KINDS).toEqual(['ASPIRATION', 'CRITIQUE']);
    const text = '  Mohon lampu jalan di Talawi diperbaiki!!  ';
    expect(validateSubmission({ kind: 'ASPIRATION', text })).toEqual({
      ok: true,
      value: { kind: 'ASPIRATION', text },
    });
  });

  it.each([
    [{ kind: 'COMPLAINT', text: 'x' }, 'SUBMISSION_KIND_INVALID'],
    [{ kind: 'CRITIQUE', text: '   ' }, 'SUBMISSION_TEXT_REQUIRED'],
    [{ kind: 'CRITIQUE', text: 'x'.repeat(SUBMISSION_MAX_LENGTH + 1) }, 'SUBMISSION_TEXT_TOO_LONG'],
  ])('%j → %s', (input, code) => {
    const r = validateSubmission(input);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });

  it('lets each citizen support once', () => {
    expect(checkSupport(['a', 'b'], 'c')).toEqual({ ok: true, value: { supporters: 3 } });
    const again = checkSupport(['a', 'b'], 'a');
    expect(again.ok ? null : again.error.code).toBe('SUBMISSION_ALREADY_SUPPORTED');
  });

  it('hides only with a reason, and shows the reason to the author and moderators', () => {
    for (const reason of [undefined, null, '', '  ']) {
      const r = hideSubmission(reason);
      expect(r.ok ? null : r.error.code).toBe('SUBMISSION_HIDE_REASON_REQUIRED');
    }
    const hidden = hideSubmission('Mengandung kata kasar');
    expect(hidden).toEqual({ ok: true, value: { hidden: true, reason: 'Mengandung kata kasar' } });
    const moderation = hidden.ok ? hidden.value : undefined;
    const s = { authorId: 'u1', ...(moderation ? { moderation } : {}) };
    expect(submissionVisibility(s, { userId: 'u1' })).toBe('HIDDEN_WITH_REASON');
    expect(submissionVisibility(s, { userId: 'mod', isModerator: true })).toBe('HIDDEN_WITH_REASON');
    expect(submissionVisibility(s, { userId: 'u2' })).toBe('HIDDEN_NOTICE');
    expect(submissionVisibility(s, {})).toBe('HIDDEN_NOTICE');
    expect(submissionVisibility({ authorId: 'u1' }, {})).toBe('FULL');
  });
});

describe('validateSubmissionTitle', () => {
  it('trims and accepts 5–150 characters', () => {
    expect(validateSubmissionTitle('  Lampu jalan  ')).toEqual({ ok: true, value: 'Lampu jalan' });
    expect(validateSubmissionTitle('x'.repeat(150)).ok).toBe(true);
  });
  it.each(['', '    ', 'abcd', 'x'.repeat(151)])('rejects %j', (title) => {
    const result = validateSubmissionTitle(title);
    expect(result.ok ? null : result.error.code).toBe('SUBMISSION_TITLE_INVALID');
  });
});
