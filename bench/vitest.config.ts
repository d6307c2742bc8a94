import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The smoke run starts five servers and drives each for a second; the machine is shared.
    testTimeout: 180_000,
  },
});
