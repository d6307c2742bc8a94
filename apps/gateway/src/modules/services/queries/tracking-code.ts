import { formatTrackingCode, parseTrackingCode } from '@layanan/domain/services';

/** A tracking code as typed (any case, spacing) in its canonical form, or null if it cannot be one. */
export function normalizedCode(code: string): string | null {
  const parsed = parseTrackingCode(code);
  return parsed.ok ? formatTrackingCode(parsed.value) : null;
}
