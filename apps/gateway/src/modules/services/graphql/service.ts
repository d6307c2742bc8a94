// The service catalogue: the Service type, the catalogue queries and the edit of an entry.
import type { Prisma } from '@layanan/db';
import type { GraphQLContext } from '../../../app/context.js';
import { builder } from '../../../graphql/builder.js';
import { NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { commandDeps } from '../../../platform/command.js';
import { visibleServices } from '../access.js';
import { updateService } from '../commands/service-catalogue.js';

export const ServiceKindEnum = builder.enumType('ServiceKind', {
  values: ['REGISTRATION', 'PERMIT', 'COMPLAINT', 'INFORMATION_REQUEST'] as const,
});

function catalogueWhere(
  args: { unitCode?: string | null; kind?: Prisma.ServiceWhereInput['kind'] | null },
  ctx: GraphQLContext,
): Prisma.ServiceWhereInput {
  return {
    AND: [
      visibleServices(ctx.identity),
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
        where: { AND: [visibleServices(ctx.identity), { code: args.code.trim().toUpperCase() }] },
      }),
  }),
}));

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
    resolve: (_root, { input }, ctx) => updateService(commandDeps(ctx), ctx.identity, input),
  }),
);
