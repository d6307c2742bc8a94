// A hook of any gateway plugin that fails unexpectedly (issue 15 retest: the input guard's
// `push(...items)` overflowed the stack on a ~900 KB JSON array of variables and escaped as an
// unmasked 500) answers a masked 500 naming the request id, logged once with the detail — in
// production mode, whichever hook it is.
import { testDatabaseKinds } from '@layanan/db/testing';
import type { Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPem } from '../platform/signing/ed25519-signer.js';
import { productionGateway } from '../testing/production-gateway.js';
import { useHarness } from '../testing/use-harness.js';

const INTERNALS = /Maximum call stack|\/work\/|node_modules|\bat [\w.<>]+ \(/;

describe.each(testDatabaseKinds())('plugin failures on %s', (kind) => {
  const { h } = useHarness(kind);
  const signingKey = generateSigningKeyPem();
  const gatewayWith = (plugins: Plugin[] = []) => {
    const { gateway, lines } = productionGateway(h, { signingKey, plugins });
    return { gateway, errors: () => lines.filter((l) => (l.level as number) >= 50) };
  };
  const post = (gateway: ReturnType<typeof gatewayWith>['gateway'], body: string) =>
    gateway.fetch('http://layanan.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

  it.each([
    'onRequest',
    'onRequestParse',
    'onParams',
    'onParse',
    'onValidate',
    'onContextBuilding',
    'onExecute',
  ])('a throw in %s is a masked 500 with the request id, logged once', async (hook) => {
    const boom = () => {
      throw new RangeError('Maximum call stack size exceeded at /work/secret.ts');
    };
    const { gateway, errors } = gatewayWith([{ [hook]: boom } as Plugin]);
    const response = await post(gateway, JSON.stringify({ query: '{ __typename }' }));
    const text = await response.text();
    const requestId = response.headers.get('x-request-id') ?? '';
    expect(response.status).toBe(500);
    expect(text).not.toMatch(INTERNALS);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(text).toContain(requestId);
    expect(JSON.parse(text).errors[0].extensions).toMatchObject({ code: 'UNEXPECTED_ERROR', requestId });
    expect(errors()).toHaveLength(1);
    expect(errors()[0]).toMatchObject({ requestId, msg: 'unexpected error' });
    expect(JSON.stringify(errors()[0])).toContain('Maximum call stack');
  });

  it('a throw in onResponse is logged once with the request id, the answer still sent', async () => {
    const { gateway, errors } = gatewayWith([
      {
        onResponse() {
          throw new Error('late failure');
        },
      },
    ]);
    const response = await post(gateway, JSON.stringify({ query: '{ __typename }' }));
    expect(response.status).toBe(200);
    expect(errors()).toHaveLength(1);
    expect(errors()[0]).toMatchObject({ msg: 'unexpected error', requestId: expect.any(String) });
  });

  it('takes a ~900 KB JSON array of variables without overflowing the stack', async () => {
    const { gateway, errors } = gatewayWith();
    const ids = Array.from({ length: 450_000 }, () => 0);
    const body = JSON.stringify({ query: 'query($ids: [ID!]!) { __typename }', variables: { ids } });
    expect(body.length).toBeGreaterThan(900_000);
    expect(body.length).toBeLessThan(1_000_000);
    const response = await post(gateway, body);
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBeLessThan(500);
    expect(text).not.toMatch(INTERNALS);
    expect(errors()).toEqual([]);
  });
});
