// Development only: writes the next prisma/migrations/<timestamp>_<name>/migration.sql from
// the changes in the Prisma schema (the prisma/schema folder), like `prisma migrate dev
// --create-only` does.

import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
  MIGRATION_SCRIPT_FILE,
} from '../migrate/migrations-dir.js';
import { type DevSchemaEngine, openSchemaEngine } from './schema-engine.js';

export interface CreateMigrationInput {
  readonly name: string;
  /** A `.prisma` file or a folder of them (the multi-file schema); see readSchemaFiles. */
  readonly schemaPath: string;
  readonly migrationsDir: string;
  /** Clock for the folder's timestamp; injectable for tests. */
  readonly now?: Date;
  /** Reuse an engine (tests); otherwise one is opened and closed. */
  readonly engine?: DevSchemaEngine;
}

export type CreateMigrationResult =
  | { readonly status: 'created'; readonly name: string; readonly path: string; readonly sql: string }
  | { readonly status: 'no-changes' };

/** `Add staff rank` → `add_staff_rank`; Prisma's folder names use the same character set. */
export function normalizeMigrationName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 200);
}

/** UTC `YYYYMMDDHHMMSS`. */
export function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Next timestamp prefix that sorts after every existing migration folder. */
function nextTimestamp(now: Date, existing: readonly string[]): string {
  let candidate = now;
  const latest = existing
    .map((name) => /^(\d{14})_/.exec(name)?.[1])
    .filter((prefix): prefix is string => prefix !== undefined)
    .sort()
    .at(-1);
  while (latest !== undefined && migrationTimestamp(candidate) <= latest) {
    candidate = new Date(candidate.getTime() + 1000);
  }
  return migrationTimestamp(candidate);
}

export async function createMigration(input: CreateMigrationInput): Promise<CreateMigrationResult> {
  const name = normalizeMigrationName(input.name);
  if (name === '') {
    throw new Error(
      `nama migrasi tidak valid / invalid migration name "${input.name}" (use letters, digits and _)`,
    );
  }
  await mkdir(input.migrationsDir, { recursive: true });
  // The engine expects the lock file before the first migration, as Prisma writes it.
  const lockPath = join(input.migrationsDir, MIGRATION_LOCK_FILE);
  const hasLock = await stat(lockPath).then(
    () => true,
    () => false,
  );
  if (!hasLock) await writeFile(lockPath, MIGRATION_LOCK_CONTENT);

  const engine = input.engine ?? (await openSchemaEngine());
  try {
    const { changed, sql } = await engine.diffMigrationsToSchema({
      migrationsDir: input.migrationsDir,
      schemaPath: input.schemaPath,
    });
    if (!changed) return { status: 'no-changes' };
    const existing = (await readdir(input.migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const folder = `${nextTimestamp(input.now ?? new Date(), existing)}_${name}`;
    const path = join(input.migrationsDir, folder, MIGRATION_SCRIPT_FILE);
    await mkdir(join(input.migrationsDir, folder));
    await writeFile(path, sql);
    return { status: 'created', name: folder, path, sql };
  } finally {
    if (!input.engine) await engine.close();
  }
}
