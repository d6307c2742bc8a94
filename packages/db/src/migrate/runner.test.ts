import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseError } from '../errors.js';
import { PGLITE_EXTENSIONS } from '../pglite-extensions.js';
import { type MigrationsFixture, migrationsFixture } from '../test-support/fixtures.js';
import { createScratchPostgresDatabase } from '../test-support/postgres.js';
import { testDatabaseKinds } from '../testing.js';
import { type MigrationConnection, pgConnection, pgliteConnection } from './connection.js';
import { checksumOf } from './migrations-dir.js';
import { MIGRATE_ADVISORY_LOCK_ID, migrate, migrationStatus, resolveMigration } from './runner.js';

const A = '20240101000000_create_a';
const B = '20240102000000_create_b';
const C = '20240103000000_create_c';
const SQL_A = 'CREATE TABLE a (id integer PRIMARY KEY, note text);\n';
// References `a`: fails unless the migrations run in name order.
const SQL_B = 'CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id));\n';

interface Session {
  readonly conn: MigrationConnection;
  /** Another session on the same database (PostgreSQL only: PGlite has a single session). */
  readonly connectAgain?: () => Promise<MigrationConnection>;
  close(): Promise<void>;
}

let blank: Promise<PGlite> | undefined;
afterAll(async () => {
  if (blank) await (await blank).close();
});

async function openSession(kind: 'pglite' | 'postgresql'): Promise<Session> {
  if (kind === 'pglite') {
    blank ??= PGlite.create('memory://', { extensions: PGLITE_EXTENSIONS });
    const db = (await (await blank).clone()) as PGlite;
    return { conn: pgliteConnection(db), close: () => db.close() };
  }
  const scratch = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL!);
  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    clients.push(client);
    return pgConnection(client);
  };
  return {
    conn: await connect(),
    connectAgain: connect,
    async close() {
      await Promise.all(clients.map((client) => client.end()));
      await scratch.drop();
    },
  };
}

async function rows(conn: MigrationConnection) {
  return conn.query<{
    migration_name: string;
    checksum: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
    logs: string | null;
    started_at: Date;
    applied_steps_count: number;
  }>('SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name');
}

async function tableExists(conn: MigrationConnection, table: string): Promise<boolean> {
  const [row] = await conn.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [
    table,
  ]);
  return row?.exists ?? false;
}

async function rejection(promise: Promise<unknown>): Promise<DatabaseError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DatabaseError);
  return error as DatabaseError;
}

describe.each(testDatabaseKinds())('migration runner on %s', (kind) => {
  let session: Session;
  let fixture: MigrationsFixture;

  beforeEach(async () => {
    [session, fixture] = await Promise.all([openSession(kind), migrationsFixture()]);
  });
  afterEach(async () => {
    await Promise.all([session.close(), fixture.remove()]);
  });

  it("creates Prisma's _prisma_migrations table and applies migrations in name order, once", async () => {
    await fixture.write({ [B]: SQL_B, [A]: SQL_A });
    const { conn } = session;

    const first = await migrate(conn, { migrationsDir: fixture.dir });
    expect(first.applied.map((migration) => migration.name)).toEqual([A, B]);
    expect(first.alreadyApplied).toEqual([]);

    const columns = await conn.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      {
        column_name: 'id',
        data_type: 'character varying',
        character_maximum_length: 36,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'checksum',
        data_type: 'character varying',
        character_maximum_length: 64,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'finished_at',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'migration_name',
        data_type: 'character varying',
        character_maximum_length: 255,
        is_nullable: 'NO',
        column_default: null,
      },
      {
        column_name: 'logs',
        data_type: 'text',
        character_maximum_length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'rolled_back_at',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'YES',
        column_default: null,
      },
      {
        column_name: 'started_at',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'NO',
        column_default: 'now()',
      },
      {
        column_name: 'applied_steps_count',
        data_type: 'integer',
        character_maximum_length: null,
        is_nullable: 'NO',
        column_default: '0',
      },
    ]);

    const recorded = await rows(conn);
    expect(recorded.map((row) => row.migration_name)).toEqual([A, B]);
    expect(recorded[0]).toMatchObject({
      checksum: checksumOf(SQL_A),
      applied_steps_count: 1,
      logs: null,
      rolled_back_at: null,
    });
    expect(recorded[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    for (const row of recorded)
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());

    const second = await migrate(conn, { migrationsDir: fixture.dir });
    expect(second).toEqual({ applied: [], alreadyApplied: [A, B] });
    expect(await rows(conn)).toHaveLength(2);
    expect(await migrationStatus(conn, { migrationsDir: fixture.dir })).toMatchObject({
      upToDate: true,
      applied: [A, B],
      pending: [],
    });
  });

  it('reports pending migrations without creating anything', async () => {
    await fixture.write({ [A]: SQL_A });
    const status = await migrationStatus(session.conn, { migrationsDir: fixture.dir });
    expect(status).toEqual({
      upToDate: false,
      migrationsTableExists: false,
      applied: [],
      pending: [A],
      failed: [],
      modified: [],
      unknown: [],
    });
    expect(await tableExists(session.conn, '_prisma_migrations')).toBe(false);
  });

  it('rolls a failing migration back as a unit, records it, and blocks later runs until resolved', async () => {
    const failing =
      'CREATE TABLE c (id integer);\nINSERT INTO c VALUES (1);\nSELECT * FROM does_not_exist;\n';
    await fixture.write({ [A]: SQL_A, [C]: failing });
    const { conn } = session;

    const failed = await rejection(migrate(conn, { migrationsDir: fixture.dir }));
    expect(failed.code).toBe('MIGRATION_FAILED');
    expect(failed.message).toContain(C);
    expect(failed.message).toContain('does_not_exist');
    expect(failed.message).toContain('SQLSTATE 42P01, migration.sql line 3');
    expect(await tableExists(conn, 'a')).toBe(true);
    expect(await tableExists(conn, 'c')).toBe(false);
    const [, failedRow] = await rows(conn);
    expect(failedRow).toMatchObject({
      migration_name: C,
      finished_at: null,
      rolled_back_at: null,
      applied_steps_count: 0,
    });
    expect(failedRow?.logs).toContain('does_not_exist');

    // A later migration is refused while the failure is unresolved.
    await fixture.write({ '20240104000000_create_d': 'CREATE TABLE d (id integer);\n' });
    const blocked = await rejection(migrate(conn, { migrationsDir: fixture.dir }));
    expect(blocked.code).toBe('MIGRATION_BLOCKED');
    expect(blocked.message).toContain(C);
    expect(await tableExists(conn, 'd')).toBe(false);
    const status = await migrationStatus(conn, { migrationsDir: fixture.dir });
    expect(status.upToDate).toBe(false);
    expect(status.failed.map((migration) => migration.name)).toEqual([C]);

    // Fix the script, mark the failure rolled back: the next run applies both.
    await fixture.write({ [C]: 'CREATE TABLE c (id integer);\n' });
    await resolveMigration(conn, C, 'rolled-back', { migrationsDir: fixture.dir });
    const retried = await migrate(conn, { migrationsDir: fixture.dir });
    expect(retried.applied.map((migration) => migration.name)).toEqual([C, '20240104000000_create_d']);
    const history = await rows(conn);
    expect(
      history.filter((row) => row.migration_name === C).map((row) => row.rolled_back_at !== null),
    ).toEqual([true, false]);
  });

  it('refuses to run when an applied migration was edited, but accepts CRLF line endings', async () => {
    await fixture.write({ [A]: SQL_A });
    const { conn } = session;
    await migrate(conn, { migrationsDir: fixture.dir });

    await fixture.write({ [A]: SQL_A.replaceAll('\n', '\r\n') });
    expect((await migrate(conn, { migrationsDir: fixture.dir })).applied).toEqual([]);

    await fixture.write({ [A]: 'CREATE TABLE a (id bigint PRIMARY KEY);\n', [B]: SQL_B });
    const error = await rejection(migrate(conn, { migrationsDir: fixture.dir }));
    expect(error.code).toBe('MIGRATION_CHECKSUM_MISMATCH');
    expect(error.message).toContain(A);
    expect(await tableExists(conn, 'b')).toBe(false);
    expect((await migrationStatus(conn, { migrationsDir: fixture.dir })).modified).toEqual([A]);
  });

  it('sends each script whole: $$ bodies and literals containing semicolons', async () => {
    await fixture.write({
      [A]: `CREATE FUNCTION add_one(x integer) RETURNS integer AS $$
BEGIN
  RETURN x + 1;
END;
$$ LANGUAGE plpgsql;
CREATE TABLE note (body text NOT NULL DEFAULT 'a;b');
INSERT INTO note (body) VALUES ('c;d'), (DEFAULT);
`,
    });
    const { conn } = session;
    await migrate(conn, { migrationsDir: fixture.dir });
    expect(await conn.query('SELECT add_one(1) AS two')).toEqual([{ two: 2 }]);
    expect(await conn.query('SELECT body FROM note ORDER BY body')).toEqual([
      { body: 'a;b' },
      { body: 'c;d' },
    ]);
  });

  it('refuses a database that has tables but no migration history', async () => {
    await fixture.write({ [A]: SQL_A });
    await session.conn.exec('CREATE TABLE legacy (id integer);');
    const error = await rejection(migrate(session.conn, { migrationsDir: fixture.dir }));
    expect(error.code).toBe('DATABASE_NOT_EMPTY');
    expect(error.message).toContain('legacy');
    expect(await tableExists(session.conn, '_prisma_migrations')).toBe(false);
  });

  it('marks a migration applied by hand, warns about migrations missing from the folder', async () => {
    await fixture.write({ [A]: SQL_A, [C]: 'CREATE TABLE c (id integer);\n' });
    const { conn } = session;
    await resolveMigration(conn, A, 'applied', { migrationsDir: fixture.dir });
    expect(await tableExists(conn, 'a')).toBe(false);
    const notFailed = await rejection(
      resolveMigration(conn, A, 'rolled-back', { migrationsDir: fixture.dir }),
    );
    expect(notFailed.code).toBe('MIGRATION_RESOLVE_REJECTED');

    expect((await migrate(conn, { migrationsDir: fixture.dir })).applied.map((m) => m.name)).toEqual([C]);
    await rm(join(fixture.dir, C), { recursive: true });
    const warnings: string[] = [];
    const result = await migrate(conn, {
      migrationsDir: fixture.dir,
      logger: (level, message) => level === 'warn' && warnings.push(message),
    });
    expect(result).toEqual({ applied: [], alreadyApplied: [A] });
    expect(warnings.join()).toContain(C);
    expect((await migrationStatus(conn, { migrationsDir: fixture.dir })).unknown).toEqual([C]);
  });

  it('rejects a migrations folder made for another provider', async () => {
    await writeFile(join(fixture.dir, 'migration_lock.toml'), 'provider = "sqlite"\n');
    const error = await rejection(migrate(session.conn, { migrationsDir: fixture.dir }));
    expect(error.code).toBe('MIGRATIONS_DIR_INVALID');
  });

  it.runIf(kind === 'postgresql')('lets only one of two concurrent runners apply a migration', async () => {
    await fixture.write({ [A]: `SELECT pg_sleep(0.3);\n${SQL_A}`, [B]: SQL_B });
    const other = await session.connectAgain!();
    const results = await Promise.all([
      migrate(session.conn, { migrationsDir: fixture.dir }),
      migrate(other, { migrationsDir: fixture.dir }),
    ]);
    const applied = results.flatMap((result) => result.applied.map((migration) => migration.name));
    expect(applied).toEqual([A, B]);
    expect(results.map((result) => result.applied.length).sort()).toEqual([0, 2]);
    expect((await rows(session.conn)).map((row) => row.migration_name)).toEqual([A, B]);
  });

  it.runIf(kind === 'postgresql')(
    'gives up with MIGRATION_LOCK_TIMEOUT while another session holds the lock',
    async () => {
      await fixture.write({ [A]: SQL_A });
      const other = await session.connectAgain!();
      await other.query('SELECT pg_advisory_lock($1)', [MIGRATE_ADVISORY_LOCK_ID]);
      const started = Date.now();
      const error = await rejection(
        migrate(session.conn, { migrationsDir: fixture.dir, lockTimeoutMs: 300 }),
      );
      expect(error.code).toBe('MIGRATION_LOCK_TIMEOUT');
      expect(Date.now() - started).toBeLessThan(2_000);
      await other.query('SELECT pg_advisory_unlock($1)', [MIGRATE_ADVISORY_LOCK_ID]);
      expect((await migrate(session.conn, { migrationsDir: fixture.dir })).applied).toHaveLength(1);
    },
  );
});
