import { describe, expect, it } from 'vitest';
import { accountIdentifier, emailSpelling, normalizeEmail, normalizePhone } from './identifiers.js';

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
  it('stores the spelling a lookup by emailSpelling finds, and that spelling does not check the form', () => {
    const typed = '  Siti.Aminah@Example.CO.ID ';
    expect(normalizeEmail(typed)).toEqual({ ok: true, value: emailSpelling(typed) });
    expect(emailSpelling(' Bukan Alamat ')).toBe('bukan alamat');
  });
});

describe('normalizePhone', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 789', '+628123456789'],
    ['6285266001122', '+6285266001122'],
  ])('normalises %s to %s', (input, expected) =>
    expect(normalizePhone(input)).toEqual({ ok: true, value: expected }),
  );

  it('gives every way of writing one number the same value', () => {
    const variants = [
      '081234567890',
      '+6281234567890',
      '6281234567890',
      '006281234567890',
      '+62 812 3456 7890',
      '62 812-3456-7890',
      '0812.3456.7890',
      '0812 3456 7890',
      '0812-3456-7890',
      ' +62-812-3456-7890 ',
      '+62 (0) 812 3456 7890',
      '(0812) 3456/7890',
    ];
    const values = new Set(
      variants.map((v) => normalizePhone(v)).map((r) => (r.ok ? r.value : r.error.code)),
    );
    expect([...values]).toEqual(['+6281234567890']);
  });

  it.each([
    '0751-123456',
    '08123',
    '+1 202 555 0100',
    '081234567890123',
    'nomor saya',
    '81234567890',
    '+62 0 0812 3456 7890',
    '0062 0062 812 3456 7890',
  ])('rejects %j', (phone) => expect(code(normalizePhone(phone))).toBe('ACCOUNT_PHONE_INVALID'));
});

describe('accountIdentifier', () => {
  it('reads an address with an @ as an e-mail, anything else as a mobile number', () => {
    expect(accountIdentifier(' Warga@Example.ORG ')).toEqual({
      ok: true,
      value: { kind: 'email', value: 'warga@example.org' },
    });
    expect(accountIdentifier('+62 812-3456-7890')).toEqual({
      ok: true,
      value: { kind: 'phone', value: '+6281234567890' },
    });
  });

  it('names the problem: a bad address, a bad number, or nothing at all', () => {
    expect(code(accountIdentifier('warga@'))).toBe('ACCOUNT_EMAIL_INVALID');
    expect(code(accountIdentifier('0751-123456'))).toBe('ACCOUNT_PHONE_INVALID');
    expect(code(accountIdentifier('   '))).toBe('ACCOUNT_IDENTIFIER_REQUIRED');
  });
});
