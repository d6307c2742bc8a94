// Public reports (issue 17 item 6). A report about a public place — a pothole, a dark street
// light, a blocked drain — is of use to everyone: other residents, and clients such as
// FixMyStreet that import a city's reports and show them on a map. But citizens type names and
// phone numbers into descriptions, so a description becomes public only as staff published it:
// checked, with personal data taken out (as FixMyStreet's moderators do). The reporter's original
// stays for staff. Services about a person (civil registration, permits) are never public
// reports, and personal data (names, contacts, NIK attributes) is never shown: the public view
// is the published text and the location only.
import type { FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { characterProblem, textLength } from '../text-limits.js';
import { OPEN311_DESCRIPTION_MAX } from './open311-limits.js';

/** Characters of a published description: GeoReport v2's `description` limit. */
export const PUBLIC_DESCRIPTION_MAX = OPEN311_DESCRIPTION_MAX;

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** An Indonesian phone number as people write it: 08…, +62…, 62…, with spaces, dots or dashes. */
const PHONE = /(?:\+?62[\s.-]?|0)8[\d\s.-]{7,14}\d/;
/** A NIK (16 digits), possibly grouped. */
const NIK = /\d(?:[\s.-]?\d){15}/;

const problem = (code: FieldError['code'], id: string, en: string): FieldError => ({
  field: 'publicDescription',
  code,
  message: { id, en },
});

/**
 * Checks the text staff publish as a request's public description. `servicePublicReport`: the
 * request's service is marked a public report in the catalogue. Returns the trimmed text, or
 * field errors on `publicDescription`: NOT_ALLOWED (the service is not a public report: its
 * requests stay private), REQUIRED, TOO_LONG (over PUBLIC_DESCRIPTION_MAX characters),
 * INVALID_CHARACTER, INVALID_FORMAT (the text still holds an e-mail address, a phone number or a
 * 16-digit number such as a NIK: take it out first).
 */
export function checkPublicDescription(input: {
  readonly servicePublicReport: boolean;
  readonly text: string;
}): Result<string, { fields: FieldError[] }> {
  if (!input.servicePublicReport)
    return err({
      fields: [
        problem(
          'NOT_ALLOWED',
          'Layanan ini bukan laporan publik: permohonannya tidak diterbitkan.',
          'This service is not a public report: its requests are not published.',
        ),
      ],
    });
  const text = input.text.trim();
  if (text === '')
    return err({
      fields: [problem('REQUIRED', 'Tuliskan deskripsi publik.', 'Write the public description.')],
    });
  const length = textLength(text);
  if (length > PUBLIC_DESCRIPTION_MAX)
    return err({
      fields: [
        problem(
          'TOO_LONG',
          `Deskripsi publik paling banyak ${PUBLIC_DESCRIPTION_MAX} karakter (ada ${length}).`,
          `The public description is at most ${PUBLIC_DESCRIPTION_MAX} characters (it has ${length}).`,
        ),
      ],
    });
  const character = characterProblem('publicDescription', text);
  if (character) return err({ fields: [character] });
  const personal = EMAIL.test(text)
    ? { id: 'alamat email', en: 'an e-mail address' }
    : PHONE.test(text)
      ? { id: 'nomor telepon', en: 'a phone number' }
      : NIK.test(text)
        ? { id: 'nomor 16 digit (NIK?)', en: 'a 16-digit number (a NIK?)' }
        : null;
  if (personal)
    return err({
      fields: [
        problem(
          'INVALID_FORMAT',
          `Deskripsi publik masih memuat ${personal.id}: hapus data pribadi sebelum diterbitkan.`,
          `The public description still contains ${personal.en}: take personal data out before publishing.`,
        ),
      ],
    });
  return ok(text);
}

/**
 * What a public view (a caller who did not file the request) may show of a request: its
 * published description and its location when the service is a public report and staff have
 * published it; else nothing (null). Never the reporter's own text, name, contacts or attributes.
 */
export function publicReportView(input: {
  readonly servicePublicReport: boolean;
  readonly publicDescription: string | null;
}): { readonly description: string; readonly showLocation: true } | null {
  if (!input.servicePublicReport || input.publicDescription === null) return null;
  return { description: input.publicDescription, showLocation: true };
}
