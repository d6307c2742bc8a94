// The city's holiday register (issue 4): one entry per day and kind.
import type { DomainError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import type { HolidayKind } from './working-calendar.js';

/**
 * A holiday may be added unless the register already lists the same day with the same kind
 * (a NATIONAL holiday and a CUTI_BERSAMA on one day are two entries). `listed` are the entries
 * of that day. HOLIDAY_DUPLICATE names the day and kind (`details.date`, `details.kind`).
 */
export function checkHolidayNotListed(
  holiday: { readonly date: string; readonly kind: HolidayKind },
  listed: readonly { readonly date: string; readonly kind: HolidayKind }[],
): Result<true, DomainError<'HOLIDAY_DUPLICATE'>> {
  if (!listed.some((h) => h.date === holiday.date && h.kind === holiday.kind)) return ok(true);
  const { date, kind } = holiday;
  return err({
    code: 'HOLIDAY_DUPLICATE',
    message: {
      id: `Tanggal ${date} sudah tercatat sebagai ${kind}`,
      en: `${date} is already listed as ${kind}`,
    },
    details: { date, kind },
  });
}
