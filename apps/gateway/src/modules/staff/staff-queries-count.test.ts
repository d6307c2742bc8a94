// No N+1: listing staff with unit, rank, competencies and training totals costs the same number
// of SQL statements for 10 rows as for 200 (issue 3). Statements are counted with Prisma's query
// log on the test database (createTestDatabase's onQuery).
import type { QueryEvent } from '@layanan/db';
import { testDatabaseKinds } from '@layanan/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from '../../testing/use-harness.js';

describe.each(testDatabaseKinds())('staff listing statement count on %s', (kind) => {
  const statements: QueryEvent[] = [];
  const { h, t } = useHarness(kind, { onQuery: (e) => statements.push(e), login: ['admin'] });
  beforeAll(async () => {
    // Top the register up to well over 200 people, each with holdings and trainings.
    const unit = await h.db.prisma.unit.findUniqueOrThrow({ where: { code: 'DISKOMINFO' } });
    const competencies = await h.db.prisma.competency.findMany();
    const existing = await h.db.prisma.staff.count();
    const rows = Array.from({ length: 220 - existing }, (_, i) => ({
      nip: `19900101201501${i % 2 === 0 ? 1 : 2}${String(500 + i).padStart(3, '0')}`
        .padEnd(18, '0')
        .slice(0, 18),
      name: `Pegawai Uji ${String(i).padStart(3, '0')}`,
      position: 'Pengadministrasi Umum',
      rank: 'III/a',
      rankOrder: 9,
      unitId: unit.id,
    }));
    await h.db.prisma.staff.createMany({ data: rows });
    const added = await h.db.prisma.staff.findMany({ where: { name: { startsWith: 'Pegawai Uji' } } });
    await h.db.prisma.staffCompetency.createMany({
      data: added.flatMap((s, i) =>
        competencies
          .slice(0, 1 + (i % 3))
          .map((c) => ({ staffId: s.id, competencyId: c.id, level: 1 + (i % 5) })),
      ),
    });
    await h.db.prisma.trainingRecord.createMany({
      data: added.map((s, i) => ({
        staffId: s.id,
        title: 'Literasi Digital ASN',
        completedOn: new Date(Date.UTC(2026, i % 12, 1)),
        minutes: 270,
        status: 'CONFIRMED' as const,
      })),
    });
  });

  const query = `query($first: Int!) {
    staffMembers(first: $first, orderBy: { field: RANK, direction: DESC }) {
      totalCount
      edges { node { name rank kind unit { code name parent { code } } positionDetails { code }
        competencies { code level } competencyGaps { code gap } trainingJp(year: 2026) } }
    }
  }`;

  async function count(first: number): Promise<{ statements: number; rows: any[] }> {
    statements.length = 0;
    const { body } = await h.gql(query, { first }, { token: t.admin });
    expect(body.errors).toBeUndefined();
    return { statements: statements.length, rows: body.data.staffMembers.edges.map((e: any) => e.node) };
  }

  it('uses the same number of statements for 10 and for 200 staff', async () => {
    const small = await count(10);
    const large = await count(200);
    expect(small.rows).toHaveLength(10);
    expect(large.rows).toHaveLength(200);
    // The data really is there, so the statements are not saved by empty relations.
    expect(large.rows.every((r) => r.unit.code && r.rank)).toBe(true);
    expect(large.rows.filter((r) => r.competencies.length > 0).length).toBeGreaterThan(150);
    expect(large.rows.filter((r) => r.trainingJp > 0).length).toBeGreaterThan(150);
    expect(small.statements).toBeGreaterThan(2);
    expect(large.statements).toBe(small.statements);
    // A handful: identity, unit tree, staff page with its relations, total count.
    expect(large.statements).toBeLessThan(20);
  });
});
