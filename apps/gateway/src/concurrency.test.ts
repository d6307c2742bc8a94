// Reliability proof (issue 7): many clients attempt the same change at once → exactly one wins per
// state change, every other one gets a typed error (never a masked one), and the database holds
// exactly one event and one audit entry per change.

import { testDatabaseKinds } from '@layanan/db/testing';
import { addWorkingDays, indonesianCalendar2026, jakartaDay } from '@layanan/domain/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing/harness.js';

const CLIENTS = 20;

const FAILURE = '... on Failure { __typename code } ... on ValidationError { fields { field code } }';

const TRANSITION = `mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) {
  __typename ... on ServiceRequestPayload { request { state version } } ${FAILURE} } }`;

const PBG = {
  serviceCode: 'PBG',
  text: 'Uji konkurensi: banyak petugas sekaligus.',
  attributes: { nik: '1373010101900001', kecamatan: 'LEMBAH_SEGAR', luas_bangunan: '120', fungsi: 'HUNIAN' },
};

/** The typename each client got, after checking none of them got a masked or GraphQL error. */
function outcomes(results: { status: number; body: any }[], field: string): string[] {
  for (const r of results) {
    expect(r.status).toBe(200);
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  }
  return results.map((r) => r.body.data[field].__typename as string);
}

describe.each(testDatabaseKinds())('concurrent changes on %s', (kind) => {
  let h: Harness;
  let citizen: string;
  let staff: string[];
  let forumId: string;
  beforeAll(async () => {
    h = await createHarness(kind);
    citizen = await h.login('warga@layanan.test');
    // Several people and sessions of the answering unit (DPMPTSP) plus an admin.
    staff = await Promise.all(
      ['yulia@layanan.test', 'hendra@layanan.test', 'admin@layanan.test'].map((e) => h.login(e)),
    );
    forumId = (await h.gql('{ forum(slug: "pelayanan-perizinan") { id } }')).body.data.forum.id;
  });
  afterAll(async () => {
    await h?.close();
  });
  const tokenOf = (i: number) => staff[i % staff.length] as string;

  it(`${CLIENTS} clients, same submission and key: one request, every client gets it`, async () => {
    const results = await Promise.all(
      Array.from({ length: CLIENTS }, () =>
        h.gql(
          `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
            __typename ... on ServiceRequestPayload { request { trackingCode } } ${FAILURE} } }`,
          { input: { ...PBG, idempotencyKey: 'same-key-many-clients' } },
          { token: citizen },
        ),
      ),
    );
    expect(new Set(outcomes(results, 'submitServiceRequest'))).toEqual(new Set(['ServiceRequestPayload']));
    const codes = new Set(results.map((r) => r.body.data.submitServiceRequest.request.trackingCode));
    expect(codes.size).toBe(1);
    expect(
      await h.db.prisma.serviceRequest.count({ where: { idempotencyKey: 'same-key-many-clients' } }),
    ).toBe(1);
  });

  it(`${CLIENTS} staff clients race on each of several consecutive transitions: exactly one wins each`, async () => {
    const created = await h.gql(
      `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
        ... on ServiceRequestPayload { request { trackingCode version } } } }`,
      { input: { ...PBG, idempotencyKey: 'race-many' } },
      { token: citizen },
    );
    const code = created.body.data.submitServiceRequest.request.trackingCode as string;
    let version = 1;
    for (const to of ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'] as const) {
      const results = await Promise.all(
        Array.from({ length: CLIENTS }, (_, i) =>
          h.gql(
            TRANSITION,
            { input: { trackingCode: code, to, expectedVersion: version } },
            { token: tokenOf(i) },
          ),
        ),
      );
      const kinds = outcomes(results, 'transitionServiceRequest');
      expect(
        kinds.filter((k) => k === 'ServiceRequestPayload'),
        to,
      ).toHaveLength(1);
      expect(
        kinds.filter((k) => k === 'ConflictError'),
        to,
      ).toHaveLength(CLIENTS - 1);
      for (const r of results) {
        const p = r.body.data.transitionServiceRequest;
        if (p.__typename === 'ConflictError') expect(p.code).toBe('REQUEST_VERSION_CONFLICT');
        else expect(p.request).toEqual({ state: to, version: version + 1 });
      }
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
    const submitted = await h.gql(
      `mutation($input: SubmitToForumInput!) { submitToForum(input: $input) {
        ... on SubmissionPayload { submission { id } } } }`,
      { input: { forumId, kind: 'ASPIRATION', title: 'Uji konkurensi', text: 'Banyak petugas sekaligus.' } },
      { token: citizen },
    );
    const submissionId = submitted.body.data.submitToForum.submission.id as string;
    const dbId = await h.db.prisma.submission.findFirstOrThrow({
      where: { title: 'Uji konkurensi' },
      select: { id: true },
    });

    const answers = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        h.gql(
          `mutation($input: AnswerSubmissionInput!) { answerSubmission(input: $input) { __typename ${FAILURE} } }`,
          { input: { submissionId, status: 'ACCEPTED', reason: `Alasan ${i}` } },
          { token: tokenOf(i) },
        ),
      ),
    );
    const answerKinds = outcomes(answers, 'answerSubmission');
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
    const dueOn = addWorkingDays(jakartaDay(new Date()), 20, indonesianCalendar2026());
    const commitments = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        h.gql(
          `mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { __typename ${FAILURE} } }`,
          { input: { submissionId, responsibleStaffId: owner, description: `Tindak lanjut ${i}`, dueOn } },
          { token: tokenOf(i) },
        ),
      ),
    );
    const commitmentKinds = outcomes(commitments, 'createCommitment');
    expect(commitmentKinds.filter((k) => k === 'CommitmentPayload')).toHaveLength(1);
    for (const r of commitments) {
      const p = r.body.data.createCommitment;
      if (p.__typename !== 'CommitmentPayload') expect(p.code).toBe('COMMITMENT_ALREADY_EXISTS');
    }
    expect(await h.db.prisma.commitment.count({ where: { submissionId: dbId.id } })).toBe(1);
    expect(await h.db.prisma.auditEntry.count({ where: { action: 'createCommitment' } })).toBe(1);

    const supports = await Promise.all(
      Array.from({ length: CLIENTS }, () =>
        h.gql(
          'mutation($id: ID!) { supportSubmission(submissionId: $id) { __typename ' + FAILURE + ' } }',
          { id: submissionId },
          { token: citizen },
        ),
      ),
    );
    const supportKinds = outcomes(supports, 'supportSubmission');
    expect(supportKinds.filter((k) => k === 'SubmissionPayload')).toHaveLength(1);
    for (const r of supports) {
      const p = r.body.data.supportSubmission;
      if (p.__typename !== 'SubmissionPayload') expect(p.code).toBe('SUBMISSION_ALREADY_SUPPORTED');
    }
    expect(await h.db.prisma.submissionSupport.count({ where: { submissionId: dbId.id } })).toBe(1);
  });
});
