import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATION_LOCK_CONTENT, readMigrations } from '../migrate/migrations-dir.js';
import { defaultMigrationsDir, defaultSchemaPath } from '../paths.js';
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
    const schemaPath = join(dir.path, 'schema.prisma');
    const migrationsDir = join(dir.path, 'migrations');
    await copyFile(defaultSchemaPath, schemaPath);
    const now = new Date('2025-01-02T03:04:05Z');

    const first = await createMigration({ name: 'init', schemaPath, migrationsDir, now, engine });
    expect(first).toMatchObject({ status: 'created', name: '20250102030405_init' });
    expect(await readFile(join(migrationsDir, 'migration_lock.toml'), 'utf8')).toBe(MIGRATION_LOCK_CONTENT);
    // The whole schema in one script; that the committed migrations add up to it is the drift
    // test's job (they no longer fit in one, since later migrations were added).
    const [committed] = await readMigrations(defaultMigrationsDir);
    expect(committed?.name).toMatch(/_init$/);
    expect(first.status === 'created' && first.sql).toContain('CREATE TABLE "unit"');

    expect(await createMigration({ name: 'again', schemaPath, migrationsDir, now, engine })).toEqual({
      status: 'no-changes',
    });

    const schema = await readFile(schemaPath, 'utf8');
    await writeFile(
      schemaPath,
      `${schema}\nmodel ScratchDay {\n  id   String @id @db.Uuid\n  date DateTime @unique @db.Date\n\n  @@map("scratch_day")\n}\n`,
    );
    // Same clock: the new folder must still sort after the previous one.
    const second = await createMigration({
      name: 'Add scratch days',
      schemaPath,
      migrationsDir,
      now,
      engine,
    });
    expect(second).toMatchObject({ status: 'created', name: '20250102030406_add_scratch_days' });
    expect(second.status === 'created' && second.sql).toContain('CREATE TABLE "scratch_day"');
    expect((await readMigrations(migrationsDir)).map((migration) => migration.name)).toEqual([
      '20250102030405_init',
      '20250102030406_add_scratch_days',
    ]);
  });

  it('reports a migration that does not apply on the shadow database', async () => {
    const migrationsDir = join(dir.path, 'broken');
    const schemaPath = join(dir.path, 'schema.prisma');
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
