// Fails when the schema folder prisma/schema (all its files) and prisma/migrations disagree: a
// schema change without its migration (run `pnpm db:migration <name>`), or a hand-edited
// migration that drifted.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultMigrationsDir, defaultSchemaDir } from '../paths.js';
import { type DevSchemaEngine, openSchemaEngine } from './schema-engine.js';

let engine: DevSchemaEngine;
beforeAll(async () => {
  engine = await openSchemaEngine();
});
afterAll(() => engine?.close());

it('the schema folder matches the migrations folder', async () => {
  const { changed, sql } = await engine.diffMigrationsToSchema({
    migrationsDir: defaultMigrationsDir,
    schemaPath: defaultSchemaDir,
  });
  expect(
    changed,
    `prisma/schema has changes that no migration contains; run \`pnpm db:migration <name>\`. Missing SQL:\n${sql}`,
  ).toBe(false);
});
