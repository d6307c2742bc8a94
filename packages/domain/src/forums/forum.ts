import { addCalendarDays, parseDay } from '../calendar/day.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { isWorkingDay } from '../calendar/working-days.js';
import { type DomainError, type FieldError, invalidInputError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { textLengthProblems } from '../text-limits.js';
import { DEFAULT_ANSWER_DEADLINE_WORKING_DAYS } from './answer.js';
import { FORUM_ERROR_MESSAGES, type ForumErrorCode } from './messages.js';

/*
 * Standing forums and their sessions (issue 5): public consultation (konsultasi publik) and
 * musrenbang sessions, part of the public participation UU 25/2009 art. 39 asks for.
 */

export type ForumInputError = DomainError<ForumErrorCode> & { readonly fields: readonly FieldError[] };

/** A forum's address in URLs: lowercase letters and digits in dash-separated words. */
export const FORUM_SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const FORUM_SLUG_MAX_LENGTH = 60;
/** Working days a forum gives its unit to answer a submission publicly. */
export const FORUM_ANSWER_DAYS = { min: 1, max: 60, default: DEFAULT_ANSWER_DEADLINE_WORKING_DAYS } as const;
/** Text limits of forums and sessions (characters, trimmed). */
export const FORUM_TEXT_LIMITS = {
  title: { min: 3, max: 200 },
  description: { min: 3, max: 5000 },
  agenda: { min: 3, max: 5000 },
  place: { min: 3, max: 200 },
  minutes: { min: 3, max: 50_000 },
} as const;

/** How a slug is looked up and stored: trimmed, lowercase. */
export function normalizeForumSlug(slug: string): string {
  return slug.trim().toLowerCase();
}

export type NewForum = { slug: string; title: string; description: string; answerDays: number };

/**
 * A new forum: slug (`FORUM_SLUG_PATTERN`, at most 60 characters, normalised), title (3–200),
 * description (3–5000), `answerDays` 1–60 working days (default 14) and a known answering unit
 * (`unitKnown`, looked up by the caller). Every broken rule is one field error of FORUM_INVALID.
 */
export function validateNewForum(input: {
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly answerDays?: number | null;
  readonly unitKnown: boolean;
}): Result<NewForum, ForumInputError> {
  const slug = normalizeForumSlug(input.slug);
  const answerDays = input.answerDays ?? FORUM_ANSWER_DAYS.default;
  const fields: FieldError[] = textLengthProblems([
    ['title', input.title, FORUM_TEXT_LIMITS.title],
    ['description', input.description, FORUM_TEXT_LIMITS.description],
  ]);
  if (!FORUM_SLUG_PATTERN.test(slug) || slug.length > FORUM_SLUG_MAX_LENGTH) {
    fields.push({
      field: 'slug',
      code: 'INVALID_FORMAT',
      message: {
        id: 'Hanya huruf kecil, angka dan tanda hubung, maksimal 60 karakter.',
        en: 'Only lowercase letters, digits and dashes, at most 60 characters.',
      },
    });
  }
  const { min, max } = FORUM_ANSWER_DAYS;
  if (!Number.isInteger(answerDays) || answerDays < min || answerDays > max) {
    fields.push({
      field: 'answerDays',
      code: 'OUT_OF_RANGE',
      message: {
        id: 'Batas jawab harus 1–60 hari kerja.',
        en: 'The answer deadline must be 1–60 working days.',
      },
      details: { value: answerDays, min, max },
    });
  }
  if (!input.unitKnown) {
    fields.push({
      field: 'unitCode',
      code: 'NOT_ALLOWED',
      message: { id: 'Unit kerja tidak dikenal.', en: 'Unknown work unit.' },
    });
  }
  if (fields.length > 0) return err(invalidInputError('FORUM_INVALID', FORUM_ERROR_MESSAGES, fields));
  return ok({ slug, title: input.title.trim(), description: input.description.trim(), answerDays });
}

/** FORUM_SLUG_TAKEN naming the slug: another forum (perhaps created a moment ago) has it. */
export function forumSlugTaken(slug: string): DomainError<'FORUM_SLUG_TAKEN'> {
  return {
    code: 'FORUM_SLUG_TAKEN',
    message: {
      id: `Alamat forum "${slug}" sudah dipakai.`,
      en: `The forum address "${slug}" is already taken.`,
    },
    details: { slug },
  };
}

export type NewForumSession = { title: string; agenda: string; place: string };

/**
 * A session to schedule: title and place 3–200, agenda 3–5000 characters; a named district must
 * exist (`districtKnown`, false when a code was given and not found) and every representative must
 * be active staff (`representativesActive`). Field errors of FORUM_SESSION_INVALID.
 */
export function validateForumSession(input: {
  readonly title: string;
  readonly agenda: string;
  readonly place: string;
  readonly districtKnown: boolean;
  readonly representativesActive: boolean;
}): Result<NewForumSession, ForumInputError> {
  const fields: FieldError[] = textLengthProblems([
    ['title', input.title, FORUM_TEXT_LIMITS.title],
    ['agenda', input.agenda, FORUM_TEXT_LIMITS.agenda],
    ['place', input.place, FORUM_TEXT_LIMITS.place],
  ]);
  if (!input.districtKnown) {
    fields.push({
      field: 'districtCode',
      code: 'NOT_ALLOWED',
      message: { id: 'Kecamatan tidak dikenal.', en: 'Unknown district (kecamatan).' },
    });
  }
  if (!input.representativesActive) {
    fields.push({
      field: 'representativeIds',
      code: 'NOT_ALLOWED',
      message: {
        id: 'Setiap perwakilan harus pegawai aktif dalam daftar pegawai.',
        en: 'Every representative must be active staff in the register.',
      },
    });
  }
  if (fields.length > 0) return err(invalidInputError('FORUM_SESSION_INVALID', FORUM_ERROR_MESSAGES, fields));
  return ok({ title: input.title.trim(), agenda: input.agenda.trim(), place: input.place.trim() });
}

/** Published minutes (notulen) of a session: 3–50,000 characters, trimmed. */
export function validateSessionMinutes(minutes: string): Result<string, ForumInputError> {
  const fields = textLengthProblems([['minutes', minutes, FORUM_TEXT_LIMITS.minutes]]);
  if (fields.length > 0) return err(invalidInputError('FORUM_SESSION_INVALID', FORUM_ERROR_MESSAGES, fields));
  return ok(minutes.trim());
}

/**
 * The period of an accountability report: two days (`YYYY-MM-DD`, WIB), `to` on or after `from`.
 * A malformed day is its calendar error with `field` (`from` / `to`); a reversed period is
 * FORUM_PERIOD_INVALID with an OUT_OF_RANGE field error on `to`.
 */
export function accountabilityPeriod(
  from: string,
  to: string,
): Result<{ from: string; to: string }, (DomainError & { readonly field: string }) | ForumInputError> {
  const start = parseDay(from);
  if (!start.ok) return err({ ...start.error, field: 'from' });
  const end = parseDay(to);
  if (!end.ok) return err({ ...end.error, field: 'to' });
  if (start.value > end.value) {
    return err(
      invalidInputError('FORUM_PERIOD_INVALID', FORUM_ERROR_MESSAGES, [
        {
          field: 'to',
          code: 'OUT_OF_RANGE',
          message: {
            id: 'Tanggal akhir harus sama dengan atau setelah tanggal awal.',
            en: 'The end date must be on or after the start date.',
          },
        },
      ]),
    );
  }
  return ok({ from: start.value, to: end.value });
}

/**
 * The day an unanswered submission's due date must be before to count as overdue in a report:
 * the last working day on or before `today` (a working day must have passed since the due date).
 * Looks back at most 60 days.
 */
export function answerOverdueCutoff(today: string, calendar: WorkingCalendar): string {
  let day = today;
  for (let i = 0; i < 60 && !isWorkingDay(day, calendar); i++) day = addCalendarDays(day, -1);
  return day;
}
