// The input guard at every route (issue 15 kind 3, issue 16 kind 2): text PostgreSQL cannot store
// (NUL, lone surrogates), malformed percent-encoding and UTF-8, too many parameters, too deep
// nesting, bodies too large or in multipart are refused with a clear 4xx in the route's own format
// (Open311's error list in JSON or XML, GraphQL errors, the reports' JSON, plain text), before
// any database call, and with the same checks for paths, query strings and bodies.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { convert } from 'xmlbuilder2';
import { FORM_LIMITS, JSON_MAX_DEPTH } from '../platform/input-guard.js';
import { useHarness } from '../testing/use-harness.js';

type Answer = { status: number; type: string; text: string; json: any };

describe.each(testDatabaseKinds())('input guard on %s', (kind) => {
  const queries: string[] = [];
  const { h, t } = useHarness(kind, {
    login: ['admin'],
    onQuery: (event) => queries.push(event.sql),
  });

  /** Calls the gateway and counts the SQL statements the call caused. */
  const call = async (path: string, init: RequestInit = {}): Promise<Answer & { sql: number }> => {
    queries.length = 0;
    const response = await h.gateway.fetch(`http://layanan.test${path}`, init);
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      text,
      json,
      sql: queries.length,
    };
  };
  const form = (path: string, body: string, headers: Record<string, string> = {}) =>
    call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
  const json = (path: string, body: string) =>
    call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  const open311Error = (a: Answer, status: number) => {
    expect(a.status).toBe(status);
    expect(a.json).toEqual([{ code: status, description: expect.any(String) }]);
    return a.json[0].description as string;
  };
  const graphqlError = (a: Answer, status: number) => {
    expect(a.status).toBe(status);
    expect(a.json.errors).toHaveLength(1);
    return a.json.errors[0].extensions.code as string;
  };

  describe('bytes PostgreSQL cannot store never reach the database (issue 16 kind 2)', () => {
    it('Open311 refuses NUL in the path, in query parameters and in POST bodies', async () => {
      for (const path of [
        '/open311/v2/services/PBG%00.json',
        '/open311/v2/requests/PBG-2026-000001%00.json',
        '/open311/v2/tokens/%00.json',
        '/open311/v2/requests.json?service_code=PBG%00',
        '/open311/v2/requests.json?start_date=2026-11-01%00',
        '/open311/v2/requests.json?api_key=lyn_abc_def%00',
        '/open311/v2/services.json?x%00=1',
      ]) {
        const a = await call(path, { headers: { 'accept-language': 'en' } });
        expect(open311Error(a, 400), path).toContain('U+0000');
        expect(a.sql, path).toBe(0);
      }
      const xml = await call('/open311/v2/services/PBG%00.xml');
      expect(xml.status).toBe(400);
      expect(convert(xml.text, { format: 'object' })).toMatchObject({
        errors: { error: { code: '400', description: expect.stringContaining('U+0000') } },
      });

      const posted = await form('/open311/v2/requests.json', 'service_code=PBG&description=a%00b&api_key=x');
      open311Error(posted, 400);
      expect(posted.sql).toBe(0);
      const posted2 = await json(
        '/open311/v2/requests.json',
        JSON.stringify({ service_code: 'PBG', attribute: { nik: 'a\u0000' }, api_key: 'x' }),
      );
      open311Error(posted2, 400);
      // A lone surrogate cannot be stored either.
      open311Error(
        await json('/open311/v2/requests.json', '{"service_code":"PBG","description":"\\ud800"}'),
        400,
      );
      expect(queries).toHaveLength(0);
    });

    it('the CSV report, GraphQL and static paths refuse it the same way', async () => {
      const auth = { authorization: `Bearer ${t.admin}` };
      const report = await call('/reports/skm.csv?unit=DPMPTSP%00&period=YEAR-2026', { headers: auth });
      expect(report.status).toBe(400);
      expect(report.json).toMatchObject({
        code: 'BAD_USER_INPUT',
        messageEn: expect.stringContaining('The text at query string contains the control character U+0000'),
      });
      expect(report.sql).toBe(0);
      const period = await call('/reports/skm.csv?unit=DPMPTSP&period=YEAR-2026%00', { headers: auth });
      expect(period.json.code).toBe('BAD_USER_INPUT');

      const get = await call('/graphql?query=%7B%20me%20%7B%20kind%20%7D%20%7D%00');
      expect(graphqlError(get, 400)).toBe('BAD_USER_INPUT');
      const variables = await json(
        '/graphql',
        JSON.stringify({
          query: 'query($c: String!) { service(code: $c) { code } }',
          variables: { c: 'PBG\u0000' },
        }),
      );
      expect(graphqlError(variables, 400)).toBe('BAD_USER_INPUT');
      expect(variables.json.errors[0].extensions).toMatchObject({ path: 'body', character: 'U+0000' });
      expect(variables.sql).toBe(0);
      const key = await json('/graphql', '{"query":"{ me { kind } }","variables":{"a\\u0000":1}}');
      expect(graphqlError(key, 400)).toBe('BAD_USER_INPUT');

      const file = await call('/assets/app%00.js');
      expect(file.status).toBe(400);
      expect(file.type).toMatch(/^text\/plain/);
    });
  });

  describe('malformed encoding is a 400 in the route format, not a crash', () => {
    it('refuses malformed percent-encoding and UTF-8 in paths, parameters and bodies', async () => {
      open311Error(await call('/open311/v2/services/%E0%A4%A.json'), 400);
      open311Error(await call('/open311/v2/requests.json?status=%ZZ'), 400);
      open311Error(await call('/open311/v2/requests.json?status=%FF'), 400);
      open311Error(await form('/open311/v2/requests.json', 'service_code=%C3%28'), 400);
      const bytes = await call('/open311/v2/requests.json', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
      });
      open311Error(bytes, 400);
      const report = await call('/reports/skm.csv?unit=%E0%A4%A&period=YEAR-2026');
      expect(report).toMatchObject({ status: 400, json: { code: 'MALFORMED_ENCODING' } });
      expect(graphqlError(await call('/graphql?query=%7B%20me%20%7B%20kind%20%7D%20%7D%E0'), 400)).toBe(
        'MALFORMED_ENCODING',
      );
      expect((await call('/%E0%A4%A')).status).toBe(400);
    });
  });

  describe('limits are refused clearly, never dropped silently (issue 15 kind 3)', () => {
    const pairs = (n: number, key = 'x[]') => Array.from({ length: n }, (_, i) => `${key}=${i}`).join('&');

    it('refuses too many parameters, values per field or nesting in forms and query strings', async () => {
      const many = open311Error(
        await form('/open311/v2/requests.json', pairs(FORM_LIMITS.parameterLimit + 1, 'k'), {
          'accept-language': 'en',
        }),
        400,
      );
      expect(many).toContain('Too many parameters (at most 200');
      expect(
        open311Error(
          await form('/open311/v2/requests.json', pairs(FORM_LIMITS.arrayLimit + 1), {
            'accept-language': 'en',
          }),
          400,
        ),
      ).toContain('at most 100');
      open311Error(await form('/open311/v2/requests.json', 'attribute[a][b][c]=1'), 400);
      open311Error(await call(`/open311/v2/requests.json?${pairs(201, 'k')}`), 400);
      // 40,000 repeated fields (the attack of the issue) are refused; how long that takes as the
      // body grows is a `pnpm bench` figure (S7), not a timed test.
      open311Error(await form('/open311/v2/requests.json', pairs(40_000)), 400);

      expect(graphqlError(await call(`/graphql?query=%7B__typename%7D&${pairs(201, 'k')}`), 400)).toBe(
        'TOO_MANY_PARAMETERS',
      );
      const report = await call(`/reports/skm.csv?${pairs(201, 'k')}`);
      expect(report).toMatchObject({ status: 400, json: { code: 'TOO_MANY_PARAMETERS' } });
    });

    it('takes what is within the limits: 100 values of one field, two levels of attributes', async () => {
      const within = await form(
        '/open311/v2/requests.json',
        `${pairs(FORM_LIMITS.arrayLimit)}&attribute[a][]=1&service_code=PBG`,
      );
      // Past the guard: the route itself answers (an API key is needed to file).
      expect(open311Error(within, 403)).toMatch(/api_key/);
    });

    it('refuses JSON nested too deeply, and invalid JSON without echoing it', async () => {
      const deep = `{"query":"{ me { kind } }","variables":{"a":${'['.repeat(JSON_MAX_DEPTH)}${']'.repeat(JSON_MAX_DEPTH)}}}`;
      expect(graphqlError(await json('/graphql', deep), 400)).toBe('INPUT_TOO_NESTED');
      open311Error(await json('/open311/v2/requests.json', '['.repeat(100_000)), 400);
      const broken = await json('/graphql', '{"query": "secret-body-text');
      expect(graphqlError(broken, 400)).toBe('MALFORMED_JSON');
      expect(broken.text).not.toContain('secret-body-text');
      const broken311 = await json('/open311/v2/requests.json', '{"api_key": "secret-body-text');
      open311Error(broken311, 400);
      expect(broken311.text).not.toContain('secret-body-text');
      // A GraphQL form post's variables are JSON checked the same way.
      const viaForm = await form('/graphql', 'query=%7B__typename%7D&variables=%7B%22a', {
        'x-graphql-yoga-csrf': '1',
      });
      expect(graphqlError(viaForm, 400)).toBe('MALFORMED_JSON');
    });

    it('answers a body over the limit with 413, and multipart outside the upload routes with 415', async () => {
      const mb = 'x'.repeat(h.config.security.maxBodyBytes + 1);
      expect(open311Error(await form('/open311/v2/requests.json', `description=${mb}`), 413)).toMatch(
        /1048576/,
      );
      expect(graphqlError(await json('/graphql', `{"query":"${mb}"}`), 413)).toBe('PAYLOAD_TOO_LARGE');

      // Multipart (the GraphQL multipart request spec) is taken by /graphql and Open311's POST
      // requests only (issue 19); its text parts keep the general limit.
      const upload = new FormData();
      upload.set('operations', '{"query":"{ me { kind } }"}');
      upload.set('map', '{}');
      const multipart = await call('/graphql', {
        method: 'POST',
        headers: { 'x-graphql-yoga-csrf': '1' },
        body: upload,
      });
      expect(multipart.json).toEqual({ data: { me: { kind: 'ANONYMOUS' } } });
      const big = new FormData();
      big.set('operations', JSON.stringify({ query: `{ me { kind } } # ${mb}` }));
      big.set('map', '{}');
      const tooBig = await call('/graphql', {
        method: 'POST',
        headers: { 'x-graphql-yoga-csrf': '1' },
        body: big,
      });
      expect(graphqlError(tooBig, 413)).toBe('PAYLOAD_TOO_LARGE');
      open311Error(await call('/open311/v2/services.json', { method: 'POST', body: upload }), 415);
    });

    it('still serves ordinary GraphQL over GET, JSON and form posts', async () => {
      const get = await call('/graphql?query=%7B%20me%20%7B%20kind%20%7D%20%7D', {
        headers: { 'x-graphql-yoga-csrf': '1' },
      });
      expect(get.json).toEqual({ data: { me: { kind: 'ANONYMOUS' } } });
      const posted = await json('/graphql', JSON.stringify({ query: '{ me { kind } }' }));
      expect(posted.json).toEqual({ data: { me: { kind: 'ANONYMOUS' } } });
      const viaForm = await form(
        '/graphql',
        'query=query(%24c%3A+String!)+%7B+service(code%3A+%24c)+%7B+code+%7D+%7D&variables=%7B%22c%22%3A%22PBG%22%7D',
        { 'x-graphql-yoga-csrf': '1' },
      );
      expect(viaForm.json).toEqual({ data: { service: { code: 'PBG' } } });
    });
  });

  // How parsing time grows with the body (linear, not quadratic: issue 15 kind 3) is measured by
  // `pnpm bench` (S7 form, S8 JSON at n and 2n, a target in its report), never here: a timed test
  // fails on a loaded machine. Here: a large JSON body of repeated values is parsed and answered correctly (the form of 40,000 fields is refused above).
  describe('bodies of many repeated values (issue 15 kind 3)', () => {
    it('parses a JSON body of 80,000 repeated values', async () => {
      const body = JSON.stringify({
        query: '{ me { kind } }',
        variables: { pad: Array.from({ length: 80_000 }, () => 'abc') },
      });
      expect((await json('/graphql', body)).json).toEqual({ data: { me: { kind: 'ANONYMOUS' } } });
    });
  });
});
