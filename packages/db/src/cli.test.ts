import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './test-support/fixtures.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs src/cli.ts the way dist/cli.js runs, with a clean database environment. */
function cli(args: readonly string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: packageRoot,
      env: { ...process.env, DATABASE_URL: '', LAYANAN_DATA_DIR: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function expectOneLineError(run: Run, code: string): void {
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^error ${code}: `));
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('cli', () => {
  const dirs: { remove(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => dir.remove()));
  });

  it('prints one line and exits 1 for a garbage DATABASE_URL', async () => {
    expectOneLineError(await cli(['migrate'], { DATABASE_URL: 'foo://bar' }), 'INVALID_DATABASE_URL');
  });

  it('prints one line and exits 1 when PostgreSQL is unreachable', async () => {
    const run = await cli(['migrate'], { DATABASE_URL: 'postgresql://layanan:s3cret@127.0.0.1:1/layanan' });
    expectOneLineError(run, 'DATABASE_UNREACHABLE');
    expect(run.stderr).not.toContain('s3cret');
  });

  it('migrates the embedded database in LAYANAN_DATA_DIR, then seeds it', async () => {
    const dir = await tempDir('layanan-cli-');
    dirs.push(dir);
    const migrated = await cli(['migrate'], { LAYANAN_DATA_DIR: dir.path });
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/applied: \d{14}_init/);
    expect(migrated.stdout).toContain(`PGlite ${dir.path}`);

    const seeded = await cli(['seed'], { LAYANAN_DATA_DIR: dir.path });
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('seed');
    // Two child processes on a disk-backed PGlite, the seed with months of demo requests.
  }, 180_000);

  it('exits 2 with the usage for an unknown command', async () => {
    const run = await cli(['frobnicate'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage');
  });
});
