import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../../testing/use-harness.js';

describe.each(testDatabaseKinds())('staff reports on %s', (kind) => {
  // Reports over the demo staff area: generated staff, holdings, trainings and ratings.
  const { h, t } = useHarness(kind, { seed: 'demo', login: ['admin', 'hendra', 'yulia', 'dewi', 'warga'] });

  describe('unitCompetencyGapReport', () => {
    const q = `query($unit: String!, $sub: Boolean) {
      unitCompetencyGapReport(unitCode: $unit, includeSubUnits: $sub) {
        __typename
        ... on UnitCompetencyGapReport { unitCode people peopleWithGap totalGap competencies { code name type peopleWithGap totalGap maxGap staff { id name } } }
        ... on NotFoundError { code entity key messageId messageEn }
      }
    }`;

    it("ranks a unit's largest gaps and agrees with the people's own gaps", async () => {
      const { body } = await h.gql(q, { unit: 'DPMPTSP' }, { token: t.hendra });
      expect(body.errors).toBeUndefined();
      const r = body.data.unitCompetencyGapReport;
      expect(r.__typename).toBe('UnitCompetencyGapReport');
      expect(r.people).toBeGreaterThan(5);
      expect(r.peopleWithGap).toBeGreaterThan(0);
      expect(r.competencies.length).toBeGreaterThan(1);
      const totals = r.competencies.map((c: any) => c.totalGap);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
      expect(totals.reduce((a: number, b: number) => a + b, 0)).toBe(r.totalGap);
      for (const c of r.competencies) expect(c.staff).toHaveLength(c.peopleWithGap);

      // Cross-check the largest row against the staff members' own gap lists.
      const top = r.competencies[0];
      const person = await h.gql(
        'query($id: ID!) { staffMember(id: $id) { competencyGaps { code gap } } }',
        { id: top.staff[0].id },
        { token: t.hendra },
      );
      expect(person.body.data.staffMember.competencyGaps.map((g: any) => g.code)).toContain(top.code);

      const direct = await h.gql(q, { unit: 'DPMPTSP', sub: false }, { token: t.hendra });
      expect(direct.body.data.unitCompetencyGapReport.people).toBeLessThan(r.people);
    });

    it('is limited to the supervisor’s own unit tree and to admins', async () => {
      const other = await h.gql(q, { unit: 'DISDUKCAPIL' }, { token: t.hendra });
      expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const asAdmin = await h.gql(q, { unit: 'DISDUKCAPIL' }, { token: t.admin });
      expect(asAdmin.body.data.unitCompetencyGapReport.people).toBeGreaterThan(0);
      for (const token of [t.yulia, t.warga, undefined]) {
        const denied = await h.gql(q, { unit: 'DPMPTSP' }, { token });
        // Not signed in: "sign in to …" (UNAUTHENTICATED).
        expect(denied.body.errors?.[0]?.extensions?.code).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      }
    });

    it('reports an unknown unit as NotFoundError', async () => {
      const { body } = await h.gql(q, { unit: 'nope' }, { token: t.admin });
      expect(body.data.unitCompetencyGapReport).toMatchObject({
        __typename: 'NotFoundError',
        code: 'NOT_FOUND',
        entity: 'Unit',
        key: 'NOPE',
        messageId: 'Unit kerja "NOPE" tidak ditemukan',
        messageEn: 'Unit "NOPE" was not found',
      });
    });
  });

  describe('trainingComplianceReport', () => {
    const q = `query($year: Int, $unit: String) {
      trainingComplianceReport(year: $year, unitCode: $unit) {
        __typename
        ... on TrainingComplianceReport { year requiredJp units { unitCode people compliant complianceRate totalJp averageJp } staff { staff { id name } unitCode jp shortfallJp compliant } }
        ... on ValidationError { code fields { field code messageId messageEn } }
      }
    }`;

    it('sums JP per person and unit against the 20 JP right, for every unit for admins', async () => {
      const { body } = await h.gql(q, { year: 2026 }, { token: t.admin });
      expect(body.errors).toBeUndefined();
      const r = body.data.trainingComplianceReport;
      expect(r.requiredJp).toBe(20);
      expect(r.units.length).toBeGreaterThanOrEqual(9);
      const compliant = r.staff.filter((s: any) => s.compliant);
      const below = r.staff.filter((s: any) => !s.compliant);
      expect(compliant.length).toBeGreaterThan(0);
      expect(below.length).toBeGreaterThan(0);
      for (const s of r.staff) expect(s.shortfallJp).toBeCloseTo(Math.max(0, 20 - s.jp), 6);
      for (const u of r.units) {
        const members = r.staff.filter((s: any) => s.unitCode === u.unitCode);
        expect(members).toHaveLength(u.people);
        expect(u.compliant).toBe(members.filter((s: any) => s.compliant).length);
      }
      // Matches the per-person total on the staff record.
      const sample = r.staff[r.staff.length - 1];
      const person = await h.gql(
        'query($id: ID!) { staffMember(id: $id) { trainingJp(year: 2026) } }',
        { id: sample.staff.id },
        { token: t.admin },
      );
      expect(person.body.data.staffMember.trainingJp).toBeCloseTo(sample.jp, 6);
      // 2025: the seed makes most people compliant.
      const last = await h.gql(q, { year: 2025 }, { token: t.admin });
      const y2025 = last.body.data.trainingComplianceReport.staff;
      expect(y2025.filter((s: any) => s.compliant).length).toBeGreaterThan(y2025.length / 2);
    });

    it('gives supervisors their unit tree only', async () => {
      const { body } = await h.gql(q, { year: 2026 }, { token: t.hendra });
      const codes = body.data.trainingComplianceReport.units.map((u: any) => u.unitCode);
      expect(codes).toEqual(['DPMPTSP', 'DPMPTSP-PERIZINAN', 'DPMPTSP-PM']);
      const other = await h.gql(q, { year: 2026, unit: 'BKPSDM' }, { token: t.hendra });
      expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const denied = await h.gql(q, { year: 2026 }, { token: t.dewi });
      expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('rejects an impossible year with a field error', async () => {
      const { body } = await h.gql(q, { year: 20260 }, { token: t.admin });
      expect(body.data.trainingComplianceReport).toMatchObject({
        __typename: 'ValidationError',
        code: 'VALIDATION_FAILED',
        fields: [
          { field: 'year', code: 'OUT_OF_RANGE', messageEn: 'The year must be between 1970 and 2100.' },
        ],
      });
    });
  });

  describe('training plans', () => {
    const personal = `query($id: ID!, $maxJp: Float) {
      trainingPlan(staffId: $id, maxJp: $maxJp) {
        __typename
        ... on TrainingPlan { staff { name } gapBefore gapClosed totalJp explanation courses { code jp gapClosed closes { code fromLevel toLevel } } remainingGaps { code gap } }
        ... on NotFoundError { code }
        ... on ValidationError { fields { field code } }
      }
    }`;

    async function someoneWithGap(token: string, unit = 'DPMPTSP') {
      const { body } = await h.gql(
        'query($f: StaffFilter) { staffMembers(filter: $f, first: 50) { edges { node { id name competencyGaps { code gap } } } } }',
        { f: { unitCode: unit, hasCompetencyGap: true } },
        { token },
      );
      return body.data.staffMembers.edges[0].node;
    }

    it("proposes courses that close a person's gaps, within a JP budget, and explains how", async () => {
      const person = await someoneWithGap(t.hendra);
      const { body } = await h.gql(personal, { id: person.id }, { token: t.hendra });
      expect(body.errors).toBeUndefined();
      const plan = body.data.trainingPlan;
      expect(plan.__typename).toBe('TrainingPlan');
      expect(plan.gapBefore).toBe(person.competencyGaps.reduce((s: number, g: any) => s + g.gap, 0));
      expect(plan.gapClosed).toBeGreaterThan(0);
      expect(plan.courses.reduce((s: number, c: any) => s + c.gapClosed, 0)).toBe(plan.gapClosed);
      expect(plan.explanation).toContain('serakah');

      const tight = await h.gql(personal, { id: person.id, maxJp: 5 }, { token: t.hendra, lang: 'en' });
      expect(tight.body.data.trainingPlan.totalJp).toBeLessThanOrEqual(5);
      expect(tight.body.data.trainingPlan.explanation).toContain('Greedy');

      const again = await h.gql(personal, { id: person.id }, { token: t.hendra });
      expect(again.body.data.trainingPlan).toEqual(plan);
    });

    it('is for the person, their supervisors and admins; rejects a negative budget', async () => {
      const person = await someoneWithGap(t.admin, 'DISDUKCAPIL');
      expect(
        (await h.gql(personal, { id: person.id }, { token: t.hendra })).body.errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
      expect(
        (await h.gql(personal, { id: person.id }, { token: t.warga })).body.errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
      const bad = await h.gql(personal, { id: person.id, maxJp: -1 }, { token: t.admin });
      expect(bad.body.data.trainingPlan).toEqual({
        __typename: 'ValidationError',
        fields: [{ field: 'maxJp', code: 'OUT_OF_RANGE' }],
      });
      const self = await h.gql('{ staffByNip(nip: "198903222014022001") { id } }', {}, { token: t.yulia });
      const own = await h.gql(personal, { id: self.body.data.staffByNip.id }, { token: t.yulia });
      expect(own.body.data.trainingPlan.__typename).toBe('TrainingPlan');
    });

    it('plans a whole unit with attendees per course', async () => {
      const q = `query { unitTrainingPlan(unitCode: "DPMPTSP", maxJp: 20) {
        __typename ... on UnitTrainingPlan { unitCode staff { staff { name } totalJp gapClosed } courses { code attendees { name } } }
      } }`;
      const { body } = await h.gql(q, {}, { token: t.hendra });
      expect(body.errors).toBeUndefined();
      const plan = body.data.unitTrainingPlan;
      expect(plan.staff.length).toBeGreaterThan(0);
      expect(plan.staff.every((p: any) => p.totalJp <= 20)).toBe(true);
      expect(plan.courses.length).toBeGreaterThan(0);
      const counts = plan.courses.map((c: any) => c.attendees.length);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      const unknown = await h.gql(
        '{ unitTrainingPlan(unitCode: "X") { __typename ... on NotFoundError { key } } }',
        {},
        { token: t.admin },
      );
      expect(unknown.body.data.unitTrainingPlan).toEqual({ __typename: 'NotFoundError', key: 'X' });
    });
  });
});
