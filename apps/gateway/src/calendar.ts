// The working-day calendar used for public deadlines. Until the calendar is stored in the
// database (issue 4), deadlines use the national calendar shipped with @layanan/domain.
import { indonesianCalendar2026, jakartaDay, type WorkingCalendar } from '@layanan/domain/calendar';

export function workingCalendar(): WorkingCalendar {
  return indonesianCalendar2026();
}

/** Today's date in Asia/Jakarta (WIB). */
export function todayWib(now: Date = new Date()): string {
  return jakartaDay(now);
}

/** A `@db.Date` column value (midnight UTC) as YYYY-MM-DD. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** YYYY-MM-DD as a `@db.Date` column value. */
export function dateColumn(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
