import { defineConfig } from 'vitest/config';

// `pnpm test:crash`: the process-level reliability proofs (crash, graceful shutdown) against the
// BUILT gateway (dist/main.js) on PostgreSQL. Kept out of `pnpm test` (vitest.config.ts).
export default defineConfig({
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['reliability/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    // One gateway at a time: they load the same two cores.
    fileParallelism: false,
  },
});
