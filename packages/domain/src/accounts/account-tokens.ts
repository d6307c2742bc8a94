// Single-use account tokens (issue 18 item 4): proving an e-mail address or a mobile number, and
// resetting a forgotten password. A token is a random secret sent to the address; only its hash is
// stored, with the address it was sent to, its expiry and the moment it was used. These rules
// decide how long a token lives, whether a presented token may be used now, and what counts as a
// verified address — over plain data, with `now` as an input.
import { type DomainError, type ErrorMessages, errorCodes, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';

/** What a token is for. */
export const ACCOUNT_TOKEN_PURPOSES = ['EMAIL_VERIFICATION', 'PHONE_VERIFICATION', 'PASSWORD_RESET'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * Default lifetimes in seconds: a verification link a day (mail may be read late), a code by SMS
 * 15 minutes, a password reset an hour (OWASP Forgot Password Cheat Sheet: short-lived).
 */
export const ACCOUNT_TOKEN_LIFETIME_SECONDS: Readonly<Record<AccountTokenPurpose, number>> = {
  EMAIL_VERIFICATION: 24 * 3600,
  PHONE_VERIFICATION: 15 * 60,
  PASSWORD_RESET: 3600,
};

/** Bounds of a configured lifetime: at least a minute, at most 30 days. */
export const ACCOUNT_TOKEN_LIFETIME_BOUNDS = { min: 60, max: 30 * 24 * 3600 } as const;

export const ACCOUNT_TOKEN_ERROR_MESSAGES = {
  ACCOUNT_TOKEN_INVALID: {
    id: 'Tautan atau kode tidak valid. Mintalah tautan baru.',
    en: 'The link or code is invalid. Ask for a new one.',
  },
  ACCOUNT_TOKEN_EXPIRED: {
    id: 'Tautan atau kode sudah kedaluwarsa. Mintalah tautan baru.',
    en: 'The link or code has expired. Ask for a new one.',
  },
  ACCOUNT_TOKEN_USED: {
    id: 'Tautan atau kode ini sudah pernah dipakai. Mintalah tautan baru bila perlu.',
    en: 'This link or code has already been used. Ask for a new one if needed.',
  },
  ACCOUNT_EMAIL_MISSING: {
    id: 'Akun ini tidak memiliki alamat e-mail.',
    en: 'This account has no e-mail address.',
  },
  ACCOUNT_PHONE_MISSING: {
    id: 'Akun ini tidak memiliki nomor ponsel.',
    en: 'This account has no mobile number.',
  },
  ACCOUNT_ALREADY_VERIFIED: {
    id: 'Alamat ini sudah terverifikasi.',
    en: 'This address is already verified.',
  },
  SMS_NOT_CONFIGURED: {
    id: 'SMS belum tersedia: penyedia SMS belum dikonfigurasi.',
    en: 'SMS is not available: no SMS provider is configured.',
  },
} as const satisfies ErrorMessages<string>;
export const AccountTokenErrorCode = errorCodes(ACCOUNT_TOKEN_ERROR_MESSAGES);
export type AccountTokenErrorCode = (typeof AccountTokenErrorCode)[keyof typeof AccountTokenErrorCode];
export type AccountTokenError = DomainError<AccountTokenErrorCode>;
const tokenError = errorFactory(ACCOUNT_TOKEN_ERROR_MESSAGES);

/**
 * When a token issued at `issuedAt` for `purpose` expires: `lifetimeSeconds` (a configured value,
 * clamped to ACCOUNT_TOKEN_LIFETIME_BOUNDS) or the purpose's default.
 */
export function accountTokenExpiry(
  purpose: AccountTokenPurpose,
  issuedAt: Date,
  lifetimeSeconds?: number | null,
): Date {
  const { min, max } = ACCOUNT_TOKEN_LIFETIME_BOUNDS;
  const seconds =
    lifetimeSeconds == null || !Number.isFinite(lifetimeSeconds)
      ? ACCOUNT_TOKEN_LIFETIME_SECONDS[purpose]
      : Math.min(max, Math.max(min, Math.floor(lifetimeSeconds)));
  return new Date(issuedAt.getTime() + seconds * 1000);
}

/** A stored token as the rule reads it, with the account it belongs to as it is now. */
export type StoredAccountToken = {
  readonly purpose: AccountTokenPurpose;
  /** The e-mail address or mobile number the token was sent to (reset: the account's e-mail). */
  readonly address: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly account: {
    readonly email: string | null;
    readonly phone: string | null;
    readonly disabled: boolean;
  };
};

/**
 * Whether a presented token may be used `now` for `purpose`: unknown, meant for something else,
 * of a disabled account, or a reset link sent to an address the account no longer has →
 * ACCOUNT_TOKEN_INVALID; used before → ACCOUNT_TOKEN_USED (a replay); past its expiry (the expiry
 * instant included) → ACCOUNT_TOKEN_EXPIRED. On success, the address it proves and whether it is a
 * pending change: a verification link or code sent to another address than the account's is the
 * proof of a new address asked for in the profile (UU 27/2022 art. 6), and using it moves the
 * account to that address. Issuing a token ends the earlier ones and changing an address ends the
 * open ones, so the only open token for another address is the newest change asked for.
 */
export function checkAccountToken(
  token: StoredAccountToken | null,
  purpose: AccountTokenPurpose,
  now: Date,
): Result<{ address: string; change: boolean }, AccountTokenError> {
  if (!token || token.purpose !== purpose || token.account.disabled) {
    return err(tokenError('ACCOUNT_TOKEN_INVALID'));
  }
  const current = purpose === 'PHONE_VERIFICATION' ? token.account.phone : token.account.email;
  const change = current !== token.address;
  if (change && purpose === 'PASSWORD_RESET') return err(tokenError('ACCOUNT_TOKEN_INVALID'));
  if (token.usedAt) return err(tokenError('ACCOUNT_TOKEN_USED'));
  if (token.expiresAt.getTime() <= now.getTime()) return err(tokenError('ACCOUNT_TOKEN_EXPIRED'));
  return ok({ address: token.address, change });
}

/**
 * Whether the account has proved its e-mail address: it has one, and a token sent to it was used
 * (`emailVerifiedAt`; an address only changes by using a link sent to the new one).
 */
export function emailVerified(account: {
  readonly email: string | null;
  readonly emailVerifiedAt: Date | null;
}): boolean {
  return account.email !== null && account.emailVerifiedAt !== null;
}

/**
 * Whether a new verification may be requested: the account must have the address and not have
 * verified it yet (ACCOUNT_EMAIL_MISSING / ACCOUNT_PHONE_MISSING, ACCOUNT_ALREADY_VERIFIED).
 */
export function verificationRequestable(
  channel: 'email' | 'phone',
  account: {
    readonly email: string | null;
    readonly phone: string | null;
    readonly emailVerifiedAt: Date | null;
    readonly phoneVerifiedAt: Date | null;
  },
): Result<{ address: string }, AccountTokenError> {
  const address = channel === 'email' ? account.email : account.phone;
  if (!address)
    return err(tokenError(channel === 'email' ? 'ACCOUNT_EMAIL_MISSING' : 'ACCOUNT_PHONE_MISSING'));
  const verifiedAt = channel === 'email' ? account.emailVerifiedAt : account.phoneVerifiedAt;
  if (verifiedAt) return err(tokenError('ACCOUNT_ALREADY_VERIFIED'));
  return ok({ address });
}

/**
 * Whether a request filed for an account by someone else (counter staff, an API key) is attached
 * to it, i.e. shown to the account and notified to it: a citizen's own filing always is; a filing
 * by others only once the account has verified its e-mail address (`emailVerified`), so that
 * whoever registered an address they do not own never sees what is filed for it.
 */
export function filedRequestAttached(
  filedBy: 'CITIZEN' | 'OFFICER' | 'SYSTEM',
  account: { readonly email: string | null; readonly emailVerifiedAt: Date | null },
): boolean {
  return filedBy === 'CITIZEN' || emailVerified(account);
}
