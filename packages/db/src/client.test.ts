import { mkdir, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './client.js';
import { DatabaseError, type DatabaseErrorCode } from './errors.js';
import { readMigrations } from './migrate/migrations-dir.js';
import { defaultMigrationsDir } from './paths.js';
import { tempDir } from './test-support/fixtures.js';
import { createScratchPostgresDatabase } from './test-support/postgres.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function scratchDir(): Promise<string> {
  const dir = await tempDir('layanan-pglite-');
  cleanups.push(dir.remove);
  return dir.path;
}

async function expectFailure(promise: Promise<Database>, code: DatabaseErrorCode): Promise<DatabaseError> {
  const error = await promise.then(
    async (db) => {
      await db.close();
      return undefined;
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DatabaseError);
  expect((error as DatabaseError).code).toBe(code);
  // One line, both languages, for the CLI and the gateway's start-up.
  expect((error as DatabaseError).message).not.toContain('\n');
  expect((error as DatabaseError).messageId).not.toBe((error as DatabaseError).messageEn);
  return error as DatabaseError;
}

describe('createDatabase: configuration errors', () => {
  it.each(['foo://bar', 'not a url', 'postgresql://', 'mysql://root:pw@localhost/db'])(
    'rejects DATABASE_URL %j with INVALID_DATABASE_URL',
    async (url) => {
      const error = await expectFailure(createDatabase({ url }), 'INVALID_DATABASE_URL');
      expect(error.message).toContain('postgresql://');
    },
  );

  it('never prints the password of a URL', async () => {
    const error = await expectFailure(
      createDatabase({ url: 'mysql://root:s3cret@localhost/db' }),
      'INVALID_DATABASE_URL',
    );
    expect(error.message).not.toContain('s3cret');
  });

  it('fails fast with DATABASE_UNREACHABLE when nothing listens', async () => {
    const started = Date.now();
    const error = await expectFailure(
      createDatabase({ url: 'postgresql://layanan:s3cret@127.0.0.1:1/layanan' }),
      'DATABASE_UNREACHABLE',
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error.message).toContain('127.0.0.1:1');
    expect(error.message).not.toContain('s3cret');
  });

  it('reports a server that accepts the connection but never answers, within the connect timeout', async () => {
    const sockets = new Set<Socket>();
    const silentServer = createServer((socket) => {
      sockets.add(socket);
      socket.resume(); // read (and ignore) the startup message, so the client's close is seen
    });
    await new Promise<void>((done) => silentServer.listen(0, '127.0.0.1', done));
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise((done) => silentServer.close(done));
    });
    const { port } = silentServer.address() as AddressInfo;
    const started = Date.now();
    const error = await expectFailure(
      createDatabase({ url: `postgresql://layanan@127.0.0.1:${port}/layanan`, connectTimeoutMs: 500 }),
      'DATABASE_UNREACHABLE',
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error.messageEn).toContain('no answer within 500 ms');
  });

  it('rejects a data directory that is a file (DATA_DIR_INVALID)', async () => {
    const file = join(await scratchDir(), 'file');
    await writeFile(file, 'x');
    await expectFailure(createDatabase({ dataDir: file }), 'DATA_DIR_INVALID');
  });

  it('rejects a directory of unrelated files instead of creating a database among them', async () => {
    const dir = await scratchDir();
    await writeFile(join(dir, 'notes.txt'), 'hello');
    const error = await expectFailure(createDatabase({ dataDir: dir }), 'DATA_DIR_CORRUPT');
    expect(error.message).toContain(dir);
  });

  it('turns a cluster PGlite cannot open into DATA_DIR_CORRUPT, without hanging', async () => {
    const dir = await scratchDir();
    await mkdir(join(dir, 'global'));
    await writeFile(join(dir, 'PG_VERSION'), '14\n');
    await writeFile(join(dir, 'global', 'pg_control'), Buffer.alloc(8192, 7));
    const error = await expectFailure(createDatabase({ dataDir: dir }), 'DATA_DIR_CORRUPT');
    expect(error.message).toContain('PG_VERSION 14');
  });
});

describe('createDatabase: embedded PGlite', () => {
  it('refuses a data directory locked by another running process', async () => {
    const dataDir = await scratchDir();
    await writeFile(join(dataDir, '.layanan-pglite.lock'), `${process.ppid}\n`);
    const error = await expectFailure(createDatabase({ dataDir }), 'DATA_DIR_IN_USE');
    expect(error.message).toContain(`PID ${process.ppid}`);
  });

  it('persists data in its data directory and never applies a migration twice', async () => {
    const dataDir = join(await scratchDir(), 'nested', 'pglite');
    const migrationNames = (await readMigrations(defaultMigrationsDir)).map((migration) => migration.name);
    const logs: string[] = [];

    const first = await createDatabase({
      dataDir,
      logger: (level, message) => logs.push(`${level} ${message}`),
    });
    try {
      expect(first).toMatchObject({ kind: 'pglite', dataDir });
      expect(first.url).toBeUndefined();
      expect(logs.join('\n')).toContain(migrationNames[0]);
      expect(await first.isEmpty()).toBe(true);
      await first.prisma.unit.create({
        data: { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan PTSP', shortName: 'DPMPTSP' },
      });
      expect(await first.isEmpty()).toBe(false);
      // A second instance on the same files would corrupt them.
      const error = await expectFailure(createDatabase({ dataDir }), 'DATA_DIR_IN_USE');
      expect(error.message).toContain(String(process.pid));
    } finally {
      await first.close();
    }
    await first.close(); // idempotent

    // The lock of a process that no longer exists is taken over.
    await writeFile(join(dataDir, '.layanan-pglite.lock'), '2147483646\n');

    const second = await createDatabase({ dataDir, migrate: false });
    try {
      expect(await second.migrate()).toEqual({ applied: [], alreadyApplied: migrationNames });
      expect(await second.status()).toMatchObject({ upToDate: true, pending: [], failed: [] });
      expect(await second.prisma.unit.findUnique({ where: { code: 'DPMPTSP' } })).toMatchObject({
        shortName: 'DPMPTSP',
        kind: 'DINAS',
      });
      expect(await second.ping()).toBe(true);
    } finally {
      await second.close();
    }
    expect(await second.ping()).toBe(false);

    // The same directory, now from a PostgreSQL major version PGlite cannot read.
    await writeFile(join(dataDir, 'PG_VERSION'), '14\n');
    await expectFailure(createDatabase({ dataDir }), 'DATA_DIR_CORRUPT');
  });

  it('runs in memory with memory://, and reports an empty, unmigrated database as empty', async () => {
    const db = await createDatabase({ dataDir: 'memory://', migrate: false });
    try {
      expect(db.dataDir).toBe('memory://');
      expect(await db.isEmpty()).toBe(true);
      const status = await db.status();
      expect(status.upToDate).toBe(false);
      expect(status.pending.length).toBeGreaterThan(0);
      expect((await db.migrate()).applied.length).toBe(status.pending.length);
      expect((await db.status()).upToDate).toBe(true);
      expect(await db.isEmpty()).toBe(true);
    } finally {
      await db.close();
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('createDatabase: PostgreSQL', () => {
  it('migrates an empty database, serves Prisma, and applies nothing the second time', async () => {
    const scratch = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL!);
    cleanups.push(scratch.drop);
    const withPassword = new URL(scratch.url);
    withPassword.password = 'not-needed-with-trust-auth';

    const db = await createDatabase({ url: withPassword.toString() });
    try {
      expect(db.kind).toBe('postgresql');
      expect(db.url).toContain('***');
      expect(db.url).not.toContain('not-needed');
      expect(await db.ping()).toBe(true);
      expect(await db.isEmpty()).toBe(true);
      await db.prisma.district.create({ data: { code: '1373010', name: 'Silungkang' } });
      expect(await db.prisma.district.count()).toBe(1);
      expect(await db.status()).toMatchObject({ upToDate: true });
    } finally {
      await db.close();
    }

    const again = await createDatabase({ url: scratch.url, migrate: false });
    try {
      expect((await again.migrate()).applied).toEqual([]);
      expect(await again.prisma.district.findUnique({ where: { code: '1373010' } })).toMatchObject({
        name: 'Silungkang',
      });
    } finally {
      await again.close();
    }
  });

  it('names a missing database and a refused login', async () => {
    const base = new URL(process.env.TEST_DATABASE_URL!);
    const missing = new URL(base);
    missing.pathname = '/layanan_does_not_exist';
    const error = await expectFailure(createDatabase({ url: missing.toString() }), 'DATABASE_NOT_FOUND');
    expect(error.message).toContain('layanan_does_not_exist');

    const stranger = new URL(base);
    stranger.username = 'layanan_no_such_role';
    await expectFailure(createDatabase({ url: stranger.toString() }), 'DATABASE_ACCESS_DENIED');
  });
});
