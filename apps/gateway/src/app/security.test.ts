// Abuse protection (security.ts) and personal data (issue 7): GraphQL limits, batching,
// introspection, rate limits (in-process and shared through Redis), CSRF, CORS, body size, and
// that NIPs, birth dates, phone numbers and emails reach neither public fields nor the logs.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { testDatabaseKinds } from '@layanan/db/testing';
import { OPEN_DATA_DATASETS } from '@layanan/domain';
import {
  type GraphQLField,
  type GraphQLNamedType,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../graphql/schema.js';
import { TEST_ENV } from '../testing/harness.js';
import { PBG_REQUEST, submittedRequest } from '../testing/requests.js';
import { useHarness } from '../testing/use-harness.js';
import { type GatewayConfig, loadConfig } from './config.js';
import { createGateway, type Gateway } from './gateway.js';
import { DEFAULT_PRIVACY_NOTICE_VERSION } from './privacy-config.js';
import { memoryRateLimitStore, redisRateLimitStore } from './rate-limits.js';

type Call = { status: number; headers: Headers; body: any };

async function post(
  gateway: Gateway,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<Call> {
  const response = await gateway.fetch('http://layanan.test/graphql', {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

const codeOf = (call: Call) => call.body?.errors?.[0]?.extensions?.code;

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename } }`;

describe.each(testDatabaseKinds())('security on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'yulia'] });
  const gatewayWith = (
    env: Record<string, string>,
    tweak: (c: GatewayConfig) => GatewayConfig = (c) => c,
  ) => {
    const config = tweak({ ...loadConfig({ ...TEST_ENV, ...env }), jwtSecret: h.config.jwtSecret });
    return createGateway({
      db: h.db,
      config,
      log: pino({ level: 'silent' }),
      rateLimitStore: memoryRateLimitStore(),
    });
  };

  describe('GraphQL limits', () => {
    it('rejects a query deeper than LAYANAN_MAX_DEPTH with a bilingual message', async () => {
      let nested = 'code';
      for (let i = 0; i < 14; i++) nested = `parent { ${nested} }`;
      const call = await post(h.gateway, { query: `{ unit(code: "DPMPTSP") { ${nested} } }` });
      expect(codeOf(call)).toBe('QUERY_TOO_DEEP');
      expect(call.body.errors[0].message).toContain('Kueri terlalu dalam (maksimal 12 tingkat)');
      expect(call.body.errors[0].message).toContain('Query too deep (at most 12 levels)');
      expect(call.body.data).toBeUndefined();
    });

    it('rejects too many aliases, directives and tokens, and too costly queries', async () => {
      const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: me { kind }`).join(' ');
      expect(codeOf(await post(h.gateway, { query: `{ ${aliases} }` }))).toBe('TOO_MANY_ALIASES');
      const directives = Array.from({ length: 51 }, () => '@include(if: true)').join(' ');
      expect(codeOf(await post(h.gateway, { query: `{ me ${directives} { kind } }` }))).toBe(
        'TOO_MANY_DIRECTIVES',
      );
      const tokens = `{ me { ${Array.from({ length: 5100 }, () => 'kind').join(' ')} } }`;
      expect(codeOf(await post(h.gateway, { query: tokens }))).toBe('TOO_MANY_TOKENS');
      const cheap = gatewayWith({ LAYANAN_MAX_COST: '100' });
      const costly = await post(cheap, {
        query:
          '{ units(first: 50) { edges { node { code staff(first: 50) { edges { node { name unit { code } } } } } } } }',
      });
      expect(codeOf(costly)).toBe('QUERY_TOO_EXPENSIVE');
      expect(costly.body.errors[0].message).toContain('Query too expensive (cost at most 100)');
      expect(codeOf(await post(cheap, { query: '{ me { kind } }' }))).toBeUndefined();
    });

    it('refuses batched requests by default and limits them when LAYANAN_MAX_BATCH is set', async () => {
      const two = [{ query: '{ me { kind } }' }, { query: '{ districts { code } }' }];
      const refused = await post(h.gateway, two);
      expect(refused.status).toBeGreaterThanOrEqual(400);
      const batching = gatewayWith({ LAYANAN_MAX_BATCH: '2' });
      const ok = await post(batching, two);
      expect(ok.status).toBe(200);
      expect(ok.body).toHaveLength(2);
      const tooMany = await post(batching, [...two, { query: '{ me { kind } }' }]);
      expect(tooMany.status).toBeGreaterThanOrEqual(400);
    });

    it('allows introspection in development, to developers in production, and as configured', async () => {
      const query = { query: '{ __schema { queryType { name } } }' };
      expect((await post(h.gateway, query)).body.data.__schema.queryType.name).toBe('Query');

      const production = gatewayWith({}, (c) => ({ ...c, production: true }));
      const anonymous = await post(production, query);
      expect(codeOf(anonymous)).toBe('INTROSPECTION_DISABLED');
      expect(anonymous.body.errors[0].message).toContain(
        'Schema introspection is only for signed-in developers',
      );
      expect(codeOf(await post(production, query, { authorization: `Bearer ${t.warga}` }))).toBe(
        'INTROSPECTION_DISABLED',
      );
      const developer = await post(production, query, { authorization: `Bearer ${t.yulia}` });
      expect(developer.body.data.__schema.queryType.name).toBe('Query');
      // __typename is not introspection and always works.
      expect((await post(production, { query: '{ me { __typename kind } }' })).body.data.me.kind).toBe(
        'ANONYMOUS',
      );

      const off = gatewayWith({ LAYANAN_INTROSPECTION: 'off' });
      expect(codeOf(await post(off, query, { authorization: `Bearer ${t.yulia}` }))).toBe(
        'INTROSPECTION_DISABLED',
      );
      const on = gatewayWith({ LAYANAN_INTROSPECTION: 'on' }, (c) => ({ ...c, production: true }));
      expect((await post(on, query)).body.data.__schema.queryType.name).toBe('Query');
    });
  });

  describe('rate limits', () => {
    const limited = (env: Record<string, string>) => gatewayWith({ LAYANAN_TRUST_PROXY: 'true', ...env });

    it('limits sign-in attempts per account identifier across addresses, with 429 and Retry-After', async () => {
      const gateway = limited({ LAYANAN_RATE_AUTH_ID: '3/60' });
      const input = { identifier: `korban-${randomUUID()}@example.org`, password: 'salah-salah-salah' };
      for (let i = 0; i < 3; i++) {
        const call = await post(
          gateway,
          { query: LOGIN, variables: { input } },
          { 'x-forwarded-for': `10.0.0.${i}` },
        );
        expect(call.body.data.login.__typename).toBe('AuthenticationFailed');
      }
      const blocked = await post(
        gateway,
        { query: LOGIN, variables: { input } },
        { 'x-forwarded-for': '10.0.0.9' },
      );
      expect(blocked.status).toBe(429);
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(codeOf(blocked)).toBe('RATE_LIMITED');
      expect(blocked.body.errors[0].extensions.retryAfter).toBe(retryAfter);
      expect(blocked.body.errors[0].message).toMatch(/Terlalu banyak permintaan.*\/ Too many requests/);
      // Another account is not affected.
      const other = await post(
        gateway,
        { query: LOGIN, variables: { input: { ...input, identifier: 'lain@example.org' } } },
        { 'x-forwarded-for': '10.0.0.9' },
      );
      expect(other.status).toBe(200);
    });

    it('limits sign-in and registration per client address', async () => {
      const gateway = limited({ LAYANAN_RATE_AUTH_IP: '4/60' });
      const attempt = (ip: string, n: number) =>
        post(
          gateway,
          {
            query: LOGIN,
            variables: { input: { identifier: `a${n}-${randomUUID()}@example.org`, password: 'x' } },
          },
          { 'x-forwarded-for': ip },
        );
      for (let i = 0; i < 4; i++) expect((await attempt('192.0.2.1', i)).status).toBe(200);
      expect((await attempt('192.0.2.1', 5)).status).toBe(429);
      const register = await post(
        gateway,
        {
          query: `mutation { registerCitizen(input: { email: "baru-${randomUUID()}@example.org", displayName: "Baru", password: "gunung-marapi-2026", privacyNoticeVersion: "${DEFAULT_PRIVACY_NOTICE_VERSION}" }) { __typename } }`,
        },
        { 'x-forwarded-for': '192.0.2.1' },
      );
      expect(register.status).toBe(429);
      expect((await attempt('192.0.2.2', 6)).status).toBe(200);
    });

    it('limits submissions per account', async () => {
      const gateway = limited({ LAYANAN_RATE_SUBMIT_ID: '2/3600' });
      const forum = await h.gql('{ forum(slug: "pelayanan-perizinan") { id } }');
      const submit = () =>
        post(
          gateway,
          {
            query: `mutation($input: SubmitToForumInput!) { submitToForum(input: $input) { __typename } }`,
            variables: {
              input: {
                forumId: forum.body.data.forum.id,
                kind: 'ASPIRATION',
                title: 'Lampu jalan',
                text: 'Mohon.',
              },
            },
          },
          { authorization: `Bearer ${t.warga}`, 'x-forwarded-for': '198.51.100.7' },
        );
      expect((await submit()).body.data.submitToForum.__typename).toBe('SubmissionPayload');
      expect((await submit()).body.data.submitToForum.__typename).toBe('SubmissionPayload');
      const third = await submit();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
      // Reading is never limited.
      expect(
        (await post(gateway, { query: '{ me { kind } }' }, { authorization: `Bearer ${t.warga}` })).status,
      ).toBe(200);
    });

    it('lets calls through when the counter store fails (fails open, logs the error)', async () => {
      const config = {
        ...loadConfig({ ...TEST_ENV, LAYANAN_RATE_AUTH_ID: '1/60' }),
        jwtSecret: h.config.jwtSecret,
      };
      const broken = {
        hit: async () => {
          throw new Error('redis down');
        },
        close: async () => {},
      };
      const gateway = createGateway({
        db: h.db,
        config,
        log: pino({ level: 'silent' }),
        rateLimitStore: broken,
      });
      const input = { identifier: `putus-${randomUUID()}@example.org`, password: 'salah-salah-salah' };
      for (let i = 0; i < 3; i++) {
        const call = await post(gateway, { query: LOGIN, variables: { input } });
        expect(call.body.data.login.__typename).toBe('AuthenticationFailed');
      }
    });

    it.runIf(kind === 'postgresql')('shares one budget between gateway instances through Redis', async () => {
      const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
      const prefix = `layanan-test:${randomUUID()}:`;
      const stores = [redisRateLimitStore(redisUrl, prefix), redisRateLimitStore(redisUrl, prefix)];
      try {
        const config = {
          ...loadConfig({ ...TEST_ENV, LAYANAN_RATE_AUTH_ID: '3/60', LAYANAN_TRUST_PROXY: 'true' }),
          jwtSecret: h.config.jwtSecret,
        };
        const [a, b] = stores.map((rateLimitStore) =>
          createGateway({ db: h.db, config, log: pino({ level: 'silent' }), rateLimitStore }),
        ) as [Gateway, Gateway];
        const input = { identifier: `bersama-${randomUUID()}@example.org`, password: 'salah-salah-salah' };
        const statuses: number[] = [];
        for (const gateway of [a, b, a, b]) {
          statuses.push((await post(gateway, { query: LOGIN, variables: { input } })).status);
        }
        expect(statuses).toEqual([200, 200, 200, 429]);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });
  });

  describe('browser rules', () => {
    it('requires a CSRF-proof request: JSON POST, or the x-graphql-yoga-csrf header', async () => {
      const get = (headers: Record<string, string>) =>
        h.gateway.fetch(`http://layanan.test/graphql?query=${encodeURIComponent('{ me { kind } }')}`, {
          headers,
        });
      const bare = await get({});
      expect(bare.status).toBe(403);
      const refused = (await bare.json()) as any;
      expect(refused.errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
      expect(refused.errors[0].message).toContain('x-graphql-yoga-csrf');
      expect((await get({ 'x-graphql-yoga-csrf': '1' })).status).toBe(200);
      const form = await post(h.gateway, JSON.stringify({ query: '{ me { kind } }' }), {
        'content-type': 'text/plain',
      });
      expect(form.status).toBe(403);
      expect((await post(h.gateway, { query: '{ me { kind } }' })).status).toBe(200);
    });

    it('answers CORS only for allowed origins', async () => {
      const preflight = (gateway: Gateway, origin: string) =>
        gateway.fetch('http://layanan.test/graphql', {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,authorization',
          },
        });
      const dev = await preflight(h.gateway, 'http://localhost:5173');
      expect(dev.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(
        (await preflight(h.gateway, 'https://jahat.example')).headers.get('access-control-allow-origin'),
      ).toBeNull();

      const configured = gatewayWith({ LAYANAN_CORS_ORIGINS: 'https://layanan.sawahluntokota.go.id' });
      expect(
        (await preflight(configured, 'https://layanan.sawahluntokota.go.id')).headers.get(
          'access-control-allow-origin',
        ),
      ).toBe('https://layanan.sawahluntokota.go.id');
      expect(
        (await preflight(configured, 'http://localhost:5173')).headers.get('access-control-allow-origin'),
      ).toBeNull();
      expect(() => loadConfig({ NODE_ENV: 'test', LAYANAN_CORS_ORIGINS: 'not a url' })).toThrow(
        /LAYANAN_CORS_ORIGINS/,
      );
    });

    it('refuses bodies over LAYANAN_MAX_BODY_BYTES with 413, declared or streamed', async () => {
      const small = gatewayWith({ LAYANAN_MAX_BODY_BYTES: '2048' });
      const big = JSON.stringify({ query: '{ me { kind } }', variables: { pad: 'x'.repeat(4000) } });
      const declared = await post(small, big);
      expect(declared.status).toBe(413);
      expect(declared.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      expect(declared.body.errors[0].message).toContain('Request body too large (at most 2048 bytes)');

      const bytes = new TextEncoder().encode(big);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 500) controller.enqueue(bytes.slice(i, i + 500));
          controller.close();
        },
      });
      const streamed = await small.fetch('http://layanan.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      expect((await post(small, { query: '{ me { kind } }' })).status).toBe(200);
    });
  });

  describe('personal data', () => {
    let secrets: string[];
    beforeAll(async () => {
      const staffRows = await h.db.prisma.staff.findMany({ select: { nip: true, birthDate: true } });
      const accounts = await h.db.prisma.account.findMany({ select: { email: true, phone: true } });
      secrets = [
        ...staffRows.map((s) => s.nip),
        ...staffRows.flatMap((s) => (s.birthDate ? [s.birthDate.toISOString().slice(0, 10)] : [])),
        ...accounts.flatMap((a) => [a.email, a.phone]).filter((v): v is string => !!v),
      ];
      expect(staffRows.length).toBeGreaterThan(5);
      expect(secrets.some((s) => s.includes('@'))).toBe(true);
    });

    /** Every field reachable without required arguments, a few levels deep. */
    function selectAll(type: GraphQLNamedType, depth: number): string {
      if (isLeafType(type)) return '';
      if (isUnionType(type) || isInterfaceType(type)) {
        const possible = schema.getPossibleTypes(type);
        return `{ __typename ${possible.map((p) => `... on ${p.name} ${selectAll(p, depth)}`).join(' ')} }`;
      }
      if (!isObjectType(type)) return '';
      const parts = ['__typename'];
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
        const named = getNamedType(field.type);
        const connection = field.args.some((a) => a.name === 'first') ? '(first: 20)' : '';
        if (isLeafType(named)) parts.push(field.name);
        else if (depth > 0) parts.push(`${field.name}${connection} ${selectAll(named, depth - 1)}`);
      }
      return `{ ${parts.join(' ')} }`;
    }

    it('never shows NIPs, birth dates, phone numbers or emails to anonymous callers', async () => {
      const open = gatewayWith({
        LAYANAN_MAX_DEPTH: '100',
        LAYANAN_MAX_COST: '10000000',
        LAYANAN_MAX_TOKENS: '1000000',
        LAYANAN_MAX_ALIASES: '1000',
      });
      const staffId = (await h.gql('{ staffMembers(first: 1) { edges { node { id } } } }')).body.data
        .staffMembers.edges[0].node.id;
      const tracking = await submittedRequest(
        h,
        { ...PBG_REQUEST, idempotencyKey: 'personal-data' },
        t.warga,
      );
      const query = schema.getQueryType();
      if (!query) throw new Error('no Query type');
      const roots: [string, string][] = [
        ['units', '(first: 50)'],
        ['forums', '(first: 20)'],
        ['submissions', '(first: 50)'],
        ['services', '(first: 50)'],
        ['staffMembers', '(first: 200)'],
        ['unit', '(code: "DPMPTSP")'],
        ['forum', '(slug: "pelayanan-perizinan")'],
        ['service', '(code: "PBG")'],
        ['requestStatus', `(trackingCode: "${tracking.trackingCode}")`],
        ['staffMember', `(id: "${staffId}")`],
        ['node', `(id: "${staffId}")`],
        ['districts', ''],
        ['holidays', '(year: 2026)'],
        ['forumAccountability', '(from: "2025-01-01", to: "2026-12-31")'],
        ['requestStatistics', '(from: "2025-01-01", to: "2026-12-31", groupBy: SERVICE)'],
        ['me', ''],
      ];
      let scanned = 0;
      for (const [name, args] of roots) {
        const field = query.getFields()[name];
        expect(field, name).toBeDefined();
        if (!field) continue;
        // node: the staff member the id names (every Node type at once would conflict on field names).
        const type = name === 'node' ? schema.getType('Staff') : getNamedType(field.type);
        if (!type) continue;
        const selection =
          name === 'node' ? `{ __typename ... on Staff ${selectAll(type, 3)} }` : selectAll(type, 3);
        const call = await post(open, { query: `{ ${name}${args} ${selection} }` });
        const text = JSON.stringify(call.body.data ?? null);
        expect(call.body.data?.[name], `${name}: ${JSON.stringify(call.body.errors?.[0])}`).toBeTruthy();
        scanned += text.length;
        // The request filed above is tracked by its (sequential) code: never its text or the NIK.
        for (const secret of [...secrets, PBG_REQUEST.text, PBG_REQUEST.attributes.nik])
          expect(text.includes(secret), `${name} shows ${secret}`).toBe(false);
      }
      expect(scanned).toBeGreaterThan(20_000);

      // The open-data downloads (issue 23) are anonymous too. The request filed above is
      // published once its service is marked open — without its text, NIK or tracking code.
      await h.db.prisma.service.update({ where: { code: 'PBG' }, data: { openData: true } });
      try {
        for (const path of [
          '/open-data/index.json',
          ...OPEN_DATA_DATASETS.flatMap((d) => [`/open-data/${d.name}.csv`, `/open-data/${d.name}.json`]),
        ]) {
          const response = await open.fetch(`http://layanan.test${path}`);
          expect(response.status, path).toBe(200);
          const text = await response.text();
          if (path === '/open-data/requests.csv') expect(text).toContain('PBG,');
          for (const secret of [
            ...secrets,
            PBG_REQUEST.text,
            PBG_REQUEST.attributes.nik,
            tracking.trackingCode,
          ])
            expect(text.includes(secret), `${path} shows ${secret}`).toBe(false);
        }
      } finally {
        await h.db.prisma.service.update({ where: { code: 'PBG' }, data: { openData: false } });
      }
    });

    it('keeps them out of the logs of sign-in, registration and staff queries', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const config = { ...loadConfig({ ...TEST_ENV, LOG_LEVEL: 'trace' }), jwtSecret: h.config.jwtSecret };
      const gateway = createGateway({
        db: h.db,
        config,
        log: pino({ level: 'trace' }, sink),
        rateLimitStore: memoryRateLimitStore(),
      });
      const admin = await h.login('admin@layanan.test');
      const password = 'rahasia-sekali-2026';
      const email = `log-${randomUUID()}@example.org`;
      const phone = `0812${String(Date.now()).slice(-8)}`;
      const reg = await post(gateway, {
        query: `mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { __typename } }`,
        variables: {
          input: {
            email,
            phone,
            displayName: 'Warga Log',
            password,
            privacyNoticeVersion: DEFAULT_PRIVACY_NOTICE_VERSION,
          },
        },
      });
      expect(reg.body.data.registerCitizen.__typename).toBe('RegistrationReceived');
      await post(gateway, {
        query: LOGIN,
        variables: { input: { identifier: email, password: 'salah-salah-salah' } },
      });
      await post(gateway, { query: LOGIN, variables: { input: { identifier: phone, password } } });
      await post(
        gateway,
        { query: '{ staffMembers(first: 200) { edges { node { name nip birthDate } } } }' },
        { authorization: `Bearer ${admin}` },
      );
      // A failing request too: errors are logged with their cause.
      await post(
        gateway,
        { query: '{ staffByNip(nip: "x") { nip } }' },
        { authorization: 'Bearer not-a-token' },
      );
      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(3);
      for (const secret of [...secrets, email, phone, password]) {
        expect(log.includes(secret), `log shows ${secret}`).toBe(false);
      }
    });
  });
});
