import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { staffIdByNip } from '../../testing/accounts.js';
import { inputMutation } from '../../testing/operations.js';
import { useHarness } from '../../testing/use-harness.js';

const FAILURE =
  '... on Failure { code messageId messageEn } ... on ValidationError { fields { field code messageId messageEn } } ... on NotFoundError { entity key }';

describe.each(testDatabaseKinds())('staff mutations on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin', 'hendra', 'yulia', 'warga'] });
  const idOf = (nip: string) => staffIdByNip(h, nip, t.admin);
  const audits = (action: string) => h.db.prisma.auditEntry.findMany({ where: { action } });

  describe('registerStaff', () => {
    const register = inputMutation(
      h,
      'registerStaff',
      `__typename ... on RegisterStaffPayload { staff { name kind nip birthDate appointment gender rank unit { code } positionDetails { code } rankHistory { rank effectiveOn } } }
      ${FAILURE}`,
    );
    const base = {
      name: 'Nadia Putri, S.H.',
      unitCode: 'dpmptsp-perizinan',
      positionCode: 'ANALIS_PERIZINAN',
    };

    it('derives birth date, TMT, gender and kind from the NIP, records the rank and audits without personal data', async () => {
      const { result, errors } = await register(
        { ...base, nip: '19940615 201903 2 007', rank: 'iii/b', rankEffectiveOn: '2023-04-01' },
        t.admin,
      );
      expect(errors).toBeUndefined();
      expect(result).toEqual({
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
      const { result } = await register({ ...base, nip: '199511202023212015', rank: '9' }, t.admin);
      expect(result.staff).toMatchObject({ kind: 'PPPK', appointment: '2023', gender: 'F', rank: 'IX' });
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
      const { result: r } = await register({ ...base, nip }, t.admin);
      expect(r).toMatchObject({ __typename: 'ValidationError', code, fields: [{ field: 'nip', code }] });
      expect(r.messageId).toMatch(/NIP/);
      expect(r.messageEn).toMatch(/NIP/);
      expect(r.messageId).not.toBe(r.messageEn);
    });

    it.each([
      ['an unknown PNS rank', '199201012018011001', 'V/a', 'RANK_UNKNOWN'],
      ['an unknown PPPK grade', '199201012022211001', 'XX', 'PPPK_GRADE_UNKNOWN'],
    ])('rejects %s', async (_, nip, rank, code) => {
      const { result } = await register({ ...base, nip, rank }, t.admin);
      expect(result).toMatchObject({ code, fields: [{ field: 'rank' }] });
    });

    it('lists several problems at once, and reports unknown units and taken NIPs', async () => {
      const many = await register({ ...base, name: ' ', nip: '123', positionCode: 'NOPE' }, t.admin);
      expect(many.result.code).toBe('VALIDATION_FAILED');
      expect(many.result.fields.map((f: any) => f.field).sort()).toEqual(['name', 'nip', 'positionCode']);
      const unit = await register({ ...base, unitCode: 'X', nip: '199201012018011001' }, t.admin);
      expect(unit.result).toMatchObject({ __typename: 'NotFoundError', entity: 'Unit', key: 'X' });
      const taken = await register({ ...base, nip: '198903222014022001' }, t.admin);
      expect(taken.result).toMatchObject({ __typename: 'ConflictError', code: 'STAFF_NIP_TAKEN' });
    });

    it('is for admins only', async () => {
      for (const token of [t.hendra, t.yulia, t.warga, undefined]) {
        const { errorCode } = await register({ ...base, nip: '199201012018011001' }, token);
        expect(errorCode).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      }
    });
  });

  describe('updateStaff', () => {
    const update = inputMutation(
      h,
      'updateStaff',
      `__typename ... on UpdateStaffPayload { staff { name rank unit { code } rankHistory { rank effectiveOn } } }
      ${FAILURE}`,
    );

    it('lets a supervisor promote and move staff within their unit tree, keeping the rank history', async () => {
      const id = await idOf('198903222014022001');
      const { result, errors } = await update(
        { id, rank: 'III/d', rankEffectiveOn: '2026-04-01', unitCode: 'DPMPTSP-PERIZINAN' },
        t.hendra,
      );
      expect(errors).toBeUndefined();
      expect(result.staff).toMatchObject({ rank: 'III/d', unit: { code: 'DPMPTSP-PERIZINAN' } });
      expect(result.staff.rankHistory).toContainEqual({ rank: 'III/d', effectiveOn: '2026-04-01' });
      const [entry] = await audits('updateStaff');
      expect(entry?.before).toMatchObject({ rank: 'III/c' });
      expect(entry?.after).toMatchObject({ rank: 'III/d' });
    });

    it('keeps the rank history append-only: a re-promotion is a new step, the current rank the latest by TMT', async () => {
      const id = await idOf('199510172020121005');
      const history = `__typename ... on UpdateStaffPayload { staff { rank rankHistory { rank effectiveOn decreeNumber } } } ${FAILURE}`;
      const step = inputMutation(h, 'updateStaff', history);
      for (const [rank, rankEffectiveOn, decreeNumber] of [
        ['III/d', '2024-04-01', 'SK-A/2024'],
        ['IV/a', '2025-04-01', 'SK-Y/2025'],
        ['III/d', '2026-04-01', 'SK-B/2026'],
      ]) {
        const { errors } = await step({ id, rank, rankEffectiveOn, decreeNumber }, t.admin);
        expect(errors).toBeUndefined();
      }
      // A back-dated step is recorded but does not replace the later rank.
      const late = await step(
        { id, rank: 'IV/a', rankEffectiveOn: '2025-10-01', decreeNumber: 'SK-C/2025' },
        t.admin,
      );
      expect(late.result.staff.rank).toBe('III/d');
      expect(
        late.result.staff.rankHistory.filter((r: { decreeNumber: string | null }) =>
          r.decreeNumber?.startsWith('SK-'),
        ),
      ).toEqual([
        { rank: 'III/d', effectiveOn: '2024-04-01', decreeNumber: 'SK-A/2024' },
        { rank: 'IV/a', effectiveOn: '2025-04-01', decreeNumber: 'SK-Y/2025' },
        { rank: 'IV/a', effectiveOn: '2025-10-01', decreeNumber: 'SK-C/2025' },
        { rank: 'III/d', effectiveOn: '2026-04-01', decreeNumber: 'SK-B/2026' },
      ]);
      const row = await h.db.prisma.staff.findUniqueOrThrow({ where: { nip: '199510172020121005' } });
      expect(row).toMatchObject({ rank: 'III/d', rankOrder: 12 });
    });

    it('refuses moves out of the supervisor’s tree, bad dates and unknown ids', async () => {
      const id = await idOf('198903222014022001');
      const out = await update({ id, unitCode: 'BKPSDM' }, t.hendra);
      expect(out.errorCode).toBe('FORBIDDEN');
      const date = await update({ id, rank: 'IV/a', rankEffectiveOn: '2026-02-30' }, t.admin);
      // Refused by the Day scalar before the resolver: a variable error naming the field, with the
      // domain's code and both languages.
      expect(date.errorCode).toBe('DAY_NOT_A_DATE');
      expect(date.errors?.[0]?.message).toMatch(
        /"input\.rankEffectiveOn".*Tanggal tidak ada.* \/ The date does not exist/,
      );
      const other = await update({ id: await idOf('198511302010012003'), name: 'X' }, t.hendra);
      expect(other.errorCode).toBe('FORBIDDEN');
      const missing = await update(
        { id: Buffer.from('Staff:00000000-0000-4000-8000-000000000000').toString('base64') },
        t.admin,
      );
      expect(missing.result).toMatchObject({ __typename: 'NotFoundError', entity: 'Staff' });
    });
  });

  describe('recordTraining', () => {
    const record = inputMutation(
      h,
      'recordTraining',
      `__typename ... on RecordTrainingPayload { jp status staff { trainingJp(year: 2026) trainingRecords { title courseCode completedOn jp status } } }
      ${FAILURE}`,
    );

    it('records minutes as JP and lets staff record their own, which waits for a supervisor (four eyes)', async () => {
      const id = await idOf('198903222014022001');
      const before = (
        await h.gql(
          'query($id: ID!) { staffMember(id: $id) { trainingJp(year: 2026) } }',
          { id },
          { token: t.admin },
        )
      ).body.data.staffMember.trainingJp;
      const { result, errors } = await record(
        { staffId: id, courseCode: 'tik-dasar', completedOn: '2026-03-10', minutes: 270 },
        t.yulia,
      );
      expect(errors).toBeUndefined();
      expect(result.jp).toBe(6);
      expect(result.status).toBe('PENDING');
      expect(result.staff.trainingJp).toBeCloseTo(before, 6);
      expect(result.staff.trainingRecords).toContainEqual({
        title: 'Literasi Digital ASN',
        courseCode: 'TIK-DASAR',
        completedOn: '2026-03-10',
        jp: 6,
        status: 'PENDING',
      });
      expect(await audits('recordTraining')).toHaveLength(1);
      const again = await record(
        { staffId: id, courseCode: 'TIK-DASAR', completedOn: '2026-03-10', jp: 6 },
        t.admin,
      );
      expect(again.result).toMatchObject({ __typename: 'ConflictError', code: 'TRAINING_RECORD_DUPLICATE' });
    });

    it('rejects future dates, both or neither of JP and minutes, and unknown courses', async () => {
      const staffId = await idOf('198903222014022001');
      const future = await record({ staffId, title: 'X', completedOn: '2099-01-01', jp: 2 }, t.admin);
      expect(future.result).toMatchObject({
        code: 'TRAINING_RECORD_INVALID',
        fields: [{ field: 'completedOn', code: 'OUT_OF_RANGE' }],
      });
      const both = await record(
        { staffId, title: 'X', completedOn: '2026-01-05', jp: 2, minutes: 90 },
        t.admin,
      );
      expect(both.result.fields).toEqual([
        expect.objectContaining({ field: 'minutes', code: 'NOT_ALLOWED' }),
      ]);
      const neither = await record({ staffId, completedOn: '2026-01-05' }, t.admin);
      expect(neither.result.fields.map((f: any) => f.field).sort()).toEqual(['jp', 'title']);
      const course = await record({ staffId, courseCode: 'nope', completedOn: '2026-01-05', jp: 1 }, t.admin);
      expect(course.result).toMatchObject({ __typename: 'NotFoundError', entity: 'TrainingCourse' });
    });

    it("is refused for someone else's record", async () => {
      const staffId = await idOf('198511302010012003');
      const { errorCode } = await record({ staffId, title: 'X', completedOn: '2026-01-05', jp: 1 }, t.yulia);
      expect(errorCode).toBe('FORBIDDEN');
    });
  });

  describe('setCompetencyHolding and setPositionRequirements', () => {
    const hold = inputMutation(
      h,
      'setCompetencyHolding',
      `__typename ... on SetCompetencyHoldingPayload { staff { competencies { code level } competencyGaps { code gap } } }
      ${FAILURE}`,
    );
    const setRequirements = inputMutation(
      h,
      'setPositionRequirements',
      `__typename ... on SetPositionRequirementsPayload { position { code name requirements { code level } } }
      ${FAILURE}`,
    );

    it('closes a gap by raising a holding, and opens one by raising a requirement', async () => {
      const id = await idOf('199207082019031004'); // Rahmat, Pranata Komputer (TIK 4)
      const set = await hold({ staffId: id, competencyCode: 'tik', level: 5 }, t.hendra);
      expect(set.errors).toBeUndefined();
      const staff = set.result.staff;
      expect(staff.competencies).toContainEqual({ code: 'TIK', level: 5 });
      expect(staff.competencyGaps.map((g: any) => g.code)).not.toContain('TIK');
      const [holding] = await audits('setCompetencyHolding');
      expect(holding).toMatchObject({ actorKind: 'SUPERVISOR', after: { competency: 'TIK', level: 5 } });

      const raised = await setRequirements(
        {
          positionCode: 'PRANATA_KOMPUTER',
          requirements: [
            { competencyCode: 'TIK', level: 5 },
            { competencyCode: 'PELAYANAN_PUBLIK', level: 5 },
          ],
        },
        t.admin,
      );
      expect(raised.result.position.requirements).toEqual([
        { code: 'PELAYANAN_PUBLIK', level: 5 },
        { code: 'TIK', level: 5 },
      ]);
      const after = await h.gql(
        'query($id: ID!) { staffMember(id: $id) { competencyGaps { code requiredLevel } } }',
        { id },
        { token: t.admin },
      );
      expect(after.body.data.staffMember.competencyGaps).toEqual([
        { code: 'PELAYANAN_PUBLIK', requiredLevel: 5 },
      ]);
      const [entry] = await audits('setPositionRequirements');
      expect(entry?.after).toMatchObject({ requirements: { TIK: 5, PELAYANAN_PUBLIK: 5 } });
    });

    it('creates a position, and rejects invalid levels, duplicates and unknown competencies', async () => {
      const created = await setRequirements(
        {
          positionCode: 'new_pos',
          name: 'Penelaah Teknis',
          requirements: [{ competencyCode: 'TIK', level: 2 }],
        },
        t.admin,
      );
      expect(created.result.position).toEqual({
        code: 'NEW_POS',
        name: 'Penelaah Teknis',
        requirements: [{ code: 'TIK', level: 2 }],
      });
      const newPosition = (...requirements: { competencyCode: string; level: number }[]) => ({
        positionCode: 'NEW_POS',
        requirements,
      });
      const bad = await setRequirements(newPosition({ competencyCode: 'TIK', level: 6 }), t.admin);
      expect(bad.result).toMatchObject({
        code: 'COMPETENCY_LEVEL_INVALID',
        fields: [{ field: 'requirements[0].level', code: 'COMPETENCY_LEVEL_INVALID' }],
      });
      const dup = await setRequirements(
        newPosition({ competencyCode: 'TIK', level: 2 }, { competencyCode: 'tik', level: 3 }),
        t.admin,
      );
      expect(dup.result).toMatchObject({ code: 'DUPLICATE' });
      const unknown = await setRequirements(newPosition({ competencyCode: 'NOPE', level: 2 }), t.admin);
      expect(unknown.result).toMatchObject({ __typename: 'NotFoundError', entity: 'Competency' });
      const noName = await setRequirements({ positionCode: 'OTHER', requirements: [] }, t.admin);
      expect(noName.result).toMatchObject({ code: 'REQUIRED', fields: [{ field: 'name' }] });
      const denied = await setRequirements(newPosition(), t.hendra);
      expect(denied.errorCode).toBe('FORBIDDEN');
    });

    it('rejects a level outside 1–5 and unknown competencies for holdings; staff cannot set their own', async () => {
      const staffId = await idOf('199207082019031004');
      const bad = await hold({ staffId, competencyCode: 'TIK', level: 0 }, t.admin);
      expect(bad.result).toMatchObject({
        __typename: 'ValidationError',
        code: 'COMPETENCY_LEVEL_INVALID',
        messageId: 'Level kompetensi harus bilangan bulat 1 sampai 5.',
        messageEn: 'A competency level must be a whole number from 1 to 5.',
      });
      const unknown = await hold({ staffId, competencyCode: 'NOPE', level: 2 }, t.admin);
      expect(unknown.result).toMatchObject({ __typename: 'NotFoundError', key: 'NOPE' });
      const own = await hold(
        { staffId: await idOf('198903222014022001'), competencyCode: 'TIK', level: 5 },
        t.yulia,
      );
      expect(own.errorCode).toBe('FORBIDDEN');
    });
  });

  describe('ratePerformance and finaliseUnitPeriod', () => {
    const rate = inputMutation(
      h,
      'ratePerformance',
      `__typename ... on RatePerformancePayload { predikat year staff { ratings { year predikat finalised } } }
      ${FAILURE}`,
    );
    const finalise = inputMutation(
      h,
      'finaliseUnitPeriod',
      `__typename ... on FinaliseUnitPeriodPayload { year people sangatBaik allowed unit { code } }
      ... on SkpQuotaExceededError { allowed actual excess holders { name } }
      ${FAILURE}`,
    );
    const ABOVE = { year: 2026, results: 'ABOVE', behaviour: 'ABOVE' };
    const PERIZINAN_2026 = { unitCode: 'DPMPTSP-PERIZINAN', year: 2026 };

    async function unitStaffIds(unit: string): Promise<string[]> {
      const { body } = await h.gql(
        'query($f: StaffFilter) { staffMembers(filter: $f, first: 100) { edges { node { id } } } }',
        { f: { unitCode: unit, includeSubUnits: false } },
        { token: t.admin },
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
        const { result, errors } = await rate(
          {
            staffId: id,
            year: 2026,
            results: i < 2 ? 'ABOVE' : 'AS_EXPECTED',
            behaviour: i < 2 ? 'ABOVE' : 'BELOW',
          },
          t.hendra,
        );
        expect(errors).toBeUndefined();
        expect(result.predikat).toBe(i < 2 ? 'SANGAT_BAIK' : 'KURANG_MISCONDUCT');
      }
      expect(await audits('ratePerformance')).toHaveLength(ids.length);
      const share = 1 / ids.length; // one Sangat Baik allowed, two given
      const { result: e } = await finalise({ ...PERIZINAN_2026, sangatBaikMaxShare: share }, t.hendra);
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

      const invalid = await finalise({ ...PERIZINAN_2026, sangatBaikMaxShare: 1.5 }, t.hendra);
      expect(invalid.result).toMatchObject({
        code: 'SKP_QUOTA_RULE_INVALID',
        fields: [{ field: 'sangatBaikMaxShare' }],
      });
      expect(await audits('finaliseUnitPeriod')).toHaveLength(0);

      const ok = await finalise(
        { ...PERIZINAN_2026, sangatBaikMaxShare: 1.5 / ids.length, rounding: 'CEIL' },
        t.hendra,
      );
      expect(ok.result).toMatchObject({
        __typename: 'FinaliseUnitPeriodPayload',
        sangatBaik: 2,
        allowed: 2,
        unit: { code: 'DPMPTSP-PERIZINAN' },
      });
      expect(await audits('finaliseUnitPeriod')).toHaveLength(1);

      const late = await rate(
        { staffId: ids[0], year: 2026, results: 'BELOW', behaviour: 'BELOW' },
        t.hendra,
      );
      expect(late.result).toMatchObject({ __typename: 'ConflictError', code: 'SKP_PERIOD_FINALISED' });
      const twice = await finalise({ ...PERIZINAN_2026, sangatBaikMaxShare: 1 }, t.hendra);
      expect(twice.result).toMatchObject({ code: 'SKP_PERIOD_FINALISED' });
    });

    it('keeps ratings away from the person, other units and the public, and forbids rating oneself', async () => {
      const self = await rate({ staffId: await idOf('197805142005011002'), ...ABOVE }, t.hendra);
      expect(self.result).toMatchObject({ code: 'SKP_SELF_RATING' });
      const dewiId = await idOf('198511302010012003');
      for (const token of [t.hendra, t.yulia, t.warga, undefined]) {
        const { errorCode } = await rate({ staffId: dewiId, ...ABOVE }, token);
        expect(errorCode).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      }
      const year = await rate({ staffId: dewiId, ...ABOVE, year: 1900 }, t.admin);
      expect(year.result).toMatchObject({ code: 'OUT_OF_RANGE', fields: [{ field: 'year' }] });
      const missing = await finalise(
        { unitCode: 'DISKOMINFO', year: 2030, sangatBaikMaxShare: 0.2 },
        t.admin,
      );
      expect(missing.result).toMatchObject({ __typename: 'NotFoundError', entity: 'PerformancePeriod' });
      const notTheirs = await finalise(
        { unitCode: 'DISKOMINFO', year: 2025, sangatBaikMaxShare: 0.2 },
        t.hendra,
      );
      expect(notTheirs.errorCode).toBe('FORBIDDEN');
    });
  });
});
