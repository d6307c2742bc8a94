// Request-level errors speak the caller's language (issue 21 item 5): with Accept-Language `en…`
// English only, with `id…` Indonesian only, with neither both (`Indonesian / English`), for every
// way such an error is made — a refusal by a limit (graphql-armor), the rate limiter (429), an
// authorization refusal, a scalar that refuses a variable (wrapped by graphql-js), a refusal
// answered before GraphQL runs (415).
import { testDatabaseKinds } from '@layanan/db/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import {
  bilingual,
  GATEWAY_ERROR_MESSAGES,
  inOneLanguage,
  LIMIT_MESSAGES,
} from '../graphql/gateway-errors.js';
import { TEST_ENV } from '../testing/harness.js';
import { postGraphQL } from '../testing/http.js';
import { useHarness } from '../testing/use-harness.js';
import { loadConfig } from './config.js';
import { statedLanguage } from './error-language.js';
import { createGateway } from './gateway.js';
import { memoryRateLimitStore } from './rate-limits.js';

const FORBIDDEN = GATEWAY_ERROR_MESSAGES.FORBIDDEN;

describe('inOneLanguage', () => {
  it('keeps one half of every bilingual part, and the text around it', () => {
    const deep = LIMIT_MESSAGES.QUERY_TOO_DEEP(7);
    expect(inOneLanguage(bilingual(deep), 'en')).toBe(deep.en);
    expect(inOneLanguage(bilingual(deep), 'id')).toBe(deep.id);
    const wrapped = `Variable "$d" got invalid value "x"; ${bilingual(FORBIDDEN)} (Day: YYYY-MM-DD)`;
    expect(inOneLanguage(wrapped, 'en')).toBe(
      `Variable "$d" got invalid value "x"; ${FORBIDDEN.en} (Day: YYYY-MM-DD)`,
    );
  });

  it('leaves text that no bilingual() made unchanged, slashes included', () => {
    expect(inOneLanguage('Cannot query field "x" on type "Query".', 'en')).toBe(
      'Cannot query field "x" on type "Query".',
    );
    expect(inOneLanguage('a / b', 'id')).toBe('a / b');
  });

  it('reads the first language the caller names', () => {
    const lang = (header?: string) =>
      statedLanguage(new Request('http://x/', { headers: header ? { 'accept-language': header } : {} }));
    expect(lang('en-GB,en;q=0.9')).toBe('en');
    expect(lang('id-ID,id;q=0.9,en;q=0.8')).toBe('id');
    expect(lang('in')).toBe('id');
    expect(lang('fr-FR')).toBeNull();
    expect(lang()).toBeNull();
  });
});

describe.each(testDatabaseKinds())('request-level errors in the caller’s language on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga'] });
  const gatewayWith = (env: Record<string, string> = {}) =>
    createGateway({
      db: h.db,
      config: { ...loadConfig({ ...TEST_ENV, ...env }), jwtSecret: h.config.jwtSecret },
      log: pino({ level: 'silent' }),
      rateLimitStore: memoryRateLimitStore(),
    });
  const LANGS = { en: { 'accept-language': 'en-US,en;q=0.9' }, id: { 'accept-language': 'id-ID' }, both: {} };
  /** The first error's message for each stated language, and its code. */
  async function messages(call: (headers: Record<string, string>) => Promise<{ body: any }>) {
    const out: Record<string, string> = {};
    let code: unknown;
    for (const [lang, headers] of Object.entries(LANGS)) {
      const { body } = await call(headers);
      out[lang] = body?.errors?.[0]?.message ?? String(body);
      code = body?.errors?.[0]?.extensions?.code ?? code;
    }
    return { ...out, code } as { en: string; id: string; both: string; code: unknown };
  }
  const expectOneLanguage = (m: { en: string; id: string; both: string }) => {
    expect(m.en).not.toBe(m.id);
    expect(m.both).toBe(`${m.id} / ${m.en}`);
    expect(m.en).not.toContain(' / ');
    expect(m.id).not.toContain(' / ');
  };

  it('a limit refusal (graphql-armor: too deep)', async () => {
    const gateway = gatewayWith({ LAYANAN_MAX_DEPTH: '3' });
    const m = await messages((headers) =>
      postGraphQL(
        gateway,
        { query: '{ me { account { id displayName } } units(first:1){edges{node{id}}} }' },
        headers,
      ),
    );
    expect(m.code).toBe('QUERY_TOO_DEEP');
    expect(m.en).toBe(LIMIT_MESSAGES.QUERY_TOO_DEEP(3).en);
    expect(m.id).toBe(LIMIT_MESSAGES.QUERY_TOO_DEEP(3).id);
    expectOneLanguage(m);
  });

  it('a rate-limit refusal (429)', async () => {
    const gateway = gatewayWith({ LAYANAN_RATE_AUTH_ID: '1/300' });
    const login = 'mutation($i: LoginInput!) { login(input: $i) { __typename } }';
    const variables = { i: { identifier: 'nobody@example.org', password: 'salah-sekali-2026' } };
    const first = await postGraphQL(gateway, { query: login, variables });
    expect(first.status).toBe(200);
    const m = await messages(async (headers) => {
      const answer = await postGraphQL(gateway, { query: login, variables }, headers);
      expect(answer.status).toBe(429);
      return answer;
    });
    expect(m.code).toBe('RATE_LIMITED');
    expect(m.en).toMatch(/^Too many requests; try again in \d+ seconds$/);
    expectOneLanguage(m);
  });

  it('an authorization refusal', async () => {
    const m = await messages((headers) =>
      postGraphQL(
        h.gateway,
        { query: '{ apiKeys(first: 5) { totalCount } }' },
        {
          ...headers,
          authorization: `Bearer ${t.warga}`,
        },
      ),
    );
    expect(m.code).toBe('FORBIDDEN');
    expect(m.en).toBe(FORBIDDEN.en);
    expect(m.id).toBe(FORBIDDEN.id);
    expectOneLanguage(m);
  });

  it('a scalar refusing a variable, inside graphql-js’s own wording', async () => {
    const query =
      'query($from: Day!, $to: Day!) { forumAccountability(from: $from, to: $to) { __typename } }';
    const m = await messages((headers) =>
      postGraphQL(h.gateway, { query, variables: { from: '2026-02-30', to: '2026-03-01' } }, headers),
    );
    expect(m.both).toContain(' / ');
    expect(m.en).not.toBe(m.both);
    expect(m.en).toContain('"$from"');
    expect(m.id).toContain('"$from"');
    expect(m.en).not.toContain(' / ');
    expect(m.id).not.toContain(' / ');
  });

  it('a refusal answered before GraphQL runs (415)', async () => {
    const m = await messages(async (headers) => {
      const response = await h.gateway.fetch('http://layanan.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...headers },
        body: 'a,b',
      });
      expect(response.status).toBe(415);
      return { body: await response.json() };
    });
    expect(m.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expectOneLanguage(m);
  });
});
