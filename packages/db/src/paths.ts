import { fileURLToPath } from 'node:url';

// This file sits one level below the package root both as source (src/paths.ts) and once
// bundled (dist/*.js), so the same relative URL finds the package's prisma/ folder.

/** `packages/db/prisma/migrations`, shipped with the package. */
export const defaultMigrationsDir: string = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

/** `packages/db/prisma/schema`: the Prisma schema, one `.prisma` file per area. */
export const defaultSchemaDir: string = fileURLToPath(new URL('../prisma/schema', import.meta.url));
