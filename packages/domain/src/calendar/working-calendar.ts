import {
  type DomainError,
  domainError,
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
  /** True while the date is a forecast (e.g. next year's moving holidays) not yet fixed by decree. */
  readonly provisional?: boolean;
};

/**
 * The days on which a public service counts time. Plain data passed in by the caller (loaded
 * from the database), never read from a global, so a deadline is reproducible.
 */
export type WorkingCalendar = {
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekendDays: readonly number[];
  readonly holidays: readonly Holiday[];
  /**
   * The years whose holidays the calendar holds (ascending). A day in any other year cannot be
   * told apart from a working day, so the working-day functions refuse it (CALENDAR_YEAR_UNKNOWN).
   * Absent: coverage unknown and not checked (hand-built calendars in tests).
   */
  readonly knownYears?: readonly number[];
};

export type CalendarCoverageErrorCode = 'CALENDAR_YEAR_UNKNOWN';

/** The years a calendar knows, or undefined when it does not say. */
export function calendarYears(calendar: WorkingCalendar): readonly number[] | undefined {
  return calendar.knownYears;
}

/**
 * Whether the calendar knows every year from the earliest to the latest of `days`: ok, or
 * CALENDAR_YEAR_UNKNOWN naming the first unknown `year` and the `knownYears`.
 */
export function checkCalendarCovers(
  calendar: WorkingCalendar,
  ...days: readonly string[]
): Result<true, DomainError<CalendarCoverageErrorCode>> {
  const known = calendar.knownYears;
  if (!known || days.length === 0) return ok(true);
  const years = days.map((d) => Number(d.slice(0, 4)));
  for (let y = Math.min(...years); y <= Math.max(...years); y += 1) {
    if (!known.includes(y)) {
      return err(
        domainError('CALENDAR_YEAR_UNKNOWN', CALENDAR_ERROR_MESSAGES, { year: y, knownYears: [...known] }),
      );
    }
  }
  return ok(true);
}

/**
 * Thrown by the working-day functions when a computation reaches a year the calendar does not
 * know: treating such a day as a working day would give a wrong deadline without a word. Carries
 * the domain error (code, messages, details) for the gateway to report.
 */
export class CalendarCoverageError extends Error {
  readonly error: DomainError<CalendarCoverageErrorCode>;
  constructor(error: DomainError<CalendarCoverageErrorCode>) {
    super(error.message.en);
    this.name = 'CalendarCoverageError';
    this.error = error;
  }
}

/** Government offices work Monday–Friday (Perpres 21/2023 on ASN working days). */
export const INDONESIAN_WEEKEND_DAYS: readonly number[] = [0, 6];

/**
 * Builds a calendar: holidays sorted by date then kind, exact duplicates (same date, kind and
 * name) removed. Combine several years' lists by passing them all. Does not validate — run
 * `validateWorkingCalendar` on data an administrator typed.
 */
export function createWorkingCalendar(
  options: { holidays?: readonly Holiday[]; weekendDays?: readonly number[]; years?: readonly number[] } = {},
): WorkingCalendar {
  const weekendDays = [...new Set(options.weekendDays ?? INDONESIAN_WEEKEND_DAYS)].sort((a, b) => a - b);
  const seen = new Set<string>();
  const holidays: Holiday[] = [];
  for (const h of options.holidays ?? []) {
    const key = `${h.date}\u0000${h.kind}\u0000${h.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    holidays.push({
      date: h.date,
      name: h.name,
      kind: h.kind,
      ...(h.provisional ? { provisional: true } : {}),
    });
  }
  holidays.sort((a, b) =>
    a.date === b.date
      ? HOLIDAY_KINDS.indexOf(a.kind) - HOLIDAY_KINDS.indexOf(b.kind)
      : a.date < b.date
        ? -1
        : 1,
  );
  // Known years: as given, else every year with national holidays (each year's decree lists some).
  const years = new Set(
    options.years ?? holidays.filter((h) => h.kind === 'NATIONAL').map((h) => Number(h.date.slice(0, 4))),
  );
  const knownYears = [...years].sort((a, b) => a - b);
  return knownYears.length > 0 ? { weekendDays, holidays, knownYears } : { weekendDays, holidays };
}

/**
 * Indonesia's official 2026 calendar: Saturday/Sunday weekend, national holidays and cuti bersama.
 * It knows 2026 only (and the years of any national `extraHolidays`): a deadline reaching 2027
 * is refused (CALENDAR_YEAR_UNKNOWN).
 */
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
