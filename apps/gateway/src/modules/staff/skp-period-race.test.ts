// History moves forward only (issue 16 kind 14), SKP periods: a rating racing the finalising of
// its period either lands before the quota check (and is counted by it) or is refused — never
// written into a period already finalised; two finalisings at once, exactly one wins.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { inputMutation } from '../../testing/operations.js';
import { useHarness } from '../../testing/use-harness.js';

const FAILURE = '... on Failure { __typename code } ... on ValidationError { code }';
const ROUNDS = 8;
const PEOPLE = 6;

describe.each(testDatabaseKinds())('SKP period races on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin', 'hendra'] });
  const rate = inputMutation(
    h,
    'ratePerformance',
    `__typename ... on RatePerformancePayload { predikat } ${FAILURE}`,
  );
  const finalise = inputMutation(
    h,
    'finaliseUnitPeriod',
    `__typename ... on FinaliseUnitPeriodPayload { sangatBaik } ${FAILURE}`,
  );

  it('never leaves a finalised period holding more Sangat Baik than its check allowed', async () => {
    const bidang = await h.db.prisma.unit.findUniqueOrThrow({ where: { code: 'DPMPTSP-PERIZINAN' } });
    await h.db.prisma.staff.createMany({
      data: Array.from({ length: PEOPLE }, (_, i) => ({
        nip: `19910101201501100${i}`,
        name: `Pegawai Uji ${i}`,
        position: 'Analis Perizinan',
        rank: 'III/a',
        rankOrder: 9,
        unitId: bidang.id,
      })),
    });
    const { body } = await h.gql(
      'query($f: StaffFilter) { staffMembers(filter: $f, first: 100) { edges { node { id } } } }',
      { f: { unitCode: 'DPMPTSP-PERIZINAN', includeSubUnits: false } },
      { token: t.admin },
    );
    const ids: string[] = body.data.staffMembers.edges.map((e: any) => e.node.id);
    for (let round = 0; round < ROUNDS; round++) {
      const year = 2026 - round;
      for (const staffId of ids) {
        const r = await rate({ staffId, year, results: 'AS_EXPECTED', behaviour: 'AS_EXPECTED' }, t.hendra);
        expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
        expect(r.result.__typename).toBe('RatePerformancePayload');
      }
      // No Sangat Baik allowed; every person is raised to Sangat Baik while the period is finalised.
      const raise = (staffId: string) =>
        rate({ staffId, year, results: 'ABOVE', behaviour: 'ABOVE' }, t.hendra);
      const close = () => finalise({ unitCode: 'DPMPTSP-PERIZINAN', year, sangatBaikMaxShare: 0 }, t.admin);
      const half = Math.floor(ids.length / 2);
      const answers = await Promise.all([
        ...ids.slice(0, half).map(raise),
        close(),
        ...ids.slice(half).map(raise),
        close(),
      ]);
      const finalisings = [answers[half], answers.at(-1)];
      for (const a of answers) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
      const period = await h.db.prisma.performancePeriod.findUniqueOrThrow({
        where: { unitId_year: { unitId: bidang.id, year } },
        include: { ratings: true },
      });
      const sangatBaik = period.ratings.filter((r) => r.predikat === 'SANGAT_BAIK').length;
      const finalised = finalisings.filter((a) => a?.result.__typename === 'FinaliseUnitPeriodPayload');
      expect(finalised.length).toBeLessThanOrEqual(1);
      if (period.finalised) expect({ year, sangatBaik }).toEqual({ year, sangatBaik: 0 });
      const audits = await h.db.prisma.auditEntry.count({
        where: { action: 'finaliseUnitPeriod', entityId: period.id },
      });
      expect(audits).toBe(period.finalised ? 1 : 0);
    }
  });
});
