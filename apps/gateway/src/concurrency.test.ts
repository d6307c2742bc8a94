// Reliability proof (issue 7): many clients attempt the same change at once → exactly one wins per
// state change, every other one gets a typed error (never a masked one), and the database holds
// exactly one event and one audit entry per change.

import { testDatabaseKinds } from '@layanan/db/testing';
import { addWorkingDays, jakartaDay } from '@layanan/domain/calendar';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from './platform/calendar.js';
import { type FieldAnswer, fieldOperation, inputMutation } from './testing/operations.js';
import { useHarness } from './testing/use-harness.js';

const CLIENTS = 20;

const FAILURE = '... on Failure { __typename code } ... on ValidationError { fields { field code } }';

const PBG = {
  serviceCode: 'PBG',
  text: 'Uji konkurensi: banyak petugas sekaligus.',
  attributes: { nik: '1373010101900001', kecamatan: 'LEMBAH_SEGAR', luas_bangunan: '120', fungsi: 'HUNIAN' },
};

/** Calls `call` for each of the clients at once; the answers, after checking none got a masked or GraphQL error. */
async function race(call: (client: number) => Promise<FieldAnswer>): Promise<any[]> {
  const answers = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => call(i)));
  for (const a of answers) {
    expect(a.status).toBe(200);
    expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
  }
  return answers.map((a) => a.result);
}

/** Exactly one answer is a `winner`; every other one is a failure with `loserCode`. */
function expectOneWinner(answers: any[], winner: string, loserCode: string, label?: string): void {
  expect(
    answers.filter((a) => a.__typename === winner),
    label,
  ).toHaveLength(1);
  for (const a of answers) if (a.__typename !== winner) expect(a.code, label).toBe(loserCode);
}

describe.each(testDatabaseKinds())('concurrent changes on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'yulia', 'hendra', 'admin'] });
  // Several people and sessions of the answering unit (DPMPTSP) plus an admin.
  const tokenOf = (i: number) => [t.yulia, t.hendra, t.admin][i % 3] as string;
  let forumId: string;
  beforeAll(async () => {
    forumId = (await h.gql('{ forum(slug: "pelayanan-perizinan") { id } }')).body.data.forum.id;
  });

  const submitRequest = inputMutation(
    h,
    'submitServiceRequest',
    `__typename ... on ServiceRequestPayload { request { trackingCode version } } ${FAILURE}`,
  );
  const transition = inputMutation(
    h,
    'transitionServiceRequest',
    `__typename ... on ServiceRequestPayload { request { state version } } ${FAILURE}`,
  );
  const submitToForum = inputMutation(
    h,
    'submitToForum',
    `__typename ... on SubmissionPayload { submission { id } } ${FAILURE}`,
  );
  const answer = inputMutation(h, 'answerSubmission', `__typename ${FAILURE}`);
  const createCommitment = inputMutation(h, 'createCommitment', `__typename ${FAILURE}`);
  const support = fieldOperation(
    h,
    'supportSubmission',
    `mutation($id: ID!) { supportSubmission(submissionId: $id) { __typename ${FAILURE} } }`,
  );

  it(`${CLIENTS} clients, same submission and key: one request, every client gets it`, async () => {
    const results = await race(() =>
      submitRequest({ ...PBG, idempotencyKey: 'same-key-many-clients' }, t.warga),
    );
    expect(new Set(results.map((r) => r.__typename))).toEqual(new Set(['ServiceRequestPayload']));
    const codes = new Set(results.map((r) => r.request.trackingCode));
    expect(codes.size).toBe(1);
    expect(
      await h.db.prisma.serviceRequest.count({ where: { idempotencyKey: 'same-key-many-clients' } }),
    ).toBe(1);
  });

  it(`${CLIENTS} staff clients race on each of several consecutive transitions: exactly one wins each`, async () => {
    const created = await submitRequest({ ...PBG, idempotencyKey: 'race-many' }, t.warga);
    const code = created.result.request.trackingCode as string;
    let version = 1;
    for (const to of ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'] as const) {
      const results = await race((i) =>
        transition({ trackingCode: code, to, expectedVersion: version }, tokenOf(i)),
      );
      expectOneWinner(results, 'ServiceRequestPayload', 'REQUEST_VERSION_CONFLICT', to);
      expect(
        results.filter((r) => r.__typename === 'ConflictError'),
        to,
      ).toHaveLength(CLIENTS - 1);
      expect(results.find((r) => r.__typename === 'ServiceRequestPayload').request).toEqual({
        state: to,
        version: version + 1,
      });
      version++;
    }
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({
      where: { trackingCode: code },
      include: { events: { orderBy: { sequence: 'asc' } } },
    });
    expect(row).toMatchObject({ state: 'COMPLETED', version: 4 });
    expect(row.events.map((e) => e.toState)).toEqual(['SUBMITTED', 'VERIFIED', 'IN_PROGRESS', 'COMPLETED']);
    expect(
      await h.db.prisma.auditEntry.count({ where: { action: 'transitionServiceRequest', entityId: row.id } }),
    ).toBe(3);
  });

  it(`${CLIENTS} staff answer one submission, commit to it, and a citizen supports it ${CLIENTS}× at once`, async () => {
    const submitted = await submitToForum(
      { forumId, kind: 'ASPIRATION', title: 'Uji konkurensi', text: 'Banyak petugas sekaligus.' },
      t.warga,
    );
    const submissionId = submitted.result.submission.id as string;
    const dbId = await h.db.prisma.submission.findFirstOrThrow({
      where: { title: 'Uji konkurensi' },
      select: { id: true },
    });

    const answers = await race((i) =>
      answer({ submissionId, status: 'ACCEPTED', reason: `Alasan ${i}` }, tokenOf(i)),
    );
    const answerKinds = answers.map((a) => a.__typename);
    expect(answerKinds.filter((k) => k === 'SubmissionPayload')).toHaveLength(1);
    expect(answerKinds.filter((k) => k === 'ConflictError' || k === 'ValidationError')).toHaveLength(
      CLIENTS - 1,
    );
    expect(
      await h.db.prisma.auditEntry.count({ where: { action: 'answerSubmission', entityId: dbId.id } }),
    ).toBe(1);

    const owners = await h.gql(
      '{ staffMembers(unitCode: "DPMPTSP", first: 200) { edges { node { id name } } } }',
    );
    const owner = owners.body.data.staffMembers.edges.find((e: any) => e.node.name.startsWith('Rahmat')).node
      .id;
    const dueOn = addWorkingDays(jakartaDay(new Date()), 20, await loadWorkingCalendar(h.db.prisma));
    const commitments = await race((i) =>
      createCommitment(
        { submissionId, responsibleStaffId: owner, description: `Tindak lanjut ${i}`, dueOn },
        tokenOf(i),
      ),
    );
    expectOneWinner(commitments, 'CommitmentPayload', 'COMMITMENT_ALREADY_EXISTS');
    expect(await h.db.prisma.commitment.count({ where: { submissionId: dbId.id } })).toBe(1);
    expect(await h.db.prisma.auditEntry.count({ where: { action: 'createCommitment' } })).toBe(1);

    const supports = await race(() => support({ id: submissionId }, t.warga));
    expectOneWinner(supports, 'SubmissionPayload', 'SUBMISSION_ALREADY_SUPPORTED');
    expect(await h.db.prisma.submissionSupport.count({ where: { submissionId: dbId.id } })).toBe(1);
  });
});
