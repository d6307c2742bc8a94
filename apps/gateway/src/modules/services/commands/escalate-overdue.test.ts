import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { PBG_REQUEST as PBG, submitRequest } from '../../../testing/requests.js';
import { useHarness } from '../../../testing/use-harness.js';
import { escalateOverdueRequests } from './escalate-overdue.js';

describe.each(testDatabaseKinds())('escalation job on %s', (kind) => {
  const { h, t } = useHarness(kind, { seed: 'demo', login: ['warga'] });

  it('escalates a newer overdue request behind more parked rows than one batch', async () => {
    const filed = await submitRequest(h, PBG, t.warga);
    const { trackingCode } = filed.body.data.submitServiceRequest.request;
    const template = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode } });
    // 105 older requests, each already escalated for the deadline it missed and moved back to
    // SUBMITTED by a supervisor: the job must skip them in its query, not in its loop.
    const { id: _id, trackingCode: _code, attributeValues, ...row } = template;
    await h.db.prisma.serviceRequest.createMany({
      data: Array.from({ length: 105 }, (_, n) => ({
        ...row,
        attributeValues: attributeValues as object,
        trackingCode: `SWL-1999-${String(n).padStart(6, '0')}`,
        idempotencyKey: null,
        submittedAt: new Date(template.submittedAt.getTime() - (n + 1) * 60_000),
        escalatedDueOn: template.verificationDueOn,
      })),
    });
    const later = new Date(Date.now() + 30 * 86_400_000);
    const run = await escalateOverdueRequests(h.db.prisma, { now: later });
    expect(run.locked).toBe(true);
    expect(run.escalated).toContain(trackingCode);
    expect(run.escalated.filter((code) => code.startsWith('SWL-1999-'))).toEqual([]);
    expect(await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode } })).toMatchObject({
      state: 'ESCALATED',
    });
    const parked = await h.db.prisma.serviceRequest.count({
      where: { trackingCode: { startsWith: 'SWL-1999-' }, state: 'SUBMITTED' },
    });
    expect(parked).toBe(105);
  });

  it('pages past a full batch: every overdue request is escalated in one run', async () => {
    const codes: string[] = [];
    for (let n = 0; n < 5; n++) {
      const filed = await submitRequest(h, { ...PBG, text: `${PBG.text} (${n})` }, t.warga);
      codes.push(filed.body.data.submitServiceRequest.request.trackingCode);
    }
    const later = new Date(Date.now() + 30 * 86_400_000);
    const run = await escalateOverdueRequests(h.db.prisma, { now: later, batchSize: 2 });
    expect(run.escalated).toEqual(expect.arrayContaining(codes));
    expect((await escalateOverdueRequests(h.db.prisma, { now: later, batchSize: 2 })).escalated).toEqual([]);
  });
});
