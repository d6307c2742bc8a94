import { type DomainError, errorFactory, type FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { characterProblem, textLength } from '../text-limits.js';
import { REQUEST_ERROR_MESSAGES } from './messages.js';
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

const REQUEST_CHANGE_ERRORS = errorFactory(REQUEST_ERROR_MESSAGES);

/** A note on a request without a change of state: for the citizen, for staff, or both. */
export type RequestNote = { readonly publicNote: string | null; readonly internalNote: string | null };

/**
 * A note added to a request's trail without changing its state (e.g. "the site visit is on
 * Thursday" for the citizen, or a staff-only remark). Allowed in every state, also after closing
 * (e.g. where to collect the document). At least one of the two, each trimmed and at most
 * MAX_REQUEST_TEXT characters.
 * Errors: a `publicNote` REQUIRED field error when both are empty; TOO_LONG or INVALID_CHARACTER
 * on the field concerned.
 */
export function checkRequestNote(input: {
  readonly publicNote?: string | null;
  readonly internalNote?: string | null;
}): Result<RequestNote, FieldError> {
  const notes = {
    publicNote: input.publicNote?.trim() || null,
    internalNote: input.internalNote?.trim() || null,
  };
  if (!notes.publicNote && !notes.internalNote) {
    return err({
      field: 'publicNote',
      code: 'REQUIRED',
      message: {
        id: 'Isi catatan untuk pemohon, catatan internal, atau keduanya',
        en: 'Write a note for the applicant, an internal note, or both',
      },
    });
  }
  for (const field of ['publicNote', 'internalNote'] as const) {
    const text = notes[field];
    if (text === null) continue;
    const unsupported = characterProblem(field, text);
    if (unsupported) return err(unsupported);
    if (textLength(text) > MAX_REQUEST_TEXT) {
      return err({
        field,
        code: 'TOO_LONG',
        message: {
          id: `Catatan maksimal ${MAX_REQUEST_TEXT} karakter`,
          en: `A note has at most ${MAX_REQUEST_TEXT} characters`,
        },
      });
    }
  }
  return ok(notes);
}

/**
 * A staff member takes a request of their own unit on ("ambil alih"): the request must be open
 * and not already theirs; the staff member active in the request's unit (as for a reassignment).
 * Errors: REQUEST_ALREADY_CLOSED; REQUEST_ALREADY_ASSIGNED_TO_CALLER; a `staffId` field error
 * (NOT_ALLOWED) from `checkReassignment`.
 */
export function checkClaim(
  staff: { readonly id: string; readonly active: boolean; readonly unitId: string },
  request: { readonly state: RequestState; readonly unitId: string; readonly assigneeStaffId: string | null },
): Result<true, FieldError | DomainError<'REQUEST_ALREADY_CLOSED' | 'REQUEST_ALREADY_ASSIGNED_TO_CALLER'>> {
  if (!isOpen(request.state)) {
    return err(REQUEST_CHANGE_ERRORS('REQUEST_ALREADY_CLOSED', { from: request.state, to: request.state }));
  }
  if (request.assigneeStaffId === staff.id)
    return err(REQUEST_CHANGE_ERRORS('REQUEST_ALREADY_ASSIGNED_TO_CALLER'));
  return checkReassignment(staff, request.unitId);
}
