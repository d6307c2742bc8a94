import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', testing: 'src/testing.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', testing: 'src/testing.ts' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
  // Runtime dependencies stay external; the generated Prisma client is bundled.
  external: [/^@prisma\//, /^@electric-sql\//, 'pg', 'pglite-prisma-adapter'],
});
