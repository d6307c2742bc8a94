// Record progress on an improvement action, cancel it with a reason, or hand it to another
// active staff member of its unit. The owner, the unit's staff, its supervisors and admins may.
// The domain's applyImprovementActionUpdate decides the status, progress and done date.
import { parseDay } from '@layanan/domain/calendar';
import {
  applyImprovementActionUpdate,
  type ImprovementActionStatus,
  improvementOwnerProblem,
} from '@layanan/domain/feedback';
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
};

export async function updateImprovementAction(
  deps: CommandDeps,
  caller: Caller,
  input: UpdateImprovementActionInput,
) {
  const { prisma } = deps;
  const action =
    input.id && isUuid(input.id)
      ? await prisma.improvementAction.findUnique({
          where: { id: input.id },
          include: { updates: { orderBy: { date: 'desc' }, take: 1 } },
        })
      : null;
  if (!action) throw new NotFoundError('ImprovementAction', input.rawId);
  if (!(await mayUpdateImprovementAction(prisma, caller, action))) throw forbidden();

  const today = todayWib(deps.now());
  let date = today;
  if (input.date) {
    date = input.date.trim();
    const day = parseDay(date);
    if (!day.ok) throw failure(day.error, { field: 'date' });
  }
  const last = action.updates[0];
  const change = applyImprovementActionUpdate(
    {
      status: action.status,
      progress: action.progress,
      dueOn: dayOf(action.dueOn),
      ...(last ? { lastUpdateOn: dayOf(last.date) } : {}),
    },
    { status: input.status, progress: input.progress, note: input.note, date },
    { today },
  );
  if (!change.ok) throw invalidFields([change.error]);
  const { status, progress, doneOn } = change.value;

  let ownerStaffId = action.ownerStaffId;
  if (input.ownerStaffId != null) {
    const staffId = input.ownerStaffId;
    const staff = isUuid(staffId) ? await prisma.staff.findUnique({ where: { id: staffId } }) : null;
    const problem = improvementOwnerProblem(staff, action.unitId);
    if (problem) throw invalidFields([problem]);
    ownerStaffId = staffId;
  }

  const authorAccountId = accountIdOf(caller);
  if (!authorAccountId) throw forbidden();
  return audited(
    auditScope(deps, caller),
    { action: 'updateImprovementAction', entityType: 'ImprovementAction' },
    async (tx) => {
      const after = await tx.improvementAction.update({
        where: { id: action.id },
        data: {
          status,
          progress,
          ownerStaffId,
          doneOn: doneOn ? dateOnly(doneOn) : null,
          updates: {
            create: { progress, status, note: input.note.trim(), date: dateOnly(date), authorAccountId },
          },
        },
      });
      return {
        result: after,
        entityId: action.id,
        before: { status: action.status, progress: action.progress, ownerStaffId: action.ownerStaffId },
        after: { status, progress, ownerStaffId },
      };
    },
  );
}
