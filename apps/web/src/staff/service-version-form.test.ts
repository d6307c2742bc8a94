// The catalogue forms' conversions: form fields to ServiceAttributeInput, the 14 component texts to
// the standard's JSON, and a WIB wall-clock time to an instant.
import { describe, expect, it } from 'vitest';
import { wibInstant } from './forum-admin.tsx';
import { attributeInputs, rowOf, standardFromTexts } from './service-version-form.tsx';

const noRules = {
  maxLength: '',
  format: '' as const,
  pattern: '',
  patternId: '',
  patternEn: '',
  minDays: '',
  maxDays: '',
};

const row = {
  ...noRules,
  code: ' jenis ',
  datatype: 'singlevaluelist' as const,
  descriptionId: 'Jenis reklame',
  descriptionEn: '',
  required: true,
  min: '1',
  max: '',
  values: 'BALIHO = Baliho | Billboard\n\nSPANDUK = Spanduk\nNEON',
};

describe('attributeInputs', () => {
  it('parses list choices as KEY = Nama | English name, and leaves blanks and non-list parts out', () => {
    expect(attributeInputs([row])).toEqual([
      {
        code: 'jenis',
        datatype: 'singlevaluelist',
        required: true,
        descriptionId: 'Jenis reklame',
        values: [
          { key: 'BALIHO', nameId: 'Baliho', nameEn: 'Billboard' },
          { key: 'SPANDUK', nameId: 'Spanduk' },
          { key: 'NEON' },
        ],
      },
    ]);
  });

  it('gives a number field its bounds with a decimal comma or point', () => {
    expect(attributeInputs([{ ...row, datatype: 'number', min: '0,5', max: '100' }])[0]).toMatchObject({
      datatype: 'number',
      min: 0.5,
      max: 100,
    });
    expect(attributeInputs([{ ...row, datatype: 'number', min: '', max: '' }])[0]).not.toHaveProperty('min');
  });
});

describe('rowOf', () => {
  // What ServiceVersion.attributeInputs gives: ServiceAttributeInput's shape, every rule.
  const fields = [
    {
      code: 'nik',
      datatype: 'string' as const,
      required: true,
      descriptionId: 'NIK pemohon',
      descriptionEn: "Applicant's NIK",
      format: 'NIK' as const,
      maxLength: 16,
    },
    {
      code: 'nomor_str',
      datatype: 'string' as const,
      required: true,
      descriptionId: 'Nomor STR',
      descriptionEn: 'STR number',
      pattern: { regex: '[0-9A-Z]+(?:=[0-9]+)?', descriptionId: 'Huruf dan angka', descriptionEn: 'Letters' },
    },
    {
      code: 'uraian',
      datatype: 'text' as const,
      required: false,
      descriptionId: 'Uraian',
      descriptionEn: 'Text',
      maxLength: 2000,
    },
    {
      code: 'luas',
      datatype: 'number' as const,
      required: true,
      descriptionId: 'Luas',
      descriptionEn: 'Area',
      min: 0.5,
      max: 100000,
    },
    {
      code: 'mulai',
      datatype: 'datetime' as const,
      required: false,
      descriptionId: 'Mulai',
      descriptionEn: 'Start',
      dateRange: { minDaysFromToday: -7, maxDaysFromToday: 30 },
    },
    {
      code: 'lahir',
      datatype: 'datetime' as const,
      required: true,
      descriptionId: 'Lahir',
      descriptionEn: 'Born',
      dateRange: { maxDaysFromToday: 0 },
    },
    {
      code: 'jenis',
      datatype: 'multivaluelist' as const,
      required: true,
      descriptionId: 'Jenis',
      descriptionEn: 'Kind',
      values: [
        { key: 'A', nameId: 'Satu = 1', nameEn: 'One | 1' },
        { key: 'B', nameId: 'Dua', nameEn: 'Two' },
        { key: 'C' },
      ],
    },
  ];

  it('turns every field back into the same input, in either language (nothing lost on re-sending)', () => {
    expect(attributeInputs(fields.map((f) => rowOf(f, 'id')))).toEqual(fields);
    expect(attributeInputs(fields.map((f) => rowOf(f, 'en')))).toEqual(fields);
  });

  it('shows decimals with a comma in Indonesian', () => {
    expect(rowOf(fields[3]!, 'id')).toMatchObject({ min: '0,5', max: '100000' });
    expect(rowOf(fields[3]!, 'en')).toMatchObject({ min: '0.5' });
  });
});

describe('standardFromTexts', () => {
  it('makes lists of the list components, numbers of the numeric ones, and a number of a plain cost', () => {
    const standard = standardFromTexts({
      REQUIREMENTS: 'KTP\n\n Desain ',
      COMPLETION_TIME: '5',
      COST: '150.000',
      PRODUCT: ' Surat izin ',
    });
    expect(standard).toMatchObject({
      REQUIREMENTS: ['KTP', 'Desain'],
      COMPLETION_TIME: 5,
      COST: 150000,
      PRODUCT: 'Surat izin',
      STAFF_COUNT: null,
      LEGAL_BASIS: [],
    });
    expect(Object.keys(standard)).toHaveLength(14);
    expect(standardFromTexts({ COST: 'Sesuai Perda 3/2024' }).COST).toBe('Sesuai Perda 3/2024');
  });
});

describe('wibInstant', () => {
  it('reads a datetime-local value as WIB', () => {
    expect(new Date(wibInstant('2027-03-10T09:30')).toISOString()).toBe('2027-03-10T02:30:00.000Z');
    expect(wibInstant('')).toBe('');
  });
});
