import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { MIGRATION_LOCK_CONTENT, MIGRATION_LOCK_FILE } from '../migrate/migrations-dir.js';

/** A temporary `prisma/migrations` folder; `write` adds or replaces migrations. */
export interface MigrationsFixture {
  readonly dir: string;
  write(migrations: Readonly<Record<string, string>>): Promise<void>;
  remove(): Promise<void>;
}

export async function migrationsFixture(
  migrations: Readonly<Record<string, string>> = {},
): Promise<MigrationsFixture> {
  const root = await mkdtemp(join(tmpdir(), 'layanan-migrations-'));
  const dir = join(root, 'migrations');
  await mkdir(dir);
  await writeFile(join(dir, MIGRATION_LOCK_FILE), MIGRATION_LOCK_CONTENT);
  const fixture: MigrationsFixture = {
    dir,
    async write(more) {
      for (const [name, sql] of Object.entries(more)) {
        await mkdir(join(dir, name), { recursive: true });
        await writeFile(join(dir, name, 'migration.sql'), sql);
      }
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
  await fixture.write(migrations);
  return fixture;
}

export async function tempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** A temporary folder for the enclosing `describe` block; returns a getter for its path. */
export function useTempDir(prefix: string): () => string {
  let dir: { path: string; remove(): Promise<void> } | undefined;
  beforeAll(async () => {
    dir = await tempDir(prefix);
  });
  afterAll(() => dir?.remove());
  return () => {
    if (!dir) throw new Error('the temporary folder is created in beforeAll; use it inside a test or hook');
    return dir.path;
  };
}
