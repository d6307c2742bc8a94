// The catalogue forms' conversions: form fields to ServiceAttributeInput, the 14 component texts to
// the standard's JSON, and a WIB wall-clock time to an instant.
import { describe, expect, it } from 'vitest';
import { wibInstant } from './forum-admin.tsx';
import { attributeInputs, standardFromTexts } from './service-version-form.tsx';

const row = {
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
