import { describe, expect, it } from 'vitest';
import { fieldCodes } from '../../test/support/invalid-input.js';
import { indonesianCalendar2026 } from '../calendar/working-calendar.js';
import {
  dueDate,
  LAPOR_DEFAULT_DEADLINES,
  LAPOR_REPORT_TYPES,
  laporStageDueDates,
  resolveLaporDeadlines,
} from './lapor.js';

const cal = indonesianCalendar2026();

describe('SP4N-LAPOR! defaults', () => {
  it('holds the DOMAIN.md figures', () => {
    expect(LAPOR_DEFAULT_DEADLINES).toEqual({
      verification: { amount: 3, unit: 'WORKING_DAYS' },
      firstResponse: { amount: 3, unit: 'CALENDAR_DAYS' },
      followUp: { amount: 5, unit: 'WORKING_DAYS' },
      disputeWithoutFieldCheck: { amount: 14, unit: 'CALENDAR_DAYS' },
      disputeWithFieldCheck: { amount: 60, unit: 'CALENDAR_DAYS' },
    });
    expect(LAPOR_REPORT_TYPES).toEqual(['ASPIRATION', 'COMPLAINT', 'INFORMATION_REQUEST']);
  });

  it('applies and validates overrides', () => {
    const r = resolveLaporDeadlines({ followUp: { amount: 7 } });
    expect(r.ok && r.value.followUp).toEqual({ amount: 7, unit: 'WORKING_DAYS' });
    expect(r.ok && r.value.verification).toEqual(LAPOR_DEFAULT_DEADLINES.verification);
    const bad = resolveLaporDeadlines({
      verification: { amount: 0 },
      followUp: { amount: 2.5 },
      firstResponse: { unit: 'HOURS' as never },
      appeal: { amount: 3 },
    } as never);
    expect(fieldCodes(bad)).toEqual([
      'appeal:UNKNOWN_FIELD',
      'verification.amount:OUT_OF_RANGE',
      'firstResponse.unit:NOT_ALLOWED',
      'followUp.amount:NOT_INTEGER',
    ]);
  });
});

describe('due dates', () => {
  it('counts working days through the calendar and calendar days plainly', () => {
    expect(dueDate('2026-03-16', { amount: 3, unit: 'WORKING_DAYS' }, cal)).toBe('2026-03-26');
    expect(dueDate('2026-03-16', { amount: 3, unit: 'CALENDAR_DAYS' }, cal)).toBe('2026-03-19');
  });

  it('gives each stage its due date; aspirations have no follow-up deadline', () => {
    expect(laporStageDueDates({ type: 'COMPLAINT', submittedOn: '2026-03-16' }, cal)).toEqual({
      verificationDue: '2026-03-26',
    });
    expect(
      laporStageDueDates({ type: 'COMPLAINT', submittedOn: '2026-03-16', verifiedOn: '2026-03-17' }, cal),
    ).toEqual({
      verificationDue: '2026-03-26',
      firstResponseDue: '2026-03-20',
      followUpDue: '2026-03-31', // 5 working days after 17 March: 25, 26, 27, 30, 31
    });
    expect(
      laporStageDueDates({ type: 'ASPIRATION', submittedOn: '2026-03-16', verifiedOn: '2026-03-17' }, cal),
    ).toEqual({ verificationDue: '2026-03-26', firstResponseDue: '2026-03-20' });
  });
});
