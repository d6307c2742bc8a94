// gql.tada typed from the committed apps/gateway/schema.graphql (see graphql-env.d.ts, generated
// by `pnpm --filter @layanan/client types:generate`, checked by `types:check`).
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.js';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; Day: string; JSON: unknown };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
