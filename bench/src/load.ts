// Drives one target with autocannon: closed loop (fixed connections, no pipelining) for the
// maximum rate, then a fixed rate of 80 % of it for latency; counts SQL statements per request
// over a few sequential requests.
import { type ChildProcess, fork } from 'node:child_process';
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
  readonly statementsPerRequest: number | null;
  readonly errors: number;
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
): Promise<{ stop(): Promise<void> }> {
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

function run(target: Target, opts: { durationSec: number; connections: number; overallRate?: number }) {
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

export async function measure(target: Target, options: LoadOptions): Promise<Measurement> {
  const first = await send(target, 0);
  const problem = first.status === 200 ? target.check(first.json) : `HTTP ${first.status}`;
  if (problem) {
    throw new Error(
      `${target.server}/${target.variant} ${target.scenario}: ${problem} ${JSON.stringify(first.json).slice(0, 300)}`,
    );
  }
  // Statements per request: a few sequential requests, counted by the server.
  // Requests of the previous run still in flight would be counted too: wait until it is quiet.
  const SAMPLE = 5;
  let before = await statements(target.port);
  for (let settle = 0; settle < 20; settle++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await statements(target.port);
    if (now === before) break;
    before = now;
  }
  for (let k = 1; k <= SAMPLE; k++) await send(target, k);
  const after = await statements(target.port);
  const statementsPerRequest = before === null || after === null ? null : (after - before) / SAMPLE;

  // Warm-up (JIT, pools, caches), then the closed-loop maximum, then 80 % of it.
  if (options.warmupSec > 0)
    await run(target, { durationSec: options.warmupSec, connections: options.connections });
  const max = await run(target, { durationSec: options.durationSec, connections: options.connections });
  const rps = max.requests.average;
  const fixedRate = Math.max(1, Math.floor(rps * 0.8));
  const fixed = await run(target, {
    durationSec: options.durationSec,
    connections: options.connections,
    overallRate: fixedRate,
  });
  const result: Measurement = {
    scenario: target.scenario,
    server: target.server,
    variant: target.variant,
    rps,
    p50: fixed.latency.p50,
    p99: fixed.latency.p99,
    fixedRate,
    fixedRps: fixed.requests.average,
    statementsPerRequest,
    errors: max.errors + max.non2xx + fixed.errors + fixed.non2xx,
  };
  options.log(
    `  ${target.server.padEnd(12)} ${target.variant.padEnd(14)} ${target.scenario.padEnd(14)} ` +
      `${rps.toFixed(0).padStart(6)} req/s  p50 ${String(result.p50).padStart(4)} ms  p99 ${String(result.p99).padStart(4)} ms` +
      `  SQL/req ${statementsPerRequest ?? 'n/a'}${result.errors ? `  errors ${result.errors}` : ''}`,
  );
  return result;
}
