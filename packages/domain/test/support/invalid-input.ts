// Test support: the assertion every validator's tests make about an invalid input (the
// `{ ok: false, error: { code, fields } }` shape of STYLE.md habit 2), written once.
import { expect } from 'vitest';
import type { Result } from '../../src/result.js';

type FieldProblem = { readonly field: string; readonly code: string };
type InvalidInput = { readonly code: string; readonly fields: readonly FieldProblem[] };

/** Each field error as `field:CODE` (e.g. `title:TOO_SHORT`), in order; none for a success. */
export function fieldCodes(result: Result<unknown, InvalidInput>): string[] {
  return result.ok ? [] : result.error.fields.map((f) => `${f.field}:${f.code}`);
}

/**
 * Asserts that `result` failed with `code` and exactly these field errors (`field:CODE`, in
 * order), and returns the error for further checks.
 */
export function expectInvalidInput<E extends InvalidInput>(
  result: Result<unknown, E>,
  code: E['code'],
  fields: readonly string[],
): E {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error(`expected ${code}, got a success`);
  expect(result.error.code).toBe(code);
  expect(fieldCodes(result)).toEqual(fields);
  return result.error;
}
