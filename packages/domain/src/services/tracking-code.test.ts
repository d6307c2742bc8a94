import { describe, expect, it } from 'vitest';
import { formatTrackingCode, parseTrackingCode } from './tracking-code.js';

describe('tracking codes', () => {
  it('formats with a six-digit minimum sequence', () => {
    expect(formatTrackingCode({ prefix: 'SWL', year: 2026, sequence: 123 })).toBe('SWL-2026-000123');
    expect(formatTrackingCode({ prefix: 'SWL', year: 2026, sequence: 1_234_567 })).toBe('SWL-2026-1234567');
  });

  it('parses leniently and round-trips', () => {
    expect(parseTrackingCode(' swl-2026-000123 ')).toEqual({
      ok: true,
      value: { prefix: 'SWL', year: 2026, sequence: 123 },
    });
    const code = { prefix: 'SWL', year: 2027, sequence: 42 };
    const parsed = parseTrackingCode(formatTrackingCode(code));
    expect(parsed.ok && parsed.value).toEqual(code);
  });

  it.each([
    'SWL-2026-123',
    'SWL2026000123',
    'S-2026-000123',
    'SWL-26-000123',
    'SWL-2026-000000',
    '',
    'SWL-0999-000001',
  ])('rejects %j', (input) => {
    const r = parseTrackingCode(input);
    expect(r.ok ? 'ok' : r.error.code).toBe('TRACKING_CODE_INVALID');
  });

  it('throws when asked to format nonsense (a bug)', () => {
    expect(() => formatTrackingCode({ prefix: 'swl', year: 2026, sequence: 1 })).toThrow(RangeError);
    expect(() => formatTrackingCode({ prefix: 'SWL', year: 2026, sequence: 0 })).toThrow(RangeError);
    expect(() => formatTrackingCode({ prefix: 'SWL', year: 26, sequence: 1 })).toThrow(RangeError);
  });
});
