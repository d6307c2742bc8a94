// Four eyes on the service standard (issue 15 kind 7): a changed completion time, cost or
// requirement is a proposal until a second person — a supervisor of the owning unit or an admin,
// never the proposer — approves it with a reason (proposeServiceChange, updateService,
// pendingServiceChanges, decideServiceChange).
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { inputMutation } from '../../testing/operations.js';
import { useHarness } from '../../testing/use-harness.js';

const FAILURE = '... on Failure { code messageEn } ... on ValidationError { fields { field code } }';
const CHANGE = 'serviceChange { id state changedParts proposedCompletionDays decisionReason mayDecide }';

describe.each(testDatabaseKinds())('four eyes on the service standard on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin', 'hendra', 'yulia', 'dewi'] });
  const update = inputMutation(
    h,
    'updateService',
    `__typename ... on UpdateServicePayload { service { completionDays costIdr description } pendingChange { id state changedParts proposedCompletionDays proposedCostIdr } } ${FAILURE}`,
  );
  const propose = inputMutation(
    h,
    'proposeServiceChange',
    `__typename ... on ServiceChangePayload { ${CHANGE} } ${FAILURE}`,
  );
  const decide = inputMutation(
    h,
    'decideServiceChange',
    `__typename ... on ServiceChangePayload { ${CHANGE} service { completionDays costIdr currentVersion { version note standard } } } ${FAILURE}`,
  );
  const published = async (code = 'PBG') =>
    (
      await h.gql(
        'query($code: String!) { service(code: $code) { completionDays costIdr currentVersion { id version standard } } }',
        { code },
      )
    ).body.data.service;
  /** hendra (supervisor of DPMPTSP, which owns PBG) proposes a completion time through updateService. */
  const proposeDays = async (completionDays: number, token = t.hendra) => {
    const r = await update(
      { code: 'PBG', completionDays, description: `Diperbarui ${completionDays}` },
      token,
    );
    expect(r.result.__typename, JSON.stringify(r.body)).toBe('UpdateServicePayload');
    return r.result.pendingChange.id as string;
  };

  it('keeps the published standard until a second person approves, and publishes it then', async () => {
    const before = await published();
    const r = await update(
      { code: 'PBG', completionDays: before.completionDays - 3, description: 'Deskripsi baru layanan' },
      t.hendra,
    );
    // The description is not part of the standard: it changes at once.
    expect(r.result.service).toMatchObject({
      completionDays: before.completionDays,
      description: 'Deskripsi baru layanan',
    });
    expect(r.result.pendingChange).toMatchObject({
      state: 'PENDING',
      changedParts: ['COMPLETION_TIME'],
      proposedCompletionDays: before.completionDays - 3,
      proposedCostIdr: before.costIdr,
    });
    expect(await published()).toEqual(before);

    const queue = async (token: string) =>
      (
        await h.gql('{ pendingServiceChanges(first: 50) { edges { node { id mayDecide } } } }', {}, { token })
      ).body.data.pendingServiceChanges.edges.map((e: { node: unknown }) => e.node);
    const id = r.result.pendingChange.id;
    expect(await queue(t.hendra)).toContainEqual({ id, mayDecide: false });
    expect(await queue(t.yulia)).toContainEqual({ id, mayDecide: false });
    expect(await queue(t.admin)).toContainEqual({ id, mayDecide: true });
    expect((await queue(t.dewi)).map((c: { id: string }) => c.id)).not.toContain(id);

    const approved = await decide({ id, approve: true, reason: 'Sesuai SOP baru' }, t.admin);
    expect(approved.result).toMatchObject({
      __typename: 'ServiceChangePayload',
      serviceChange: { state: 'APPROVED', decisionReason: 'Sesuai SOP baru', mayDecide: false },
      service: {
        completionDays: before.completionDays - 3,
        currentVersion: { version: before.currentVersion.version + 1, note: expect.any(String) },
      },
    });
    expect(approved.result.service.currentVersion.standard.COMPLETION_TIME).toBe(before.completionDays - 3);
    const audit = await h.db.prisma.auditEntry.findMany({
      where: { action: { in: ['decideServiceChange'] }, entityId: id },
    });
    expect(audit).toHaveLength(1);
  });

  it('never lets the proposer decide their own change', async () => {
    const id = await proposeDays(40);
    const own = await decide({ id, approve: true, reason: 'Saya setuju' }, t.hendra);
    expect(own.result).toMatchObject({ __typename: 'ConflictError', code: 'SERVICE_CHANGE_OWN_PROPOSAL' });
    const byAdmin = await proposeDays(41, t.admin);
    const adminOwn = await decide({ id: byAdmin, approve: true, reason: 'Saya setuju' }, t.admin);
    expect(adminOwn.result).toMatchObject({ code: 'SERVICE_CHANGE_OWN_PROPOSAL' });
    // The head of the unit may decide the admin's proposal.
    const head = await decide({ id: byAdmin, approve: false, reason: 'Belum dibahas' }, t.hendra);
    expect(head.result.serviceChange.state).toBe('REJECTED');
    await decide({ id, approve: false, reason: 'Dibersihkan' }, t.admin);
  });

  it('refuses staff of the unit and of another unit', async () => {
    const id = await proposeDays(42);
    for (const token of [t.dewi, t.yulia]) {
      const r = await decide({ id, approve: true, reason: 'Setuju' }, token);
      expect(r.errorCode).toBe('FORBIDDEN');
    }
    const stillPending = await h.db.prisma.serviceChange.findUniqueOrThrow({ where: { id } });
    expect(stillPending.state).toBe('PENDING');
    await decide({ id, approve: false, reason: 'Dibersihkan' }, t.admin);
  });

  it('leaves the standard unchanged on rejection, and needs a reason', async () => {
    const before = await published();
    const id = await proposeDays(before.completionDays + 5);
    const empty = await decide({ id, approve: false, reason: '   ' }, t.admin);
    expect(empty.result).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ field: 'reason', code: 'REQUIRED' }],
    });
    const long = await decide({ id, approve: true, reason: 'x'.repeat(1001) }, t.admin);
    expect(long.result).toMatchObject({ fields: [{ field: 'reason', code: 'TOO_LONG' }] });
    const rejected = await decide({ id, approve: false, reason: 'Tidak sesuai Perwako' }, t.admin);
    expect(rejected.result.serviceChange).toMatchObject({
      state: 'REJECTED',
      decisionReason: 'Tidak sesuai Perwako',
    });
    expect(await published()).toEqual(before);
  });

  it('decides a proposal once', async () => {
    const id = await proposeDays(33);
    expect((await decide({ id, approve: false, reason: 'Tidak' }, t.admin)).result.__typename).toBe(
      'ServiceChangePayload',
    );
    for (const approve of [true, false]) {
      const again = await decide({ id, approve, reason: 'Lagi' }, t.admin);
      expect(again.result).toMatchObject({
        __typename: 'ConflictError',
        code: 'SERVICE_CHANGE_ALREADY_DECIDED',
      });
    }
  });

  it('refuses to approve a proposal made on a version that is no longer current', async () => {
    const before = await published();
    const first = await proposeDays(before.completionDays + 1);
    const second = await propose(
      {
        code: 'PBG',
        standard: { ...before.currentVersion.standard, REQUIREMENTS: ['KTP pemohon', 'Gambar teknis'] },
        note: 'Persyaratan disederhanakan',
      },
      t.hendra,
    );
    expect(second.result.serviceChange).toMatchObject({ state: 'PENDING', changedParts: ['REQUIREMENTS'] });
    expect((await decide({ id: first, approve: true, reason: 'Setuju' }, t.admin)).result.__typename).toBe(
      'ServiceChangePayload',
    );
    const stale = await decide(
      { id: second.result.serviceChange.id, approve: true, reason: 'Setuju' },
      t.admin,
    );
    expect(stale.result).toMatchObject({ __typename: 'ConflictError', code: 'SERVICE_CHANGE_STALE' });
    expect((await published()).currentVersion.standard.REQUIREMENTS).toEqual(
      before.currentVersion.standard.REQUIREMENTS,
    );
    const rejected = await decide(
      { id: second.result.serviceChange.id, approve: false, reason: 'Usang' },
      t.admin,
    );
    expect(rejected.result.serviceChange.state).toBe('REJECTED');
  });

  it('refuses a proposal that changes nothing', async () => {
    const r = await propose({ code: 'PBG', note: 'Tanpa perubahan' }, t.hendra);
    expect(r.result).toMatchObject({ __typename: 'ValidationError', code: 'SERVICE_CHANGE_EMPTY' });
  });
});
