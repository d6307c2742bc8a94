import { testDatabaseKinds } from '@layanan/db/testing';
import { addWorkingDays, jakartaDay } from '@layanan/domain/calendar';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../platform/calendar.js';
import { fieldOperation, inputMutation } from '../../testing/operations.js';
import { useHarness } from '../../testing/use-harness.js';

const SUBMISSION_FIELDS = `
  id kind title text hidden hiddenReason authorName isMine status answerReason answerDueOn answerOverdue
  supportCount followerCount supportedByMe followedByMe unit { code }
  commitment { id status progress dueOn doneOn doneOnTime overdue updates { progress note date } }
`;

const FAILURE = '... on Failure { __typename code message } ... on ValidationError { fields { field code } }';

describe.each(testDatabaseKinds())('forums on %s', (kind) => {
  // Reads the demo forums' sessions, submissions and commitments.
  const { h, t } = useHarness(kind, { seed: 'demo', login: ['warga', 'warga2', 'yulia', 'dewi', 'admin'] });
  let forumId: string;
  beforeAll(async () => {
    const forum = await h.gql('{ forum(slug: "pelayanan-perizinan") { id unit { code } } }');
    forumId = forum.body.data.forum.id;
  });

  const submitToForum = inputMutation(
    h,
    'submitToForum',
    `__typename ... on SubmissionPayload { submission { ${SUBMISSION_FIELDS} } } ${FAILURE}`,
  );
  /** Submits to the DPMPTSP forum as `token` (a critique unless `input` says otherwise). */
  const submit = (token: string, input: Record<string, unknown>) =>
    submitToForum({ forumId, kind: 'CRITIQUE', ...input }, token);
  const unread = async (token: string) =>
    (await h.gql('{ unreadNotificationCount }', {}, { token })).body.data.unreadNotificationCount as number;

  it('serves the seeded forums with sessions in each kecamatan and their representatives', async () => {
    const { body } = await h.gql(`{
      forums(first: 10) { totalCount edges { node { slug unit { code } sessions(first: 10) { edges { node {
        title district { name } minutes representatives { staff { name } } } } } } } }
    }`);
    expect(body.errors).toBeUndefined();
    const forums = body.data.forums.edges.map((e: any) => e.node);
    expect(forums.map((f: any) => f.slug)).toEqual(['adminduk', 'infrastruktur-kota', 'pelayanan-perizinan']);
    const sessions = forums.flatMap((f: any) => f.sessions.edges.map((e: any) => e.node));
    expect(new Set(sessions.map((s: any) => s.district.name))).toEqual(
      new Set(['Barangin', 'Lembah Segar', 'Silungkang', 'Talawi']),
    );
    expect(sessions.every((s: any) => s.minutes && s.representatives.length > 0)).toBe(true);
  });

  it('lists the sessions of every forum by start, filtered by kecamatan on the server, paged and counted', async () => {
    const QUERY = `query($d: String, $after: String) { forumSessions(first: 2, after: $after, districtCode: $d) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { startsAt district { code } forum { slug } } } } }`;
    const all = async (d: string | null) => {
      const nodes: { startsAt: string; district: { code: string } | null }[] = [];
      let after: string | null = null;
      let total = 0;
      for (;;) {
        const { body }: { body: any } = await h.gql(QUERY, { d, after });
        const page: any = body.data.forumSessions;
        total = page.totalCount;
        nodes.push(...page.edges.map((e: any) => e.node));
        if (!page.pageInfo.hasNextPage) return { nodes, total };
        after = page.pageInfo.endCursor;
      }
    };
    const everything = await all(null);
    expect(everything.nodes).toHaveLength(everything.total);
    const starts = everything.nodes.map((n) => n.startsAt);
    expect(starts).toEqual([...starts].sort());
    const talawi = await all('talawi');
    expect(talawi.total).toBeGreaterThan(0);
    expect(talawi.total).toBeLessThan(everything.total);
    expect(talawi.nodes.every((n) => n.district?.code === 'TALAWI')).toBe(true);
    expect((await all('NOWHERE')).total).toBe(0);
  });

  it('runs the whole loop: submission → support → answer → commitment → progress → done, notifying each step', async () => {
    const text = '  Loket perizinan sering tutup saat jam istirahat.\nMohon ada petugas pengganti.  ';
    const created = await submit(t.warga, { title: 'Loket tutup siang hari', text, serviceCode: 'pbg' });
    const submission = created.result.submission;
    const today = jakartaDay(new Date());
    const calendar = await loadWorkingCalendar(h.db.prisma);
    expect(submission).toMatchObject({
      kind: 'CRITIQUE',
      title: 'Loket tutup siang hari',
      text,
      status: 'UNDER_REVIEW',
      isMine: true,
      unit: { code: 'DPMPTSP' },
      answerOverdue: false,
      answerDueOn: addWorkingDays(today, 14, calendar),
    });

    const support = fieldOperation(
      h,
      'supportSubmission',
      `mutation($id: ID!) { supportSubmission(submissionId: $id) {
      __typename ... on SubmissionPayload { submission { supportCount supportedByMe } } ${FAILURE} } }`,
    );
    const first = await support({ id: submission.id }, t.warga2);
    expect(first.result.submission).toEqual({ supportCount: 1, supportedByMe: true });
    const again = await support({ id: submission.id }, t.warga2);
    expect(again.result).toMatchObject({
      __typename: 'ValidationError',
      code: 'SUBMISSION_ALREADY_SUPPORTED',
    });
    const byStaff = await support({ id: submission.id }, t.yulia);
    expect(byStaff.errorCode).toBe('FORBIDDEN');

    await h.gql(
      'mutation($id: ID!) { followSubmission(submissionId: $id) { __typename } }',
      { id: submission.id },
      { token: t.warga2 },
    );
    const [unreadBefore, unreadBefore2] = [await unread(t.warga), await unread(t.warga2)];

    const answer = inputMutation(
      h,
      'answerSubmission',
      `__typename ... on SubmissionPayload { submission { status answerReason } } ${FAILURE}`,
    );
    const input = {
      submissionId: submission.id,
      status: 'ACCEPTED',
      reason: 'Kami atur giliran istirahat petugas.',
    };
    expect((await answer(input, t.dewi)).errorCode).toBe('FORBIDDEN');
    expect((await answer(input, t.warga)).errorCode).toBe('FORBIDDEN');
    expect((await answer({ ...input, reason: ' ' }, t.yulia)).result.code).toBe('ANSWER_REASON_REQUIRED');
    expect((await answer(input, t.yulia)).result.submission).toEqual({
      status: 'ACCEPTED',
      answerReason: 'Kami atur giliran istirahat petugas.',
    });
    const twice = await answer({ ...input, status: 'REJECTED' }, t.yulia);
    expect(twice.result.code).toBe('ANSWER_TRANSITION_NOT_ALLOWED');
    expect(await unread(t.warga)).toBe(unreadBefore + 1);
    expect(await unread(t.warga2)).toBe(unreadBefore2 + 1);

    const rahmat = await h.gql(
      '{ staffMembers(unitCode: "DPMPTSP", first: 200) { edges { node { id name } } } }',
    );
    const owner = rahmat.body.data.staffMembers.edges.find((e: any) => e.node.name.startsWith('Rahmat')).node
      .id;
    const dewi = await h.gql(
      '{ staffMembers(unitCode: "DISDUKCAPIL", first: 10) { edges { node { id } } } }',
    );
    const dueOn = addWorkingDays(today, 20, calendar);
    const createCommitment = inputMutation(
      h,
      'createCommitment',
      `__typename ... on CommitmentPayload { commitment { id status progress dueOn overdue } } ${FAILURE}`,
    );
    const base = {
      submissionId: submission.id,
      responsibleStaffId: owner,
      description: 'Jadwal istirahat bergilir.',
      dueOn,
    };
    const foreignOwner = await createCommitment(
      { ...base, responsibleStaffId: dewi.body.data.staffMembers.edges[0].node.id },
      t.yulia,
    );
    expect(foreignOwner.result.code).toBe('COMMITMENT_OWNER_NOT_IN_UNIT');
    const badDate = await createCommitment({ ...base, dueOn: '2026-02-30' }, t.yulia);
    // dueOn is a Day: a day not in the calendar is refused before the mutation runs, naming the
    // input field, in both languages (it was a ValidationError field when dueOn was a String).
    expect(badDate.body.data).toBeUndefined();
    expect(badDate.errorCode).toBe('DAY_NOT_A_DATE');
    expect(badDate.errors?.[0]?.message).toMatch(/dueOn.*tidak ada di kalender.* \/ The date does not exist/);
    const commitment = (await createCommitment(base, t.yulia)).result.commitment;
    expect(commitment).toMatchObject({ status: 'PLANNED', progress: 0, dueOn, overdue: false });
    const duplicate = await createCommitment(base, t.yulia);
    expect(duplicate.result.code).toBe('COMMITMENT_ALREADY_EXISTS');

    const updateProgress = inputMutation(
      h,
      'updateCommitmentProgress',
      `__typename ... on CommitmentPayload { commitment { status progress doneOn doneOnTime } } ${FAILURE}`,
    );
    const reportProgress = (progress: number, note: string) =>
      updateProgress({ commitmentId: commitment.id, progress, note }, t.yulia);
    expect((await reportProgress(120, 'x')).result.code).toBe('COMMITMENT_PROGRESS_INVALID');
    expect((await reportProgress(50, 'Jadwal disusun.')).result.commitment).toMatchObject({
      status: 'IN_PROGRESS',
      progress: 50,
    });
    expect((await reportProgress(100, 'Berlaku mulai hari ini.')).result.commitment).toEqual({
      status: 'DONE',
      progress: 100,
      doneOn: today,
      doneOnTime: true,
    });
    expect((await reportProgress(90, 'Mundur.')).result.code).toBe('COMMITMENT_CLOSED');

    const feed = await h.gql(
      '{ notifications(first: 20) { edges { node { id kind read submission { id } } } } }',
      {},
      { token: t.warga2 },
    );
    const kinds = feed.body.data.notifications.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.submission?.id === submission.id)
      .map((n: any) => n.kind);
    expect(kinds).toEqual([
      'COMMITMENT_DONE',
      'COMMITMENT_PROGRESS',
      'COMMITMENT_CREATED',
      'SUBMISSION_ANSWERED',
    ]);
    const marked = await h.gql(
      'mutation { markNotificationsRead { marked unreadCount } }',
      {},
      { token: t.warga2 },
    );
    expect(marked.body.data.markNotificationsRead.unreadCount).toBe(0);
    expect(marked.body.data.markNotificationsRead.marked).toBeGreaterThanOrEqual(4);

    const stored = await h.db.prisma.submission.findUniqueOrThrow({
      where: { id: await idOf(submission.id) },
    });
    expect(stored.text).toBe(text);
    const actions = (
      await h.db.prisma.auditEntry.findMany({ where: { entityId: stored.id }, select: { action: true } })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['submitToForum', 'supportSubmission', 'answerSubmission']),
    );
  });

  async function idOf(globalId: string): Promise<string> {
    return Buffer.from(globalId, 'base64').toString().split(':')[1] ?? '';
  }

  it('hides abusive content with a reason: the author and moderators still see it, others a notice', async () => {
    const created = await submit(t.warga, {
      title: 'Kata-kata kasar',
      text: 'Isi yang tidak pantas.',
      kind: 'CRITIQUE',
    });
    const id = created.result.submission.id;
    const hide = fieldOperation(
      h,
      'hideSubmission',
      `mutation($id: ID!, $reason: String!) { hideSubmission(submissionId: $id, reason: $reason) {
      __typename ${FAILURE} } }`,
    );
    expect((await hide({ id, reason: 'x' }, t.warga2)).errorCode).toBe('FORBIDDEN');
    expect((await hide({ id, reason: '' }, t.yulia)).result.code).toBe('SUBMISSION_HIDE_REASON_REQUIRED');
    // Issue 16 kind 9: a reason has a maximum (1000 characters as people count them), never cut.
    expect((await hide({ id, reason: 'x'.repeat(1001) }, t.yulia)).result).toMatchObject({
      code: 'TOO_LONG',
      fields: [{ field: 'reason', code: 'TOO_LONG' }],
    });
    expect((await hide({ id, reason: 'Menyerang pribadi.' }, t.yulia)).result.__typename).toBe(
      'SubmissionPayload',
    );
    const query =
      'query($id: ID!) { node(id: $id) { ... on Submission { title text hidden hiddenReason } } }';
    expect((await h.gql(query, { id })).body.data.node).toEqual({
      title: null,
      text: null,
      hidden: true,
      hiddenReason: null,
    });
    expect((await h.gql(query, { id }, { token: t.warga2 })).body.data.node.text).toBeNull();
    expect((await h.gql(query, { id }, { token: t.warga })).body.data.node).toEqual({
      title: 'Kata-kata kasar',
      text: 'Isi yang tidak pantas.',
      hidden: true,
      hiddenReason: 'Menyerang pribadi.',
    });
    expect((await h.gql(query, { id }, { token: t.admin })).body.data.node.hiddenReason).toBe(
      'Menyerang pribadi.',
    );
    const stored = await h.db.prisma.submission.findUniqueOrThrow({ where: { id: await idOf(id) } });
    expect(stored.text).toBe('Isi yang tidak pantas.');
  });

  it('keeps hidden text out of every notification but the author’s, also those sent before the hiding', async () => {
    const title = 'Judul yang kemudian disembunyikan';
    const created = await submit(t.warga, { title, text: 'Isi kritik.', kind: 'CRITIQUE' });
    const id = created.result.submission.id;
    await h.gql(
      'mutation($id: ID!) { followSubmission(submissionId: $id) { __typename } }',
      { id },
      { token: t.warga2 },
    );
    const answer = `mutation($input: AnswerSubmissionInput!) { answerSubmission(input: $input) { __typename } }`;
    await h.gql(
      answer,
      { input: { submissionId: id, status: 'ACCEPTED', reason: 'Ditindaklanjuti.' } },
      { token: t.yulia },
    );
    const texts = async (token: string) =>
      (
        await h.gql(
          '{ notifications(first: 50) { edges { node { title titleId titleEn submission { id } } } } }',
          {},
          { token },
        )
      ).body.data.notifications.edges
        .map((e: any) => e.node)
        .filter((n: any) => n.submission?.id === id);
    const before = await texts(t.warga2);
    expect(before).toHaveLength(1);
    expect(before[0].titleId).toContain(title);
    await h.gql(
      'mutation($id: ID!, $reason: String!) { hideSubmission(submissionId: $id, reason: $reason) { __typename } }',
      { id, reason: 'Data pribadi pihak lain.' },
      { token: t.yulia },
    );
    const follower = await texts(t.warga2);
    expect(follower).toHaveLength(1);
    for (const n of follower) {
      expect(JSON.stringify(n)).not.toContain(title);
      expect(n.titleEn).toBe(
        'A submission you follow was hidden by a moderator; its content is no longer shown.',
      );
    }
    // The author still reads the notifications about their own submission as sent.
    const author = await texts(t.warga);
    expect(author.some((n: any) => n.titleId.includes(title))).toBe(true);
    expect((await texts(t.yulia)).length).toBe(0);
  });

  it('moderation is for admins and staff of the answering unit; a second hide keeps the first record (four eyes)', async () => {
    const created = await submit(t.warga, {
      title: 'Komentar kasar dua',
      text: 'Isi yang perlu dimoderasi.',
    });
    const id = created.result.submission.id;
    const hide = fieldOperation(
      h,
      'hideSubmission',
      `mutation($id: ID!, $reason: String!) { hideSubmission(submissionId: $id, reason: $reason) {
      __typename ${FAILURE} } }`,
    );
    // Dewi works at DISDUKCAPIL, the submission is answered by DPMPTSP: not hers to moderate.
    expect((await hide({ id, reason: 'Bukan urusan unit saya.' }, t.dewi)).errorCode).toBe('FORBIDDEN');
    expect((await hide({ id, reason: 'Menyerang pribadi.' }, t.yulia)).result.__typename).toBe(
      'SubmissionPayload',
    );
    expect((await hide({ id, reason: 'Alasan lain yang menimpa.' }, t.admin)).result.__typename).toBe(
      'SubmissionPayload',
    );
    const query = `query($id: ID!) { node(id: $id) { ... on Submission { hiddenReason
      moderationHistory { action reason createdAt moderatorAccountId } } } }`;
    const seen = (await h.gql(query, { id }, { token: t.yulia })).body.data.node;
    expect(seen.hiddenReason).toBe('Menyerang pribadi.');
    expect(seen.moderationHistory.map((m: { reason: string }) => m.reason)).toEqual([
      'Menyerang pribadi.',
      'Alasan lain yang menimpa.',
    ]);
    expect(seen.moderationHistory.every((m: { action: string }) => m.action === 'HIDE')).toBe(true);
    const stored = await h.db.prisma.submission.findUniqueOrThrow({ where: { id: await idOf(id) } });
    const yulia = await h.db.prisma.account.findUniqueOrThrow({ where: { email: 'yulia@layanan.test' } });
    expect(stored).toMatchObject({ hiddenReason: 'Menyerang pribadi.', hiddenById: yulia.id });
    // Other units' staff, the author and the public do not see the moderation history.
    for (const token of [t.dewi, t.warga, undefined]) {
      const other = await h.gql(query, { id }, token ? { token } : {});
      expect(other.body.data.node.moderationHistory).toBeNull();
    }
  });

  it('hides the author’s name publicly when asked, but not from moderators', async () => {
    const created = await submit(t.warga, {
      title: 'Usul tanpa nama',
      text: 'Mohon papan antrean.',
      hideAuthorName: true,
    });
    const id = created.result.submission.id;
    const query = 'query($id: ID!) { node(id: $id) { ... on Submission { authorName } } }';
    expect((await h.gql(query, { id })).body.data.node.authorName).toBeNull();
    expect((await h.gql(query, { id }, { token: t.yulia })).body.data.node.authorName).toBe('Siti Aminah');
  });

  it('lets admins open a forum, validating every field, and routes submissions about a unit to it', async () => {
    const create = inputMutation(
      h,
      'createForum',
      `__typename ... on CreateForumPayload { forum { id slug answerDays unit { code } } } ${FAILURE}`,
    );
    const input = {
      slug: 'kesehatan-kota',
      title: 'Forum Layanan Kesehatan',
      description: 'Puskesmas dan RSUD.',
      unitCode: 'bkpsdm',
      answerDays: 10,
    };
    expect((await create(input, t.yulia)).errorCode).toBe('FORBIDDEN');
    const invalid = await create({ ...input, slug: 'Bad Slug!', answerDays: 0, unitCode: 'NOPE' }, t.admin);
    expect(invalid.result.fields.map((f: any) => f.field).sort()).toEqual(['answerDays', 'slug', 'unitCode']);
    const forum = (await create(input, t.admin)).result.forum;
    expect(forum).toMatchObject({ slug: 'kesehatan-kota', answerDays: 10, unit: { code: 'BKPSDM' } });
    const taken = await create(input, t.admin);
    expect(taken.result).toMatchObject({ __typename: 'ConflictError', code: 'FORUM_SLUG_TAKEN' });

    const about = await h.gql(
      `mutation($input: SubmitToForumInput!) { submitToForum(input: $input) {
        ... on SubmissionPayload { submission { unit { code } answerDueOn } } } }`,
      {
        input: {
          forumId: forum.id,
          kind: 'ASPIRATION',
          title: 'Pelatihan petugas',
          text: 'Mohon pelatihan pelayanan prima.',
          unitCode: 'DPMPTSP',
        },
      },
      { token: t.warga },
    );
    const today = jakartaDay(new Date());
    const calendar = await loadWorkingCalendar(h.db.prisma);
    expect(about.body.data.submitToForum.submission).toEqual({
      unit: { code: 'DPMPTSP' },
      answerDueOn: addWorkingDays(today, 10, calendar),
    });
  });

  it('moves commitment history forward only: a decrease needs a reason, updates are versioned', async () => {
    const created = await submit(t.warga, { title: 'Lampu jalan padam', text: 'Sudah seminggu padam.' });
    const submissionId = created.result.submission.id;
    await h.gql(
      'mutation($id: ID!) { followSubmission(submissionId: $id) { __typename } }',
      { id: submissionId },
      { token: t.warga2 },
    );
    await inputMutation(
      h,
      'answerSubmission',
      `__typename ${FAILURE}`,
    )({ submissionId, status: 'ACCEPTED', reason: 'Akan diganti.' }, t.yulia);
    const staff = await h.gql(
      '{ staffMembers(unitCode: "DPMPTSP", first: 200) { edges { node { id name } } } }',
    );
    const rahmat = staff.body.data.staffMembers.edges.find((e: any) => e.node.name.startsWith('Rahmat')).node
      .id;
    const made = (
      await inputMutation(
        h,
        'createCommitment',
        `... on CommitmentPayload { commitment { id version } } ${FAILURE}`,
      )(
        {
          submissionId,
          responsibleStaffId: rahmat,
          description: 'Ganti lampu.',
          dueOn: addWorkingDays(jakartaDay(new Date()), 10, await loadWorkingCalendar(h.db.prisma)),
        },
        t.yulia,
      )
    ).result;
    const commitment = made.commitment;
    expect(commitment?.version, JSON.stringify(made)).toBe(1);
    const progress = inputMutation(
      h,
      'updateCommitmentProgress',
      `__typename ... on CommitmentPayload { commitment { progress version updates { progress decreaseReason } } }
       ${FAILURE} ... on ConflictError { code }`,
    );
    const up = await progress(
      { commitmentId: commitment.id, progress: 50, note: 'Tiang diperbaiki.' },
      t.yulia,
    );
    expect(up.result.commitment).toMatchObject({ progress: 50, version: 2 });
    const down = await progress(
      { commitmentId: commitment.id, progress: 20, note: 'Lampu rusak lagi.' },
      t.yulia,
    );
    expect(down.result).toMatchObject({
      __typename: 'ValidationError',
      code: 'COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED',
      fields: [{ field: 'decreaseReason' }],
    });
    for (const [over, field] of [
      [{ note: 'x'.repeat(1001), decreaseReason: 'Tiang roboh.' }, 'note'],
      [{ note: 'Lampu rusak lagi.', decreaseReason: 'x'.repeat(1001) }, 'decreaseReason'],
    ] as const) {
      const tooLong = await progress({ commitmentId: commitment.id, progress: 20, ...over }, t.yulia);
      expect(tooLong.result).toMatchObject({ code: 'TOO_LONG', fields: [{ field, code: 'TOO_LONG' }] });
    }
    const explained = await progress(
      {
        commitmentId: commitment.id,
        progress: 20,
        note: 'Lampu rusak lagi.',
        decreaseReason: 'Kabel dicuri.',
      },
      t.yulia,
    );
    expect(explained.result.commitment).toMatchObject({
      progress: 20,
      version: 3,
      updates: [
        { progress: 50, decreaseReason: null },
        { progress: 20, decreaseReason: 'Kabel dicuri.' },
      ],
    });
    // Followers are told it went down, from what, and why.
    const feed = await h.gql(
      '{ notifications(first: 5) { edges { node { title } } } }',
      {},
      { token: t.warga2 },
    );
    expect(feed.body.data.notifications.edges[0].node.title).toMatch(/turun dari 50% ke 20%: Kabel dicuri\./);
    // A stale version is a conflict; of two updates from the same version exactly one wins.
    const stale = await progress(
      { commitmentId: commitment.id, progress: 30, note: 'x', expectedVersion: 2 },
      t.yulia,
    );
    expect(stale.result).toMatchObject({ __typename: 'ConflictError', code: 'COMMITMENT_VERSION_CONFLICT' });
    const raced = await Promise.all(
      [40, 60].map((p) =>
        progress(
          { commitmentId: commitment.id, progress: p, note: `Naik ke ${p}`, expectedVersion: 3 },
          t.yulia,
        ),
      ),
    );
    expect(raced.map((r) => r.result.__typename).sort()).toEqual(['CommitmentPayload', 'ConflictError']);
    const row = await h.db.prisma.commitment.findUniqueOrThrow({
      where: { id: await idOf(commitment.id) },
      include: { updates: true },
    });
    expect(row.version).toBe(4);
    expect(row.updates).toHaveLength(3);
  });

  it('lets exactly one of two simultaneous answers win', async () => {
    const created = await submit(t.warga, { title: 'Dua jawaban sekaligus', text: 'Uji konkurensi.' });
    const id = created.result.submission.id;
    const answer = `mutation($input: AnswerSubmissionInput!) { answerSubmission(input: $input) { __typename ${FAILURE} } }`;
    const results = await Promise.all(
      (['ACCEPTED', 'REJECTED'] as const).map((status) =>
        h.gql(
          answer,
          { input: { submissionId: id, status, reason: `Alasan ${status}` } },
          { token: t.yulia },
        ),
      ),
    );
    const typenames = results.map((r) => r.body.data.answerSubmission.__typename).sort();
    expect(typenames.filter((name) => name === 'SubmissionPayload')).toHaveLength(1);
    expect(['ConflictError', 'ValidationError']).toContain(
      typenames.find((name) => name !== 'SubmissionPayload'),
    );
    expect(
      await h.db.prisma.auditEntry.count({ where: { action: 'answerSubmission', entityId: await idOf(id) } }),
    ).toBe(1);
  });

  it('delivers notifications live over a subscription', async () => {
    const created = await submit(t.warga, {
      title: 'Uji notifikasi langsung',
      text: 'Apakah notifikasi tiba?',
    });
    const id = created.result.submission.id;
    const response = await h.gateway.fetch('http://layanan.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${t.warga}`,
      },
      body: JSON.stringify({ query: 'subscription { notificationAdded { kind title submission { id } } }' }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const event = (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += new TextDecoder().decode(value);
        const match = /data: (\{.*\})\n/.exec(buffer);
        if (match?.[1]) return JSON.parse(match[1]);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await h.gql(
      'mutation($input: AnswerSubmissionInput!) { answerSubmission(input: $input) { __typename } }',
      { input: { submissionId: id, status: 'ALREADY_PLANNED', reason: 'Sudah dalam rencana kerja.' } },
      { token: t.yulia },
    );
    const received = await event;
    await reader.cancel();
    expect(received.data.notificationAdded).toEqual({
      kind: 'SUBMISSION_ANSWERED',
      title: 'Usulan "Uji notifikasi langsung" dijawab: Sudah direncanakan',
      submission: { id },
    });
  });

  it('keeps notifications private to their account', async () => {
    const anonymous = await h.gql('{ unreadNotificationCount }');
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const mine = await h.gql('{ notifications(first: 1) { edges { node { id } } } }', {}, { token: t.warga });
    const id = mine.body.data.notifications.edges[0].node.id;
    const other = await h.gql(
      'query($id: ID!) { node(id: $id) { ... on Notification { title } } }',
      { id },
      { token: t.warga2 },
    );
    expect(other.body.data?.node ?? null).toBeNull();
  });

  it('reports accountability per unit, matching a hand count of the seed', async () => {
    const { body } = await h.gql(`{ forumAccountability(from: "2026-08-01", to: "2026-10-31") {
      __typename ... on ForumAccountabilityReport { from to units { unitCode received answered answeredOnTime accepted
      overdueAnswers commitments commitmentsDone commitmentsDoneOnTime overdueCommitments } } } }`);
    expect(body.errors).toBeUndefined();
    // Due dates: 14 working days after submission (2026 calendar). PBG 08-03 → 08-24, answered 08-12;
    // Sabtu 09-07 → 09-25, answered 09-30 (late); jemput bola 09-14 → 10-02, answered 09-22; blanko
    // 10-05 → 10-23, answered 10-08; drainase 10-12 → 10-30, unanswered; lampu 08-24 → 09-14,
    // answered 09-25 (late). Commitments: PBG done 10-20 ≤ 10-30; jemput bola due 11-20, 50 %;
    // lampu cancelled.
    expect(body.data.forumAccountability.units).toEqual([
      {
        unitCode: 'DISDUKCAPIL',
        received: 2,
        answered: 2,
        answeredOnTime: 2,
        accepted: 1,
        overdueAnswers: 0,
        commitments: 1,
        commitmentsDone: 0,
        commitmentsDoneOnTime: 0,
        overdueCommitments: 1,
      },
      {
        unitCode: 'DPMPTSP',
        received: 2,
        answered: 2,
        answeredOnTime: 1,
        accepted: 1,
        overdueAnswers: 0,
        commitments: 1,
        commitmentsDone: 1,
        commitmentsDoneOnTime: 1,
        overdueCommitments: 0,
      },
      {
        unitCode: 'DPUPR',
        received: 2,
        answered: 1,
        answeredOnTime: 0,
        accepted: 1,
        overdueAnswers: 1,
        commitments: 1,
        commitmentsDone: 0,
        commitmentsDoneOnTime: 0,
        overdueCommitments: 0,
      },
    ]);
    const bad = await h.gql(
      '{ forumAccountability(from: "2026-10-31", to: "2026-08-01") { __typename ... on ValidationError { fields { field } } } }',
    );
    expect(bad.body.data.forumAccountability).toEqual({
      __typename: 'ValidationError',
      fields: [{ field: 'to' }],
    });
  });
  it('counts title and text lengths in characters people see, and stores the longest accepted ones whole', async () => {
    const family = '👨‍👩‍👧‍👦'; // one character, 11 UTF-16 units, 25 UTF-8 bytes
    const tooShort = await submit(t.warga2, { title: '😀😀😀', text: 'Tiga emoji.' });
    expect(tooShort.result).toMatchObject({ code: 'SUBMISSION_TITLE_INVALID' });
    const title = family.repeat(150);
    const text = `${'e\u0301'.repeat(2500)}${'🇮🇩'.repeat(2500)}`; // 5000 characters, the maximum
    const created = await submit(t.warga2, { title, text });
    const submission = created.result.submission;
    expect(submission).toMatchObject({ title, text });
    const stored = await h.gql('query($id: ID!) { node(id: $id) { ... on Submission { title text } } }', {
      id: submission.id,
    });
    expect(stored.body.data.node).toEqual({ title, text });
    const tooLong = await submit(t.warga2, { title: family.repeat(151), text: 'Judul terlalu panjang.' });
    expect(tooLong.result).toMatchObject({ code: 'SUBMISSION_TITLE_INVALID' });
  });

  it('gives each answering unit an inbox of what awaits an answer, earliest due first, on the server', async () => {
    const INBOX = `query($unit: String, $after: String) { forumInbox(first: 50, after: $after, unitCode: $unit) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id status answerDueOn unit { code } } } } }`;
    const inbox = async (token: string, unit: string | null = null) => {
      const { body } = await h.gql(INBOX, { unit }, { token });
      expect(body.errors).toBeUndefined();
      return body.data.forumInbox as { totalCount: number; edges: { node: any }[] };
    };
    const created = await submit(t.warga, {
      title: 'Antrean loket perizinan',
      text: 'Mohon ditambah loket.',
    });
    const id = created.result.submission.id;
    const own = await inbox(t.yulia);
    const nodes = own.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toContain(id);
    expect(own.totalCount).toBe(nodes.length);
    expect(nodes.every((n) => n.status === 'UNDER_REVIEW' && n.unit.code === 'DPMPTSP')).toBe(true);
    const dues = nodes.map((n) => n.answerDueOn);
    expect(dues).toEqual([...dues].sort());
    // Staff see their own unit whatever they ask; admins narrow by unit.
    const dewi = await inbox(t.dewi, 'DPMPTSP');
    expect(dewi.edges.every((e) => e.node.unit.code !== 'DPMPTSP')).toBe(true);
    expect((await inbox(t.admin, 'DPMPTSP')).totalCount).toBe(own.totalCount);
    expect((await inbox(t.admin)).totalCount).toBeGreaterThanOrEqual(own.totalCount + dewi.totalCount);
    const citizen = await h.gql(INBOX, {}, { token: t.warga });
    expect(citizen.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await h.gql(
      `mutation($input: AnswerSubmissionInput!) { answerSubmission(input: $input) { __typename } }`,
      { input: { submissionId: id, status: 'ALREADY_PLANNED', reason: 'Loket kedua dibuka Januari.' } },
      { token: t.yulia },
    );
    const after = await inbox(t.yulia);
    expect(after.totalCount).toBe(own.totalCount - 1);
    expect(after.edges.map((e) => e.node.id)).not.toContain(id);
  });
});
