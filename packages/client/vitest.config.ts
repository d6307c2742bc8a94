import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Load the built gateway with Node itself, as in production: inlined through Vite it would
    // get graphql's ESM build while graphql-yoga gets the CJS one, two GraphQLError classes.
    server: { deps: { external: [/apps\/gateway\/dist/, /packages\/db\/dist/] } },
  },
});
