// Catalogue commands: add a service with its first version, and edit an entry. An edit's name,
// description and publication take effect at once (a rename publishes a version:
// `versionForCatalogueEdit`); a changed completion time or cost is part of the standard and only
// becomes a proposal for a second person to decide (four eyes, `service-change.ts`).
import type { Prisma, ServiceKind } from '@layanan/db';
import {
  CATALOGUE_EDIT_VERSION_NOTE,
  type CheckedServiceVersion,
  INITIAL_VERSION_NOTE,
  normalizeServiceCode,
  serviceCodeTaken,
  serviceEntryProblems,
  validateServiceUpdate,
  versionForCatalogueEdit,
} from '@layanan/domain/services';
import { NotFoundError } from '../../../graphql/errors.js';
import { failure, validationFailed } from '../../../graphql/failures.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { forbidden } from '../../../platform/authz.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { mayEditService } from '../access.js';
import { storeProposal, versionContent } from './service-change.js';
import { asObject, checkVersion, type VersionInput } from './version-check.js';

/** The version row's columns (the cost lives in the standard's COST component). */
const versionData = ({
  costIdr: _cost,
  standard,
  attributes,
  documentSlots,
  ...rest
}: CheckedServiceVersion) => ({
  ...rest,
  standard: standard as unknown as Prisma.InputJsonValue,
  attributes: attributes as unknown as Prisma.InputJsonValue,
  documentSlots: documentSlots as unknown as Prisma.InputJsonValue,
});

export type CreateServiceInput = VersionInput & {
  code: string;
  unitCode: string;
  kind: ServiceKind;
  description: string;
  published?: boolean | null;
};

export type CatalogueChange = { serviceId: string; versionId: string };

export async function createService(
  deps: CommandDeps,
  caller: Caller,
  input: CreateServiceInput,
): Promise<CatalogueChange> {
  const code = normalizeServiceCode(input.code);
  return audited(auditScope(deps, caller), { action: 'createService', entityType: 'Service' }, async (tx) => {
    const fields = serviceEntryProblems(code, input.description);
    if (fields.length > 0) throw validationFailed(fields);
    const unit = await tx.unit.findUnique({ where: { code: input.unitCode.trim().toUpperCase() } });
    if (!unit) throw new NotFoundError('Unit', input.unitCode);
    if (await tx.service.findUnique({ where: { code } })) throw failure(serviceCodeTaken(code));
    const v = await checkVersion(tx, input);
    const service = await tx.service.create({
      data: {
        code,
        name: v.nameId,
        description: input.description.trim(),
        kind: input.kind,
        unitId: unit.id,
        completionDays: v.completionDays,
        costIdr: v.costIdr,
        published: input.published ?? true,
      },
    });
    const version = await tx.serviceVersion.create({
      data: {
        ...versionData(v),
        serviceId: service.id,
        version: 1,
        kind: input.kind,
        unitId: unit.id,
        note: INITIAL_VERSION_NOTE,
        createdByAccountId: caller.kind === 'account' ? caller.accountId : null,
      },
    });
    const after = await tx.service.update({
      where: { id: service.id },
      data: { currentVersionId: version.id },
    });
    return {
      result: { serviceId: service.id, versionId: version.id },
      entityId: service.id,
      after: { ...after, version: 1 },
    };
  });
}

export type UpdateServiceInput = {
  code: string;
  name?: string | null;
  description?: string | null;
  completionDays?: number | null;
  costIdr?: number | null;
  published?: boolean | null;
  openData?: boolean | null;
  publicReport?: boolean | null;
};

/**
 * Edits a catalogue entry. Admins and supervisors of the owning unit (FORBIDDEN otherwise). The
 * name, description, publication and open-data flag change at once; a changed completion time or cost is stored
 * as a pending proposal (`pendingChangeId`) that a second person decides (decideServiceChange).
 * Errors: NotFoundError, ValidationError.
 */
export async function updateService(
  deps: CommandDeps,
  caller: Caller,
  input: UpdateServiceInput,
): Promise<{ serviceId: string; pendingChangeId: string | null }> {
  const code = normalizeServiceCode(input.code);
  return audited(auditScope(deps, caller), { action: 'updateService', entityType: 'Service' }, async (tx) => {
    const before = await tx.service.findUnique({ where: { code } });
    if (!before) throw new NotFoundError('Service', code);
    if (!mayEditService(caller, before.unitId)) throw forbidden();
    const checked = validateServiceUpdate({
      name: input.name ?? undefined,
      description: input.description ?? undefined,
      completionDays: input.completionDays ?? undefined,
      costIdr: input.costIdr ?? undefined,
    });
    if (!checked.ok) throw validationFailed(checked.error.fields);
    const { completionDays, costIdr, ...immediate } = checked.value;
    const currentVersionId = await publishEditAsVersion(tx, before, { name: immediate.name });
    const after = await tx.service.update({
      where: { id: before.id },
      data: {
        ...immediate,
        currentVersionId,
        ...(input.published == null ? {} : { published: input.published }),
        ...(input.openData == null ? {} : { openData: input.openData }),
        ...(input.publicReport == null ? {} : { publicReport: input.publicReport }),
      },
    });
    const pending = await proposeStandardEdit(tx, caller, after, { completionDays, costIdr });
    return {
      result: { serviceId: after.id, pendingChangeId: pending?.id ?? null },
      entityId: after.id,
      before,
      after: { ...after, pendingChange: pending ? pending.changedParts : null },
    };
  });
}

/**
 * The completion time and cost of a catalogue edit, as a proposal on the current version (null
 * when neither changes): the standard's COMPLETION_TIME and COST are replaced, the rest is kept.
 */
async function proposeStandardEdit(
  tx: TransactionClient,
  caller: Extract<Caller, { kind: 'account' }>,
  service: Parameters<typeof publishEditAsVersion>[1] & { unitId: string },
  changes: { completionDays?: number; costIdr?: number },
) {
  const current = service.currentVersionId
    ? await tx.serviceVersion.findUniqueOrThrow({ where: { id: service.currentVersionId } })
    : null;
  const content = current
    ? versionContent(current)
    : {
        nameId: service.name,
        nameEn: service.name,
        standard: {},
        attributes: [],
        requiredCompetencyId: null,
        requiredLevel: null,
        documentSlots: [],
      };
  const next = versionForCatalogueEdit(
    service,
    {
      version: current?.version ?? 0,
      nameId: content.nameId,
      completionDays: service.completionDays,
      standard: content.standard,
    },
    null,
    changes,
  );
  if (!next) return null;
  return storeProposal(
    tx,
    caller,
    service,
    {
      ...content,
      standard: next.standard,
      completionDays: next.completionDays,
      costIdr: changes.costIdr ?? service.costIdr,
    },
    CATALOGUE_EDIT_VERSION_NOTE,
  );
}

/** Writes the version a catalogue edit publishes, if any; returns the current version's id. */
async function publishEditAsVersion(
  tx: TransactionClient,
  service: {
    id: string;
    name: string;
    completionDays: number;
    costIdr: number;
    currentVersionId: string | null;
  },
  changes: { name?: string; completionDays?: number; costIdr?: number },
): Promise<string | null> {
  if (!service.currentVersionId) return null;
  const current = await tx.serviceVersion.findUniqueOrThrow({ where: { id: service.currentVersionId } });
  const last = await tx.serviceVersion.findFirst({
    where: { serviceId: service.id },
    orderBy: { version: 'desc' },
  });
  const next = versionForCatalogueEdit(
    service,
    { ...current, standard: asObject(current.standard) },
    last?.version ?? null,
    changes,
  );
  if (!next) return service.currentVersionId;
  const { id: _id, createdAt: _at, ...copy } = current;
  const created = await tx.serviceVersion.create({
    data: {
      ...copy,
      ...next,
      standard: next.standard as Prisma.InputJsonValue,
      attributes: current.attributes as Prisma.InputJsonValue,
      attachmentLimits: (current.attachmentLimits ?? undefined) as Prisma.InputJsonValue | undefined,
      documentSlots: current.documentSlots as Prisma.InputJsonValue,
    },
  });
  return created.id;
}
