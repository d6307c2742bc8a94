// Length limits of free texts (titles, agendas, notices): one rule for every form, so a title is
// checked the same way in a forum, a session and a public notice. Lengths are counted as the
// domain counts text elsewhere (`String.length`, after trimming), like submission titles.
import type { FieldError } from './errors.js';
import { err, ok, type Result } from './result.js';

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
  const { min, max } = limits;
  const details = { length: text.length, ...(min === undefined ? {} : { min }), max };
  if (min !== undefined) {
    if (text.length >= min && text.length <= max) return ok(text);
    return err({
      field,
      code: text.length < min ? 'TOO_SHORT' : 'TOO_LONG',
      message: { id: `Harus ${min}–${max} karakter.`, en: `Must be ${min}–${max} characters.` },
      details,
    });
  }
  if (text === '')
    return err({ field, code: 'REQUIRED', message: { id: 'Wajib diisi', en: 'Required' }, details });
  if (text.length > max) {
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
