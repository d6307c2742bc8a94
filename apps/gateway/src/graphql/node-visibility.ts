// `node` and `nodes` under each type's visibility rule (SECURITY.md, kind 4). The relay plugin's
// own look-ups load any row by id and leave the rest to field rules, so a ServiceRequest went to
// anyone who had its id; these replace them (builder.ts turns the plugin's off). Each node type
// declares its rule beside its definition with `nodeVisibility(Ref, rule)`, and the typed queries
// use the same rule; a type without one shows nothing here, and the authorization matrix fails.
import type { PrismaTypes } from '@layanan/db';
import { brandWithType } from '@pothos/core';
import { type PrismaNodeRef, queryFromInfo } from '@pothos/plugin-prisma';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../app/context.js';
import {
  declareVisibility,
  delegateOf,
  type ModelName,
  type VisibilityRule,
  visibleWhere,
} from '../platform/visibility.js';
import { builder } from './builder.js';

type Types = (typeof builder)['$inferSchemaTypes'];

/**
 * Declares who sees the rows of a node type, beside its `builder.prismaNode`:
 * `nodeVisibility(ServiceRequestRef, visibleRequests)`. The rule gives the model's Prisma `where`
 * for a caller; `node`/`nodes` answer null for every row outside it, exactly as for a missing one.
 */
export function nodeVisibility<Model extends ModelName>(
  // biome-ignore lint/suspicious/noExplicitAny: any node ref of the model, whatever its row shape.
  ref: PrismaNodeRef<Types, PrismaTypes[Model], any>,
  rule: VisibilityRule<PrismaTypes[Model]['Where']>,
): void {
  declareVisibility(ref.name, ref.modelName as Model, rule as VisibilityRule);
}

type GlobalId = { typename: string; id: string };

/** The rows behind `ids` the caller may see, in order; null for missing, invisible or unknown-type ids. */
async function loadVisible(
  ids: readonly (GlobalId | null | undefined)[],
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
): Promise<(object | null)[]> {
  const byType = new Map<string, string[]>();
  for (const g of ids) if (g) byType.set(g.typename, [...(byType.get(g.typename) ?? []), g.id]);
  const found = new Map<string, object>();
  await Promise.all(
    [...byType].map(async ([typeName, rawIds]) => {
      const visible = await visibleWhere(ctx.prisma, ctx.identity, typeName);
      if (!visible) return;
      const query = await queryFromInfo({ context: ctx, info, typeName, awaitSelections: true });
      const rows = await delegateOf(ctx.prisma, visible.model).findMany({
        ...query,
        where: { AND: [{ id: { in: rawIds } }, visible.where] },
      });
      for (const row of rows) {
        brandWithType(row, typeName as never);
        found.set(`${typeName}:${row.id}`, row);
      }
    }),
  );
  return ids.map((g) => (g ? (found.get(`${g.typename}:${g.id}`) ?? null) : null));
}

const nodeInterface = builder.nodeInterfaceRef();

builder.queryFields((t) => ({
  node: t.field({
    type: nodeInterface,
    nullable: true,
    description:
      'Any object by its global id, under the same rules as its own query: the object only if the caller may see it (same field rules too), null when it does not exist or is not the caller’s to see — the two are not told apart.',
    args: {
      id: t.arg.globalID({
        required: true,
        description: 'A global id, as the object’s `id` field gives it.',
        extensions: { relayGlobalIDAlwaysParse: true },
      }),
    },
    resolve: async (_root, args, ctx, info) => (await loadVisible([args.id], ctx, info))[0] as never,
  }),
  nodes: t.field({
    type: [nodeInterface],
    nullable: { list: false, items: true },
    description:
      'Objects by their global ids, in the same order and under the same rules as `node`; null for each one that does not exist or is not the caller’s to see.',
    args: {
      ids: t.arg.globalIDList({
        required: true,
        description: 'Global ids, as the objects’ `id` fields give them.',
        extensions: { relayGlobalIDAlwaysParse: true },
      }),
    },
    resolve: (_root, args, ctx, info) => loadVisible(args.ids, ctx, info) as never,
  }),
}));

const visibilityLoaders = new WeakMap<GraphQLContext, Map<string, DataLoader<string, boolean>>>();

/**
 * Whether the caller may see the row `id` of the node type `typeName` under its declared rule —
 * for a field that hands out another type's row through a relation (a notification's request):
 * the relation is loaded with its parent, and this check runs once per type for all the rows of one
 * GraphQL request (one statement, `id IN (…) AND rule`), so a list costs no more than one row.
 * False for a type without a rule.
 */
export function visibleToCaller(ctx: GraphQLContext, typeName: string, id: string): Promise<boolean> {
  let byType = visibilityLoaders.get(ctx);
  if (!byType) {
    byType = new Map();
    visibilityLoaders.set(ctx, byType);
  }
  let loader = byType.get(typeName);
  if (!loader) {
    loader = new DataLoader<string, boolean>(async (ids) => {
      const visible = await visibleWhere(ctx.prisma, ctx.identity, typeName);
      if (!visible) return ids.map(() => false);
      const rows = await delegateOf(ctx.prisma, visible.model).findMany({
        where: { AND: [{ id: { in: [...ids] } }, visible.where] },
        select: { id: true },
      });
      const seen = new Set(rows.map((r) => r.id));
      return ids.map((i) => seen.has(i));
    });
    byType.set(typeName, loader);
  }
  return loader.load(id);
}
