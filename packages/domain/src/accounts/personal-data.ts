// Personal data rights (UU 27/2022, issue 23 item 3): what of a person the city holds, what
// survives the erasure of an account and the retention schedule, and on what legal basis. The
// table is docs/personal-data.md, row for row (personal-data.test.ts compares them); the functions
// below are the rules the gateway's erasure and retention job apply, over plain data.

import { type DomainError, domainError, type ErrorMessages, errorCodes, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import type { ServiceAttribute } from '../services/attributes.js';
import { isIdentifyingAttribute } from '../services/complaint-handling.js';
import { textLength } from '../text-limits.js';
import { ACCOUNT_ERROR_MESSAGES } from './account.js';
import { normalizeEmail, normalizePhone } from './identifiers.js';

/** What happens to a field: erased (replaced or deleted), kept, or not erasable by this route. */
export type PersonalDataFate = 'ERASED' | 'KEPT' | 'NOT_ERASABLE';

export type PersonalDataRow = {
  /** The database table (`@@map`), or several joined by `, `. */
  readonly table: string;
  /** The fields or file, as the documentation names them. */
  readonly fields: string;
  readonly onErasure: PersonalDataFate;
  readonly onRetention: PersonalDataFate;
  /** The legal basis, as cited in the documentation. */
  readonly basis: string;
};

const row = (
  table: string,
  fields: string,
  onErasure: PersonalDataFate,
  onRetention: PersonalDataFate,
  basis: string,
): PersonalDataRow => ({ table, fields, onErasure, onRetention, basis });

/**
 * Every personal field and file of the schema and its fate (docs/personal-data.md). UU 27/2022
 * art. 8 and 43 (erasure), art. 16(2) (retention), art. 15(1) (exceptions: the public task,
 * statistics); UU 25/2009 art. 21 (the record of each service); UU 43/2009 (archives).
 */
export const PERSONAL_DATA_TABLE: readonly PersonalDataRow[] = [
  row('account', 'displayName', 'ERASED', 'KEPT', 'UU 27/2022 art. 8, 43'),
  row('account', 'email', 'ERASED', 'KEPT', 'UU 27/2022 art. 8, 43'),
  row('account', 'phone', 'ERASED', 'KEPT', 'UU 27/2022 art. 8, 43'),
  row('account', 'passwordHash, emailVerifiedAt, phoneVerifiedAt', 'ERASED', 'KEPT', 'UU 27/2022 art. 43'),
  row('account', 'id, role, createdAt, erasedAt', 'KEPT', 'KEPT', 'UU 25/2009 art. 21'),
  row('account_session', 'id, createdAt, endedAt', 'KEPT', 'KEPT', 'PP 71/2019 art. 14'),
  row('refresh_token', 'tokenHash', 'ERASED', 'KEPT', 'UU 27/2022 art. 43'),
  row('account_token', 'address, tokenHash', 'ERASED', 'KEPT', 'UU 27/2022 art. 43'),
  row('notification_preference', 'kind, email', 'ERASED', 'KEPT', 'UU 27/2022 art. 43'),
  row('notification', 'titleId, titleEn, linkPath', 'ERASED', 'KEPT', 'UU 27/2022 art. 43'),
  row('mail_message', 'toAddress, subject, textBody, htmlBody', 'ERASED', 'KEPT', 'UU 27/2022 art. 43'),
  row('audit_entry', 'before, after', 'ERASED', 'KEPT', 'PP 71/2019 art. 14; UU 27/2022 art. 43'),
  row('audit_entry', 'actorId, action, entityId, createdAt', 'KEPT', 'KEPT', 'PP 71/2019 art. 14'),
  row('domain_event', 'payload', 'ERASED', 'KEPT', 'UU 27/2022 art. 43'),
  row('service_request', 'originalText', 'ERASED', 'ERASED', 'UU 27/2022 art. 16(2), 43'),
  row('service_request', 'attributeValues: identifying', 'ERASED', 'ERASED', 'UU 27/2022 art. 16(2), 43'),
  row('service_request', 'attributeValues: choices', 'KEPT', 'KEPT', 'UU 25/2009 art. 21'),
  row('service_request', 'service, unit', 'KEPT', 'KEPT', 'UU 25/2009 art. 21; UU 27/2022 art. 15(1)'),
  row(
    'service_request',
    'anonymousContactEmail and its anonymousContactLanguage (an anonymous reporter’s contact; the reporter may withdraw it sooner)',
    'ERASED',
    'ERASED',
    'Perpres 76/2013 art. 4; UU 27/2022 art. 16(2), 43',
  ),
  row(
    'service_request',
    'publicDescription (a public report’s text as staff published it, personal data taken out), its time and publisher',
    'ERASED',
    'ERASED',
    'UU 27/2022 art. 16(2), 43',
  ),
  row(
    'request_event',
    'publicNote, internalNote written by the citizen',
    'ERASED',
    'ERASED',
    'UU 27/2022 art. 43',
  ),
  row('request_event', 'publicNote, internalNote written by staff', 'KEPT', 'KEPT', 'UU 25/2009 art. 21'),
  row('request_location', 'addressString', 'ERASED', 'ERASED', 'UU 27/2022 art. 16(2), 43'),
  row(
    'request_reporter_contact',
    'email, phone, firstName, lastName, language, claim code hash (a reporter without an account; deleted when the request is claimed)',
    'ERASED',
    'ERASED',
    'UU 27/2022 art. 16(2), 43',
  ),
  row(
    'attachment',
    'fileName and the file (blob) uploaded by the citizen with a request',
    'ERASED',
    'ERASED',
    'UU 27/2022 art. 16(2), 43',
  ),
  row(
    'attachment',
    'photos with a forum submission (FORUM_SUBMISSION): fileName and the file',
    'ERASED',
    'KEPT',
    'UU 27/2022 art. 8, 43',
  ),
  row('attachment', 'files uploaded by staff (STAFF_NOTE)', 'KEPT', 'KEPT', 'UU 25/2009 art. 21'),
  row('issued_document', 'the issued PDF', 'KEPT', 'KEPT', 'UU 43/2009'),
  row('survey_response', 'suggestion', 'ERASED', 'ERASED', 'UU 27/2022 art. 43'),
  row('survey_response', 'answers, gender', 'KEPT', 'KEPT', 'PermenPANRB 14/2017; UU 27/2022 art. 15(1)'),
  row('survey_response', 'profileLegacyText', 'ERASED', 'ERASED', 'UU 27/2022 art. 43'),
  row('staff_citizen_rating', 'comment', 'ERASED', 'ERASED', 'UU 27/2022 art. 43'),
  row('submission', 'title, text', 'ERASED', 'KEPT', 'UU 27/2022 art. 8, 43'),
  row('submission', 'status, answer', 'KEPT', 'KEPT', 'UU 25/2009 art. 21'),
  row('submission_support', "the account's +1", 'KEPT', 'KEPT', 'UU 25/2009 art. 21'),
  row('submission_follow', "the account's follow", 'ERASED', 'KEPT', 'UU 27/2022 art. 43'),
  row('request_follower', "the account's follow of a complaint", 'ERASED', 'KEPT', 'UU 27/2022 art. 43'),
  row('privacy_consent', 'noticeVersion, givenAt, withdrawnAt', 'KEPT', 'KEPT', 'UU 27/2022 art. 20, 22'),
  row('identity_view', 'who saw whose identity, when', 'KEPT', 'KEPT', 'UU 27/2022 art. 32'),
  row(
    'staff, rank_history, training_record, performance_rating',
    'the ASN register',
    'NOT_ERASABLE',
    'KEPT',
    'UU 20/2023',
  ),
];

/** What replaces an erased text; the name an erased account is shown with. */
export const ERASED_TEXT = '[dihapus]';
export const ERASED_DISPLAY_NAME = 'Warga terhapus';
/** What the stored (Indonesian) erasure placeholders are shown as in English. */
const ERASED_IN_ENGLISH: Readonly<Record<string, string>> = {
  [ERASED_TEXT]: '[erased]',
  [ERASED_DISPLAY_NAME]: 'Erased citizen',
};

/**
 * A stored value as shown in `lang`: an erasure placeholder (ERASED_TEXT, ERASED_DISPLAY_NAME,
 * stored in Indonesian) in the caller's language; any other value unchanged. For JSON values
 * (attribute values), every string that is a placeholder, at any depth.
 */
export function shownErased<T>(value: T, lang: 'id' | 'en'): T {
  if (lang === 'id') return value;
  if (typeof value === 'string') return (ERASED_IN_ENGLISH[value] ?? value) as T;
  if (Array.isArray(value)) return value.map((v) => shownErased(v, lang)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shownErased(v, lang)])) as T;
  return value;
}

/** The file name an erased attachment is shown with (its extension kept). */
export const ERASED_FILE_NAME = 'lampiran';
/** ERASED_FILE_NAME as shown in English. */
export const ERASED_FILE_NAME_EN = 'attachment';

/** Years after a request's closure its personal data is kept (UU 27/2022 art. 16(2)); default. */
export const DEFAULT_RETENTION_YEARS = 5;

export const PERSONAL_DATA_ERROR_MESSAGES = {
  ERASURE_NOT_CITIZEN: {
    id: 'Hanya akun warga yang dapat dihapus sendiri; data pegawai diatur oleh UU ASN.',
    en: 'Only a citizen account can erase itself; staff records are governed by the civil service law.',
  },
  ERASURE_ALREADY_DONE: {
    id: 'Akun ini sudah dihapus.',
    en: 'This account has already been erased.',
  },
  PROFILE_UPDATE_INVALID: {
    id: 'Perubahan profil tidak valid; periksa kolom yang ditandai.',
    en: 'The profile change is invalid; check the marked fields.',
  },
  PROFILE_CONTACT_REQUIRED: {
    id: 'Akun harus tetap memiliki alamat e-mail atau nomor ponsel.',
    en: 'The account must keep an e-mail address or a mobile number.',
  },
  PRIVACY_CONSENT_REQUIRED: {
    id: 'Bacalah pemberitahuan privasi dan nyatakan persetujuan Anda untuk mendaftar.',
    en: 'Read the privacy notice and give your consent to register.',
  },
  PRIVACY_NOTICE_OUTDATED: {
    id: 'Pemberitahuan privasi telah diperbarui; bacalah versi terbaru lalu daftar lagi.',
    en: 'The privacy notice has been updated; read the current version and register again.',
  },
  RETENTION_YEARS_INVALID: {
    id: 'Masa retensi harus bilangan bulat 1–100 tahun.',
    en: 'The retention period must be a whole number of 1–100 years.',
  },
} as const satisfies ErrorMessages<string>;
export const PersonalDataErrorCode = errorCodes(PERSONAL_DATA_ERROR_MESSAGES);
export type PersonalDataErrorCode = (typeof PersonalDataErrorCode)[keyof typeof PersonalDataErrorCode];
export type PersonalDataError = DomainError<PersonalDataErrorCode>;
const personalDataError = errorFactory(PERSONAL_DATA_ERROR_MESSAGES);

/** Whether an account may erase itself: citizens only (staff records: UU 20/2023), once. */
export function checkErasure(account: {
  readonly role: string;
  readonly erasedAt: Date | null;
}): Result<true, PersonalDataError> {
  if (account.erasedAt) return err(personalDataError('ERASURE_ALREADY_DONE'));
  if (account.role !== 'CITIZEN') return err(personalDataError('ERASURE_NOT_CITIZEN'));
  return ok(true);
}

/** The values of an account that identify its person (name, e-mail, phone), for redaction. */
export function personalValuesOf(account: {
  readonly displayName: string;
  readonly email: string | null;
  readonly phone: string | null;
}): string[] {
  return [account.displayName, account.email, account.phone].filter(
    (v): v is string => typeof v === 'string' && v.trim().length > 0,
  );
}

/**
 * Whether an attribute's value is personal: identifying (NIK, NIP, NPWP, phone, or marked
 * `identifying`: `isIdentifyingAttribute`) or free text (`text`); unknown codes count as personal.
 */
export function isPersonalAttribute(
  attribute: (ServiceAttribute & { readonly identifying?: boolean }) | undefined,
): boolean {
  return attribute === undefined || attribute.datatype === 'text' || isIdentifyingAttribute(attribute);
}

/** A request's attribute values with every personal one (isPersonalAttribute) replaced by ERASED_TEXT. */
export function erasedAttributeValues(
  definitions: readonly (ServiceAttribute & { readonly identifying?: boolean })[],
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  return Object.fromEntries(
    Object.entries(values).map(([code, value]) => [
      code,
      isPersonalAttribute(byCode.get(code)) ? ERASED_TEXT : value,
    ]),
  );
}

/**
 * A JSON value with every string that contains one of `secrets` (case-insensitive; secrets shorter
 * than 3 characters are ignored) replaced by ERASED_TEXT, at any depth; keys stay.
 */
export function redactValues(value: unknown, secrets: readonly string[]): unknown {
  const needles = secrets.map((s) => s.trim().toLowerCase()).filter((s) => s.length >= 3);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return needles.some((n) => v.toLowerCase().includes(n)) ? ERASED_TEXT : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** The name an erased attachment keeps (`lampiran`; shown in English as `attachment`), with the
 * original's extension, if any. */
export function erasedFileName(fileName: string, lang: 'id' | 'en' = 'id'): string {
  const base = lang === 'en' ? ERASED_FILE_NAME_EN : ERASED_FILE_NAME;
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1];
  return ext ? `${base}.${ext.toLowerCase()}` : base;
}

/**
 * The retention period in years from configuration (`LAYANAN_RETENTION_YEARS`): a whole number of
 * 1–100; empty gives DEFAULT_RETENTION_YEARS. RETENTION_YEARS_INVALID otherwise.
 */
export function parseRetentionYears(raw: string | undefined): Result<number, PersonalDataError> {
  if (raw === undefined || raw.trim() === '') return ok(DEFAULT_RETENTION_YEARS);
  const years = Number(raw);
  if (!Number.isInteger(years) || years < 1 || years > 100)
    return err(personalDataError('RETENTION_YEARS_INVALID'));
  return ok(years);
}

/**
 * The moment before which a closed request's personal data is past its retention (UU 27/2022 art.
 * 16(2)): `years` calendar years before `now` (UTC; 29 February falls back to 28 February).
 */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(now.getUTCFullYear() - years);
  if (cutoff.getUTCMonth() !== now.getUTCMonth()) cutoff.setUTCDate(0);
  return cutoff;
}

/** One field's problem in a profile change. */
export type ProfileFieldError = DomainError<string> & { readonly field: string };

/** A profile as stored, and a change of it (UU 27/2022 art. 6: the right to correct one's data). */
export type Profile = {
  readonly displayName: string;
  readonly email: string | null;
  readonly phone: string | null;
};
export type ProfileChange = {
  readonly displayName?: string | null;
  /** An empty string removes the address (only while a phone number remains). */
  readonly email?: string | null;
  readonly phone?: string | null;
};

/**
 * The profile after `change` (absent or null fields stay), normalised as at registration, and which
 * contacts changed (a changed one must be proved again). PROFILE_UPDATE_INVALID with field errors:
 * a malformed e-mail or phone (the identifier codes), a name outside 2–80 characters
 * (ACCOUNT_DISPLAY_NAME_INVALID), neither e-mail nor phone left (PROFILE_CONTACT_REQUIRED on email).
 */
export function validateProfileUpdate(
  current: Profile,
  change: ProfileChange,
): Result<
  Profile & { readonly emailChanged: boolean; readonly phoneChanged: boolean },
  PersonalDataError & { readonly fields: readonly ProfileFieldError[] }
> {
  const fields: ProfileFieldError[] = [];
  const fieldError = (field: string, code: string): ProfileFieldError => ({
    field,
    ...domainError(code, {
      ...ACCOUNT_ERROR_MESSAGES,
      ...PERSONAL_DATA_ERROR_MESSAGES,
    } as ErrorMessages<string>),
  });
  let { displayName, email, phone } = current;
  if (change.displayName != null) {
    displayName = change.displayName.trim().replace(/\s+/g, ' ');
    if (textLength(displayName) < 2 || textLength(displayName) > 80)
      fields.push(fieldError('displayName', 'ACCOUNT_DISPLAY_NAME_INVALID'));
  }
  if (change.email != null) {
    const r = change.email.trim() === '' ? null : normalizeEmail(change.email);
    if (r && !r.ok) fields.push(fieldError('email', r.error.code));
    else email = r ? r.value : null;
  }
  if (change.phone != null) {
    const r = change.phone.trim() === '' ? null : normalizePhone(change.phone);
    if (r && !r.ok) fields.push(fieldError('phone', r.error.code));
    else phone = r ? r.value : null;
  }
  if (fields.length === 0 && !email && !phone) fields.push(fieldError('email', 'PROFILE_CONTACT_REQUIRED'));
  if (fields.length > 0) return err({ ...personalDataError('PROFILE_UPDATE_INVALID'), fields });
  return ok({
    displayName,
    email,
    phone,
    emailChanged: email !== current.email,
    phoneChanged: phone !== current.phone,
  });
}

/**
 * Which notice version a registration consents to (UU 27/2022 art. 20(2)(a), 22: consent is
 * explicit and recorded): the version in force, when the form showed that one;
 * PRIVACY_CONSENT_REQUIRED when it named none (nobody consents by default);
 * PRIVACY_NOTICE_OUTDATED when it showed another, so that nobody is recorded as consenting to a
 * notice they did not see.
 */
export function consentedNoticeVersion(
  current: string,
  shown: string | null | undefined,
): Result<string, PersonalDataError> {
  const version = shown?.trim() ?? '';
  if (version === '') return err(personalDataError('PRIVACY_CONSENT_REQUIRED'));
  if (version !== current) return err(personalDataError('PRIVACY_NOTICE_OUTDATED'));
  return ok(current);
}
