// Limits GeoReport v2 sets on what a client sends or asks for (wiki.open311.org/GeoReport_v2):
// a request's `description` is "up to 4,000 characters", and a request list spans "90 days or
// first 1000 requests returned, whichever is smallest".
import type { FieldError } from '../errors.js';
import { textLength } from '../text-limits.js';

/** Characters of an Open311 `description` (GeoReport v2, POST Service Request). */
export const OPEN311_DESCRIPTION_MAX = 4000;
/** Days a `start_date`–`end_date` window may span (GeoReport v2, GET Service Requests). */
export const OPEN311_WINDOW_DAYS = 90;

/** `description: TOO_LONG` when `text` is over OPEN311_DESCRIPTION_MAX characters, else null. */
export function open311DescriptionProblem(text: string): FieldError | null {
  const length = textLength(text);
  if (length <= OPEN311_DESCRIPTION_MAX) return null;
  return {
    field: 'description',
    code: 'TOO_LONG',
    message: {
      id: `Deskripsi paling banyak ${OPEN311_DESCRIPTION_MAX} karakter (ada ${length}).`,
      en: `The description is at most ${OPEN311_DESCRIPTION_MAX} characters (it has ${length}).`,
    },
    details: { maxLength: OPEN311_DESCRIPTION_MAX, length },
  };
}

/**
 * `end_date: OUT_OF_RANGE` when the window ends before it starts or spans more than
 * OPEN311_WINDOW_DAYS days (start and end instants, in milliseconds apart), else null.
 */
export function open311WindowProblem(start: Date, end: Date): FieldError | null {
  const span = end.getTime() - start.getTime();
  if (span >= 0 && span <= OPEN311_WINDOW_DAYS * 86_400_000) return null;
  return {
    field: 'end_date',
    code: 'OUT_OF_RANGE',
    message:
      span < 0
        ? { id: 'end_date sebelum start_date.', en: 'end_date is before start_date.' }
        : {
            id: `Rentang start_date sampai end_date paling lama ${OPEN311_WINDOW_DAYS} hari.`,
            en: `The span from start_date to end_date is at most ${OPEN311_WINDOW_DAYS} days.`,
          },
    details: { maxDays: OPEN311_WINDOW_DAYS },
  };
}
