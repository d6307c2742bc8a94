// The moving Islamic holidays of Indonesia's national list fall on fixed Hijri dates. Their
// Gregorian dates come each year from the joint decree (SKB), after the sighting of the moon, and
// may differ by a day or two from an astronomical calendar; their names must not. This checks a
// holiday's name against the Umm al-Qura calendar (ICU's 'islamic-umalqura', in Node's Intl).
import { type DomainError, domainError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { addCalendarDays, type Day, toDayString } from './day.js';
import { HIJRI_ERROR_MESSAGES, type HijriErrorCode } from './messages.js';
import type { Holiday } from './working-calendar.js';

export type HijriDate = { readonly year: number; readonly month: number; readonly day: number };

const UMALQURA = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Umm al-Qura Hijri date of a WIB day. */
export function hijriDate(day: Day): HijriDate {
  const parts = UMALQURA.formatToParts(new Date(`${toDayString(day)}T00:00:00Z`));
  const part = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '', 10);
  return { year: part('year'), month: part('month'), day: part('day') };
}

export type IslamicHoliday = {
  readonly key: 'ISRA_MIKRAJ' | 'IDUL_FITRI' | 'IDUL_ADHA' | 'TAHUN_BARU_ISLAM' | 'MAULID';
  /** Hijri month (1 Muharam … 12 Zulhijah) and day of the holiday. */
  readonly month: number;
  readonly day: number;
  /** The Indonesian name, as the decree writes it, given the Hijri year of the day. */
  readonly name: (hijriYear: number) => string;
  /** How a holiday name refers to it. */
  readonly pattern: RegExp;
};

export const ISLAMIC_HOLIDAYS: readonly IslamicHoliday[] = [
  {
    key: 'TAHUN_BARU_ISLAM',
    month: 1,
    day: 1,
    name: (y) => `1 Muharam Tahun Baru Islam ${y} H`,
    pattern: /tahun baru islam|muharr?am|hijri/i,
  },
  { key: 'MAULID', month: 3, day: 12, name: () => 'Maulid Nabi Muhammad SAW', pattern: /maulid|mawlid/i },
  {
    key: 'ISRA_MIKRAJ',
    month: 7,
    day: 27,
    name: () => 'Isra Mikraj Nabi Muhammad SAW',
    pattern: /isra|mi'?k?raj/i,
  },
  {
    key: 'IDUL_FITRI',
    month: 10,
    day: 1,
    name: (y) => `Idul Fitri ${y} H`,
    pattern: /idul? ?fitri|lebaran/i,
  },
  { key: 'IDUL_ADHA', month: 12, day: 10, name: (y) => `Idul Adha ${y} H`, pattern: /idul? ?adha/i },
];

/**
 * Days the decree's date may differ from Umm al-Qura (sighting in Indonesia), plus the second
 * day of Idul Fitri, which the national list also holds.
 */
export const HIJRI_TOLERANCE_DAYS = 2;

/** The Islamic holiday that falls within `tolerance` days of `day`, with its Hijri year. */
export function islamicHolidayNear(
  day: Day,
  tolerance: number = HIJRI_TOLERANCE_DAYS,
): { holiday: IslamicHoliday; hijriYear: number } | undefined {
  for (let offset = 0; offset <= tolerance; offset += 1) {
    for (const d of offset === 0 ? [0] : [-offset, offset]) {
      const h = hijriDate(addCalendarDays(toDayString(day), d));
      const holiday = ISLAMIC_HOLIDAYS.find((x) => x.month === h.month && x.day === h.day);
      if (holiday) return { holiday, hijriYear: h.year };
    }
  }
  return undefined;
}

/** The decree-style name of the Islamic holiday on (or within tolerance of) `day`, if any. */
export function islamicHolidayName(day: Day): string | undefined {
  const near = islamicHolidayNear(day);
  return near?.holiday.name(near.hijriYear);
}

/**
 * A national holiday whose name names an Islamic holiday must fall near that holiday's Hijri
 * date. Errors: HOLIDAY_HIJRI_NAME_MISMATCH with the `date`, the `name`, the `named` holiday and
 * the `expected` name of the Islamic holiday actually near that date (or null). Cuti bersama
 * days (around Idul Fitri) and local holidays are not checked.
 */
export function checkIslamicHolidayName(holiday: Holiday): Result<Holiday, DomainError<HijriErrorCode>> {
  if (holiday.kind !== 'NATIONAL') return ok(holiday);
  const near = islamicHolidayNear(holiday.date);
  for (const named of ISLAMIC_HOLIDAYS.filter((x) => x.pattern.test(holiday.name))) {
    if (near?.holiday.key !== named.key) {
      return err(
        domainError('HOLIDAY_HIJRI_NAME_MISMATCH', HIJRI_ERROR_MESSAGES, {
          date: holiday.date,
          name: holiday.name,
          named: named.key,
          expected: near ? near.holiday.name(near.hijriYear) : null,
        }),
      );
    }
  }
  return ok(holiday);
}
