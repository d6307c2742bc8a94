// The audit log does not name the reporter of a confidential complaint (issue 20; Perpres 76/2013
// art. 4): an admin who is not a complaint manager reads the entries of the filing and the
// reporter's own later actions without the reporter's account id; an identified filing keeps it.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { ROAD_COMPLAINT, SUBMIT_REQUEST } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';

const AUDIT = `query($id: String!) { auditEntries(entityId: $id, first: 20) {
  edges { node { action actorKind actorId before after } }
} }`;
const CORRECT = `mutation($input: AddServiceRequestCorrectionInput!) { addServiceRequestCorrection(input: $input) {
  __typename } }`;

describe.each(testDatabaseKinds())('audit log and confidential reporters on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'admin'] });

  it('withholds the confidential reporter’s account id from every entry of the complaint', async () => {
    const warga = await h.db.prisma.account.findUniqueOrThrow({ where: { email: 'warga@layanan.test' } });
    const file = async (privacy: string, key: string) => {
      const r = await h.gql(
        SUBMIT_REQUEST,
        { input: { ...ROAD_COMPLAINT, reporterPrivacy: privacy, idempotencyKey: key } },
        { token: t.warga },
      );
      const filed = r.body.data.submitServiceRequest.request as { trackingCode: string; version: number };
      const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({
        where: { trackingCode: filed.trackingCode },
      });
      return { ...filed, id: row.id };
    };
    const secret = await file('CONFIDENTIAL', 'audit-conf');
    const corrected = await h.gql(
      CORRECT,
      {
        input: {
          trackingCode: secret.trackingCode,
          expectedVersion: secret.version,
          text: 'Lubangnya makin besar.',
        },
      },
      { token: t.warga },
    );
    expect(corrected.body.data.addServiceRequestCorrection.__typename).toBe('ServiceRequestPayload');
    const audit = await h.gql(AUDIT, { id: secret.id }, { token: t.admin });
    const entries = audit.body.data.auditEntries.edges.map((e: { node: unknown }) => e.node);
    expect(entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['submitServiceRequest', 'addServiceRequestCorrection']),
    );
    // Scan the whole answer for the reporter's identity values.
    const text = JSON.stringify(audit.body);
    for (const value of [warga.id, warga.email, warga.displayName]) expect(text).not.toContain(value);
    for (const e of entries) expect(e).toMatchObject({ actorKind: 'CITIZEN', actorId: null });

    // An identified complaint: the audit names its actor as before.
    const open = await file('IDENTIFIED', 'audit-open');
    const plain = await h.gql(AUDIT, { id: open.id }, { token: t.admin });
    expect(plain.body.data.auditEntries.edges[0].node.actorId).toBe(warga.id);
  });
});
