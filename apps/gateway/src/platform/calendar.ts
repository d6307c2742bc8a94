// The working-day calendar is data in the `holiday` table (issue 4): loaded whole for each
// computation (a few dozen rows a year) and handed to the pure domain functions.
import { createWorkingCalendar, jakartaDay, type WorkingCalendar } from '@layanan/domain/calendar';
import type { TransactionClient } from './audited.js';

/** A `YYYY-MM-DD` day as stored in a PostgreSQL `date` column (UTC midnight in Prisma). */
export const dateOnly = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** Today in Asia/Jakarta. */
export const todayWib = (now: Date = new Date()): string => jakartaDay(now);

export async function loadWorkingCalendar(db: Pick<TransactionClient, 'holiday'>): Promise<WorkingCalendar> {
  const rows = await db.holiday.findMany({ orderBy: { date: 'asc' } });
  return createWorkingCalendar({
    holidays: rows.map((h) => ({
      date: dayOf(h.date),
      name: h.name,
      kind: h.kind,
      provisional: h.provisional,
    })),
  });
}
