// @layanan/client against a real gateway: @layanan/gateway's createGateway + listen on a port of
// its own (4401 on PGlite, 4402 on PostgreSQL), over a seeded test database.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { seed } from '@layanan/db';
import { createTestDatabase, testDatabaseKinds } from '@layanan/db/testing';
import { createGateway, listen, loadConfig } from '@layanan/gateway';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createLayananClient, type LayananClient, type RequestUpdate } from './index.js';

const PORTS = { pglite: 4401, postgresql: 4402 } as const;

const ROAD_COMPLAINT = {
  serviceCode: 'PENGADUAN-JALAN',
  text: 'Jalan berlubang besar di depan SD 05 Lembah Segar, sudah dua minggu.',
  attributes: { kecamatan: 'LEMBAH_SEGAR', lokasi: 'Depan SD 05', jenis_kerusakan: 'JALAN_BERLUBANG' },
};
const PBG = {
  serviceCode: 'PBG',
  text: 'Saya ingin membangun rumah dua lantai.',
  attributes: { nik: '1373010101900001', kecamatan: 'TALAWI', luas_bangunan: 80, fungsi: 'HUNIAN' },
};

describe.each(testDatabaseKinds())('@layanan/client against a gateway on %s', (kind) => {
  let url: string;
  let close: () => Promise<void>;
  let citizenToken: string;
  let supervisorToken: string;
  let adminToken: string;
  let apiKey: string;
  let citizen: LayananClient;

  const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return ((await res.json()) as { data: any }).data;
  };
  const login = async (email: string) =>
    (
      await gql('mutation($e: String!) { devLogin(email: $e) { ... on DevLoginPayload { token } } }', {
        e: email,
      })
    ).devLogin.token as string;

  beforeAll(async () => {
    const db = await createTestDatabase(kind);
    await seed(db.prisma);
    const log = pino({ level: 'silent' });
    const gateway = createGateway({ db, config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), log });
    const server = await listen(gateway, {
      host: '127.0.0.1',
      port: PORTS[kind],
      log,
      shutdownTimeoutMs: 1_000,
    });
    url = `http://127.0.0.1:${PORTS[kind]}/graphql`;
    close = async () => {
      await server.close();
      await db.close();
    };
    citizenToken = await login('warga@layanan.test');
    supervisorToken = await login('hendra@layanan.test');
    adminToken = await login('admin@layanan.test');
    const admin = await login('admin@layanan.test');
    const key = await gql(
      'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { ... on CreateApiKeyPayload { key } } }',
      { i: { name: 'Sistem kelurahan', scopes: ['requests:write', 'catalogue:read'] } },
      admin,
    );
    apiKey = key.createApiKey.key;
    citizen = createLayananClient({ url, token: citizenToken, language: 'en' });
  });
  afterAll(async () => {
    await close?.();
  });

  it('lists every service, typed from schema.graphql', async () => {
    const anonymous = createLayananClient({ url });
    const r = await anonymous.allServices();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pbg = r.data.find((s) => s.code === 'PBG');
    expect(pbg?.currentVersion?.attributes.map((a) => a.code)).toEqual([
      'nik',
      'kecamatan',
      'luas_bangunan',
      'fungsi',
    ]);
    expect(r.data.length).toBeGreaterThan(5);
    expectTypeOf(r.data[0]!.completionDays).toEqualTypeOf<number>();
    expectTypeOf(r.data[0]!.kind).toEqualTypeOf<
      'REGISTRATION' | 'PERMIT' | 'COMPLAINT' | 'INFORMATION_REQUEST'
    >();
  });

  it('looks up staff by NIP for a supervisor, and reports a refusal as a typed error', async () => {
    const supervisor = createLayananClient({ url, token: () => supervisorToken });
    const r = await supervisor.staffByNip('19890322 201402 2 001');
    expect(r.ok && r.data).toMatchObject({ name: 'Yulia Fitri, S.T.', unit: { code: 'DPMPTSP' } });
    const system = createLayananClient({ url, apiKey });
    const refused = await system.staffByNip('198903222014022001');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.kind).toBe('Forbidden');
    const badKey = await createLayananClient({ url, apiKey: 'lyn_nope' }).staffByNip('198903222014022001');
    expect(!badKey.ok && badKey.error.kind).toBe('Unauthenticated');
  });

  it('submits idempotently: a generated key, the same request on a repeat with that key', async () => {
    const first = await citizen.submitRequest(PBG);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.data.request).toMatchObject({ state: 'SUBMITTED', service: { code: 'PBG' } });
    const repeat = await citizen.submitRequest({ ...PBG, idempotencyKey: first.data.idempotencyKey });
    expect(repeat.ok && repeat.data.request.trackingCode).toBe(first.data.request.trackingCode);
    const other = await citizen.submitRequest(PBG);
    expect(other.ok && other.data.request.trackingCode).not.toBe(first.data.request.trackingCode);
  });

  it('surfaces union failures as discriminated errors', async () => {
    const invalid = await citizen.submitRequest({
      ...PBG,
      attributes: { ...PBG.attributes, fungsi: 'PABRIK' },
    });
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(invalid.error.kind).toBe('ValidationError');
    if (invalid.error.kind === 'ValidationError')
      expect(invalid.error.fields.map((f) => `${f.field}:${f.code}`)).toEqual([
        'attributes.fungsi:NOT_ALLOWED',
      ]);
    const missing = await citizen.submitRequest({ ...PBG, serviceCode: 'TIDAK-ADA' });
    expect(!missing.ok && missing.error.kind).toBe('NotFoundError');
  });

  it('lets a system with an API key file for a registered citizen', async () => {
    const system = createLayananClient({ url, apiKey });
    const r = await system.submitRequest({
      ...PBG,
      citizenEmail: 'warga2@layanan.test',
      idempotencyKey: 'kel-001',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const status = await system.requestStatus(r.data.request.trackingCode);
    expect(status.ok && status.data).toMatchObject({ state: 'SUBMITTED', open311Status: 'open' });
  });

  it('retries an idempotent submission after network failures with the same key, and nothing else', async () => {
    const bodies: string[] = [];
    let failuresLeft = 2;
    const flaky: typeof fetch = async (input, init) => {
      bodies.push(String(init?.body));
      if (failuresLeft-- > 0) throw new TypeError('fetch failed: connection reset');
      return fetch(input, init);
    };
    const client = createLayananClient({ url, token: citizenToken, fetch: flaky, retry: { baseDelayMs: 5 } });
    const r = await client.submitRequest(PBG);
    expect(r.ok).toBe(true);
    expect(bodies).toHaveLength(3);
    const keys = bodies.map((b) => JSON.parse(b).variables.input.idempotencyKey);
    expect(new Set(keys).size).toBe(1);
    // Exactly one request was filed for those three attempts.
    const row = r.ok ? await client.request(r.data.request.trackingCode) : null;
    expect(row?.ok && row.data?.originalText).toBe(PBG.text);

    bodies.length = 0;
    const invalid = await client.submitRequest({ ...PBG, text: ' ' });
    expect(!invalid.ok && invalid.error.kind).toBe('ValidationError');
    expect(bodies).toHaveLength(1);

    bodies.length = 0;
    failuresLeft = 10;
    const down = await client.requestStatus('SWL-2026-000001');
    expect(!down.ok && down.error.kind).toBe('NetworkError');
    expect(bodies).toHaveLength(3);
  });

  it('follows a request live over server-sent events', async () => {
    // A road complaint: the demo PBG cannot be verified before its documents are accepted.
    const filed = await citizen.submitRequest(ROAD_COMPLAINT);
    if (!filed.ok) throw new Error(`submit failed: ${JSON.stringify(filed.error)}`);
    const code = filed.data.request.trackingCode;
    const updates: RequestUpdate[] = [];
    const received = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no update within 10 s')), 10_000);
      const stop = citizen.followRequest(code, {
        onUpdate(update) {
          updates.push(update);
          clearTimeout(timer);
          stop();
          resolve();
        },
        onError: (e) => reject(new Error(e.message)),
      });
    });
    // Give the subscription a moment to be registered before the change happens.
    await new Promise((r) => setTimeout(r, 300));
    const moved = await gql(
      'mutation($i: TransitionServiceRequestInput!) { transitionServiceRequest(input: $i) { __typename } }',
      { i: { trackingCode: code, to: 'VERIFIED', expectedVersion: 1 } },
      adminToken,
    );
    expect(moved.transitionServiceRequest.__typename).toBe('ServiceRequestPayload');
    await received;
    expect(updates[0]).toMatchObject({ trackingCode: code, state: 'VERIFIED', version: 2 });

    const detail = await citizen.request(code);
    expect(detail.ok && detail.data?.events.map((e) => e.toState)).toEqual(['SUBMITTED', 'VERIFIED']);
  });

  it('reads the IKM of a unit and its trend, and a bad period as a ValidationError', async () => {
    const anonymous = createLayananClient({ url, language: 'en' });
    const r = await anonymous.ikm({ unitCode: 'DPMPTSP', period: { kind: 'YEAR', year: 2026 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject({ scope: 'UNIT', key: 'DPMPTSP', rule: 'PERMENPANRB_14_2017' });
    expect(r.data.respondents).toBeGreaterThan(0);
    expect(r.data.score).toBeGreaterThanOrEqual(25);
    expect(r.data.elements).toHaveLength(9);
    // The seeded demo year: completion time (WAKTU) is DPMPTSP's weak element.
    expect(r.data.weakestElements[0]).toBe('WAKTU');
    expectTypeOf(r.data.grade).toEqualTypeOf<string | null>();

    const trend = await anonymous.ikmTrend({ unitCode: 'DPMPTSP', year: 2026, kind: 'QUARTER' });
    expect(trend.ok && trend.data.length).toBe(4);
    const bad = await anonymous.ikm({ period: { kind: 'MONTH', year: 2026, number: 13 } });
    expect(!bad.ok && bad.error.kind).toBe('ValidationError');
    const unknown = await anonymous.ikm({ unitCode: 'TIDAK-ADA', period: { kind: 'YEAR', year: 2026 } });
    expect(!unknown.ok && unknown.error.kind).toBe('NotFoundError');
  });

  it('reads request statistics; a day that is not a day is a GraphQLError, a reversed period a ValidationError', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const r = await citizen.requestStatistics({ from: '2026-01-01', to: today, groupBy: 'SERVICE' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.data.find((row) => row.key === 'PBG')?.count).toBeGreaterThanOrEqual(4);
    // from/to are Day variables: the gateway refuses a month 13 before running the query, in
    // the caller's language, with the Day scalar's code (it was a ValidationError field as a String).
    const bad = await citizen.requestStatistics({ from: '2026-13-01', to: today, groupBy: 'UNIT' });
    expect(!bad.ok && bad.error).toMatchObject({ kind: 'GraphQLError', code: 'DAY_NOT_A_DATE' });
    // In the client's language (English) only, as the request-level errors are.
    expect(!bad.ok && bad.error.message).toMatch(/The date does not exist/);
    expect(!bad.ok && bad.error.message).not.toMatch(/tidak ada di kalender/);
    const reversed = await citizen.requestStatistics({ from: today, to: '2026-01-01', groupBy: 'UNIT' });
    expect(!reversed.ok && reversed.error.kind).toBe('ValidationError');
  });
});

describe('generated types', () => {
  it('src/graphql-env.d.ts is up to date with apps/gateway/schema.graphql', () => {
    const script = fileURLToPath(new URL('../scripts/check-types.mjs', import.meta.url));
    expect(execFileSync('node', [script], { encoding: 'utf8' })).toMatch(/matches/);
  });
});
