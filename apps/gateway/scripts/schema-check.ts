// `pnpm schema:check`: fails on a breaking change to schema.graphql unless a commit since the
// base says `[breaking-change]`. See src/schema-check/schema-check.ts for how the base is chosen.
import { checkRepository } from '../src/schema-check/schema-check.js';

const outcome = await checkRepository(process.cwd());
console.log(`schema check against ${outcome.base?.slice(0, 12) ?? '(none)'}: ${outcome.note}`);
for (const c of outcome.breaking) console.log(`  BREAKING  ${c.message}`);
for (const c of outcome.other) console.log(`  ${c.level.padEnd(9)} ${c.message}`);
process.exit(outcome.ok ? 0 : 1);
