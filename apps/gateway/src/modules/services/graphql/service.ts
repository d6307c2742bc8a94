import type { Prisma } from '@layanan/db';
import { validateServiceUpdate } from '@layanan/domain/services';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import { NotFoundError, ValidationError } from '../../graphql/errors.js';
import { audited, type TransactionClient } from '../../platform/audited.js';
import { forbidden } from '../../platform/authz.js';

export const ServiceKindEnum = builder.enumType('ServiceKind', {
  values: ['REGISTRATION', 'PERMIT', 'COMPLAINT', 'INFORMATION_REQUEST'] as const,
});

/** Unpublished services are visible to admins and to staff of the owning unit only. */
function visibleServices(ctx: GraphQLContext): Prisma.ServiceWhereInput {
  const id = ctx.identity;
  if (id.kind === 'account' && id.role === 'ADMIN') return {};
  if (id.kind === 'account' && id.unitId) return { OR: [{ published: true }, { unitId: id.unitId }] };
  return { published: true };
}

function catalogueWhere(
  args: { unitCode?: string | null; kind?: Prisma.ServiceWhereInput['kind'] | null },
  ctx: GraphQLContext,
): Prisma.ServiceWhereInput {
  return {
    AND: [
      visibleServices(ctx),
      args.unitCode ? { unit: { code: args.unitCode.trim().toUpperCase() } } : {},
      args.kind ? { kind: args.kind } : {},
    ],
  };
}

const ServiceRef = builder.prismaNode('Service', {
  id: { field: 'id' },
  description: 'An electronic public service in the catalogue, with its published standard.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    kind: t.expose('kind', { type: ServiceKindEnum }),
    completionDays: t.exposeInt('completionDays', {
      description: 'Completion time promised by the service standard, in working days (UU 25/2009).',
    }),
    costIdr: t.exposeInt('costIdr', { description: 'Cost in rupiah; 0 means free of charge.' }),
    published: t.exposeBoolean('published'),
    unit: t.relation('unit'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  services: t.prismaConnection({
    type: 'Service',
    cursor: 'id',
    totalCount: (_root, args, ctx) => ctx.prisma.service.count({ where: catalogueWhere(args, ctx) }),
    description: 'The service catalogue, by code; filter by unit or kind.',
    args: {
      unitCode: t.arg.string(),
      kind: t.arg({ type: ServiceKindEnum }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.service.findMany({
        ...query,
        where: catalogueWhere(args, ctx),
        orderBy: { code: 'asc' },
      }),
  }),
  service: t.prismaField({
    type: 'Service',
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.service.findFirst({
        ...query,
        where: { AND: [visibleServices(ctx), { code: args.code.trim().toUpperCase() }] },
      }),
  }),
}));

async function publishStandardChange(
  tx: TransactionClient,
  service: {
    id: string;
    name: string;
    completionDays: number;
    costIdr: number;
    currentVersionId: string | null;
  },
  changes: { name?: string | undefined; completionDays?: number | undefined; costIdr?: number | undefined },
): Promise<string | null> {
  const changed =
    (changes.name !== undefined && changes.name !== service.name) ||
    (changes.completionDays !== undefined && changes.completionDays !== service.completionDays) ||
    (changes.costIdr !== undefined && changes.costIdr !== service.costIdr);
  if (!changed || !service.currentVersionId) return service.currentVersionId;
  const current = await tx.serviceVersion.findUniqueOrThrow({ where: { id: service.currentVersionId } });
  const last = await tx.serviceVersion.findFirst({
    where: { serviceId: service.id },
    orderBy: { version: 'desc' },
  });
  const { id: _id, createdAt: _at, version: _v, ...copy } = current;
  const completionDays = changes.completionDays ?? current.completionDays;
  const standard = {
    ...(current.standard as Record<string, unknown>),
    COMPLETION_TIME: completionDays,
    ...(changes.costIdr === undefined ? {} : { COST: changes.costIdr }),
  };
  const next = await tx.serviceVersion.create({
    data: {
      ...copy,
      standard,
      attributes: current.attributes as Prisma.InputJsonValue,
      nameId: changes.name ?? current.nameId,
      completionDays,
      version: (last?.version ?? current.version) + 1,
      note: 'Diubah lewat updateService / changed through updateService',
    },
  });
  return next.id;
}

const UpdateServiceInput = builder.inputType('UpdateServiceInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    name: t.string(),
    description: t.string(),
    completionDays: t.int(),
    costIdr: t.int(),
    published: t.boolean(),
  }),
});

const UpdateServicePayload = builder.objectRef<{ serviceId: string }>('UpdateServicePayload').implement({
  fields: (t) => ({ serviceId: t.exposeID('serviceId') }),
});

builder.objectFields(UpdateServicePayload, (t) => ({
  service: t.prismaField({
    type: ServiceRef,
    resolve: (query, payload, _args, ctx) =>
      ctx.prisma.service.findUniqueOrThrow({ ...query, where: { id: payload.serviceId } }),
  }),
}));

builder.mutationField('updateService', (t) =>
  t.field({
    type: UpdateServicePayload,
    description: "Change a service's published standard. Admins, or supervisors of the owning unit.",
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: UpdateServiceInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const code = input.code.trim().toUpperCase();
      return audited(ctx, { action: 'updateService', entityType: 'Service' }, async (tx) => {
        const before = await tx.service.findUnique({ where: { code } });
        if (!before) throw new NotFoundError('Service', code);
        const id = ctx.identity;
        if (!(id.kind === 'account' && (id.role === 'ADMIN' || id.unitId === before.unitId))) {
          throw forbidden();
        }
        const checked = validateServiceUpdate({
          name: input.name ?? undefined,
          description: input.description ?? undefined,
          completionDays: input.completionDays ?? undefined,
          costIdr: input.costIdr ?? undefined,
        });
        if (!checked.ok) {
          throw ValidationError.fromFieldErrors(checked.error.fields);
        }
        const changes = checked.value;
        // Requests are filed under a version of the standard, so a changed name, completion time
        // or cost is published as a new version (services area, issue 4).
        const currentVersionId = await publishStandardChange(tx, before, changes);
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
    },
  }),
);
