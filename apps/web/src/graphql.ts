// Typed GraphQL documents from the committed gateway schema (apps/gateway/schema.graphql);
// `pnpm --filter @layanan/web generate:graphql` rewrites graphql-env.d.ts after a schema change.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; JSON: unknown };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
