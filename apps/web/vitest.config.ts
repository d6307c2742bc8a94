import { defineConfig } from 'vitest/config';

// End-to-end tests: the real gateway (embedded database, seeded) serving the built app, driven
// by Debian's Chromium through playwright-core. One file at a time: they share the machine.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
