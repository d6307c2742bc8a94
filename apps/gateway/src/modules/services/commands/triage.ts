// Triage tools for staff (issue 20): a request's priority (NORMAL, or URGENT with a reason) and
// the response templates of a service per state, which staff pick, fill and edit before sending a
// note or a transition. The rules are the domain's (complaint-handling.ts: checkPriority,
// checkResponseTemplate, fillResponseTemplate); these commands authorize, load, write and audit.
import type { RequestPriority, RequestState, ResponseTemplate, ServiceRequest } from '@layanan/db';
import { checkPriority, checkResponseTemplate } from '@layanan/domain/services';
import { NotFoundError } from '../../../graphql/errors.js';
import { failure } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { forbidden } from '../../../platform/authz.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { isUuid } from '../../../platform/uuid.js';
import { mayTriage } from '../access.js';
import { changeInTrail, loadForChange } from './change-request.js';

export type SetPriorityInput = {
  trackingCode: string;
  priority: RequestPriority;
  reason?: string | null;
  expectedVersion: number;
};

/**
 * Sets a request's triage priority: handling staff and supervisors of its unit, or an admin;
 * URGENT needs a reason of 10–500 characters (PRIORITY_REASON_REQUIRED). The trail gets an
 * internal entry (PRIORITY_SET); the citizen is not told.
 */
export async function setRequestPriority(
  deps: CommandDeps,
  caller: Caller,
  input: SetPriorityInput,
): Promise<ServiceRequest> {
  const request = await loadForChange(deps, input.trackingCode);
  if (!mayTriage(caller, request)) throw forbidden();
  const checked = checkPriority(input.priority, input.reason);
  if (!checked.ok) throw failure(checked.error, { field: 'reason' });
  const { priority, reason } = checked.value;
  return changeInTrail(deps, caller, {
    action: 'setServiceRequestPriority',
    request,
    expectedVersion: input.expectedVersion,
    data: { priority, priorityReason: reason },
    entry: {
      kind: 'PRIORITY_SET',
      actorKind: caller.role,
      actorAccountId: caller.accountId,
      internalNote: `Prioritas / priority ${priority}${reason ? `: ${reason}` : ''}`,
      assigneeStaffId: request.assigneeStaffId,
    },
    change: { change: 'PRIORITY', actor: 'STAFF', actorAccountId: caller.accountId, publicNote: null },
    audit: () => ({
      before: { priority: request.priority, priorityReason: request.priorityReason },
      after: { priority, priorityReason: reason },
    }),
  });
}

/** Admins, or the supervisors of the service's unit, keep its response templates. */
function mayManageTemplates(caller: Caller, unitId: string): caller is Extract<Caller, { kind: 'account' }> {
  return (
    caller.kind === 'account' &&
    (caller.role === 'ADMIN' || (caller.role === 'SUPERVISOR' && caller.unitId === unitId))
  );
}

export type ResponseTemplateInput = {
  /** Create: the service's code; update: the template's id. */
  serviceCode?: string | null;
  id?: string | null;
  state: RequestState;
  title: string;
  body: string;
};

async function templateOf(deps: CommandDeps, id: string | null | undefined) {
  const row =
    id && isUuid(id)
      ? await deps.prisma.responseTemplate.findUnique({
          where: { id },
          include: { service: { select: { unitId: true } } },
        })
      : null;
  if (!row) throw new NotFoundError('ResponseTemplate', id ?? '');
  return row;
}

/**
 * Creates (with `serviceCode`) or replaces (with `id`) a response template of a service for a
 * state. Errors: NotFoundError (service or template), FORBIDDEN (not an admin or a supervisor of
 * the service's unit), ValidationError RESPONSE_TEMPLATE_TITLE_INVALID, _BODY_INVALID,
 * _PLACEHOLDER_UNKNOWN. Audited.
 */
export async function saveResponseTemplate(
  deps: CommandDeps,
  caller: Caller,
  input: ResponseTemplateInput,
): Promise<ResponseTemplate> {
  const existing = input.id ? await templateOf(deps, input.id) : null;
  const service = existing
    ? { id: existing.serviceId, unitId: existing.service.unitId }
    : await deps.prisma.service.findUnique({
        where: { code: (input.serviceCode ?? '').trim().toUpperCase() },
        select: { id: true, unitId: true },
      });
  if (!service) throw new NotFoundError('Service', input.serviceCode ?? '');
  if (!mayManageTemplates(caller, service.unitId)) throw forbidden();
  const checked = checkResponseTemplate(input);
  // The field (title or body) comes with the code (graphql/failure-fields.ts).
  if (!checked.ok) throw failure(checked.error);
  const data = { state: input.state, ...checked.value };
  return audited(
    auditScope(deps, caller),
    {
      action: existing ? 'updateResponseTemplate' : 'createResponseTemplate',
      entityType: 'ResponseTemplate',
    },
    async (tx) => {
      const row = existing
        ? await tx.responseTemplate.update({ where: { id: existing.id }, data })
        : await tx.responseTemplate.create({ data: { ...data, serviceId: service.id } });
      return {
        result: row,
        entityId: row.id,
        ...(existing
          ? { before: { state: existing.state, title: existing.title, body: existing.body } }
          : {}),
        after: data,
      };
    },
  );
}

/** Deletes a response template (admins, supervisors of its service's unit). Audited. */
export async function deleteResponseTemplate(
  deps: CommandDeps,
  caller: Caller,
  input: { id: string },
): Promise<{ id: string }> {
  const existing = await templateOf(deps, input.id);
  if (!mayManageTemplates(caller, existing.service.unitId)) throw forbidden();
  await audited(
    auditScope(deps, caller),
    { action: 'deleteResponseTemplate', entityType: 'ResponseTemplate' },
    async (tx) => {
      await tx.responseTemplate.delete({ where: { id: existing.id } });
      return {
        result: null,
        entityId: existing.id,
        before: { state: existing.state, title: existing.title, body: existing.body },
        after: {},
      };
    },
  );
  return { id: existing.id };
}
