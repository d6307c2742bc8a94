// How the app writes numbers and dates: one place, in the active language (issue 21, kind 10).
// Indonesian uses a decimal comma and dots between thousands (81,67; 1.250); English the reverse.
// Values are rounded, never truncated. Pages, charts and texts all go through these helpers; only
// the CSV download (made by the gateway) keeps machine-readable dot decimals.
import type { Lang } from './i18n.tsx';

/** The locale of a language: Indonesian as written in Indonesia, English with day-month dates. */
export const localeOf = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), options);
    formatters.set(key, format);
  }
  return format;
}

/**
 * A measured value rounded to at most `digits` decimals (half away from zero): 81.66675 with 2
 * digits is `81,67` in Indonesian, `81.67` in English; null is `—`. `fixed` keeps trailing zeros
 * (`3,50`), for columns of averages that are read side by side.
 */
export function formatNumber(
  value: number | null | undefined,
  lang: Lang,
  digits = 1,
  { fixed = false }: { fixed?: boolean } = {},
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return numberFormat(lang, {
    maximumFractionDigits: digits,
    ...(fixed ? { minimumFractionDigits: digits } : {}),
  }).format(value);
}

/** A share (0–1) as a percentage with one decimal: 0.8125 → `81,3 %` (Indonesian), `81.3 %`. */
export function formatPercent(share: number | null | undefined, lang: Lang): string {
  return share === null || share === undefined ? '—' : `${formatNumber(share * 100, lang)} %`;
}

/**
 * A count or year inside a sentence: grouped only from five digits, so a year stays `2026`
 * while `12.500` (Indonesian) reads as twelve thousand five hundred; decimals as formatNumber.
 */
export function formatCount(value: number, lang: Lang): string {
  return numberFormat(lang, { maximumFractionDigits: 2, useGrouping: 'min2' }).format(value);
}

/**
 * A decimal the gateway already fixed as text (e.g. the IKM score `"81.66"`, whose digits must
 * stay in the band of its grade): the same digits with the language's decimal mark.
 */
export function formatDecimalText(value: string | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  const match = /^(-?\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return value;
  const digits = match[2]?.length ?? 0;
  return formatNumber(Number(value), lang, digits, { fixed: true });
}

export function formatIdr(value: number, lang: Lang): string {
  return numberFormat(lang, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(value);
}

/** A day (`YYYY-MM-DD`, a WIB day) or an instant as a date in WIB: `1 Des 2026`, `1 Dec 2026`. */
export function formatDate(value: string | null | undefined, lang: Lang): string {
  if (!value) return '—';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
  return date.toLocaleDateString(localeOf(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  });
}

/** An instant as date and time in WIB. */
export function formatDateTime(value: string | null | undefined, lang: Lang): string {
  if (!value) return '—';
  return new Date(value).toLocaleString(localeOf(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
  });
}
