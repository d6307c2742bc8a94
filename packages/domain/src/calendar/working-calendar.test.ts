import { describe, expect, it } from 'vitest';
import { expectInvalidInput } from '../../test/support/invalid-input.js';
import { HOLIDAYS_ID_2026 } from './holidays-2026.js';
import {
  createWorkingCalendar,
  INDONESIAN_WEEKEND_DAYS,
  indonesianCalendar2026,
  validateWorkingCalendar,
  type WorkingCalendar,
} from './working-calendar.js';

describe('2026 holiday data', () => {
  it('holds 17 national holidays and 8 cuti bersama days, all in 2026, each date once', () => {
    const kinds = HOLIDAYS_ID_2026.holidays.map((h) => h.kind);
    expect(kinds.filter((k) => k === 'NATIONAL')).toHaveLength(17);
    expect(kinds.filter((k) => k === 'CUTI_BERSAMA')).toHaveLength(8);
    const dates = HOLIDAYS_ID_2026.holidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates.every((d) => d.startsWith('2026-'))).toBe(true);
    expect(HOLIDAYS_ID_2026.source).toMatch(/SKB/);
  });

  it('is a valid calendar', () => {
    expect(validateWorkingCalendar(indonesianCalendar2026()).ok).toBe(true);
  });
});

describe('createWorkingCalendar', () => {
  it('defaults to a Saturday/Sunday weekend and no holidays', () => {
    expect(createWorkingCalendar()).toEqual({ weekendDays: [0, 6], holidays: [] });
    expect(INDONESIAN_WEEKEND_DAYS).toEqual([0, 6]);
  });

  it('sorts holidays, drops exact duplicates, keeps a LOCAL holiday on a national date', () => {
    const cal = createWorkingCalendar({
      holidays: [
        { date: '2026-08-17', kind: 'LOCAL', name: 'Upacara' },
        { date: '2026-01-01', kind: 'NATIONAL', name: 'Tahun Baru' },
        { date: '2026-08-17', kind: 'NATIONAL', name: 'Proklamasi' },
        { date: '2026-01-01', kind: 'NATIONAL', name: 'Tahun Baru' },
      ],
      weekendDays: [6, 0, 6],
    });
    expect(cal.weekendDays).toEqual([0, 6]);
    expect(cal.holidays.map((h) => `${h.date} ${h.kind}`)).toEqual([
      '2026-01-01 NATIONAL',
      '2026-08-17 NATIONAL',
      '2026-08-17 LOCAL',
    ]);
  });

  it('adds extra holidays to the 2026 calendar', () => {
    const cal = indonesianCalendar2026([{ date: '2027-01-01', kind: 'NATIONAL', name: 'Tahun Baru 2027' }]);
    expect(cal.holidays).toHaveLength(26);
    expect(cal.holidays.at(-1)?.date).toBe('2027-01-01');
  });
});

describe('validateWorkingCalendar', () => {
  it('reports every problem as a field error', () => {
    const cal = {
      weekendDays: [0, 6, 6, 9, 1.5],
      holidays: [
        { date: '2026-3-1', kind: 'LOCAL', name: 'x' },
        { date: '2026-02-30', kind: 'NATIONAL', name: ' ' },
        { date: '2026-05-01', kind: 'REGIONAL', name: 'y' },
        { date: '2026-05-01', kind: 'NATIONAL', name: 'Buruh' },
        { date: '2026-05-01', kind: 'NATIONAL', name: 'Buruh lagi' },
      ],
    } as unknown as WorkingCalendar;
    const r = validateWorkingCalendar(cal);
    expectInvalidInput(r, 'CALENDAR_INVALID', [
      'weekendDays[2]:DUPLICATE',
      'weekendDays[3]:OUT_OF_RANGE',
      'weekendDays[4]:NOT_INTEGER',
      'holidays[0].date:INVALID_FORMAT',
      'holidays[1].date:OUT_OF_RANGE',
      'holidays[1].name:REQUIRED',
      'holidays[2].kind:NOT_ALLOWED',
      'holidays[4]:DUPLICATE',
    ]);
  });

  it('refuses a week without working days', () => {
    const r = validateWorkingCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6], holidays: [] });
    expect(r.ok ? [] : r.error.fields.map((f) => f.details?.reason)).toEqual(['NO_WORKING_DAYS']);
  });
});
