// Record progress on an improvement action, cancel it with a reason, or hand it to another
// active staff member of its unit. The owner, the unit's staff, its supervisors and admins may.
// The domain's applyImprovementActionUpdate decides the status, progress and done date.
import { parseDay } from '@layanan/domain/calendar';
import {
  applyImprovementActionUpdate,
  type ImprovementActionStatus,
  improvementOwnerProblem,
} from '@layanan/domain/feedback';
import { checkCommitmentVersion } from '@layanan/domain/forums';
import { NotFoundError } from '../../../graphql/errors.js';
import { failure, invalidFields } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { accountIdOf, forbidden } from '../../../platform/authz.js';
import { dateOnly, dayOf, todayWib } from '../../../platform/calendar.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { isUuid } from '../../../platform/uuid.js';
import { mayUpdateImprovementAction } from '../access.js';

export type UpdateImprovementActionInput = {
  /** The action's id; null when the given global id names another type. */
  id: string | null;
  /** The id as given, for the NotFoundError. */
  rawId: string;
  progress?: number | null;
  note: string;
  /** YYYY-MM-DD; default today (WIB). */
  date?: string | null;
  status?: ImprovementActionStatus | null;
  /** A Staff id ('' for an id of another type); null keeps the owner. */
  ownerStaffId?: string | null;
  /** Required when `progress` is below the current progress; public. */
  decreaseReason?: string | null;
  /** The version the author saw; a stale one is a COMMITMENT_VERSION_CONFLICT. */
  expectedVersion?: number | null;
};

/**
 * Records progress on an improvement action, cancels it, or hands it over: loaded, checked and
 * written in one transaction, and written only if nobody changed it since it was loaded (its
 * `version`; a stale `expectedVersion` or a concurrent update that committed first is a
 * COMMITMENT_VERSION_CONFLICT). A decrease of progress needs a public `decreaseReason`
 * (COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED). Errors: NotFoundError, FORBIDDEN, the field
 * errors of `applyImprovementActionUpdate` and `improvementOwnerProblem`.
 */
export async function updateImprovementAction(
  deps: CommandDeps,
  caller: Caller,
  input: UpdateImprovementActionInput,
) {
  const today = todayWib(deps.now());
  let date = today;
  if (input.date) {
    date = input.date.trim();
    const day = parseDay(date);
    if (!day.ok) throw failure(day.error, { field: 'date' });
  }
  const authorAccountId = accountIdOf(caller);
  return audited(
    auditScope(deps, caller),
    { action: 'updateImprovementAction', entityType: 'ImprovementAction' },
    async (tx) => {
      const action =
        input.id && isUuid(input.id)
          ? await tx.improvementAction.findUnique({
              where: { id: input.id },
              include: { updates: { orderBy: [{ date: 'desc' }, { createdAt: 'desc' }], take: 1 } },
            })
          : null;
      if (!action) throw new NotFoundError('ImprovementAction', input.rawId);
      if (!authorAccountId || !(await mayUpdateImprovementAction(tx, caller, action))) throw forbidden();
      const version = checkCommitmentVersion(action.version, input.expectedVersion);
      if (!version.ok) throw failure(version.error);
      const last = action.updates[0];
      const change = applyImprovementActionUpdate(
        {
          status: action.status,
          progress: action.progress,
          dueOn: dayOf(action.dueOn),
          ...(last ? { lastUpdateOn: dayOf(last.date) } : {}),
        },
        {
          status: input.status,
          progress: input.progress,
          note: input.note,
          date,
          decreaseReason: input.decreaseReason,
        },
        { today },
      );
      if (!change.ok) throw invalidFields([change.error]);
      const { status, progress, doneOn, decreaseReason } = change.value;

      let ownerStaffId = action.ownerStaffId;
      if (input.ownerStaffId != null) {
        const staffId = input.ownerStaffId;
        const staff = isUuid(staffId) ? await tx.staff.findUnique({ where: { id: staffId } }) : null;
        const problem = improvementOwnerProblem(staff, action.unitId);
        if (problem) throw invalidFields([problem]);
        ownerStaffId = staffId;
      }

      const { count } = await tx.improvementAction.updateMany({
        where: { id: action.id, version: action.version },
        data: {
          status,
          progress,
          ownerStaffId,
          doneOn: doneOn ? dateOnly(doneOn) : null,
          version: { increment: 1 },
        },
      });
      if (count === 0) throw failure('COMMITMENT_VERSION_CONFLICT');
      await tx.improvementActionUpdate.create({
        data: {
          actionId: action.id,
          progress,
          status,
          note: input.note.trim(),
          decreaseReason,
          date: dateOnly(date),
          authorAccountId,
        },
      });
      const after = await tx.improvementAction.findUniqueOrThrow({ where: { id: action.id } });
      return {
        result: after,
        entityId: action.id,
        before: {
          status: action.status,
          progress: action.progress,
          ownerStaffId: action.ownerStaffId,
          version: action.version,
        },
        after: { status, progress, ownerStaffId, version: after.version, decreaseReason },
      };
    },
  );
}
