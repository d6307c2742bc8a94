import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './day.js';
import {
  CalendarCoverageError,
  checkCalendarCovers,
  createWorkingCalendar,
  indonesianCalendar2026,
  type WorkingCalendar,
} from './working-calendar.js';
import {
  addWorkingDays,
  holidaysOn,
  isWorkingDay,
  lastWorkingDayOnOrBefore,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
} from './working-days.js';

const cal2026 = indonesianCalendar2026();
const weekendsOnly = createWorkingCalendar();

describe('isWorkingDay', () => {
  it('weekends are not working days', () => {
    expect(isWorkingDay('2026-03-13', weekendsOnly)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-14', weekendsOnly)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15', weekendsOnly)).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-16', weekendsOnly)).toBe(true); // Monday
  });

  it('national holidays and cuti bersama are not working days (2026 Nyepi and Idul Fitri)', () => {
    expect(isWorkingDay('2026-03-17', cal2026)).toBe(true); // Tuesday before the break
    for (const d of ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24']) {
      expect(isWorkingDay(d, cal2026), d).toBe(false);
    }
    expect(isWorkingDay('2026-03-25', cal2026)).toBe(true);
    expect(isWorkingDay('2026-08-17', cal2026)).toBe(false); // Independence Day, a Monday
    expect(isWorkingDay('2026-12-24', cal2026)).toBe(false); // cuti bersama Natal
  });

  it('local holidays count too, and a custom weekend is honoured', () => {
    const local = indonesianCalendar2026([{ date: '2026-12-01', kind: 'LOCAL', name: 'Hari jadi (contoh)' }]);
    expect(isWorkingDay('2026-12-01', cal2026)).toBe(true);
    expect(isWorkingDay('2026-12-01', local)).toBe(false);
    const sixDayWeek = createWorkingCalendar({ weekendDays: [0] });
    expect(isWorkingDay('2026-03-14', sixDayWeek)).toBe(true);
  });

  it('reads a Date in WIB: 17:00Z on Friday 13 March is already Saturday in Jakarta', () => {
    expect(isWorkingDay(new Date('2026-03-13T16:59:00Z'), cal2026)).toBe(true);
    expect(isWorkingDay(new Date('2026-03-13T17:00:00Z'), cal2026)).toBe(false);
    // 23:00Z on 17 March is 06:00 on 18 March WIB: cuti bersama Nyepi
    expect(isWorkingDay(new Date('2026-03-17T23:00:00Z'), cal2026)).toBe(false);
    expect(isWorkingDay(new Date('2026-03-24T17:00:00Z'), cal2026)).toBe(true); // 00:00 on 25 March WIB
  });

  it('lists the holidays on a day', () => {
    expect(holidaysOn('2026-03-21', cal2026).map((h) => h.name)).toEqual(['Idul Fitri 1447 H']);
    expect(holidaysOn('2026-03-25', cal2026)).toEqual([]);
  });

  it('throws RangeError for programmer errors', () => {
    expect(() => isWorkingDay('2026-02-30', cal2026)).toThrow(RangeError);
    expect(() => isWorkingDay('2026-03-01', { weekendDays: [0, 1, 2, 3, 4, 5, 6], holidays: [] })).toThrow(
      /no working days/,
    );
    expect(() => isWorkingDay('2026-03-01', { weekendDays: [7], holidays: [] })).toThrow(RangeError);
    const bad: WorkingCalendar = {
      weekendDays: [0, 6],
      holidays: [{ date: '2026-3-1', name: 'x', kind: 'LOCAL' }],
    };
    expect(() => isWorkingDay('2026-03-02', bad)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('does not count the start day', () => {
    expect(addWorkingDays('2026-03-09', 3, weekendsOnly)).toBe('2026-03-12'); // Mon + 3 → Thu
    expect(addWorkingDays('2026-03-13', 1, weekendsOnly)).toBe('2026-03-16'); // Fri + 1 → Mon
    expect(addWorkingDays('2026-03-14', 1, weekendsOnly)).toBe('2026-03-16'); // Sat + 1 → Mon
    expect(addWorkingDays('2026-03-14', 0, weekendsOnly)).toBe('2026-03-14');
  });

  it('skips the whole Nyepi + Idul Fitri break of March 2026', () => {
    // Filed Monday 16 March: verification within 3 working days → 17, 25, 26 March.
    expect(addWorkingDays('2026-03-16', 3, cal2026)).toBe('2026-03-26');
    expect(addWorkingDays('2026-03-16', 3, weekendsOnly)).toBe('2026-03-19');
    expect(addWorkingDays('2026-03-17', 1, cal2026)).toBe('2026-03-25');
    // Filed during the break: the clock starts on 25 March.
    expect(addWorkingDays('2026-03-21', 1, cal2026)).toBe('2026-03-25');
    // 5 working days (LAPOR follow-up) from Friday 13 March: 16, 17, 25, 26, 27.
    expect(addWorkingDays('2026-03-13', 5, cal2026)).toBe('2026-03-27');
  });

  it('handles May 2026 (Labour Day, Ascension + cuti bersama, Idul Adha + cuti bersama, Waisak, Pancasila)', () => {
    // Working days after 30 April: 4, 5, 6, 7, 8, 11, 12, 13, 18, 19, …
    expect(addWorkingDays('2026-04-30', 9, cal2026)).toBe('2026-05-18');
    // After 26 May: 27 (Idul Adha) and 28 (cuti) are off, 29 is Friday, 1 June is Pancasila → 2 June.
    expect(addWorkingDays('2026-05-26', 2, cal2026)).toBe('2026-06-02');
  });

  it('refuses to cross into a year the calendar does not know (issue 16: 1 January 2027)', () => {
    // 24 and 25 Dec are off; 28–31 Dec count; 1 Jan 2027 is not in the 2026 data: no silent guess.
    expect(() => addWorkingDays('2026-12-23', 5, cal2026)).toThrow(CalendarCoverageError);
    expect(() => isWorkingDay('2027-01-01', cal2026)).toThrow(CalendarCoverageError);
    expect(() => workingDaysBetween('2026-12-30', '2027-01-04', cal2026)).toThrow(CalendarCoverageError);
    expect(() => addWorkingDays('2025-12-30', 2, cal2026)).toThrow(CalendarCoverageError);
    try {
      addWorkingDays('2026-12-23', 5, cal2026);
    } catch (e) {
      expect((e as CalendarCoverageError).error).toMatchObject({
        code: 'CALENDAR_YEAR_UNKNOWN',
        message: { id: expect.stringContaining('belum tercatat'), en: expect.stringContaining('not in the') },
        details: { year: 2027, knownYears: [2026] },
      });
    }
    expect(checkCalendarCovers(cal2026, '2026-12-31')).toEqual({ ok: true, value: true });
    expect(checkCalendarCovers(cal2026, '2026-12-31', '2028-01-02')).toMatchObject({
      ok: false,
      error: { code: 'CALENDAR_YEAR_UNKNOWN', details: { year: 2027 } },
    });
    // The last day of the known year still counts; weekends-only calendars know no years and are not checked.
    expect(addWorkingDays('2026-12-23', 4, cal2026)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-23', 5, weekendsOnly)).toBe('2026-12-30');
  });

  it('crosses the year end once the next year is known', () => {
    const with2027 = indonesianCalendar2026([
      { date: '2027-01-01', kind: 'NATIONAL', name: 'Tahun Baru 2027' },
    ]);
    expect(addWorkingDays('2026-12-23', 5, with2027)).toBe('2027-01-04');
  });

  it('accepts a Date read in WIB', () => {
    // Friday 13 March 18:00Z is Saturday 01:00 WIB; one working day later is Monday 16 March.
    expect(addWorkingDays(new Date('2026-03-13T18:00:00Z'), 1, cal2026)).toBe('2026-03-16');
    expect(addWorkingDays(new Date('2026-03-13T16:00:00Z'), 1, cal2026)).toBe('2026-03-16');
    // Thursday 12 March 17:30Z is Friday 00:30 WIB → next working day Monday.
    expect(addWorkingDays(new Date('2026-03-12T17:30:00Z'), 1, cal2026)).toBe('2026-03-16');
    expect(addWorkingDays(new Date('2026-03-12T16:30:00Z'), 1, cal2026)).toBe('2026-03-13');
  });

  it('rejects negative and fractional counts', () => {
    expect(() => addWorkingDays('2026-03-16', -1, cal2026)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-16', 1.5, cal2026)).toThrow(RangeError);
    expect(() => addWorkingDays('16/03/2026', 1, cal2026)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after `from` up to and including `to`', () => {
    expect(workingDaysBetween('2026-03-09', '2026-03-12', weekendsOnly)).toBe(3);
    expect(workingDaysBetween('2026-03-09', '2026-03-09', weekendsOnly)).toBe(0);
    expect(workingDaysBetween('2026-03-13', '2026-03-16', weekendsOnly)).toBe(1);
    expect(workingDaysBetween('2026-03-16', '2026-03-26', cal2026)).toBe(3);
    expect(workingDaysBetween('2026-03-17', '2026-03-24', cal2026)).toBe(0);
  });

  it('2026 has 261 weekdays − 21 weekday holidays = 240 working days', () => {
    // 4 of the 25 listed days fall on a weekend: 21 Mar (Sat), 22 Mar, 5 Apr, 31 May (Sun).
    const weekdayHolidays = cal2026.holidays.filter((h) => isWorkingDay(h.date, weekendsOnly)).length;
    expect(weekdayHolidays).toBe(21);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', weekendsOnly)).toBe(261);
    expect(workingDaysBetween('2025-12-31', '2026-12-31', cal2026)).toBe(261 - 21);
  });

  it('is negative (antisymmetric) when from > to, and additive in any order', () => {
    expect(workingDaysBetween('2026-03-26', '2026-03-16', cal2026)).toBe(-3);
    expect(Object.is(workingDaysBetween('2026-03-24', '2026-03-17', cal2026), 0)).toBe(true); // not -0
    const days = ['2026-03-01', '2026-03-18', '2026-03-25', '2026-04-10', '2026-02-14'];
    for (const a of days) {
      for (const b of days) {
        expect(workingDaysBetween(a, b, cal2026)).toBe(0 - workingDaysBetween(b, a, cal2026));
        for (const c of days) {
          expect(workingDaysBetween(a, b, cal2026) + workingDaysBetween(b, c, cal2026)).toBe(
            workingDaysBetween(a, c, cal2026),
          );
        }
      }
    }
  });

  it('inverts addWorkingDays for every start day of 2026 and several lengths', () => {
    for (let i = 0; i < 334; i += 1) {
      // Up to 30 November: 14 working days later is still in 2026, the year the calendar knows.
      const start = addCalendarDays('2026-01-01', i);
      for (const n of [1, 3, 5, 14]) {
        const due = addWorkingDays(start, n, cal2026);
        expect(workingDaysBetween(start, due, cal2026)).toBe(n);
        expect(isWorkingDay(due, cal2026)).toBe(true);
      }
    }
  });

  it('reads Dates in WIB', () => {
    // 16 March 17:00Z = 17 March 00:00 WIB; 25 March 16:59Z = 25 March 23:59 WIB.
    expect(
      workingDaysBetween(new Date('2026-03-16T17:00:00Z'), new Date('2026-03-25T16:59:00Z'), cal2026),
    ).toBe(1);
    expect(
      workingDaysBetween(new Date('2026-03-16T16:59:00Z'), new Date('2026-03-25T17:00:00Z'), cal2026),
    ).toBe(3);
  });
});

describe('nextWorkingDayOnOrAfter', () => {
  it('returns the day itself when it is a working day, else the next one', () => {
    expect(nextWorkingDayOnOrAfter('2026-03-17', cal2026)).toBe('2026-03-17');
    expect(nextWorkingDayOnOrAfter('2026-03-18', cal2026)).toBe('2026-03-25');
  });
});

describe('lastWorkingDayOnOrBefore', () => {
  const cal = createWorkingCalendar({ holidays: [{ date: '2026-06-12', name: 'Libur', kind: 'LOCAL' }] });
  it('is the day itself on a working day, else the working day before', () => {
    expect(lastWorkingDayOnOrBefore('2026-06-10', cal)).toBe('2026-06-10');
    // Sunday 14 → Saturday, Friday 12 (holiday) → Thursday 11.
    expect(lastWorkingDayOnOrBefore('2026-06-14', cal)).toBe('2026-06-11');
  });
});
