// Shared by the reliability proofs: a throw-away PostgreSQL database, the BUILT gateway as a real
// child process (node dist/main.js), and a small GraphQL client over real HTTP.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * Environment every gateway started by these proofs gets. Load tests must not be throttled by
 * abuse protection, so rate limits are switched off here; any `LAYANAN_*` variable set by the
 * caller (e.g. `LAYANAN_RATE_SUBMIT_ID=off pnpm test:crash`) is passed through and wins over these.
 */
export const LOAD_TEST_ENV: Record<string, string> = {
  // The proofs sign in with devLogin and seed demo data: development mode (test).
  NODE_ENV: 'test',
  LAYANAN_RATE_AUTH_IP: 'off',
  LAYANAN_RATE_AUTH_ID: 'off',
  LAYANAN_RATE_SUBMIT_IP: 'off',
  LAYANAN_RATE_SUBMIT_ID: 'off',
  LAYANAN_RATE_SUBMIT_REPORTER: 'off',
  LAYANAN_ESCALATION_INTERVAL_MS: '0',
  LAYANAN_DEV_LOGIN: 'true',
  LAYANAN_GRAPHIQL: 'false',
  LOG_LEVEL: 'warn',
  // The proofs run on PostgreSQL: mail, files and generated keys go to a temporary directory of
  // each process (app/state-dir.ts), not to apps/gateway/.data.
  LAYANAN_DATA_DIR: 'memory://',
};

export const MAIN_JS = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const CWD = fileURLToPath(new URL('..', import.meta.url));

export const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

export type ScratchDatabase = { name: string; url: string; drop(): Promise<void>; client: pg.Client };

/** A fresh database with a unique name on the PostgreSQL server; `drop()` removes it. */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const name = `layanan_${prefix}_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    name,
    url: url.toString(),
    client,
    drop: async () => {
      await client.end().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export type GatewayProcess = {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
  logs: Record<string, unknown>[];
};

/** Starts `node dist/main.js` and resolves once it logs that it is ready. */
export function startGateway(env: Record<string, string>): Promise<GatewayProcess> {
  const passThrough = Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[0].startsWith('LAYANAN_') && e[1] !== undefined,
    ),
  );
  const child = spawn(process.execPath, [MAIN_JS], {
    cwd: CWD,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      ...LOAD_TEST_ENV,
      ...passThrough,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  const logs: Record<string, unknown>[] = [];
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a JSON log line (or split across chunks)
      }
    }
  });
  const port = Number(env.PORT);
  const url = `http://127.0.0.1:${port}/graphql`;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  // Ready = /readyz answers 200 (database reachable, migrations applied), whatever the log level.
  return (async () => {
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      if (gone) throw new Error(`gateway exited before it was ready: ${err}`);
      const ready = await fetch(url.replace('/graphql', '/readyz')).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) return { child, url, exited, stderr: () => err, logs };
      await new Promise((r) => setTimeout(r, 200));
    }
    child.kill('SIGKILL');
    throw new Error(`gateway did not start within 180 s: ${err}`);
  })();
}

// biome-ignore lint/suspicious/noExplicitAny: JSON from the wire, inspected field by field
export type GqlResponse = { status: number; body: any };

export async function gql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GqlResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = { raw: text };
  }
  return { status: response.status, body };
}

export async function devLogin(url: string, email: string): Promise<string> {
  const r = await gql(
    url,
    'mutation($email: String!) { devLogin(email: $email) { __typename ... on DevLoginPayload { token } } }',
    { email },
  );
  const token = r.body?.data?.devLogin?.token;
  if (typeof token !== 'string') throw new Error(`devLogin failed for ${email}: ${JSON.stringify(r.body)}`);
  return token;
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(runners);
}

export const SUBMIT = `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { id trackingCode } }
  ... on ValidationError { code messageEn fields { field code } }
  ... on NotFoundError { code }
} }`;

/** A valid submission of the seeded building-permit service (PBG). */
export function submissionInput(key: string, n: number): Record<string, unknown> {
  return {
    serviceCode: 'PBG',
    text: `Permohonan uji ketahanan nomor ${n}.`,
    attributes: {
      nik: '1373010101900001',
      kecamatan: 'LEMBAH_SEGAR',
      luas_bangunan: '120',
      fungsi: 'HUNIAN',
    },
    idempotencyKey: key,
  };
}
