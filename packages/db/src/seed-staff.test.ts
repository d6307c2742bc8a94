import { describe, expect, it } from 'vitest';
import { seed } from './seed.js';
import { generatedStaff } from './seed-staff.js';
import { rowCounts, useTestDatabase } from './test-support/database.js';

describe('staff-area seed', () => {
  it('generates tens of staff with unique, well-formed NIPs', () => {
    const staff = generatedStaff();
    expect(staff.length).toBeGreaterThanOrEqual(30);
    expect(new Set(staff.map((s) => s.nip)).size).toBe(staff.length);
    for (const s of staff) {
      expect(s.nip).toMatch(/^\d{18}$/);
      expect(s.nip.slice(0, 8)).toBe(s.birthDate.replaceAll('-', ''));
      expect(s.kind === 'PPPK').toBe(s.nip[12] === '2');
      // PNS: appointment after the 18th birthday and not in the future.
      if (s.kind === 'PNS') {
        expect(Number(s.appointment.slice(0, 4))).toBeGreaterThanOrEqual(
          Number(s.birthDate.slice(0, 4)) + 19,
        );
        expect(s.appointment <= '2026-11').toBe(true);
      }
    }
    expect(staff.some((s) => s.kind === 'PPPK')).toBe(true);
  });

  describe('on PGlite', () => {
    const db = useTestDatabase('pglite');

    it('loads units, competencies, requirements, trainings and ratings, and a re-run changes nothing', async () => {
      const first = await seed(db().prisma);
      expect(first.created.staff).toBeGreaterThanOrEqual(40);
      const count = () =>
        rowCounts(db().prisma, [
          'unit',
          'staff',
          'staffCompetency',
          'positionRequirement',
          'rankHistory',
          'trainingRecord',
          'performanceRating',
        ]);
      const before = await count();
      expect(before.unit).toBe(9);
      expect(before.staffCompetency).toBeGreaterThan(100);
      expect(before.positionRequirement).toBeGreaterThan(20);
      expect(before.rankHistory).toBeGreaterThan(30);
      expect(before.trainingRecord).toBeGreaterThan(100);
      expect(before.performanceRating).toBe(before.staff);
      expect(await db().prisma.staff.count({ where: { birthDate: null } })).toBe(0);
      const sub = await db().prisma.unit.findUniqueOrThrow({
        where: { code: 'DPMPTSP-PERIZINAN' },
        include: { parent: true },
      });
      expect(sub.parent?.code).toBe('DPMPTSP');

      const second = await seed(db().prisma);
      expect(second.created.staff).toBe(0);
      expect(await count()).toEqual(before);
    });
  });
});
