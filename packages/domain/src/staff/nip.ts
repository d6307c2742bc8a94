import { type Day, isValidDate, toDayNumber } from '../calendar/day.js';
import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { NIP_ERROR_MESSAGES, type NipErrorCode } from './messages.js';

/*
 * NIP (Nomor Induk Pegawai), 18 digits.
 * PNS (PP 11/2017 on PNS management; BKN rules on NIP):
 *   birth date YYYYMMDD · TMT CPNS YYYYMM · gender (1 male, 2 female) · sequence (3 digits)
 *   e.g. 19850312 201001 1 004.
 * PPPK (layout as issued by BKN; *unverified* in this project, so only the checks that do not
 * depend on it apply: a real birth date, appointment year at 18 or later and not in the future):
 *   birth date YYYYMMDD · appointment year YYYY · type code "2x" · gender · sequence (3 digits)
 *   e.g. 19920315 2022 21 2 001. The 13th digit tells the kinds apart: for a PNS it is the first
 *   digit of the TMT month (0 or 1), for a PPPK it is 2.
 */

/** The two kinds of ASN (UU 20/2023): civil servants (PNS) and contract staff (PPPK). */
export const STAFF_KINDS = ['PNS', 'PPPK'] as const;
export type StaffKind = (typeof STAFF_KINDS)[number];
/** A NIP tells the staff kinds apart (see above). */
export type NipKind = StaffKind;

/** The gender digit of a NIP: 1 male (`M`), 2 female (`F`). */
export const GENDERS = ['M', 'F'] as const;
export type Gender = (typeof GENDERS)[number];

export type ParsedNip = {
  readonly kind: NipKind;
  /** The 18 digits without spaces. */
  readonly nip: string;
  readonly birthDate: string /* YYYY-MM-DD */;
  /** TMT CPNS `YYYY-MM` for PNS, appointment year `YYYY` for PPPK. */
  readonly appointment: string;
  readonly gender: Gender;
  readonly sequence: number;
};

const nipError = errorFactory(NIP_ERROR_MESSAGES);

export type NipError = DomainError<NipErrorCode>;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Parses and validates a NIP, deriving birth date, appointment, gender and sequence from it.
 * Accepts the digits with or without spaces (`19850312 201001 1 004`). `now` is injected so the
 * "appointment in the future" check is reproducible; a `Date` is read in WIB.
 */
export function parseNip(nip: string, options: { readonly now: Day }): Result<ParsedNip, NipError> {
  if (typeof nip !== 'string' || nip.trim() === '') return err(nipError('NIP_REQUIRED'));
  const digits = nip.replace(/\s+/g, '');
  if (!/^\d+$/.test(digits)) return err(nipError('NIP_NON_DIGIT', { nip }));
  if (digits.length !== 18) return err(nipError('NIP_INVALID_LENGTH', { nip, length: digits.length }));

  const num = (from: number, to: number) => Number(digits.slice(from, to));
  const by = num(0, 4);
  const bm = num(4, 6);
  const bd = num(6, 8);
  if (!isValidDate(by, bm, bd)) return err(nipError('NIP_INVALID_BIRTH_DATE', { value: digits.slice(0, 8) }));
  const birthDate = `${digits.slice(0, 4)}-${pad2(bm)}-${pad2(bd)}`;
  // Sequences start at 001: 000 is what a spreadsheet leaves of an 18-digit number (15
  // significant digits), e.g. 198503122010011004 → 198503122010011000.
  if (digits.endsWith('000')) return err(nipError('NIP_SEQUENCE_ZERO', { nip: digits }));

  if (digits[12] === '2') {
    // Appointed at 18 or later (by year: the layout gives no month) and not in the future.
    const year = num(8, 12);
    if (year < by + 18) {
      return err(nipError('NIP_APPOINTMENT_BEFORE_AGE_18', { birthDate, appointment: digits.slice(8, 12) }));
    }
    if (toDayNumber(`${digits.slice(8, 12)}-01-01`) > toDayNumber(options.now)) {
      return err(nipError('NIP_APPOINTMENT_IN_FUTURE', { appointment: digits.slice(8, 12) }));
    }
    // PPPK: only what is needed to fill the record is checked (see the layout note above).
    const genderDigit = digits[14];
    if (genderDigit !== '1' && genderDigit !== '2') {
      return err(nipError('NIP_INVALID_GENDER', { value: genderDigit, kind: 'PPPK' }));
    }
    return ok({
      kind: 'PPPK',
      nip: digits,
      birthDate,
      appointment: digits.slice(8, 12),
      gender: genderDigit === '1' ? 'M' : 'F',
      sequence: num(15, 18),
    });
  }

  const ay = num(8, 12);
  const am = num(12, 14);
  if (!isValidDate(ay, am, 1)) {
    return err(nipError('NIP_INVALID_APPOINTMENT_DATE', { value: digits.slice(8, 14) }));
  }
  const genderDigit = digits[14];
  if (genderDigit !== '1' && genderDigit !== '2') {
    return err(nipError('NIP_INVALID_GENDER', { value: genderDigit, kind: 'PNS' }));
  }
  const appointment = `${digits.slice(8, 12)}-${pad2(am)}`;

  // TMT CPNS is the first day of its month. Comparing (year, month, day) tuples avoids building
  // the 18th birthday as a date, which for 29 February would need a convention.
  const tmt = [ay, am, 1] as const;
  const eighteenth = [by + 18, bm, bd] as const;
  if (compareTuples(tmt, eighteenth) < 0) {
    return err(nipError('NIP_APPOINTMENT_BEFORE_AGE_18', { birthDate, appointment }));
  }
  if (toDayNumber(`${appointment}-01`) > toDayNumber(options.now)) {
    return err(nipError('NIP_APPOINTMENT_IN_FUTURE', { appointment }));
  }
  return ok({
    kind: 'PNS',
    nip: digits,
    birthDate,
    appointment,
    gender: genderDigit === '1' ? 'M' : 'F',
    sequence: num(15, 18),
  });
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Groups a valid NIP the way it is printed on cards: `19850312 201001 1 004` / `19920315 2022 21 2 001`. */
export function formatNip(parsed: Pick<ParsedNip, 'kind' | 'nip'>): string {
  const d = parsed.nip;
  return parsed.kind === 'PNS'
    ? `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}`
    : `${d.slice(0, 8)} ${d.slice(8, 12)} ${d.slice(12, 14)} ${d.slice(14, 15)} ${d.slice(15)}`;
}
