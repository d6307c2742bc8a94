import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { DAY_ERROR_MESSAGES, type DayErrorCode } from './messages.js';

/**
 * A calendar day: a `YYYY-MM-DD` string, or a `Date` read in Asia/Jakarta (WIB).
 * Deadlines for public services count days in WIB (DOMAIN.md), so a `Date` is never read in the
 * server's own time zone.
 */
export type Day = string | Date;

/** WIB is UTC+7 all year: Indonesia has no daylight saving time. */
export const JAKARTA_UTC_OFFSET_MINUTES = 7 * 60;

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_DAY_NUMBER = daysFromCivil(1, 1, 1);
const MAX_DAY_NUMBER = daysFromCivil(9999, 12, 31);

const dayError = errorFactory(DAY_ERROR_MESSAGES);

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's `days_from_civil`).
 * Integer arithmetic only, so no `Date` and no time zone is involved.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export type CivilDate = { readonly year: number; readonly month: number; readonly day: number };

/** The inverse of `daysFromCivil`. */
export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

export function formatCivil(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day of the week for a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function dayNumberOfDate(date: Date): number | undefined {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return undefined;
  const n = Math.floor((ms + JAKARTA_UTC_OFFSET_MINUTES * 60_000) / MS_PER_DAY);
  return n >= MIN_DAY_NUMBER && n <= MAX_DAY_NUMBER ? n : undefined;
}

/**
 * Parses untrusted input into a day number, or a typed error. Strings must be exactly
 * `YYYY-MM-DD` (years 0001–9999) and name a real date.
 */
export function parseDayNumber(input: Day): Result<number, DomainError<DayErrorCode>> {
  if (input instanceof Date) {
    const n = dayNumberOfDate(input);
    return n === undefined ? err(dayError('DAY_NOT_A_DATE', { input: String(input) })) : ok(n);
  }
  if (typeof input !== 'string') return err(dayError('DAY_INVALID_FORMAT', { input: String(input) }));
  const m = DAY_PATTERN.exec(input);
  if (m === null) return err(dayError('DAY_INVALID_FORMAT', { input }));
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isValidDate(year, month, day)) return err(dayError('DAY_NOT_A_DATE', { input }));
  return ok(daysFromCivil(year, month, day));
}

/**
 * Parses untrusted input (an API argument, a CSV cell) into a canonical `YYYY-MM-DD` day.
 * Use this at the edge; the calendar functions then take the parsed day and treat an invalid
 * one as a programmer error.
 */
export function parseDay(input: Day): Result<string, DomainError<DayErrorCode>> {
  const n = parseDayNumber(input);
  return n.ok ? ok(formatDayNumber(n.value)) : n;
}

/** Day number of a trusted day; throws `RangeError` for an invalid one (a bug, not user input). */
export function toDayNumber(day: Day): number {
  const n = parseDayNumber(day);
  if (!n.ok) throw new RangeError(`Invalid day ${JSON.stringify(String(day))}: ${n.error.code}`);
  return n.value;
}

export function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return formatCivil(year, month, day);
}

/** The calendar day in Asia/Jakarta (WIB) at the instant `date`, as `YYYY-MM-DD`. */
export function jakartaDay(date: Date): string {
  return formatDayNumber(toDayNumber(date));
}

/** The calendar year in Asia/Jakarta (WIB) at the instant `at`, e.g. for "this year" defaults. */
export function jakartaYear(at: Date): number {
  return civilFromDays(toDayNumber(at)).year;
}

/** The instant a WIB day begins (00:00 Asia/Jakarta = 17:00 UTC the day before). */
export function jakartaDayStart(day: Day): Date {
  return new Date((toDayNumber(day) * 1440 - JAKARTA_UTC_OFFSET_MINUTES) * 60_000);
}

/** The instant `at` as a W3C date-time in WIB with its offset: `2026-03-25T09:30:00+07:00`. */
export function jakartaDateTime(at: Date): string {
  const wib = new Date(at.getTime() + JAKARTA_UTC_OFFSET_MINUTES * 60_000);
  return `${wib.toISOString().slice(0, 19)}+07:00`;
}

/** Canonical `YYYY-MM-DD` form of a trusted day (a `Date` read in WIB). */
export function toDayString(day: Day): string {
  return typeof day === 'string' ? formatDayNumber(toDayNumber(day)) : jakartaDay(day);
}

/** Day of the week of a trusted day: 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return weekdayOfDayNumber(toDayNumber(day));
}

/** `day` shifted by `n` calendar days (weekends and holidays included). */
export function addCalendarDays(day: Day, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addCalendarDays: ${n} is not an integer`);
  return formatDayNumber(toDayNumber(day) + n);
}

/** Negative when `a` is before `b`, zero when the same day, positive when after. */
export function compareDays(a: Day, b: Day): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: Day, to: Day): number {
  return toDayNumber(to) - toDayNumber(from);
}

// ISO 8601 / W3C date-time: a date, `T`, hours and minutes, optional seconds and fraction, and
// an offset (`Z` or ±HH:MM / ±HHMM); without the offset it is ambiguous (GeoReport v2 requires one).
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;

/**
 * An instant written as an ISO 8601 date-time with its offset (`2026-11-30T09:00:00+07:00`,
 * `…Z`), in the years 0001–9999. Errors: DATETIME_OFFSET_REQUIRED for a time without an offset
 * (never read in the server's own time zone), DATETIME_INVALID for anything else, DAY_NOT_A_DATE
 * for a day the calendar does not have.
 */
export function parseInstant(input: string): Result<Date, DomainError<DayErrorCode>> {
  const m = DATE_TIME.exec(input.trim());
  if (!m) return err(dayError('DATETIME_INVALID', { input }));
  const day = parseDayNumber(m[1] ?? '');
  if (!day.ok) return day;
  if (!m[6]) return err(dayError('DATETIME_OFFSET_REQUIRED', { input }));
  const at = new Date(input.trim());
  if (Number.isNaN(at.getTime())) return err(dayError('DATETIME_INVALID', { input }));
  return ok(at);
}

/**
 * One end of a date filter (`start_date`/`end_date`, from/to): a bare `YYYY-MM-DD` is that calendar
 * day in WIB — its first instant (`start`: 00:00:00.000+07:00) or its last (`end`:
 * 23:59:59.999+07:00) —, a date-time is the instant it names and must carry an offset
 * (`parseInstant`). So one day written as a date is the same window as written with +07:00.
 */
export function dateFilterBound(
  input: string,
  edge: 'start' | 'end',
): Result<Date, DomainError<DayErrorCode>> {
  const value = input.trim();
  if (!value.includes('T')) {
    const day = parseDay(value);
    if (!day.ok) return day;
    const start = jakartaDayStart(day.value);
    return ok(edge === 'start' ? start : new Date(start.getTime() + 86_400_000 - 1));
  }
  return parseInstant(value);
}
