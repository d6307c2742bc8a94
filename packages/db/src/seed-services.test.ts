import { checkIslamicHolidayName } from '@layanan/domain/calendar';
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

  it("names 2027's Islamic holidays from their Hijri dates: Isra Mikraj twice, Maulid once (issue 16)", () => {
    const y2027 = packageHolidays(2027);
    const named = (day: string) => y2027.find((h) => h.date === day)?.name;
    expect(named('2027-01-05')).toBe('Isra Mikraj Nabi Muhammad SAW');
    expect(named('2027-08-14')).toBe('Maulid Nabi Muhammad SAW');
    expect(named('2027-12-25')).toMatch(/^Isra Mikraj Nabi Muhammad SAW \/ .*Natal/);
    expect(named('2027-05-16')).toBe('Idul Adha 1448 H');
    expect(named('2027-06-06')).toBe('1 Muharam Tahun Baru Islam 1449 H');
    expect(y2027.filter((h) => /maulid/i.test(h.name))).toHaveLength(1);
    for (const h of seedHolidayList()) {
      for (const part of h.name.split(' / ')) {
        expect(checkIslamicHolidayName({ ...h, name: part }).ok, `${h.date} ${part}`).toBe(true);
      }
    }
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

describe('seeded requests', () => {
  it('spreads a few hundred requests over months with real shapes, idempotently', async () => {
    const { createTestDatabase } = await import('./testing.js');
    const { seed } = await import('./seed.js');
    const db = await createTestDatabase('pglite');
    try {
      await seed(db.prisma);
      await seed(db.prisma);
      const p = db.prisma;
      expect(await p.serviceRequest.count()).toBe(320);
      const byState = await p.serviceRequest.groupBy({ by: ['state'], _count: { _all: true } });
      const states = Object.fromEntries(byState.map((s) => [s.state, s._count._all]));
      expect(states.COMPLETED).toBeGreaterThan(150);
      expect(states.REJECTED).toBeGreaterThan(0);
      const kinds = await p.serviceRequest.findMany({
        distinct: ['serviceId'],
        select: { service: { select: { kind: true } } },
      });
      expect(new Set(kinds.map((k) => k.service.kind))).toEqual(
        new Set(['PERMIT', 'REGISTRATION', 'COMPLAINT', 'INFORMATION_REQUEST']),
      );
      const months = await p.$queryRaw<
        { n: number }[]
      >`SELECT count(DISTINCT date_trunc('month', "submittedAt"))::int AS n FROM service_request`;
      expect(months[0]?.n).toBeGreaterThanOrEqual(6);
      const late = await p.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM service_request WHERE "completedAt" IS NOT NULL AND ("completedAt" AT TIME ZONE 'UTC' + interval '7 hours')::date > "completionDueOn"`;
      expect(late[0]?.n).toBeGreaterThan(0);
      expect(await p.requestEvent.count()).toBeGreaterThan(900);
    } finally {
      await db.close();
    }
  });
});
