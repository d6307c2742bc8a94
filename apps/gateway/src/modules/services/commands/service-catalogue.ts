// Catalogue commands: add a service with its first version, publish a new version, edit an
// entry (a changed name, completion time or cost publishes a version: `versionForCatalogueEdit`).
import type { Prisma, ServiceKind } from '@layanan/db';
import {
  type CheckedServiceVersion,
  checkServiceVersion,
  checkVersionNote,
  INITIAL_VERSION_NOTE,
  normalizeServiceCode,
  type ServiceVersionDraft,
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

/** A version as the admin gives it; the competency by code. */
export type VersionInput = Omit<ServiceVersionDraft, 'requiredCompetency'>;

/** Looks up the required competency, then checks the whole version in the domain. */
async function checkVersion(tx: TransactionClient, draft: VersionInput) {
  const competency = draft.requiredCompetencyCode
    ? await tx.competency.findUnique({ where: { code: draft.requiredCompetencyCode } })
    : null;
  const checked = checkServiceVersion({ ...draft, requiredCompetency: competency });
  if (!checked.ok) throw validationFailed(checked.error.fields);
  return checked.value;
}

/** The version row's columns (the cost lives in the standard's COST component). */
const versionData = ({ costIdr: _cost, standard, attributes, ...rest }: CheckedServiceVersion) => ({
  ...rest,
  standard: standard as unknown as Prisma.InputJsonValue,
  attributes: attributes as unknown as Prisma.InputJsonValue,
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

/** Fields left out (undefined) are copied from the current version. */
export type PublishVersionInput = {
  code: string;
  note: string;
  nameId?: string | null;
  nameEn?: string | null;
  standard?: Record<string, unknown> | null;
  attributes?: unknown[] | null;
  /** undefined: keep the current competency; null or '': none. */
  requiredCompetencyCode?: string | null;
  requiredLevel?: number | null;
};

export const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export async function publishServiceVersion(
  deps: CommandDeps,
  caller: Caller,
  input: PublishVersionInput,
): Promise<CatalogueChange> {
  const code = normalizeServiceCode(input.code);
  return audited(
    auditScope(deps, caller),
    { action: 'publishServiceVersion', entityType: 'Service' },
    async (tx) => {
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
      });
      const last = await tx.serviceVersion.findFirst({
        where: { serviceId: service.id },
        orderBy: { version: 'desc' },
      });
      const version = await tx.serviceVersion.create({
        data: {
          ...versionData(v),
          serviceId: service.id,
          version: (last?.version ?? 0) + 1,
          kind: service.kind,
          unitId: service.unitId,
          note: note.value,
          createdByAccountId: caller.accountId,
        },
      });
      const after = await tx.service.update({
        where: { id: service.id },
        data: {
          currentVersionId: version.id,
          name: v.nameId,
          completionDays: v.completionDays,
          costIdr: v.costIdr,
        },
      });
      return {
        result: { serviceId: service.id, versionId: version.id },
        entityId: service.id,
        before: { currentVersion: current?.version ?? null, completionDays: service.completionDays },
        after: { currentVersion: version.version, completionDays: after.completionDays },
      };
    },
  );
}

export type UpdateServiceInput = {
  code: string;
  name?: string | null;
  description?: string | null;
  completionDays?: number | null;
  costIdr?: number | null;
  published?: boolean | null;
};

export async function updateService(
  deps: CommandDeps,
  caller: Caller,
  input: UpdateServiceInput,
): Promise<{ serviceId: string }> {
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
    const changes = checked.value;
    const currentVersionId = await publishEditAsVersion(tx, before, changes);
    const after = await tx.service.update({
      where: { id: before.id },
      data: {
        ...changes,
        currentVersionId,
        ...(input.published == null ? {} : { published: input.published }),
      },
    });
    return { result: { serviceId: after.id }, entityId: after.id, before, after };
  });
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
    },
  });
  return created.id;
}
