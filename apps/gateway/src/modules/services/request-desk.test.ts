// The staff desk of a request: a note without a change of state, taking a request on, and the
// applicant's contact details for the handling unit — and who may do each.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it, vi } from 'vitest';
import { PBG_REQUEST as PBG, submittedRequest } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';

const NOTE = `mutation($input: AddServiceRequestNoteInput!) { addServiceRequestNote(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { state version events { kind publicNote internalNote } } }
  ... on ValidationError { fields { field code } }
  ... on ConflictError { code }
} }`;

const CLAIM = `mutation($input: ClaimServiceRequestInput!) { claimServiceRequest(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { version assignee { name } events { kind } } }
  ... on Failure { code }
} }`;

const READ = `query($c: String!) { serviceRequest(trackingCode: $c) {
  version events { kind publicNote internalNote } applicant { displayName email phone }
} }`;

describe.each(testDatabaseKinds())('the staff desk of a request on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'yulia', 'hendra', 'dewi', 'admin'] });

  it('adds public and internal notes without changing the state; the citizen sees only the public one', async () => {
    const req = await submittedRequest(h, { ...PBG, idempotencyKey: 'note-1' }, t.warga);
    const empty = await h.gql(
      NOTE,
      { input: { trackingCode: req.trackingCode, expectedVersion: 1, publicNote: ' ' } },
      { token: t.yulia },
    );
    expect(empty.body.data.addServiceRequestNote).toEqual({
      __typename: 'ValidationError',
      fields: [{ field: 'publicNote', code: 'REQUIRED' }],
    });
    const noted = await h.gql(
      NOTE,
      {
        input: {
          trackingCode: req.trackingCode,
          expectedVersion: 1,
          publicNote: 'Survei lokasi hari Kamis pukul 09.00.',
          internalNote: 'Bawa meteran laser.',
        },
      },
      { token: t.yulia },
    );
    expect(noted.body.data.addServiceRequestNote.request).toMatchObject({ state: 'SUBMITTED', version: 2 });
    expect(noted.body.data.addServiceRequestNote.request.events.at(-1)).toEqual({
      kind: 'NOTE',
      publicNote: 'Survei lokasi hari Kamis pukul 09.00.',
      internalNote: 'Bawa meteran laser.',
    });
    const stale = await h.gql(
      NOTE,
      { input: { trackingCode: req.trackingCode, expectedVersion: 1, internalNote: 'x' } },
      { token: t.hendra },
    );
    expect(stale.body.data.addServiceRequestNote).toMatchObject({
      __typename: 'ConflictError',
      code: 'REQUEST_VERSION_CONFLICT',
    });

    const citizen = await h.gql(READ, { c: req.trackingCode }, { token: t.warga });
    expect(citizen.body.data.serviceRequest.events.at(-1)).toEqual({
      kind: 'NOTE',
      publicNote: 'Survei lokasi hari Kamis pukul 09.00.',
      internalNote: null,
    });
    const byCitizen = await h.gql(
      NOTE,
      { input: { trackingCode: req.trackingCode, expectedVersion: 2, publicNote: 'x' } },
      { token: t.warga },
    );
    expect(byCitizen.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const otherUnit = await h.gql(
      NOTE,
      { input: { trackingCode: req.trackingCode, expectedVersion: 2, publicNote: 'x' } },
      { token: t.dewi },
    );
    expect(otherUnit.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a staff member of the unit take a request on, once', async () => {
    const req = await submittedRequest(h, { ...PBG, idempotencyKey: 'claim-1' }, t.warga);
    const before = await h.gql(
      'query($c: String!) { serviceRequest(trackingCode: $c) { assignee { name } } }',
      { c: req.trackingCode },
      { token: t.yulia },
    );
    // Whoever routing chose, the other of the two qualified officers takes it on.
    const taker = before.body.data.serviceRequest.assignee?.name?.startsWith('Yulia') ? 'hendra' : 'yulia';
    const claimed = await h.gql(
      CLAIM,
      { input: { trackingCode: req.trackingCode, expectedVersion: 1 } },
      { token: t[taker] },
    );
    expect(claimed.body.data.claimServiceRequest.request.assignee.name).toMatch(
      taker === 'yulia' ? /^Yulia/ : /^Hendra/,
    );
    expect(claimed.body.data.claimServiceRequest.request.events.at(-1)).toEqual({ kind: 'REASSIGNED' });
    const again = await h.gql(
      CLAIM,
      { input: { trackingCode: req.trackingCode, expectedVersion: 2 } },
      { token: t[taker] },
    );
    expect(again.body.data.claimServiceRequest).toEqual({
      __typename: 'ConflictError',
      code: 'REQUEST_ALREADY_ASSIGNED_TO_CALLER',
    });
    for (const token of [t.dewi, t.admin, t.warga]) {
      const refused = await h.gql(
        CLAIM,
        { input: { trackingCode: req.trackingCode, expectedVersion: 2 } },
        { token },
      );
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('shows the applicant’s contact details to the handling unit, never in the public status', async () => {
    const req = await submittedRequest(h, { ...PBG, idempotencyKey: 'contact-1' }, t.warga);
    const staff = await h.gql(READ, { c: req.trackingCode }, { token: t.yulia });
    expect(staff.body.data.serviceRequest.applicant).toMatchObject({ email: 'warga@layanan.test' });
    expect(staff.body.data.serviceRequest.applicant.displayName).toBeTruthy();
    const otherUnit = await h.gql(READ, { c: req.trackingCode }, { token: t.dewi });
    expect(otherUnit.body.data.serviceRequest).toBeNull();
    const publicStatus = await h.gql(
      'query($c: String!) { requestStatus(trackingCode: $c) { __typename } }',
      { c: req.trackingCode },
    );
    expect(JSON.stringify(publicStatus.body)).not.toContain('warga@layanan.test');
  });

  it('hands a request on by the Staff node id that staffMembers gives (and still by the raw id)', async () => {
    const req = await submittedRequest(h, { ...PBG, idempotencyKey: 'reassign-node-1' }, t.warga);
    const staff = await h.gql(
      '{ staffMembers(unitCode: "DPMPTSP", first: 50) { edges { node { id name } } } }',
      {},
      { token: t.hendra },
    );
    const yulia = staff.body.data.staffMembers.edges
      .map((e: any) => e.node)
      .find((n: any) => n.name.startsWith('Yulia'));
    const REASSIGN = `mutation($input: ReassignServiceRequestInput!) { reassignServiceRequest(input: $input) {
      __typename ... on ServiceRequestPayload { request { version assignee { name } } } ... on ValidationError { fields { field code } } } }`;
    const moved = await h.gql(
      REASSIGN,
      { input: { trackingCode: req.trackingCode, expectedVersion: 1, staffId: yulia.id } },
      { token: t.hendra },
    );
    expect(moved.body.data.reassignServiceRequest.request.assignee.name).toMatch(/^Yulia/);
    const bogus = await h.gql(
      REASSIGN,
      { input: { trackingCode: req.trackingCode, expectedVersion: 2, staffId: 'U3RhZmY6bm90LWEtdXVpZA==' } },
      { token: t.hendra },
    );
    expect(bogus.body.data.reassignServiceRequest).toEqual({
      __typename: 'ValidationError',
      fields: [{ field: 'staffId', code: 'NOT_ALLOWED' }],
    });
  });

  it('tells the citizen of a public note, and nobody of a note among staff', async () => {
    const req = await submittedRequest(h, { ...PBG, idempotencyKey: 'note-notify-1' }, t.warga);
    const notes = async () =>
      (
        await h.gql(
          '{ notifications(first: 100) { edges { node { kind title linkPath } } } }',
          {},
          { token: t.warga },
        )
      ).body.data.notifications.edges
        .map((e: any) => e.node)
        .filter((n: any) => n.kind === 'REQUEST_NOTE' && n.linkPath.endsWith(req.trackingCode));
    await h.gql(
      NOTE,
      { input: { trackingCode: req.trackingCode, expectedVersion: 1, internalNote: 'Cek arsip.' } },
      { token: t.yulia },
    );
    await h.gql(
      NOTE,
      { input: { trackingCode: req.trackingCode, expectedVersion: 2, publicNote: 'Bawa KTP asli Kamis.' } },
      { token: t.yulia },
    );
    await vi.waitFor(async () => expect(await notes()).toHaveLength(1), { timeout: 10_000 });
    // One notice, for the public note (its text is in the e-mail body and on the request page).
    const [notice] = await notes();
    expect(notice.title).toContain(req.trackingCode);
  });
});
