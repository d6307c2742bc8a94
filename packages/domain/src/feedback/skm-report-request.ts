import type { FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { parseSkmPeriod, type SkmPeriod, type SkmPeriodError } from './period.js';

/*
 * A unit's SKM report asked for by reference, as in a download link
 * (`?unit=DPMPTSP&period=Q1-2026`): the unit's code and a period key (`YEAR-2026`, `S1-2026`,
 * `Q1-2026`, `M01-2026`).
 */

export type SkmReportRequest = { readonly unitCode: string; readonly period: SkmPeriod };

/**
 * Checks the two parameters: the unit code (trimmed) is required (`REQUIRED` on `unit`), then the
 * period key must parse (`SKM_PERIOD_INVALID_*` from `parseSkmPeriod`).
 */
export function skmReportRequest(params: {
  readonly unit: string | null | undefined;
  readonly period: string | null | undefined;
}): Result<SkmReportRequest, FieldError | SkmPeriodError> {
  const unitCode = params.unit?.trim() ?? '';
  if (!unitCode) {
    return err({
      field: 'unit',
      code: 'REQUIRED',
      message: { id: 'Parameter unit wajib diisi', en: 'The unit parameter is required' },
    });
  }
  const period = parseSkmPeriod(params.period ?? '');
  if (!period.ok) return period;
  return ok({ unitCode, period: period.value });
}
