import { defineConfig } from 'tsup';

// One ESM entry with declarations. No Node built-ins in src/ (the client runs in browsers too).
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  platform: 'neutral',
  target: 'es2022',
});
