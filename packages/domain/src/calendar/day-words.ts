import type { Message } from '../errors.js';

/*
 * Days in words for texts the domain writes (notifications, reports): "1 Desember 2026" and
 * "1 December 2026", never `2026-12-01` (issue 21, kind 9).
 */

export const MONTH_NAMES: { readonly [L in keyof Message]: readonly string[] } = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/**
 * A WIB day `YYYY-MM-DD` in words in both languages: `2026-12-01` → "1 Desember 2026" /
 * "1 December 2026". Anything that is not such a day is returned unchanged in both (a bug
 * upstream should show, not vanish).
 */
export function dayInWords(day: string): Message {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) return { id: day, en: day };
  const d = Number(match[3]);
  return {
    id: `${d} ${MONTH_NAMES.id[month - 1]} ${match[1]}`,
    en: `${d} ${MONTH_NAMES.en[month - 1]} ${match[1]}`,
  };
}
