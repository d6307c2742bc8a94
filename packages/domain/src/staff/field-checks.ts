// Field checks the staff commands and reports share: a required text, a rating or report year,
// a JP budget. Each returns a field error naming its field, with a message that names the field.
import type { DomainError, FieldError, Message } from '../errors.js';
import { err, ok, type Result } from '../result.js';

/**
 * One problem with one input field. `code` is a generic validation code (`REQUIRED`,
 * `OUT_OF_RANGE`, …) or the code of the rule that failed (`NIP_INVALID_LENGTH`, `RANK_UNKNOWN`,
 * `DAY_NOT_A_DATE`, `COMPETENCY_LEVEL_INVALID`); `field` is a path inside the input
 * (`requirements[2].level`).
 */
export type StaffFieldError = DomainError<string> & { readonly field: string };

/** A rule's error placed on a field. */
export function onField(field: string, error: DomainError<string>): StaffFieldError {
  return { ...error, field };
}

/**
 * `REQUIRED` for an empty text field. The message names the field by the label the user sees
 * (`label`, e.g. `{ id: 'Nama pelatihan', en: 'training name' }`), never by its input name, which
 * stays in `field` for the form to place the error: `Nama pelatihan wajib diisi.`
 */
export function requiredField(field: string, label: Message): FieldError {
  return {
    field,
    code: 'REQUIRED',
    message: { id: `${label.id} wajib diisi.`, en: `The ${label.en} is required.` },
  };
}

/** The labels the staff forms show for the fields `requiredField` checks (id / en). */
export const STAFF_FIELD_LABELS = {
  name: { id: 'Nama', en: 'name' },
  position: { id: 'Jabatan', en: 'position' },
  positionCode: { id: 'Kode jabatan', en: 'position code' },
  positionName: { id: 'Nama jabatan', en: 'position name' },
  trainingTitle: { id: 'Nama pelatihan', en: 'training name' },
} as const satisfies Record<string, Message>;

/** The years the register rates and reports on; earlier or later is a typo. */
export const STAFF_YEAR_RANGE = { min: 1970, max: 2100 } as const;

const YEAR_MESSAGE: Message = {
  id: `Tahun harus antara ${STAFF_YEAR_RANGE.min} dan ${STAFF_YEAR_RANGE.max}.`,
  en: `The year must be between ${STAFF_YEAR_RANGE.min} and ${STAFF_YEAR_RANGE.max}.`,
};

/** A whole year in STAFF_YEAR_RANGE (SKP rating year, training report year); `OUT_OF_RANGE` on `year`. */
export function checkStaffYear(year: number): Result<number, FieldError> {
  if (Number.isInteger(year) && year >= STAFF_YEAR_RANGE.min && year <= STAFF_YEAR_RANGE.max) return ok(year);
  return err({
    field: 'year',
    code: 'OUT_OF_RANGE',
    message: YEAR_MESSAGE,
    details: { value: year, ...STAFF_YEAR_RANGE },
  });
}

/**
 * A training-plan budget in JP per person (e.g. the 20 JP yearly right): finite and ≥ 0, or
 * absent (no budget). `OUT_OF_RANGE` on `maxJp`.
 */
export function checkJpBudget(maxJp: number | null | undefined): Result<number | undefined, FieldError> {
  if (maxJp == null) return ok(undefined);
  if (Number.isFinite(maxJp) && maxJp >= 0) return ok(maxJp);
  return err({
    field: 'maxJp',
    code: 'OUT_OF_RANGE',
    message: { id: 'Batas JP tidak boleh negatif.', en: 'The JP budget must not be negative.' },
    details: { value: maxJp, min: 0 },
  });
}
