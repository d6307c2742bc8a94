import { testDatabaseKinds } from '@layanan/db/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../app/gateway.js';
import { createLayananPubSub, type PubSubHandle } from '../../app/pubsub.js';
import {
  PBG_REQUEST as PBG,
  SUBMIT_REQUEST as SUBMIT,
  TRANSITION_REQUEST as TRANSITION,
} from '../../testing/requests.js';
import { subscribe } from '../../testing/sse.js';
import { useHarness } from '../../testing/use-harness.js';
import { escalateOverdueRequests } from './commands/escalate-overdue.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDatabaseKinds())('request updates on %s', (kind) => {
  const events = createLayananPubSub();
  const { h, t } = useHarness(kind, { pubsub: events.pubsub, login: ['warga', 'yulia'] });

  it("delivers an update to the request's owner and to the unit's staff", async () => {
    const created = await h.gql(SUBMIT, { input: PBG }, { token: t.warga });
    const { trackingCode } = created.body.data.submitServiceRequest.request;
    const unit = await h.db.prisma.unit.findUniqueOrThrow({ where: { code: 'DPMPTSP' } });
    const owner = subscribe(
      h.gateway,
      'subscription($c: String!) { requestUpdated(trackingCode: $c) { trackingCode state version } }',
      { c: trackingCode },
      t.warga,
    );
    const staff = subscribe(
      h.gateway,
      'subscription($u: ID!) { unitRequestUpdates(unitId: $u) { trackingCode state } }',
      { u: unit.id },
      t.yulia,
    );
    await pause(300);
    const moved = await h.gql(
      TRANSITION,
      { input: { trackingCode, to: 'VERIFIED', expectedVersion: 1 } },
      { token: t.yulia },
    );
    expect(moved.body.data.transitionServiceRequest.__typename).toBe('ServiceRequestPayload');
    const [first] = await owner.next(1);
    const [unitFirst] = await staff.next(1);
    await Promise.all([owner.close(), staff.close()]);
    expect(first.data.requestUpdated).toEqual({ trackingCode, state: 'VERIFIED', version: 2 });
    expect(unitFirst.data.unitRequestUpdates).toEqual({ trackingCode, state: 'VERIFIED' });
  });

  it("refuses a subscription to another citizen's request", async () => {
    const created = await h.gql(SUBMIT, { input: PBG }, { token: t.warga });
    const other = await h.login('warga2@layanan.test');
    const sub = subscribe(
      h.gateway,
      'subscription($c: String!) { requestUpdated(trackingCode: $c) { state } }',
      { c: created.body.data.submitServiceRequest.request.trackingCode },
      other,
    );
    const [first] = await sub.next(1);
    await sub.close();
    expect(first.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('escalates overdue requests to the supervisor once, under a lock, and publishes it', async () => {
    const created = await h.gql(SUBMIT, { input: PBG }, { token: t.warga });
    const { trackingCode } = created.body.data.submitServiceRequest.request;
    // Verification was due three working days after submission; a month later it is overdue.
    const later = new Date(Date.now() + 30 * 86_400_000);
    const sub = subscribe(
      h.gateway,
      'subscription($c: String!) { requestUpdated(trackingCode: $c) { state } }',
      { c: trackingCode },
      t.warga,
    );
    await pause(300);
    const [a, b] = await Promise.all([
      escalateOverdueRequests(h.db.prisma, { now: later, pubsub: events.pubsub }),
      escalateOverdueRequests(h.db.prisma, { now: later, pubsub: events.pubsub }),
    ]);
    const first = [...a.escalated, ...b.escalated];
    expect(first.filter((c) => c === trackingCode)).toHaveLength(1);
    const again = await escalateOverdueRequests(h.db.prisma, { now: later });
    expect(again.escalated).not.toContain(trackingCode);
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({
      where: { trackingCode },
      include: { events: { orderBy: { sequence: 'asc' } } },
    });
    const hendra = await h.db.prisma.staff.findUniqueOrThrow({ where: { nip: '197805142005011002' } });
    expect(row.state).toBe('ESCALATED');
    expect(row.assigneeStaffId).toBe(hendra.id);
    expect(row.events.at(-1)).toMatchObject({ actorKind: 'SYSTEM', toState: 'ESCALATED' });
    const [update] = await sub.next(1);
    await sub.close();
    expect(update.data.requestUpdated).toEqual({ state: 'ESCALATED' });
  });

  it.runIf(kind === 'postgresql')('shares updates between two gateway instances through Redis', async () => {
    const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const handles: PubSubHandle[] = [createLayananPubSub(url), createLayananPubSub(url)];
    const [ha, hb] = handles as [PubSubHandle, PubSubHandle];
    const log = pino({ level: 'silent' });
    const a = createGateway({ db: h.db, config: h.config, log, pubsub: ha.pubsub });
    const b = createGateway({ db: h.db, config: h.config, log, pubsub: hb.pubsub });
    try {
      const submitted = await a.fetch('http://layanan.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.warga}` },
        body: JSON.stringify({ query: SUBMIT, variables: { input: PBG } }),
      });
      const { trackingCode } = ((await submitted.json()) as any).data.submitServiceRequest.request;
      const sub = subscribe(
        b,
        'subscription($c: String!) { requestUpdated(trackingCode: $c) { trackingCode state } }',
        { c: trackingCode },
        t.warga,
      );
      await pause(500);
      const moved = await a.fetch('http://layanan.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.yulia}` },
        body: JSON.stringify({
          query: TRANSITION,
          variables: { input: { trackingCode, to: 'VERIFIED', expectedVersion: 1 } },
        }),
      });
      expect(((await moved.json()) as any).data.transitionServiceRequest.__typename).toBe(
        'ServiceRequestPayload',
      );
      const [first] = await sub.next(1);
      await sub.close();
      expect(first?.data.requestUpdated).toEqual({ trackingCode, state: 'VERIFIED' });
    } finally {
      await Promise.all(handles.map((x) => x.close()));
    }
  });
});
