// The list queries' pages: a `t.prismaConnection` over one filtered, ordered table counts and
// pages the same `where`, so `totalCount` always counts what the pages list.
import type { GraphQLContext } from '../app/context.js';

/** What a list needs of a Prisma model: counting and reading rows by a filter. */
type Listable<Where, OrderBy, Row> = {
  count(args: { where: Where }): PromiseLike<number>;
  findMany(args: { where: Where; orderBy: OrderBy }): PromiseLike<Row[]>;
};

/**
 * `totalCount` and `resolve` of a `t.prismaConnection`, spread into its options: the rows of
 * `model` matching `where(args, ctx)`, in `orderBy` order (a fixed order, or one the arguments
 * choose). Pothos adds the page (`take`, `skip`, `cursor`) and the selection to the query.
 */
export function filteredList<Args, Where, OrderBy, Row>(
  model: (ctx: GraphQLContext) => Listable<Where, OrderBy, Row>,
  where: (args: Args, ctx: GraphQLContext) => Where | Promise<Where>,
  orderBy: OrderBy | ((args: Args) => OrderBy),
) {
  const order = (args: Args) =>
    typeof orderBy === 'function' ? (orderBy as (args: Args) => OrderBy)(args) : orderBy;
  return {
    totalCount: async (_root: unknown, args: Args, ctx: GraphQLContext) =>
      model(ctx).count({ where: await where(args, ctx) }),
    resolve: async (query: object, _root: unknown, args: Args, ctx: GraphQLContext) =>
      model(ctx).findMany({ ...query, where: await where(args, ctx), orderBy: order(args) }),
  };
}
