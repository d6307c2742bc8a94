import { describe, expect, it } from 'vitest';
import { checkIslamicHolidayName, hijriDate, islamicHolidayName, islamicHolidayNear } from './hijri.js';
import { HOLIDAYS_ID_2026 } from './holidays-2026.js';

describe('hijriDate (Umm al-Qura)', () => {
  it.each([
    ['2026-01-16', { year: 1447, month: 7, day: 27 }],
    ['2026-06-16', { year: 1448, month: 1, day: 1 }],
    ['2026-08-25', { year: 1448, month: 3, day: 12 }],
    ['2027-01-05', { year: 1448, month: 7, day: 27 }],
    ['2027-05-16', { year: 1448, month: 12, day: 10 }],
  ])('%s is %o', (day, hijri) => {
    expect(hijriDate(day)).toEqual(hijri);
  });
});

describe('Islamic holiday names', () => {
  it("names 5 January 2027 Isra Mikraj (27 Rajab 1448), not Maulid (issue 16's example)", () => {
    expect(islamicHolidayName('2027-01-05')).toBe('Isra Mikraj Nabi Muhammad SAW');
    expect(
      checkIslamicHolidayName({ date: '2027-01-05', kind: 'NATIONAL', name: 'Maulid Nabi Muhammad' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'HOLIDAY_HIJRI_NAME_MISMATCH',
        message: { id: expect.stringContaining('Hijriah'), en: expect.stringContaining('Hijri') },
        details: { named: 'MAULID', expected: 'Isra Mikraj Nabi Muhammad SAW' },
      },
    });
  });

  it('refuses Maulid on 25 December 2027 (27 Rajab 1449) and on a day of no Islamic holiday', () => {
    expect(
      checkIslamicHolidayName({ date: '2027-12-25', kind: 'NATIONAL', name: 'Maulid Nabi Muhammad' }),
    ).toMatchObject({ ok: false, error: { details: { expected: 'Isra Mikraj Nabi Muhammad SAW' } } });
    expect(
      checkIslamicHolidayName({ date: '2027-10-01', kind: 'NATIONAL', name: 'Idul Adha' }),
    ).toMatchObject({
      ok: false,
      error: { details: { named: 'IDUL_ADHA', expected: null } },
    });
  });

  it('accepts the right names within the sighting tolerance, and leaves other holidays alone', () => {
    expect(islamicHolidayNear('2027-08-14')?.holiday.key).toBe('MAULID');
    expect(islamicHolidayName('2027-03-09')).toBe('Idul Fitri 1448 H');
    expect(islamicHolidayName('2027-06-06')).toBe('1 Muharam Tahun Baru Islam 1449 H');
    expect(islamicHolidayName('2027-02-06')).toBeUndefined();
    for (const h of [
      { date: '2027-08-14', kind: 'NATIONAL', name: 'Maulid Nabi Muhammad SAW' },
      { date: '2027-03-10', kind: 'NATIONAL', name: 'Idul Fitri 1448 H' },
      { date: '2027-03-11', kind: 'CUTI_BERSAMA', name: 'Cuti bersama Idul Fitri 1448 H' },
      { date: '2027-12-25', kind: 'NATIONAL', name: 'Kelahiran Yesus Kristus (Natal)' },
    ] as const) {
      expect(checkIslamicHolidayName(h).ok, h.name).toBe(true);
    }
  });

  it('holds for every day of the official 2026 list', () => {
    for (const h of HOLIDAYS_ID_2026.holidays)
      expect(checkIslamicHolidayName(h), h.name).toEqual({ ok: true, value: h });
  });
});
