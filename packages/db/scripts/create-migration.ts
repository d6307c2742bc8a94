// `pnpm db:migration <name>` (from the repo root):
//   node --import tsx packages/db/scripts/create-migration.ts <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql for the changes in the schema
// folder prisma/schema (every *.prisma file in it), or prints "no changes" and writes nothing.
// Needs no PostgreSQL server (PGlite shadow DB). Paths come from src/paths.ts (the package's own
// location), not from the current directory.

import { relative } from 'node:path';
import { createMigration } from '../src/dev/create-migration.js';
import { defaultMigrationsDir as migrationsDir, defaultSchemaDir as schemaPath } from '../src/paths.js';

const name = process.argv.slice(2).join(' ').trim();
if (name === '' || name === '--help' || name === '-h') {
  console.error('penggunaan / usage: pnpm db:migration <name>   (e.g. pnpm db:migration add_service_fee)');
  process.exit(name === '' ? 1 : 0);
}

try {
  const result = await createMigration({ name, schemaPath, migrationsDir });
  if (result.status === 'no-changes') {
    console.log(
      'no changes — prisma/schema sudah sesuai dengan migrasi / prisma/schema matches the migrations',
    );
  } else {
    console.log(`migrasi dibuat / migration created: ${relative(process.cwd(), result.path)}`);
    console.log('periksa SQL-nya, lalu / review the SQL, then: pnpm db:migrate');
  }
} catch (error) {
  console.error(`db:migration gagal / failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
