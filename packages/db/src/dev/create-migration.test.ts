import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATION_LOCK_CONTENT, readMigrations } from '../migrate/migrations-dir.js';
import { defaultMigrationsDir, defaultSchemaDir } from '../paths.js';
import { tempDir } from '../test-support/fixtures.js';
import { createMigration, migrationTimestamp, normalizeMigrationName } from './create-migration.js';
import { type DevSchemaEngine, openSchemaEngine } from './schema-engine.js';

describe('migration names', () => {
  it('are normalized to Prisma folder names', () => {
    expect(normalizeMigrationName('Add service fee')).toBe('add_service_fee');
    expect(normalizeMigrationName('  --weird//Name!! ')).toBe('weird_name');
    expect(normalizeMigrationName('!!!')).toBe('');
  });

  it('get a UTC YYYYMMDDHHMMSS prefix', () => {
    expect(migrationTimestamp(new Date('2025-03-04T05:06:07.890Z'))).toBe('20250304050607');
  });
});

describe('createMigration', () => {
  let engine: DevSchemaEngine;
  let dir: { path: string; remove(): Promise<void> };
  beforeAll(async () => {
    [engine, dir] = await Promise.all([openSchemaEngine(), tempDir('layanan-create-migration-')]);
  });
  afterAll(async () => {
    await engine?.close();
    await dir?.remove();
  });

  it('writes the lock file and the first migration, then reports no changes, then the next change', async () => {
    const schemaPath = join(dir.path, 'schema');
    const migrationsDir = join(dir.path, 'migrations');
    await cp(defaultSchemaDir, schemaPath, { recursive: true });
    const now = new Date('2025-01-02T03:04:05Z');

    const first = await createMigration({ name: 'init', schemaPath, migrationsDir, now, engine });
    expect(first).toMatchObject({ status: 'created', name: '20250102030405_init' });
    expect(await readFile(join(migrationsDir, 'migration_lock.toml'), 'utf8')).toBe(MIGRATION_LOCK_CONTENT);
    // One migration from the whole schema creates exactly the tables the committed migrations
    // create one after another (migrations-drift.test.ts compares the resulting schemas in full).
    const committed = await readMigrations(defaultMigrationsDir);
    expect(committed[0]?.name).toMatch(/_init$/);
    const tables = (sql: string) => [...sql.matchAll(/CREATE TABLE "([^"]+)"/g)].map((m) => m[1]).sort();
    expect(tables(first.status === 'created' ? first.sql : '')).toEqual(
      tables(committed.map((m) => m.script).join('\n')),
    );

    expect(await createMigration({ name: 'again', schemaPath, migrationsDir, now, engine })).toEqual({
      status: 'no-changes',
    });

    // A new file in a subfolder: the whole folder is read, recursively, as the Prisma CLI does.
    await mkdir(join(schemaPath, 'probe'));
    await writeFile(
      join(schemaPath, 'probe', 'probe.prisma'),
      `model CreateMigrationProbe {\n  id   String @id @db.Uuid\n  date DateTime @unique @db.Date\n\n  @@map("create_migration_probe")\n}\n`,
    );
    // Same clock: the new folder must still sort after the previous one.
    const second = await createMigration({ name: 'Add probe', schemaPath, migrationsDir, now, engine });
    expect(second).toMatchObject({ status: 'created', name: '20250102030406_add_probe' });
    expect(second.status === 'created' && second.sql).toContain('CREATE TABLE "create_migration_probe"');
    expect((await readMigrations(migrationsDir)).map((migration) => migration.name)).toEqual([
      '20250102030405_init',
      '20250102030406_add_probe',
    ]);
  });

  it('reports a migration that does not apply on the shadow database', async () => {
    const migrationsDir = join(dir.path, 'broken');
    const schemaPath = join(dir.path, 'schema');
    await createMigration({ name: 'init', schemaPath, migrationsDir, engine }).catch(() => undefined);
    const [first] = await readMigrations(migrationsDir);
    await writeFile(join(migrationsDir, first!.name, 'migration.sql'), 'CREATE TABLE broken (;\n');
    const error = await createMigration({ name: 'next', schemaPath, migrationsDir, engine }).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/syntax error/);
    expect((error as Error).message).not.toContain('\n');
  });
});
