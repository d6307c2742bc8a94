import { describe, expect, it } from 'vitest';
import { isSkmElementCode, SKM_ELEMENT_CODES, SKM_ELEMENTS, skmElement } from './skm-elements.js';

describe('SKM_ELEMENTS', () => {
  it('has the nine PermenPANRB 14/2017 elements by code', () => {
    expect([...SKM_ELEMENT_CODES].sort()).toEqual([
      'BIAYA',
      'KOMPETENSI',
      'PENGADUAN',
      'PERILAKU',
      'PERSYARATAN',
      'PRODUK',
      'PROSEDUR',
      'SARANA',
      'WAKTU',
    ]);
    expect(new Set(SKM_ELEMENT_CODES).size).toBe(9);
  });

  it('gives each element labels, a question and four answers in both languages', () => {
    for (const e of SKM_ELEMENTS) {
      for (const m of [e.label, e.question, ...e.scale]) {
        expect(m.id.trim().length).toBeGreaterThan(0);
        expect(m.en.trim().length).toBeGreaterThan(0);
      }
      expect(e.question.id).toMatch(/\?$/);
      expect(e.scale).toHaveLength(4);
    }
    expect(skmElement('BIAYA').scale[3].id).toBe('Gratis');
    expect(skmElement('WAKTU').label.en).toBe('Completion time');
  });

  it('recognises codes', () => {
    expect(isSkmElementCode('SARANA')).toBe(true);
    expect(isSkmElementCode('sarana')).toBe(false);
    expect(isSkmElementCode('U1')).toBe(false);
    expect(() => skmElement('U1' as never)).toThrow(RangeError);
  });
});
