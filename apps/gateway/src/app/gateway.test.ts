import { testDatabaseKinds } from '@layanan/db/testing';
import type { Plugin } from 'graphql-yoga';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createHarness } from '../testing/harness.js';
import { useHarness } from '../testing/use-harness.js';
import { createGateway } from './gateway.js';

describe.each(testDatabaseKinds())('gateway on %s', (kind) => {
  const { h } = useHarness(kind);

  it('answers a trivial query', async () => {
    const { status, body } = await h.gql('{ __typename }');
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves the seeded units, districts and services with their relations', async () => {
    const { body } = await h.gql(`{
      units(first: 10) { totalCount edges { node { code shortName services { totalCount edges { node { code } } } } } }
      districts { name }
      service(code: "ktp-el") { name completionDays costIdr kind unit { code } }
    }`);
    expect(body.errors).toBeUndefined();
    const units = body.data.units.edges.map((e: any) => e.node);
    expect(units.map((u: any) => u.code)).toEqual(
      expect.arrayContaining(['BKPSDM', 'DISDUKCAPIL', 'DISKOMINFO', 'DPMPTSP', 'DPUPR']),
    );
    const dpmptsp = units.find((u: any) => u.code === 'DPMPTSP');
    expect(dpmptsp.services.totalCount).toBe(3);
    expect(body.data.districts.map((d: any) => d.name)).toEqual([
      'Barangin',
      'Lembah Segar',
      'Silungkang',
      'Talawi',
    ]);
    expect(body.data.service).toEqual({
      name: 'Penerbitan KTP Elektronik',
      completionDays: 1,
      costIdr: 0,
      kind: 'REGISTRATION',
      unit: { code: 'DISDUKCAPIL' },
    });
  });

  it('paginates the catalogue with cursors', async () => {
    const first = await h.gql(
      '{ services(first: 3) { pageInfo { hasNextPage endCursor } edges { node { code } } } }',
    );
    const page1 = first.body.data.services;
    expect(page1.edges).toHaveLength(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await h.gql(
      'query($after: String) { services(first: 100, after: $after) { edges { node { code } } } }',
      {
        after: page1.pageInfo.endCursor,
      },
    );
    const codes = [...page1.edges, ...second.body.data.services.edges].map((e: any) => e.node.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(8);
  });

  it('takes extra plugins and the parse cache switch as tuning (used by the bench)', async () => {
    const operations: string[] = [];
    const counting: Plugin = {
      onExecute({ args }) {
        operations.push(args.operationName ?? 'anonymous');
      },
    };
    const tuned = createGateway({
      db: h.db,
      config: h.config,
      log: pino({ level: 'silent' }),
      tuning: { plugins: [counting], parserAndValidationCache: false },
    });
    const ask = async (query: string, operationName?: string) => {
      const response = await tuned.fetch('http://layanan.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, operationName }),
      });
      return (await response.json()) as { data?: unknown; errors?: unknown[] };
    };
    expect(await ask('query One { __typename }', 'One')).toEqual({ data: { __typename: 'Query' } });
    expect(await ask('query Two { __typename }', 'Two')).toEqual({ data: { __typename: 'Query' } });
    // Validation still runs without the cache.
    expect((await ask('{ nope }')).errors).toHaveLength(1);
    expect(operations).toEqual(['One', 'Two']);
  });

  it('answers /healthz and /readyz', async () => {
    const health = await h.gateway.fetch('http://layanan.test/healthz');
    expect(health.status).toBe(200);
    const ready = await h.gateway.fetch('http://layanan.test/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: kind });
  });

  it('identifies the caller from a dev-login token', async () => {
    const anonymous = await h.gql('{ me { kind role account { displayName } } }');
    expect(anonymous.body.data.me).toEqual({ kind: 'ANONYMOUS', role: null, account: null });

    const token = await h.login('hendra@layanan.test');
    const { body } = await h.gql(
      '{ me { kind role account { displayName email } unit { code } } }',
      {},
      { token },
    );
    expect(body.data.me).toEqual({
      kind: 'ACCOUNT',
      role: 'SUPERVISOR',
      account: { displayName: 'Hendra Gunawan', email: 'hendra@layanan.test' },
      unit: { code: 'DPMPTSP' },
    });
  });

  it('rejects a forged or malformed token with 401', async () => {
    const token = await h.login('warga@layanan.test');
    const forged = `${token.slice(0, -4)}AAAA`;
    const result = await h.gql('{ me { kind } }', {}, { token: forged });
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
    expect(result.body.errors?.[0]?.message).toContain('Token akses tidak sah');
  });

  it('reports an unknown dev-login email as NotFoundError', async () => {
    const { body } = await h.gql(
      'mutation { devLogin(email: "nobody@layanan.test") { __typename ... on Failure { code messageId messageEn } } }',
    );
    expect(body.data.devLogin).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });

  it('hides the NIP from the public and shows it to admins and to the person', async () => {
    const query =
      '{ staffMembers(filter: { unitCode: "DPMPTSP", includeSubUnits: false }, first: 100) { edges { node { name nip } } } }';
    const anonymous = await h.gql(query);
    expect(anonymous.body.errors).toBeUndefined();
    const anonNodes = anonymous.body.data.staffMembers.edges.map((e: any) => e.node);
    expect(anonNodes.length).toBeGreaterThanOrEqual(3);
    expect(anonNodes.every((n: any) => n.nip === null)).toBe(true);

    const admin = await h.gql(query, {}, { token: await h.login('admin@layanan.test') });
    expect(admin.body.data.staffMembers.edges.every((e: any) => /^\d{18}$/.test(e.node.nip))).toBe(true);

    const yulia = await h.gql(query, {}, { token: await h.login('yulia@layanan.test') });
    const visible = yulia.body.data.staffMembers.edges.filter((e: any) => e.node.nip !== null);
    expect(visible.map((e: any) => e.node.name)).toEqual(['Yulia Fitri, S.T.']);
  });

  describe('updateService', () => {
    const mutation = `mutation($input: UpdateServiceInput!) {
      updateService(input: $input) {
        __typename
        ... on UpdateServicePayload { service { code completionDays published } pendingChange { state proposedCompletionDays } }
        ... on Failure { code message }
        ... on ValidationError { fields { field code message } }
      }
    }`;
    const auditCount = () => h.db.prisma.auditEntry.count({ where: { action: 'updateService' } });

    it('is denied to anonymous callers and to citizens', async () => {
      const anonymous = await h.gql(mutation, { input: { code: 'PBG', completionDays: 20 } });
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const citizen = await h.gql(
        mutation,
        { input: { code: 'PBG', completionDays: 20 } },
        { token: await h.login('warga@layanan.test') },
      );
      expect(citizen.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('lets a supervisor propose a change of a service of their unit and audits it in the same write', async () => {
      const before = await auditCount();
      const token = await h.login('hendra@layanan.test');
      const { body } = await h.gql(mutation, { input: { code: 'pbg', completionDays: 21 } }, { token });
      // Four eyes: the completion time waits for a second person (service-change.test.ts).
      expect(body.data.updateService).toEqual({
        __typename: 'UpdateServicePayload',
        service: { code: 'PBG', completionDays: 28, published: true },
        pendingChange: { state: 'PENDING', proposedCompletionDays: 21 },
      });
      expect(await auditCount()).toBe(before + 1);
      const entry = await h.db.prisma.auditEntry.findFirstOrThrow({
        where: { action: 'updateService' },
        orderBy: { createdAt: 'desc' },
      });
      expect(entry.actorKind).toBe('SUPERVISOR');
      expect((entry.before as any).completionDays).toBe(28);
      expect((entry.after as any).pendingChange).toEqual(['COMPLETION_TIME']);
    });

    it("denies a supervisor another unit's service and writes no audit entry", async () => {
      const before = await auditCount();
      const token = await h.login('hendra@layanan.test');
      const { body } = await h.gql(mutation, { input: { code: 'KTP-EL', completionDays: 2 } }, { token });
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await auditCount()).toBe(before);
    });

    it('returns field errors in Indonesian by default and English on request', async () => {
      const token = await h.login('admin@layanan.test');
      const id = await h.gql(mutation, { input: { code: 'PBG', completionDays: 0, name: '' } }, { token });
      expect(id.body.data.updateService.__typename).toBe('ValidationError');
      const fields = id.body.data.updateService.fields.map((f: any) => f.field).sort();
      expect(fields).toEqual(['completionDays', 'name']);
      const en = await h.gql(
        mutation,
        { input: { code: 'PBG', completionDays: 0 } },
        { token, lang: 'en-US' },
      );
      expect(en.body.data.updateService.fields[0].message).toMatch(/working day/i);
      expect(en.body.data.updateService.fields[0].message).not.toEqual(
        id.body.data.updateService.fields[0].message,
      );
    });

    it('reports an unknown service as NotFoundError', async () => {
      const token = await h.login('admin@layanan.test');
      const { body } = await h.gql(mutation, { input: { code: 'NOPE', completionDays: 3 } }, { token });
      expect(body.data.updateService).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    });
  });

  describe('API keys', () => {
    it('are created by admins, shown once, authenticate other systems and can be revoked', async () => {
      const admin = await h.login('admin@layanan.test');
      const created = await h.gql(
        `mutation { createApiKey(input: { name: "SIMPEG Kota", scopes: ["staff:read"] }) {
          __typename ... on CreateApiKeyPayload { key apiKey { id name scopes } } } }`,
        {},
        { token: admin },
      );
      const payload = created.body.data.createApiKey;
      expect(payload.key).toMatch(/^lyn_[a-z0-9]{12}_/);
      const stored = await h.db.prisma.apiKey.findFirstOrThrow({ where: { name: 'SIMPEG Kota' } });
      // lyn_<12-char prefix>_<secret>; the secret itself may contain `_` (base64url).
      const secret = payload.key.slice('lyn_'.length + 12 + 1);
      expect(secret).toHaveLength(43);
      expect(stored.secretHash).not.toContain(secret);

      const me = await h.gql('{ me { kind systemName scopes } }', {}, { apiKey: payload.key });
      expect(me.body.data.me).toEqual({ kind: 'SYSTEM', systemName: 'SIMPEG Kota', scopes: ['staff:read'] });

      const revoked = await h.gql(
        'mutation($id: ID!) { revokeApiKey(id: $id) { __typename ... on RevokeApiKeyPayload { apiKey { revokedAt } } } }',
        { id: payload.apiKey.id },
        { token: admin },
      );
      expect(revoked.body.data.revokeApiKey.apiKey.revokedAt).toBeTruthy();
      const after = await h.gql('{ me { kind } }', {}, { apiKey: payload.key });
      expect(after.status).toBe(401);
      expect(after.body.errors?.[0]?.extensions?.code).toBe('INVALID_API_KEY');
    });

    it('rejects unknown scopes and are hidden from non-admins', async () => {
      const admin = await h.login('admin@layanan.test');
      const bad = await h.gql(
        'mutation { createApiKey(input: { name: "x", scopes: ["everything"] }) { __typename ... on ValidationError { fields { field } } } }',
        {},
        { token: admin },
      );
      expect(bad.body.data.createApiKey.fields.map((f: any) => f.field).sort()).toEqual(['name', 'scopes']);
      const staff = await h.gql(
        '{ apiKeys(first: 5) { totalCount } }',
        {},
        { token: await h.login('yulia@layanan.test') },
      );
      expect(staff.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  it('shows the audit trail to admins only, without personal data', async () => {
    const query =
      '{ auditEntries(first: 50, action: "devLogin") { edges { node { action actorKind entityType } } } }';
    const citizen = await h.gql(query, {}, { token: await h.login('warga@layanan.test') });
    expect(citizen.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await h.gql(query, {}, { token: await h.login('admin@layanan.test') });
    expect(admin.body.data.auditEntries.edges.length).toBeGreaterThan(0);
    const raw = JSON.stringify(await h.db.prisma.auditEntry.findMany());
    expect(raw).not.toMatch(/\d{18}/);
  });
});

describe('unexpected errors', () => {
  it('are masked: the client never sees database internals', async () => {
    const h = await createHarness('pglite', { seed: 'none' });
    await h.db.prisma.$executeRawUnsafe('DROP TABLE "unit" CASCADE');
    const { body } = await h.gql('{ units(first: 1) { edges { node { code } } } }');
    await h.close();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNEXPECTED_ERROR');
    expect(body.errors?.[0]?.message).toMatch(/Unexpected error \(request id [0-9a-f-]{36}\)$/);
    expect(JSON.stringify(body.errors)).not.toMatch(/relation|prisma|does not exist|sql/i);
  });
});
