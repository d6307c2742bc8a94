import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from './test-support/cli.js';
import { tempDir } from './test-support/fixtures.js';

function expectOneLineError(run: CliRun, code: string): void {
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
    expectOneLineError(await runCli(['migrate'], { DATABASE_URL: 'foo://bar' }), 'INVALID_DATABASE_URL');
  });

  it('prints one line and exits 1 when PostgreSQL is unreachable', async () => {
    const run = await runCli(['migrate'], {
      DATABASE_URL: 'postgresql://layanan:s3cret@127.0.0.1:1/layanan',
    });
    expectOneLineError(run, 'DATABASE_UNREACHABLE');
    expect(run.stderr).not.toContain('s3cret');
  });

  it('migrates the embedded database in LAYANAN_DATA_DIR, then seeds it', async () => {
    const dir = await tempDir('layanan-cli-');
    dirs.push(dir);
    const migrated = await runCli(['migrate'], { LAYANAN_DATA_DIR: dir.path });
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/applied: \d{14}_init/);
    expect(migrated.stdout).toContain(`PGlite ${dir.path}`);

    const seeded = await runCli(['seed'], { LAYANAN_DATA_DIR: dir.path });
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('seed');
    // Two child processes on a disk-backed PGlite, the seed with months of demo requests.
  }, 180_000);

  it('refuses to seed the passwordless demo accounts outside NODE_ENV development or test', async () => {
    for (const nodeEnv of ['production', 'staging', 'developement', '']) {
      const run = await runCli(['seed'], { NODE_ENV: nodeEnv, LAYANAN_DATA_DIR: 'memory://' });
      expect(run.code, nodeEnv).toBe(1);
      expect(run.stderr).toContain('NODE_ENV=development or test');
    }
  });

  it('exits 2 with the usage for an unknown command', async () => {
    const run = await runCli(['frobnicate'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage');
  });
});
