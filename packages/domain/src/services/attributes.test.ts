import { describe, expect, it } from 'vitest';
import { expectInvalidInput, fieldCodes } from '../../test/support/invalid-input.js';
import { type ServiceAttribute, validateAttributeValues, validateServiceAttributes } from './attributes.js';

const attrs: ServiceAttribute[] = [
  { code: 'nama_usaha', datatype: 'string', required: true, maxLength: 20 },
  { code: 'uraian', datatype: 'text', required: false },
  { code: 'luas_m2', datatype: 'number', required: true, min: 1, max: 10_000 },
  { code: 'tanggal_kejadian', datatype: 'datetime', required: false },
  {
    code: 'kecamatan',
    datatype: 'singlevaluelist',
    required: true,
    values: [{ key: 'BARANGIN' }, { key: 'LEMBAH_SEGAR' }, { key: 'SILUNGKANG' }, { key: 'TALAWI' }],
  },
  {
    code: 'lampiran',
    datatype: 'multivaluelist',
    required: false,
    values: [{ key: 'KTP' }, { key: 'KK' }, { key: 'NPWP' }],
  },
];

function fieldsOf(values: Record<string, unknown>): string[] {
  const r = validateAttributeValues(attrs, values, { today: '2026-11-30' });
  return fieldCodes(r);
}

describe('validateAttributeValues (Open311 datatypes)', () => {
  it('accepts valid values, keeps text unedited and reads numeric strings', () => {
    const r = validateAttributeValues(
      attrs,
      {
        nama_usaha: '  Kopi Talawi ',
        uraian: 'Jalan  berlubang\n di depan pasar',
        luas_m2: '120.5',
        tanggal_kejadian: '2026-03-25T08:30:00+07:00',
        kecamatan: 'TALAWI',
        lampiran: ['KTP', 'KK'],
      },
      { today: '2026-11-30' },
    );
    expect(r).toEqual({
      ok: true,
      value: {
        nama_usaha: '  Kopi Talawi ',
        uraian: 'Jalan  berlubang\n di depan pasar',
        luas_m2: 120.5,
        tanggal_kejadian: '2026-03-25T08:30:00+07:00',
        kecamatan: 'TALAWI',
        lampiran: ['KTP', 'KK'],
      },
    });
  });

  it('reports missing required fields and unknown fields; optional blanks are fine', () => {
    expect(fieldsOf({ nama_usaha: '  ', uraian: '', lampiran: [], extra: 1 })).toEqual([
      'extra:UNKNOWN_FIELD',
      'nama_usaha:REQUIRED',
      'luas_m2:REQUIRED',
      'kecamatan:REQUIRED',
    ]);
  });

  it.each([
    [{ nama_usaha: 'x'.repeat(21) }, 'nama_usaha:TOO_LONG'],
    [{ nama_usaha: 42 }, 'nama_usaha:INVALID_TYPE'],
    [{ uraian: 'x'.repeat(10_001) }, 'uraian:TOO_LONG'],
    [{ luas_m2: 'seratus' }, 'luas_m2:INVALID_TYPE'],
    [{ luas_m2: '1e3' }, 'luas_m2:INVALID_TYPE'],
    [{ luas_m2: 0 }, 'luas_m2:OUT_OF_RANGE'],
    [{ luas_m2: Number.POSITIVE_INFINITY }, 'luas_m2:INVALID_TYPE'],
    [{ tanggal_kejadian: '25/03/2026' }, 'tanggal_kejadian:INVALID_FORMAT'],
    [{ tanggal_kejadian: '2026-02-30T10:00:00Z' }, 'tanggal_kejadian:OUT_OF_RANGE'],
    [{ tanggal_kejadian: '2026-03-25T24:00:00Z' }, 'tanggal_kejadian:INVALID_FORMAT'],
    [{ kecamatan: 'PADANG' }, 'kecamatan:NOT_ALLOWED'],
    [{ kecamatan: ['TALAWI'] }, 'kecamatan:INVALID_TYPE'],
    [{ lampiran: 'KTP' }, 'lampiran:INVALID_TYPE'],
    [{ lampiran: ['KTP', 'SIM'] }, 'lampiran:NOT_ALLOWED'],
    [{ lampiran: ['KTP', 'KTP'] }, 'lampiran:DUPLICATE'],
  ])('%j → %s', (patch, expected) => {
    expect(fieldsOf({ nama_usaha: 'Kopi', luas_m2: 10, kecamatan: 'BARANGIN', ...patch })).toEqual([
      expected,
    ]);
  });

  it('accepts a plain date for datetime and carries the error code', () => {
    expect(
      fieldsOf({ nama_usaha: 'Kopi', luas_m2: 10, kecamatan: 'SILUNGKANG', tanggal_kejadian: '2026-03-25' }),
    ).toEqual([]);
    const r = validateAttributeValues(attrs, {}, { today: '2026-11-30' });
    expect(r.ok ? null : r.error.code).toBe('REQUEST_ATTRIBUTES_INVALID');
  });
});

describe('validateAttributeValues: impossible calendar dates', () => {
  const dated: ServiceAttribute[] = [
    { code: 'tanggal', datatype: 'datetime', required: true },
    { code: 'mulai', datatype: 'datetime', required: false, dateRange: { minDaysFromToday: 0 } },
    { code: 'lahir', datatype: 'datetime', required: false, dateRange: { maxDaysFromToday: 0 } },
  ];
  it.each([
    '2026-02-30',
    '2026-13-01T10:00:00+07:00',
    '2025-02-29',
    '2026-04-31T08:00:00Z',
    '0000-01-01',
    '2026-00-10',
  ])('refuses %s as a field error (with and without a date range), never throwing', (value) => {
    const r = validateAttributeValues(
      dated,
      { tanggal: value, mulai: value, lahir: value },
      { today: '2026-11-30' },
    );
    expect(fieldCodes(r)).toEqual(['tanggal:OUT_OF_RANGE', 'mulai:OUT_OF_RANGE', 'lahir:OUT_OF_RANGE']);
  });
  it('accepts a leap day that exists', () => {
    expect(
      validateAttributeValues(dated, { tanggal: '2028-02-29T10:00:00+07:00' }, { today: '2026-11-30' }).ok,
    ).toBe(true);
  });
});

describe('validateServiceAttributes', () => {
  it('accepts Open311 definitions', () => {
    const r = validateServiceAttributes([
      { code: 'nik', datatype: 'string', required: true },
      { code: 'jenis', datatype: 'singlevaluelist', required: true, values: [{ key: 'A' }, { key: 'B' }] },
    ]);
    expect(r.ok).toBe(true);
  });

  it('reports each broken definition by path', () => {
    const r = validateServiceAttributes([
      { code: 'Bad Code', datatype: 'string', required: true },
      { code: 'x', datatype: 'colour', required: 'yes' },
      { code: 'x', datatype: 'multivaluelist', required: false, values: [] },
      { code: 'y', datatype: 'singlevaluelist', required: false, values: [{ key: 'A' }, { key: 'A' }] },
      { code: 'z', datatype: 'number', required: false, values: [{ key: 'A' }], min: 5, max: 1 },
    ]);
    const error = expectInvalidInput(r, 'SERVICE_ATTRIBUTES_INVALID', [
      'attributes[0].code:INVALID_FORMAT',
      'attributes[1].datatype:NOT_ALLOWED',
      'attributes[1].required:INVALID_TYPE',
      'attributes[2].code:DUPLICATE',
      'attributes[2].values:REQUIRED',
      'attributes[3].values:DUPLICATE',
      'attributes[4].values:NOT_ALLOWED',
      'attributes[4].min:OUT_OF_RANGE',
    ]);
    expect(error.message.en).toMatch(/attribute definitions/);
  });
});
