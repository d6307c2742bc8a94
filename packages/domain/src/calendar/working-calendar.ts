import {
  type FieldError,
  fieldError,
  type InvalidInputError,
  invalidInputError,
  wholeNumberErrors,
} from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { parseDayNumber } from './day.js';
import { HOLIDAYS_ID_2026 } from './holidays-2026.js';
import { CALENDAR_ERROR_MESSAGES, type CalendarErrorCode } from './messages.js';

export const HOLIDAY_KINDS = ['NATIONAL', 'CUTI_BERSAMA', 'LOCAL'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export type Holiday = {
  readonly date: string /* YYYY-MM-DD */;
  readonly name: string;
  readonly kind: HolidayKind;
};

/**
 * The days on which a public service counts time. Plain data passed in by the caller (loaded
 * from the database), never read from a global, so a deadline is reproducible.
 */
export type WorkingCalendar = {
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekendDays: readonly number[];
  readonly holidays: readonly Holiday[];
};

/** Government offices work Monday–Friday (Perpres 21/2023 on ASN working days). */
export const INDONESIAN_WEEKEND_DAYS: readonly number[] = [0, 6];

/**
 * Builds a calendar: holidays sorted by date then kind, exact duplicates (same date, kind and
 * name) removed. Combine several years' lists by passing them all. Does not validate — run
 * `validateWorkingCalendar` on data an administrator typed.
 */
export function createWorkingCalendar(
  options: { holidays?: readonly Holiday[]; weekendDays?: readonly number[] } = {},
): WorkingCalendar {
  const weekendDays = [...new Set(options.weekendDays ?? INDONESIAN_WEEKEND_DAYS)].sort((a, b) => a - b);
  const seen = new Set<string>();
  const holidays: Holiday[] = [];
  for (const h of options.holidays ?? []) {
    const key = `${h.date}\u0000${h.kind}\u0000${h.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    holidays.push({ date: h.date, name: h.name, kind: h.kind });
  }
  holidays.sort((a, b) =>
    a.date === b.date
      ? HOLIDAY_KINDS.indexOf(a.kind) - HOLIDAY_KINDS.indexOf(b.kind)
      : a.date < b.date
        ? -1
        : 1,
  );
  return { weekendDays, holidays };
}

/** Indonesia's official 2026 calendar: Saturday/Sunday weekend, national holidays and cuti bersama. */
export function indonesianCalendar2026(extraHolidays: readonly Holiday[] = []): WorkingCalendar {
  return createWorkingCalendar({ holidays: [...HOLIDAYS_ID_2026.holidays, ...extraHolidays] });
}

/**
 * Checks calendar data typed by an administrator: weekend days are integers 0–6, at least one
 * day of the week is a working day, every holiday has a real `YYYY-MM-DD` date, a name and a
 * known kind, and no date is listed twice with the same kind.
 */
export function validateWorkingCalendar(
  calendar: WorkingCalendar,
): Result<WorkingCalendar, InvalidInputError<CalendarErrorCode>> {
  const fields: FieldError[] = [];
  const weekend = new Set<number>();
  calendar.weekendDays.forEach((d, i) => {
    const problems = wholeNumberErrors(`weekendDays[${i}]`, d, { min: 0, max: 6 });
    if (problems.length > 0) fields.push(...problems);
    else if (weekend.has(d)) fields.push(fieldError(`weekendDays[${i}]`, 'DUPLICATE', { value: d }));
    else weekend.add(d);
  });
  if (weekend.size === 7)
    fields.push(fieldError('weekendDays', 'OUT_OF_RANGE', { reason: 'NO_WORKING_DAYS' }));
  const seen = new Set<string>();
  calendar.holidays.forEach((h, i) => {
    const day = parseDayNumber(h.date);
    if (!day.ok) {
      fields.push(
        fieldError(
          `holidays[${i}].date`,
          day.error.code === 'DAY_INVALID_FORMAT' ? 'INVALID_FORMAT' : 'OUT_OF_RANGE',
          { value: h.date },
        ),
      );
    }
    if (typeof h.name !== 'string' || h.name.trim() === '')
      fields.push(fieldError(`holidays[${i}].name`, 'REQUIRED'));
    if (!HOLIDAY_KINDS.includes(h.kind)) {
      fields.push(
        fieldError(`holidays[${i}].kind`, 'NOT_ALLOWED', { value: h.kind, allowed: HOLIDAY_KINDS }),
      );
    }
    const key = `${h.date}\u0000${h.kind}`;
    if (seen.has(key)) fields.push(fieldError(`holidays[${i}]`, 'DUPLICATE', { date: h.date, kind: h.kind }));
    seen.add(key);
  });
  return fields.length === 0
    ? ok(calendar)
    : err(invalidInputError('CALENDAR_INVALID', CALENDAR_ERROR_MESSAGES, fields));
}
