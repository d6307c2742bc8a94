// No internal detail leaves the server (issue 15 kind 5), in production mode (NODE_ENV=production
// through the configuration): bad input gets each route's documented 4xx; a failure nobody
// foresaw is a masked 500 that names only the request id, logged once with the detail; GraphQL
// "did you mean" suggestions are cut; source maps are not served.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { productionGateway } from '../testing/production-gateway.js';
import { useHarness } from '../testing/use-harness.js';
import type { Gateway } from './gateway.js';

// What must never reach a client: stack frames, absolute paths, library and database internals.
const INTERNALS =
  /prisma|node_modules|\/work\/|\bat [\w.<>]+ \(|postgres|pglite|relation|sql|stack|invocation/i;

describe.each(testDatabaseKinds())('error disclosure on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin'] });
  const lines: Record<string, unknown>[] = [];
  let production: Gateway | undefined;
  const gateway = () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'layanan-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Layanan</title>');
    writeFileSync(join(webRoot, 'app.js'), 'console.log(1)\n//# sourceMappingURL=app.js.map');
    writeFileSync(join(webRoot, 'app.js.map'), '{"sources":["../src/secret.ts"]}');
    production ??= productionGateway(h, { env: { LOG_LEVEL: 'info' }, webRoot, lines }).gateway;
    return production;
  };
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await gateway().fetch(`http://layanan.test${path}`, init);
    const text = await response.text();
    expect(text, path).not.toMatch(INTERNALS);
    return { status: response.status, text, requestId: response.headers.get('x-request-id') ?? '' };
  };

  it('answers bad input on every route with its own 4xx, never a 500 or a trace', async () => {
    const auth = { authorization: `Bearer ${t.admin}` };
    const cases: [string, number, RequestInit?][] = [
      ['/open311/v2/services/PBG%00.json', 400],
      ['/open311/v2/services/%E0%A4%A.xml', 400],
      ['/open311/v2/requests.json?start_date=0000-01-01', 400],
      ['/open311/v2/requests.json?end_date=0000-12-31T23:59:59Z', 400],
      ['/open311/v2/requests.json?start_date=10000-01-01', 400],
      ['/open311/v2/requests.json?start_date=2026-02-30', 400],
      ['/open311/v2/requests.json?start_date=0001-01-01T00:00:00%2B07:00', 400],
      ['/open311/v2/requests.json?api_key=lyn_%00', 400],
      ['/open311/v2/requests.json?api_key=not-a-key', 403],
      ['/open311/v2/tokens/%ZZ.json', 400],
      ['/reports/skm.csv?unit=DPMPTSP&period=YEAR-0000', 400, { headers: auth }],
      ['/reports/skm.csv?unit=DPMPTSP&period=%00', 400, { headers: auth }],
      ['/reports/skm.csv?unit=DPMPTSP&period=YEAR-2026', 401, { headers: { authorization: 'Bearer x.y.z' } }],
      ['/reports/skm.csv?unit=DPMPTSP&period=YEAR-2026', 401, { headers: { authorization: 'Bearer %00' } }],
      ['/graphql?query=%7B__typename%7D%00', 400],
      [
        '/graphql?query=%7B__typename%7D',
        401,
        { headers: { authorization: 'Bearer not.a.token', 'x-graphql-yoga-csrf': '1' } },
      ],
      ['/app%00.js', 400],
      ['/%E0%A4%A', 400],
    ];
    for (const [path, status, init] of cases) {
      expect((await call(path, init)).status, path).toBe(status);
    }
    expect(lines.filter((l) => l.level === 50)).toEqual([]);
  });

  it('masks a failure nobody foresaw as a 500 with the request id, logged once with the detail', async () => {
    // A database that lost its tables: every route fails in a way no handler expects.
    await h.db.prisma.$executeRawUnsafe('ALTER TABLE "service" RENAME TO "service_gone"');
    try {
      for (const [path, format] of [
        ['/open311/v2/services.json', /^\[\{"code":500,"description":".*request id /],
        ['/open311/v2/services/PBG.xml', /<code>500<\/code>/],
      ] as const) {
        lines.length = 0;
        const a = await call(path, { headers: { 'accept-language': 'en' } });
        expect(a.status, path).toBe(500);
        expect(a.text).toMatch(format);
        expect(a.text).toContain(a.requestId);
        const logged = lines.filter((l) => l.level === 50);
        expect(logged, path).toHaveLength(1);
        expect(logged[0]).toMatchObject({ requestId: a.requestId, msg: 'unexpected error' });
        expect(JSON.stringify(logged[0])).toMatch(/service/);
      }
      lines.length = 0;
      const graphql = await call('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ services(first: 1) { totalCount } }' }),
      });
      const [error] = JSON.parse(graphql.text).errors;
      expect(error).toMatchObject({
        path: ['services', 'totalCount'],
        extensions: { code: 'UNEXPECTED_ERROR' },
      });
      expect(error.message).toContain(graphql.requestId);
      expect(error.extensions.requestId).toBe(graphql.requestId);
      const logged = lines.filter((l) => l.level === 50);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ requestId: graphql.requestId, msg: 'unexpected error' });
    } finally {
      await h.db.prisma.$executeRawUnsafe('ALTER TABLE "service_gone" RENAME TO "service"');
    }
  });

  it('masks a failure while building the request context, logged once with the request id', async () => {
    // Every signed-in request checks its session: without that table the context cannot be built.
    await h.db.prisma.$executeRawUnsafe('ALTER TABLE "account_session" RENAME TO "account_session_gone"');
    try {
      lines.length = 0;
      const graphql = await call('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.admin}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(graphql.status).toBe(500);
      const [error] = JSON.parse(graphql.text).errors;
      expect(error.extensions).toMatchObject({ code: 'UNEXPECTED_ERROR', requestId: graphql.requestId });
      expect(error.message).toContain(graphql.requestId);
      const logged = lines.filter((l) => l.level === 50);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ requestId: graphql.requestId, msg: 'unexpected error' });
      expect(JSON.stringify(logged[0])).toMatch(/account_session/);
    } finally {
      await h.db.prisma.$executeRawUnsafe('ALTER TABLE "account_session_gone" RENAME TO "account_session"');
    }
  });

  it('answers a body type /graphql does not take with 415 naming the types it takes', async () => {
    for (const type of [
      'text/plain',
      'application/xml',
      'text/xml; charset=utf-8',
      'application/octet-stream',
    ]) {
      const answer = await call('/graphql', {
        method: 'POST',
        headers: { 'content-type': type, 'x-graphql-yoga-csrf': '1' },
        body: type.includes('xml') ? '<query>{ __typename }</query>' : '{ __typename }',
      });
      expect(answer.status, type).toBe(415);
      const [error] = JSON.parse(answer.text).errors;
      expect(error.extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(error.message, type).not.toMatch(/multipart (is not accepted|tidak diterima)/i);
      expect(error.message, type).toContain('application/json');
    }
  });

  it('answers too many tokens with 400 TOO_MANY_TOKENS whatever the body type', async () => {
    const query = `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const bodies: [string, string][] = [
      ['application/json', JSON.stringify({ query })],
      ['application/graphql', query],
      ['application/x-www-form-urlencoded', new URLSearchParams({ query }).toString()],
    ];
    for (const [type, body] of bodies) {
      const answer = await call('/graphql', {
        method: 'POST',
        headers: { 'content-type': type, 'x-graphql-yoga-csrf': '1' },
        body,
      });
      const [error] = JSON.parse(answer.text).errors;
      expect(error.extensions?.code, type).toBe('TOO_MANY_TOKENS');
      expect(error.message, type).not.toMatch(/syntax error/i);
      expect(answer.status, type).toBe(400);
    }
  });

  it('cuts "did you mean" suggestions from validation and variable errors', async () => {
    const ask = async (body: unknown) =>
      JSON.parse(
        (
          await call('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).text,
      ).errors.map((e: { message: string }) => e.message);
    const misspelt = await ask({ query: '{ servics(first: 1) { totalCount } }' });
    expect(misspelt[0]).toContain('Cannot query field "servics"');
    const enumValue = await ask({
      query: 'query($k: ServiceKind) { services(kind: $k) { totalCount } }',
      variables: { k: 'PERMITT' },
    });
    const literal = await ask({ query: '{ services(kind: PERMITT) { totalCount } }' });
    for (const message of [...misspelt, ...enumValue, ...literal])
      expect(message).not.toMatch(/did you mean/i);
  });

  it('serves the app but not its source maps', async () => {
    expect((await call('/app.js')).status).toBe(200);
    expect((await call('/app.js.map')).status).toBe(404);
  });
});
