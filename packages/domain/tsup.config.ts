import { defineConfig } from 'tsup';

// JavaScript only: one ESM build with shared code split into chunks. Declarations are emitted
// by `tsc -p tsconfig.build.json`, unbundled, so `dist/<area>/index.d.ts` mirrors
// `src/<area>/index.ts` (bundling them with rollup-plugin-dts broke type-only re-exports inside
// the root's `export * as area` namespaces; test/pack.test.ts type-checks the installed package).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'staff/index': 'src/staff/index.ts',
    'services/index': 'src/services/index.ts',
    'forums/index': 'src/forums/index.ts',
    'feedback/index': 'src/feedback/index.ts',
    'calendar/index': 'src/calendar/index.ts',
    'accounts/index': 'src/accounts/index.ts',
    'notifications/index': 'src/notifications/index.ts',
  },
  format: ['esm'],
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'node18',
});
