// Citizen accounts: sign-up and password policy. Passwords follow NIST SP 800-63B (length over
// composition rules, a block list of common and context-derived passwords); e-mail addresses and
// mobile numbers are normalised by identifiers.ts.
import { type DomainError, domainError, type ErrorMessages, errorCodes, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { textLength } from '../text-limits.js';
import { IDENTIFIER_ERROR_MESSAGES, normalizeEmail, normalizePhone } from './identifiers.js';

export const PASSWORD_LENGTH = { min: 10, max: 128 } as const;

/**
 * What an account may do: a citizen files and follows; staff act for their unit; a supervisor
 * also for the unit's tree (SKP, escalations); an admin for the whole city. Staff, supervisors
 * and admins are linked to the staff register.
 */
export const ACCOUNT_ROLES = ['CITIZEN', 'STAFF', 'SUPERVISOR', 'ADMIN'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const ACCOUNT_ERROR_MESSAGES = {
  ...IDENTIFIER_ERROR_MESSAGES,
  ACCOUNT_DISPLAY_NAME_INVALID: {
    id: 'Nama tampilan harus 2–80 karakter.',
    en: 'The display name must be 2–80 characters.',
  },
  ACCOUNT_PASSWORD_TOO_SHORT: {
    id: `Kata sandi minimal ${PASSWORD_LENGTH.min} karakter.`,
    en: `The password needs at least ${PASSWORD_LENGTH.min} characters.`,
  },
  ACCOUNT_PASSWORD_TOO_LONG: {
    id: `Kata sandi maksimal ${PASSWORD_LENGTH.max} karakter.`,
    en: `The password can have at most ${PASSWORD_LENGTH.max} characters.`,
  },
  ACCOUNT_PASSWORD_WEAK: {
    id: 'Kata sandi terlalu mudah ditebak (umum, berulang, atau memuat nama/email Anda).',
    en: 'The password is too easy to guess (common, repetitive, or contains your name or email).',
  },
  ACCOUNT_REGISTRATION_INVALID: {
    id: 'Data pendaftaran tidak valid; periksa kolom yang ditandai.',
    en: 'The registration is invalid; check the marked fields.',
  },
  ACCOUNT_EXISTS: {
    id: 'Email atau nomor ponsel ini sudah terdaftar; silakan masuk.',
    en: 'This email or mobile number is already registered; please sign in.',
  },
} as const satisfies ErrorMessages<string>;
export const AccountErrorCode = errorCodes(ACCOUNT_ERROR_MESSAGES);
export type AccountErrorCode = (typeof AccountErrorCode)[keyof typeof AccountErrorCode];

const accountError = errorFactory(ACCOUNT_ERROR_MESSAGES);
export type AccountError = DomainError<AccountErrorCode>;

// Deliberately small: the most common passwords and Indonesian favourites. Longer lists belong
// in the deployment (breached-password checks), not in a pure package.
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  'qwertyuiop',
  'password123',
  'password1234',
  'passw0rd123',
  'katasandi123',
  'indonesia123',
  'bismillah123',
  'sawahlunto123',
  'sayangku123',
  'iloveyou123',
  'admin12345',
  'qwerty12345',
  'abcdefghij',
  '1q2w3e4r5t',
  'asdfghjkl1',
]);

/** Password policy: length first, then a block list and the person's own name and email. */
export function checkPassword(
  password: string,
  context: { readonly email?: string | null; readonly displayName?: string | null } = {},
): Result<true, AccountError> {
  const length = [...password].length;
  if (length < PASSWORD_LENGTH.min) return err(accountError('ACCOUNT_PASSWORD_TOO_SHORT', { length }));
  if (length > PASSWORD_LENGTH.max) return err(accountError('ACCOUNT_PASSWORD_TOO_LONG', { length }));
  const lower = password.toLowerCase();
  const distinct = new Set(lower).size;
  const personal = [context.email?.split('@')[0], ...(context.displayName?.toLowerCase().split(/\s+/) ?? [])]
    .map((part) => part?.toLowerCase().trim() ?? '')
    .filter((part) => part.length >= 4);
  if (COMMON_PASSWORDS.has(lower) || distinct < 4 || personal.some((part) => lower.includes(part))) {
    return err(accountError('ACCOUNT_PASSWORD_WEAK'));
  }
  return ok(true);
}

/** An account error tied to one input field. */
export type AccountFieldError = AccountError & { readonly field: string };
export type RegistrationError = DomainError<'ACCOUNT_REGISTRATION_INVALID'> & {
  readonly fields: readonly AccountFieldError[];
};

export type Registration = {
  readonly email: string | null;
  readonly phone: string | null;
  readonly displayName: string;
};

/** A citizen's sign-up: an email or a mobile number (or both), a display name and a password. */
export function validateRegistration(input: {
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly displayName: string;
  readonly password: string;
}): Result<Registration, RegistrationError> {
  const fields: AccountFieldError[] = [];
  const problem = (field: string, error: AccountError) => fields.push({ ...error, field });
  let email: string | null = null;
  let phone: string | null = null;
  if (input.email?.trim()) {
    const r = normalizeEmail(input.email);
    if (r.ok) email = r.value;
    else problem('email', r.error);
  }
  if (input.phone?.trim()) {
    const r = normalizePhone(input.phone);
    if (r.ok) phone = r.value;
    else problem('phone', r.error);
  }
  if (!input.email?.trim() && !input.phone?.trim())
    problem('email', accountError('ACCOUNT_IDENTIFIER_REQUIRED'));
  const displayName = input.displayName.trim().replace(/\s+/g, ' ');
  if (textLength(displayName) < 2 || textLength(displayName) > 80) {
    problem('displayName', accountError('ACCOUNT_DISPLAY_NAME_INVALID'));
  }
  const password = checkPassword(input.password, { email, displayName });
  if (!password.ok) problem('password', password.error);
  if (fields.length > 0) {
    return err({ ...domainError('ACCOUNT_REGISTRATION_INVALID', ACCOUNT_ERROR_MESSAGES), fields });
  }
  return ok({ email, phone, displayName });
}
