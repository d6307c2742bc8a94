import { describe, expect, it } from 'vitest';
import { packageHolidays, SEED_CATALOGUE, seedHolidayList, seedStandard } from './seed-services.js';

describe('seed holiday list', () => {
  it('holds 2026 from the official decree, confirmed: 17 national days and 8 cuti bersama', () => {
    const y2026 = seedHolidayList().filter((h) => h.date.startsWith('2026-'));
    expect(y2026.filter((h) => h.kind === 'NATIONAL')).toHaveLength(17);
    expect(y2026.filter((h) => h.kind === 'CUTI_BERSAMA')).toHaveLength(8);
    expect(y2026.every((h) => !h.provisional)).toBe(true);
  });

  it("takes 2027's national holidays from date-holidays, provisional, one row per date", () => {
    const y2027 = packageHolidays(2027);
    expect(y2027.length).toBeGreaterThanOrEqual(12);
    expect(y2027.every((h) => h.provisional && h.kind === 'NATIONAL' && h.date.startsWith('2027-'))).toBe(
      true,
    );
    expect(new Set(y2027.map((h) => h.date)).size).toBe(y2027.length);
    expect(y2027.map((h) => h.date)).toEqual(
      expect.arrayContaining(['2027-01-01', '2027-08-17', '2027-12-25']),
    );
  });
});

describe('seed catalogue', () => {
  it('gives every service all 14 standard components', async () => {
    const { validateServiceStandard } = await import('@layanan/domain/services');
    for (const entry of SEED_CATALOGUE) {
      const r = validateServiceStandard(
        seedStandard(entry, { completionDays: 5, costIdr: 0, kind: 'PERMIT' }),
      );
      expect(r.ok, entry.code).toBe(true);
    }
  });
});
