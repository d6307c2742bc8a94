import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Migrated (and seeded) databases are made once per run and copied per test file.
    globalSetup: ['./vitest.global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    // PGlite is CPU-heavy; two cores are shared with PostgreSQL.
    maxWorkers: 2,
  },
});
