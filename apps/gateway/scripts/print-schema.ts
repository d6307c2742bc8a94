// Writes the schema to the committed apps/gateway/schema.graphql (`pnpm schema:print`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { schema } from '../src/graphql/schema.js';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
writeFileSync(target, `${printSchema(schema)}\n`);
console.log(`schema written to ${target}`);
