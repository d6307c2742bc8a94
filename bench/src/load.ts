// Drives one target with autocannon: closed loop (fixed connections, no pipelining) for the
// maximum rate, then a fixed rate of 80 % of it for latency; counts SQL statements per request
// over a few sequential requests.
import { type ChildProcess, fork } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { ServerSpec } from './server-main.js';

export type Target = {
  readonly scenario: string;
  readonly server: string;
  readonly variant: string;
  readonly port: number;
  readonly method: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  /** Called per request: the path and body (varying tracking codes and so on). */
  readonly next: (i: number) => { path: string; body?: string };
  /** Checks one response before measuring; returns a problem or null. */
  readonly check: (json: unknown) => string | null;
  /** The HTTP status every answer has (default 200); a refusal measured on purpose says 400. */
  readonly expectedStatus?: number;
};

export type Measurement = {
  readonly scenario: string;
  readonly server: string;
  readonly variant: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly fixedRate: number;
  readonly fixedRps: number;
  /** SQL statements per operation: per request, or per whole paged read (sum over its pages). */
  readonly statementsPerRequest: number | null;
  readonly errors: number;
  /** Paged reads only: sequential requests per operation, and SQL statements per page. */
  readonly pages?: number;
  readonly statementsPerPage?: number | null;
};

export type LoadOptions = {
  durationSec: number;
  connections: number;
  warmupSec: number;
  log: (line: string) => void;
};

const serverMain = fileURLToPath(new URL('./server-main.ts', import.meta.url));

export async function startServer(
  spec: ServerSpec,
  options: { cpuProfDir?: string } = {},
): Promise<{ pid: number | undefined; stop(): Promise<void> }> {
  const execArgv = ['--import', 'tsx'];
  if (options.cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
  const child: ChildProcess = fork(serverMain, [JSON.stringify(spec)], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.kind} server did not start in 120 s`)), 120_000);
    child.once('message', (m) => {
      if (m === 'ready') {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.kind} server exited with ${code}`));
    });
  });
  return {
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function send(target: Target, i: number): Promise<{ status: number; json: unknown }> {
  const { path, body } = target.next(i);
  const response = await fetch(`http://127.0.0.1:${target.port}${path}`, {
    method: target.method,
    headers: { 'content-type': 'application/json', ...target.headers },
    body,
  });
  return { status: response.status, json: await response.json() };
}

async function statements(port: number): Promise<number | null> {
  const response = await fetch(`http://127.0.0.1:${port}/__bench/statements`);
  return ((await response.json()) as { statements: number | null }).statements;
}

/**
 * The server's statement count once it is quiet: requests of the previous run still in flight
 * would be counted too, so it waits (250 ms steps, 5 s at most) until two readings agree.
 */
async function quietStatements(port: number): Promise<number | null> {
  let before = await statements(port);
  for (let settle = 0; settle < 20; settle++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await statements(port);
    if (now === before) break;
    before = now;
  }
  return before;
}

type LoadRunOptions = { durationSec: number; connections: number; overallRate?: number };

function run(target: Target, opts: LoadRunOptions) {
  let i = 0;
  return autocannon({
    url: `http://127.0.0.1:${target.port}`,
    connections: opts.connections,
    pipelining: 1,
    duration: opts.durationSec,
    ...(opts.overallRate ? { overallRate: opts.overallRate } : {}),
    requests: [
      {
        method: target.method,
        headers: { 'content-type': 'application/json', ...target.headers },
        setupRequest: (request) => {
          const { path, body } = target.next(i++);
          return { ...request, path, body };
        },
      },
    ],
  });
}

/** How to load one kind of target: one call, a load run, and what its result reports. */
type Load<R> = {
  /** Sequential calls whose SQL statements are counted (the mean is reported per request). */
  readonly sample: number;
  readonly once: (k: number) => Promise<unknown>;
  readonly run: (opts: LoadRunOptions) => Promise<R>;
  readonly perSecond: (result: R) => number;
  readonly latency: (result: R) => { p50: number; p99: number };
  readonly errors: (result: R) => number;
};

/**
 * What every target goes through: SQL statements per request over a few sequential calls (counted
 * by the server; null when it does not count them), then a warm-up (JIT, pools, caches), the
 * closed-loop maximum, and a fixed rate at 80 % of that maximum (req/s), whose latencies are reported.
 */
async function measureLoad<R>(
  target: {
    readonly scenario: string;
    readonly server: string;
    readonly variant: string;
    readonly port: number;
  },
  options: LoadOptions,
  load: Load<R>,
): Promise<Measurement> {
  const before = await quietStatements(target.port);
  for (let k = 1; k <= load.sample; k++) await load.once(k);
  const after = await statements(target.port);
  const statementsPerRequest = before === null || after === null ? null : (after - before) / load.sample;

  const { durationSec, connections } = options;
  if (options.warmupSec > 0) await load.run({ durationSec: options.warmupSec, connections });
  const max = await load.run({ durationSec, connections });
  const rps = load.perSecond(max);
  const fixedRate = Math.max(1, Math.floor(rps * 0.8));
  const fixed = await load.run({ durationSec, connections, overallRate: fixedRate });
  return {
    scenario: target.scenario,
    server: target.server,
    variant: target.variant,
    rps,
    ...load.latency(fixed),
    fixedRate,
    fixedRps: load.perSecond(fixed),
    statementsPerRequest,
    errors: load.errors(max) + load.errors(fixed),
  };
}

export async function measure(target: Target, options: LoadOptions): Promise<Measurement> {
  const first = await send(target, 0);
  const expected = target.expectedStatus ?? 200;
  const problem = first.status === expected ? target.check(first.json) : `HTTP ${first.status}`;
  if (problem) {
    throw new Error(
      `${target.server}/${target.variant} ${target.scenario}: ${problem} ${JSON.stringify(first.json).slice(0, 300)}`,
    );
  }
  const result = await measureLoad(target, options, {
    sample: 5,
    once: (k) => send(target, k),
    run: (opts) => run(target, opts),
    perSecond: (r) => r.requests.average,
    latency: (r) => ({ p50: r.latency.p50, p99: r.latency.p99 }),
    // Answers with another status than expected count as errors (a refusal target expects its 4xx).
    errors: (r) => r.errors + (expected === 200 ? r.non2xx : 0),
  });
  const { rps, statementsPerRequest } = result;
  options.log(
    `  ${target.server.padEnd(12)} ${target.variant.padEnd(14)} ${target.scenario.padEnd(14)} ` +
      `${rps.toFixed(0).padStart(6)} req/s  p50 ${String(result.p50).padStart(4)} ms  p99 ${String(result.p99).padStart(4)} ms` +
      `  SQL/req ${statementsPerRequest ?? 'n/a'}${result.errors ? `  errors ${result.errors}` : ''}`,
  );
  return result;
}

/**
 * A read that a client has to page through: one operation is `pages` sequential requests, each
 * after the previous page's end cursor. Autocannon cannot chain requests, so this target has its
 * own load loop (measurePaged) with the same phases as measure().
 */
export type PagedTarget = {
  readonly scenario: string;
  readonly server: string;
  readonly variant: string;
  readonly port: number;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly pages: number;
  readonly pageSize: number;
  /** The request body of a page: the first one has no cursor. */
  readonly body: (after: string | null) => string;
  /** The page in a response: its item count and cursor, or a problem. */
  readonly pageOf: (
    json: unknown,
  ) => { items: number; endCursor: string | null; hasNextPage: boolean } | string;
};

function post(agent: Agent, port: number, path: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const req = httpRequest(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            });
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** One paged read: all pages in order; throws with the problem when a page is wrong. */
async function readPaged(target: PagedTarget, agent: Agent): Promise<void> {
  let after: string | null = null;
  for (let page = 1; page <= target.pages; page++) {
    const { status, json } = await post(
      agent,
      target.port,
      target.path,
      target.headers ?? {},
      target.body(after),
    );
    if (status !== 200) throw new Error(`page ${page}: HTTP ${status}`);
    const got = target.pageOf(json);
    if (typeof got === 'string')
      throw new Error(`page ${page}: ${got} ${JSON.stringify(json).slice(0, 300)}`);
    if (got.items !== target.pageSize)
      throw new Error(`page ${page}: ${got.items} items, expected ${target.pageSize}`);
    if (page < target.pages && (!got.hasNextPage || !got.endCursor))
      throw new Error(`page ${page}: no next page`);
    after = got.endCursor;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
}

/**
 * Closed loop over paged reads: `connections` workers on as many keep-alive sockets, each starting
 * its next read when the previous one ends; with `overallRate`, each worker starts reads at its
 * share of the rate (late starts go at once, as autocannon's overallRate does).
 */
async function runPaged(
  target: PagedTarget,
  opts: LoadRunOptions,
): Promise<{ perSecond: number; latencies: number[]; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const start = performance.now();
  const end = start + opts.durationSec * 1000;
  const latencies: number[] = [];
  let errors = 0;
  const interval = opts.overallRate ? (1000 * opts.connections) / opts.overallRate : 0;
  const worker = async (w: number) => {
    let due = start + (interval * w) / opts.connections;
    while (true) {
      if (interval) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        due += interval;
      }
      const t0 = performance.now();
      if (t0 >= end) return;
      try {
        await readPaged(target, agent);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.connections }, (_, w) => worker(w)));
  } finally {
    agent.destroy();
  }
  const elapsedSec = (performance.now() - start) / 1000;
  return { perSecond: latencies.length / elapsedSec, latencies: latencies.sort((a, b) => a - b), errors };
}

/**
 * measure() for a paged read: requests/s are completed reads (all pages) per second, latency is
 * the whole sequence, SQL statements are summed over its pages (and also given per page).
 */
export async function measurePaged(target: PagedTarget, options: LoadOptions): Promise<Measurement> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await readPaged(target, agent).catch((error: Error) => {
      throw new Error(`${target.server}/${target.variant} ${target.scenario}: ${error.message}`);
    });
    const measured = await measureLoad(target, options, {
      sample: 3,
      once: () => readPaged(target, agent),
      run: (opts) => runPaged(target, opts),
      perSecond: (r) => r.perSecond,
      latency: (r) => ({ p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99) }),
      errors: (r) => r.errors,
    });
    const { rps, statementsPerRequest } = measured;
    const statementsPerPage = statementsPerRequest === null ? null : statementsPerRequest / target.pages;
    const result: Measurement = { ...measured, pages: target.pages, statementsPerPage };
    options.log(
      `  ${target.server.padEnd(12)} ${target.variant.padEnd(14)} ${target.scenario.padEnd(14)} ` +
        `${rps.toFixed(1).padStart(6)} reads/s (${target.pages} pages of ${target.pageSize})  p50 ${String(result.p50).padStart(4)} ms  p99 ${String(result.p99).padStart(4)} ms` +
        `  SQL/read ${statementsPerRequest ?? 'n/a'} (per page ${statementsPerPage ?? 'n/a'})${result.errors ? `  errors ${result.errors}` : ''}`,
    );
    return result;
  } finally {
    agent.destroy();
  }
}
