import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { TRACKING_CODE_ERROR_MESSAGES, type TrackingCodeErrorCode } from './messages.js';

/*
 * Public tracking codes such as `SWL-2026-000123`: a city prefix, the year filed and a sequence
 * padded to at least six digits. The owner follows the request with it, so it must be easy to
 * read out over the phone: letters are upper-case and parsing ignores case and surrounding
 * spaces.
 */

export type TrackingCode = { readonly prefix: string; readonly year: number; readonly sequence: number };

const trackingError = errorFactory(TRACKING_CODE_ERROR_MESSAGES);

export function formatTrackingCode(code: TrackingCode): string {
  if (!/^[A-Z]{2,6}$/.test(code.prefix)) throw new RangeError(`Invalid tracking prefix ${code.prefix}`);
  if (!Number.isInteger(code.year) || code.year < 1000 || code.year > 9999) {
    throw new RangeError(`Invalid tracking year ${code.year}`);
  }
  if (!Number.isSafeInteger(code.sequence) || code.sequence < 1) {
    throw new RangeError(`Invalid tracking sequence ${code.sequence}`);
  }
  return `${code.prefix}-${code.year}-${String(code.sequence).padStart(6, '0')}`;
}

export function parseTrackingCode(input: string): Result<TrackingCode, DomainError<TrackingCodeErrorCode>> {
  const m = /^([A-Z]{2,6})-(\d{4})-(\d{6,})$/.exec(String(input).trim().toUpperCase());
  const sequence = m ? Number(m[3]) : 0;
  if (!m || sequence < 1 || !Number.isSafeInteger(sequence) || Number(m[2]) < 1000) {
    return err(trackingError('TRACKING_CODE_INVALID', { input }));
  }
  return ok({ prefix: m[1] ?? '', year: Number(m[2]), sequence });
}
