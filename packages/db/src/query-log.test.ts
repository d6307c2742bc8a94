import { describe, expect, it } from 'vitest';
import type { QueryEvent } from './client.js';
import { useTestDatabase } from './test-support/database.js';
import { testDatabaseKinds } from './testing.js';

describe.each(testDatabaseKinds())('onQuery on %s', (kind) => {
  const events: QueryEvent[] = [];
  const db = useTestDatabase(kind, { onQuery: (e) => events.push(e) });

  it('reports every SQL statement Prisma sends', async () => {
    events.length = 0;
    await db().prisma.unit.findMany({ include: { staff: true } });
    // One statement per model (Prisma loads the relation in a second query or a join), never zero.
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.length).toBeLessThanOrEqual(2);
    expect(events.every((e) => /select/i.test(e.sql) && e.durationMs >= 0)).toBe(true);
    const before = events.length;
    await db().prisma.district.count();
    expect(events.length).toBe(before + 1);
  });
});
