// Register and change staff records (issue 3): authorize, load, check with the domain
// (validateNewStaff / validateStaffChanges), write with the audit entry in one transaction.
import { appendRankStep, checkNotSelf, validateNewStaff, validateStaffChanges } from '@layanan/domain/staff';
import { NotFoundError } from '../../../graphql/errors.js';
import { failure, invalidFields } from '../../../graphql/failures.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { dateOnly, dayOf, todayWib } from '../../../platform/calendar.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { loadUnitTree, requireAdmin, requireManages } from '../access.js';
import { actorOf, loadStaff, normaliseCode } from './load.js';

export type RegisterStaffInput = {
  nip: string;
  name: string;
  unitCode: string;
  position?: string | null;
  positionCode?: string | null;
  rank?: string | null;
  rankEffectiveOn?: string | null;
};

export type UpdateStaffInput = {
  staffId: string;
  name?: string | null;
  unitCode?: string | null;
  position?: string | null;
  positionCode?: string | null;
  rank?: string | null;
  rankEffectiveOn?: string | null;
  decreeNumber?: string | null;
  active?: boolean | null;
};

/** The catalogue position a code names: the row, null when there is none, undefined without a code. */
async function cataloguedPosition(tx: TransactionClient, positionCode: string | null | undefined) {
  if (!positionCode) return undefined;
  return tx.position.findUnique({ where: { code: normaliseCode(positionCode) } });
}

/** Adds a civil servant to the register (admins). */
export async function registerStaff(
  deps: CommandDeps,
  caller: Caller,
  input: RegisterStaffInput,
): Promise<{ staffId: string }> {
  requireAdmin(caller);
  return audited(auditScope(deps, caller), { action: 'registerStaff', entityType: 'Staff' }, async (tx) => {
    const now = deps.now();
    const checked = validateNewStaff(
      { ...input, catalogued: await cataloguedPosition(tx, input.positionCode) },
      { now, today: todayWib(now) },
    );
    if (!checked.ok) throw invalidFields(checked.error);
    const { nip, name, rank, position } = checked.value;
    const unitCode = normaliseCode(input.unitCode);
    const unit = await tx.unit.findUnique({ where: { code: unitCode } });
    if (!unit) throw new NotFoundError('Unit', unitCode);
    if (await tx.staff.findUnique({ where: { nip: nip.nip } })) throw failure('STAFF_NIP_TAKEN');
    const after = await tx.staff.create({
      data: {
        nip: nip.nip,
        name,
        kind: nip.kind,
        birthDate: dateOnly(nip.birthDate),
        appointment: nip.appointment,
        gender: nip.gender,
        rank: rank?.label ?? null,
        rankOrder: rank?.order ?? null,
        position: position.title,
        positionId: position.id,
        unitId: unit.id,
        ...(rank
          ? {
              rankHistory: {
                create: { rank: rank.label, rankOrder: rank.order, effectiveOn: dateOnly(rank.effectiveOn) },
              },
            }
          : {}),
      },
    });
    return { result: { staffId: after.id }, entityId: after.id, before: null, after };
  });
}

/**
 * Changes name, unit, position, rank (kept in the rank history) or the active flag: admins and
 * supervisors of the unit tree, never on their own record (STAFF_SELF_CHANGE: a second person
 * makes it, so nobody raises their own rank with a made-up decree).
 */
export async function updateStaff(
  deps: CommandDeps,
  caller: Caller,
  input: UpdateStaffInput,
): Promise<{ staffId: string }> {
  return audited(auditScope(deps, caller), { action: 'updateStaff', entityType: 'Staff' }, async (tx) => {
    const tree = await loadUnitTree(tx);
    const before = await loadStaff(tx, input.staffId);
    requireManages(tree, caller, before.unitId);
    const notSelf = checkNotSelf(await actorOf(tx, caller), before.id);
    if (!notSelf.ok) throw failure(notSelf.error);
    const checked = validateStaffChanges(
      { ...input, catalogued: await cataloguedPosition(tx, input.positionCode) },
      before,
      { today: todayWib(deps.now()) },
    );
    if (!checked.ok) throw invalidFields(checked.error);
    const { name, rank, newRankStep, position } = checked.value;
    let unitId = before.unitId;
    if (input.unitCode) {
      const code = normaliseCode(input.unitCode);
      const unit = tree.byCode.get(code);
      if (!unit) throw new NotFoundError('Unit', code);
      requireManages(tree, caller, unit.id);
      unitId = unit.id;
    }
    // The rank history is append-only: a new step is a new row, and the current rank is the
    // latest step by TMT (a back-dated step is recorded but does not replace a later rank).
    let current = rank && { rank: rank.label, rankOrder: rank.order };
    if (rank && newRankStep) {
      const stored = await tx.rankHistory.findMany({ where: { staffId: before.id } });
      const { append, current: latest } = appendRankStep(
        stored.map((e) => ({ ...e, effectiveOn: dayOf(e.effectiveOn), recordedAt: e.createdAt })),
        {
          rank: rank.label,
          rankOrder: rank.order,
          effectiveOn: rank.effectiveOn,
          decreeNumber: input.decreeNumber ?? null,
        },
        deps.now(),
      );
      if (append) {
        await tx.rankHistory.create({
          data: {
            staffId: before.id,
            rank: append.rank,
            rankOrder: append.rankOrder,
            effectiveOn: dateOnly(append.effectiveOn),
            decreeNumber: append.decreeNumber,
            createdAt: append.recordedAt,
          },
        });
      }
      current = latest;
    }
    const after = await tx.staff.update({
      where: { id: before.id },
      data: {
        ...(name ? { name } : {}),
        unitId,
        ...(position ? { position: position.title, positionId: position.id } : {}),
        ...(current ? { rank: current.rank, rankOrder: current.rankOrder } : {}),
        ...(input.active == null ? {} : { active: input.active }),
      },
    });
    return { result: { staffId: after.id }, entityId: after.id, before, after };
  });
}
