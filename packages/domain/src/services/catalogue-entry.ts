// Editable fields of a catalogue entry. Completion time and cost are components of the service
// standard (UU 25/2009 art. 21); the limits here keep published promises meaningful.
import { type FieldError, type InvalidInputError, invalidInputError, type Message } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { textLength } from '../text-limits.js';
import { CATALOGUE_ENTRY_ERROR_MESSAGES, type CatalogueEntryErrorCode } from './messages.js';

export const CATALOGUE_ENTRY_LIMITS = {
  nameLength: { min: 3, max: 200 },
  descriptionLength: { min: 10, max: 5000 },
  /** Working days. A year of working days is the longest promise that still means something. */
  completionDays: { min: 1, max: 250 },
  /** Rupiah; above this a typo is likelier than a tariff. */
  costIdr: { min: 0, max: 1_000_000_000 },
} as const;

type NumberRange = { readonly min: number; readonly max: number };

export type CatalogueEntryUpdate = {
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly completionDays?: number | undefined;
  readonly costIdr?: number | undefined;
};

export type CatalogueEntryError = InvalidInputError<CatalogueEntryErrorCode>;

function problem(
  field: string,
  code: FieldError['code'],
  id: string,
  en: string,
  details?: Record<string, unknown>,
) {
  const base = { field, code, message: { id, en } };
  return (details ? { ...base, details } : base) as FieldError;
}

function text(
  field: 'name' | 'description',
  value: string,
  limits: { min: number; max: number },
  labels: { id: string; en: string },
): FieldError | null {
  const trimmed = value.trim();
  const length = textLength(trimmed);
  if (length === 0)
    return problem(field, 'REQUIRED', `${labels.id} wajib diisi.`, `The ${labels.en} is required.`);
  if (length < limits.min || length > limits.max) {
    return problem(
      field,
      length < limits.min ? 'TOO_SHORT' : 'TOO_LONG',
      `${labels.id} harus ${limits.min}–${limits.max} karakter.`,
      `The ${labels.en} must be ${limits.min}–${limits.max} characters.`,
      { ...limits, length },
    );
  }
  return null;
}

/** `NOT_INTEGER` for a fraction, `OUT_OF_RANGE` outside `limits`, else null; `message` says both. */
function wholeNumber(
  field: 'completionDays' | 'costIdr',
  value: number,
  limits: NumberRange,
  message: Message,
): FieldError | null {
  if (Number.isInteger(value) && value >= limits.min && value <= limits.max) return null;
  const code = Number.isInteger(value) ? 'OUT_OF_RANGE' : 'NOT_INTEGER';
  return problem(field, code, message.id, message.en, { ...limits, value });
}

/**
 * Checks a partial update of a catalogue entry; only the fields given are checked and returned
 * (text trimmed). Every broken field is reported, not just the first.
 */
export function validateServiceUpdate(
  input: CatalogueEntryUpdate,
): Result<CatalogueEntryUpdate, CatalogueEntryError> {
  const fields: FieldError[] = [];
  const value: { -readonly [K in keyof CatalogueEntryUpdate]: CatalogueEntryUpdate[K] } = {};
  const L = CATALOGUE_ENTRY_LIMITS;

  if (input.name !== undefined) {
    const issue = text('name', input.name, L.nameLength, { id: 'Nama layanan', en: 'service name' });
    if (issue) fields.push(issue);
    else value.name = input.name.trim();
  }
  if (input.description !== undefined) {
    const issue = text('description', input.description, L.descriptionLength, {
      id: 'Uraian',
      en: 'description',
    });
    if (issue) fields.push(issue);
    else value.description = input.description.trim();
  }
  if (input.completionDays !== undefined) {
    const { min, max } = L.completionDays;
    const issue = wholeNumber('completionDays', input.completionDays, L.completionDays, {
      id: `Waktu penyelesaian harus bilangan bulat ${min}–${max} hari kerja.`,
      en: `The completion time must be a whole number of ${min}–${max} working days.`,
    });
    if (issue) fields.push(issue);
    else value.completionDays = input.completionDays;
  }
  if (input.costIdr !== undefined) {
    const { min, max } = L.costIdr;
    const issue = wholeNumber('costIdr', input.costIdr, L.costIdr, {
      id: `Biaya harus bilangan bulat rupiah antara ${min} dan ${max}; 0 berarti gratis.`,
      en: `The cost must be a whole number of rupiah between ${min} and ${max}; 0 means free.`,
    });
    if (issue) fields.push(issue);
    else value.costIdr = input.costIdr;
  }
  if (fields.length > 0) {
    return err(invalidInputError('CATALOGUE_ENTRY_INVALID', CATALOGUE_ENTRY_ERROR_MESSAGES, fields));
  }
  return ok(value);
}
