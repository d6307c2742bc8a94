// Seeded test databases made once per test run and copied per test file (issue: CI time).
//
// Migrating and seeding a database costs far more than copying one: on PGlite a cold start plus
// the migrations take ~11 s of CPU in every test process (vitest isolates each file in its own
// process), the fixture ~1.5 s and the demo seed ~4 s more; loading a dumped data directory
// takes ~1.3 s. So a test run's global setup (`setupTestTemplates`) names a directory in
// LAYANAN_TEST_TEMPLATES, and the first test process that needs a given kind and seed builds the
// template there (under a lock, the others wait for it):
//
//   - PGlite: `pglite-<seed>.tar`, the data directory dumped after migrating and seeding;
//     copies are `new PGlite({ loadDataDir })` of it (what PGlite's own clone() does).
//   - PostgreSQL: a database `layanan_tpl_<run>_<seed>`, named in `postgresql-<seed>.name`;
//     copies are `CREATE DATABASE … TEMPLATE …`. The teardown drops them.
//
// Without LAYANAN_TEST_TEMPLATES (a package without the global setup) every process migrates and
// seeds its own, as before, still cloning a migrated PGlite template once per process.

import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Environment variable naming the run's template directory (set by {@link setupTestTemplates}). */
export const TEST_TEMPLATES_ENV = 'LAYANAN_TEST_TEMPLATES';
const WAIT_MS = 240_000;
const POLL_MS = 100;

/** The run's template directory, or undefined when the tests run without the global setup. */
export function templateDir(): string | undefined {
  return process.env[TEST_TEMPLATES_ENV] || undefined;
}

/**
 * Returns the value stored under `file` in the template directory, building it with `build` if
 * no process did yet. One builder per file: the others wait until it is written (or the builder
 * failed, then they build it themselves).
 */
export async function sharedTemplate(
  dir: string,
  file: string,
  build: () => Promise<Uint8Array | string>,
): Promise<Buffer> {
  const path = join(dir, file);
  const done = await readFile(path).catch(() => undefined);
  if (done) return done;
  const lock = `${path}.lock`;
  const owner = await mkdir(lock).then(
    () => true,
    () => false,
  );
  if (!owner) {
    const until = Date.now() + WAIT_MS;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const ready = await readFile(path).catch(() => undefined);
      if (ready) return ready;
      if (
        !(await stat(lock).then(
          () => true,
          () => false,
        ))
      )
        break; // the builder gave up
    }
    const ready = await readFile(path).catch(() => undefined);
    if (ready) return ready;
    return Buffer.from(await build()); // build a private one rather than fail the test
  }
  try {
    const value = Buffer.from(await build());
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, value);
    await rename(partial, path); // atomic: readers see all of it or nothing
    return value;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** A name for a PostgreSQL template database of this run. */
export function templateDatabaseName(dir: string, seed: string): string {
  const run = readFileSync(join(dir, 'run'), 'utf8').trim();
  return `layanan_tpl_${run}_${seed}`;
}

/**
 * Vitest global setup (`globalSetup`): makes the run's template directory, exports it in
 * LAYANAN_TEST_TEMPLATES to the test processes, and returns the teardown that drops the
 * PostgreSQL templates and removes the directory.
 */
export function setupTestTemplates(): () => Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'layanan-test-templates-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'run'), randomBytes(4).toString('hex'));
  process.env[TEST_TEMPLATES_ENV] = dir;
  return async () => {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (adminUrl)
      await dropTemplateDatabases(adminUrl, `layanan_tpl_${readFileSync(join(dir, 'run'), 'utf8')}_`);
    rmSync(dir, { recursive: true, force: true });
  };
}

async function dropTemplateDatabases(adminUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } catch {
    // a server gone at the end of the run leaves nothing to drop
  } finally {
    await client.end().catch(() => undefined);
  }
}
