// Applies prisma/migrations with the rules of Prisma's own `migrate deploy` (prisma-engines
// `apply_migrations.rs`, `sql_migration_persistence.rs`), so that the same folder and the same
// `_prisma_migrations` rows are accepted by the native Prisma CLI where it is available.

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseError, describeError, isDatabaseError, oneLine } from '../errors.js';
import { defaultMigrationsDir } from '../paths.js';
import type { MigrationConnection } from './connection.js';
import { type MigrationFile, readMigrations, scriptMatchesChecksum } from './migrations-dir.js';

/** Prisma Migrate's advisory lock key ("a unique number we chose to identify Migrate"). */
export const MIGRATE_ADVISORY_LOCK_ID = 72707369;
export const MIGRATIONS_TABLE = '_prisma_migrations';
/** Prisma gives up waiting for the advisory lock after 10 s. */
export const DEFAULT_LOCK_TIMEOUT_MS = 10_000;

/** Exactly Prisma's DDL (prisma-engines, PostgreSQL flavour `create_migrations_table`). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

/** Tables Prisma ignores when deciding whether a database without history is empty. */
const IGNORED_TABLES = new Set([MIGRATIONS_TABLE, 'spatial_ref_sys']);

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type DatabaseLogger = (level: LogLevel, message: string) => void;

export interface MigrateOptions {
  /** Folder with `<timestamp>_<name>/migration.sql`; defaults to this package's migrations. */
  readonly migrationsDir?: string;
  readonly logger?: DatabaseLogger;
  /** How long to wait while another runner holds the lock (default 10 s, as Prisma). */
  readonly lockTimeoutMs?: number;
}

export interface AppliedMigration {
  readonly name: string;
  readonly durationMs: number;
}

export interface MigrationResult {
  /** Migrations applied by this run, in order. */
  readonly applied: readonly AppliedMigration[];
  /** Migrations of the folder that were already applied before this run. */
  readonly alreadyApplied: readonly string[];
}

export interface FailedMigration {
  readonly name: string;
  readonly startedAt: Date;
  readonly logs: string | null;
}

export interface MigrationStatus {
  /** True when every migration of the folder is applied and nothing failed or changed. */
  readonly upToDate: boolean;
  readonly migrationsTableExists: boolean;
  readonly applied: readonly string[];
  readonly pending: readonly string[];
  /** Started but never finished, and not marked rolled back: they block further runs. */
  readonly failed: readonly FailedMigration[];
  /** Applied, but `migration.sql` changed since. */
  readonly modified: readonly string[];
  /** Applied in the database but missing from the folder (e.g. an older checkout). */
  readonly unknown: readonly string[];
}

interface MigrationRow {
  readonly id: string;
  readonly checksum: string;
  readonly finished_at: Date | null;
  readonly migration_name: string;
  readonly logs: string | null;
  readonly rolled_back_at: Date | null;
  readonly started_at: Date;
  readonly applied_steps_count: number;
}

interface History {
  readonly applied: readonly string[];
  readonly pending: readonly MigrationFile[];
  readonly failed: readonly FailedMigration[];
  readonly modified: readonly string[];
  readonly unknown: readonly string[];
}

const silent: DatabaseLogger = () => undefined;

/**
 * Applies the pending migrations, in name order, under Prisma's advisory lock. Refuses to run
 * while a failed migration is unresolved or an applied migration was edited.
 */
export async function migrate(
  conn: MigrationConnection,
  options: MigrateOptions = {},
): Promise<MigrationResult> {
  const log = options.logger ?? silent;
  const files = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  return withDatabaseErrors(() =>
    withLock(conn, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async () => {
      await initializeMigrationsTable(conn);
      const history = analyse(files, await loadRows(conn));
      if (history.failed.length > 0) throw blocked(history.failed);
      if (history.modified.length > 0) {
        throw new DatabaseError('MIGRATION_CHECKSUM_MISMATCH', { migrations: history.modified.join(', ') });
      }
      if (history.unknown.length > 0) {
        log(
          'warn',
          `migrasi di basis data tidak ada di folder / migrations in the database are missing from the folder: ${history.unknown.join(', ')}`,
        );
      }
      const applied: AppliedMigration[] = [];
      for (const file of history.pending) {
        log('info', `menerapkan migrasi / applying migration ${file.name}`);
        applied.push(await applyMigration(conn, file));
      }
      return { applied, alreadyApplied: history.applied };
    }),
  );
}

/** Read-only view of the migration history (no lock, creates nothing): for readiness probes. */
export async function migrationStatus(
  conn: MigrationConnection,
  options: Pick<MigrateOptions, 'migrationsDir'> = {},
): Promise<MigrationStatus> {
  const files = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  return withDatabaseErrors(async () => {
    const tableExists = (await listTables(conn)).includes(MIGRATIONS_TABLE);
    const history = analyse(files, tableExists ? await loadRows(conn) : []);
    return {
      upToDate:
        history.pending.length === 0 &&
        history.failed.length === 0 &&
        history.modified.length === 0 &&
        (tableExists || files.length === 0),
      migrationsTableExists: tableExists,
      applied: history.applied,
      pending: history.pending.map((file) => file.name),
      failed: history.failed,
      modified: history.modified,
      unknown: history.unknown,
    };
  });
}

export type ResolveAction = 'applied' | 'rolled-back';

/**
 * Prisma's `migrate resolve`. `rolled-back`: a failed migration is marked rolled back, so the
 * next run applies it again (after you fixed the database or the script). `applied`: the
 * migration is recorded as applied without running it (you applied its changes by hand).
 */
export async function resolveMigration(
  conn: MigrationConnection,
  name: string,
  action: ResolveAction,
  options: MigrateOptions = {},
): Promise<void> {
  const files = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  const reject = (reasonEn: string, reasonId: string) =>
    new DatabaseError('MIGRATION_RESOLVE_REJECTED', { migration: name, reasonEn, reasonId });
  await withDatabaseErrors(() =>
    withLock(conn, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async () => {
      await initializeMigrationsTable(conn);
      const rows = (await loadRows(conn)).filter((row) => row.migration_name === name && !row.rolled_back_at);
      const failedIds = rows.filter((row) => row.finished_at === null).map((row) => row.id);
      if (action === 'rolled-back') {
        if (failedIds.length === 0) {
          throw reject('it is not in a failed state', 'migrasi itu tidak dalam keadaan gagal');
        }
      } else {
        const file = files.find((candidate) => candidate.name === name);
        if (!file)
          throw reject('it is not in the migrations folder', 'migrasi itu tidak ada di folder migrasi');
        if (rows.some((row) => row.finished_at !== null)) {
          throw reject('it is already applied', 'migrasi itu sudah diterapkan');
        }
      }
      await conn.transaction(async (tx) => {
        if (failedIds.length > 0) {
          await tx.query(
            `UPDATE ${MIGRATIONS_TABLE} SET rolled_back_at = now() WHERE id = ANY($1::varchar[])`,
            [failedIds],
          );
        }
        if (action === 'applied') {
          const file = files.find((candidate) => candidate.name === name)!;
          await tx.query(
            `INSERT INTO ${MIGRATIONS_TABLE} (id, checksum, logs, started_at, finished_at, migration_name)
             VALUES ($1, $2, '', now(), now(), $3)`,
            [randomUUID(), file.checksum, name],
          );
        }
      });
    }),
  );
}

async function applyMigration(conn: MigrationConnection, file: MigrationFile): Promise<AppliedMigration> {
  const id = randomUUID();
  // Recorded before the script runs (and outside its transaction): if the script fails, the
  // row stays with finished_at NULL and blocks later runs until someone resolves it.
  await conn.query(
    `INSERT INTO ${MIGRATIONS_TABLE} (id, checksum, started_at, migration_name) VALUES ($1, $2, now(), $3)`,
    [id, file.checksum, file.name],
  );
  const started = performance.now();
  try {
    // One transaction for the script and its completion, so both land or neither does. (Like
    // Prisma's single multi-statement query, statements that refuse to run in a transaction
    // block, such as CREATE INDEX CONCURRENTLY, need a migration of their own elsewhere.)
    await conn.transaction(async (tx) => {
      await tx.exec(file.script);
      await tx.query(
        `UPDATE ${MIGRATIONS_TABLE} SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1`,
        [id],
      );
    });
  } catch (error) {
    const reason = describeScriptError(file.script, error);
    // If even this fails (connection lost), the row still shows the migration as failed.
    await conn
      .query(`UPDATE ${MIGRATIONS_TABLE} SET logs = $1 WHERE id = $2`, [
        failureLogs(file.name, error, reason),
        id,
      ])
      .catch(() => undefined);
    throw new DatabaseError('MIGRATION_FAILED', { migration: file.name, reason }, { cause: error });
  }
  return { name: file.name, durationMs: Math.round(performance.now() - started) };
}

async function withLock<T>(conn: MigrationConnection, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  // pg_try_advisory_lock in a loop takes the same lock as Prisma's pg_advisory_lock, with a
  // deadline and without changing the session's lock_timeout.
  const deadline = Date.now() + timeoutMs;
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    const [row] = await conn.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      MIGRATE_ADVISORY_LOCK_ID,
    ]);
    if (row?.locked) break;
    const left = deadline - Date.now();
    if (left <= 0) throw new DatabaseError('MIGRATION_LOCK_TIMEOUT', { timeoutMs });
    await sleep(Math.min(delay, left));
  }
  try {
    return await fn();
  } finally {
    await conn.query('SELECT pg_advisory_unlock($1)', [MIGRATE_ADVISORY_LOCK_ID]).catch(() => undefined);
  }
}

/** Prisma's `initialize`: create the table in an empty database, refuse a non-empty one. */
async function initializeMigrationsTable(conn: MigrationConnection): Promise<void> {
  const tables = await listTables(conn);
  if (tables.includes(MIGRATIONS_TABLE)) return;
  const others = tables.filter((table) => !IGNORED_TABLES.has(table));
  if (others.length > 0) {
    const shown = others.slice(0, 5).join(', ') + (others.length > 5 ? ', …' : '');
    throw new DatabaseError('DATABASE_NOT_EMPTY', { tables: shown });
  }
  await conn.exec(CREATE_MIGRATIONS_TABLE);
}

async function listTables(conn: MigrationConnection): Promise<string[]> {
  const rows = await conn.query<{ tablename: string }>(
    'SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename',
  );
  return rows.map((row) => row.tablename);
}

async function loadRows(conn: MigrationConnection): Promise<MigrationRow[]> {
  return conn.query<MigrationRow>(
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
     FROM ${MIGRATIONS_TABLE} ORDER BY started_at, migration_name`,
  );
}

function analyse(files: readonly MigrationFile[], rows: readonly MigrationRow[]): History {
  // Rows marked rolled back are ignored for every purpose except the audit trail.
  const live = rows.filter((row) => row.rolled_back_at === null);
  const finished = new Map<string, MigrationRow>();
  for (const row of live) if (row.finished_at !== null) finished.set(row.migration_name, row);
  const recorded = new Set(live.map((row) => row.migration_name));
  const inFolder = new Set(files.map((file) => file.name));
  return {
    applied: files.filter((file) => finished.has(file.name)).map((file) => file.name),
    pending: files.filter((file) => !recorded.has(file.name)),
    failed: live
      .filter((row) => row.finished_at === null)
      .map((row) => ({ name: row.migration_name, startedAt: row.started_at, logs: row.logs })),
    modified: files
      .filter((file) => {
        const row = finished.get(file.name);
        return row !== undefined && !scriptMatchesChecksum(file.script, row.checksum);
      })
      .map((file) => file.name),
    unknown: [...finished.keys()].filter((name) => !inFolder.has(name)),
  };
}

function blocked(failed: readonly FailedMigration[]): DatabaseError {
  const firstLog = failed
    .map((migration) => migration.logs?.trim())
    .find((logs): logs is string => Boolean(logs));
  const reason = firstLog ? firstLogLine(firstLog) : undefined;
  return new DatabaseError('MIGRATION_BLOCKED', {
    migrations: failed.map((migration) => migration.name).join(', '),
    reason,
  });
}

/** The database's own message, its SQLSTATE and the line of migration.sql it points at. */
function describeScriptError(script: string, error: unknown): string {
  const pgError = error as { message?: string; code?: string; position?: string | number };
  const message = oneLine(pgError.message ?? describeError(error));
  const position = Number(pgError.position);
  const line =
    Number.isInteger(position) && position > 0 ? script.slice(0, position - 1).split('\n').length : 0;
  const where = line > 0 ? `, migration.sql line ${line}` : '';
  return typeof pgError.code === 'string'
    ? `${message} (SQLSTATE ${pgError.code}${where})`
    : `${message}${where}`;
}

function failureLogs(name: string, error: unknown, reason: string): string {
  const pgError = error as { code?: string; detail?: string; hint?: string };
  return [
    `Migration \`${name}\` failed to apply. Its transaction was rolled back; nothing of it remains.`,
    '',
    `Database error: ${reason}`,
    pgError.detail ? `Detail: ${pgError.detail}` : '',
    pgError.hint ? `Hint: ${pgError.hint}` : '',
  ]
    .filter((line, index) => line !== '' || index === 1)
    .join('\n');
}

function firstLogLine(logs: string): string {
  const line = logs.split('\n').find((candidate) => candidate.startsWith('Database error: '));
  return oneLine((line ?? logs.split('\n')[0] ?? '').replace(/^Database error: /, ''));
}

/** Anything other than our own errors (connection lost, permissions…) becomes DATABASE_ERROR. */
async function withDatabaseErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isDatabaseError(error)) throw error;
    throw new DatabaseError('DATABASE_ERROR', { reason: describeError(error) }, { cause: error });
  }
}
