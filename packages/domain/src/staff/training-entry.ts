// A training a person completed, as typed into the register: a title (or a catalogue course's
// name), the completion day and the length in JP or minutes (1 JP = 45 minutes).
import type { Day } from '../calendar/day.js';
import type { FieldError, InvalidInputError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { requiredField, STAFF_FIELD_LABELS } from './field-checks.js';
import type { TrainingErrorCode } from './messages.js';
import { jpToMinutes, validateTrainingRecord } from './training.js';

export type TrainingEntryInput = {
  readonly personId: string;
  readonly title?: string | null | undefined;
  /** The name of the catalogue course the entry names, the title when none is typed. */
  readonly courseName?: string | null | undefined;
  readonly completedOn: string;
  readonly jp?: number | null | undefined;
  readonly minutes?: number | null | undefined;
};

export type TrainingEntry = {
  readonly title: string;
  /** `YYYY-MM-DD`. */
  readonly completedOn: string;
  readonly jp: number;
  /** As typed, or the JP in minutes. */
  readonly minutes: number;
};

/**
 * Checks a training entry against `now` (no completion in the future). Errors carry their field
 * problems: `TRAINING_RECORD_INVALID` for the day or the length (with `REQUIRED` on `title` too
 * when there is no title), or `REQUIRED` when only the title is missing.
 */
export function validateTrainingEntry(
  input: TrainingEntryInput,
  options: { readonly now: Day },
): Result<TrainingEntry, InvalidInputError<TrainingErrorCode | 'REQUIRED'>> {
  const title = input.title?.trim() || input.courseName || '';
  const titleProblems: FieldError[] = title ? [] : [requiredField('title', STAFF_FIELD_LABELS.trainingTitle)];
  const checked = validateTrainingRecord(
    {
      personId: input.personId,
      completedOn: input.completedOn,
      ...(input.jp == null ? {} : { jp: input.jp }),
      ...(input.minutes == null ? {} : { minutes: input.minutes }),
    },
    options,
  );
  if (!checked.ok) return err({ ...checked.error, fields: [...titleProblems, ...checked.error.fields] });
  const [missing] = titleProblems;
  if (missing) return err({ code: 'REQUIRED', message: missing.message, fields: [missing] });
  return ok({
    title,
    completedOn: checked.value.completedOn,
    jp: checked.value.jp,
    minutes: input.minutes ?? jpToMinutes(checked.value.jp),
  });
}
