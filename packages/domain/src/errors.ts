/**
 * Error conventions (STYLE.md habits 2–3):
 * - each area writes its codes once, as the keys of its message catalogue (SCREAMING_SNAKE,
 *   prefixed with the area's subject so codes are unique package-wide), each with an Indonesian
 *   and an English message (`as const satisfies ErrorMessages<string>`);
 * - `errorCodes(catalogue)` derives the area's `as const`-style code object (keys equal values),
 *   and the union type of the same name is read from it, so a code cannot lack a message;
 * - a failure is a `DomainError<Code>`: the code, its messages and optional details for the caller
 *   (which field, which value, the limit that was broken).
 * The gateway maps each code to a typed GraphQL error; clients switch on the code, never on text.
 */

/** A user-facing message in Bahasa Indonesia (`id`) and English (`en`). */
export type Message = { readonly id: string; readonly en: string };

export type DomainError<C extends string = string> = {
  readonly code: C;
  readonly message: Message;
  readonly details?: Readonly<Record<string, unknown>>;
};

export type ErrorMessages<C extends string> = { readonly [K in C]: Message };

/** The code object of a message catalogue: each code mapped to itself, `{ A: 'A', … }`. */
export type ErrorCodes<M> = { readonly [K in keyof M & string]: K };

/**
 * The code object of a message catalogue, so an area writes each code once (as a catalogue key)
 * and still exports `XErrorCode.SOME_CODE` and the union type `XErrorCode`.
 */
export function errorCodes<M extends ErrorMessages<string>>(messages: M): ErrorCodes<M> {
  return Object.fromEntries(Object.keys(messages).map((code) => [code, code])) as ErrorCodes<M>;
}

/** Builds a `DomainError` for `code` with its messages from `messages`. */
export function domainError<C extends string>(
  code: C,
  messages: ErrorMessages<C>,
  details?: Readonly<Record<string, unknown>>,
): DomainError<C> {
  const message = messages[code];
  if (message === undefined) throw new RangeError(`No message for error code ${code}`);
  return details === undefined ? { code, message } : { code, message, details };
}

/** A builder bound to one message catalog; the returned error is typed with the exact code. */
export function errorFactory<C extends string>(messages: ErrorMessages<C>) {
  return <K extends C>(code: K, details?: Readonly<Record<string, unknown>>): DomainError<K> =>
    domainError<K>(code, messages as ErrorMessages<K>, details);
}

// ---------------------------------------------------------------------------------------------
// Generic field validation codes: the gateway maps these to one `ValidationError` GraphQL type
// with a list of field errors, whatever the entity.

export const VALIDATION_ERROR_MESSAGES = {
  REQUIRED: { id: 'Wajib diisi.', en: 'This field is required.' },
  INVALID_TYPE: { id: 'Jenis nilai tidak sesuai.', en: 'The value has the wrong type.' },
  INVALID_FORMAT: { id: 'Format tidak valid.', en: 'The format is invalid.' },
  OUT_OF_RANGE: { id: 'Nilai di luar rentang yang diizinkan.', en: 'The value is out of the allowed range.' },
  NOT_INTEGER: { id: 'Nilai harus bilangan bulat.', en: 'The value must be a whole number.' },
  TOO_SHORT: { id: 'Isian terlalu pendek.', en: 'The value is too short.' },
  TOO_LONG: { id: 'Isian terlalu panjang.', en: 'The value is too long.' },
  NOT_ALLOWED: {
    id: 'Nilai tidak termasuk pilihan yang diizinkan.',
    en: 'The value is not an allowed option.',
  },
  DUPLICATE: { id: 'Nilai ganda.', en: 'Duplicate value.' },
  UNKNOWN_FIELD: { id: 'Isian tidak dikenal.', en: 'Unknown field.' },
  INVALID_CHARACTER: {
    id: 'Memuat karakter kendali yang tidak dapat disimpan atau ditampilkan.',
    en: 'Contains a control character that cannot be stored or shown.',
  },
} as const satisfies ErrorMessages<string>;
export const ValidationErrorCode = errorCodes(VALIDATION_ERROR_MESSAGES);
export type ValidationErrorCode = (typeof ValidationErrorCode)[keyof typeof ValidationErrorCode];

/** One problem with one input field; `field` is a path such as `holidays[3].date`. */
export type FieldError = DomainError<ValidationErrorCode> & { readonly field: string };

export function fieldError(
  field: string,
  code: ValidationErrorCode,
  details?: Readonly<Record<string, unknown>>,
): FieldError {
  return { field, ...domainError(code, VALIDATION_ERROR_MESSAGES, details) };
}

/**
 * The field errors of a number that must be whole and within `min`–`max` (either bound may be
 * left out): none, `NOT_INTEGER` (details: the value) or `OUT_OF_RANGE` (the value and the bounds).
 */
export function wholeNumberErrors(
  field: string,
  value: number,
  bounds: { readonly min?: number; readonly max?: number },
): FieldError[] {
  if (!Number.isInteger(value)) return [fieldError(field, 'NOT_INTEGER', { value })];
  const { min, max } = bounds;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    return [fieldError(field, 'OUT_OF_RANGE', { value, ...bounds })];
  }
  return [];
}

/** A domain error that carries the field errors that caused it. */
export type InvalidInputError<C extends string> = DomainError<C> & { readonly fields: readonly FieldError[] };

export function invalidInputError<C extends string>(
  code: C,
  messages: ErrorMessages<C>,
  fields: readonly FieldError[],
  details?: Readonly<Record<string, unknown>>,
): InvalidInputError<C> {
  return { ...domainError(code, messages, details), fields };
}
