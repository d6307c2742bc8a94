import { normalizePhone } from '../accounts/identifiers.js';
import { compareDays, type Day, isValidDate } from '../calendar/day.js';
import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { IDENTITY_NUMBER_ERROR_MESSAGES, type IdentityNumberErrorCode } from './messages.js';
import { PROVINCE_CODES, REGENCY_CODES } from './region-codes.js';

/*
 * Identity numbers citizens type into service requests, checked as the field checks them — the
 * form only, never against the civil registry.
 * - NIK (Nomor Induk Kependudukan, UU 24/2013): 16 digits = region `PPKKCC` (province, regency or
 *   city, district) where the person was first registered — any in Indonesia, not where they live
 *   now —, birth date `DDMMYY` with 40 added to the day for women, then a sequence from 0001.
 * - NPWP (PMK 112/2022): 15 digits in the old format, or 16: a person's NIK, or 0 and the old 15.
 * - Indonesian mobile numbers, as the accounts area normalises them.
 */

export type IdentityNumberError = DomainError<IdentityNumberErrorCode>;
const identityError = errorFactory(IDENTITY_NUMBER_ERROR_MESSAGES);

/**
 * Provinces that handed regencies to a province created since 1999 (Maluku Utara, Banten,
 * Bangka Belitung, Gorontalo, Kepulauan Riau, Sulawesi Barat, Kalimantan Utara, the Papua
 * provinces): NIKs issued before the split keep the old regency code, which today's list no
 * longer has, so any regency number is taken for them.
 */
const PROVINCES_SPLIT_SINCE_1999: ReadonlySet<string> = new Set([
  '14',
  '16',
  '32',
  '64',
  '71',
  '73',
  '81',
  '91',
  '94',
]);

export type ParsedNik = {
  readonly nik: string;
  /** `PPKK`: the province and regency/city of first registration. */
  readonly regionCode: string;
  readonly birthDate: string;
  readonly gender: 'M' | 'F';
};

/** The region code is a known regency, or any regency number of a province split since 1999. */
function knownRegion(regency: string): boolean {
  const province = regency.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) return false;
  if (REGENCY_CODES.has(regency)) return true;
  const number = Number(regency.slice(2));
  return PROVINCES_SPLIT_SINCE_1999.has(province) && number >= 1 && number <= 79;
}

/**
 * Checks a NIK's form (spaces, dots and dashes ignored) and reads it: 16 digits, a known region,
 * a real birth date not after `today` (the century is the latest one that makes it so), a
 * sequence other than 0000. Errors: NIK_INVALID_LENGTH, NIK_REGION_UNKNOWN,
 * NIK_BIRTH_DATE_INVALID, NIK_SEQUENCE_ZERO.
 */
export function checkNik(value: string, today: Day): Result<ParsedNik, IdentityNumberError> {
  const nik = value.replace(/[\s.-]/g, '');
  if (!/^\d{16}$/.test(nik)) return err(identityError('NIK_INVALID_LENGTH', { length: nik.length }));
  if (!knownRegion(nik.slice(0, 4)))
    return err(identityError('NIK_REGION_UNKNOWN', { region: nik.slice(0, 4) }));
  const rawDay = Number(nik.slice(6, 8));
  const gender = rawDay > 40 ? 'F' : 'M';
  const day = gender === 'F' ? rawDay - 40 : rawDay;
  const month = Number(nik.slice(8, 10));
  const yy = nik.slice(10, 12);
  const birthDate = ['20', '19']
    .map((century) => `${century}${yy}-${nik.slice(8, 10)}-${String(day).padStart(2, '0')}`)
    .find((date) => isValidDate(Number(date.slice(0, 4)), month, day) && compareDays(date, today) <= 0);
  if (!birthDate) return err(identityError('NIK_BIRTH_DATE_INVALID', { value: nik.slice(6, 12) }));
  if (nik.endsWith('0000')) return err(identityError('NIK_SEQUENCE_ZERO'));
  return ok({ nik, regionCode: nik.slice(0, 4), birthDate, gender });
}

/**
 * Checks an NPWP's form (separators ignored): 15 digits; or 16, being a valid NIK or `0` and 15
 * digits. Returns the digits. Errors: NPWP_INVALID.
 */
export function checkNpwp(value: string, today: Day): Result<string, IdentityNumberError> {
  const npwp = value.replace(/[\s.-]/g, '');
  if (/^\d{15}$/.test(npwp) || /^0\d{15}$/.test(npwp)) return ok(npwp);
  if (/^\d{16}$/.test(npwp) && checkNik(npwp, today).ok) return ok(npwp);
  return err(identityError('NPWP_INVALID'));
}

/** An Indonesian mobile number in its one spelling (`+628…`). Errors: PHONE_INVALID. */
export function checkPhone(value: string): Result<string, IdentityNumberError> {
  const phone = normalizePhone(value);
  return phone.ok ? phone : err(identityError('PHONE_INVALID'));
}
