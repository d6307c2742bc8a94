import { MONTH_NAMES } from '../calendar/day-words.js';
import { type DomainError, errorFactory, type Message } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { SKM_PERIOD_ERROR_MESSAGES, type SkmPeriodErrorCode } from './messages.js';

/*
 * Survey periods. PermenPANRB 14/2017 asks for at least one survey a year; agencies also publish
 * monthly, quarterly (triwulan) and half-yearly (semester) results. A period is a range of whole
 * WIB days, `from` and `to` inclusive.
 */

export const SKM_PERIOD_KINDS = ['MONTH', 'QUARTER', 'SEMESTER', 'YEAR'] as const;
export type SkmPeriodKind = (typeof SKM_PERIOD_KINDS)[number];

export type SkmPeriodInput = {
  readonly kind: SkmPeriodKind;
  readonly year: number;
  /** 1–12 (MONTH), 1–4 (QUARTER), 1–2 (SEMESTER); omitted for YEAR. */
  readonly number?: number | null;
};

/** A valid period: its input (`number` null for YEAR) with its day range, key and label. */
export type SkmPeriod = Required<SkmPeriodInput> & {
  /** First day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  readonly to: string;
  /** Stable key, also the CSV route's `period` parameter: `YEAR-2026`, `S1-2026`, `Q3-2026`, `M01-2026`. */
  readonly key: string;
  readonly label: Message;
};

const periodError = errorFactory(SKM_PERIOD_ERROR_MESSAGES);
export type SkmPeriodError = DomainError<SkmPeriodErrorCode>;

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Validates a period and gives its day range, key and labels. */
export function skmPeriod(input: SkmPeriodInput): Result<SkmPeriod, SkmPeriodError> {
  const { kind, year } = input;
  const number = input.number ?? null;
  if (!SKM_PERIOD_KINDS.includes(kind)) return err(periodError('SKM_PERIOD_INVALID_KIND', { kind }));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    return err(periodError('SKM_PERIOD_INVALID_YEAR', { year }));
  }
  const max = { MONTH: 12, QUARTER: 4, SEMESTER: 2, YEAR: 0 }[kind];
  const validNumber =
    kind === 'YEAR'
      ? number === null
      : number !== null && Number.isInteger(number) && number >= 1 && number <= max;
  if (!validNumber) return err(periodError('SKM_PERIOD_INVALID_NUMBER', { kind, number }));
  const n = number ?? 1;
  const months = { MONTH: 1, QUARTER: 3, SEMESTER: 6, YEAR: 12 }[kind];
  const firstMonth = (n - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const from = `${year}-${pad(firstMonth)}-01`;
  const to = `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`;
  const key = {
    MONTH: `M${pad(n)}-${year}`,
    QUARTER: `Q${n}-${year}`,
    SEMESTER: `S${n}-${year}`,
    YEAR: `YEAR-${year}`,
  }[kind];
  const label = {
    MONTH: { id: `${MONTH_NAMES.id[n - 1]} ${year}`, en: `${MONTH_NAMES.en[n - 1]} ${year}` },
    QUARTER: { id: `Triwulan ${ROMAN[n - 1]} ${year}`, en: `Q${n} ${year}` },
    SEMESTER: { id: `Semester ${ROMAN[n - 1]} ${year}`, en: `H${n} ${year}` },
    YEAR: { id: `Tahun ${year}`, en: `${year}` },
  }[kind];
  return ok({ kind, year, number, from, to, key, label });
}

/** Parses a period key (`YEAR-2026`, `S1-2026`, `Q1-2026`, `M01-2026`), e.g. from a URL. */
export function parseSkmPeriod(text: string): Result<SkmPeriod, SkmPeriodError> {
  const m = /^(YEAR|S|Q|M)(\d{0,2})-(\d{4})$/.exec(text.trim().toUpperCase());
  if (!m) return err(periodError('SKM_PERIOD_INVALID_FORMAT', { text }));
  const [, prefix, digits, yearText] = m;
  const kind = ({ YEAR: 'YEAR', S: 'SEMESTER', Q: 'QUARTER', M: 'MONTH' } as const)[
    prefix as 'YEAR' | 'S' | 'Q' | 'M'
  ];
  if ((kind === 'YEAR') !== (digits === '')) {
    return err(periodError('SKM_PERIOD_INVALID_FORMAT', { text }));
  }
  return skmPeriod({ kind, year: Number(yearText), number: digits ? Number(digits) : null });
}

/** Every period of a kind in a year, in order: 12 months, 4 quarters, 2 semesters or the year. */
export function skmPeriodsOfYear(year: number, kind: SkmPeriodKind): Result<SkmPeriod[], SkmPeriodError> {
  const count = { MONTH: 12, QUARTER: 4, SEMESTER: 2, YEAR: 1 }[kind];
  if (count === undefined) return err(periodError('SKM_PERIOD_INVALID_KIND', { kind }));
  const out: SkmPeriod[] = [];
  for (let n = 1; n <= count; n += 1) {
    const p = skmPeriod({ kind, year, number: kind === 'YEAR' ? null : n });
    if (!p.ok) return p;
    out.push(p.value);
  }
  return ok(out);
}
