// Cost limits see variables, and every alias counts (issue 15 kind 2): a query refused as too
// expensive with literal page sizes is refused the same when the sizes come as variables
// (subscriptions are priced the same way); aliases of any field, __typename included, count toward
// LAYANAN_MAX_ALIASES.
import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@layanan/db/testing';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../graphql/schema.js';
import { postGraphQL } from '../testing/http.js';
import { useHarness } from '../testing/use-harness.js';
import { operationCost } from './security.js';

// The attack of the issue: staff pages within staff pages, 30 aliases, page sizes as variables.
const nested = (page: (level: string) => string) => {
  const inner = `staff(${page('b')}) { edges { node { name unit { staff(${page('b')}) { edges { node { name } } } } } } }`;
  const one = (i: number) =>
    `a${i}: staffMembers(${page('a')}) { edges { node { name unit { ${inner} } } } }`;
  return Array.from({ length: 30 }, (_, i) => one(i)).join(' ');
};
const WITH_VARIABLES = `query($a: Int, $b: Int) { ${nested((v) => `first: $${v}`)} }`;
const WITH_LITERALS = `{ ${nested(() => 'first: 100')} }`;
const codeOf = (body: any) => body?.errors?.[0]?.extensions?.code;

describe('operationCost', () => {
  it('prices page sizes from variables exactly as written literally', () => {
    const literal = operationCost({ schema, document: parse(WITH_LITERALS) });
    const variables = operationCost({
      schema,
      document: parse(WITH_VARIABLES),
      variableValues: { a: 100, b: 100 },
    });
    expect(variables).toBe(literal);
    expect(variables).toBeGreaterThan(500_000);
    // Without first/last a connection costs its default page (20), a capped size its cap.
    const page = (args: string) =>
      operationCost({ schema, document: parse(`{ units${args} { totalCount } }`) });
    expect(page('')).toBe(page('(first: 20)'));
    expect(page('(first: 100000)')).toBe(page('(first: 500)'));
  });
});

// `nodes(ids:)` fetches one object per id: priced as that many `node(id:)` (issue 15 retest).
const HEAVY_NODE = '... on Unit { staff(first: 100) { edges { node { name unit { name } } } } }';
const ids = (n: number) =>
  Array.from({ length: n }, () => Buffer.from(`Unit:${randomUUID()}`).toString('base64'));

describe('operationCost of lists fetched by a list argument', () => {
  it('multiplies nodes(ids:) by the number of ids, literal or variable', () => {
    const cost = (n: number) =>
      operationCost({
        schema,
        document: parse(`{ nodes(ids: ${JSON.stringify(ids(n))}) { ${HEAVY_NODE} } }`),
      });
    const one = operationCost({ schema, document: parse(`{ node(id: "x") { ${HEAVY_NODE} } }`) }) ?? 0;
    expect(cost(200)).toBe(200 * one);
    expect(cost(1)).toBe(one);
    const variables = operationCost({
      schema,
      document: parse(`query($ids: [ID!]!) { nodes(ids: $ids) { ${HEAVY_NODE} } }`),
      variableValues: { ids: ids(200) },
    });
    expect(variables).toBe(cost(200));
  });
});

describe.each(testDatabaseKinds())('query cost and aliases on %s', (kind) => {
  const { h } = useHarness(kind);

  it('refuses nodes(ids:) whose ids make it too expensive, and serves a few', async () => {
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { ${HEAVY_NODE} } }`;
    const many = await postGraphQL(h.gateway, { query, variables: { ids: ids(200) } });
    expect(codeOf(many.body)).toBe('QUERY_TOO_EXPENSIVE');
    const literal = await postGraphQL(h.gateway, {
      query: `{ nodes(ids: ${JSON.stringify(ids(200))}) { id } }`,
    });
    expect(literal.body.errors, JSON.stringify(literal.body.errors)).toBeUndefined();
    const few = await postGraphQL(h.gateway, { query, variables: { ids: ids(10) } });
    expect(few.body.errors, JSON.stringify(few.body.errors)).toBeUndefined();
  });

  it('refuses the expensive query whether page sizes are literals or variables', async () => {
    const literal = await postGraphQL(h.gateway, { query: WITH_LITERALS });
    expect(codeOf(literal.body)).toBe('QUERY_TOO_EXPENSIVE');
    const variables = await postGraphQL(h.gateway, { query: WITH_VARIABLES, variables: { a: 100, b: 100 } });
    expect(variables.status).toBe(400);
    expect(codeOf(variables.body)).toBe('QUERY_TOO_EXPENSIVE');
    expect(variables.body.errors[0].message).toContain('Query too expensive (cost at most 500000)');
    expect(variables.body.data).toBeUndefined();
    // The same shape with small pages is served.
    const small = await postGraphQL(h.gateway, { query: WITH_VARIABLES, variables: { a: 1, b: 1 } });
    expect(small.body.errors).toBeUndefined();
  });

  it('counts aliases of every field, __typename included', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ');
    expect(codeOf((await postGraphQL(h.gateway, { query: `{ ${aliases(31)} }` })).body)).toBe(
      'TOO_MANY_ALIASES',
    );
    expect((await postGraphQL(h.gateway, { query: `{ ${aliases(30)} }` })).body.errors).toBeUndefined();
    // Aliases inside fragments count once per spread.
    const spread = `{ ...F ...G } fragment F on Query { ${aliases(16)} } fragment G on Query { ${aliases(16).replace(/t(\d+):/g, 'u$1:')} }`;
    expect(codeOf((await postGraphQL(h.gateway, { query: spread })).body)).toBe('TOO_MANY_ALIASES');
  });
});
