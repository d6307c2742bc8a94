import { describe, expect, it } from 'vitest';
import { indonesianCalendar2026 } from '../calendar/working-calendar.js';
import {
  ANSWER_STATUSES,
  answerDueDate,
  answeredOnTime,
  answerTransition,
  DEFAULT_ANSWER_DEADLINE_WORKING_DAYS,
  isAnswerOverdue,
} from './answer.js';

const cal = indonesianCalendar2026();

describe('answerTransition', () => {
  it.each(ANSWER_STATUSES.flatMap((from) => ANSWER_STATUSES.map((to) => [from, to] as const)))(
    '%s → %s',
    (from, to) => {
      const r = answerTransition(from, to, 'Akan dianggarkan pada APBD 2027');
      const allowed = from === 'UNDER_REVIEW' && to !== 'UNDER_REVIEW';
      expect(r.ok ? 'ok' : r.error.code).toBe(allowed ? 'ok' : 'ANSWER_TRANSITION_NOT_ALLOWED');
    },
  );

  it('needs a public reason', () => {
    for (const reason of [undefined, null, '', ' ']) {
      const r = answerTransition('UNDER_REVIEW', 'REJECTED', reason);
      expect(r.ok ? 'ok' : r.error.code).toBe('ANSWER_REASON_REQUIRED');
    }
  });
});

describe('answer deadline', () => {
  it('defaults to 14 working days, skipping the Idul Fitri break', () => {
    expect(DEFAULT_ANSWER_DEADLINE_WORKING_DAYS).toBe(14);
    // Filed 16 March 2026: 17, 25, 26, 27, 30, 31 March, 1, 2, 6, 7, 8, 9, 10, 13 April (3 April is Good Friday)
    expect(answerDueDate('2026-03-16', cal)).toBe('2026-04-13');
    expect(answerDueDate('2026-03-16', cal, 3)).toBe('2026-03-26');
  });

  it('is overdue only while still under review after the due date', () => {
    const s = { status: 'UNDER_REVIEW' as const, dueDate: '2026-04-13' };
    expect(isAnswerOverdue(s, '2026-04-13', cal)).toBe(false);
    expect(isAnswerOverdue(s, '2026-04-14', cal)).toBe(true);
    expect(isAnswerOverdue({ ...s, status: 'ACCEPTED' }, '2026-05-01', cal)).toBe(false);
    // due Friday 13 March; the weekend after it is not yet overdue in working days
    expect(isAnswerOverdue({ ...s, dueDate: '2026-03-13' }, '2026-03-15', cal)).toBe(false);
    expect(isAnswerOverdue({ ...s, dueDate: '2026-03-13' }, '2026-03-16', cal)).toBe(true);
  });

  it('tells whether an answer came on time', () => {
    expect(answeredOnTime('2026-04-13', '2026-04-13', cal)).toBe(true);
    expect(answeredOnTime('2026-04-13', '2026-04-14', cal)).toBe(false);
    expect(answeredOnTime('2026-04-13', '2026-04-01', cal)).toBe(true);
  });
});
