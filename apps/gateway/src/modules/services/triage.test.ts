// Triage tools (issue 20 item 6): handling staff set a request's priority with a reason (the
// queue filters and sorts by it); supervisors and admins keep response templates per service
// and state, which staff pick filled for a request and edit before sending — other units refused.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { PBG_REQUEST, submittedRequest, TRANSITION_REQUEST } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';

const PRIORITY = `mutation($input: SetServiceRequestPriorityInput!) { setServiceRequestPriority(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { version priority priorityReason events { kind internalNote } } }
  ... on ValidationError { code fields { field code } }
  ... on Failure { code }
} }`;
const QUEUE = `query($f: ServiceRequestFilter, $o: ServiceRequestOrder) { serviceRequests(filter: $f, orderBy: $o, first: 50) {
  edges { node { trackingCode priority } }
} }`;
const READ = `query($c: String!, $s: RequestState) { serviceRequest(trackingCode: $c) {
  version priority priorityReason responseTemplates(state: $s) { id state title text }
} }`;
const CREATE = `mutation($input: CreateResponseTemplateInput!) { createResponseTemplate(input: $input) {
  __typename
  ... on ResponseTemplatePayload { template { id state title body service { code } } }
  ... on ValidationError { code messageId messageEn fields { field code messageEn } }
  ... on Failure { code }
} }`;
const UPDATE = `mutation($input: UpdateResponseTemplateInput!) { updateResponseTemplate(input: $input) {
  __typename
  ... on ResponseTemplatePayload { template { id state title body } }
  ... on Failure { code }
} }`;
const DELETE = `mutation($input: DeleteResponseTemplateInput!) { deleteResponseTemplate(input: $input) {
  __typename ... on DeletedResponseTemplate { id } ... on Failure { code }
} }`;
const LIST = `query($s: String!) { responseTemplates(serviceCode: $s) { id title state } }`;

const errorCode = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  body.errors?.[0]?.extensions?.code;

describe.each(testDatabaseKinds())('triage on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'yulia', 'hendra', 'dewi', 'admin'] });

  it('sets an urgent priority with a reason; the queue filters and sorts by it; other units and citizens are refused', async () => {
    const first = await submittedRequest(h, { ...PBG_REQUEST, idempotencyKey: 'tri-1' }, t.warga);
    const urgent = await submittedRequest(h, { ...PBG_REQUEST, idempotencyKey: 'tri-2' }, t.warga);
    const input = { trackingCode: urgent.trackingCode, priority: 'URGENT', expectedVersion: urgent.version };
    for (const token of [t.dewi, t.warga]) {
      const refused = await h.gql(
        PRIORITY,
        { input: { ...input, reason: 'Bangunan hampir roboh.' } },
        { token },
      );
      expect(errorCode(refused.body)).toBe('FORBIDDEN');
    }
    const bare = await h.gql(PRIORITY, { input }, { token: t.yulia });
    expect(bare.body.data.setServiceRequestPriority).toMatchObject({
      __typename: 'ValidationError',
      code: 'PRIORITY_REASON_REQUIRED',
      fields: [{ field: 'reason', code: 'PRIORITY_REASON_REQUIRED' }],
    });
    const reason = 'Bangunan tetangga hampir roboh, mohon didahulukan.';
    const set = await h.gql(PRIORITY, { input: { ...input, reason } }, { token: t.yulia });
    const request = set.body.data.setServiceRequestPriority.request;
    expect(request).toMatchObject({
      version: urgent.version + 1,
      priority: 'URGENT',
      priorityReason: reason,
    });
    expect(request.events.at(-1)).toMatchObject({ kind: 'PRIORITY_SET' });
    expect(request.events.at(-1).internalNote).toContain(reason);
    const stale = await h.gql(PRIORITY, { input: { ...input, reason } }, { token: t.yulia });
    expect(stale.body.data.setServiceRequestPriority.__typename).toBe('ConflictError');

    const filtered = await h.gql(QUEUE, { f: { priority: 'URGENT' } }, { token: t.yulia });
    expect(filtered.body.data.serviceRequests.edges.map((e: any) => e.node.trackingCode)).toEqual([
      urgent.trackingCode,
    ]);
    const sorted = await h.gql(QUEUE, { f: { openOnly: true }, o: 'PRIORITY' }, { token: t.yulia });
    const codes = sorted.body.data.serviceRequests.edges.map((e: any) => e.node.trackingCode);
    expect(codes[0]).toBe(urgent.trackingCode);
    expect(codes).toContain(first.trackingCode);
    // The citizen sees the priority but not the staff's reason.
    const own = await h.gql(READ, { c: urgent.trackingCode }, { token: t.warga });
    expect(own.body.data.serviceRequest).toMatchObject({
      priority: 'URGENT',
      priorityReason: null,
      responseTemplates: [],
    });
  });

  it('keeps response templates per service and state; staff pick one filled and edit it before sending; other units refused', async () => {
    const body =
      'Permohonan {kode} ({layanan}) tidak dapat kami proses karena berkas belum lengkap. Salam, {petugas}.';
    const input = { serviceCode: 'pbg', state: 'REJECTED', title: 'Berkas tidak lengkap', body };
    // Staff do not keep templates (supervisors and admins do); a supervisor only those of their unit.
    expect(errorCode((await h.gql(CREATE, { input }, { token: t.yulia })).body)).toBe('FORBIDDEN');
    const otherUnit = await h.gql(
      CREATE,
      { input: { ...input, serviceCode: 'KTP-EL' } },
      { token: t.hendra },
    );
    expect(errorCode(otherUnit.body)).toBe('FORBIDDEN');
    const typo = await h.gql(
      CREATE,
      { input: { ...input, body: 'Halo {nama}, berkas belum lengkap.' } },
      { token: t.hendra },
    );
    expect(typo.body.data.createResponseTemplate).toMatchObject({
      code: 'RESPONSE_TEMPLATE_PLACEHOLDER_UNKNOWN',
      fields: [{ field: 'body' }],
    });
    // Both messages name the placeholder to correct.
    const named = typo.body.data.createResponseTemplate;
    expect(named.messageId).toContain('{nama}');
    expect(named.messageEn).toContain('{nama}');
    expect(named.fields[0].messageEn).toContain('{nama}');
    const short = await h.gql(CREATE, { input: { ...input, title: 'ok' } }, { token: t.hendra });
    expect(short.body.data.createResponseTemplate).toMatchObject({ code: 'RESPONSE_TEMPLATE_TITLE_INVALID' });
    const created = await h.gql(CREATE, { input }, { token: t.hendra });
    const template = created.body.data.createResponseTemplate.template;
    expect(template).toMatchObject({
      state: 'REJECTED',
      title: 'Berkas tidak lengkap',
      body,
      service: { code: 'PBG' },
    });
    const admins = await h.gql(
      CREATE,
      {
        input: {
          ...input,
          serviceCode: 'KTP-EL',
          title: 'Data belum sesuai',
          body: 'Data {kode} belum sesuai.',
        },
      },
      { token: t.admin },
    );
    const ktp = admins.body.data.createResponseTemplate.template;

    // Staff of the unit read them; another unit's staff are refused.
    const listed = await h.gql(LIST, { s: 'PBG' }, { token: t.yulia });
    expect(listed.body.data.responseTemplates).toEqual([
      { id: template.id, title: 'Berkas tidak lengkap', state: 'REJECTED' },
    ]);
    expect(errorCode((await h.gql(LIST, { s: 'PBG' }, { token: t.dewi })).body)).toBe('FORBIDDEN');
    for (const token of [t.hendra, t.yulia]) {
      const u = await h.gql(
        UPDATE,
        { input: { id: ktp.id, state: 'REJECTED', title: 'Diubah', body: 'Data {kode} diubah.' } },
        { token },
      );
      expect(errorCode(u.body)).toBe('FORBIDDEN');
      expect(errorCode((await h.gql(DELETE, { input: { id: ktp.id } }, { token })).body)).toBe('FORBIDDEN');
    }

    // Picked for a request: filled with its code, service and assignee; only its service's, for the asked state.
    const req = await submittedRequest(h, { ...PBG_REQUEST, idempotencyKey: 'tri-3' }, t.warga);
    const read = await h.gql(READ, { c: req.trackingCode, s: 'REJECTED' }, { token: t.yulia });
    const [picked] = read.body.data.serviceRequest.responseTemplates;
    expect(read.body.data.serviceRequest.responseTemplates).toHaveLength(1);
    expect(picked.text).toContain(`Permohonan ${req.trackingCode} (`);
    expect(picked.text).not.toContain('{');
    const none = await h.gql(READ, { c: req.trackingCode, s: 'COMPLETED' }, { token: t.yulia });
    expect(none.body.data.serviceRequest.responseTemplates).toEqual([]);
    // Edited and sent as the rejection's public note.
    const edited = `${picked.text} Mohon lengkapi gambar teknis.`;
    const rejected = await h.gql(
      TRANSITION_REQUEST,
      {
        input: {
          trackingCode: req.trackingCode,
          to: 'REJECTED',
          expectedVersion: req.version,
          publicNote: edited,
        },
      },
      { token: t.yulia },
    );
    expect(rejected.body.data.transitionServiceRequest.__typename).toBe('ServiceRequestPayload');
    const trail = await h.db.prisma.requestEvent.findFirstOrThrow({
      where: { request: { trackingCode: req.trackingCode }, toState: 'REJECTED' },
    });
    expect(trail.publicNote).toBe(edited);

    // Update and delete by the unit's supervisor; audited.
    const updated = await h.gql(
      UPDATE,
      { input: { id: template.id, state: 'RETURNED_TO_CITIZEN', title: 'Lengkapi berkas', body } },
      { token: t.hendra },
    );
    expect(updated.body.data.updateResponseTemplate.template).toMatchObject({ state: 'RETURNED_TO_CITIZEN' });
    const deleted = await h.gql(DELETE, { input: { id: template.id } }, { token: t.hendra });
    expect(deleted.body.data.deleteResponseTemplate).toEqual({
      __typename: 'DeletedResponseTemplate',
      id: template.id,
    });
    expect(await h.db.prisma.responseTemplate.count({ where: { id: template.id } })).toBe(0);
    const audits = await h.db.prisma.auditEntry.findMany({
      where: { entityId: template.id },
      select: { action: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(audits.map((a) => a.action)).toEqual([
      'createResponseTemplate',
      'updateResponseTemplate',
      'deleteResponseTemplate',
    ]);
  });
});
