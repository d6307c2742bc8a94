import { type Day, formatDayNumber, toDayNumber, weekdayOfDayNumber } from './day.js';
import {
  CalendarCoverageError,
  checkCalendarCovers,
  type Holiday,
  type WorkingCalendar,
} from './working-calendar.js';

/*
 * Deadlines in public services count working days in WIB: weekends, national holidays and cuti
 * bersama do not count (UU 25/2009 service standards state completion times in working days;
 * the SKB on national holidays and cuti bersama sets the non-working days each year).
 *
 * Error policy: these functions take days that were already parsed (see `parseDay`) and a
 * calendar that was already validated (see `validateWorkingCalendar`). An invalid day, a
 * non-integer count or a calendar without working days is a programmer error and throws a
 * `RangeError`; they never return a Result. A day in a year the calendar does not know (see
 * `WorkingCalendar.knownYears`) is a data gap, not a bug: they throw `CalendarCoverageError`
 * (CALENDAR_YEAR_UNKNOWN), which the gateway reports as a typed error; `checkCalendarCovers`
 * asks the same question as a Result.
 */

function requireCovered(calendar: WorkingCalendar, ...days: readonly string[]): void {
  const covered = checkCalendarCovers(calendar, ...days);
  if (!covered.ok) throw new CalendarCoverageError(covered.error);
}

type Context = { readonly weekend: ReadonlySet<number>; readonly holidays: ReadonlySet<number> };

function contextOf(calendar: WorkingCalendar): Context {
  const weekend = new Set<number>();
  for (const d of calendar.weekendDays) {
    if (!Number.isInteger(d) || d < 0 || d > 6) throw new RangeError(`Invalid weekend day ${d}`);
    weekend.add(d);
  }
  if (weekend.size === 7) throw new RangeError('The calendar has no working days of the week');
  const holidays = new Set<number>();
  for (const h of calendar.holidays) holidays.add(toDayNumber(h.date));
  return { weekend, holidays };
}

function isWorking(ctx: Context, dayNumber: number): boolean {
  return !ctx.weekend.has(weekdayOfDayNumber(dayNumber)) && !ctx.holidays.has(dayNumber);
}

/** Whether offices are open on `day`: not a weekend day and not a holiday of any kind. */
export function isWorkingDay(day: Day, calendar: WorkingCalendar): boolean {
  requireCovered(calendar, formatDayNumber(toDayNumber(day)));
  return isWorking(contextOf(calendar), toDayNumber(day));
}

/** The holidays that fall on `day` (a LOCAL holiday can share a date with a national one). */
export function holidaysOn(day: Day, calendar: WorkingCalendar): readonly Holiday[] {
  const n = toDayNumber(day);
  return calendar.holidays.filter((h) => toDayNumber(h.date) === n);
}

/**
 * The `YYYY-MM-DD` date that is `days` working days after `start`. The start day itself is not
 * counted (a request filed on Monday with 3 working days is due on Thursday), and it does not
 * matter whether `start` is a working day. `days = 0` returns `start` unchanged.
 * `days` must be a non-negative integer.
 */
export function addWorkingDays(start: Day, days: number, calendar: WorkingCalendar): string {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`addWorkingDays: days must be a non-negative integer, got ${days}`);
  }
  const ctx = contextOf(calendar);
  let n = toDayNumber(start);
  let counted = 0;
  while (counted < days) {
    n += 1;
    if (isWorking(ctx, n)) counted += 1;
  }
  const due = formatDayNumber(n);
  requireCovered(calendar, formatDayNumber(toDayNumber(start)), due);
  return due;
}

/**
 * The number of working days after `from` up to and including `to`.
 * When `from` is after `to` the result is negative: `-workingDaysBetween(to, from)`. So the
 * count is antisymmetric and additive — `between(a, b) + between(b, c) === between(a, c)` for
 * any order — and `workingDaysBetween(deadline, today)` reads directly as "working days
 * overdue" (positive) or "working days left" (negative).
 */
export function workingDaysBetween(from: Day, to: Day, calendar: WorkingCalendar): number {
  const ctx = contextOf(calendar);
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  // The start day itself is not counted, so only the days after it must be known.
  if (lo < hi) requireCovered(calendar, formatDayNumber(lo + 1), formatDayNumber(hi));
  let count = 0;
  for (let n = lo + 1; n <= hi; n += 1) if (isWorking(ctx, n)) count += 1;
  return count === 0 ? 0 : sign * count; // never -0
}

/** The first working day on or after `day`, e.g. when a clock starts on a request filed on a Sunday. */
export function nextWorkingDayOnOrAfter(day: Day, calendar: WorkingCalendar): string {
  const ctx = contextOf(calendar);
  let n = toDayNumber(day);
  while (!isWorking(ctx, n)) n += 1;
  return formatDayNumber(n);
}

/**
 * The last working day on or before `day`. A due date that falls on a weekend or holiday is
 * therefore met by the working day before it; "overdue" means a working day has passed since.
 */
export function lastWorkingDayOnOrBefore(day: Day, calendar: WorkingCalendar): string {
  const ctx = contextOf(calendar);
  let n = toDayNumber(day);
  while (!isWorking(ctx, n)) n -= 1;
  return formatDayNumber(n);
}
