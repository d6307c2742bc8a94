import { testDatabaseKinds } from '@layanan/db/testing';
import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../graphql/schema.js';
import { PBG_REQUEST as PBG, submitRequest, transitionRequest } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';

// Tracking codes are sequential, so anyone can try them: what a code opens to anyone is the state,
// the dates and the service, never the text, the attributes (NIK), notes, names or places. A new
// field on the public types must be added here on purpose.
describe('public tracking by code', () => {
  const fieldsOf = (name: string) => {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
    return Object.keys(type.getFields()).sort();
  };

  it('shows states and dates only (RequestStatus and its trail)', () => {
    // Plus, issue 20: the original a duplicate was merged into (a tracking code) and whether the
    // caller follows it — nothing of anyone else.
    expect(fieldsOf('RequestStatus')).toEqual([
      'completionDueOn',
      'duplicateOfCode',
      'followedByMe',
      'open311Status',
      'overdue',
      'service',
      'standardTime',
      'state',
      'stateLabel',
      'submittedAt',
      'timeliness',
      'timelinessLabel',
      'trackingCode',
      'trail',
      'verificationDueOn',
    ]);
    expect(fieldsOf('PublicRequestEvent')).toEqual(['at', 'toState']);
  });
});

describe.each(testDatabaseKinds())('service requests on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'warga2', 'yulia', 'hendra'] });

  const submit = (input: Record<string, unknown>, token: string) => submitRequest(h, input, token);
  const transition = (input: Record<string, unknown>, token: string) => transitionRequest(h, input, token);

  it('validates attributes with field errors in both languages', async () => {
    const { body } = await submit(
      { ...PBG, text: ' ', attributes: { nik: '1', luas_bangunan: 'besar', fungsi: 'PABRIK', warna: 'x' } },
      t.warga,
    );
    const r = body.data.submitServiceRequest;
    expect(r.__typename).toBe('ValidationError');
    expect(r.messageId).toMatch(/tidak valid/);
    expect(r.messageEn).toMatch(/invalid/);
    expect(r.fields.map((f: any) => `${f.field}:${f.code}`).sort()).toEqual([
      'attributes.fungsi:NOT_ALLOWED',
      'attributes.kecamatan:REQUIRED',
      'attributes.luas_bangunan:INVALID_TYPE',
      'attributes.nik:INVALID_FORMAT',
      'attributes.warna:UNKNOWN_FIELD',
      'text:REQUIRED',
    ]);
  });

  it('lives a full life from submission to completion, with deadlines, routing and a trail', async () => {
    const created = await submit({ ...PBG, idempotencyKey: 'life-1' }, t.warga);
    const req = created.body.data.submitServiceRequest.request;
    expect(req.trackingCode).toMatch(/^SWL-\d{4}-\d{6}$/);
    expect(req).toMatchObject({
      state: 'SUBMITTED',
      version: 1,
      channel: 'ONLINE',
      originalText: PBG.text,
      serviceVersion: { version: 1 },
    });
    expect(req.attributeValues).toEqual({ ...PBG.attributes, luas_bangunan: 120 });
    // PBG needs PERIZINAN level 3: Hendra (4) and Yulia (3) qualify, Rahmat (2) does not.
    expect(['Hendra Gunawan, S.E., M.M.', 'Yulia Fitri, S.T.']).toContain(req.assignee.name);
    expect(req.verificationDueOn > new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)).toBe(true);

    const code = req.trackingCode;
    const verified = await transition(
      { trackingCode: code, to: 'VERIFIED', expectedVersion: 1, internalNote: 'Berkas lengkap' },
      t.yulia,
    );
    expect(verified.body.data.transitionServiceRequest.request).toMatchObject({
      state: 'VERIFIED',
      version: 2,
    });
    expect(verified.body.data.transitionServiceRequest.request.completionDueOn).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );

    const illegal = await transition({ trackingCode: code, to: 'COMPLETED', expectedVersion: 2 }, t.yulia);
    expect(illegal.body.data.transitionServiceRequest).toMatchObject({
      __typename: 'RequestTransitionError',
      code: 'REQUEST_TRANSITION_NOT_ALLOWED',
      from: 'VERIFIED',
      to: 'COMPLETED',
    });

    const byCitizen = await transition(
      { trackingCode: code, to: 'IN_PROGRESS', expectedVersion: 2 },
      t.warga,
    );
    expect(byCitizen.body.data.transitionServiceRequest.code).toBe('REQUEST_ACTOR_NOT_ALLOWED');

    await transition({ trackingCode: code, to: 'IN_PROGRESS', expectedVersion: 2 }, t.yulia);
    const returned = await transition(
      { trackingCode: code, to: 'RETURNED_TO_CITIZEN', expectedVersion: 3 },
      t.yulia,
    );
    expect(returned.body.data.transitionServiceRequest.code).toBe('REQUEST_REASON_REQUIRED');
    await transition(
      {
        trackingCode: code,
        to: 'RETURNED_TO_CITIZEN',
        expectedVersion: 3,
        publicNote: 'Lampirkan gambar teknis',
      },
      t.yulia,
    );
    await transition(
      { trackingCode: code, to: 'SUBMITTED', expectedVersion: 4, publicNote: 'Sudah saya lampirkan' },
      t.warga,
    );
    await transition({ trackingCode: code, to: 'VERIFIED', expectedVersion: 5 }, t.yulia);
    await transition({ trackingCode: code, to: 'IN_PROGRESS', expectedVersion: 6 }, t.yulia);
    const done = await transition(
      { trackingCode: code, to: 'COMPLETED', expectedVersion: 7, publicNote: 'PBG terbit' },
      t.hendra,
    );
    expect(done.body.data.transitionServiceRequest.request).toMatchObject({ state: 'COMPLETED', version: 8 });
    const closed = await transition({ trackingCode: code, to: 'IN_PROGRESS', expectedVersion: 8 }, t.yulia);
    expect(closed.body.data.transitionServiceRequest.code).toBe('REQUEST_ALREADY_CLOSED');

    const own = await h.gql(
      'query($c: String!) { serviceRequest(trackingCode: $c) { originalText events { sequence toState actorKind publicNote internalNote } } }',
      { c: code.toLowerCase() },
      { token: t.warga },
    );
    const events = own.body.data.serviceRequest.events;
    expect(events.map((e: any) => e.toState)).toEqual([
      'SUBMITTED',
      'VERIFIED',
      'IN_PROGRESS',
      'RETURNED_TO_CITIZEN',
      'SUBMITTED',
      'VERIFIED',
      'IN_PROGRESS',
      'COMPLETED',
    ]);
    expect(events[1].internalNote).toBeNull(); // internal notes are staff-only
    expect(own.body.data.serviceRequest.originalText).toBe(PBG.text);

    const status = await h.gql(
      'query($c: String!) { requestStatus(trackingCode: $c) { state open311Status trail { toState } } }',
      { c: code },
    );
    expect(status.body.data.requestStatus).toMatchObject({ state: 'COMPLETED', open311Status: 'closed' });
    expect(status.body.data.requestStatus.trail.map((e: any) => e.toState)).toEqual(
      events.map((e: any) => e.toState),
    );
  });

  it('lets exactly one of two concurrent transitions win; the other gets a typed conflict', async () => {
    const created = await submit({ ...PBG, idempotencyKey: 'race-1' }, t.warga);
    const code = created.body.data.submitServiceRequest.request.trackingCode;
    const results = await Promise.all([
      transition({ trackingCode: code, to: 'VERIFIED', expectedVersion: 1 }, t.yulia),
      transition(
        { trackingCode: code, to: 'REJECTED', expectedVersion: 1, publicNote: 'Bukan wewenang kami' },
        t.hendra,
      ),
    ]);
    const kinds = results.map((r) => r.body.data.transitionServiceRequest.__typename).sort();
    expect(kinds).toEqual(['ConflictError', 'ServiceRequestPayload']);
    const loser = results.find((r) => r.body.data.transitionServiceRequest.__typename === 'ConflictError');
    expect(loser?.body.data.transitionServiceRequest).toMatchObject({ code: 'REQUEST_VERSION_CONFLICT' });
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({
      where: { trackingCode: code },
      include: { events: true },
    });
    expect(row.version).toBe(2);
    expect(row.events).toHaveLength(2);
  });

  it('returns the same request for a retried submission with the same idempotency key', async () => {
    const [a, b] = await Promise.all([
      submit({ ...PBG, idempotencyKey: 'retry-7' }, t.warga2),
      submit({ ...PBG, idempotencyKey: 'retry-7' }, t.warga2),
    ]);
    const c = await submit({ ...PBG, idempotencyKey: 'retry-7' }, t.warga2);
    const ids = [a, b, c].map((r) => r.body.data.submitServiceRequest.request.trackingCode);
    expect(new Set(ids).size).toBe(1);
    expect(await h.db.prisma.serviceRequest.count({ where: { idempotencyKey: 'retry-7' } })).toBe(1);
  });

  it('refuses an idempotency key reused for a different request with a typed conflict', async () => {
    const first = await submit({ ...PBG, idempotencyKey: 'reuse-1' }, t.warga2);
    expect(first.body.data.submitServiceRequest.__typename).toBe('ServiceRequestPayload');
    const changes = [
      { ...PBG, text: `${PBG.text} Ditambah satu kamar.` },
      { ...PBG, attributes: { ...PBG.attributes, luas_bangunan: '90' } },
      { ...PBG, serviceCode: 'KK' },
      { ...PBG, text: '' },
    ];
    for (const changed of changes) {
      const again = await h.gql(
        `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
          __typename ... on ConflictError { code messageId messageEn } } }`,
        { input: { ...changed, idempotencyKey: 'reuse-1' } },
        { token: t.warga2 },
      );
      expect(again.body.data.submitServiceRequest).toMatchObject({
        __typename: 'ConflictError',
        code: 'IDEMPOTENCY_KEY_REUSED',
        messageEn: expect.stringMatching(/different request/),
      });
    }
    // Attribute order and surrounding spaces do not make a different request.
    const { nik, ...rest } = PBG.attributes;
    const same = await submit(
      { ...PBG, attributes: { ...rest, nik }, idempotencyKey: ' reuse-1 ' },
      t.warga2,
    );
    expect(same.body.data.submitServiceRequest.request.trackingCode).toBe(
      first.body.data.submitServiceRequest.request.trackingCode,
    );
  });

  it('checks identity numbers and dates as the catalogue defines them, and says what it asks', async () => {
    const bad = await submit({ ...PBG, attributes: { ...PBG.attributes, nik: '12345' } }, t.warga);
    expect(bad.body.data.submitServiceRequest).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ field: 'attributes.nik', code: 'INVALID_FORMAT' }],
    });
    const foreignRegion = await submit(
      { ...PBG, attributes: { ...PBG.attributes, nik: '3171015506900002' } },
      t.warga,
    );
    expect(foreignRegion.body.data.submitServiceRequest.__typename).toBe('ServiceRequestPayload');
    const definition = await h.gql(
      '{ service(code: "PBG") { currentVersion { attributes { code format rule } } } }',
      {},
      { lang: 'en' },
    );
    expect(definition.body.data.service.currentVersion.attributes.find((a: any) => a.code === 'nik')).toEqual(
      { code: 'nik', format: 'NIK', rule: expect.stringMatching(/16 digits/) },
    );
    const open311 = await h.gateway.fetch('http://layanan.test/open311/v2/services/PBG.json');
    const nik = ((await open311.json()) as any).attributes.find((a: any) => a.code === 'nik');
    expect(nik.datatype_description).toMatch(/NIK: 16 angka/);
  });

  it('answers a date attribute that names no day with a field error, never a 500 (GraphQL and Open311)', async () => {
    const birth = { serviceCode: 'AKTA-LAHIR', text: 'Mohon akta kelahiran anak kami.' };
    for (const tanggal_lahir of ['2026-02-30', '2026-13-01T10:00:00+07:00', '0000-01-01']) {
      const attributes = { nik: '1373010101900001', nama_anak: 'Budi', tanggal_lahir };
      const r = await submit({ ...birth, attributes }, t.warga);
      expect(r.status, tanggal_lahir).toBe(200);
      expect(r.body.data.submitServiceRequest, tanggal_lahir).toMatchObject({
        __typename: 'ValidationError',
        fields: [{ field: 'attributes.tanggal_lahir', code: 'OUT_OF_RANGE' }],
      });
    }
    const form = new URLSearchParams({
      service_code: 'AKTA-LAHIR',
      description: 'Mohon akta kelahiran anak kami.',
      'attribute[nik]': '1373010101900001',
      'attribute[nama_anak]': 'Budi',
      'attribute[tanggal_lahir]': '2026-02-30',
      email: 'warga.tanggal@example.test',
    });
    const open311 = await h.gateway.fetch('http://layanan.test/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(open311.status).toBeLessThan(500);
  });

  it('lets the citizen withdraw a request until work starts, and not after', async () => {
    const early = await submit({ ...PBG, idempotencyKey: 'withdraw-early' }, t.warga);
    const earlyReq = early.body.data.submitServiceRequest.request;
    const verified = await transition(
      { trackingCode: earlyReq.trackingCode, to: 'VERIFIED', expectedVersion: 1 },
      t.hendra,
    );
    expect(verified.body.data.transitionServiceRequest.__typename).toBe('ServiceRequestPayload');
    const withdrawn = await transition(
      { trackingCode: earlyReq.trackingCode, to: 'WITHDRAWN', expectedVersion: 2 },
      t.warga,
    );
    expect(withdrawn.body.data.transitionServiceRequest.request).toMatchObject({ state: 'WITHDRAWN' });

    const late = await submit({ ...PBG, idempotencyKey: 'withdraw-late' }, t.warga);
    const code = late.body.data.submitServiceRequest.request.trackingCode;
    await transition({ trackingCode: code, to: 'VERIFIED', expectedVersion: 1 }, t.hendra);
    await transition({ trackingCode: code, to: 'IN_PROGRESS', expectedVersion: 2 }, t.hendra);
    const seen = await h.gql(
      'query($c: String!) { serviceRequest(trackingCode: $c) { state allowedTransitions } }',
      { c: code },
      { token: t.warga },
    );
    expect(seen.body.data.serviceRequest).toEqual({ state: 'IN_PROGRESS', allowedTransitions: [] });
    const refused = await transition({ trackingCode: code, to: 'WITHDRAWN', expectedVersion: 3 }, t.warga);
    expect(refused.body.data.transitionServiceRequest).toMatchObject({
      __typename: 'RequestTransitionError',
      code: 'REQUEST_WITHDRAWAL_TOO_LATE',
    });
  });

  it('never shows a citizen another citizen’s request', async () => {
    const mine = await submit({ ...PBG, idempotencyKey: 'private-1' }, t.warga);
    const code = mine.body.data.submitServiceRequest.request.trackingCode;
    const other = await h.gql(
      'query($c: String!) { serviceRequest(trackingCode: $c) { id } serviceRequests(first: 100) { edges { node { trackingCode } } } }',
      { c: code },
      { token: t.warga2 },
    );
    expect(other.body.data.serviceRequest).toBeNull();
    expect(other.body.data.serviceRequests.edges.map((e: any) => e.node.trackingCode)).not.toContain(code);
    const act = await transition({ trackingCode: code, to: 'WITHDRAWN', expectedVersion: 1 }, t.warga2);
    expect(act.body.data.transitionServiceRequest.__typename).toBe('NotFoundError');
    const otherUnit = await h.login('dewi@layanan.test');
    const dewi = await h.gql(
      'query($c: String!) { serviceRequest(trackingCode: $c) { id } }',
      { c: code },
      { token: otherUnit },
    );
    expect(dewi.body.data.serviceRequest).toBeNull();
  });

  it('lets counter staff file for a citizen and the supervisor reassign', async () => {
    const counter = await submit({ ...PBG, citizenEmail: 'warga2@layanan.test' }, t.yulia);
    const req = counter.body.data.submitServiceRequest.request;
    expect(req.channel).toBe('COUNTER');
    const mine = await h.gql(
      'query($c: String!) { serviceRequest(trackingCode: $c) { trackingCode } }',
      { c: req.trackingCode },
      { token: t.warga2 },
    );
    expect(mine.body.data.serviceRequest.trackingCode).toBe(req.trackingCode);

    const rahmat = await h.db.prisma.staff.findUniqueOrThrow({ where: { nip: '199207082019031004' } });
    const reassigned = await h.gql(
      'mutation($input: ReassignServiceRequestInput!) { reassignServiceRequest(input: $input) { __typename ... on ServiceRequestPayload { request { version assignee { name } } } } }',
      { input: { trackingCode: req.trackingCode, staffId: rahmat.id, expectedVersion: 1 } },
      { token: t.hendra },
    );
    expect(reassigned.body.data.reassignServiceRequest.request).toEqual({
      version: 2,
      assignee: { name: 'Rahmat Hidayat, S.Kom.' },
    });
    const byStaff = await h.gql(
      'mutation($input: ReassignServiceRequestInput!) { reassignServiceRequest(input: $input) { __typename } }',
      { input: { trackingCode: req.trackingCode, staffId: rahmat.id, expectedVersion: 2 } },
      { token: t.yulia },
    );
    expect(byStaff.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps the original text and adds a correction as a new trail entry', async () => {
    const created = await submit({ ...PBG, idempotencyKey: 'correct-1' }, t.warga);
    const code = created.body.data.submitServiceRequest.request.trackingCode;
    const CORRECT = `mutation($input: AddServiceRequestCorrectionInput!) { addServiceRequestCorrection(input: $input) {
      __typename ... on ServiceRequestPayload { request { version originalText events { kind publicNote } } }
      ... on ConflictError { code } ... on ValidationError { fields { field code } } } }`;
    const ok = await h.gql(
      CORRECT,
      { input: { trackingCode: code, expectedVersion: 1, text: 'Luas yang benar 140 m²' } },
      { token: t.warga },
    );
    const r = ok.body.data.addServiceRequestCorrection.request;
    expect(r.version).toBe(2);
    expect(r.originalText).toBe(PBG.text);
    expect(r.events.at(-1)).toEqual({ kind: 'CORRECTION', publicNote: 'Luas yang benar 140 m²' });
    const stale = await h.gql(
      CORRECT,
      { input: { trackingCode: code, expectedVersion: 1, text: 'lagi' } },
      { token: t.warga },
    );
    expect(stale.body.data.addServiceRequestCorrection).toEqual({
      __typename: 'ConflictError',
      code: 'REQUEST_VERSION_CONFLICT',
    });
    const empty = await h.gql(
      CORRECT,
      { input: { trackingCode: code, expectedVersion: 2, text: ' ' } },
      { token: t.warga },
    );
    expect(empty.body.data.addServiceRequestCorrection.fields).toEqual([{ field: 'text', code: 'REQUIRED' }]);
  });

  it('pages the open queue on the server in deadline order: every open request once, none closed', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await submit({ ...PBG, idempotencyKey: `queue-${i}` }, t.warga);
      codes.push(r.body.data.submitServiceRequest.request.trackingCode);
    }
    // One verified (a completion deadline), one closed (rejected), one long overdue.
    await transition({ trackingCode: codes[0], to: 'VERIFIED', expectedVersion: 1 }, t.yulia);
    await transition(
      { trackingCode: codes[1], to: 'REJECTED', expectedVersion: 1, publicNote: 'Bukan wewenang dinas ini' },
      t.yulia,
    );
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: codes[2] },
      data: { verificationDueOn: new Date('2026-01-05T00:00:00Z') },
    });
    const QUEUE = `query($after: String) { serviceRequests(first: 3, after: $after, orderBy: DEADLINE, filter: { openOnly: true }) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { trackingCode state completionDueOn verificationDueOn } } } }`;
    const seen: {
      trackingCode: string;
      state: string;
      completionDueOn: string | null;
      verificationDueOn: string;
    }[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const { body }: { body: any } = await h.gql(QUEUE, { after }, { token: t.hendra });
      const page: any = body.data.serviceRequests;
      total = page.totalCount;
      seen.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((r) => r.trackingCode)).size).toBe(total);
    expect(seen.map((r) => r.trackingCode)).toEqual(expect.arrayContaining([codes[0], codes[2], codes[3]]));
    expect(seen.map((r) => r.trackingCode)).not.toContain(codes[1]);
    expect(seen.every((r) => r.state !== 'REJECTED' && r.state !== 'COMPLETED')).toBe(true);
    // Unverified first by verification due date (the overdue one leads), then verified by completion due date.
    expect(seen[0]!.trackingCode).toBe(codes[2]);
    const unverified = seen.filter((r) => r.completionDueOn === null);
    expect(seen.slice(0, unverified.length)).toEqual(unverified);
    const key = (r: (typeof seen)[number]) => r.completionDueOn ?? r.verificationDueOn;
    const verified = seen.slice(unverified.length).map(key);
    expect(verified).toEqual([...verified].sort());
  });

  it('lists overdue open requests of the unit', async () => {
    const late = await submit({ ...PBG, idempotencyKey: 'late-1' }, t.warga);
    const code = late.body.data.submitServiceRequest.request.trackingCode;
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: code },
      data: { verificationDueOn: new Date('2026-01-05T00:00:00Z') },
    });
    const { body } = await h.gql(
      '{ serviceRequests(first: 500, filter: { overdueOnly: true }) { totalCount edges { node { trackingCode unit { code } verificationOverdue completionOverdue } } } }',
      {},
      { token: t.hendra },
    );
    const nodes = body.data.serviceRequests.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.trackingCode)).toContain(code);
    for (const n of nodes) {
      expect(n.unit.code).toBe('DPMPTSP');
      expect(n.verificationOverdue || n.completionOverdue).toBe(true);
    }
  });
});
