// `pnpm start` as `docker stop` or systemd stop it (issue 14, item 8): SIGTERM goes to the pid they
// started — pnpm — and must reach the gateway, which lets an in-flight request finish, closes the
// database and exits 0; pnpm then exits with the gateway's code and leaves no process behind.
// Runs the README's real command from the repository root (its build step is a turbo cache hit
// once the packages are built) on a fresh embedded database, on a free port. It lives in the
// reliability suite (`pnpm test:crash`, one file at a time): its build step may rewrite the
// packages' dist/ folders, which would break other test files running beside it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** Every process below `pid` (Linux/macOS `ps`), children first. */
function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const below = (parent: number): number[] =>
    table.filter(([, ppid]) => ppid === parent).flatMap(([child]) => [child, ...below(child)]);
  return below(pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with the gateway's GraphQL URL once its "ready" log line passes through pnpm. */
function readyUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`pnpm start did not get ready:\n${output()}`)), 200_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg?.includes('ready') && entry.url?.endsWith('/graphql')) {
          clearTimeout(timer);
          resolve(entry.url);
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`pnpm start exited with ${code} before it was ready:\n${output()}`));
    });
  });
}

/**
 * A POST whose body is sent only when `finish` is called. `accepted` resolves when the server has
 * taken the request in (its automatic `100 Continue`): from then on the request is in flight.
 */
function slowQuery(url: string): {
  accepted: Promise<void>;
  finish(): void;
  answer: Promise<{ status: number; body: string }>;
} {
  const body = JSON.stringify({ query: '{ __typename units(first: 1) { totalCount } }' });
  const req = request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      expect: '100-continue',
    },
  });
  const accepted = new Promise<void>((resolve) => req.once('continue', resolve));
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once('response', (response) => {
      let text = '';
      response.on('data', (chunk) => {
        text += chunk;
      });
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.once('error', reject);
    });
    req.once('error', reject);
  });
  req.flushHeaders();
  return { accepted, finish: () => req.end(body), answer };
}

/** Resolves once `output()` matches `pattern`; rejects after `ms` with what was seen. */
async function waitFor(output: () => string, pattern: RegExp, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${ms} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const temp = mkdtempSync(join(tmpdir(), 'layanan-pnpm-start-'));
let started: ChildProcess | undefined;
afterAll(() => {
  // If the test failed, a gateway may be left serving (pnpm gone or not): end the process group
  // this test started, by its id. After a pass the group is empty and this does nothing.
  if (started?.pid) {
    try {
      process.kill(-started.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(temp, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('pnpm start', () => {
  it('passes SIGTERM sent to pnpm on to the gateway, which drains and exits 0', {
    timeout: 300_000,
  }, async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LAYANAN_DATA_DIR: join(temp, 'pglite'),
      // Migrations only: the demo seed is not what this test is about and costs most of a start.
      LAYANAN_SEED: 'never',
      LAYANAN_SHUTDOWN_TIMEOUT_MS: '60000',
      LOG_LEVEL: 'info',
    };
    delete env.DATABASE_URL;
    let output = '';
    // Own process group, so that a failure can clean up everything it started.
    const child = spawn('pnpm', ['start'], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started = child;
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<Exit>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );

    const url = await readyUrl(child, () => output);
    const tree = descendants(child.pid as number);
    expect(tree.length).toBeGreaterThan(0);
    const inFlight = slowQuery(url);
    await inFlight.accepted;

    child.kill('SIGTERM');
    // The gateway got the signal and is draining; the in-flight request still gets its answer.
    await waitFor(() => output, /"msg":"shutting down"/, 60_000);
    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { __typename: 'Query', units: { totalCount: 0 } } });

    const exit = await Promise.race([
      exited,
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000)),
    ]);
    expect(exit, output).toEqual({ code: 0, signal: null });
    expect(output).toMatch(/"msg":"stopped"/);
    const refused = await fetch(url.replace('/graphql', '/healthz')).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
    expect(tree.filter(alive)).toEqual([]);
  });
});
