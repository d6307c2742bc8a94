// The demo seed has a staff account in DPUPR, the unit that handles road complaints (andi@), so a
// complaint filed with the permit complaint unit and transferred to DPUPR can be followed and
// handled there with a demo account, as the README's walk-through does.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import {
  moveRequest,
  permitComplaintService,
  ROAD_COMPLAINT,
  submittedRequest,
} from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';

const TRANSFER = `mutation($input: TransferServiceRequestInput!) { transferServiceRequest(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { version unit { code } } }
  ... on Failure { code }
} }`;
const QUEUE = `{ serviceRequests(first: 50) { edges { node { trackingCode unit { code } } } } }`;
const ME = `{ me { role unit { code } } }`;

describe.each(testDatabaseKinds())('the DPUPR demo account on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'hendra', 'andi', 'yulia'] });

  it('is DPUPR staff, sees a complaint transferred there from DPMPTSP and handles it', async () => {
    const me = await h.gql(ME, {}, { token: t.andi });
    expect(me.body.data.me).toEqual({ role: 'STAFF', unit: { code: 'DPUPR' } });

    await permitComplaintService(h);
    const filed = await submittedRequest(
      h,
      { ...ROAD_COMPLAINT, serviceCode: 'PENGADUAN-PERIZINAN', idempotencyKey: 'andi-1' },
      t.warga,
    );
    const codes = async (token: string) =>
      (await h.gql(QUEUE, {}, { token })).body.data.serviceRequests.edges.map(
        (e: { node: { trackingCode: string } }) => e.node.trackingCode,
      );
    expect(await codes(t.andi)).not.toContain(filed.trackingCode);
    const moved = await h.gql(
      TRANSFER,
      {
        input: {
          trackingCode: filed.trackingCode,
          serviceCode: 'PENGADUAN-JALAN',
          expectedVersion: filed.version,
          reason: 'Aduan tentang jalan rusak, kewenangan DPUPR.',
        },
      },
      { token: t.hendra },
    );
    expect(moved.body.data.transferServiceRequest.request.unit.code).toBe('DPUPR');
    expect(await codes(t.andi)).toContain(filed.trackingCode);
    expect(await codes(t.yulia)).not.toContain(filed.trackingCode);
    const version = await moveRequest(
      h,
      filed.trackingCode,
      ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'],
      t.andi,
      moved.body.data.transferServiceRequest.request.version,
    );
    expect(version).toBeGreaterThan(filed.version);
  });
});
