// Who may read and change which staff records (issue 3): staff read their own record,
// supervisors their unit and its sub-units, admins (BKPSDM) everything. The unit tree is read
// once per request, so checking a list of 200 staff costs no extra query per row.

import { managedUnits as managedUnitsRule, managesUnit as managesUnitRule } from '@layanan/domain/accounts';
import { jakartaYear } from '@layanan/domain/calendar';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../../app/context.js';
import type { TransactionClient } from '../../platform/audited.js';
import { forbidden, refusal } from '../../platform/authz.js';
import type { Caller } from '../../platform/command.js';

export { forbidden };

export type UnitNode = { id: string; code: string; name: string; parentId: string | null };

export type UnitTree = {
  byId: ReadonlyMap<string, UnitNode>;
  byCode: ReadonlyMap<string, UnitNode>;
  /** The unit and every unit below it. */
  subtree(unitId: string): Set<string>;
};

/** Every unit, read once, as a tree. `db` is the client or the transaction of a command. */
export async function loadUnitTree(db: Pick<TransactionClient, 'unit'>): Promise<UnitTree> {
  const units = await db.unit.findMany({ select: { id: true, code: true, name: true, parentId: true } });
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
      for (const child of children.get(id) ?? []) stack.push(child);
    }
    return out;
  };
  return { byId, byCode, subtree };
}

const trees = new WeakMap<GraphQLContext, Promise<UnitTree>>();

/** The unit tree of a GraphQL request, read at most once per request. */
export function unitTree(ctx: GraphQLContext): Promise<UnitTree> {
  let tree = trees.get(ctx);
  if (!tree) {
    tree = loadUnitTree(ctx.prisma);
    trees.set(ctx, tree);
  }
  return tree;
}

/** 'ALL' for admins, the supervised unit subtree for supervisors, null for everyone else. */
export function managedUnitsIn(tree: UnitTree, caller: Caller): 'ALL' | ReadonlySet<string> | null {
  return managedUnitsRule(caller, tree.subtree);
}

export function managesUnitIn(tree: UnitTree, caller: Caller, unitId: string): boolean {
  return managesUnitRule(caller, unitId, tree.subtree);
}

/** NIP, birth date, rank, competencies, trainings and ratings: the person, their supervisors, admins. */
export function canReadPrivateIn(
  tree: UnitTree,
  caller: Caller,
  staff: { id: string; unitId: string },
): boolean {
  if (caller.kind === 'account' && caller.staffId === staff.id) return true;
  return managesUnitIn(tree, caller, staff.unitId);
}

/** Throws FORBIDDEN unless the caller manages the unit (admins, supervisors of the unit tree). */
export function requireManages(tree: UnitTree, caller: Caller, unitId: string): void {
  if (!managesUnitIn(tree, caller, unitId)) throw forbidden();
}

export async function managedUnits(ctx: GraphQLContext): Promise<'ALL' | ReadonlySet<string> | null> {
  return managedUnitsIn(await unitTree(ctx), ctx.identity);
}

export async function managesUnit(ctx: GraphQLContext, unitId: string): Promise<boolean> {
  return managesUnitIn(await unitTree(ctx), ctx.identity, unitId);
}

export async function canReadPrivate(
  ctx: GraphQLContext,
  staff: { id: string; unitId: string },
): Promise<boolean> {
  return canReadPrivateIn(await unitTree(ctx), ctx.identity, staff);
}

export function badInput(messageId: string, messageEn: string, code = 'BAD_USER_INPUT'): GraphQLError {
  return new GraphQLError(`${messageId} / ${messageEn}`, {
    extensions: { code, messageId, messageEn, http: { status: 200 } },
  });
}

/** The calendar year in WIB (Asia/Jakarta, UTC+7), for "this year" defaults. */
export function currentYearWib(now: Date = new Date()): number {
  return jakartaYear(now);
}

/** Throws FORBIDDEN unless the caller is an admin (BKPSDM); UNAUTHENTICATED when not signed in. */
export function requireAdmin(caller: Caller): void {
  if (caller.kind !== 'account' || caller.role !== 'ADMIN') throw refusal(caller);
}
