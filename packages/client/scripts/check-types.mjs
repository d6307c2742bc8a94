// `pnpm --filter @layanan/client types:check`: the committed src/graphql-env.d.ts must be what
// gql.tada generates from apps/gateway/schema.graphql now; otherwise run `types:generate`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'layanan-client-types-'));
try {
  const fresh = join(dir, 'graphql-env.d.ts');
  execFileSync(join(root, 'node_modules/.bin/gql.tada'), ['generate', 'output', '--output', fresh], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const committed = readFileSync(join(root, 'src/graphql-env.d.ts'), 'utf8');
  if (readFileSync(fresh, 'utf8') !== committed) {
    console.error(
      'src/graphql-env.d.ts is stale: run `pnpm --filter @layanan/client types:generate` and commit it.',
    );
    process.exit(1);
  }
  console.log('src/graphql-env.d.ts matches apps/gateway/schema.graphql');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
