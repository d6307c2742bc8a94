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
  let n = 0;
  for (const _ of graphemes.segment(text)) n += 1;
  return n;
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

/** The field errors of several texts at once, in the order given (empty when all fit). */
export function textLengthProblems(
  texts: readonly (readonly [field: string, value: string, limits: TextLimits])[],
): FieldError[] {
  return texts.flatMap(([field, value, limits]) => {
    const checked = checkTextLength(field, value, limits);
    return checked.ok ? [] : [checked.error];
  });
}
