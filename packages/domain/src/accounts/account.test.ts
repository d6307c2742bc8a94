import { describe, expect, it } from 'vitest';
import { expectInvalidInput } from '../../test/support/invalid-input.js';
import { checkPassword, validateRegistration } from './account.js';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : r.error?.code);

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
