// The versioned catalogue (issue 4): a service is data — names, kind, owning unit, the 14
// components of its standard (UU 25/2009 art. 21), the competency its handlers need and the
// Open311 attributes a citizen fills in. Each publication is a new version; requests keep theirs.
import { ATTRIBUTE_DATATYPES, type ServiceAttribute } from '@layanan/domain/services';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { commandDeps } from '../../../platform/command.js';
import { asObject, createService, publishServiceVersion } from '../commands/service-catalogue.js';
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

const competencyCode = (code: string | null | undefined) => code?.trim().toUpperCase() || null;

builder.mutationFields((t) => ({
  createService: t.field({
    type: ServiceVersionPayload,
    description: 'Add a service to the catalogue with its first version. Admins only; no code change needed.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: CreateServiceInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createService(commandDeps(ctx), ctx.identity, {
        ...input,
        standard: asObject(input.standard),
        attributes: input.attributes.map(toAttribute),
        requiredCompetencyCode: competencyCode(input.requiredCompetencyCode),
        requiredLevel: input.requiredLevel ?? null,
      }),
  }),
  publishServiceVersion: t.field({
    type: ServiceVersionPayload,
    description:
      "Publish a new version of a service's standard. Requests already filed keep their version. Admins, or supervisors of the owning unit.",
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: PublishServiceVersionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      publishServiceVersion(commandDeps(ctx), ctx.identity, {
        ...input,
        standard: input.standard != null ? asObject(input.standard) : null,
        attributes: input.attributes ? input.attributes.map(toAttribute) : null,
      }),
  }),
}));
