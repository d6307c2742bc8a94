import { afterAll, beforeAll } from 'vitest';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { createTestDatabase, type TestDatabase, type TestDatabaseKind } from '../testing.js';

/**
 * A fresh test database for the enclosing `describe` block: opened in its `beforeAll`, closed
 * in its `afterAll`. Returns a getter, because the database exists only once `beforeAll` ran;
 * hooks registered after this call (e.g. a seed) run after the database is open.
 */
export function useTestDatabase(
  kind: TestDatabaseKind,
  options?: Parameters<typeof createTestDatabase>[1],
): () => TestDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(kind, options);
  });
  afterAll(() => db?.close());
  return () => {
    if (!db) throw new Error('the test database is opened in beforeAll; use it inside a test or hook');
    return db;
  };
}

type ModelKey = Uncapitalize<Prisma.ModelName>;

/** Row counts of the given tables, keyed by Prisma model (`{ staff: 42, unit: 9 }`). */
export async function rowCounts<K extends ModelKey>(
  prisma: PrismaClient,
  models: readonly K[],
): Promise<Record<K, number>> {
  const counts = await Promise.all(
    models.map((model) => (prisma[model] as unknown as { count(): Promise<number> }).count()),
  );
  return Object.fromEntries(models.map((model, i) => [model, counts[i]])) as Record<K, number>;
}
