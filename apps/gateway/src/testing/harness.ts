// Test harness: a gateway over a real database (PGlite or PostgreSQL), called through yoga.fetch.

import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database, QueryEvent } from '@layanan/db';
import { createTestDatabase } from '@layanan/db/testing';
import pino from 'pino';
import { type GatewayConfig, loadConfig } from '../app/config.js';
import { createGateway, type Gateway } from '../app/gateway.js';
import type { LayananPubSub } from '../app/pubsub.js';
import type { RateLimitStore } from '../app/rate-limits.js';
import type { DocumentSigner } from '../platform/signing/document-signer.js';
import { loadDocumentSigner } from '../platform/signing/ed25519-signer.js';
import type { BlobStore } from '../platform/storage/blob-store.js';
import { createFileBlobStore } from '../platform/storage/file-store.js';

export type GqlResult<T = Record<string, unknown>> = {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  headers: Headers;
};

export type Harness = {
  db: Database;
  /** Lets a test start a second gateway on the same database that accepts the same tokens. */
  config: GatewayConfig;
  gateway: Gateway;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    auth?: { token?: string; apiKey?: string; lang?: string; headers?: Record<string, string> },
  ): Promise<GqlResult<T>>;
  login(email: string): Promise<string>;
  /** Where the gateway keeps files: a temporary directory of this harness. */
  storage: BlobStore;
  /** The key that signs issued documents: a new one per harness. */
  signer: DocumentSigner;
  close(): Promise<void>;
};

/**
 * Configuration for test gateways: silent, rate limits off (test files submit hundreds of
 * requests from one address), and files in a temporary directory of this test process (never
 * under the repository).
 */
export const TEST_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'test',
  // Mail, files and keys in a temporary directory of this process, removed when it exits
  // (app/state-dir.ts).
  LAYANAN_DATA_DIR: 'memory://',
  LOG_LEVEL: 'silent',
  LAYANAN_RATE_AUTH_IP: 'off',
  LAYANAN_RATE_AUTH_ID: 'off',
  LAYANAN_RATE_SUBMIT_IP: 'off',
  LAYANAN_RATE_SUBMIT_ID: 'off',
  LAYANAN_RATE_SUBMIT_REPORTER: 'off',
};

export type HarnessOptions = {
  /**
   * What the database holds at the start. 'fixture' (default): the small shared fixture of
   * `@layanan/db/testing` — units, districts, services with their current versions, holidays,
   * the catalogues, the base staff and the demo accounts — and nothing else, so a test creates
   * the requests, submissions and answers it reads. 'demo': the whole demo seed (months of demo
   * requests, forums, 36 more staff, a year of survey answers), for tests of that data. 'none':
   * migrated and empty.
   */
  seed?: 'fixture' | 'demo' | 'none';
  pubsub?: LayananPubSub;
  onQuery?: (event: QueryEvent) => void;
  /** Extra configuration variables (e.g. tighter rate limits for the tests that check them). */
  env?: Record<string, string>;
  rateLimitStore?: RateLimitStore;
};

export async function createHarness(
  kind: 'pglite' | 'postgresql',
  options: HarnessOptions = {},
): Promise<Harness> {
  // A copy of the run's migrated and seeded template (vitest.global-setup.ts), not a new seed.
  const db = await createTestDatabase(kind, { onQuery: options.onQuery, seed: options.seed ?? 'fixture' });
  const config = loadConfig({ ...TEST_ENV, ...options.env });
  const log = process.env.DEBUG_GATEWAY ? pino({ level: 'debug' }) : pino({ level: 'silent' });
  const filesDir = mkdtempSync(join(tmpdir(), 'layanan-files-'));
  const storage = createFileBlobStore(filesDir);
  const signer = loadDocumentSigner({ kind: 'ephemeral' });
  const gateway = createGateway({
    db,
    config,
    log,
    storage,
    signer,
    pubsub: options.pubsub,
    rateLimitStore: options.rateLimitStore,
  });

  const gql: Harness['gql'] = async (query, variables, auth = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth.apiKey) headers['x-api-key'] = auth.apiKey;
    if (auth.lang) headers['accept-language'] = auth.lang;
    Object.assign(headers, auth.headers);
    const response = await gateway.fetch('http://layanan.test/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as any, headers: response.headers };
  };

  const login = async (email: string): Promise<string> => {
    const result = await gql<{ devLogin: { __typename: string; token?: string } }>(
      'mutation($email: String!) { devLogin(email: $email) { __typename ... on DevLoginPayload { token } } }',
      { email },
    );
    const token = result.body.data?.devLogin.token;
    if (!token) throw new Error(`login failed for ${email}: ${JSON.stringify(result.body)}`);
    return token;
  };

  return {
    db,
    config,
    gateway,
    gql,
    login,
    storage,
    signer,
    close: async () => {
      await db.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}
