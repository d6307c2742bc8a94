import { describe, expect, it } from 'vitest';
import {
  domainError,
  type ErrorMessages,
  errorCodes,
  errorFactory,
  fieldError,
  invalidInputError,
  VALIDATION_ERROR_MESSAGES,
  ValidationErrorCode,
  wholeNumberErrors,
} from './errors.js';

const DEMO_MESSAGES = {
  DEMO_BROKEN: { id: 'Rusak.', en: 'Broken.' },
  DEMO_GONE: { id: 'Hilang.', en: 'Gone.' },
} as const satisfies ErrorMessages<string>;
const DemoErrorCode = errorCodes(DEMO_MESSAGES);
type DemoErrorCode = (typeof DemoErrorCode)[keyof typeof DemoErrorCode];

describe('domain errors', () => {
  it('builds an error with both messages and optional details', () => {
    expect(domainError('DEMO_BROKEN', DEMO_MESSAGES)).toEqual({
      code: 'DEMO_BROKEN',
      message: { id: 'Rusak.', en: 'Broken.' },
    });
    expect(domainError('DEMO_GONE', DEMO_MESSAGES, { id: 7 })).toEqual({
      code: 'DEMO_GONE',
      message: { id: 'Hilang.', en: 'Gone.' },
      details: { id: 7 },
    });
    expect('details' in domainError('DEMO_GONE', DEMO_MESSAGES)).toBe(false);
  });

  it('derives the code object from the catalogue: each key mapped to itself, in order', () => {
    expect(DemoErrorCode).toEqual({ DEMO_BROKEN: 'DEMO_BROKEN', DEMO_GONE: 'DEMO_GONE' });
    expect(Object.keys(DemoErrorCode)).toEqual(['DEMO_BROKEN', 'DEMO_GONE']);
    const gone: 'DEMO_GONE' = DemoErrorCode.DEMO_GONE;
    expect(gone).toBe('DEMO_GONE');
  });

  it('a factory keeps the exact code in the type', () => {
    const make = errorFactory(DEMO_MESSAGES);
    const e = make('DEMO_GONE');
    const code: 'DEMO_GONE' = e.code;
    expect(code).toBe('DEMO_GONE');
  });

  it('throws for a code without a message (a bug, not input)', () => {
    expect(() => domainError('NOPE' as DemoErrorCode, DEMO_MESSAGES)).toThrow(RangeError);
  });

  it('validation codes are SCREAMING_SNAKE, keys equal values, and have both messages', () => {
    for (const [key, value] of Object.entries(ValidationErrorCode)) {
      expect(key).toBe(value);
      expect(value).toMatch(/^[A-Z][A-Z0-9_]*$/);
      const m = VALIDATION_ERROR_MESSAGES[value];
      expect(m.id.length).toBeGreaterThan(0);
      expect(m.en.length).toBeGreaterThan(0);
      expect(m.id).not.toBe(m.en);
    }
  });

  it('field errors and invalid-input errors carry their fields', () => {
    const f = fieldError('holidays[0].date', 'INVALID_FORMAT', { value: '2026-2-1' });
    expect(f).toMatchObject({
      field: 'holidays[0].date',
      code: 'INVALID_FORMAT',
      details: { value: '2026-2-1' },
    });
    const e = invalidInputError('DEMO_BROKEN', DEMO_MESSAGES, [f]);
    expect(e.code).toBe('DEMO_BROKEN');
    expect(e.fields).toEqual([f]);
  });

  it('a whole number within its bounds has no field errors; a fraction or a stray one has one', () => {
    const codes = (value: number, bounds: { min?: number; max?: number }) =>
      wholeNumberErrors('amount', value, bounds).map((f) => [f.code, f.details]);
    expect(codes(3, { min: 1, max: 365 })).toEqual([]);
    expect(codes(0, { min: 0 })).toEqual([]);
    expect(codes(2.5, { min: 1, max: 365 })).toEqual([['NOT_INTEGER', { value: 2.5 }]]);
    expect(codes(0, { min: 1, max: 365 })).toEqual([['OUT_OF_RANGE', { value: 0, min: 1, max: 365 }]]);
    expect(codes(-1, { min: 0 })).toEqual([['OUT_OF_RANGE', { value: -1, min: 0 }]]);
    expect(codes(Number.NaN, {})).toEqual([['NOT_INTEGER', { value: Number.NaN }]]);
  });
});
