import { builder } from '../../graphql/builder.js';

export const UnitKindEnum = builder.enumType('UnitKind', {
  values: ['DINAS', 'BADAN', 'KANTOR', 'SEKRETARIAT', 'KECAMATAN', 'KELURAHAN', 'BIDANG'] as const,
});

builder.prismaNode('Unit', {
  id: { field: 'id' },
  description: 'A city work unit (Organisasi Perangkat Daerah), e.g. DPMPTSP or Disdukcapil.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    shortName: t.exposeString('shortName'),
    kind: t.expose('kind', { type: UnitKindEnum }),
    parent: t.relation('parent', {
      nullable: true,
      description: 'The unit this one belongs to (a bidang in its dinas).',
    }),
    children: t.relation('children', { query: { orderBy: { code: 'asc' } } }),
    staff: t.relatedConnection('staff', {
      cursor: 'id',
      totalCount: true,
      query: () => ({ where: { active: true }, orderBy: { name: 'asc' } }),
    }),
    services: t.relatedConnection('services', {
      cursor: 'id',
      totalCount: true,
      query: (_args, ctx) => ({
        where: ctx.identity.kind === 'account' && ctx.identity.role === 'ADMIN' ? {} : { published: true },
        orderBy: { code: 'asc' },
      }),
    }),
  }),
});

builder.queryFields((t) => ({
  units: t.prismaConnection({
    type: 'Unit',
    cursor: 'id',
    totalCount: (_root, _args, ctx) => ctx.prisma.unit.count(),
    description: 'All work units, by code.',
    resolve: (query, _root, _args, ctx) => ctx.prisma.unit.findMany({ ...query, orderBy: { code: 'asc' } }),
  }),
  unit: t.prismaField({
    type: 'Unit',
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.unit.findUnique({ ...query, where: { code: args.code.trim().toUpperCase() } }),
  }),
}));
