import { defineConfig } from 'vitest/config';

// Unit tests of pure helpers (src/), and end-to-end tests: the real gateway (embedded database, seeded) serving the built app, driven
// by Debian's Chromium through playwright-core. One file at a time: they share the machine.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
