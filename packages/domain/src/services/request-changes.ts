import type { DomainError, FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { characterProblem, textLength } from '../text-limits.js';
import { MAX_REQUEST_TEXT } from './request-submission.js';
import { isOpen, type RequestState } from './service-request.js';

/*
 * Changes to a request besides its status: a correction added by the citizen or staff (the
 * original text and values are never edited, UU 25/2009 art. 4 accountability), and handing the
 * request to another staff member of its unit.
 */

/**
 * A correction or addition to a request: text required, at most MAX_REQUEST_TEXT characters;
 * only while the request is open.
 * Errors: a `text` field error (REQUIRED / TOO_LONG); REQUEST_ALREADY_CLOSED (with `from`/`to`).
 */
export function checkCorrection(
  state: RequestState,
  rawText: string,
): Result<string, FieldError | DomainError<'REQUEST_ALREADY_CLOSED'>> {
  const text = rawText.trim();
  const unsupported = characterProblem('text', text);
  if (unsupported) return err(unsupported);
  if (text === '' || textLength(text) > MAX_REQUEST_TEXT) {
    return err({
      field: 'text',
      code: text === '' ? 'REQUIRED' : 'TOO_LONG',
      message: {
        id: `Koreksi wajib diisi, maksimal ${MAX_REQUEST_TEXT} karakter`,
        en: `The correction is required, at most ${MAX_REQUEST_TEXT} characters`,
      },
    });
  }
  if (!isOpen(state)) {
    return err({
      code: 'REQUEST_ALREADY_CLOSED',
      message: {
        id: 'Permohonan sudah selesai, ditolak, atau dibatalkan; tidak dapat dikoreksi.',
        en: 'The request is already completed, rejected or withdrawn; it cannot be corrected.',
      },
      details: { from: state, to: state },
    });
  }
  return ok(text);
}

/**
 * A request can be reassigned only to an active staff member of its own unit.
 * Errors: a `staffId` field error (NOT_ALLOWED).
 */
export function checkReassignment(
  staff: { readonly active: boolean; readonly unitId: string } | null,
  requestUnitId: string,
): Result<true, FieldError> {
  return staff?.active && staff.unitId === requestUnitId
    ? ok(true)
    : err({
        field: 'staffId',
        code: 'NOT_ALLOWED',
        message: {
          id: 'Petugas harus aktif di unit pemilik layanan',
          en: 'The staff member must be active in the owning unit',
        },
      });
}
