// The gateway as an operator runs it, for tests: `src/main.ts` in a real child process (tsx),
// started and stopped by signal, and a small GraphQL client over real HTTP.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const CWD = fileURLToPath(new URL('../..', import.meta.url));
export type Started = {
  child: ChildProcess;
  url: string;
  logs: Record<string, unknown>[];
  stderr: () => string;
};

export function run(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: CWD,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      // Unless a test names a data directory: mail, files and keys in a temporary directory.
      LAYANAN_DATA_DIR: 'memory://',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function start(env: Record<string, string>): Promise<Started> {
  const child = run(env);
  const logs: Record<string, unknown>[] = [];
  let err = '';
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${err}`)), 180_000);
    if (child.stdout) {
      createInterface({ input: child.stdout }).on('line', (line) => {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (typeof entry.url === 'string' && String(entry.msg).includes('ready')) {
            clearTimeout(timer);
            resolve({ child, url: entry.url, logs, stderr: () => err });
          }
        } catch {
          // not a log line
        }
      });
    }
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code}: ${err}`));
    });
  });
}

export function exitOf(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

export async function stop(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  return exited;
}

export async function query(
  url: string,
  q: string,
  token?: string,
  variables?: Record<string, unknown>,
): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: q, variables }),
  });
  return response.json();
}
