import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDaysBetween,
  civilFromDays,
  compareDays,
  dateFilterBound,
  daysFromCivil,
  isLeapYear,
  jakartaDateTime,
  jakartaDay,
  jakartaDayStart,
  jakartaYear,
  parseDay,
  parseInstant,
  toDayNumber,
  toDayString,
  weekday,
} from './day.js';

describe('day numbers', () => {
  it('counts from the Unix epoch and round-trips across centuries and leap days', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2); // 2000 is a leap year
    expect(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28)).toBe(1); // 1900 is not
    for (let n = daysFromCivil(1899, 12, 25); n < daysFromCivil(2101, 1, 10); n += 13) {
      const c = civilFromDays(n);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(n);
    }
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('knows leap years', () => {
    expect([1900, 2000, 2024, 2026].map(isLeapYear)).toEqual([false, true, true, false]);
  });

  it('knows weekdays (2026-01-01 was a Thursday, 2026-03-21 a Saturday)', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2026-01-01')).toBe(4);
    expect(weekday('2026-03-21')).toBe(6);
    expect(weekday('2026-03-22')).toBe(0);
  });
});

describe('parseDay', () => {
  it('accepts canonical real dates', () => {
    expect(parseDay('2026-03-25')).toEqual({ ok: true, value: '2026-03-25' });
    expect(parseDay('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
  });

  it.each(['2026-3-25', '25-03-2026', '2026/03/25', '2026-03-25T00:00:00Z', '', ' 2026-03-25'])(
    'rejects %j as badly formatted',
    (input) => {
      const r = parseDay(input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('DAY_INVALID_FORMAT');
        expect(r.error.message.id).toMatch(/TTTT-BB-HH/);
      }
    },
  );

  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '0000-01-01'])(
    'rejects %j as not a date',
    (input) => {
      const r = parseDay(input);
      expect(r.ok ? undefined : r.error.code).toBe('DAY_NOT_A_DATE');
    },
  );

  it('rejects an invalid Date object and non-strings', () => {
    const r = parseDay(new Date(Number.NaN));
    expect(r.ok ? undefined : r.error.code).toBe('DAY_NOT_A_DATE');
    const s = parseDay(20260325 as unknown as string);
    expect(s.ok ? undefined : s.error.code).toBe('DAY_INVALID_FORMAT');
  });

  it('throws RangeError from the trusted-input helpers', () => {
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => weekday('nope')).toThrow(RangeError);
  });
});

describe('a Date is read in Asia/Jakarta (UTC+7), whatever the server time zone', () => {
  it('16:59:59Z is still the same WIB day, 17:00Z is the next one', () => {
    expect(jakartaDay(new Date('2026-03-24T16:59:59.999Z'))).toBe('2026-03-24');
    expect(jakartaDay(new Date('2026-03-24T17:00:00.000Z'))).toBe('2026-03-25');
  });

  it('midnight UTC is 07:00 WIB on the same day; 23:30Z on 31 Dec is already New Year in WIB', () => {
    expect(jakartaDay(new Date('2026-03-25T00:00:00Z'))).toBe('2026-03-25');
    expect(jakartaDay(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(toDayString(new Date('2026-03-24T20:00:00-05:00'))).toBe('2026-03-25'); // 01:00Z → 08:00 WIB
  });

  it('does not depend on process.env.TZ', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        expect(jakartaDay(new Date(Date.UTC(2026, 2, 24, 17, 30)))).toBe('2026-03-25');
      }
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('calendar-day helpers', () => {
  it('adds, compares and counts calendar days', () => {
    expect(addCalendarDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(compareDays('2026-01-01', '2025-12-31')).toBe(1);
    expect(compareDays('2026-01-01', new Date('2025-12-31T17:00:00Z'))).toBe(0);
    expect(calendarDaysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(calendarDaysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(() => addCalendarDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('WIB instants', () => {
  it('jakartaYear turns at midnight WIB, not UTC', () => {
    expect(jakartaYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(jakartaYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });
  it('jakartaDayStart is 00:00 WIB', () => {
    expect(jakartaDayStart('2026-03-01')).toEqual(new Date('2026-02-28T17:00:00Z'));
  });
  it('jakartaDateTime writes the instant with the +07:00 offset', () => {
    expect(jakartaDateTime(new Date('2026-03-01T02:30:05.123Z'))).toBe('2026-03-01T09:30:05+07:00');
  });
});

describe('date filters and instants (GeoReport v2: W3C date-times with an offset)', () => {
  it('reads a bare date as the whole WIB day', () => {
    expect(dateFilterBound('2026-11-30', 'start')).toEqual({
      ok: true,
      value: new Date('2026-11-29T17:00:00.000Z'),
    });
    expect(dateFilterBound('2026-11-30', 'end')).toEqual({
      ok: true,
      value: new Date('2026-11-30T16:59:59.999Z'),
    });
  });

  it('takes a date-time with its offset as the instant it names', () => {
    expect(dateFilterBound('2026-11-30T09:00:00+07:00', 'start')).toEqual({
      ok: true,
      value: new Date('2026-11-30T02:00:00Z'),
    });
    expect(parseInstant('2026-11-30T02:00Z')).toEqual({ ok: true, value: new Date('2026-11-30T02:00:00Z') });
  });

  it.each([
    ['2026-11-30T09:00:00', 'DATETIME_OFFSET_REQUIRED'],
    ['2026-11-30T09:00', 'DATETIME_OFFSET_REQUIRED'],
    ['2026-02-30T09:00:00+07:00', 'DAY_NOT_A_DATE'],
    ['kemarin', 'DATETIME_INVALID'],
    ['2026-11-30 09:00:00+07:00', 'DATETIME_INVALID'],
  ])('refuses %s (%s)', (input, code) => {
    const r = parseInstant(input);
    expect(r.ok ? null : r.error.code).toBe(code);
  });
});
