import { describe, expect, it } from 'vitest';
import {
  checkTextLength,
  textLengthProblems,
  unsupportedCharacter,
  withSupportedCharacters,
} from './text-limits.js';

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

describe('characters no output can carry', () => {
  it.each([
    ['\u0000', 'U+0000'],
    ['\u0001', 'U+0001'],
    ['\u000b', 'U+000B'],
    ['\u001f', 'U+001F'],
    ['\uFFFE', 'U+FFFE'],
    ['\uFFFF', 'U+FFFF'],
    ['\uD800', 'U+D800'],
    ['\uDFFF', 'U+DFFF'],
  ])('finds %j as %s', (character, name) => {
    expect(unsupportedCharacter(`Jalan ${character} rusak`)).toBe(name);
    expect(withSupportedCharacters(`a${character}b`)).toBe('a\uFFFDb');
    const checked = checkTextLength('judul', `Judul ${character} usulan`, { min: 3, max: 150 });
    expect(checked).toMatchObject({
      ok: false,
      error: { field: 'judul', code: 'INVALID_CHARACTER', details: { character: name } },
    });
  });

  it.each([
    'Tab\tbaris\nbaru\r\nCRLF',
    'Emoji 👨‍👩‍👧 dan aksara ꦗꦮ',
    'Pengganti \uFFFD dan U+E000 \uE000',
    '\u{10FFFF} di ujung bidang',
    '',
  ])('lets %j pass unchanged', (text) => {
    expect(unsupportedCharacter(text)).toBeNull();
    expect(withSupportedCharacters(text)).toBe(text);
  });
});
