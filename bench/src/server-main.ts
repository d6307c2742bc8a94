// One benchmarked server per process, so each has its own event loop as in production:
//   node --import tsx src/server-main.ts '<ServerSpec as JSON>'
// Every server answers GET /__bench/statements with the SQL statements it has sent so far.
import cluster from 'node:cluster';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '@layanan/db';
import { createGateway, loadConfig } from '@layanan/gateway';
import type { Plugin } from 'graphql-yoga';
import pg from 'pg';
import pino from 'pino';
import { SQL_S1, SQL_S2 } from './queries.js';

export type GatewayVariant = {
  /** graphql-jit compiles each operation to JavaScript (@envelop/graphql-jit). */
  readonly jit?: boolean;
  /** Yoga's parse/validate cache; on by default. */
  readonly parseCache?: boolean;
  /** Prisma's query plan cache size; Prisma's default when undefined. */
  readonly queryPlanCacheMaxSize?: number;
  /** @graphql-yoga/plugin-response-cache for anonymous requests (the public catalogue). */
  readonly responseCache?: boolean;
  /** node:cluster workers; 1 = no cluster. */
  readonly workers?: number;
};

export type ServerSpec =
  | { kind: 'gateway'; port: number; url: string; jwtSecret: string; variant: GatewayVariant }
  | { kind: 'raw'; port: number; url: string }
  | { kind: 'postgraphile'; port: number; url: string }
  | { kind: 'sql'; port: number; url: string; sql: string };

const POOL_SIZE = 10;

/** A pg pool whose clients count every statement they send. */
function countingPool(url: string): { pool: pg.Pool; statements: () => number } {
  let count = 0;
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      count++;
      return query(...args);
    };
  });
  return { pool, statements: () => count };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function statementsRoute(
  req: IncomingMessage,
  res: ServerResponse,
  statements: () => number | null,
): boolean {
  if (req.url !== '/__bench/statements') return false;
  sendJson(res, 200, { statements: statements(), pid: process.pid });
  return true;
}

/**
 * Listens on 127.0.0.1:`port` with long keep-alive, tells the parent process it is ready, and on
 * SIGTERM closes the server and its connections, then `release` (pool or database), then exits.
 */
async function serveUntilTerm(
  server: ReturnType<typeof createServer>,
  port: number,
  release: () => Promise<void>,
): Promise<void> {
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  process.send?.('ready');
  process.on('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void release().finally(() => process.exit(0));
  });
}

async function startGateway(spec: Extract<ServerSpec, { kind: 'gateway' }>): Promise<void> {
  const variant = spec.variant;
  const workers = variant.workers ?? 1;
  if (workers > 1 && cluster.isPrimary) {
    for (let i = 0; i < workers; i++) cluster.fork();
    let ready = 0;
    cluster.on('message', (_worker, message) => {
      if (message === 'ready' && ++ready === workers) process.send?.('ready');
    });
    cluster.on('exit', (_w, code) => {
      if (code !== 0) process.exit(code ?? 1);
    });
    process.on('SIGTERM', () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      process.exit(0);
    });
    return;
  }
  let count = 0;
  const db = await createDatabase({
    url: spec.url,
    migrate: false,
    poolSize: POOL_SIZE,
    onQuery: (event) => {
      count++;
      // BENCH_LOG_SQL=1 prints every statement (to see what a scenario sends).
      if (process.env.BENCH_LOG_SQL)
        process.stderr.write(`SQL ${event.sql.replace(/\s+/g, ' ').slice(0, 400)}\n`);
    },
    queryPlanCacheMaxSize: variant.queryPlanCacheMaxSize,
  });
  const config = loadConfig({
    // The bench signs in with devLogin, which exists only in development mode.
    NODE_ENV: 'test',
    DATABASE_URL: spec.url,
    LOG_LEVEL: 'silent',
    LAYANAN_JWT_SECRET: spec.jwtSecret,
    LAYANAN_GRAPHIQL: 'false',
    LAYANAN_ESCALATION_INTERVAL_MS: '0',
    // Rate limits would measure the limiter, not the gateway.
    LAYANAN_RATE_AUTH_IP: 'off',
    LAYANAN_RATE_AUTH_ID: 'off',
    LAYANAN_RATE_SUBMIT_IP: 'off',
    LAYANAN_RATE_SUBMIT_ID: 'off',
    LAYANAN_RATE_SUBMIT_REPORTER: 'off',
    // Uploaded files (the upload-memory figure) go to a temporary directory, not the repository.
    LAYANAN_FILES_DIR: join(tmpdir(), `layanan-bench-files-${process.pid}`),
    // Mail and generated keys too (app/state-dir.ts); the database is PostgreSQL (DATABASE_URL).
    LAYANAN_DATA_DIR: 'memory://',
  });
  const plugins: Plugin[] = [];
  if (variant.jit) {
    const { useGraphQlJit } = await import('@envelop/graphql-jit');
    plugins.push(useGraphQlJit() as Plugin);
  }
  if (variant.responseCache) {
    const { useResponseCache } = await import('@graphql-yoga/plugin-response-cache');
    plugins.push(
      useResponseCache({
        // Only anonymous requests are cached (one shared entry per operation and variables);
        // anything with a token or API key is never cached.
        session: () => null,
        enabled: (request) => !request.headers.get('authorization') && !request.headers.get('x-api-key'),
        ttl: 10_000,
      }) as Plugin,
    );
  }
  const gateway = createGateway({
    db,
    config,
    log: pino({ level: 'silent' }),
    tuning: { plugins, parserAndValidationCache: variant.parseCache ?? true },
  });
  const server = createServer((req, res) => {
    if (statementsRoute(req, res, () => (workers > 1 ? null : count))) return;
    void gateway(req, res);
  });
  await serveUntilTerm(server, spec.port, () => db.close());
}

type S1Row = {
  trackingCode: string;
  state: string;
  submittedAt: Date;
  serviceCode: string;
  serviceName: string;
  unitCode: string;
  unitName: string;
};
type S2Row = {
  trackingCode: string;
  state: string;
  submittedAt: Date;
  serviceCode: string;
  serviceName: string;
  assigneeName: string | null;
  assigneeRank: string | null;
  assigneeUnitCode: string | null;
  assigneeUnitName: string | null;
  events: { sequence: number; toState: string; at: string }[];
};

/** Baseline (a): node:http + pg, hand-written SQL, the gateway's JSON. No auth, no GraphQL. */
async function startRaw(spec: Extract<ServerSpec, { kind: 'raw' }>): Promise<void> {
  const { pool, statements } = countingPool(spec.url);
  const server = createServer((req, res) => {
    if (statementsRoute(req, res, statements)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (url.pathname === '/s1') {
        const { rows } = await pool.query<S1Row>(SQL_S1, [url.searchParams.get('code')]);
        const r = rows[0];
        return {
          data: {
            serviceRequest: r
              ? {
                  trackingCode: r.trackingCode,
                  state: r.state,
                  submittedAt: r.submittedAt.toISOString(),
                  service: { code: r.serviceCode, name: r.serviceName },
                  unit: { code: r.unitCode, name: r.unitName },
                }
              : null,
          },
        };
      }
      if (url.pathname === '/s2') {
        const { rows } = await pool.query<S2Row>(SQL_S2, [
          url.searchParams.get('unit'),
          Number(url.searchParams.get('n')),
        ]);
        return {
          data: {
            serviceRequests: {
              edges: rows.map((r) => ({
                node: {
                  trackingCode: r.trackingCode,
                  state: r.state,
                  submittedAt: r.submittedAt.toISOString(),
                  service: { code: r.serviceCode, name: r.serviceName },
                  assignee: r.assigneeName
                    ? {
                        name: r.assigneeName,
                        rank: r.assigneeRank,
                        unit: { code: r.assigneeUnitCode, name: r.assigneeUnitName },
                      }
                    : null,
                  events: r.events.map((e) => ({
                    sequence: e.sequence,
                    toState: e.toState,
                    at: new Date(e.at).toISOString(),
                  })),
                },
              })),
            },
          },
        };
      }
      return undefined;
    };
    handle().then(
      (body) => (body ? sendJson(res, 200, body) : sendJson(res, 404, { error: 'not found' })),
      (error: unknown) => sendJson(res, 500, { error: String(error) }),
    );
  });
  await serveUntilTerm(server, spec.port, () => pool.end());
}

/** Baseline (c): one bare SQL statement with JSON parameters from the query string (`?p=[…]`). */
async function startSql(spec: Extract<ServerSpec, { kind: 'sql' }>): Promise<void> {
  const { pool, statements } = countingPool(spec.url);
  const server = createServer((req, res) => {
    if (statementsRoute(req, res, statements)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const params = JSON.parse(url.searchParams.get('p') ?? '[]') as unknown[];
    pool.query(spec.sql, params).then(
      (result) => sendJson(res, 200, { data: result.rows }),
      (error: unknown) => sendJson(res, 500, { error: String(error) }),
    );
  });
  await serveUntilTerm(server, spec.port, () => pool.end());
}

/** Baseline (b): PostGraphile 4 on the same database, default inflection, queries only. */
async function startPostGraphile(spec: Extract<ServerSpec, { kind: 'postgraphile' }>): Promise<void> {
  const { postgraphile } = await import('postgraphile');
  const { pool, statements } = countingPool(spec.url);
  const handler = postgraphile(pool, 'public', {
    disableDefaultMutations: true,
    disableQueryLog: true,
    graphiql: false,
    dynamicJson: true,
    ignoreRBAC: true,
    // Prisma's bookkeeping table is not part of the API.
    ignoreIndexes: true,
    retryOnInitFail: false,
  });
  const server = createServer((req, res) => {
    if (statementsRoute(req, res, statements)) return;
    handler(req, res);
  });
  await serveUntilTerm(server, spec.port, () => pool.end());
}

const spec = JSON.parse(process.argv[2] ?? '{}') as ServerSpec;
const start = { gateway: startGateway, raw: startRaw, postgraphile: startPostGraphile, sql: startSql }[
  spec.kind
] as (s: ServerSpec) => Promise<void>;
start(spec).catch((error: unknown) => {
  process.stderr.write(
    `bench server ${spec.kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
