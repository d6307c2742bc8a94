// Walks the authorization matrix (testing/authz-matrix/) against the running schema: every operation
// must have a decision for every role, and every decision is checked by calling the operation.
import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@layanan/db/testing';
import { isInterfaceType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from './graphql/schema.js';
import { typesWithVisibility } from './platform/visibility.js';
import { registeredCitizen } from './testing/accounts.js';
import {
  AUTHZ_MATRIX,
  type Decision,
  type Fixtures,
  globalId,
  type MatrixEntry,
  NODE_MATRIX,
  type NodeEntry,
  ROLES,
  type Role,
} from './testing/authz-matrix/index.js';
import { createHarness, type Harness } from './testing/harness.js';

const KINDS = ['query', 'mutation', 'subscription'] as const;
type Kind = (typeof KINDS)[number];

function schemaOperations(kind: Kind): string[] {
  const type =
    kind === 'query'
      ? schema.getQueryType()
      : kind === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return Object.keys(type?.getFields() ?? {}).sort();
}

const outcomeOf = (d: Decision) => (typeof d === 'string' ? d : d[0]);

/** The object types implementing Node, from the schema itself. */
function nodeTypes(): string[] {
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) throw new Error('the schema has no Node interface');
  return schema
    .getImplementations(node)
    .objects.map((t) => t.name)
    .sort();
}
const ERROR_MEMBER = /Error$|^AuthenticationFailed$/;
const ACCOUNT_ROLES = ROLES.filter((r) => r !== 'anonymous' && r !== 'system');

/**
 * The code a denial carries: an operation some account may do answers a caller who is not signed
 * in with UNAUTHENTICATED ("sign in to …"), everything else with FORBIDDEN.
 */
const denialCode = (entry: { roles: Record<Role, Decision> }, role: Role) =>
  role === 'anonymous' && ACCOUNT_ROLES.some((r) => outcomeOf(entry.roles[r]) !== 'denied')
    ? 'UNAUTHENTICATED'
    : 'FORBIDDEN';

describe('authorization matrix coverage', () => {
  for (const kind of KINDS) {
    it(`names every ${kind} operation of the schema, and only those`, () => {
      const inSchema = schemaOperations(kind);
      const inMatrix = Object.keys(AUTHZ_MATRIX[kind]).sort();
      const missing = inSchema.filter((op) => !inMatrix.includes(op));
      const extra = inMatrix.filter((op) => !inSchema.includes(op));
      expect(
        missing,
        `${kind} operations without an authorization decision: add an entry for each to AUTHZ_MATRIX.${kind} in apps/gateway/src/testing/authz-matrix/ (format in model.ts)`,
      ).toEqual([]);
      expect(
        extra,
        `AUTHZ_MATRIX.${kind} names operations the schema does not have: remove or rename them in apps/gateway/src/testing/authz-matrix/`,
      ).toEqual([]);
    });
  }

  it('samples every node type of the schema in NODE_MATRIX (node and nodes), and only those', () => {
    const inMatrix = [...new Set(Object.values(NODE_MATRIX).map((e) => e.type))].sort();
    expect(
      inMatrix,
      'node types without a NODE_MATRIX entry: add one to apps/gateway/src/testing/authz-matrix/nodes.ts',
    ).toEqual(nodeTypes());
    for (const [name, entry] of Object.entries(NODE_MATRIX)) {
      for (const role of ROLES) expect(entry.roles[role], `node ${name} ${role}`).toBeDefined();
      expect(['allowed', 'denied']).toEqual(
        expect.arrayContaining([...new Set(ROLES.map((r) => outcomeOf(entry.roles[r])))]),
      );
    }
  });

  it('has a visibility rule for every node type (nodeVisibility beside its definition)', () => {
    expect(
      typesWithVisibility(),
      'declare `nodeVisibility(Ref, rule)` beside each builder.prismaNode (graphql/node-visibility.ts)',
    ).toEqual(nodeTypes());
  });

  it('has a decision for every role of every entry, and a check for every filtered one', () => {
    for (const kind of KINDS) {
      for (const [op, entry] of Object.entries(AUTHZ_MATRIX[kind])) {
        for (const role of ROLES) expect(entry.roles[role], `${kind} ${op} ${role}`).toBeDefined();
        const filtered = ROLES.some((r) => outcomeOf(entry.roles[r]) === 'filtered');
        if (filtered) expect(entry.check, `${op} has filtered roles but no check`).toBeTypeOf('function');
        expect(
          entry.doc.trimStart().startsWith(kind === 'query' ? '{' : kind) || entry.doc.startsWith(kind),
        ).toBe(true);
      }
    }
  });
});

type Caller = { token?: string; apiKey?: string };

/** Reads the first SSE frame of a subscription, or null when the stream stays open (authorised). */
async function firstFrame(
  h: Harness,
  doc: string,
  variables: Record<string, unknown>,
  caller: Caller,
  waitMs: number,
): Promise<{ status: number; frame: any }> {
  const controller = new AbortController();
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (caller.apiKey) headers['x-api-key'] = caller.apiKey;
  const response = await h.gateway.fetch('http://layanan.test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: doc, variables }),
    signal: controller.signal,
  });
  if (!response.headers.get('content-type')?.includes('text/event-stream')) {
    return { status: response.status, frame: await response.json() };
  }
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs));
  const read = (async () => {
    while (reader) {
      const { value, done } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
      for (const chunk of buffer.split('\n\n')) {
        const data = chunk.split('\n').find((l) => l.startsWith('data:'));
        if (data && data.length > 5) return JSON.parse(data.slice(5));
      }
    }
    return null;
  })().catch(() => null);
  const frame = await Promise.race([read, timeout]);
  controller.abort();
  await reader?.cancel().catch(() => {});
  return { status: response.status, frame };
}

describe.each(testDatabaseKinds())('authorization matrix on %s', (dbKind) => {
  let h: Harness;
  const callers = {} as Record<Role, Caller>;
  let base: Omit<Fixtures, 'role'>;
  let counter = 0;
  const totals = { requests: 0, staffInUnit: 0 };

  beforeAll(async () => {
    h = await createHarness(dbKind);
    const admin = await h.login('admin@layanan.test');
    const warga = await h.login('warga@layanan.test');
    const warga2 = await h.login('warga2@layanan.test');
    const yulia = await h.login('yulia@layanan.test');
    const dewi = await h.login('dewi@layanan.test');
    const hendra = await h.login('hendra@layanan.test');
    const key = await h.gql(
      `mutation { createApiKey(input: { name: "matriks", scopes: ["catalogue:read", "staff:read", "requests:write", "statistics:read"] }) {
        ... on CreateApiKeyPayload { key } } }`,
      {},
      { token: admin },
    );
    Object.assign(callers, {
      anonymous: {},
      citizen: { token: warga },
      otherCitizen: { token: warga2 },
      unitStaff: { token: yulia },
      otherUnitStaff: { token: dewi },
      supervisor: { token: hendra },
      admin: { token: admin },
      system: { apiKey: key.body.data.createApiKey.key },
    });

    const prisma = h.db.prisma;
    const staffOf = async (email: string) => {
      const account = await prisma.account.findUniqueOrThrow({ where: { email }, include: { staff: true } });
      const staff = account.staff;
      if (!staff) throw new Error(`${email} is not linked to staff`);
      return {
        id: Buffer.from(`Staff:${staff.id}`).toString('base64'),
        rawId: staff.id,
        nip: staff.nip,
        unitId: staff.unitId,
      };
    };
    const yuliaStaff = await staffOf('yulia@layanan.test');
    const hendraStaff = await staffOf('hendra@layanan.test');
    const dewiStaff = await staffOf('dewi@layanan.test');
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: yuliaStaff.unitId } });
    const otherUnit = await prisma.unit.findUniqueOrThrow({ where: { id: dewiStaff.unitId } });
    const forum = await prisma.forum.findFirstOrThrow({
      where: { unitId: unit.id },
      orderBy: { slug: 'asc' },
    });
    const service = await prisma.service.findUniqueOrThrow({ where: { code: 'PBG' } });
    expect(service.unitId).toBe(unit.id);
    const gid = globalId;

    const must = async (
      doc: string,
      variables: Record<string, unknown>,
      token: string,
      pick: (d: any) => any,
    ) => {
      const result = await h.gql(doc, variables, { token });
      const value = result.body.data ? pick(result.body.data) : undefined;
      if (value === undefined || value === null)
        throw new Error(`fixture ${doc}: ${JSON.stringify(result.body)}`);
      return value;
    };
    const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
    const submission = async () => ({
      id: await must(
        `mutation($input: SubmitToForumInput!) { submitToForum(input: $input) { ... on SubmissionPayload { submission { id } } ... on Failure { code message } } }`,
        {
          input: {
            forumId: gid('Forum', forum.id),
            kind: 'ASPIRATION',
            title: 'Usulan uji matriks',
            text: 'Usulan uji',
          },
        },
        warga,
        (d) => d.submitToForum.submission?.id,
      ),
    });

    const acceptedSubmission = async () => {
      const { id } = await submission();
      await must(
        `mutation($id: ID!) { answerSubmission(input: { submissionId: $id, status: ACCEPTED, reason: "Diterima" }) { __typename } }`,
        { id },
        admin,
        (d) => (d.answerSubmission.__typename === 'SubmissionPayload' ? true : null),
      );
      return { id };
    };

    const mapped = await prisma.skmCompetencyMapping.findMany({
      where: { element: 'WAKTU' },
      include: { competency: true },
    });
    const skmMapping = { element: 'WAKTU', competencyCodes: mapped.map((m) => m.competency.code) };
    const unpublished = await prisma.service.create({
      data: {
        code: 'UJI-TERTUTUP',
        name: 'Layanan belum terbit',
        description: 'Uji',
        kind: 'PERMIT',
        unitId: unit.id,
        completionDays: 5,
        published: false,
      },
    });
    const sampleAction = await prisma.improvementAction.create({
      data: {
        unitId: unit.id,
        periodKey: 'YEAR-2019',
        sourceKey: 'UJI:NODE',
        kind: 'PROCESS_REVIEW',
        titleId: 'Tindakan uji',
        titleEn: 'Test action',
        reasonId: 'Uji',
        reasonEn: 'Test',
        dueOn: new Date('2030-01-31'),
      },
    });
    const wargaAccount = await prisma.account.findUniqueOrThrow({ where: { email: 'warga@layanan.test' } });
    let actionProgress = 0;
    base = {
      unit: { id: unit.id, code: unit.code },
      otherUnit: { id: otherUnit.id, code: otherUnit.code },
      staff: {
        unitStaff: { id: yuliaStaff.id, rawId: yuliaStaff.rawId, nip: yuliaStaff.nip },
        supervisor: { id: hendraStaff.id, nip: hendraStaff.nip },
        otherUnitStaff: { id: dewiStaff.id, nip: dewiStaff.nip },
      },
      forum: { id: gid('Forum', forum.id), slug: forum.slug },
      service: {
        id: gid('Service', service.id),
        code: service.code,
        attributes: { nik: '1373010101900001', kecamatan: 'TALAWI', luas_bangunan: 80, fungsi: 'USAHA' },
      },
      totals,
      unique,
      nip: () => `19900101201501${1}${String(100 + (counter++ % 900)).padStart(3, '0')}`,
      request: async () =>
        must(
          `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
            ... on ServiceRequestPayload { request { id trackingCode version } } } }`,
          {
            input: {
              serviceCode: service.code,
              text: 'Izin bangunan uji',
              attributes: {
                nik: '1373010101900001',
                kecamatan: 'TALAWI',
                luas_bangunan: 80,
                fungsi: 'USAHA',
              },
              idempotencyKey: `fx-${unique()}`,
            },
          },
          warga,
          (d) => d.submitServiceRequest.request,
        ),
      submission,
      acceptedSubmission,
      requestDocument: async () => {
        const { trackingCode } = await base.request();
        const request = await prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode } });
        const file = await prisma.attachment.create({
          data: {
            sha256: '0'.repeat(64),
            size: 1,
            mediaType: 'application/pdf',
            fileName: 'ktp.pdf',
            purpose: 'FILING',
            requestId: request.id,
          },
        });
        return { attachmentId: file.id };
      },
      completedRequest: async () => {
        const { trackingCode } = await base.request();
        let version = 1;
        for (const to of ['VERIFIED', 'IN_PROGRESS', 'COMPLETED']) {
          await must(
            `mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) {
              ... on ServiceRequestPayload { request { state } } ... on Failure { code message } } }`,
            { input: { trackingCode, to, expectedVersion: version } },
            yulia,
            (d) => (d.transitionServiceRequest.request?.state === to ? true : null),
          );
          version += 1;
        }
        return { trackingCode };
      },
      issuedDocument: async () => {
        const { trackingCode } = await base.completedRequest();
        const document = await prisma.issuedDocument.findFirstOrThrow({
          where: { request: { trackingCode } },
        });
        return { number: document.number };
      },
      improvementAction: async () => {
        const id = await must(
          `mutation($unit: String!) { generateImprovementActions(unitCode: $unit, period: { kind: YEAR, year: 2026 }) {
            ... on GenerateImprovementActionsPayload { data { actions { id } } } ... on Failure { code message } } }`,
          { unit: unit.code },
          admin,
          (d) => d.generateImprovementActions.data?.actions[0]?.id,
        );
        actionProgress = Math.min(actionProgress + 5, 95);
        return { id, progress: actionProgress };
      },
      skmMapping,
      commitment: async () => ({
        id: await must(
          `mutation($input: CreateCommitmentInput!) { createCommitment(input: $input) { ... on CommitmentPayload { commitment { id } } ... on Failure { code message } } }`,
          {
            input: {
              submissionId: (await acceptedSubmission()).id,
              description: 'Tindak lanjut uji',
              dueOn: '2030-06-28',
              responsibleStaffId: yuliaStaff.id,
            },
          },
          admin,
          (d) => d.createCommitment.commitment?.id,
        ),
      }),
      forumSession: async () => ({
        id: await must(
          `mutation($input: ScheduleForumSessionInput!) { scheduleForumSession(input: $input) { ... on ForumSessionPayload { session { id } } } }`,
          {
            input: {
              forumId: gid('Forum', forum.id),
              title: 'Sesi uji',
              agenda: 'Uji',
              place: 'Balai kota',
              startsAt: '2026-03-04T02:00:00Z',
              representativeIds: [hendraStaff.id],
            },
          },
          admin,
          (d) => d.scheduleForumSession.session?.id,
        ),
      }),
      holiday: async () => {
        const day = new Date(Date.UTC(2033, 0, 1) + (counter++ % 700) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        return {
          id: await must(
            `mutation($date: Day!) { addHoliday(input: { date: $date, kind: CUTI_BERSAMA, name: "Uji", provisional: true }) {
              ... on HolidayPayload { holiday { id } } } }`,
            { date: day },
            admin,
            (d) => d.addHoliday.holiday?.id,
          ),
        };
      },
      responseTemplate: async () => ({
        id: await must(
          `mutation($input: CreateResponseTemplateInput!) { createResponseTemplate(input: $input) {
            ... on ResponseTemplatePayload { template { id } } ... on Failure { code message } } }`,
          {
            input: {
              serviceCode: service.code,
              state: 'COMPLETED',
              title: `Templat ${unique()}`,
              body: 'Permohonan {kode} telah selesai.',
            },
          },
          admin,
          (d) => d.createResponseTemplate.template?.id,
        ),
      }),
      apiKey: async () => ({
        id: await must(
          `mutation($name: String!) { createApiKey(input: { name: $name, scopes: ["catalogue:read"] }) { ... on CreateApiKeyPayload { apiKey { id } } } }`,
          { name: `fx-${unique()}` },
          admin,
          (d) => d.createApiKey.apiKey?.id,
        ),
      }),
      auditEntry: async () => ({
        id: await must(
          '{ auditEntries(first: 1) { edges { node { id } } } }',
          {},
          admin,
          (d) => d.auditEntries.edges[0]?.node.id,
        ),
      }),
      notification: async () => {
        await acceptedSubmission();
        return {
          id: await must(
            '{ notifications(first: 1) { edges { node { id } } } }',
            {},
            warga,
            (d) => d.notifications.edges[0]?.node.id,
          ),
        };
      },
      unpublishedService: { id: gid('Service', unpublished.id) },
      sampleImprovementAction: { id: gid('ImprovementAction', sampleAction.id) },
      citizenAccount: { id: gid('Account', wargaAccount.id) },
      account: async () => {
        const identifier = `fx${unique()}@example.org`;
        const password = 'gunung-singgalang-2026';
        const { refreshToken } = await registeredCitizen(h, {
          email: identifier,
          displayName: 'Warga Fixture',
          password,
        });
        return { identifier, password, refreshToken };
      },
    };
    totals.staffInUnit = await prisma.staff.count({ where: { unitId: unit.id, active: true } });
    // Requests of both citizens, so that every filter has something to hide.
    await base.request();
    await h.gql(
      `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { __typename } }`,
      {
        input: {
          serviceCode: service.code,
          text: 'Permohonan warga lain',
          attributes: base.service.attributes,
          idempotencyKey: `fx-${unique()}`,
        },
      },
      { token: warga2 },
    );
    // A request at the other unit, so that a unit's staff see fewer than all (the fixture has no
    // demo requests).
    await h.gql(
      `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { __typename } }`,
      {
        input: {
          serviceCode: 'KTP-EL',
          text: 'KTP saya rusak',
          attributes: { nik: '1373010101900001', alasan: 'RUSAK' },
          idempotencyKey: `fx-${unique()}`,
        },
      },
      { token: warga2 },
    );
    // The unit's open 2025 SKP period that finaliseUnitPeriod closes (the demo seed opened one per unit).
    await prisma.performancePeriod.create({ data: { unitId: unit.id, year: 2025 } });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  const fixturesFor = (role: Role): Fixtures => ({ ...base, role });

  async function verdict(
    kind: Kind,
    op: string,
    entry: MatrixEntry,
    role: Role,
  ): Promise<string | undefined> {
    const decision = entry.roles[role];
    const outcome = outcomeOf(decision);
    const f = fixturesFor(role);
    const variables = (await entry.vars?.(f)) ?? {};
    totals.requests = await h.db.prisma.serviceRequest.count();
    const caller = callers[role];

    if (kind === 'subscription') {
      // A denial arrives as the first frame (waited for up to 10 s on a busy machine); an
      // authorised stream stays open without a frame.
      const waitMs = outcome === 'denied' ? 10_000 : 1000;
      const { status, frame } = await firstFrame(h, entry.doc, variables, caller, waitMs);
      const code = frame?.errors?.[0]?.extensions?.code;
      if (outcome === 'denied') {
        const expected = denialCode(entry, role);
        return code === expected
          ? undefined
          : `expected ${expected} at subscribe, got ${status} ${JSON.stringify(frame)}`;
      }
      return frame === null ? undefined : `expected an open stream, got ${status} ${JSON.stringify(frame)}`;
    }

    const result = await h.gql(entry.doc, variables, caller);
    const errors = result.body.errors ?? [];
    const data = result.body.data?.[op];
    const typename: string | undefined = data && typeof data === 'object' ? data.__typename : undefined;
    const shown = JSON.stringify(result.body).slice(0, 400);
    if (outcome === 'denied') {
      const expected = denialCode(entry, role);
      if (errors.some((e) => e.extensions?.code === expected)) return undefined;
      if (errors.length === 0 && data === null && entry.deniedAs?.includes('null')) return undefined;
      if (errors.length === 0 && typename && entry.deniedAs?.includes(typename)) return undefined;
      return `expected denied (${expected}), got ${result.status} ${shown}`;
    }
    if (errors.length > 0) return `expected ${outcome}, got errors ${shown}`;
    if (data === null || data === undefined) return `expected ${outcome}, got null ${shown}`;
    if (typename && ERROR_MEMBER.test(typename) && !entry.allowedAs?.includes(typename)) {
      return `expected ${outcome}, got ${typename} ${shown}`;
    }
    const problem = entry.check?.(result.body.data, outcome, f);
    return problem ? `${problem} ${shown}` : undefined;
  }

  /** `node` and `nodes` on the sample as `role`: the object, or null exactly as for a missing id. */
  async function nodeVerdict(entry: NodeEntry, role: Role): Promise<string | undefined> {
    const outcome = outcomeOf(entry.roles[role]);
    const id = await entry.id(fixturesFor(role));
    const missing = globalId(entry.type, randomUUID());
    const result = await h.gql(
      'query($id: ID!, $missing: ID!) { node(id: $id) { __typename id } nodes(ids: [$id, $missing]) { __typename id } }',
      { id, missing },
      callers[role],
    );
    const shown = JSON.stringify(result.body).slice(0, 400);
    if (result.body.errors?.length) return `expected no error, got ${shown}`;
    const { node, nodes } = result.body.data ?? {};
    if (!Array.isArray(nodes) || nodes.length !== 2 || nodes[1] !== null) {
      return `a missing id must answer null: ${shown}`;
    }
    if (outcome === 'denied') {
      return node === null && nodes[0] === null ? undefined : `expected null, as for a missing id: ${shown}`;
    }
    const same = (n: any) => n?.id === id && n.__typename === entry.type;
    return same(node) && same(nodes[0]) ? undefined : `expected the ${entry.type}: ${shown}`;
  }

  for (const [name, entry] of Object.entries(NODE_MATRIX)) {
    it(`node and nodes: ${name}`, async () => {
      const failures: string[] = [];
      for (const role of ROLES) {
        const problem = await nodeVerdict(entry, role);
        if (problem) failures.push(`${role} (${outcomeOf(entry.roles[role])}): ${problem}`);
      }
      expect(failures).toEqual([]);
    });
  }

  for (const kind of KINDS) {
    for (const [op, entry] of Object.entries(AUTHZ_MATRIX[kind])) {
      it(`${kind} ${op}`, async () => {
        const failures: string[] = [];
        for (const role of ROLES) {
          const problem = await verdict(kind, op, entry, role);
          if (problem) failures.push(`${role} (${outcomeOf(entry.roles[role])}): ${problem}`);
        }
        expect(failures).toEqual([]);
      });
    }
  }
});
