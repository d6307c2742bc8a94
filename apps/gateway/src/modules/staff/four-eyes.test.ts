// Four eyes on the staff register (issue 15 kind 7): nobody changes their own rank, position,
// unit, competencies or position requirements; a training a person records for themselves counts
// only once a supervisor or admin confirms it (reviewTraining, trainingsToConfirm).
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, STAFF_NIP, staffIdByNip } from '../../testing/accounts.js';
import { inputMutation } from '../../testing/operations.js';
import { useHarness } from '../../testing/use-harness.js';

const FAILURE =
  '... on Failure { code messageId messageEn } ... on ValidationError { fields { field code } }';

describe.each(testDatabaseKinds())('four eyes on the staff register on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin', 'hendra', 'yulia', 'dewi'] });
  const idOf = (nip: string) => staffIdByNip(h, nip, t.admin);
  const dbIdOf = async (nip: string) => (await h.db.prisma.staff.findUniqueOrThrow({ where: { nip } })).id;
  const update = inputMutation(
    h,
    'updateStaff',
    `__typename ... on UpdateStaffPayload { staff { rank } } ${FAILURE}`,
  );
  const setLevel = inputMutation(h, 'setCompetencyHolding', `__typename ${FAILURE}`);
  const setRequirements = inputMutation(h, 'setPositionRequirements', `__typename ${FAILURE}`);
  const record = inputMutation(
    h,
    'recordTraining',
    `__typename ... on RecordTrainingPayload { trainingRecordId status } ${FAILURE}`,
  );
  const review = inputMutation(
    h,
    'reviewTraining',
    `__typename ... on ReviewTrainingPayload { trainingRecord { status reviewReason } staff { trainingJp(year: 2026) } } ${FAILURE}`,
  );
  const jpOf = async (nip: string) =>
    (
      await h.gql(
        'query($id: ID!) { staffMember(id: $id) { trainingJp(year: 2026) } }',
        { id: await idOf(nip) },
        { token: t.admin },
      )
    ).body.data.staffMember.trainingJp as number;

  it('a supervisor cannot raise their own rank with a backdated decree, nor rename or move themselves', async () => {
    const hendra = await idOf(STAFF_NIP.hendra);
    for (const change of [
      { rank: 'IV/e', rankEffectiveOn: '2020-01-01', decreeNumber: 'SK/palsu/2020' },
      { name: 'Dr. Hendra' },
      { unitCode: 'DPMPTSP-PERIZINAN' },
      { position: 'Kepala Dinas' },
    ]) {
      const { result } = await update({ id: hendra, ...change }, t.hendra);
      expect(result).toMatchObject({ __typename: 'ConflictError', code: 'STAFF_SELF_CHANGE' });
      expect(result.messageId).toMatch(/sendiri/);
      expect(result.messageEn).toMatch(/own/);
    }
    const row = await h.db.prisma.staff.findUniqueOrThrow({
      where: { nip: STAFF_NIP.hendra },
      include: { rankHistory: true },
    });
    expect(row.rank).toBe('IV/a');
    expect(row.rankHistory.map((r) => r.rank)).not.toContain('IV/e');
    // A second person still can.
    const yulia = await idOf(STAFF_NIP.yulia);
    const ok = await update({ id: yulia, rank: 'III/d', rankEffectiveOn: '2026-04-01' }, t.hendra);
    expect(ok.result).toMatchObject({ __typename: 'UpdateStaffPayload', staff: { rank: 'III/d' } });
  });

  it('nobody sets their own competency levels; a supervisor sets a subordinate’s', async () => {
    const hendra = await idOf(STAFF_NIP.hendra);
    const self = await setLevel({ staffId: hendra, competencyCode: 'PELAYANAN_PUBLIK', level: 5 }, t.hendra);
    expect(self.result).toMatchObject({ __typename: 'ConflictError', code: 'STAFF_SELF_CHANGE' });
    const other = await setLevel(
      { staffId: await idOf(STAFF_NIP.yulia), competencyCode: 'PELAYANAN_PUBLIK', level: 4 },
      t.hendra,
    );
    expect(other.result.__typename).toBe('SetCompetencyHoldingPayload');
  });

  it('keeps the competency history append-only: each new level is a new assessment (issue 16 kinds 8, 14)', async () => {
    const yulia = await idOf(STAFF_NIP.yulia);
    const competency = await h.db.prisma.competency.findUniqueOrThrow({ where: { code: 'PERIZINAN' } });
    const held = { staffId: await dbIdOf(STAFF_NIP.yulia), competencyId: competency.id };
    const seeded = await h.db.prisma.staffCompetency.findUnique({ where: { staffId_competencyId: held } });
    for (const [level, token] of [
      [4, t.hendra],
      [4, t.hendra],
      [2, t.admin],
    ] as const) {
      const { result } = await setLevel({ staffId: yulia, competencyCode: 'PERIZINAN', level }, token);
      expect(result.__typename).toBe('SetCompetencyHoldingPayload');
    }
    const history = await h.db.prisma.competencyAssessment.findMany({
      where: held,
      orderBy: [{ assessedAt: 'asc' }, { createdAt: 'asc' }],
    });
    const hendra = await h.db.prisma.account.findUniqueOrThrow({ where: { email: ACCOUNTS.hendra } });
    const admin = await h.db.prisma.account.findUniqueOrThrow({ where: { email: ACCOUNTS.admin } });
    expect(history.map((a) => [a.level, a.previousLevel, a.assessedByAccountId])).toEqual([
      ...(seeded ? [[seeded.level, null, null]] : []),
      [4, seeded?.level ?? null, hendra.id],
      [2, 4, admin.id],
    ]);
    const current = await h.db.prisma.staffCompetency.findUniqueOrThrow({
      where: { staffId_competencyId: held },
    });
    expect(current.level).toBe(2);
    // The database refuses to rewrite an assessment.
    await expect(
      h.db.prisma.competencyAssessment.update({
        where: { id: history.at(-1)?.id as string },
        data: { level: 5 },
      }),
    ).rejects.toThrow(/append-only/);
  });

  it('an admin who holds a position cannot edit its requirements, nor their own record', async () => {
    // The admin account is linked to Dewi's record for this test.
    const dewi = await h.db.prisma.staff.findUniqueOrThrow({ where: { nip: STAFF_NIP.dewi } });
    const position = await h.db.prisma.position.findFirstOrThrow({ where: { code: 'ANALIS_PERIZINAN' } });
    await h.db.prisma.staff.update({ where: { id: dewi.id }, data: { positionId: position.id } });
    const admin = await h.db.prisma.account.update({
      where: { email: ACCOUNTS.admin },
      data: { staffId: null },
    });
    await h.db.prisma.account.update({ where: { email: ACCOUNTS.dewi }, data: { staffId: null } });
    await h.db.prisma.account.update({ where: { id: admin.id }, data: { staffId: dewi.id } });
    try {
      const own = await setRequirements(
        {
          positionCode: 'analis_perizinan',
          requirements: [{ competencyCode: 'PELAYANAN_PUBLIK', level: 1 }],
        },
        t.admin,
      );
      expect(own.result).toMatchObject({
        __typename: 'ConflictError',
        code: 'STAFF_OWN_POSITION_REQUIREMENTS',
      });
      const self = await update(
        { id: await idOf(STAFF_NIP.dewi), rank: 'IV/e', rankEffectiveOn: '2026-01-02' },
        t.admin,
      );
      expect(self.result).toMatchObject({ code: 'STAFF_SELF_CHANGE' });
      const other = await setRequirements(
        {
          positionCode: 'KEPALA_BARU',
          name: 'Kepala Baru',
          requirements: [{ competencyCode: 'PELAYANAN_PUBLIK', level: 2 }],
        },
        t.admin,
      );
      expect(other.result.__typename).toBe('SetPositionRequirementsPayload');
    } finally {
      await h.db.prisma.account.update({ where: { id: admin.id }, data: { staffId: null } });
      await h.db.prisma.account.update({ where: { email: ACCOUNTS.dewi }, data: { staffId: dewi.id } });
    }
  });

  it('500 JP recorded for oneself do not count until a supervisor confirms; the supervisor lists, confirms or rejects with a reason', async () => {
    const yulia = await idOf(STAFF_NIP.yulia);
    const before = await jpOf(STAFF_NIP.yulia);
    const big = await record(
      { staffId: yulia, title: 'Pelatihan karangan', completedOn: '2026-05-02', jp: 500 },
      t.yulia,
    );
    expect(big.result).toMatchObject({ __typename: 'RecordTrainingPayload', status: 'PENDING' });
    const real = await record(
      { staffId: yulia, title: 'Bimtek OSS RBA', completedOn: '2026-05-03', jp: 8 },
      t.yulia,
    );
    expect(await jpOf(STAFF_NIP.yulia)).toBeCloseTo(before, 6);

    const list = (token: string) =>
      h.gql(
        '{ trainingsToConfirm(first: 50) { totalCount edges { node { id title status staff { name } } } } }',
        {},
        { token },
      );
    const pending = (await list(t.hendra)).body.data.trainingsToConfirm;
    const titles = pending.edges.map((e: any) => e.node.title);
    expect(titles).toEqual(expect.arrayContaining(['Pelatihan karangan', 'Bimtek OSS RBA']));
    expect(pending.totalCount).toBe(pending.edges.length);
    // Staff cannot list (nor review) trainings; the other unit's supervisor scope excludes them.
    expect((await list(t.yulia)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const selfReview = await review(
      { trainingRecordId: big.result.trainingRecordId, decision: 'CONFIRMED', reason: 'saya sendiri' },
      t.yulia,
    );
    expect(selfReview.errorCode ?? selfReview.result?.code).toMatch(/FORBIDDEN|STAFF_SELF_CHANGE/);
    const noReason = await review(
      { trainingRecordId: big.result.trainingRecordId, decision: 'REJECTED', reason: ' ' },
      t.hendra,
    );
    expect(noReason.result).toMatchObject({
      code: 'TRAINING_REVIEW_REASON_REQUIRED',
      fields: [{ field: 'reason' }],
    });
    // The reason has a maximum too (issue 16 kind 9), counted as people count characters.
    const tooLong = await review(
      { trainingRecordId: big.result.trainingRecordId, decision: 'REJECTED', reason: 'x'.repeat(1001) },
      t.hendra,
    );
    expect(tooLong.result).toMatchObject({
      code: 'TOO_LONG',
      fields: [{ field: 'reason', code: 'TOO_LONG' }],
    });
    const rejected = await review(
      { trainingRecordId: big.result.trainingRecordId, decision: 'REJECTED', reason: 'Tidak ada sertifikat' },
      t.hendra,
    );
    expect(rejected.result).toMatchObject({
      trainingRecord: { status: 'REJECTED', reviewReason: 'Tidak ada sertifikat' },
    });
    const confirmed = await review(
      { trainingRecordId: real.result.trainingRecordId, decision: 'CONFIRMED', reason: 'Sertifikat dilihat' },
      t.hendra,
    );
    expect(confirmed.result.staff.trainingJp).toBeCloseTo(before + 8, 6);
    const again = await review(
      { trainingRecordId: real.result.trainingRecordId, decision: 'REJECTED', reason: 'berubah pikiran' },
      t.admin,
    );
    expect(again.result).toMatchObject({ __typename: 'ConflictError', code: 'TRAINING_ALREADY_REVIEWED' });
    const titlesAfter = (await list(t.hendra)).body.data.trainingsToConfirm.edges.map(
      (e: any) => e.node.title,
    );
    expect(titlesAfter).not.toContain('Bimtek OSS RBA');
    expect(await h.db.prisma.auditEntry.count({ where: { action: 'reviewTraining' } })).toBe(2);
  });

  it('a supervisor’s own training waits for another person; another unit’s supervisor cannot review it', async () => {
    const hendra = await idOf(STAFF_NIP.hendra);
    const own = await record(
      { staffId: hendra, title: 'Diklatpim III', completedOn: '2026-06-01', jp: 30 },
      t.hendra,
    );
    expect(own.result.status).toBe('PENDING');
    const mine = (
      await h.gql('{ trainingsToConfirm(first: 50) { edges { node { title } } } }', {}, { token: t.hendra })
    ).body.data.trainingsToConfirm.edges.map((e: any) => e.node.title);
    expect(mine).not.toContain('Diklatpim III');
    const self = await review(
      { trainingRecordId: own.result.trainingRecordId, decision: 'CONFIRMED', reason: 'ok' },
      t.hendra,
    );
    expect(self.result).toMatchObject({ __typename: 'ConflictError', code: 'STAFF_SELF_CHANGE' });
    const byAdmin = await review(
      { trainingRecordId: own.result.trainingRecordId, decision: 'CONFIRMED', reason: 'SK diklat' },
      t.admin,
    );
    expect(byAdmin.result.trainingRecord.status).toBe('CONFIRMED');
    // Recorded by a second person: counts at once.
    const byOther = await record(
      { staffId: hendra, title: 'Seminar ASN', completedOn: '2026-06-02', jp: 2 },
      t.admin,
    );
    expect(byOther.result.status).toBe('CONFIRMED');
    const unknown = await review(
      { trainingRecordId: 'not-a-uuid', decision: 'CONFIRMED', reason: 'x' },
      t.admin,
    );
    expect(unknown.result).toMatchObject({ __typename: 'NotFoundError' });
    expect(await dbIdOf(STAFF_NIP.hendra)).toBeTruthy();
  });
});
