import { describe, expect, it } from 'vitest';
import { expectInvalidInput } from '../../test/support/invalid-input.js';
import { checkPassword, normalizeEmail, normalizePhone, validateRegistration } from './account.js';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : r.error?.code);

describe('normalizeEmail', () => {
  it('trims and lowercases valid addresses', () => {
    expect(normalizeEmail('  Siti.Aminah@Example.CO.ID ')).toEqual({
      ok: true,
      value: 'siti.aminah@example.co.id',
    });
  });
  it.each([
    '',
    'siti',
    'siti@',
    '@example.id',
    'siti@example',
    'si ti@example.id',
    `${'a'.repeat(250)}@ex.id`,
  ])('rejects %j', (email) => expect(code(normalizeEmail(email))).toBe('ACCOUNT_EMAIL_INVALID'));
});

describe('normalizePhone', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 789', '+628123456789'],
    ['6285266001122', '+6285266001122'],
  ])('normalises %s to %s', (input, expected) =>
    expect(normalizePhone(input)).toEqual({ ok: true, value: expected }),
  );
  it.each(['0751-123456', '08123', '+1 202 555 0100', '081234567890123', 'nomor saya'])(
    'rejects %j',
    (phone) => expect(code(normalizePhone(phone))).toBe('ACCOUNT_PHONE_INVALID'),
  );
});

describe('checkPassword', () => {
  it('accepts a long passphrase', () => {
    expect(
      checkPassword('kopi talawi pagi hari', { email: 'siti@example.id', displayName: 'Siti Aminah' }).ok,
    ).toBe(true);
  });
  it.each([
    ['pendek', 'ACCOUNT_PASSWORD_TOO_SHORT'],
    ['x'.repeat(129), 'ACCOUNT_PASSWORD_TOO_LONG'],
    ['password123', 'ACCOUNT_PASSWORD_WEAK'],
    ['Sawahlunto123', 'ACCOUNT_PASSWORD_WEAK'],
    ['aaaaaaaaaaaa', 'ACCOUNT_PASSWORD_WEAK'],
    ['abababababab', 'ACCOUNT_PASSWORD_WEAK'],
    ['aminah-kopi-2026', 'ACCOUNT_PASSWORD_WEAK'],
  ])('rejects %j with %s', (password, expected) => {
    expect(code(checkPassword(password, { email: 'siti@example.id', displayName: 'Siti Aminah' }))).toBe(
      expected,
    );
  });
  it('counts characters, not UTF-16 units', () => {
    expect(code(checkPassword('🙂🙂🙂🙂🙂😎😎😎😎'))).toBe('ACCOUNT_PASSWORD_TOO_SHORT');
  });
});

describe('validateRegistration', () => {
  it('accepts an email or a phone, normalised', () => {
    expect(
      validateRegistration({
        phone: '0812 3456 7890',
        displayName: '  Budi   Santoso ',
        password: 'sate padang enak',
      }),
    ).toEqual({
      ok: true,
      value: { email: null, phone: '+6281234567890', displayName: 'Budi Santoso' },
    });
  });
  it('reports every broken field at once, with both languages', () => {
    const result = validateRegistration({ email: 'x@', phone: '123', displayName: 'B', password: 'short' });
    const error = expectInvalidInput(result, 'ACCOUNT_REGISTRATION_INVALID', [
      'email:ACCOUNT_EMAIL_INVALID',
      'phone:ACCOUNT_PHONE_INVALID',
      'displayName:ACCOUNT_DISPLAY_NAME_INVALID',
      'password:ACCOUNT_PASSWORD_TOO_SHORT',
    ]);
    for (const f of error.fields) expect(f.message.id).not.toBe(f.message.en);
  });
  it('needs an email or a phone', () => {
    const result = validateRegistration({ displayName: 'Budi', password: 'sate padang enak' });
    expect(result.ok ? null : result.error.fields[0]?.code).toBe('ACCOUNT_IDENTIFIER_REQUIRED');
  });
});
