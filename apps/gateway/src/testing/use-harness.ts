// One harness per describe block, without the beforeAll/afterAll boilerplate:
//
//   describe.each(testDatabaseKinds())('staff on %s', (kind) => {
//     const { h, t } = useHarness(kind, { seed: 'demo', login: ['admin', 'yulia'] });
//     it('…', async () => { await h.gql(q, {}, { token: t.yulia }); });
//   });
import type { TestDatabaseKind } from '@layanan/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { type AccountName, loginAll } from './accounts.js';
import { createHarness, type Harness, type HarnessOptions } from './harness.js';

/**
 * Creates a harness before the tests of the enclosing describe block (then dev-logs in as each
 * account of `login`) and closes it after them. `h` may be captured at once: it forwards to the
 * harness of the block, and throws when used outside a test. `t` holds the tokens by account name,
 * filled before the first test.
 */
export function useHarness<const N extends AccountName = never>(
  kind: TestDatabaseKind,
  options: HarnessOptions & { login?: readonly N[] } = {},
): { h: Harness; t: Readonly<Record<N, string>> } {
  const { login = [], ...harnessOptions } = options;
  let current: Harness | undefined;
  const t = {} as Record<N, string>;
  beforeAll(async () => {
    current = await createHarness(kind, harnessOptions);
    Object.assign(t, await loginAll(current, login));
  });
  afterAll(async () => {
    await current?.close();
  });
  const harness = (): Harness => {
    if (!current) throw new Error('useHarness: the harness exists only inside the tests of its block');
    return current;
  };
  const h: Harness = {
    get db() {
      return harness().db;
    },
    get config() {
      return harness().config;
    },
    get gateway() {
      return harness().gateway;
    },
    get storage() {
      return harness().storage;
    },
    get signer() {
      return harness().signer;
    },
    gql: (query, variables, auth) => harness().gql(query, variables, auth),
    login: (email) => harness().login(email),
    close: () => harness().close(),
  };
  return { h, t };
}
