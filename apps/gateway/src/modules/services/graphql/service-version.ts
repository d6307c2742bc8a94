// The versioned catalogue (issue 4): a service is data — names, kind, owning unit, the 14
// components of its standard (UU 25/2009 art. 21), the competency its handlers need and the
// Open311 attributes a citizen fills in. Each publication is a new version; requests keep theirs.
import type { Prisma } from '@layanan/db';
import {
  ATTRIBUTE_DATATYPES,
  type ServiceAttribute,
  validateServiceAttributes,
  validateServiceStandard,
  validateServiceUpdate,
} from '@layanan/domain/services';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { ConflictError, type FieldProblem, NotFoundError, ValidationError } from '../../graphql/errors.js';
import { audited, type TransactionClient } from '../../platform/audited.js';
import { forbidden } from '../../platform/authz.js';
import { ServiceKindEnum } from './service.js';

const AttributeDatatypeEnum = builder.enumType('AttributeDatatype', { values: ATTRIBUTE_DATATYPES });

type Localized = { id: string; en: string } | undefined;
const pick = (m: Localized, ctx: GraphQLContext) => (m ? (ctx.lang === 'en' ? m.en : m.id) : null);

const AttributeOptionRef = builder
  .objectRef<{ key: string; name?: { id: string; en: string } }>('ServiceAttributeOption')
  .implement({
    fields: (t) => ({
      key: t.exposeString('key'),
      name: t.string({ nullable: true, resolve: (o, _a, ctx) => pick(o.name, ctx) }),
    }),
  });

export const ServiceAttributeRef = builder.objectRef<ServiceAttribute>('ServiceAttribute').implement({
  description: 'A field the citizen fills in (Open311 GeoReport v2 attribute).',
  fields: (t) => ({
    code: t.exposeString('code'),
    datatype: t.field({ type: AttributeDatatypeEnum, resolve: (a) => a.datatype }),
    required: t.exposeBoolean('required'),
    description: t.string({ nullable: true, resolve: (a, _x, ctx) => pick(a.description, ctx) }),
    values: t.field({ type: [AttributeOptionRef], resolve: (a) => [...(a.values ?? [])] }),
    min: t.float({ nullable: true, resolve: (a) => a.min ?? null }),
    max: t.float({ nullable: true, resolve: (a) => a.max ?? null }),
  }),
});

const ServiceVersionRef = builder.prismaObject('ServiceVersion', {
  description: 'One published version of a service standard.',
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeInt('version'),
    name: t.string({ resolve: (v, _a, ctx) => (ctx.lang === 'en' ? v.nameEn : v.nameId) }),
    nameId: t.exposeString('nameId'),
    nameEn: t.exposeString('nameEn'),
    kind: t.expose('kind', { type: ServiceKindEnum }),
    unit: t.relation('unit'),
    standard: t.expose('standard', {
      type: 'JSON',
      description: 'The 14 components of UU 25/2009 art. 21, by code (LEGAL_BASIS … PERFORMANCE_EVALUATION).',
    }),
    attributes: t.field({
      type: [ServiceAttributeRef],
      resolve: (v) => v.attributes as unknown as ServiceAttribute[],
    }),
    completionDays: t.exposeInt('completionDays'),
    requiredCompetency: t.relation('requiredCompetency', { nullable: true }),
    requiredLevel: t.exposeInt('requiredLevel', { nullable: true }),
    note: t.exposeString('note'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('Competency', {
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
  }),
});

builder.prismaObjectFields('Service', (t) => ({
  currentVersion: t.relation('currentVersion', { nullable: true }),
  versions: t.relation('versions', { query: { orderBy: { version: 'desc' } } }),
}));

const AttributeOptionInput = builder.inputType('ServiceAttributeOptionInput', {
  fields: (t) => ({
    key: t.string({ required: true }),
    nameId: t.string(),
    nameEn: t.string(),
  }),
});

const AttributeInput = builder.inputType('ServiceAttributeInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    datatype: t.field({ type: AttributeDatatypeEnum, required: true }),
    required: t.boolean({ required: true }),
    descriptionId: t.string(),
    descriptionEn: t.string(),
    values: t.field({ type: [AttributeOptionInput] }),
    maxLength: t.int(),
    min: t.float(),
    max: t.float(),
  }),
});

type AttributeInputShape = {
  code: string;
  datatype: ServiceAttribute['datatype'];
  required: boolean;
  descriptionId?: string | null;
  descriptionEn?: string | null;
  values?: { key: string; nameId?: string | null; nameEn?: string | null }[] | null;
  maxLength?: number | null;
  min?: number | null;
  max?: number | null;
};

function toAttribute(a: AttributeInputShape): Record<string, unknown> {
  const out: Record<string, unknown> = { code: a.code.trim(), datatype: a.datatype, required: a.required };
  if (a.descriptionId || a.descriptionEn) {
    out.description = {
      id: a.descriptionId ?? a.descriptionEn ?? '',
      en: a.descriptionEn ?? a.descriptionId ?? '',
    };
  }
  if (a.values) {
    out.values = a.values.map((v) =>
      v.nameId || v.nameEn
        ? { key: v.key.trim(), name: { id: v.nameId ?? v.nameEn ?? '', en: v.nameEn ?? v.nameId ?? '' } }
        : { key: v.key.trim() },
    );
  }
  for (const k of ['maxLength', 'min', 'max'] as const) if (a[k] != null) out[k] = a[k];
  return out;
}

const VersionFields = {
  nameId: { id: 'Nama layanan', en: 'service name' },
  nameEn: { id: 'Nama layanan (Inggris)', en: 'English service name' },
};

type VersionDraft = {
  nameId: string;
  nameEn: string;
  standard: Record<string, unknown>;
  attributes: unknown[];
  requiredCompetencyCode: string | null;
  requiredLevel: number | null;
};

type CheckedVersion = {
  nameId: string;
  nameEn: string;
  standard: Prisma.InputJsonValue;
  attributes: Prisma.InputJsonValue;
  completionDays: number;
  costIdr: number;
  requiredCompetencyId: string | null;
  requiredLevel: number | null;
};

const problem = (field: string, code: string, messageId: string, messageEn: string): FieldProblem => ({
  field,
  code,
  messageId,
  messageEn,
});

/** Every rule of a version at once, so the admin sees every problem in one answer. */
async function checkVersion(tx: TransactionClient, draft: VersionDraft): Promise<CheckedVersion> {
  const fields: FieldProblem[] = [];
  for (const key of ['nameId', 'nameEn'] as const) {
    const r = validateServiceUpdate({ name: draft[key] });
    if (!r.ok) {
      for (const f of r.error.fields)
        fields.push(
          problem(
            key,
            f.code,
            `${VersionFields[key].id}: ${f.message.id}`,
            `The ${VersionFields[key].en}: ${f.message.en}`,
          ),
        );
    }
  }
  const standard = validateServiceStandard(draft.standard);
  if (!standard.ok) {
    for (const f of standard.error.fields) {
      fields.push(
        problem(
          `standard.${f.field}`,
          f.code,
          `${standard.error.message.id} ${f.field}: ${f.message.id}`,
          `${standard.error.message.en} ${f.field}: ${f.message.en}`,
        ),
      );
    }
  }
  const attributes = validateServiceAttributes(draft.attributes);
  if (!attributes.ok) {
    for (const f of attributes.error.fields)
      fields.push(problem(f.field, f.code, f.message.id, f.message.en));
  }
  let requiredCompetencyId: string | null = null;
  if (draft.requiredCompetencyCode) {
    const competency = await tx.competency.findUnique({ where: { code: draft.requiredCompetencyCode } });
    if (!competency) {
      fields.push(
        problem(
          'requiredCompetencyCode',
          'NOT_ALLOWED',
          `Kompetensi "${draft.requiredCompetencyCode}" tidak dikenal`,
          `Unknown competency "${draft.requiredCompetencyCode}"`,
        ),
      );
    } else requiredCompetencyId = competency.id;
    const level = draft.requiredLevel;
    if (level == null || !Number.isInteger(level) || level < 1 || level > 5) {
      fields.push(
        problem(
          'requiredLevel',
          'OUT_OF_RANGE',
          'Tingkat kompetensi harus 1–5',
          'The competency level must be 1–5',
        ),
      );
    }
  } else if (draft.requiredLevel != null) {
    fields.push(
      problem(
        'requiredLevel',
        'NOT_ALLOWED',
        'Tingkat diisi tanpa kompetensi',
        'A level was given without a competency',
      ),
    );
  }
  if (fields.length > 0 || !standard.ok || !attributes.ok) throw ValidationError.fromFields(fields);
  const cost = standard.value.COST;
  return {
    nameId: draft.nameId.trim(),
    nameEn: draft.nameEn.trim(),
    standard: standard.value as unknown as Prisma.InputJsonValue,
    attributes: attributes.value as unknown as Prisma.InputJsonValue,
    completionDays: standard.value.COMPLETION_TIME,
    costIdr: typeof cost === 'number' ? cost : 0,
    requiredCompetencyId,
    requiredLevel: requiredCompetencyId ? draft.requiredLevel : null,
  };
}

const CreateServiceInput = builder.inputType('CreateServiceInput', {
  fields: (t) => ({
    code: t.string({
      required: true,
      description: 'Upper-case letters, digits and dashes, e.g. SIUP-MIKRO.',
    }),
    unitCode: t.string({ required: true }),
    kind: t.field({ type: ServiceKindEnum, required: true }),
    nameId: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    description: t.string({ required: true }),
    standard: t.field({ type: 'JSON', required: true, description: 'All 14 components by code.' }),
    attributes: t.field({ type: [AttributeInput], required: true }),
    requiredCompetencyCode: t.string(),
    requiredLevel: t.int(),
    published: t.boolean({ description: 'Default true.' }),
  }),
});

const PublishServiceVersionInput = builder.inputType('PublishServiceVersionInput', {
  description: 'Fields left out are copied from the current version.',
  fields: (t) => ({
    code: t.string({ required: true }),
    nameId: t.string(),
    nameEn: t.string(),
    standard: t.field({ type: 'JSON' }),
    attributes: t.field({ type: [AttributeInput] }),
    requiredCompetencyCode: t.string(),
    requiredLevel: t.int(),
    note: t.string({ required: true, description: 'What changed, for the version history.' }),
  }),
});

const ServiceVersionPayload = builder
  .objectRef<{ serviceId: string; versionId: string }>('ServiceVersionPayload')
  .implement({
    fields: (t) => ({
      service: t.prismaField({
        type: 'Service',
        resolve: (query, p, _a, ctx) =>
          ctx.prisma.service.findUniqueOrThrow({ ...query, where: { id: p.serviceId } }),
      }),
      version: t.prismaField({
        type: ServiceVersionRef,
        resolve: (query, p, _a, ctx) =>
          ctx.prisma.serviceVersion.findUniqueOrThrow({ ...query, where: { id: p.versionId } }),
      }),
    }),
  });

/** The cost lives in the standard (COST); the service row keeps a numeric copy for the catalogue. */
const versionData = ({ costIdr: _cost, ...rest }: CheckedVersion) => rest;

const SERVICE_CODE = /^[A-Z][A-Z0-9-]{1,39}$/;
const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

builder.mutationFields((t) => ({
  createService: t.field({
    type: ServiceVersionPayload,
    description: 'Add a service to the catalogue with its first version. Admins only; no code change needed.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: CreateServiceInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const code = input.code.trim().toUpperCase();
      return audited(ctx, { action: 'createService', entityType: 'Service' }, async (tx) => {
        const fields: FieldProblem[] = [];
        if (!SERVICE_CODE.test(code)) {
          fields.push(
            problem(
              'code',
              'INVALID_FORMAT',
              'Kode layanan: huruf besar, angka dan tanda hubung (2–40)',
              'Service code: upper-case letters, digits and dashes (2–40)',
            ),
          );
        }
        const description = validateServiceUpdate({ description: input.description });
        if (!description.ok)
          for (const f of description.error.fields)
            fields.push(problem(f.field, f.code, f.message.id, f.message.en));
        if (fields.length > 0) throw ValidationError.fromFields(fields);
        const unit = await tx.unit.findUnique({ where: { code: input.unitCode.trim().toUpperCase() } });
        if (!unit) throw new NotFoundError('Unit', input.unitCode);
        if (await tx.service.findUnique({ where: { code } })) {
          throw new ConflictError(
            'SERVICE_CODE_TAKEN',
            `Kode layanan ${code} sudah dipakai`,
            `Service code ${code} is already taken`,
          );
        }
        const v = await checkVersion(tx, {
          nameId: input.nameId,
          nameEn: input.nameEn,
          standard: asObject(input.standard),
          attributes: input.attributes.map(toAttribute),
          requiredCompetencyCode: input.requiredCompetencyCode?.trim().toUpperCase() || null,
          requiredLevel: input.requiredLevel ?? null,
        });
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
            note: 'Versi awal / initial version',
            createdByAccountId: ctx.identity.kind === 'account' ? ctx.identity.accountId : null,
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
    },
  }),
  publishServiceVersion: t.field({
    type: ServiceVersionPayload,
    description:
      "Publish a new version of a service's standard. Requests already filed keep their version. Admins, or supervisors of the owning unit.",
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: PublishServiceVersionInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const code = input.code.trim().toUpperCase();
      return audited(ctx, { action: 'publishServiceVersion', entityType: 'Service' }, async (tx) => {
        const service = await tx.service.findUnique({
          where: { code },
          include: { currentVersion: { include: { requiredCompetency: true } } },
        });
        if (!service) throw new NotFoundError('Service', code);
        const id = ctx.identity;
        if (!(id.kind === 'account' && (id.role === 'ADMIN' || id.unitId === service.unitId))) {
          throw forbidden();
        }
        const current = service.currentVersion;
        if (input.note.trim() === '')
          throw ValidationError.fromFields([
            problem('note', 'REQUIRED', 'Catatan perubahan wajib diisi', 'A change note is required'),
          ]);
        const competencyGiven =
          input.requiredCompetencyCode !== undefined && input.requiredCompetencyCode !== null;
        const v = await checkVersion(tx, {
          nameId: input.nameId ?? current?.nameId ?? service.name,
          nameEn: input.nameEn ?? current?.nameEn ?? service.name,
          standard: input.standard != null ? asObject(input.standard) : asObject(current?.standard),
          attributes: input.attributes
            ? input.attributes.map(toAttribute)
            : ((current?.attributes as unknown[]) ?? []),
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
            note: input.note.trim(),
            createdByAccountId: id.accountId,
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
      });
    },
  }),
}));
