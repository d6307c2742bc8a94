// How a person names their account: an e-mail address or an Indonesian mobile number. One
// spelling per account, so that every way of writing the same address or number finds the same
// account and is counted against the same sign-in budget (gateway rate limits). Mobile numbers
// follow the national numbering plan (Permenkominfo 14/2018): trunk prefix 0 or country code 62,
// then 8 and 8–11 more digits; stored in E.164 (`+628…`).
import { type DomainError, type ErrorMessages, errorCodes, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';

export const IDENTIFIER_ERROR_MESSAGES = {
  ACCOUNT_EMAIL_INVALID: { id: 'Alamat email tidak valid.', en: 'The email address is invalid.' },
  ACCOUNT_PHONE_INVALID: {
    id: 'Nomor ponsel tidak valid; gunakan format 08… atau +628… (10–13 digit).',
    en: 'The mobile number is invalid; use 08… or +628… (10–13 digits).',
  },
  ACCOUNT_IDENTIFIER_REQUIRED: {
    id: 'Isi email atau nomor ponsel.',
    en: 'Give an email address or a mobile number.',
  },
} as const satisfies ErrorMessages<string>;
export const IdentifierErrorCode = errorCodes(IDENTIFIER_ERROR_MESSAGES);
export type IdentifierErrorCode = (typeof IdentifierErrorCode)[keyof typeof IdentifierErrorCode];
export type IdentifierError = DomainError<IdentifierErrorCode>;

const identifierError = errorFactory(IDENTIFIER_ERROR_MESSAGES);

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * The one spelling of an e-mail address, trimmed and in lower case, without checking its form:
 * what an account lookup by e-mail uses, so that it finds what `normalizeEmail` stored.
 */
export function emailSpelling(input: string): string {
  return input.trim().toLowerCase();
}

/** An e-mail address in its one spelling (`emailSpelling`), refused when it is not an address. */
export function normalizeEmail(input: string): Result<string, IdentifierError> {
  const email = emailSpelling(input);
  if (email.length > 254 || !EMAIL.test(email)) return err(identifierError('ACCOUNT_EMAIL_INVALID'));
  return ok(email);
}

// After removing separators: +62, 62 or 0062 (country code, optionally followed by the trunk 0
// people often keep: "+62 0812…"), or the trunk prefix 0; then the mobile number from its 8.
const MOBILE = /^(?:(?:\+|00)?62(?:0)?|0)(8\d{8,11})$/;

/**
 * Indonesian mobile numbers to E.164 (`+628…`), however they are written: +62, 62, 0062 or 0 in
 * front; spaces, dots, dashes, slashes and parentheses anywhere.
 */
export function normalizePhone(input: string): Result<string, IdentifierError> {
  const compact = input.replace(/[\s.\-/()]/g, '');
  const match = MOBILE.exec(compact);
  if (!match?.[1]) return err(identifierError('ACCOUNT_PHONE_INVALID'));
  return ok(`+62${match[1]}`);
}

/** An account identifier in its one spelling. */
export type AccountIdentifier = { readonly kind: 'email' | 'phone'; readonly value: string };

/**
 * What a sign-in's "email or mobile number" names: an e-mail when it has an `@`, else a mobile
 * number; normalised (`normalizeEmail`, `normalizePhone`). The same function keys the account
 * lookup and the per-account sign-in budget, so the two cannot disagree.
 */
export function accountIdentifier(input: string): Result<AccountIdentifier, IdentifierError> {
  if (input.trim() === '') return err(identifierError('ACCOUNT_IDENTIFIER_REQUIRED'));
  if (input.includes('@')) {
    const email = normalizeEmail(input);
    return email.ok ? ok({ kind: 'email', value: email.value }) : email;
  }
  const phone = normalizePhone(input);
  return phone.ok ? ok({ kind: 'phone', value: phone.value }) : phone;
}
