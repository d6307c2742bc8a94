import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { DatabaseError, describeError, isDatabaseError } from './errors.js';
import { PrismaClient } from './generated/prisma/client.js';
import {
  type DatabaseLogger,
  type MigrationConnection,
  type MigrationResult,
  type MigrationStatus,
  migrate,
  migrationStatus,
  pgConnection,
  pgliteConnection,
  type ResolveAction,
  resolveMigration,
} from './migrate/index.js';
import { PGLITE_EXTENSIONS } from './pglite-extensions.js';
import { type PostgresUrl, parsePostgresUrl } from './url.js';

export type DatabaseKind = 'pglite' | 'postgresql';

export const IN_MEMORY_DATA_DIR = 'memory://';
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_POOL_SIZE = 10;

export interface CreateDatabaseOptions {
  /**
   * `postgresql://…` or `postgres://…` selects PostgreSQL. Undefined or empty selects the
   * embedded PGlite database. Callers pass `process.env.DATABASE_URL`; this function reads no
   * environment variable itself.
   */
  readonly url?: string | undefined;
  /**
   * PGlite data directory (ignored with a `url`). Default `./.data/pglite`, resolved from
   * `process.cwd()`; `memory://` keeps the database in memory.
   */
  readonly dataDir?: string | undefined;
  readonly logger?: DatabaseLogger | undefined;
  /** Apply pending migrations before returning. Default `true`. */
  readonly migrate?: boolean | undefined;
  /** Default: the migrations shipped in this package. */
  readonly migrationsDir?: string | undefined;
  /** PostgreSQL: give up connecting after this long. Default 5 s. */
  readonly connectTimeoutMs?: number | undefined;
  /** PostgreSQL: connections in the pool. Default 10. */
  readonly poolSize?: number | undefined;
  /**
   * Called for every SQL statement Prisma sends (Prisma's `query` log event). For tests that
   * prove a constant number of statements (no N+1) and for debugging; off by default.
   */
  readonly onQuery?: ((event: QueryEvent) => void) | undefined;
  /**
   * Prisma's query plan cache size (entries); Prisma's default when undefined, `0` disables it.
   * A tuning knob measured by the bench (`pnpm bench`).
   */
  readonly queryPlanCacheMaxSize?: number | undefined;
}

export type QueryEvent = { readonly sql: string; readonly durationMs: number };

// Under load every pool connection can be busy: Prisma's defaults (wait 2 s for a connection, 5 s
// per transaction) turned bursts of submissions into masked errors (found by the crash test).
// A transaction now queues for a connection as long as a client would wait for an answer.
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

function newPrismaClient(
  adapter: SqlDriverAdapterFactory,
  onQuery?: (event: QueryEvent) => void,
  queryPlanCacheMaxSize?: number,
): PrismaClient {
  const transactionOptions = TRANSACTION_OPTIONS;
  const tuning = queryPlanCacheMaxSize === undefined ? {} : { queryPlanCacheMaxSize };
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions, ...tuning });
  const client = new PrismaClient({
    adapter,
    transactionOptions,
    ...tuning,
    log: [{ emit: 'event', level: 'query' }],
  });
  client.$on('query', (e) => onQuery({ sql: e.query, durationMs: e.duration }));
  return client as unknown as PrismaClient;
}

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: DatabaseKind;
  /** PostgreSQL only, password replaced by `***`. */
  readonly url?: string;
  /** PGlite only: absolute path, or `memory://`. */
  readonly dataDir?: string;
  /** Applies pending migrations (PostgreSQL: on a dedicated connection). */
  migrate(): Promise<MigrationResult>;
  /** Pending and failed migrations, without changing anything (for /readyz). */
  status(): Promise<MigrationStatus>;
  /** Prisma's `migrate resolve`: mark a failed migration rolled back, or one applied by hand. */
  resolveMigration(name: string, action: ResolveAction): Promise<void>;
  /** True when a trivial query answers within a few seconds; never throws. */
  ping(): Promise<boolean>;
  /** True when the `unit` table is missing or has no rows (decides the first-start seed). */
  isEmpty(): Promise<boolean>;
  /** Disconnects Prisma and closes the pool or the PGlite instance. Safe to call twice. */
  close(): Promise<void>;
}

const silent: DatabaseLogger = () => undefined;
const PING_TIMEOUT_MS = 3_000;

/**
 * Opens the database: PostgreSQL when `url` is given, otherwise embedded PGlite. Applies the
 * pending migrations unless `migrate: false`. Every failure is a {@link DatabaseError} whose
 * message is one line (Indonesian / English).
 */
export async function createDatabase(options: CreateDatabaseOptions = {}): Promise<Database> {
  const url = options.url?.trim();
  if (url) return openPostgres(parsePostgresUrl(url), options);
  return openPGliteDataDir(options);
}

// ---------------------------------------------------------------------------------------------
// PGlite

async function openPGliteDataDir(options: CreateDatabaseOptions): Promise<Database> {
  const requested = options.dataDir?.trim() || join('.data', 'pglite');
  const inMemory = requested.startsWith(IN_MEMORY_DATA_DIR);
  const dataDir = inMemory ? requested : resolve(process.cwd(), requested);
  if (inMemory) {
    let pglite: PGlite;
    try {
      pglite = new PGlite(dataDir, { extensions: PGLITE_EXTENSIONS });
      await pglite.waitReady;
    } catch (error) {
      throw new DatabaseError('DATABASE_ERROR', { reason: describeError(error) }, { cause: error });
    }
    return openPGliteDatabase(pglite, { ...options, dataDir });
  }

  await prepareDataDir(dataDir);
  const unlock = await lockDataDir(dataDir);
  try {
    return await openPGliteDatabase(await startPGlite(dataDir), { ...options, dataDir, onClose: unlock });
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function startPGlite(dataDir: string): Promise<PGlite> {
  try {
    const pglite = new PGlite(dataDir, { extensions: PGLITE_EXTENSIONS });
    await pglite.waitReady;
    return pglite;
  } catch (error) {
    // PGlite fails fast ("PGlite failed to initialize properly") on a PG_VERSION mismatch, a
    // damaged pg_control or a directory that is not a cluster; the version helps the operator.
    const version = await readFile(join(dataDir, 'PG_VERSION'), 'utf8').then(
      (text) => text.trim(),
      () => undefined,
    );
    throw new DatabaseError(
      'DATA_DIR_CORRUPT',
      {
        dataDir,
        reason: version ? `${describeError(error)}; PG_VERSION ${version}` : describeError(error),
      },
      { cause: error },
    );
  }
}

const LOCK_FILE = '.layanan-pglite.lock';
/** Data directories opened by this process: a second instance on one directory corrupts it too. */
const lockedDataDirs = new Set<string>();

/**
 * PGlite does not stop two instances from opening the same directory (e.g. `pnpm db:seed` while
 * the gateway runs), and both would write the same files. A lock file with the owner's PID
 * prevents that; the lock of a process that died is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = join(dataDir, LOCK_FILE);
  const inUse = (pid: number) => new DatabaseError('DATA_DIR_IN_USE', { dataDir, pid, lockFile });
  if (lockedDataDirs.has(dataDir)) throw inUse(process.pid);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await writeFile(lockFile, `${process.pid}\n`, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DatabaseError(
          'DATA_DIR_INVALID',
          { dataDir, reason: describeError(error) },
          { cause: error },
        );
      }
      const owner = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processIsAlive(owner)) {
        throw inUse(owner);
      }
      await rm(lockFile, { force: true }); // stale: its process is gone
      continue;
    }
    lockedDataDirs.add(dataDir);
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      lockedDataDirs.delete(dataDir);
      await rm(lockFile, { force: true });
    };
  }
  throw inUse(Number.NaN);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Refuses paths PGlite would misuse: a file, or a folder of unrelated files. */
async function prepareDataDir(dataDir: string): Promise<void> {
  const info = await stat(dataDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new DatabaseError('DATA_DIR_INVALID', { dataDir, reason: describeError(error) }, { cause: error });
  });
  if (info === undefined) {
    await mkdir(dataDir, { recursive: true }).catch((error: unknown) => {
      throw new DatabaseError(
        'DATA_DIR_INVALID',
        { dataDir, reason: describeError(error) },
        { cause: error },
      );
    });
    return;
  }
  if (!info.isDirectory()) {
    throw new DatabaseError('DATA_DIR_INVALID', {
      dataDir,
      reasonEn: 'it is not a directory',
      reasonId: 'itu bukan direktori',
    });
  }
  const entries = (await readdir(dataDir)).filter((name) => !name.startsWith('.'));
  // PGlite would run initdb among unrelated files; a cluster always has PG_VERSION.
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new DatabaseError('DATA_DIR_CORRUPT', {
      dataDir,
      reasonEn: 'it holds files but no PG_VERSION',
      reasonId: 'berisi file tetapi tanpa PG_VERSION',
    });
  }
}

export interface OpenPGliteOptions
  extends Pick<
    CreateDatabaseOptions,
    'logger' | 'migrate' | 'migrationsDir' | 'onQuery' | 'queryPlanCacheMaxSize'
  > {
  readonly dataDir: string;
  /** Runs once the instance is closed, also when opening fails. */
  readonly onClose?: () => Promise<void>;
}

/**
 * Wraps a ready PGlite instance: the migration runner and Prisma share it. Closing the
 * database closes the instance. Used by {@link createDatabase} and by the test helpers.
 */
export async function openPGliteDatabase(pglite: PGlite, options: OpenPGliteOptions): Promise<Database> {
  const log = options.logger ?? silent;
  const onDisk = !options.dataDir.startsWith(IN_MEMORY_DATA_DIR);
  const conn = pgliteConnection(pglite);
  const mapError = (error: unknown): DatabaseError => pgliteError(error, options.dataDir, onDisk);
  const runMigrations = async (): Promise<MigrationResult> => {
    try {
      return reportMigrations(
        await migrate(conn, { migrationsDir: options.migrationsDir, logger: log }),
        log,
      );
    } catch (error) {
      throw mapError(error);
    }
  };

  try {
    await pglite.query('SELECT 1');
    if (options.migrate ?? true) await runMigrations();
  } catch (error) {
    await pglite.close().catch(() => undefined);
    await options.onClose?.();
    throw mapError(error);
  }
  log('info', `basis data tertanam / embedded database: PGlite ${options.dataDir}`);

  const prisma = newPrismaClient(new PrismaPGlite(pglite), options.onQuery, options.queryPlanCacheMaxSize);
  return {
    prisma,
    kind: 'pglite',
    dataDir: options.dataDir,
    migrate: runMigrations,
    status: () =>
      migrationStatus(conn, { migrationsDir: options.migrationsDir }).catch((error) => {
        throw mapError(error);
      }),
    resolveMigration: (name, action) =>
      resolveMigration(conn, name, action, { migrationsDir: options.migrationsDir }).catch((error) => {
        throw mapError(error);
      }),
    ping: () => answersWithin(pglite.query('SELECT 1'), PING_TIMEOUT_MS),
    isEmpty: () => unitTableIsEmpty(conn),
    close: closeOnce(prisma, async () => {
      if (!pglite.closed) await pglite.close();
      await options.onClose?.();
    }),
  };
}

/**
 * A database's `close`: disconnects Prisma, then `release`s the driver (PGlite or the pool); the
 * same promise however often it is called.
 */
function closeOnce(prisma: PrismaClient, release: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      await prisma.$disconnect().catch(() => undefined);
      await release();
    })();
    return closing;
  };
}

/** SQLSTATE classes XX (internal error: data/index corrupted) and 58 (system: missing files). */
function pgliteError(error: unknown, dataDir: string, onDisk: boolean): DatabaseError {
  const state = sqlState(error);
  if (onDisk && state !== undefined && /^(XX|58)/.test(state)) {
    return new DatabaseError(
      'DATA_DIR_CORRUPT',
      { dataDir, reason: describeError(rootCause(error)) },
      { cause: error },
    );
  }
  if (isDatabaseError(error)) return error;
  return new DatabaseError('DATABASE_ERROR', { reason: describeError(error) }, { cause: error });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

async function openPostgres(target: PostgresUrl, options: CreateDatabaseOptions): Promise<Database> {
  const log = options.logger ?? silent;
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const clientConfig: pg.ClientConfig = {
    connectionString: target.connectionString,
    connectionTimeoutMillis: connectTimeoutMs,
    application_name: 'layanan',
  };

  /** Migrations get a dedicated connection: the advisory lock belongs to one session. */
  const withClient = async <T>(fn: (conn: MigrationConnection) => Promise<T>): Promise<T> => {
    const client = new pg.Client(clientConfig);
    // Errors of a broken connection also reject the pending query; this only keeps an
    // 'error' event from crashing the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw connectError(error, target, connectTimeoutMs);
    }
    try {
      return await fn(pgConnection(client));
    } catch (error) {
      if (isDatabaseError(error)) throw error;
      throw new DatabaseError('DATABASE_ERROR', { reason: describeError(error) }, { cause: error });
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  const runMigrations = async (): Promise<MigrationResult> =>
    reportMigrations(
      await withClient((conn) => migrate(conn, { migrationsDir: options.migrationsDir, logger: log })),
      log,
    );

  // Connecting here (not lazily in the pool) makes a wrong URL fail now, with one clear line.
  if (options.migrate ?? true) await runMigrations();
  else await withClient((conn) => conn.query('SELECT 1'));
  log('info', `basis data / database: PostgreSQL ${target.redacted}`);

  // pg-pool also applies connectionTimeoutMillis to waiting for a free connection: under a burst
  // the short connect timeout turned queued requests into masked errors (found by the crash test).
  // Requests queue as long as a transaction may wait for a connection.
  const pool = new pg.Pool({
    ...clientConfig,
    connectionTimeoutMillis: Math.max(connectTimeoutMs, TRANSACTION_OPTIONS.maxWait),
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
  });
  // An idle connection dropped by the server emits 'error' on the pool; without a listener
  // Node would crash. The next query simply gets a new connection.
  pool.on('error', (error) =>
    log('warn', `koneksi PostgreSQL terputus / PostgreSQL connection lost: ${describeError(error)}`),
  );
  const prisma = newPrismaClient(new PrismaPg(pool), options.onQuery, options.queryPlanCacheMaxSize);
  const withPooled = async <T>(fn: (conn: MigrationConnection) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw connectError(error, target, connectTimeoutMs);
    }
    try {
      return await fn(pgConnection(client));
    } finally {
      client.release();
    }
  };

  return {
    prisma,
    kind: 'postgresql',
    url: target.redacted,
    migrate: runMigrations,
    status: () => withPooled((conn) => migrationStatus(conn, { migrationsDir: options.migrationsDir })),
    resolveMigration: (name, action) =>
      withClient((conn) => resolveMigration(conn, name, action, { migrationsDir: options.migrationsDir })),
    ping: () => answersWithin(pool.query('SELECT 1'), PING_TIMEOUT_MS),
    isEmpty: () => withPooled(unitTableIsEmpty),
    close: closeOnce(prisma, () => pool.end().catch(() => undefined)),
  };
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function connectError(error: unknown, target: PostgresUrl, timeoutMs: number): DatabaseError {
  const state = sqlState(error);
  const reason = describeError(error);
  if (state === '28P01' || state === '28000') {
    return new DatabaseError('DATABASE_ACCESS_DENIED', { target: target.target, reason }, { cause: error });
  }
  if (state === '3D000') {
    return new DatabaseError(
      'DATABASE_NOT_FOUND',
      { target: target.target, database: target.database },
      { cause: error },
    );
  }
  const code = (error as { code?: unknown }).code;
  const timedOut = /timeout/i.test(reason) && !(typeof code === 'string' && UNREACHABLE_CODES.has(code));
  return new DatabaseError(
    'DATABASE_UNREACHABLE',
    timedOut
      ? {
          target: target.target,
          reasonEn: `no answer within ${timeoutMs} ms`,
          reasonId: `tidak ada jawaban dalam ${timeoutMs} ms`,
        }
      : { target: target.target, reason },
    { cause: error },
  );
}

// ---------------------------------------------------------------------------------------------
// Shared

function reportMigrations(result: MigrationResult, log: DatabaseLogger): MigrationResult {
  if (result.applied.length > 0) {
    const names = result.applied.map((migration) => migration.name).join(', ');
    log('info', `migrasi diterapkan / migrations applied: ${names}`);
  } else {
    log('debug', 'skema mutakhir / schema up to date');
  }
  return result;
}

async function unitTableIsEmpty(conn: MigrationConnection): Promise<boolean> {
  const [table] = await conn.query<{ missing: boolean }>("SELECT to_regclass('unit') IS NULL AS missing");
  if (table?.missing) return true;
  const [row] = await conn.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM unit) AS empty');
  return row?.empty ?? true;
}

function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && current.cause !== undefined && isDatabaseError(current))
    current = current.cause;
  return current;
}

/** The SQLSTATE of a pg or PGlite error, looking through our own wrapping. */
function sqlState(error: unknown): string | undefined {
  // Server errors (pg and PGlite alike) carry a severity; socket errors have codes like EPERM.
  const { code, severity } = (rootCause(error) ?? {}) as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && typeof severity === 'string' && /^[0-9A-Z]{5}$/.test(code)
    ? code
    : undefined;
}

/** True when `query` succeeds within `ms`; false on any error or timeout (health checks). */
function answersWithin(query: Promise<unknown>, ms: number): Promise<boolean> {
  return withTimeout(query, ms).then(
    () => true,
    () => false,
  );
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
