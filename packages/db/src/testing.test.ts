import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, setupTestTemplates, TEST_TEMPLATES_ENV, testDatabaseKinds } from './testing.js';

describe('testDatabaseKinds', () => {
  it('always offers pglite, and postgresql only with TEST_DATABASE_URL', () => {
    const kinds = testDatabaseKinds();
    expect(kinds[0]).toBe('pglite');
    expect(kinds.includes('postgresql')).toBe(Boolean(process.env.TEST_DATABASE_URL));
  });
});

describe.each(testDatabaseKinds())('createTestDatabase(%s)', (kind) => {
  it('gives migrated databases that do not see each other', async () => {
    const [one, two] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind)]);
    try {
      expect(one.kind).toBe(kind);
      expect(await one.status()).toMatchObject({ upToDate: true });
      await one.prisma.district.create({ data: { code: '1373020', name: 'Lembah Segar' } });
      expect(await one.prisma.district.count()).toBe(1);
      expect(await two.prisma.district.count()).toBe(0);
      expect(await two.isEmpty()).toBe(true);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }

    if (kind === 'postgresql') {
      // close() dropped both databases.
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        const { rows } = await admin.query('SELECT datname FROM pg_database WHERE datname = ANY($1)', [
          [one.name, two.name],
        ]);
        expect(rows).toEqual([]);
      } finally {
        await admin.end();
      }
    }
  });
});

describe.each(testDatabaseKinds())('createTestDatabase(%s) from the run templates', (kind) => {
  it('copies one migrated, seeded template per seed: equal contents, independent copies, dropped at teardown', async () => {
    const outer = process.env[TEST_TEMPLATES_ENV]; // the package's own global setup
    const teardown = setupTestTemplates();
    const dir = process.env[TEST_TEMPLATES_ENV] as string;
    const run = readFileSync(join(dir, 'run'), 'utf8');
    try {
      const [one, two] = await Promise.all([
        createTestDatabase(kind, { seed: 'fixture' }),
        createTestDatabase(kind, { seed: 'fixture' }),
      ]);
      const empty = await createTestDatabase(kind);
      try {
        // Built once (the second waited for the first), and holding the fixture.
        const ext = kind === 'pglite' ? 'tar' : 'name';
        const built = readdirSync(dir).filter((f) => f.startsWith(`${kind}-`));
        expect(built.sort()).toEqual([`${kind}-fixture.${ext}`, `${kind}-none.${ext}`]);
        expect(await one.status()).toMatchObject({ upToDate: true });
        expect(await one.prisma.account.count()).toBeGreaterThan(0);
        expect(await two.prisma.account.count()).toBe(await one.prisma.account.count());
        expect(await empty.isEmpty()).toBe(true);
        await one.prisma.district.deleteMany();
        expect(await one.prisma.district.count()).toBe(0);
        expect(await two.prisma.district.count()).toBeGreaterThan(0);
      } finally {
        await Promise.all([one.close(), two.close(), empty.close()]);
      }
    } finally {
      await teardown();
      if (outer) process.env[TEST_TEMPLATES_ENV] = outer;
      else delete process.env[TEST_TEMPLATES_ENV];
    }
    expect(existsSync(dir)).toBe(false);
    if (kind === 'postgresql') {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        const { rows } = await admin.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [
          `layanan_tpl_${run}_`,
        ]);
        expect(rows).toEqual([]);
      } finally {
        await admin.end();
      }
    }
  });
});
