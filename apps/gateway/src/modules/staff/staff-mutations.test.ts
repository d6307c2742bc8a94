import { testDatabaseKinds } from '@layanan/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAll } from '../../testing/accounts.js';
import { createHarness, type Harness } from '../../testing/harness.js';

const FAILURE =
  '... on Failure { code messageId messageEn } ... on ValidationError { fields { field code messageId messageEn } }';

describe.each(testDatabaseKinds())('staff mutations on %s', (kind) => {
  let h: Harness;
  let admin: string;
  let hendra: string;
  let yulia: string;
  let warga: string;
  const idOf = async (nip: string) => {
    const { body } = await h.gql(
      'query($nip: String!) { staffByNip(nip: $nip) { id } }',
      { nip },
      { token: admin },
    );
    return body.data.staffByNip.id as string;
  };
  const audits = (action: string) => h.db.prisma.auditEntry.findMany({ where: { action } });
  beforeAll(async () => {
    h = await createHarness(kind);
    ({ admin, hendra, yulia, warga } = await loginAll(h, ['admin', 'hendra', 'yulia', 'warga']));
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('registerStaff', () => {
    const m = `mutation($input: RegisterStaffInput!) { registerStaff(input: $input) {
      __typename ... on RegisterStaffPayload { staff { name kind nip birthDate appointment gender rank unit { code } positionDetails { code } rankHistory { rank effectiveOn } } }
      ${FAILURE} ... on NotFoundError { entity key }
    } }`;
    const base = {
      name: 'Nadia Putri, S.H.',
      unitCode: 'dpmptsp-perizinan',
      positionCode: 'ANALIS_PERIZINAN',
    };

    it('derives birth date, TMT, gender and kind from the NIP, records the rank and audits without personal data', async () => {
      const { body } = await h.gql(
        m,
        { input: { ...base, nip: '19940615 201903 2 007', rank: 'iii/b', rankEffectiveOn: '2023-04-01' } },
        { token: admin },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.registerStaff).toEqual({
        __typename: 'RegisterStaffPayload',
        staff: {
          name: 'Nadia Putri, S.H.',
          kind: 'PNS',
          nip: '199406152019032007',
          birthDate: '1994-06-15',
          appointment: '2019-03',
          gender: 'F',
          rank: 'III/b',
          unit: { code: 'DPMPTSP-PERIZINAN' },
          positionDetails: { code: 'ANALIS_PERIZINAN' },
          rankHistory: [{ rank: 'III/b', effectiveOn: '2023-04-01' }],
        },
      });
      const [entry] = await audits('registerStaff');
      expect(entry?.after).toMatchObject({
        nip: '[redacted]',
        birthDate: '[redacted]',
        name: 'Nadia Putri, S.H.',
      });
    });

    it('registers a PPPK with a grade', async () => {
      const { body } = await h.gql(
        m,
        { input: { ...base, nip: '199511202023212015', rank: '9' } },
        { token: admin },
      );
      expect(body.data.registerStaff.staff).toMatchObject({
        kind: 'PPPK',
        appointment: '2023',
        gender: 'F',
        rank: 'IX',
      });
    });

    it.each([
      ['   ', 'NIP_REQUIRED'],
      ['19850312a01001 1 004', 'NIP_NON_DIGIT'],
      ['1985031220100110', 'NIP_INVALID_LENGTH'],
      ['198502302010011004', 'NIP_INVALID_BIRTH_DATE'],
      ['198503122010131004', 'NIP_INVALID_APPOINTMENT_DATE'],
      ['198503122010013004', 'NIP_INVALID_GENDER'],
      ['198503122002011004', 'NIP_APPOINTMENT_BEFORE_AGE_18'],
      ['199001012030011004', 'NIP_APPOINTMENT_IN_FUTURE'],
    ])('rejects NIP %j with %s in Indonesian and English', async (nip, code) => {
      const { body } = await h.gql(m, { input: { ...base, nip } }, { token: admin });
      const r = body.data.registerStaff;
      expect(r).toMatchObject({ __typename: 'ValidationError', code, fields: [{ field: 'nip', code }] });
      expect(r.messageId).toMatch(/NIP/);
      expect(r.messageEn).toMatch(/NIP/);
      expect(r.messageId).not.toBe(r.messageEn);
    });

    it('rejects an unknown PNS rank and PPPK grade', async () => {
      const pns = await h.gql(
        m,
        { input: { ...base, nip: '199201012018011001', rank: 'V/a' } },
        { token: admin },
      );
      expect(pns.body.data.registerStaff).toMatchObject({
        code: 'RANK_UNKNOWN',
        fields: [{ field: 'rank' }],
      });
      const pppk = await h.gql(
        m,
        { input: { ...base, nip: '199201012022211001', rank: 'XX' } },
        { token: admin },
      );
      expect(pppk.body.data.registerStaff).toMatchObject({
        code: 'PPPK_GRADE_UNKNOWN',
        fields: [{ field: 'rank' }],
      });
    });

    it('lists several problems at once, and reports unknown units and taken NIPs', async () => {
      const many = await h.gql(
        m,
        { input: { ...base, name: ' ', nip: '123', positionCode: 'NOPE' } },
        { token: admin },
      );
      expect(many.body.data.registerStaff.code).toBe('VALIDATION_FAILED');
      expect(many.body.data.registerStaff.fields.map((f: any) => f.field).sort()).toEqual([
        'name',
        'nip',
        'positionCode',
      ]);
      const unit = await h.gql(
        m,
        { input: { ...base, unitCode: 'X', nip: '199201012018011001' } },
        { token: admin },
      );
      expect(unit.body.data.registerStaff).toMatchObject({
        __typename: 'NotFoundError',
        entity: 'Unit',
        key: 'X',
      });
      const taken = await h.gql(m, { input: { ...base, nip: '198903222014022001' } }, { token: admin });
      expect(taken.body.data.registerStaff).toMatchObject({
        __typename: 'ConflictError',
        code: 'STAFF_NIP_TAKEN',
      });
    });

    it('is for admins only', async () => {
      for (const token of [hendra, yulia, warga, undefined]) {
        const { body } = await h.gql(m, { input: { ...base, nip: '199201012018011001' } }, { token });
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('updateStaff', () => {
    const m = `mutation($input: UpdateStaffInput!) { updateStaff(input: $input) {
      __typename ... on UpdateStaffPayload { staff { name rank unit { code } rankHistory { rank effectiveOn } } }
      ${FAILURE} ... on NotFoundError { entity key }
    } }`;

    it('lets a supervisor promote and move staff within their unit tree, keeping the rank history', async () => {
      const id = await idOf('198903222014022001');
      const { body } = await h.gql(
        m,
        { input: { id, rank: 'III/d', rankEffectiveOn: '2026-04-01', unitCode: 'DPMPTSP-PERIZINAN' } },
        { token: hendra },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.updateStaff.staff).toMatchObject({
        rank: 'III/d',
        unit: { code: 'DPMPTSP-PERIZINAN' },
      });
      expect(body.data.updateStaff.staff.rankHistory).toContainEqual({
        rank: 'III/d',
        effectiveOn: '2026-04-01',
      });
      const [entry] = await audits('updateStaff');
      expect(entry?.before).toMatchObject({ rank: 'III/c' });
      expect(entry?.after).toMatchObject({ rank: 'III/d' });
    });

    it('refuses moves out of the supervisor’s tree, bad dates and unknown ids', async () => {
      const id = await idOf('198903222014022001');
      const out = await h.gql(m, { input: { id, unitCode: 'BKPSDM' } }, { token: hendra });
      expect(out.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const date = await h.gql(
        m,
        { input: { id, rank: 'IV/a', rankEffectiveOn: '2026-02-30' } },
        { token: admin },
      );
      // Refused by the Day scalar before the resolver: a variable error naming the field, with the
      // domain's code and both languages.
      expect(date.body.errors?.[0]?.extensions?.code).toBe('DAY_NOT_A_DATE');
      expect(date.body.errors?.[0]?.message).toMatch(
        /"input\.rankEffectiveOn".*Tanggal tidak ada.* \/ The date does not exist/,
      );
      const other = await h.gql(
        m,
        { input: { id: await idOf('198511302010012003'), name: 'X' } },
        { token: hendra },
      );
      expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const missing = await h.gql(
        m,
        { input: { id: Buffer.from('Staff:00000000-0000-4000-8000-000000000000').toString('base64') } },
        { token: admin },
      );
      expect(missing.body.data.updateStaff).toMatchObject({ __typename: 'NotFoundError', entity: 'Staff' });
    });
  });

  describe('recordTraining', () => {
    const m = `mutation($input: RecordTrainingInput!) { recordTraining(input: $input) {
      __typename ... on RecordTrainingPayload { jp staff { trainingJp(year: 2026) trainingRecords { title courseCode completedOn jp } } }
      ${FAILURE} ... on NotFoundError { entity key }
    } }`;

    it('records minutes as JP, counts them in the yearly total, and lets staff record their own', async () => {
      const id = await idOf('198903222014022001');
      const before = (
        await h.gql(
          'query($id: ID!) { staffMember(id: $id) { trainingJp(year: 2026) } }',
          { id },
          { token: admin },
        )
      ).body.data.staffMember.trainingJp;
      const { body } = await h.gql(
        m,
        { input: { staffId: id, courseCode: 'tik-dasar', completedOn: '2026-03-10', minutes: 270 } },
        { token: yulia },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.recordTraining.jp).toBe(6);
      expect(body.data.recordTraining.staff.trainingJp).toBeCloseTo(before + 6, 6);
      expect(body.data.recordTraining.staff.trainingRecords).toContainEqual({
        title: 'Literasi Digital ASN',
        courseCode: 'TIK-DASAR',
        completedOn: '2026-03-10',
        jp: 6,
      });
      expect(await audits('recordTraining')).toHaveLength(1);
      const again = await h.gql(
        m,
        { input: { staffId: id, courseCode: 'TIK-DASAR', completedOn: '2026-03-10', jp: 6 } },
        { token: admin },
      );
      expect(again.body.data.recordTraining).toMatchObject({
        __typename: 'ConflictError',
        code: 'TRAINING_RECORD_DUPLICATE',
      });
    });

    it('rejects future dates, both or neither of JP and minutes, and unknown courses', async () => {
      const id = await idOf('198903222014022001');
      const future = await h.gql(
        m,
        { input: { staffId: id, title: 'X', completedOn: '2099-01-01', jp: 2 } },
        { token: admin },
      );
      expect(future.body.data.recordTraining).toMatchObject({
        code: 'TRAINING_RECORD_INVALID',
        fields: [{ field: 'completedOn', code: 'OUT_OF_RANGE' }],
      });
      const both = await h.gql(
        m,
        { input: { staffId: id, title: 'X', completedOn: '2026-01-05', jp: 2, minutes: 90 } },
        { token: admin },
      );
      expect(both.body.data.recordTraining.fields).toEqual([
        expect.objectContaining({ field: 'minutes', code: 'NOT_ALLOWED' }),
      ]);
      const neither = await h.gql(m, { input: { staffId: id, completedOn: '2026-01-05' } }, { token: admin });
      expect(neither.body.data.recordTraining.fields.map((f: any) => f.field).sort()).toEqual([
        'jp',
        'title',
      ]);
      const course = await h.gql(
        m,
        { input: { staffId: id, courseCode: 'nope', completedOn: '2026-01-05', jp: 1 } },
        { token: admin },
      );
      expect(course.body.data.recordTraining).toMatchObject({
        __typename: 'NotFoundError',
        entity: 'TrainingCourse',
      });
    });

    it("is refused for someone else's record", async () => {
      const id = await idOf('198511302010012003');
      const { body } = await h.gql(
        m,
        { input: { staffId: id, title: 'X', completedOn: '2026-01-05', jp: 1 } },
        { token: yulia },
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('setCompetencyHolding and setPositionRequirements', () => {
    const hold = `mutation($input: SetCompetencyHoldingInput!) { setCompetencyHolding(input: $input) {
      __typename ... on SetCompetencyHoldingPayload { staff { competencies { code level } competencyGaps { code gap } } }
      ${FAILURE} ... on NotFoundError { entity key }
    } }`;
    const req = `mutation($input: SetPositionRequirementsInput!) { setPositionRequirements(input: $input) {
      __typename ... on SetPositionRequirementsPayload { position { code name requirements { code level } } }
      ${FAILURE} ... on NotFoundError { entity key }
    } }`;

    it('closes a gap by raising a holding, and opens one by raising a requirement', async () => {
      const id = await idOf('199207082019031004'); // Rahmat, Pranata Komputer (TIK 4)
      const set = await h.gql(
        hold,
        { input: { staffId: id, competencyCode: 'tik', level: 5 } },
        { token: hendra },
      );
      expect(set.body.errors).toBeUndefined();
      const staff = set.body.data.setCompetencyHolding.staff;
      expect(staff.competencies).toContainEqual({ code: 'TIK', level: 5 });
      expect(staff.competencyGaps.map((g: any) => g.code)).not.toContain('TIK');
      const [holding] = await audits('setCompetencyHolding');
      expect(holding).toMatchObject({ actorKind: 'SUPERVISOR', after: { competency: 'TIK', level: 5 } });

      const raised = await h.gql(
        req,
        {
          input: {
            positionCode: 'PRANATA_KOMPUTER',
            requirements: [
              { competencyCode: 'TIK', level: 5 },
              { competencyCode: 'PELAYANAN_PUBLIK', level: 5 },
            ],
          },
        },
        { token: admin },
      );
      expect(raised.body.data.setPositionRequirements.position.requirements).toEqual([
        { code: 'PELAYANAN_PUBLIK', level: 5 },
        { code: 'TIK', level: 5 },
      ]);
      const after = await h.gql(
        'query($id: ID!) { staffMember(id: $id) { competencyGaps { code requiredLevel } } }',
        { id },
        { token: admin },
      );
      expect(after.body.data.staffMember.competencyGaps).toEqual([
        { code: 'PELAYANAN_PUBLIK', requiredLevel: 5 },
      ]);
      const [entry] = await audits('setPositionRequirements');
      expect(entry?.after).toMatchObject({ requirements: { TIK: 5, PELAYANAN_PUBLIK: 5 } });
    });

    it('creates a position, and rejects invalid levels, duplicates and unknown competencies', async () => {
      const created = await h.gql(
        req,
        {
          input: {
            positionCode: 'new_pos',
            name: 'Penelaah Teknis',
            requirements: [{ competencyCode: 'TIK', level: 2 }],
          },
        },
        { token: admin },
      );
      expect(created.body.data.setPositionRequirements.position).toEqual({
        code: 'NEW_POS',
        name: 'Penelaah Teknis',
        requirements: [{ code: 'TIK', level: 2 }],
      });
      const bad = await h.gql(
        req,
        { input: { positionCode: 'NEW_POS', requirements: [{ competencyCode: 'TIK', level: 6 }] } },
        { token: admin },
      );
      expect(bad.body.data.setPositionRequirements).toMatchObject({
        code: 'COMPETENCY_LEVEL_INVALID',
        fields: [{ field: 'requirements[0].level', code: 'COMPETENCY_LEVEL_INVALID' }],
      });
      const dup = await h.gql(
        req,
        {
          input: {
            positionCode: 'NEW_POS',
            requirements: [
              { competencyCode: 'TIK', level: 2 },
              { competencyCode: 'tik', level: 3 },
            ],
          },
        },
        { token: admin },
      );
      expect(dup.body.data.setPositionRequirements).toMatchObject({ code: 'DUPLICATE' });
      const unknown = await h.gql(
        req,
        { input: { positionCode: 'NEW_POS', requirements: [{ competencyCode: 'NOPE', level: 2 }] } },
        { token: admin },
      );
      expect(unknown.body.data.setPositionRequirements).toMatchObject({
        __typename: 'NotFoundError',
        entity: 'Competency',
      });
      const noName = await h.gql(
        req,
        { input: { positionCode: 'OTHER', requirements: [] } },
        { token: admin },
      );
      expect(noName.body.data.setPositionRequirements).toMatchObject({
        code: 'REQUIRED',
        fields: [{ field: 'name' }],
      });
      const denied = await h.gql(
        req,
        { input: { positionCode: 'NEW_POS', requirements: [] } },
        { token: hendra },
      );
      expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('rejects a level outside 1–5 and unknown competencies for holdings; staff cannot set their own', async () => {
      const id = await idOf('199207082019031004');
      const bad = await h.gql(
        hold,
        { input: { staffId: id, competencyCode: 'TIK', level: 0 } },
        { token: admin },
      );
      expect(bad.body.data.setCompetencyHolding).toMatchObject({
        __typename: 'ValidationError',
        code: 'COMPETENCY_LEVEL_INVALID',
        messageId: 'Level kompetensi harus bilangan bulat 1 sampai 5.',
        messageEn: 'A competency level must be a whole number from 1 to 5.',
      });
      const unknown = await h.gql(
        hold,
        { input: { staffId: id, competencyCode: 'NOPE', level: 2 } },
        { token: admin },
      );
      expect(unknown.body.data.setCompetencyHolding).toMatchObject({
        __typename: 'NotFoundError',
        key: 'NOPE',
      });
      const own = await h.gql(
        hold,
        { input: { staffId: await idOf('198903222014022001'), competencyCode: 'TIK', level: 5 } },
        { token: yulia },
      );
      expect(own.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('ratePerformance and finaliseUnitPeriod', () => {
    const rate = `mutation($input: RatePerformanceInput!) { ratePerformance(input: $input) {
      __typename ... on RatePerformancePayload { predikat year staff { ratings { year predikat finalised } } }
      ${FAILURE} ... on NotFoundError { entity key }
    } }`;
    const fin = `mutation($input: FinaliseUnitPeriodInput!) { finaliseUnitPeriod(input: $input) {
      __typename ... on FinaliseUnitPeriodPayload { year people sangatBaik allowed unit { code } }
      ... on SkpQuotaExceededError { allowed actual excess holders { name } }
      ${FAILURE} ... on NotFoundError { entity key }
    } }`;

    async function unitStaffIds(unit: string): Promise<string[]> {
      const { body } = await h.gql(
        'query($f: StaffFilter) { staffMembers(filter: $f, first: 100) { edges { node { id } } } }',
        { f: { unitCode: unit, includeSubUnits: false } },
        { token: admin },
      );
      return body.data.staffMembers.edges.map((e: any) => e.node.id);
    }

    it('rates by the SKP matrix, checks the Sangat Baik quota naming the excess, then finalises', async () => {
      // Four people in the bidang (the demo seed put its generated staff there; the fixture has none).
      const bidang = await h.db.prisma.unit.findUniqueOrThrow({ where: { code: 'DPMPTSP-PERIZINAN' } });
      await h.db.prisma.staff.createMany({
        data: ['Ani', 'Budi', 'Citra', 'Dodi'].map((name, i) => ({
          nip: `19900101201501100${i + 5}`,
          name,
          position: 'Analis Perizinan',
          rank: 'III/a',
          rankOrder: 9,
          unitId: bidang.id,
        })),
      });
      const ids = await unitStaffIds('DPMPTSP-PERIZINAN');
      expect(ids.length).toBeGreaterThanOrEqual(4);
      for (const [i, id] of ids.entries()) {
        const { body } = await h.gql(
          rate,
          {
            input: {
              staffId: id,
              year: 2026,
              results: i < 2 ? 'ABOVE' : 'AS_EXPECTED',
              behaviour: i < 2 ? 'ABOVE' : 'BELOW',
            },
          },
          { token: hendra },
        );
        expect(body.errors).toBeUndefined();
        expect(body.data.ratePerformance.predikat).toBe(i < 2 ? 'SANGAT_BAIK' : 'KURANG_MISCONDUCT');
      }
      expect(await audits('ratePerformance')).toHaveLength(ids.length);
      const share = 1 / ids.length; // one Sangat Baik allowed, two given
      const over = await h.gql(
        fin,
        { input: { unitCode: 'DPMPTSP-PERIZINAN', year: 2026, sangatBaikMaxShare: share } },
        { token: hendra },
      );
      const e = over.body.data.finaliseUnitPeriod;
      expect(e).toMatchObject({
        __typename: 'SkpQuotaExceededError',
        code: 'SKP_QUOTA_EXCEEDED',
        allowed: 1,
        actual: 2,
        excess: 1,
      });
      expect(e.holders).toHaveLength(2);
      expect(e.messageId).toContain(e.holders[0].name);
      expect(e.messageEn).toContain('revise 1');

      const invalid = await h.gql(
        fin,
        { input: { unitCode: 'DPMPTSP-PERIZINAN', year: 2026, sangatBaikMaxShare: 1.5 } },
        { token: hendra },
      );
      expect(invalid.body.data.finaliseUnitPeriod).toMatchObject({
        code: 'SKP_QUOTA_RULE_INVALID',
        fields: [{ field: 'sangatBaikMaxShare' }],
      });
      expect(await audits('finaliseUnitPeriod')).toHaveLength(0);

      const ok = await h.gql(
        fin,
        {
          input: {
            unitCode: 'DPMPTSP-PERIZINAN',
            year: 2026,
            sangatBaikMaxShare: 1.5 / ids.length,
            rounding: 'CEIL',
          },
        },
        { token: hendra },
      );
      expect(ok.body.data.finaliseUnitPeriod).toMatchObject({
        __typename: 'FinaliseUnitPeriodPayload',
        sangatBaik: 2,
        allowed: 2,
        unit: { code: 'DPMPTSP-PERIZINAN' },
      });
      expect(await audits('finaliseUnitPeriod')).toHaveLength(1);

      const late = await h.gql(
        rate,
        { input: { staffId: ids[0], year: 2026, results: 'BELOW', behaviour: 'BELOW' } },
        { token: hendra },
      );
      expect(late.body.data.ratePerformance).toMatchObject({
        __typename: 'ConflictError',
        code: 'SKP_PERIOD_FINALISED',
      });
      const twice = await h.gql(
        fin,
        { input: { unitCode: 'DPMPTSP-PERIZINAN', year: 2026, sangatBaikMaxShare: 1 } },
        { token: hendra },
      );
      expect(twice.body.data.finaliseUnitPeriod).toMatchObject({ code: 'SKP_PERIOD_FINALISED' });
    });

    it('keeps ratings away from the person, other units and the public, and forbids rating oneself', async () => {
      const hendraId = await idOf('197805142005011002');
      const self = await h.gql(
        rate,
        { input: { staffId: hendraId, year: 2026, results: 'ABOVE', behaviour: 'ABOVE' } },
        { token: hendra },
      );
      expect(self.body.data.ratePerformance).toMatchObject({ code: 'SKP_SELF_RATING' });
      const dewiId = await idOf('198511302010012003');
      const other = await h.gql(
        rate,
        { input: { staffId: dewiId, year: 2026, results: 'ABOVE', behaviour: 'ABOVE' } },
        { token: hendra },
      );
      expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      for (const token of [yulia, warga, undefined]) {
        const { body } = await h.gql(
          rate,
          { input: { staffId: dewiId, year: 2026, results: 'ABOVE', behaviour: 'ABOVE' } },
          { token },
        );
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const year = await h.gql(
        rate,
        { input: { staffId: dewiId, year: 1900, results: 'ABOVE', behaviour: 'ABOVE' } },
        { token: admin },
      );
      expect(year.body.data.ratePerformance).toMatchObject({
        code: 'OUT_OF_RANGE',
        fields: [{ field: 'year' }],
      });
      const missing = await h.gql(
        fin,
        { input: { unitCode: 'DISKOMINFO', year: 2030, sangatBaikMaxShare: 0.2 } },
        { token: admin },
      );
      expect(missing.body.data.finaliseUnitPeriod).toMatchObject({
        __typename: 'NotFoundError',
        entity: 'PerformancePeriod',
      });
      const notTheirs = await h.gql(
        fin,
        { input: { unitCode: 'DISKOMINFO', year: 2025, sangatBaikMaxShare: 0.2 } },
        { token: hendra },
      );
      expect(notTheirs.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
