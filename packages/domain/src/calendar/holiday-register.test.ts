import { describe, expect, it } from 'vitest';
import { checkHolidayNotListed } from './holiday-register.js';

describe('checkHolidayNotListed', () => {
  const listed = [{ date: '2027-02-05', kind: 'CUTI_BERSAMA' as const }];

  it('allows a new day, or the same day with another kind', () => {
    expect(checkHolidayNotListed({ date: '2027-02-06', kind: 'CUTI_BERSAMA' }, listed).ok).toBe(true);
    expect(checkHolidayNotListed({ date: '2027-02-05', kind: 'NATIONAL' }, listed).ok).toBe(true);
  });

  it('refuses the same day and kind, naming both', () => {
    expect(checkHolidayNotListed({ date: '2027-02-05', kind: 'CUTI_BERSAMA' }, listed)).toMatchObject({
      ok: false,
      error: {
        code: 'HOLIDAY_DUPLICATE',
        message: { id: 'Tanggal 2027-02-05 sudah tercatat sebagai CUTI_BERSAMA' },
      },
    });
  });
});
