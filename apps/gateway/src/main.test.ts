// The gateway as an operator runs it: a real process, real signals, real data directories.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { exitOf, query, run, start, stop } from './testing/gateway-process.js';

// The five seeded OPD plus the four bidang of the staff-area seed.
const SEEDED_UNITS = 9;

// Each test starts real gateway processes (tsx compile + PGlite start): slow on a loaded machine.
vi.setConfig({ testTimeout: 240_000 });

const temp = mkdtempSync(join(tmpdir(), 'layanan-main-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('gateway process on the embedded database', () => {
  it('seeds an empty data directory, keeps data across restarts and never migrates twice', async () => {
    const dataDir = join(temp, 'pglite');
    const first = await start({ LAYANAN_DATA_DIR: dataDir });
    const firstMigrations = first.logs.find((l) => l.msg === 'migrations checked');
    expect(firstMigrations?.applied).toEqual(expect.arrayContaining([expect.stringMatching(/_init$/)]));
    expect(first.logs.some((l) => l.msg === 'seeded demo data')).toBe(true);

    const units = await query(first.url, '{ units(first: 20) { totalCount } }');
    expect(units.data.units.totalCount).toBe(SEEDED_UNITS);
    const login = await query(
      first.url,
      'mutation { devLogin(email: "admin@layanan.test") { ... on DevLoginPayload { token } } }',
    );
    const token = login.data.devLogin.token as string;
    const renamed = await query(
      first.url,
      'mutation { updateService(input: { code: "KK", name: "Kartu Keluarga (KK)" }) { __typename } }',
      token,
    );
    expect(renamed.data.updateService.__typename).toBe('UpdateServicePayload');
    expect(await stop(first)).toBe(0);

    const second = await start({ LAYANAN_DATA_DIR: dataDir });
    const secondMigrations = second.logs.find((l) => l.msg === 'migrations checked');
    expect(secondMigrations?.applied).toEqual([]);
    expect(second.logs.some((l) => l.msg === 'seeded demo data')).toBe(false);
    const after = await query(second.url, '{ service(code: "KK") { name } units(first: 20) { totalCount } }');
    expect(after.data).toEqual({
      service: { name: 'Kartu Keluarga (KK)' },
      units: { totalCount: SEEDED_UNITS },
    });
    const ready = await fetch(second.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(200);
    expect(await stop(second)).toBe(0);
  });

  it('exits with one clear line on a corrupt data directory', async () => {
    // Looks like a data directory (PG_VERSION present) but its control file is garbage.
    const dataDir = join(temp, 'corrupt');
    mkdirSync(join(dataDir, 'global'), { recursive: true });
    writeFileSync(join(dataDir, 'PG_VERSION'), '17\n');
    writeFileSync(join(dataDir, 'global', 'pg_control'), randomBytes(8192));
    const { code, stderr } = await exitOf(run({ LAYANAN_DATA_DIR: dataDir }));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n'), stderr).toHaveLength(1);
    expect(stderr).toMatch(/^layanan: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('gateway process with a bad DATABASE_URL', () => {
  it.each([
    ['garbage', 'not a url'],
    ['unknown scheme', 'mysql://root@127.0.0.1/layanan'],
    ['unreachable server', 'postgresql://postgres@127.0.0.1:1/layanan'],
  ])('%s: one clear line and exit 1', async (_name, url) => {
    const { code, stderr } = await exitOf(run({ DATABASE_URL: url }));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n'), stderr).toHaveLength(1);
    expect(stderr).toMatch(/^layanan: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('gateway process on PostgreSQL', () => {
  it('migrates an empty database, serves, and does not seed it unless asked', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `layanan_main_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(process.env.TEST_DATABASE_URL ?? '');
      url.pathname = `/${name}`;
      const started = await start({ DATABASE_URL: url.toString() });
      expect(started.logs.find((l) => l.msg === 'migrations checked')?.applied).toEqual(
        expect.arrayContaining([expect.stringMatching(/_init$/)]),
      );
      const result = await query(started.url, '{ __typename units(first: 5) { totalCount } }');
      expect(result.data).toEqual({ __typename: 'Query', units: { totalCount: 0 } });
      expect(await stop(started)).toBe(0);

      const seeded = await start({ DATABASE_URL: url.toString(), LAYANAN_SEED: 'always' });
      expect((await query(seeded.url, '{ units(first: 5) { totalCount } }')).data.units.totalCount).toBe(
        SEEDED_UNITS,
      );
      expect(await stop(seeded)).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
