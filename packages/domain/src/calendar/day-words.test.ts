import { describe, expect, it } from 'vitest';
import { dayInWords } from './day-words.js';

describe('days in words', () => {
  it('writes a WIB day in Indonesian and English, never as YYYY-MM-DD', () => {
    expect(dayInWords('2026-12-01')).toEqual({ id: '1 Desember 2026', en: '1 December 2026' });
    expect(dayInWords('2027-03-17')).toEqual({ id: '17 Maret 2027', en: '17 March 2027' });
  });

  it('returns anything else unchanged, so a bug upstream shows', () => {
    expect(dayInWords('2026-13-01')).toEqual({ id: '2026-13-01', en: '2026-13-01' });
    expect(dayInWords('besok')).toEqual({ id: 'besok', en: 'besok' });
  });
});
