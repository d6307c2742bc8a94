// Prisma CLI configuration. The schema is a folder (one file per area, see README.md), so every
// Prisma command must be told where it is; the migrations keep Prisma's standard folder.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  // Only the CLI's migrate/introspect commands need a URL (where the native engine exists);
  // generate does not, so none is required here.
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
