// Lists the schema's public types, fields, arguments and input fields without a description.
//   pnpm --filter @layanan/gateway exec tsx scripts/undescribed.ts [TypeNamePrefix…]
import { schema } from '../src/graphql/schema.js';
import { undescribedParts } from '../src/graphql/undescribed.js';

const prefixes = process.argv.slice(2);
const parts = undescribedParts(schema).filter(
  (p) => prefixes.length === 0 || prefixes.some((x) => p.split(' ')[1]?.startsWith(x)),
);
for (const p of parts) console.log(p);
console.error(`${parts.length} undescribed`);
