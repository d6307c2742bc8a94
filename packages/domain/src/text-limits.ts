// Length limits of free texts (titles, agendas, notices): one rule for every form, so a title is
// checked the same way in a forum, a session and a public notice. Every length rule of the domain
// counts with textLength(): characters as a reader sees them, not UTF-16 code units.
import type { FieldError } from './errors.js';
import { err, ok, type Result } from './result.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The length of `text` in user-perceived characters (Unicode extended grapheme clusters): an
 * emoji, a letter with combining marks or a ZWJ family counts as one, as people count them.
 * `String.length` counts UTF-16 units (2 for most emoji, 11 for a family). The database stores
 * these texts in `text` columns, so no column limit is tighter than the rule.
 */
export function textLength(text: string): number {
  // ASCII-only text has one grapheme per unit except CR LF; the fast path skips the segmenter.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range is meant
  if (/^[\x00-\x7f]*$/.test(text) && !text.includes('\r\n')) return text.length;
  // ICU's segmenter slows down far worse than linearly on long runs of ZWJ sequences (10 000
  // emoji families took 45 s, 1 000 took 14 ms), so it reads the text in windows. Every boundary
  // but a window's last is exact (a break needs only the text left of it back to the last
  // boundary, and one character right of it), so each window after the first starts at the last
  // segment of the one before, read again whole.
  let n = 0;
  let start = 0;
  let window = SEGMENT_WINDOW;
  while (start < text.length) {
    let end = start + window;
    // Never split a surrogate pair: the character right of the last boundary must be whole.
    const before = text.charCodeAt(end - 1);
    if (before >= 0xd800 && before <= 0xdbff) end += 1;
    if (end >= text.length) {
      for (const _ of graphemes.segment(text.slice(start))) n += 1;
      return n;
    }
    let last = 0;
    let count = 0;
    for (const segment of graphemes.segment(text.slice(start, end))) {
      count += 1;
      last = segment.index;
    }
    if (last === 0) {
      window *= 2; // one cluster longer than the window (e.g. a letter with many marks)
      continue;
    }
    n += count - 1;
    start += last;
    window = SEGMENT_WINDOW;
  }
  return n;
}

/** UTF-16 units segmented at once by textLength. */
const SEGMENT_WINDOW = 512;

/**
 * Characters that no output of Layanan can carry: outside the XML 1.0 `Char` production
 * (W3C XML 1.0, §2.2) — C0 controls other than tab, line feed and carriage return, lone UTF-16
 * surrogates, U+FFFE and U+FFFF. Open311 XML, CSV, JSON and e-mail all carry the rest.
 */
const UNSUPPORTED_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const UNSUPPORTED_CHARACTERS = new RegExp(UNSUPPORTED_CHARACTER.source, 'gu');

/** The first character of `text` no output can carry, as `U+XXXX`, or null when there is none. */
export function unsupportedCharacter(text: string): string | null {
  const found = UNSUPPORTED_CHARACTER.exec(text)?.[0];
  if (found === undefined) return null;
  return `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `text` with every character no output can carry replaced by U+FFFD (the replacement
 * character), for writers of text stored before the rule (`unsupportedCharacter`) existed.
 */
export function withSupportedCharacters(text: string): string {
  return text.replace(UNSUPPORTED_CHARACTERS, '\uFFFD');
}

/**
 * A field error (INVALID_CHARACTER, naming the character as `U+XXXX` in `details.character` and
 * in both languages) when `text` holds a character no output can carry, else null.
 */
export function characterProblem(field: string, text: string): FieldError | null {
  const character = unsupportedCharacter(text);
  if (character === null) return null;
  return {
    field,
    code: 'INVALID_CHARACTER',
    message: {
      id: `Memuat karakter kendali ${character} yang tidak dapat disimpan atau ditampilkan; hapus karakter itu.`,
      en: `Contains the control character ${character}, which cannot be stored or shown; remove it.`,
    },
    details: { character },
  };
}

/**
 * `min` given: the text must be `min`–`max` characters (TOO_SHORT / TOO_LONG, "Harus 3–200
 * karakter."); no `min`: it is required and at most `max` characters (REQUIRED / TOO_LONG).
 */
export type TextLimits = { readonly min?: number; readonly max: number };

/**
 * Checks one text field against its limits. Returns the trimmed text, or a field error naming
 * `field` with the limit in both languages (`details.length`, `details.min`, `details.max`).
 */
export function checkTextLength(
  field: string,
  value: string,
  limits: TextLimits,
): Result<string, FieldError> {
  const text = value.trim();
  const unsupported = characterProblem(field, text);
  if (unsupported) return err(unsupported);
  const length = textLength(text);
  const { min, max } = limits;
  const details = { length, ...(min === undefined ? {} : { min }), max };
  if (min !== undefined) {
    if (length >= min && length <= max) return ok(text);
    return err({
      field,
      code: length < min ? 'TOO_SHORT' : 'TOO_LONG',
      message: { id: `Harus ${min}–${max} karakter.`, en: `Must be ${min}–${max} characters.` },
      details,
    });
  }
  if (text === '')
    return err({ field, code: 'REQUIRED', message: { id: 'Wajib diisi', en: 'Required' }, details });
  if (length > max) {
    return err({
      field,
      code: 'TOO_LONG',
      message: { id: `Maksimal ${max} karakter`, en: `At most ${max} characters` },
      details,
    });
  }
  return ok(text);
}

/**
 * The longest reason or note a person gives for an act — a review, a hide, a public answer, a
 * cancellation, a lowered progress, a progress note — in characters as a reader counts them.
 */
export const REASON_MAX = 1000;

/**
 * A field error (TOO_LONG with `details.length`/`max`, or INVALID_CHARACTER) when a given
 * reason or note is over `max` characters (`textLength`) or holds a character no output can
 * carry; null when it fits. An empty text is null too: whether one is required is the caller's
 * rule, with its own error.
 */
export function reasonProblem(
  field: string,
  text: string | null | undefined,
  max = REASON_MAX,
): FieldError | null {
  if (text == null || text.trim() === '') return null;
  const checked = checkTextLength(field, text, { max });
  return checked.ok ? null : checked.error;
}

/** The field errors of several texts at once, in the order given (empty when all fit). */
export function textLengthProblems(
  texts: readonly (readonly [field: string, value: string, limits: TextLimits])[],
): FieldError[] {
  return texts.flatMap(([field, value, limits]) => {
    const checked = checkTextLength(field, value, limits);
    return checked.ok ? [] : [checked.error];
  });
}
