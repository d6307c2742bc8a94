// Four eyes on the service standard (issue 15 kind 7): a change of a published standard is stored
// as a proposal (`service_change`) and becomes a new version only when a second person — a
// supervisor of the owning unit's tree or an admin, never the proposer — approves it with a
// reason (`checkServiceChangeDecision`). Rules in @layanan/domain/services `service-change.ts`.
import type { Prisma, ServiceVersion } from '@layanan/db';
import {
  type CheckedServiceVersion,
  checkServiceChangeDecision,
  checkServiceChangeProposal,
  checkVersionNote,
  normalizeServiceCode,
  type ServiceVersionContent,
} from '@layanan/domain/services';
import { NotFoundError } from '../../../graphql/errors.js';
import { failure, invalidFields, validationFailed } from '../../../graphql/failures.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { forbidden, refusal } from '../../../platform/authz.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { isUuid } from '../../../platform/uuid.js';
import { loadUnitTree, managesUnitIn } from '../../staff/access.js';
import { mayEditService } from '../access.js';
import { asObject, checkVersion, type PublishVersionInput } from './version-check.js';

/** The version a proposal would publish, as stored in `service_change.proposed`. */
export type ProposedVersion = ServiceVersionContent & {
  readonly completionDays: number;
  readonly costIdr: number;
};

/** A stored version's comparable content. */
export const versionContent = (v: ServiceVersion): ServiceVersionContent => ({
  nameId: v.nameId,
  nameEn: v.nameEn,
  standard: asObject(v.standard),
  attributes: Array.isArray(v.attributes) ? v.attributes : [],
  requiredCompetencyId: v.requiredCompetencyId,
  requiredLevel: v.requiredLevel,
  documentSlots: Array.isArray(v.documentSlots) ? v.documentSlots : [],
});

export const proposedOf = (v: CheckedServiceVersion): ProposedVersion => ({
  nameId: v.nameId,
  nameEn: v.nameEn,
  standard: v.standard,
  attributes: v.attributes,
  requiredCompetencyId: v.requiredCompetencyId,
  requiredLevel: v.requiredLevel,
  documentSlots: v.documentSlots,
  completionDays: v.completionDays,
  costIdr: v.costIdr,
});

/**
 * Stores a proposal on top of the service's current version (its base); nothing published
 * changes. Errors: SERVICE_CHANGE_EMPTY when the proposal equals the current version.
 */
export async function storeProposal(
  tx: TransactionClient,
  caller: Extract<Caller, { kind: 'account' }>,
  service: { id: string; unitId: string; currentVersionId: string | null },
  proposed: ProposedVersion,
  note: string,
) {
  const current = service.currentVersionId
    ? await tx.serviceVersion.findUnique({ where: { id: service.currentVersionId } })
    : null;
  const checked = checkServiceChangeProposal(current ? versionContent(current) : null, proposed);
  if (!checked.ok) throw failure(checked.error);
  return tx.serviceChange.create({
    data: {
      serviceId: service.id,
      unitId: service.unitId,
      baseVersionId: service.currentVersionId,
      proposed: proposed as unknown as Prisma.InputJsonValue,
      changedParts: [...checked.value.parts],
      note,
      proposedByAccountId: caller.accountId,
    },
  });
}

const changeSummary = (c: { state: string; changedParts: string[]; baseVersionId: string | null }) => ({
  state: c.state,
  changedParts: c.changedParts,
  baseVersionId: c.baseVersionId,
});

/**
 * Proposes a new version of a service's standard (fields left out are copied from the current
 * version). Admins and supervisors of the owning unit (FORBIDDEN otherwise). Errors: NotFoundError,
 * ValidationError (the version's rules, a note), SERVICE_CHANGE_EMPTY.
 */
export async function proposeServiceChange(
  deps: CommandDeps,
  caller: Caller,
  input: PublishVersionInput,
): Promise<{ serviceChangeId: string; serviceId: string }> {
  const code = normalizeServiceCode(input.code);
  const scope = auditScope(deps, caller);
  return audited(scope, { action: 'proposeServiceChange', entityType: 'ServiceChange' }, async (tx) => {
    const service = await tx.service.findUnique({
      where: { code },
      include: { currentVersion: { include: { requiredCompetency: true } } },
    });
    if (!service) throw new NotFoundError('Service', code);
    if (!mayEditService(caller, service.unitId)) throw forbidden();
    const current = service.currentVersion;
    const note = checkVersionNote(input.note);
    if (!note.ok) throw validationFailed([note.error]);
    const competencyGiven =
      input.requiredCompetencyCode !== undefined && input.requiredCompetencyCode !== null;
    const v = await checkVersion(tx, {
      nameId: input.nameId ?? current?.nameId ?? service.name,
      nameEn: input.nameEn ?? current?.nameEn ?? service.name,
      standard: input.standard != null ? asObject(input.standard) : asObject(current?.standard),
      attributes: input.attributes ?? (current?.attributes as unknown[]) ?? [],
      requiredCompetencyCode: competencyGiven
        ? input.requiredCompetencyCode?.trim().toUpperCase() || null
        : (current?.requiredCompetency?.code ?? null),
      requiredLevel: input.requiredLevel ?? (competencyGiven ? null : (current?.requiredLevel ?? null)),
      documentSlots: input.documentSlots ?? current?.documentSlots ?? [],
    });
    const change = await storeProposal(tx, caller, service, proposedOf(v), note.value);
    return {
      result: { serviceChangeId: change.id, serviceId: service.id },
      entityId: change.id,
      before: { currentVersion: current?.version ?? null },
      after: changeSummary(change),
    };
  });
}

export type DecideServiceChangeInput = { id: string; approve: boolean; reason: string };

/**
 * Approves (publishing the proposed version as the service's current one) or rejects a pending
 * proposal, with a reason. Errors: NotFoundError; FORBIDDEN for anyone but admins and supervisors
 * of the owning unit's tree; SERVICE_CHANGE_OWN_PROPOSAL, SERVICE_CHANGE_ALREADY_DECIDED (also for
 * the loser of two simultaneous decisions), SERVICE_CHANGE_REASON_INVALID, SERVICE_CHANGE_STALE
 * (the service's version changed since the proposal; also for the loser of two approvals).
 */
export async function decideServiceChange(
  deps: CommandDeps,
  caller: Caller,
  input: DecideServiceChangeInput,
): Promise<{ serviceChangeId: string; serviceId: string }> {
  const scope = auditScope(deps, caller);
  return audited(scope, { action: 'decideServiceChange', entityType: 'ServiceChange' }, async (tx) => {
    const id = input.id.trim();
    const change = isUuid(id) ? await tx.serviceChange.findUnique({ where: { id } }) : null;
    if (!change) throw new NotFoundError('ServiceChange', id);
    if (caller.kind !== 'account') throw refusal(caller);
    const service = await tx.service.findUniqueOrThrow({ where: { id: change.serviceId } });
    const decision = checkServiceChangeDecision({
      decider: {
        accountId: caller.accountId,
        role: caller.role,
        managesUnit: managesUnitIn(await loadUnitTree(tx), caller, change.unitId),
      },
      change,
      currentVersionId: service.currentVersionId,
      approve: input.approve,
      reason: input.reason,
    });
    if (!decision.ok) {
      const e = decision.error;
      if (e.code === 'SERVICE_CHANGE_NOT_DECIDER') throw forbidden();
      if ('fields' in e) throw invalidFields(e.fields);
      throw failure(e);
    }
    const { state, reason } = decision.value;
    const decided = {
      state,
      decisionReason: reason,
      decidedAt: deps.now(),
      decidedByAccountId: caller.accountId,
    };
    const claimed = await tx.serviceChange.updateMany({ where: { id, state: 'PENDING' }, data: decided });
    if (claimed.count !== 1) throw failure('SERVICE_CHANGE_ALREADY_DECIDED');
    const publishedVersion = state === 'APPROVED' ? await publishProposal(tx, change, service.kind) : null;
    return {
      result: { serviceChangeId: id, serviceId: service.id },
      entityId: id,
      before: { ...changeSummary(change), completionDays: service.completionDays, costIdr: service.costIdr },
      after: { state, decisionReason: reason, publishedVersion },
    };
  });
}

/**
 * Writes the approved proposal as the next version and makes it current, only while the current
 * version is still the proposal's base (the row lock makes a second approval on the same base
 * wait and then see SERVICE_CHANGE_STALE). Returns the new version number.
 */
async function publishProposal(
  tx: TransactionClient,
  change: {
    id: string;
    serviceId: string;
    unitId: string;
    baseVersionId: string | null;
    proposed: Prisma.JsonValue;
    note: string;
    proposedByAccountId: string;
  },
  kind: ServiceVersion['kind'],
): Promise<number> {
  const locked = await tx.service.updateMany({
    where: { id: change.serviceId, currentVersionId: change.baseVersionId },
    data: { updatedAt: new Date() },
  });
  if (locked.count !== 1) throw failure('SERVICE_CHANGE_STALE');
  const p = change.proposed as unknown as ProposedVersion;
  const last = await tx.serviceVersion.findFirst({
    where: { serviceId: change.serviceId },
    orderBy: { version: 'desc' },
  });
  const version = await tx.serviceVersion.create({
    data: {
      serviceId: change.serviceId,
      version: (last?.version ?? 0) + 1,
      nameId: p.nameId,
      nameEn: p.nameEn,
      kind,
      unitId: change.unitId,
      standard: p.standard as Prisma.InputJsonValue,
      attributes: p.attributes as Prisma.InputJsonValue,
      completionDays: p.completionDays,
      requiredCompetencyId: p.requiredCompetencyId,
      requiredLevel: p.requiredLevel,
      documentSlots: (p.documentSlots ?? []) as Prisma.InputJsonValue,
      note: change.note,
      createdByAccountId: change.proposedByAccountId,
    },
  });
  await tx.service.update({
    where: { id: change.serviceId },
    data: {
      currentVersionId: version.id,
      name: p.nameId,
      completionDays: p.completionDays,
      costIdr: p.costIdr,
    },
  });
  await tx.serviceChange.update({ where: { id: change.id }, data: { publishedVersionId: version.id } });
  return version.version;
}
