// Typed GraphQL documents from the committed gateway schema (apps/gateway/schema.graphql), through
// @layanan/client's gql.tada setup: its src/graphql-env.d.ts is the one generated typings file
// (`pnpm schema:print` rewrites the schema and it).
export { graphql, type ResultOf, type VariablesOf } from '@layanan/client';
