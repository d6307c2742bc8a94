// `prisma generate` without the native schema engine: Prisma only checks that the engine file
// exists for generate (it never runs it), so we point it at this script when none is installed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);

// prisma.config.ts (read from the package root) points Prisma at the prisma/schema folder.
const result = spawnSync('prisma', ['generate'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: ['ignore', 'pipe', 'inherit'],
  env,
  shell: process.platform === 'win32',
});
if (result.error) {
  console.error(`prisma generate gagal / failed: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  process.stdout.write(result.stdout);
  process.exit(result.status ?? 1);
}
