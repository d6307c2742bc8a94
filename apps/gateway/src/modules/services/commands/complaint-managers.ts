// Complaint managers (issue 20 item 1): staff designated per unit to see the identity of the
// unit's confidential reporters (Perpres 76/2013 art. 4). Every such view is recorded in
// identity_view (request-applicant.ts). Designated by an admin (the city's complaint
// coordinator) or a supervisor of the unit (the domain's managesUnit, as for a staff record).
import type { Staff } from '@layanan/db';
import { type ComplaintViewer, complaintViewer, designateComplaintManager } from '@layanan/domain/services';
import { NotFoundError } from '../../../graphql/errors.js';
import { failure } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { isUuid } from '../../../platform/uuid.js';
import { loadUnitTree, requireManages } from '../../staff/access.js';

/**
 * Designates a staff member (by database id) as a complaint manager of their unit, or ends it.
 * Admins, and supervisors of the staff member's unit or a unit above it. Errors: NotFoundError
 * (no such staff member), FORBIDDEN, COMPLAINT_MANAGER_SELF (nobody designates themselves).
 */
export async function setComplaintManager(
  deps: CommandDeps,
  caller: Caller,
  input: { staffId: string; manager: boolean },
): Promise<Staff> {
  const staff = isUuid(input.staffId)
    ? await deps.prisma.staff.findUnique({ where: { id: input.staffId } })
    : null;
  if (!staff) throw new NotFoundError('Staff', input.staffId);
  requireManages(await loadUnitTree(deps.prisma), caller, staff.unitId);
  const allowed = designateComplaintManager({
    designatorStaffId: caller.kind === 'account' ? caller.staffId : null,
    staffId: staff.id,
  });
  if (!allowed.ok) throw failure(allowed.error);
  return audited(
    auditScope(deps, caller),
    { action: 'setComplaintManager', entityType: 'Staff' },
    async (tx) => ({
      result: await tx.staff.update({ where: { id: staff.id }, data: { complaintManager: input.manager } }),
      entityId: staff.id,
      before: { complaintManager: staff.complaintManager },
      after: { complaintManager: input.manager },
    }),
  );
}

/**
 * Who the caller is for the reporter of a request of `unitId` filed for `reporterAccountId`
 * (the domain's complaintViewer): the reporter, a complaint manager of the unit, handling staff
 * or the public.
 */
export async function viewerOfReporter(
  prisma: CommandDeps['prisma'],
  caller: Caller,
  request: { unitId: string; citizenAccountId: string },
): Promise<ComplaintViewer> {
  if (caller.kind !== 'account') {
    return complaintViewer({
      role: caller.kind === 'system' ? 'SYSTEM' : 'ANONYMOUS',
      isReporter: false,
      managesUnitComplaints: false,
    });
  }
  const staff = caller.staffId
    ? await prisma.staff.findUnique({
        where: { id: caller.staffId },
        select: { unitId: true, complaintManager: true, active: true },
      })
    : null;
  return complaintViewer({
    role: caller.role,
    isReporter: caller.accountId === request.citizenAccountId,
    managesUnitComplaints: Boolean(
      staff?.active && staff.complaintManager && staff.unitId === request.unitId,
    ),
  });
}
