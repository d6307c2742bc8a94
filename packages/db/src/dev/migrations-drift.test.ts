// Fails when prisma/schema.prisma and prisma/migrations disagree: a schema change without its
// migration (run `pnpm db:migration <name>`), or a hand-edited migration that drifted.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultMigrationsDir, defaultSchemaPath } from '../paths.js';
import { type DevSchemaEngine, openSchemaEngine } from './schema-engine.js';

let engine: DevSchemaEngine;
beforeAll(async () => {
  engine = await openSchemaEngine();
});
afterAll(() => engine?.close());

it('schema.prisma matches the migrations folder', async () => {
  const { changed, sql } = await engine.diffMigrationsToSchema({
    migrationsDir: defaultMigrationsDir,
    schemaPath: defaultSchemaPath,
  });
  expect(
    changed,
    `schema.prisma has changes that no migration contains; run \`pnpm db:migration <name>\`. Missing SQL:\n${sql}`,
  ).toBe(false);
});
