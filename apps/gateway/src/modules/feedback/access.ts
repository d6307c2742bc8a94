// Who may read and change what in the feedback area. Unit staff act for their unit; supervisors
// manage their unit and every unit below it; admins manage everything. Checked on a `Caller`, so
// GraphQL resolvers, the CSV route and commands share them.
import type { PrismaClient } from '@layanan/db';
import { actsForUnit } from '../../platform/authz.js';
import type { Caller } from '../../platform/command.js';

type Db = Pick<PrismaClient, '$queryRaw'>;

/** The unit and every unit below it (one recursive query; a cycle in the data cannot loop). */
export async function unitSubtreeIds(db: Db, unitId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM unit WHERE id = ${unitId}::uuid
      UNION
      SELECT u.id FROM unit u JOIN tree ON u."parentId" = tree.id
    ) SELECT id::text AS id FROM tree`;
  return rows.map((r) => r.id);
}

/** Admins, and supervisors of the unit or of a unit above it. */
export async function managesUnit(db: Db, caller: Caller, unitId: string): Promise<boolean> {
  if (caller.kind !== 'account') return false;
  if (caller.role === 'ADMIN') return true;
  if (caller.role !== 'SUPERVISOR' || !caller.unitId) return false;
  if (caller.unitId === unitId) return true;
  return (await unitSubtreeIds(db, caller.unitId)).includes(unitId);
}

/** A unit's full SKM report (suggestions, profile): its staff, its supervisors, admins. */
export async function mayReadSkmReport(db: Db, caller: Caller, unitId: string): Promise<boolean> {
  return actsForUnit(caller, unitId) || managesUnit(db, caller, unitId);
}

/** An improvement action: its owner, the unit's staff, its supervisors, admins. */
export async function mayUpdateImprovementAction(
  db: Db,
  caller: Caller,
  action: { ownerStaffId: string | null; unitId: string },
): Promise<boolean> {
  const isOwner = caller.kind === 'account' && !!caller.staffId && caller.staffId === action.ownerStaffId;
  return isOwner || actsForUnit(caller, action.unitId) || managesUnit(db, caller, action.unitId);
}
