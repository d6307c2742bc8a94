import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds } from './testing.js';

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
