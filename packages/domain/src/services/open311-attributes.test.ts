import { describe, expect, it } from 'vitest';
import { fieldCodes } from '../../test/support/invalid-input.js';
import { type ServiceAttribute, validateAttributeValues } from './attributes.js';
import { MAX_CLIENT_ATTRIBUTES, open311AttributeValues as split } from './open311-attributes.js';

/** The defined values of a split that must succeed. */
const open311AttributeValues = (...args: Parameters<typeof split>) => {
  const r = split(...args);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.values;
};

const attrs: ServiceAttribute[] = [
  {
    code: 'kecamatan',
    datatype: 'singlevaluelist',
    required: true,
    values: [{ key: 'BARANGIN' }, { key: 'TALAWI' }],
  },
  { code: 'luas_m2', datatype: 'number', required: false },
  {
    code: 'lampiran',
    datatype: 'multivaluelist',
    required: false,
    values: [{ key: 'KTP' }, { key: 'KK' }, { key: 'NPWP' }],
  },
];
const today = { today: '2026-11-30' };

describe('open311AttributeValues (GeoReport v2 attribute parameters)', () => {
  it('reads a repeated key and the [] form as the same list, a single value as a list of one', () => {
    // attribute[lampiran]=KTP&attribute[lampiran]=KK (FixMyStreet) and attribute[lampiran][]=…
    const repeated = open311AttributeValues(attrs, { kecamatan: 'TALAWI', lampiran: ['KTP', 'KK'] });
    expect(repeated).toEqual({ kecamatan: 'TALAWI', lampiran: ['KTP', 'KK'] });
    expect(validateAttributeValues(attrs, repeated, today)).toEqual({
      ok: true,
      value: { kecamatan: 'TALAWI', lampiran: ['KTP', 'KK'] },
    });
    const single = open311AttributeValues(attrs, { kecamatan: 'TALAWI', lampiran: 'NPWP' });
    expect(validateAttributeValues(attrs, single, today)).toEqual({
      ok: true,
      value: { kecamatan: 'TALAWI', lampiran: ['NPWP'] },
    });
  });

  it('unwraps a list of one for a single-valued attribute; still refuses several values for one', () => {
    expect(open311AttributeValues(attrs, { kecamatan: ['TALAWI'], luas_m2: ['95'] })).toEqual({
      kecamatan: 'TALAWI',
      luas_m2: '95',
    });
    const two = open311AttributeValues(attrs, { kecamatan: ['TALAWI', 'BARANGIN'] });
    expect(fieldCodes(validateAttributeValues(attrs, two, today))).toEqual(['kecamatan:INVALID_TYPE']);
    const wrong = open311AttributeValues(attrs, { kecamatan: 'TALAWI', lampiran: ['KTP', 'SIM'] });
    expect(fieldCodes(validateAttributeValues(attrs, wrong, today))).toEqual(['lampiran:NOT_ALLOWED']);
  });

  it('keeps JSON values as sent', () => {
    expect(open311AttributeValues(attrs, { kecamatan: 'TALAWI', luas_m2: 95, lampiran: ['KK'] })).toEqual({
      kecamatan: 'TALAWI',
      luas_m2: 95,
      lampiran: ['KK'],
    });
  });

  it('keeps codes the definition does not know as the client’s data, as text; refuses only within limits', () => {
    const r = split(attrs, {
      kecamatan: 'TALAWI',
      uprn: '10001',
      fixmystreet_id: ['41'],
      title: 'Lubang',
      blank: '  ',
      nomor: 7,
    });
    expect(r).toEqual({
      ok: true,
      value: {
        values: { kecamatan: 'TALAWI' },
        extra: { uprn: '10001', fixmystreet_id: ['41'], title: 'Lubang', nomor: '7' },
      },
    });
    // An invalid value of a defined attribute is still refused (by validateAttributeValues).
    const wrong = split(attrs, { kecamatan: 'PADANG', uprn: '1' });
    expect(wrong.ok && fieldCodes(validateAttributeValues(attrs, wrong.value.values, today))).toEqual([
      'kecamatan:NOT_ALLOWED',
    ]);
    expect(fieldCodes(split(attrs, { title: 'x'.repeat(1001) }))).toEqual(['attributes.title:TOO_LONG']);
    const many = Object.fromEntries(
      Array.from({ length: MAX_CLIENT_ATTRIBUTES + 1 }, (_, i) => [`x${i}`, 'a']),
    );
    expect(fieldCodes(split(attrs, many))).toEqual(['attributes:OUT_OF_RANGE']);
  });
});
