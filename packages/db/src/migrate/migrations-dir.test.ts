import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseError } from '../errors.js';
import { defaultMigrationsDir } from '../paths.js';
import { type MigrationsFixture, migrationsFixture } from '../test-support/fixtures.js';
import { checksumOf, readMigrations, scriptMatchesChecksum } from './migrations-dir.js';

describe('checksums', () => {
  it('are lowercase, zero-padded hex SHA-256 like prisma-engines', () => {
    // The vector from prisma-engines' own checksum test.
    expect(checksumOf('hello')).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });

  it('match across CRLF and LF line endings, not across real edits', () => {
    const unix = 'ab\ncd\nef\n';
    const windows = 'ab\r\ncd\r\nef\r\n';
    expect(scriptMatchesChecksum(unix, checksumOf(windows))).toBe(true);
    expect(scriptMatchesChecksum(windows, checksumOf(unix))).toBe(true);
    expect(scriptMatchesChecksum('abc\n', checksumOf('abc'))).toBe(false);
  });

  it('accept the unpadded hex written by old Prisma versions', () => {
    const script = 'SELECT 1;\n';
    const digest = Buffer.from(checksumOf(script), 'hex');
    const unpadded = Array.from(digest, (byte) => byte.toString(16)).join('');
    expect(scriptMatchesChecksum(script, unpadded)).toBe(true);
  });
});

describe('readMigrations', () => {
  let fixture: MigrationsFixture | undefined;
  afterEach(async () => {
    await fixture?.remove();
    fixture = undefined;
  });

  it('lists migration folders in name order and skips other files', async () => {
    fixture = await migrationsFixture({
      '20240102000000_second': 'SELECT 2;\n',
      '20240101000000_first': 'SELECT 1;\n',
    });
    await writeFile(join(fixture.dir, 'README.md'), 'not a migration');
    const migrations = await readMigrations(fixture.dir);
    expect(migrations).toEqual([
      { name: '20240101000000_first', script: 'SELECT 1;\n', checksum: checksumOf('SELECT 1;\n') },
      { name: '20240102000000_second', script: 'SELECT 2;\n', checksum: checksumOf('SELECT 2;\n') },
    ]);
  });

  it('fails clearly on a folder without migration.sql and on a missing folder', async () => {
    fixture = await migrationsFixture();
    await mkdir(join(fixture.dir, '20240101000000_empty'));
    await expect(readMigrations(fixture.dir)).rejects.toMatchObject({
      code: 'MIGRATIONS_DIR_INVALID',
      message: expect.stringContaining('20240101000000_empty/migration.sql'),
    });
    await expect(readMigrations(join(fixture.dir, 'nope'))).rejects.toBeInstanceOf(DatabaseError);
  });

  it("finds this package's migrations, with Prisma's folder names", async () => {
    const migrations = await readMigrations(defaultMigrationsDir);
    expect(migrations.length).toBeGreaterThan(0);
    for (const migration of migrations) expect(migration.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
    expect(migrations[0]?.name).toMatch(/_init$/);
  });
});
