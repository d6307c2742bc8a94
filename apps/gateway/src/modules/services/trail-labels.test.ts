// Issue 21, kinds 9 and 12: the trail names the officer who acted (accountability), never a role
// code alone; the catalogue gives a service's English name where it has one.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { moveRequest, PBG_REQUEST as PBG, submittedRequest } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';

const TRAIL = `query($c: String!) { serviceRequest(trackingCode: $c) {
  events { sequence actorKind actorName actorUnit }
} }`;

describe.each(testDatabaseKinds())('trail and catalogue labels on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'yulia'] });

  it('names the acting officer and their unit to the owner and staff; never the citizen', async () => {
    const created = await submittedRequest(h, { ...PBG, idempotencyKey: 'actor-1' }, t.warga);
    await moveRequest(h, created.trackingCode, ['VERIFIED'], t.yulia);
    const yulia = await h.db.prisma.account.findUniqueOrThrow({
      where: { email: 'yulia@layanan.test' },
      select: { staff: { select: { name: true, unit: { select: { shortName: true } } } } },
    });
    const officer = { actorName: yulia.staff?.name, actorUnit: yulia.staff?.unit.shortName };
    expect(officer.actorName).toBeTruthy();
    for (const token of [t.warga, t.yulia]) {
      const { body } = await h.gql(TRAIL, { c: created.trackingCode }, { token });
      expect(body.errors).toBeUndefined();
      expect(body.data.serviceRequest.events).toEqual([
        { sequence: 1, actorKind: 'CITIZEN', actorName: null, actorUnit: null },
        { sequence: 2, actorKind: 'STAFF', ...officer },
      ]);
    }
  });

  it('gives the English name of a service beside its Indonesian one', async () => {
    const { body } = await h.gql('{ service(code: "PBG") { name nameEn } }');
    expect(body.data.service).toEqual({
      name: 'Persetujuan Bangunan Gedung (PBG)',
      nameEn: 'Building approval (PBG)',
    });
  });
});
