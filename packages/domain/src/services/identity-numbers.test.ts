import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAttributeValues } from './attributes.js';
import { checkNik, checkNpwp, checkPhone } from './identity-numbers.js';
import { PROVINCE_CODES, REGENCY_CODES } from './region-codes.js';

const today = '2026-11-30';
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? null : r.error?.code);

describe('checkNik', () => {
  it('reads a man and a woman (day + 40) of Kota Sawahlunto, either century', () => {
    expect(checkNik('1373010101900001', today)).toEqual({
      ok: true,
      value: { nik: '1373010101900001', regionCode: '1373', birthDate: '1990-01-01', gender: 'M' },
    });
    expect(checkNik('1373 0155 0690 0002', today)).toMatchObject({
      ok: true,
      value: { birthDate: '1990-06-15', gender: 'F' },
    });
    expect(checkNik('1373010101100001', today)).toMatchObject({
      ok: true,
      value: { birthDate: '2010-01-01' },
    });
    // 30 Nov 2026 is today; 1 Dec "26" can only be 1926.
    expect(checkNik('1373013011260001', today)).toMatchObject({
      ok: true,
      value: { birthDate: '2026-11-30' },
    });
    expect(checkNik('1373010112260001', today)).toMatchObject({
      ok: true,
      value: { birthDate: '1926-12-01' },
    });
  });

  it('takes any region of Indonesia where the person was first registered', () => {
    expect(checkNik('3171010101900001', today).ok).toBe(true); // Jakarta Pusat
    expect(checkNik('9471010101900001', today).ok).toBe(true); // Kota Jayapura
    // An old Papua regency code from before the 2022 split is still a first registration.
    expect(checkNik('9401010101900001', today).ok).toBe(true);
  });

  it.each([
    ['12345', 'NIK_INVALID_LENGTH'],
    ['13730101019000011', 'NIK_INVALID_LENGTH'],
    ['137301010190000A', 'NIK_INVALID_LENGTH'],
    ['9901010101900001', 'NIK_REGION_UNKNOWN'],
    ['1399010101900001', 'NIK_REGION_UNKNOWN'],
    ['1373013002900001', 'NIK_BIRTH_DATE_INVALID'], // 30 February
    ['1373017202900001', 'NIK_BIRTH_DATE_INVALID'], // 32 (+40) February
    ['1373010013900001', 'NIK_BIRTH_DATE_INVALID'], // month 13
    ['1373010101900000', 'NIK_SEQUENCE_ZERO'],
  ])('refuses %s (%s)', (nik, code) => {
    expect(codeOf(checkNik(nik, today))).toBe(code);
  });
});

describe('checkNpwp and checkPhone', () => {
  it.each(['01.234.567.8-901.000', '012345678901000', '0012345678901000', '1373010101900001'])(
    'takes NPWP %s',
    (v) => {
      expect(checkNpwp(v, today).ok).toBe(true);
    },
  );
  it.each(['12345', '1373010101900000', '😀'])('refuses NPWP %s', (v) => {
    expect(codeOf(checkNpwp(v, today))).toBe('NPWP_INVALID');
  });
  it('takes Indonesian mobile numbers in any spelling', () => {
    expect(checkPhone('0812-3456-7890')).toEqual({ ok: true, value: '+6281234567890' });
    expect(codeOf(checkPhone('12345'))).toBe('PHONE_INVALID');
  });
});

describe('region codes', () => {
  it('are those of the installed idn-area-data package (regenerate with generate:regions)', () => {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
    const codes = (file: string) =>
      readFileSync(join(dir, file), 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .filter((l) => l.trim() !== '')
        .map((l) => (l.split(',')[0] ?? '').replace(/\D/g, ''));
    expect([...PROVINCE_CODES].sort()).toEqual(codes('provinces.csv').sort());
    expect([...REGENCY_CODES].sort()).toEqual(codes('regencies.csv').sort());
    expect(REGENCY_CODES.has('1373')).toBe(true);
  });
});

describe('attribute formats, patterns and date ranges', () => {
  const attributes = [
    { code: 'nik', datatype: 'string', required: true, format: 'NIK' },
    { code: 'nip', datatype: 'string', required: false, format: 'NIP' },
    {
      code: 'nomor_str',
      datatype: 'string',
      required: false,
      pattern: {
        regex: '[0-9A-Z]{2,6}(?:[./-]?[0-9A-Z]{1,10}){1,4}',
        description: { id: 'Huruf/angka', en: 'Letters/digits' },
      },
    },
    { code: 'tanggal_lahir', datatype: 'datetime', required: false, dateRange: { maxDaysFromToday: 0 } },
    {
      code: 'mulai',
      datatype: 'datetime',
      required: false,
      dateRange: { minDaysFromToday: 0, maxDaysFromToday: 365 },
    },
  ] as const;
  const check = (values: Record<string, unknown>) => validateAttributeValues(attributes, values, { today });

  it('refuses a short NIK, an emoji STR, a birth date in 2030 and a start in 2020, each with why', () => {
    const r = check({
      nik: '12345',
      nip: '198503122010011000',
      nomor_str: '😀😀',
      tanggal_lahir: '2030-01-01',
      mulai: '2020-01-01',
    });
    expect(r.ok).toBe(false);
    const fields = r.ok ? [] : r.error.fields;
    expect(fields.map((f) => [f.field, f.code, f.details?.reason])).toEqual([
      ['nik', 'INVALID_FORMAT', 'NIK_INVALID_LENGTH'],
      ['nip', 'INVALID_FORMAT', 'NIP_SEQUENCE_ZERO'],
      ['nomor_str', 'INVALID_FORMAT', 'PATTERN_MISMATCH'],
      ['tanggal_lahir', 'OUT_OF_RANGE', 'DATE_TOO_LATE'],
      ['mulai', 'OUT_OF_RANGE', 'DATE_TOO_EARLY'],
    ]);
    expect(fields[0]?.message.id).toMatch(/16 angka/);
    expect(fields[3]?.message.en).toMatch(/latest is 2026-11-30/);
  });

  it('accepts well-formed values', () => {
    expect(
      check({
        nik: '1373015506900002',
        nip: '198503122010011004',
        nomor_str: 'SIP.503/123/DPMPTSP',
        tanggal_lahir: '1990-06-15',
        mulai: '2026-12-01',
      }).ok,
    ).toBe(true);
  });
});
