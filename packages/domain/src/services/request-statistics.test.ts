import { describe, expect, it } from 'vitest';
import { periodOf, statisticsPeriod } from './request-statistics.js';

describe('statisticsPeriod', () => {
  it('bounds WIB days as instants, the end exclusive', () => {
    expect(statisticsPeriod(' 2026-03-01 ', '2026-03-31')).toEqual({
      ok: true,
      value: {
        from: '2026-03-01',
        to: '2026-03-31',
        start: new Date('2026-02-28T17:00:00Z'),
        end: new Date('2026-03-31T17:00:00Z'),
      },
    });
    expect(periodOf('2026-03-05', '2026-03-05').end).toEqual(new Date('2026-03-05T17:00:00Z'));
  });
  it('names the bad fields', () => {
    expect(statisticsPeriod('2026-3-1', 'x')).toMatchObject({
      ok: false,
      error: [
        { field: 'from', code: 'INVALID_FORMAT' },
        { field: 'to', code: 'INVALID_FORMAT' },
      ],
    });
    expect(statisticsPeriod('2026-03-02', '2026-03-01')).toMatchObject({
      ok: false,
      error: [{ field: 'to', code: 'OUT_OF_RANGE' }],
    });
  });
});
