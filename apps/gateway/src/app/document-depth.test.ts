// A GraphQL document nested far deeper than the depth limit (issue 15 retest: 5000 levels of
// `{a{a{…` or of list/object literals reached graphql-js's recursive parser and failed with a
// 500) is refused with QUERY_TOO_DEEP (400) before it is parsed: GET, POST and batches alike.
import { testDatabaseKinds } from '@layanan/db/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { TEST_ENV } from '../testing/harness.js';
import { useHarness } from '../testing/use-harness.js';
import { loadConfig } from './config.js';
import { documentDepth } from './document-depth.js';
import { createGateway } from './gateway.js';
import { memoryRateLimitStore } from './rate-limits.js';

const LEVELS = 5000;
const DEEP = {
  selections: `{${'a{'.repeat(LEVELS)}b${'}'.repeat(LEVELS)}}`,
  lists: `{ unit(code: ${'['.repeat(LEVELS)}"X"${']'.repeat(LEVELS)}) { code } }`,
  objects: `{ unit(code: ${'{a:'.repeat(LEVELS)}1${'}'.repeat(LEVELS)}) { code } }`,
  unclosed: `{${'a{'.repeat(LEVELS)}`,
};

describe('documentDepth', () => {
  it('counts brackets outside strings, block strings and comments, in one pass', () => {
    expect(documentDepth('{ a { b(x: [{ y: 1 }]) } }')).toBe(5);
    expect(documentDepth('{ a(s: "{{{{[[[(((", t: """ {{{{ \\""" {{{ """) # {{{{{\n }')).toBe(2);
    expect(documentDepth(DEEP.selections, 40)).toBe(41);
  });
});

describe.each(testDatabaseKinds())('documents nested too deep on %s', (kind) => {
  const { h } = useHarness(kind);
  const batching = () =>
    createGateway({
      db: h.db,
      config: { ...loadConfig({ ...TEST_ENV, LAYANAN_MAX_BATCH: '2' }), jwtSecret: h.config.jwtSecret },
      log: pino({ level: 'silent' }),
      rateLimitStore: memoryRateLimitStore(),
    });
  const refusedAsTooDeep = async (response: Response) => {
    const text = await response.text();
    expect(response.status, text.slice(0, 200)).toBe(400);
    const body = JSON.parse(text);
    const errors = Array.isArray(body) ? body.flatMap((b: any) => b.errors ?? []) : body.errors;
    expect(errors.map((e: any) => e.extensions?.code)).toContain('QUERY_TOO_DEEP');
  };

  it.each(Object.entries(DEEP))(
    'refuses %s 5000 levels deep before parsing, POST and GET',
    async (_, query) => {
      await refusedAsTooDeep(
        await h.gateway.fetch('http://layanan.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        }),
      );
      await refusedAsTooDeep(
        await h.gateway.fetch(`http://layanan.test/graphql?query=${encodeURIComponent(query)}`, {
          headers: { 'x-graphql-yoga-csrf': '1' },
        }),
      );
    },
  );

  it('refuses a batch with one document nested too deep', async () => {
    const response = await batching().fetch('http://layanan.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: DEEP.lists }]),
    });
    const [shallow, deep] = (await response.json()) as any[];
    expect(shallow.data).toEqual({ __typename: 'Query' });
    expect(deep.data).toBeUndefined();
    expect(deep.errors.map((e: any) => e.extensions.code)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('still answers a query at the depth limit with brackets in its strings', async () => {
    let nested = 'code';
    for (let i = 0; i < 9; i++) nested = `parent { ${nested} }`;
    const query = `{ unit(code: "${'{['.repeat(200)}") { ${nested} } u2: unit(code: "DPMPTSP") { ${nested} } }`;
    const response = await h.gateway.fetch('http://layanan.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as any;
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(body.data).toEqual({ unit: null, u2: { parent: null } });
  });
});
