import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ACCOUNTS, SEED_SERVICES, seed } from './seed.js';
import { createTestDatabase, seedTestFixture, type TestDatabase, testDatabaseKinds } from './testing.js';

describe.each(testDatabaseKinds())('seedTestFixture (%s)', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db.close());

  it('writes the reference rows of the demo seed, with the same natural keys', async () => {
    const counts = await seedTestFixture(db.prisma);
    expect(counts).toMatchObject({ accounts: SEED_ACCOUNTS.length, services: SEED_SERVICES.length });
    const services = await db.prisma.service.findMany({ include: { currentVersion: true } });
    expect(services.every((s) => s.currentVersion?.serviceId === s.id)).toBe(true);
    expect(await db.prisma.serviceRequest.count()).toBe(0);

    // The demo seed over the fixture finds every reference row already there and adds only its bulk.
    const { created } = await seed(db.prisma);
    for (const table of [
      'units',
      'districts',
      'services',
      'accounts',
      'holidays',
      'competencies',
      'forums',
    ]) {
      expect(created[table] ?? 0, table).toBe(0);
    }
    for (const table of ['serviceVersions', 'staffCompetencies', 'positions', 'trainingCourses']) {
      expect(created[table] ?? 0, table).toBe(0);
    }
    for (const table of ['serviceRequests', 'submissions', 'surveyResponses', 'trainingRecords']) {
      expect(created[table], table).toBeGreaterThan(0);
    }
  });
});
