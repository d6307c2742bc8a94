// Who may read and change which staff records (issue 3): staff read their own record,
// supervisors their unit and its sub-units, admins (BKPSDM) everything. The unit tree is read
// once per request, so checking a list of 200 staff costs no extra query per row.
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../../app/context.js';

export type UnitNode = { id: string; code: string; name: string; parentId: string | null };

export type UnitTree = {
  byId: ReadonlyMap<string, UnitNode>;
  byCode: ReadonlyMap<string, UnitNode>;
  /** The unit and every unit below it. */
  subtree(unitId: string): Set<string>;
};

const trees = new WeakMap<GraphQLContext, Promise<UnitTree>>();

export function unitTree(ctx: GraphQLContext): Promise<UnitTree> {
  let tree = trees.get(ctx);
  if (!tree) {
    tree = ctx.prisma.unit
      .findMany({ select: { id: true, code: true, name: true, parentId: true } })
      .then((units) => {
        const byId = new Map(units.map((u) => [u.id, u]));
        const byCode = new Map(units.map((u) => [u.code, u]));
        const children = new Map<string, string[]>();
        for (const u of units) {
          if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
        }
        const subtree = (unitId: string) => {
          const out = new Set<string>();
          const stack = [unitId];
          while (stack.length > 0) {
            const id = stack.pop() as string;
            if (out.has(id)) continue; // a cycle would be a data bug; never loop on it
            out.add(id);
            stack.push(...(children.get(id) ?? []));
          }
          return out;
        };
        return { byId, byCode, subtree };
      });
    trees.set(ctx, tree);
  }
  return tree;
}

/** 'ALL' for admins, the supervised unit subtree for supervisors, null for everyone else. */
export async function managedUnits(ctx: GraphQLContext): Promise<'ALL' | Set<string> | null> {
  const id = ctx.identity;
  if (id.kind !== 'account') return null;
  if (id.role === 'ADMIN') return 'ALL';
  if (id.role === 'SUPERVISOR' && id.unitId) return (await unitTree(ctx)).subtree(id.unitId);
  return null;
}

export async function managesUnit(ctx: GraphQLContext, unitId: string): Promise<boolean> {
  const units = await managedUnits(ctx);
  return units === 'ALL' || (units?.has(unitId) ?? false);
}

/** NIP, birth date, rank, competencies, trainings and ratings: the person, their supervisors, admins. */
export async function canReadPrivate(
  ctx: GraphQLContext,
  staff: { id: string; unitId: string },
): Promise<boolean> {
  const id = ctx.identity;
  if (id.kind === 'account' && id.staffId === staff.id) return true;
  return managesUnit(ctx, staff.unitId);
}

export { forbidden } from '../../platform/authz.js';

export function badInput(messageId: string, messageEn: string, code = 'BAD_USER_INPUT'): GraphQLError {
  return new GraphQLError(`${messageId} / ${messageEn}`, {
    extensions: { code, messageId, messageEn, http: { status: 200 } },
  });
}

/** The calendar year in WIB (Asia/Jakarta, UTC+7), for "this year" defaults. */
export function currentYearWib(now: Date = new Date()): number {
  return new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();
}

/** YYYY-MM-DD of a `@db.Date` value. */
export { dayOf as dayString } from '../../platform/calendar.js';
