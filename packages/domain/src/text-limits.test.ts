import { describe, expect, it } from 'vitest';
import { checkTextLength, textLengthProblems } from './text-limits.js';

describe('checkTextLength', () => {
  it('returns the trimmed text within a min–max range', () => {
    expect(checkTextLength('title', '  Rapat  ', { min: 3, max: 200 })).toEqual({ ok: true, value: 'Rapat' });
    expect(checkTextLength('title', 'abc', { min: 3, max: 3 })).toEqual({ ok: true, value: 'abc' });
  });

  it('refuses too short and too long texts with the range in both languages', () => {
    const short = checkTextLength('title', ' ab ', { min: 3, max: 200 });
    expect(short).toMatchObject({
      ok: false,
      error: { field: 'title', code: 'TOO_SHORT', message: { id: 'Harus 3–200 karakter.' } },
    });
    const long = checkTextLength('agenda', 'x'.repeat(5001), { min: 3, max: 5000 });
    expect(long).toMatchObject({
      ok: false,
      error: { code: 'TOO_LONG', message: { en: 'Must be 3–5000 characters.' }, details: { length: 5001 } },
    });
  });

  it('without a minimum: required, then at most max characters', () => {
    expect(checkTextLength('title', '   ', { max: 200 })).toMatchObject({
      ok: false,
      error: { code: 'REQUIRED', message: { id: 'Wajib diisi', en: 'Required' } },
    });
    expect(checkTextLength('body', 'x'.repeat(5001), { max: 5000 })).toMatchObject({
      ok: false,
      error: { code: 'TOO_LONG', message: { id: 'Maksimal 5000 karakter', en: 'At most 5000 characters' } },
    });
    expect(checkTextLength('body', ' x ', { max: 1 })).toEqual({ ok: true, value: 'x' });
  });

  it('lists the problems of several fields in order', () => {
    const problems = textLengthProblems([
      ['title', ' ', { max: 200 }],
      ['place', 'Balai kota', { min: 3, max: 200 }],
      ['body', 'x'.repeat(11), { max: 10 }],
    ]);
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual(['title:REQUIRED', 'body:TOO_LONG']);
  });
});
