// Test helpers for every package of the repo (`@layanan/db/testing`): each call gives a fresh,
// migrated, isolated database of the requested kind. Real databases, never mocks.
//
//   describe.each(testDatabaseKinds())('%s', (kind) => {
//     let db: Database;
//     beforeAll(async () => { db = await createTestDatabase(kind); });
//     afterAll(() => db.close());
//   });

import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  type CreateDatabaseOptions,
  createDatabase,
  type Database,
  IN_MEMORY_DATA_DIR,
  openPGliteDatabase,
} from './client.js';
import type { PrismaClient } from './generated/prisma/client.js';
import { pgliteConnection } from './migrate/connection.js';
import { migrate } from './migrate/runner.js';
import { PGLITE_EXTENSIONS } from './pglite-extensions.js';
import { seed } from './seed.js';
import { seedTestFixture } from './test-fixture.js';
import { createScratchPostgresDatabase } from './test-support/postgres.js';
import { sharedTemplate, templateDatabaseName, templateDir } from './test-support/templates.js';

export { seedTestFixture, type TestFixtureCounts } from './test-fixture.js';
export { setupTestTemplates, TEST_TEMPLATES_ENV } from './test-support/templates.js';

export type TestDatabaseKind = 'pglite' | 'postgresql';

/**
 * What a test database holds besides the migrations: nothing (`'none'`), the small shared
 * fixture of {@link seedTestFixture} (`'fixture'`) or the whole demo seed (`'demo'`).
 */
export type TestSeed = 'none' | 'fixture' | 'demo';

export interface TestDatabaseOptions extends Pick<CreateDatabaseOptions, 'onQuery'> {
  /** Default `'none'`. */
  readonly seed?: TestSeed;
}

export interface TestDatabase extends Database {
  /** `layanan_test_<random>` on PostgreSQL; `memory://` clone on PGlite. */
  readonly name: string;
}

/** `['pglite']`, plus `'postgresql'` when `TEST_DATABASE_URL` is set. */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];
}

/**
 * A fresh database with every migration applied and `options.seed` seeded. With the global setup
 * of {@link setupTestTemplates} (LAYANAN_TEST_TEMPLATES set) it is a copy of a template migrated
 * and seeded once per test run: PGlite loads a dumped data directory (~1.3 s), PostgreSQL runs
 * `CREATE DATABASE … TEMPLATE`. Without it, PGlite clones a template migrated once per process
 * and PostgreSQL migrates a new database, then the seed runs. PostgreSQL databases are named
 * `layanan_test_<random>` on the server of `TEST_DATABASE_URL` and dropped by `close()`.
 */
export async function createTestDatabase(
  kind: TestDatabaseKind,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const data = options.seed ?? 'none';
  if (kind === 'pglite') {
    const dir = templateDir();
    const clone = dir
      ? await PGlite.create({
          loadDataDir: new Blob([await pgliteTemplate(dir, data)]),
          extensions: PGLITE_EXTENSIONS,
        })
      : await cloneTemplate();
    const db = await openPGliteDatabase(clone, {
      dataDir: IN_MEMORY_DATA_DIR,
      migrate: false,
      onQuery: options.onQuery,
    });
    if (!dir) await seedWith(db.prisma, data);
    return { ...db, name: IN_MEMORY_DATA_DIR };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    throw new Error(
      'TEST_DATABASE_URL belum diatur / is not set (e.g. postgresql://postgres@127.0.0.1:5432/postgres); use testDatabaseKinds()',
    );
  }
  const dir = templateDir();
  const template = dir ? await postgresTemplate(dir, adminUrl, data) : undefined;
  const scratch = await createScratchPostgresDatabase(adminUrl, { template });
  let db: Database;
  try {
    db = await createDatabase({
      url: scratch.url,
      migrate: !template,
      poolSize: 4,
      onQuery: options.onQuery,
    });
    if (!template) await seedWith(db.prisma, data);
  } catch (error) {
    await scratch.drop().catch(() => undefined);
    throw error;
  }
  return {
    ...db,
    name: scratch.name,
    async close() {
      try {
        await db.close();
      } finally {
        await scratch.drop();
      }
    },
  };
}

async function seedWith(prisma: PrismaClient, data: TestSeed): Promise<void> {
  if (data === 'fixture') await seedTestFixture(prisma);
  else if (data === 'demo') await seed(prisma);
}

/** Dumped data directories read by this process, by file (a test file may open several databases). */
const pgliteDumps = new Map<string, Promise<Buffer>>();

function pgliteTemplate(dir: string, data: TestSeed): Promise<Buffer> {
  const file = `pglite-${data}.tar`;
  let dump = pgliteDumps.get(join(dir, file));
  if (!dump) {
    dump = sharedTemplate(dir, file, async () => {
      const pglite = await cloneTemplate();
      const db = await openPGliteDatabase(pglite, { dataDir: IN_MEMORY_DATA_DIR, migrate: false });
      try {
        await seedWith(db.prisma, data);
        return new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
      } finally {
        await db.close();
      }
    });
    pgliteDumps.set(join(dir, file), dump);
    dump.catch(() => pgliteDumps.delete(join(dir, file)));
  }
  return dump;
}

/** The name of this run's PostgreSQL template database for `data`, built by the first asking. */
async function postgresTemplate(dir: string, adminUrl: string, data: TestSeed): Promise<string> {
  const name = await sharedTemplate(dir, `postgresql-${data}.name`, async () => {
    const scratch = await createScratchPostgresDatabase(adminUrl, { name: templateDatabaseName(dir, data) });
    try {
      const db = await createDatabase({ url: scratch.url, migrate: true, poolSize: 1 });
      try {
        await seedWith(db.prisma, data);
      } finally {
        await db.close();
      }
    } catch (error) {
      await scratch.drop().catch(() => undefined);
      throw error;
    }
    return scratch.name;
  });
  return name.toString('utf8');
}

let template: Promise<PGlite> | undefined;
let cloning: Promise<unknown> = Promise.resolve();

function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const pglite = new PGlite(IN_MEMORY_DATA_DIR, { extensions: PGLITE_EXTENSIONS });
    await pglite.waitReady;
    await migrate(pgliteConnection(pglite));
    return pglite;
  })().catch((error: unknown) => {
    template = undefined; // let the next test try again instead of caching the failure
    throw error;
  });
  return template;
}

/** PGlite 0.5's clone() dumps the data directory and starts a new instance from it. */
async function cloneTemplate(): Promise<PGlite> {
  const source = await migratedTemplate();
  // One dump at a time: concurrent tests in a file share the template.
  const next = cloning.then(() => source.clone());
  cloning = next.catch(() => undefined);
  return (await next) as PGlite;
}
