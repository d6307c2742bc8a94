import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_TOKEN_LIFETIME_SECONDS,
  accountTokenExpiry,
  checkAccountToken,
  emailVerified,
  filedRequestAttached,
  type StoredAccountToken,
  verificationRequestable,
} from './account-tokens.js';

const NOW = new Date('2026-12-01T05:00:00.000Z');
const account = { email: 'warga@example.id', phone: '+6281234567890', disabled: false };
const token = (over: Partial<StoredAccountToken> = {}): StoredAccountToken => ({
  purpose: 'EMAIL_VERIFICATION',
  address: 'warga@example.id',
  expiresAt: new Date(NOW.getTime() + 60_000),
  usedAt: null,
  account,
  ...over,
});
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('accountTokenExpiry', () => {
  it('gives each purpose its default lifetime', () => {
    expect(accountTokenExpiry('EMAIL_VERIFICATION', NOW).getTime() - NOW.getTime()).toBe(24 * 3600_000);
    expect(accountTokenExpiry('PASSWORD_RESET', NOW).getTime() - NOW.getTime()).toBe(3600_000);
    expect(accountTokenExpiry('PHONE_VERIFICATION', NOW).getTime() - NOW.getTime()).toBe(
      ACCOUNT_TOKEN_LIFETIME_SECONDS.PHONE_VERIFICATION * 1000,
    );
  });
  it('takes a configured lifetime, clamped to a minute … 30 days', () => {
    expect(accountTokenExpiry('PASSWORD_RESET', NOW, 600).getTime() - NOW.getTime()).toBe(600_000);
    expect(accountTokenExpiry('PASSWORD_RESET', NOW, 1).getTime() - NOW.getTime()).toBe(60_000);
    expect(accountTokenExpiry('PASSWORD_RESET', NOW, 1e12).getTime() - NOW.getTime()).toBe(30 * 86400_000);
  });
});

describe('checkAccountToken', () => {
  it('accepts a fresh, unused token of the right purpose and gives the address it proves', () => {
    expect(checkAccountToken(token(), 'EMAIL_VERIFICATION', NOW)).toEqual({
      ok: true,
      value: { address: 'warga@example.id', change: false },
    });
  });
  it('takes a verification token for another address as a pending change; a reset link never', () => {
    expect(checkAccountToken(token({ address: 'baru@example.id' }), 'EMAIL_VERIFICATION', NOW)).toEqual({
      ok: true,
      value: { address: 'baru@example.id', change: true },
    });
    const reset = token({ purpose: 'PASSWORD_RESET', address: 'lama@example.id' });
    expect(code(checkAccountToken(reset, 'PASSWORD_RESET', NOW))).toBe('ACCOUNT_TOKEN_INVALID');
  });
  it('refuses an unknown token, another purpose and a disabled account as invalid', () => {
    expect(code(checkAccountToken(null, 'EMAIL_VERIFICATION', NOW))).toBe('ACCOUNT_TOKEN_INVALID');
    expect(code(checkAccountToken(token(), 'PASSWORD_RESET', NOW))).toBe('ACCOUNT_TOKEN_INVALID');
    expect(
      code(checkAccountToken(token({ account: { ...account, disabled: true } }), 'EMAIL_VERIFICATION', NOW)),
    ).toBe('ACCOUNT_TOKEN_INVALID');
  });
  it('refuses a used token (a replay) even before its expiry', () => {
    expect(code(checkAccountToken(token({ usedAt: NOW }), 'EMAIL_VERIFICATION', NOW))).toBe(
      'ACCOUNT_TOKEN_USED',
    );
  });
  it('refuses a token at and after its expiry instant', () => {
    expect(code(checkAccountToken(token({ expiresAt: NOW }), 'EMAIL_VERIFICATION', NOW))).toBe(
      'ACCOUNT_TOKEN_EXPIRED',
    );
    const justBefore = new Date(NOW.getTime() - 1);
    expect(code(checkAccountToken(token({ expiresAt: NOW }), 'EMAIL_VERIFICATION', justBefore))).toBe('ok');
  });
  it('checks a phone token against the account’s number: another number is a pending change', () => {
    const phone = token({ purpose: 'PHONE_VERIFICATION', address: '+6281234567890' });
    expect(checkAccountToken(phone, 'PHONE_VERIFICATION', NOW)).toMatchObject({ value: { change: false } });
    expect(checkAccountToken({ ...phone, address: '+628999' }, 'PHONE_VERIFICATION', NOW)).toMatchObject({
      value: { address: '+628999', change: true },
    });
  });
});

describe('what counts as verified', () => {
  it('needs an address and a recorded verification', () => {
    expect(emailVerified({ email: 'a@b.id', emailVerifiedAt: NOW })).toBe(true);
    expect(emailVerified({ email: 'a@b.id', emailVerifiedAt: null })).toBe(false);
    expect(emailVerified({ email: null, emailVerifiedAt: NOW })).toBe(false);
  });
  it('attaches a request filed by others only to a verified account; one’s own filing always', () => {
    const unverified = { email: 'a@b.id', emailVerifiedAt: null };
    const verified = { email: 'a@b.id', emailVerifiedAt: NOW };
    expect(filedRequestAttached('CITIZEN', unverified)).toBe(true);
    expect(filedRequestAttached('OFFICER', unverified)).toBe(false);
    expect(filedRequestAttached('SYSTEM', unverified)).toBe(false);
    expect(filedRequestAttached('OFFICER', verified)).toBe(true);
    expect(filedRequestAttached('SYSTEM', verified)).toBe(true);
  });
  it('lets an unverified address ask for a link, and says why not otherwise', () => {
    const base = { email: 'a@b.id', phone: null, emailVerifiedAt: null, phoneVerifiedAt: null };
    expect(code(verificationRequestable('email', base))).toBe('ok');
    expect(code(verificationRequestable('email', { ...base, emailVerifiedAt: NOW }))).toBe(
      'ACCOUNT_ALREADY_VERIFIED',
    );
    expect(code(verificationRequestable('email', { ...base, email: null }))).toBe('ACCOUNT_EMAIL_MISSING');
    expect(code(verificationRequestable('phone', base))).toBe('ACCOUNT_PHONE_MISSING');
  });
});
