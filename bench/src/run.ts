// The whole bench: data, servers, scenarios, baselines and variants, in one run.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { type BenchData, type DataSize, prepareDatabase } from './generate.js';
import {
  type LoadOptions,
  type Measurement,
  measure,
  measurePaged,
  type PagedTarget,
  startServer,
  type Target,
} from './load.js';
import {
  PARSE_SIZES,
  S0,
  S1,
  S2,
  S2_PAGE,
  S2_POSTGRAPHILE,
  S3,
  S4,
  S5,
  SQL_S4,
  s6Body,
  s7FormBody,
  s8JsonBody,
} from './queries.js';
import type { GatewayVariant, ServerSpec } from './server-main.js';
import { measureUploadMemory, type UploadMemory } from './upload-memory.js';

export type BenchOptions = {
  readonly adminUrl: string;
  readonly database: string;
  readonly size: DataSize;
  readonly sizeName: string;
  readonly seed: string;
  readonly durationSec: number;
  readonly connections: number;
  readonly queueSizes: readonly number[];
  /**
   * The gateway's page size for the queue sizes above it (read as N / page size sequential pages);
   * default and at most GATEWAY_MAX_PAGE (smaller only for a tiny smoke run).
   */
  readonly gatewayPageSize?: number;
  /** First of the six ports the bench's servers listen on (default 4601: 4601–4606). */
  readonly basePort?: number;
  /** Gateway variants to measure (names from VARIANTS); none when empty. */
  readonly variants: readonly string[];
  /** Warm-up before each closed-loop run; default a third of the duration. */
  readonly warmupSec?: number;
  /** Directory for a --cpu-prof of the gateway under S2 (N=100); no profile when undefined. */
  readonly profileDir?: string;
  readonly keepDatabase: boolean;
  /** Reuse the database of an earlier run with --keep-database (skips generation). */
  readonly reuseDatabase?: boolean;
  readonly log: (line: string) => void;
};

export type BenchResult = {
  readonly data: BenchData;
  readonly measurements: readonly Measurement[];
  /** The gateway's resident memory while a 20 MB PDF is uploaded; null where /proc is missing. */
  readonly uploadMemory: UploadMemory | null;
  readonly profile: ProfileSummary | null;
};

export type ProfileSummary = {
  file: string;
  scenario: string;
  top: { name: string; url: string; selfPercent: number }[];
  packages: { name: string; selfPercent: number }[];
};

export const GATEWAY_MAX_PAGE = 100;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const portsFrom = (base: number) =>
  ({
    gateway: base,
    raw: base + 1,
    postgraphile: base + 2,
    sql: base + 3,
    variant: base + 4,
    profile: base + 5,
  }) as const;

export const VARIANTS: readonly { name: string; variant: GatewayVariant }[] = [
  { name: 'graphql-jit', variant: { jit: true } },
  { name: 'no-parse-cache', variant: { parseCache: false } },
  { name: 'plan-cache-0', variant: { queryPlanCacheMaxSize: 0 } },
  { name: 'plan-cache-1000', variant: { queryPlanCacheMaxSize: 1000 } },
  { name: 'response-cache', variant: { responseCache: true } },
  { name: '2-workers', variant: { workers: 2 } },
];

function gql(query: string, variables: Record<string, unknown> = {}): string {
  return JSON.stringify({ query, variables });
}

function dataOf(json: unknown): Record<string, unknown> | null {
  const body = json as { data?: Record<string, unknown> | null; errors?: unknown[] };
  if (body.errors?.length) return null;
  return body.data ?? null;
}

const hasEdges = (min: number) => (json: unknown) => {
  const edges = (dataOf(json)?.serviceRequests as { edges?: unknown[] } | undefined)?.edges;
  return edges && edges.length >= min ? null : `expected ≥ ${min} edges`;
};

async function login(port: number, email: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: gql('mutation($e: String!) { devLogin(email: $e) { ... on DevLoginPayload { token } } }', {
      e: email,
    }),
  });
  const token = ((await response.json()) as { data?: { devLogin?: { token?: string } } }).data?.devLogin
    ?.token;
  if (!token) throw new Error(`devLogin failed for ${email}`);
  return token;
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { log } = options;
  const PORTS = portsFrom(options.basePort ?? 4601);
  const pageSize = options.gatewayPageSize ?? GATEWAY_MAX_PAGE;
  if (pageSize < 1 || pageSize > GATEWAY_MAX_PAGE)
    throw new Error(`gatewayPageSize must be 1…${GATEWAY_MAX_PAGE}, got ${pageSize}`);
  const { url, data } = await prepareDatabase({
    adminUrl: options.adminUrl,
    database: options.database,
    size: options.size,
    seed: options.seed,
    reuse: options.reuseDatabase ?? false,
    log,
  });
  const load: LoadOptions = {
    durationSec: options.durationSec,
    connections: options.connections,
    warmupSec: options.warmupSec ?? Math.max(1, Math.round(options.durationSec / 3)),
    log,
  };
  const queueSizes = options.queueSizes.filter((n) => n <= data.queueLength);
  // The gateway's connections return at most 100 edges (Pothos relay's default maxConnectionSize),
  // so it answers S2 up to N=100 in one request; a larger N is read as a client does: N / 100
  // sequential pages (`after: endCursor`), measured as one operation (measurePaged).
  const gatewayQueueSizes = queueSizes.filter((n) => n <= pageSize);
  const pagedQueueSizes = queueSizes.filter((n) => n > pageSize);
  for (const n of pagedQueueSizes)
    if (n % pageSize !== 0)
      throw new Error(`queue size ${n} is not a whole number of ${pageSize}-item pages`);
  // Variants and the profile use S2 at N=100, or the largest N below it this data set allows.
  const focusQueue = `S2 N=${Math.max(...gatewayQueueSizes)}`;
  const measurements: Measurement[] = [];
  /** Measures each target in turn, keeping the measurements. */
  const measureAll = async (targets: readonly Target[]) => {
    for (const target of targets) measurements.push(await measure(target, load));
  };
  const codes = data.trackingCodes;
  const queueUnitId = await unitId(url, data.queueUnitCode);

  const gatewaySpec = (port: number, variant: GatewayVariant): ServerSpec => ({
    kind: 'gateway',
    port,
    url,
    jwtSecret: JWT_SECRET,
    variant,
  });

  // Gateway targets; tokens come from the accounts API (devLogin) of the first gateway.
  log('gateway (default configuration)');
  let server = await startServer(gatewaySpec(PORTS.gateway, {}));
  let uploadMemory: UploadMemory | null = null;
  const tokens: { admin: string; queue: string; citizen: string } = {
    admin: await login(PORTS.gateway, 'admin@layanan.test'),
    queue: await login(PORTS.gateway, data.queueStaffEmail),
    citizen: await login(PORTS.gateway, 'warga@layanan.test'),
  };
  const body1mb = s6Body();
  const formBodies = [s7FormBody(PARSE_SIZES.form), s7FormBody(2 * PARSE_SIZES.form)];
  const jsonBodies = [s8JsonBody(PARSE_SIZES.json), s8JsonBody(2 * PARSE_SIZES.json)];
  const gatewayTargets = (port: number, variant: string, only?: readonly string[]): Target[] => {
    const base = { server: 'gateway', variant, port, method: 'POST' as const };
    const all: Target[] = [
      {
        ...base,
        scenario: 'S0',
        next: () => ({ path: '/graphql', body: gql(S0) }),
        check: (j) => (dataOf(j) ? null : 'no data'),
      },
      {
        ...base,
        scenario: 'S1',
        headers: { authorization: `Bearer ${tokens.admin}` },
        next: (i) => ({ path: '/graphql', body: gql(S1, { code: codes[i % codes.length] }) }),
        check: (j) => (dataOf(j)?.serviceRequest ? null : 'no request'),
      },
      ...gatewayQueueSizes.map(
        (n): Target => ({
          ...base,
          scenario: `S2 N=${n}`,
          headers: { authorization: `Bearer ${tokens.queue}` },
          next: () => ({ path: '/graphql', body: gql(S2, { n }) }),
          check: hasEdges(n),
        }),
      ),
      ...(data.survey
        ? [
            {
              ...base,
              scenario: 'S4 IKM',
              next: () => ({
                path: '/graphql',
                body: gql(S4, { unit: data.survey?.unitCode, year: data.survey?.year }),
              }),
              check: (j: unknown) =>
                (dataOf(j)?.ikm as { __typename?: string })?.__typename === 'IkmPayload' ? null : 'no IKM',
            },
          ]
        : []),
      {
        ...base,
        scenario: 'S5 catalogue',
        next: () => ({ path: '/graphql', body: gql(S5) }),
        check: (j) => ((dataOf(j)?.services as { edges?: unknown[] })?.edges?.length ? null : 'no services'),
      },
      {
        ...base,
        scenario: 'S6 1 MB body',
        next: () => ({ path: '/graphql', body: body1mb }),
        check: (j) => (dataOf(j) ? null : 'no data'),
      },
      // Parsing cost at n and 2n (report.ts compares the pair).
      ...[1, 2].flatMap((k): Target[] => [
        {
          ...base,
          scenario: `S7 form ×${k}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          next: () => ({ path: '/open311/v2/requests.json', body: formBodies[k - 1] }),
          // Past 200 parameters the form is refused (400, TOO_MANY_PARAMETERS): what is measured
          // is how the refusal's cost grows with the body.
          expectedStatus: 400,
          check: (j) =>
            Array.isArray(j) && (j[0] as { code?: number })?.code === 400 ? null : 'not refused',
        },
        {
          ...base,
          scenario: `S8 JSON ×${k}`,
          next: () => ({ path: '/graphql', body: jsonBodies[k - 1] }),
          check: (j) => (dataOf(j) ? null : 'no data'),
        },
      ]),
    ];
    return only ? all.filter((t) => only.includes(t.scenario)) : all;
  };
  const pagedTargets = (port: number, variant: string): PagedTarget[] =>
    pagedQueueSizes.map((n) => ({
      scenario: `S2 N=${n}`,
      server: 'gateway',
      variant,
      port,
      path: '/graphql',
      headers: { authorization: `Bearer ${tokens.queue}` },
      pages: n / pageSize,
      pageSize,
      body: (after) => gql(S2_PAGE, { n: pageSize, after }),
      pageOf: (json) => {
        const connection = dataOf(json)?.serviceRequests as
          | { edges?: unknown[]; pageInfo?: { hasNextPage?: boolean; endCursor?: string | null } }
          | undefined;
        if (!connection?.edges || !connection.pageInfo) return 'no page';
        return {
          items: connection.edges.length,
          endCursor: connection.pageInfo.endCursor ?? null,
          hasNextPage: connection.pageInfo.hasNextPage === true,
        };
      },
    }));
  try {
    await measureAll(gatewayTargets(PORTS.gateway, 'default'));
    for (const target of pagedTargets(PORTS.gateway, 'default'))
      measurements.push(await measurePaged(target, load));
    // S3 writes, so it runs last against this data set.
    await measureAll([
      {
        server: 'gateway',
        variant: 'default',
        port: PORTS.gateway,
        method: 'POST',
        scenario: 'S3 submit',
        headers: { authorization: `Bearer ${tokens.citizen}` },
        next: (i) => ({
          path: '/graphql',
          body: gql(S3, { input: { serviceCode: data.submitServiceCode, text: `Permohonan bench ${i}` } }),
        }),
        check: (j) =>
          (dataOf(j)?.submitServiceRequest as { __typename?: string })?.__typename === 'ServiceRequestPayload'
            ? null
            : 'submit failed',
      },
    ]);
    // A figure, not a timed run: the gateway's memory while one 20 MB PDF streams in.
    const pid = server.pid;
    uploadMemory = pid
      ? await measureUploadMemory(PORTS.gateway, pid, tokens.citizen, {
          serviceCode: data.submitServiceCode,
          text: 'Permohonan bench dengan lampiran 20 MB',
        })
      : null;
    if (uploadMemory)
      log(
        `upload of a 20 MB PDF: gateway RSS ${uploadMemory.idleMiB} MiB before, peak ${uploadMemory.peakMiB} MiB (+${uploadMemory.growthMiB}), ${uploadMemory.outcome}`,
      );
  } finally {
    await server.stop();
  }

  log('baseline (a): node:http + pg');
  server = await startServer({ kind: 'raw', port: PORTS.raw, url });
  try {
    const base = { server: 'raw-pg', variant: 'baseline', port: PORTS.raw, method: 'GET' as const };
    await measureAll([
      {
        ...base,
        scenario: 'S1',
        next: (i) => ({ path: `/s1?code=${codes[i % codes.length]}` }),
        check: (j) => (dataOf(j)?.serviceRequest ? null : 'no request'),
      },
      ...queueSizes.map(
        (n): Target => ({
          ...base,
          scenario: `S2 N=${n}`,
          next: () => ({ path: `/s2?unit=${data.queueUnitCode}&n=${n}` }),
          check: hasEdges(n),
        }),
      ),
    ]);
  } finally {
    await server.stop();
  }

  log('baseline (b): PostGraphile 4');
  server = await startServer({ kind: 'postgraphile', port: PORTS.postgraphile, url });
  try {
    await measureAll(
      queueSizes.map(
        (n): Target => ({
          server: 'postgraphile',
          variant: 'baseline',
          port: PORTS.postgraphile,
          method: 'POST',
          scenario: `S2 N=${n}`,
          next: () => ({ path: '/graphql', body: gql(S2_POSTGRAPHILE, { unitId: queueUnitId, n }) }),
          check: (j) => {
            const nodes = (dataOf(j)?.allServiceRequests as { nodes?: unknown[] })?.nodes;
            return nodes && nodes.length >= n ? null : `expected ≥ ${n} nodes`;
          },
        }),
      ),
    );
  } finally {
    await server.stop();
  }

  if (data.survey) {
    log('baseline (c): bare SQL of S4 through pg');
    server = await startServer({ kind: 'sql', port: PORTS.sql, url, sql: SQL_S4 });
    try {
      const { year } = data.survey;
      const surveyUnitId = await unitId(url, data.survey.unitCode);
      const params = encodeURIComponent(JSON.stringify([surveyUnitId, `${year}-01-01`, `${year}-12-31`]));
      await measureAll([
        {
          server: 'bare-sql',
          variant: 'baseline',
          port: PORTS.sql,
          method: 'GET',
          scenario: 'S4 IKM',
          next: () => ({ path: `/?p=${params}` }),
          check: (j) => ((j as { data?: unknown[] }).data?.length ? null : 'no rows'),
        },
      ]);
    } finally {
      await server.stop();
    }
  }

  if (options.variants.length > 0) {
    for (const { name, variant } of VARIANTS.filter((v) => options.variants.includes(v.name))) {
      // The response cache only serves anonymous requests: the catalogue (S5) is its case.
      const focus = variant.responseCache ? ['S1', 'S5 catalogue'] : ['S1', focusQueue, 'S5 catalogue'];
      log(`gateway variant: ${name}`);
      server = await startServer(gatewaySpec(PORTS.variant, variant));
      try {
        await measureAll(gatewayTargets(PORTS.variant, name, focus));
      } finally {
        await server.stop();
      }
    }
  }

  let profile: ProfileSummary | null = null;
  if (options.profileDir) {
    log(`profiling the gateway under ${focusQueue} (--cpu-prof)`);
    await mkdir(options.profileDir, { recursive: true });
    const before = new Set(await readdir(options.profileDir));
    server = await startServer(gatewaySpec(PORTS.profile, {}), { cpuProfDir: options.profileDir });
    try {
      const target = gatewayTargets(PORTS.profile, 'profiled', [focusQueue])[0];
      if (target) await measure(target, load);
    } finally {
      await server.stop();
    }
    const file = (await readdir(options.profileDir)).find((f) => f.endsWith('.cpuprofile') && !before.has(f));
    if (file) profile = { ...(await summarizeProfile(join(options.profileDir, file))), scenario: focusQueue };
  }

  if (!options.keepDatabase) await dropDatabase(options.adminUrl, options.database);
  return { data, measurements, profile, uploadMemory };
}

async function unitId(url: string, code: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM unit WHERE code = $1', [code]);
    if (!rows[0]) throw new Error(`unit ${code} not found`);
    return rows[0].id;
  } finally {
    await client.end();
  }
}

async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};

/** Where a function lives: the npm package, `node:` internals, our code, or V8 itself. */
function packageOf(url: string): string {
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pnpm?.[1]) return pnpm[1];
  if (url.startsWith('node:')) return 'node (internals)';
  const ours = /\/(apps|packages|bench)\/([^/]+)\//.exec(url);
  if (ours) return `layanan ${ours[1]}/${ours[2]}`;
  return url ? 'other' : 'V8 (gc, idle, program)';
}

/**
 * Self time of a V8 .cpuprofile: the top 15 functions and the share per package, both as a
 * percentage of the busy (non-idle) samples.
 */
export async function summarizeProfile(file: string): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as { nodes: ProfileNode[] };
  const byName = new Map<string, { name: string; url: string; hits: number }>();
  const byPackage = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    const name = node.callFrame.functionName || '(anonymous)';
    if (name === '(idle)') continue;
    busy += hits;
    const pkg = packageOf(node.callFrame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
    const short = node.callFrame.url
      .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
      .replace(/^file:\/\/.*?\/(apps|packages|bench)\//, '$1/');
    const key = `${name}@${short}:${node.callFrame.lineNumber}`;
    const entry = byName.get(key) ?? { name, url: `${short}:${node.callFrame.lineNumber + 1}`, hits: 0 };
    entry.hits += hits;
    byName.set(key, entry);
  }
  const pct = (hits: number) => (busy ? Math.round((1000 * hits) / busy) / 10 : 0);
  const top = [...byName.values()]
    .sort((a, b) => b.hits - a.hits)
    .slice(0, 15)
    .map((e) => ({ name: e.name, url: e.url, selfPercent: pct(e.hits) }));
  const packages = [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([name, hits]) => ({ name, selfPercent: pct(hits) }));
  return { file, scenario: '', top, packages };
}
