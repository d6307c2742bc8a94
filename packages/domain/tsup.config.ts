import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'staff/index': 'src/staff/index.ts',
    'services/index': 'src/services/index.ts',
    'forums/index': 'src/forums/index.ts',
    'feedback/index': 'src/feedback/index.ts',
    'calendar/index': 'src/calendar/index.ts',
  },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node18',
});
