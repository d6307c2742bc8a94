import { describe, expect, it } from 'vitest';
import {
  OPEN311_DESCRIPTION_MAX,
  open311DescriptionProblem,
  open311WindowProblem,
} from './open311-limits.js';

describe('GeoReport v2 limits', () => {
  it('takes a description of up to 4,000 characters (counted as characters, not UTF-16 units)', () => {
    expect(open311DescriptionProblem('x'.repeat(OPEN311_DESCRIPTION_MAX))).toBeNull();
    expect(open311DescriptionProblem('😀'.repeat(OPEN311_DESCRIPTION_MAX))).toBeNull();
    expect(open311DescriptionProblem('x'.repeat(4001))).toMatchObject({
      field: 'description',
      code: 'TOO_LONG',
      details: { maxLength: 4000, length: 4001 },
    });
  });

  it('takes a window of up to 90 days; refuses a longer or reversed one on end_date', () => {
    const start = new Date('2026-09-01T00:00:00+07:00');
    expect(open311WindowProblem(start, new Date('2026-11-30T00:00:00+07:00'))).toBeNull();
    expect(open311WindowProblem(start, new Date('2026-11-30T00:00:01+07:00'))).toMatchObject({
      field: 'end_date',
      code: 'OUT_OF_RANGE',
      message: { en: 'The span from start_date to end_date is at most 90 days.' },
    });
    expect(open311WindowProblem(start, new Date('2026-08-31T00:00:00+07:00'))?.message.en).toBe(
      'end_date is before start_date.',
    );
  });
});
