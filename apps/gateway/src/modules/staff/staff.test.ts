import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { STAFF_NIP } from '../../testing/accounts.js';
import { useHarness } from '../../testing/use-harness.js';

describe.each(testDatabaseKinds())('staff queries on %s', (kind) => {
  // Reads the demo staff area: generated staff, holdings, trainings and ratings.
  const { h, t } = useHarness(kind, { seed: 'demo', login: ['admin', 'hendra', 'yulia', 'dewi', 'warga'] });

  const PERSONAL =
    'nip rank birthDate gender appointment competencies { code level } ratings { year predikat } trainingJp(year: 2026)';

  describe('staffByNip', () => {
    const q = `query($nip: String!) { staffByNip(nip: $nip) { name unit { code } ${PERSONAL} } }`;

    it('gives the person their own record with the fields derived from the NIP', async () => {
      const { body } = await h.gql(q, { nip: '19890322 201402 2 001' }, { token: t.yulia });
      expect(body.errors).toBeUndefined();
      expect(body.data.staffByNip).toMatchObject({
        name: 'Yulia Fitri, S.T.',
        nip: STAFF_NIP.yulia,
        birthDate: '1989-03-22',
        appointment: '2014-02',
        gender: 'F',
        rank: 'III/c',
        unit: { code: 'DPMPTSP' },
      });
      expect(body.data.staffByNip.competencies.length).toBeGreaterThan(0);
      expect(body.data.staffByNip.ratings).toEqual([expect.objectContaining({ year: 2025 })]);
    });

    it('lets a supervisor read their unit, admins everyone, and hides other units and colleagues', async () => {
      expect((await h.gql(q, { nip: STAFF_NIP.yulia }, { token: t.hendra })).body.data.staffByNip.nip).toBe(
        STAFF_NIP.yulia,
      );
      expect((await h.gql(q, { nip: STAFF_NIP.dewi }, { token: t.admin })).body.data.staffByNip.nip).toBe(
        STAFF_NIP.dewi,
      );
      expect((await h.gql(q, { nip: STAFF_NIP.dewi }, { token: t.hendra })).body.data.staffByNip).toBeNull();
      expect((await h.gql(q, { nip: STAFF_NIP.yulia }, { token: t.dewi })).body.data.staffByNip).toBeNull();
    });

    it('is denied to citizens and anonymous callers', async () => {
      for (const [token, code] of [
        [t.warga, 'FORBIDDEN'],
        [undefined, 'UNAUTHENTICATED'],
      ] as const) {
        const { body } = await h.gql(q, { nip: STAFF_NIP.yulia }, { token });
        expect(body.errors?.[0]?.extensions?.code).toBe(code);
      }
    });
  });

  describe('staffMember by id', () => {
    it('shows only name, position and unit to the public', async () => {
      const list = await h.gql(
        '{ staffMembers(first: 1, unitCode: "DPMPTSP") { edges { node { id name } } } }',
      );
      const id = list.body.data.staffMembers.edges[0].node.id;
      const q = `query($id: ID!) { staffMember(id: $id) { name position unit { code } ${PERSONAL} } }`;
      const anon = await h.gql(q, { id });
      expect(anon.body.errors).toBeUndefined();
      const node = anon.body.data.staffMember;
      expect(node.name).toBeTruthy();
      expect(node.position).toBeTruthy();
      for (const field of [
        'nip',
        'rank',
        'birthDate',
        'gender',
        'appointment',
        'competencies',
        'ratings',
        'trainingJp',
      ]) {
        expect(node[field]).toBeNull();
      }
      const asAdmin = await h.gql(q, { id }, { token: t.admin });
      expect(asAdmin.body.data.staffMember.nip).toMatch(/^\d{18}$/);
      expect(asAdmin.body.data.staffMember.trainingJp).toEqual(expect.any(Number));
    });

    it('returns null for an id of another type', async () => {
      const units = await h.gql('{ units(first: 1) { edges { node { id } } } }');
      const { body } = await h.gql('query($id: ID!) { staffMember(id: $id) { name } }', {
        id: units.body.data.units.edges[0].node.id,
      });
      expect(body.data.staffMember).toBeNull();
    });
  });

  describe('staffMembers connection', () => {
    const q = `query($filter: StaffFilter, $orderBy: StaffOrder, $first: Int) {
      staffMembers(filter: $filter, orderBy: $orderBy, first: $first) {
        totalCount edges { node { name rankValue: rank kind unit { code } trainingJp(year: 2026) competencyGaps { code gap } } }
      }
    }`;
    const nodes = (body: any) => body.data.staffMembers.edges.map((e: any) => e.node);

    it('includes sub-units of a unit unless asked not to', async () => {
      const all = await h.gql(q, { filter: { unitCode: 'dpmptsp' }, first: 100 });
      const direct = await h.gql(q, { filter: { unitCode: 'DPMPTSP', includeSubUnits: false }, first: 100 });
      const units = new Set(nodes(all.body).map((n: any) => n.unit.code));
      expect(units).toEqual(new Set(['DPMPTSP', 'DPMPTSP-PERIZINAN', 'DPMPTSP-PM']));
      expect(new Set(nodes(direct.body).map((n: any) => n.unit.code))).toEqual(new Set(['DPMPTSP']));
      expect(all.body.data.staffMembers.totalCount).toBe(nodes(all.body).length);
      expect(direct.body.data.staffMembers.totalCount).toBeLessThan(all.body.data.staffMembers.totalCount);
    });

    it('filters by rank, kind, competency gap and training below 20 JP for admins', async () => {
      const byRank = await h.gql(q, { filter: { rank: 'iii c' }, first: 200 }, { token: t.admin });
      expect(byRank.body.errors).toBeUndefined();
      expect(nodes(byRank.body).length).toBeGreaterThan(0);
      expect(nodes(byRank.body).every((n: any) => n.rankValue === 'III/c')).toBe(true);

      const pppk = await h.gql(q, { filter: { kind: 'PPPK' }, first: 200 }, { token: t.admin });
      expect(nodes(pppk.body).length).toBeGreaterThan(1);
      expect(nodes(pppk.body).every((n: any) => n.kind === 'PPPK')).toBe(true);

      const gap = await h.gql(q, { filter: { hasCompetencyGap: true }, first: 200 }, { token: t.admin });
      const noGap = await h.gql(q, { filter: { hasCompetencyGap: false }, first: 200 }, { token: t.admin });
      expect(nodes(gap.body).length).toBeGreaterThan(0);
      expect(nodes(noGap.body).length).toBeGreaterThan(0);
      expect(nodes(gap.body).every((n: any) => n.competencyGaps.length > 0)).toBe(true);
      expect(nodes(noGap.body).every((n: any) => n.competencyGaps.length === 0)).toBe(true);

      const below = await h.gql(
        q,
        { filter: { trainingBelowRight: true, year: 2026 }, first: 200 },
        { token: t.admin },
      );
      const above = await h.gql(
        q,
        { filter: { trainingBelowRight: false, year: 2026 }, first: 200 },
        { token: t.admin },
      );
      expect(nodes(below.body).length).toBeGreaterThan(0);
      expect(nodes(above.body).length).toBeGreaterThan(0);
      expect(nodes(below.body).every((n: any) => n.trainingJp < 20)).toBe(true);
      expect(nodes(above.body).every((n: any) => n.trainingJp >= 20)).toBe(true);
    });

    it('sorts by rank, highest first, with staff without a rank last', async () => {
      const { body } = await h.gql(
        q,
        { filter: { kind: 'PNS' }, orderBy: { field: 'RANK', direction: 'DESC' }, first: 200 },
        { token: t.admin },
      );
      const orders = nodes(body).map((n: any) => n.rankValue);
      expect(orders[0]).toBe('IV/b');
      const name = await h.gql(q, { orderBy: { field: 'NAME', direction: 'DESC' }, first: 5 });
      const names = nodes(name.body).map((n: any) => n.name);
      expect(names).toEqual([...names].sort().reverse());
    });

    it('limits a supervisor to their unit tree and refuses personal filters to the public', async () => {
      const sup = await h.gql(q, { filter: { hasCompetencyGap: true }, first: 200 }, { token: t.hendra });
      expect(nodes(sup.body).length).toBeGreaterThan(0);
      expect(nodes(sup.body).every((n: any) => n.unit.code.startsWith('DPMPTSP'))).toBe(true);
      for (const token of [t.warga, t.yulia, undefined]) {
        const denied = await h.gql(q, { filter: { rank: 'III/c' }, first: 5 }, { token });
        // A public list refusing a filter (a resolver check): FORBIDDEN for everyone.
        expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('reports an unknown rank in both languages', async () => {
      const { body } = await h.gql(q, { filter: { rank: 'V/z' }, first: 5 }, { token: t.admin });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'RANK_UNKNOWN' });
      expect(body.errors?.[0]?.message).toContain('Golongan/ruang');
      expect(body.errors?.[0]?.message).toContain('Unknown PNS rank');
    });
  });
});
