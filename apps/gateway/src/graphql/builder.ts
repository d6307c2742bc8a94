// The schema builder only: plugins, context and auth scopes. Scalars are in scalars.ts, types in
// src/modules/<area>/.
import { getDatamodel, type PrismaTypes } from '@layanan/db';
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../app/context.js';
import { accountMayPass, refusal } from '../platform/authz.js';
import type { StagedUpload } from '../platform/storage/multipart.js';
import { bilingual, INPUT_MESSAGES } from './gateway-errors.js';
// Adds t.exposeFields and t.exposeNullableFields to the field builders.
import './object-fields.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AuthScopes = {
  public: boolean;
  authenticated: boolean;
  citizen: boolean;
  /** Any account linked to the staff register (staff or supervisor). */
  staff: boolean;
  supervisor: boolean;
  admin: boolean;
  /** Another city system calling with an API key. */
  system: boolean;
  /** Staff (or supervisor) of the unit with this id. */
  unitStaff: string;
  /** Supervisor of the unit with this id. */
  unitSupervisor: string;
  /** The caller is the staff member with this id. */
  selfStaff: string;
  /** An API key holding this scope. */
  apiScope: string;
  /** The caller is the account with this id. */
  selfAccount: string;
};

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    /** A calendar day in WIB, `YYYY-MM-DD`; a `date` column (UTC midnight) or a day string out. */
    Day: { Input: string; Output: string | Date };
    /** A file of a multipart request (GraphQL multipart request spec), staged on disk. */
    Upload: { Input: StagedUpload; Output: never };
  };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    // Not signed in, for a field an account may use: "sign in to …" (UNAUTHENTICATED), not FORBIDDEN.
    unauthorizedError: (_parent, ctx, _info, result) => refusal(ctx.identity, accountMayPass(result.failure)),
    authScopes: (ctx) => {
      const id = ctx.identity;
      const account = id.kind === 'account' ? id : null;
      const isStaff = !!account?.staffId && (account.role === 'STAFF' || account.role === 'SUPERVISOR');
      return {
        public: true,
        authenticated: id.kind !== 'anonymous',
        citizen: account?.role === 'CITIZEN',
        staff: isStaff,
        supervisor: account?.role === 'SUPERVISOR',
        admin: account?.role === 'ADMIN',
        system: id.kind === 'system',
        unitStaff: (unitId) => isStaff && account?.unitId === unitId,
        unitSupervisor: (unitId) => account?.role === 'SUPERVISOR' && account.unitId === unitId,
        selfStaff: (staffId) => !!account?.staffId && account.staffId === staffId,
        apiScope: (scope) => id.kind === 'system' && id.scopes.includes(scope),
        selfAccount: (accountId) => account?.accountId === accountId,
      };
    },
  },
  errors: {
    defaultTypes: [],
    // Payload types are members of the result union directly: `... on UpdateServicePayload`.
    directResult: true,
    defaultUnionOptions: {
      name: ({ fieldName }) => `${fieldName.slice(0, 1).toUpperCase()}${fieldName.slice(1)}Result`,
    },
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
  relay: {
    // Every node id is a UUID: anything else is refused here, in both languages, before it reaches
    // a uuid column (the fuzzer found "Forum:not-a-uuid" ending in a masked database error).
    decodeGlobalID: (globalID) => {
      let decoded: { typename: string; id: string } | undefined;
      try {
        decoded = decodeGlobalID(globalID);
      } catch {
        decoded = undefined;
      }
      if (!decoded || !UUID.test(decoded.id)) {
        throw new GraphQLError(bilingual(INPUT_MESSAGES.invalidId), {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      return decoded;
    },
    clientMutationId: 'omit',
    cursorType: 'String',
    // `node` and `nodes` apply each type's visibility rule: graphql/node-visibility.ts.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
