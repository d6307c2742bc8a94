import { jakartaDayStart, parseDay } from '../calendar/day.js';
import type { FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';

/*
 * Waiting-time statistics cover the requests submitted in a period of WIB days (issue 4; the
 * "waiting times are too long" finding of the satisfaction survey).
 */

export type StatisticsPeriod = {
  readonly from: string;
  readonly to: string;
  /** The instant `from` begins in WIB (inclusive). */
  readonly start: Date;
  /** The instant after `to` ends in WIB (exclusive). */
  readonly end: Date;
};

const dayFormat = (field: string): FieldError => ({
  field,
  code: 'INVALID_FORMAT',
  message: { id: 'Tanggal harus berformat YYYY-MM-DD', en: 'The date must be YYYY-MM-DD' },
});

/**
 * A period of `YYYY-MM-DD` days, both inclusive, `from` not after `to`.
 * Errors: field errors `from`/`to` (INVALID_FORMAT), or `to` (OUT_OF_RANGE) before `from`.
 */
export function statisticsPeriod(from: string, to: string): Result<StatisticsPeriod, readonly FieldError[]> {
  const f = parseDay(from.trim());
  const t = parseDay(to.trim());
  if (!f.ok || !t.ok) return err([...(f.ok ? [] : [dayFormat('from')]), ...(t.ok ? [] : [dayFormat('to')])]);
  if (f.value > t.value)
    return err([
      {
        field: 'to',
        code: 'OUT_OF_RANGE',
        message: { id: 'Tanggal akhir sebelum tanggal awal', en: 'The end date is before the start date' },
      },
    ]);
  return ok(periodOf(f.value, t.value));
}

/** The instants bounding trusted WIB days `from`…`to` (inclusive). */
export function periodOf(from: string, to: string): StatisticsPeriod {
  const end = jakartaDayStart(to);
  return { from, to, start: jakartaDayStart(from), end: new Date(end.getTime() + 86_400_000) };
}
