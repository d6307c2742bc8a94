import { builder } from '../../graphql/builder.js';
import { nodeVisibility } from '../../graphql/node-visibility.js';
import { nodeId } from '../../graphql/object-fields.js';
import { EVERYONE } from '../../platform/visibility.js';

export const UnitKindEnum = builder.enumType('UnitKind', {
  description:
    'Kind of city work unit: DINAS (service), BADAN (agency), KANTOR (office), SEKRETARIAT, KECAMATAN (district), KELURAHAN (urban village) or BIDANG (division inside a unit).',
  values: ['DINAS', 'BADAN', 'KANTOR', 'SEKRETARIAT', 'KECAMATAN', 'KELURAHAN', 'BIDANG'] as const,
});

const UnitRef = builder.prismaNode('Unit', {
  id: nodeId,
  description: 'A city work unit (Organisasi Perangkat Daerah), e.g. DPMPTSP or Disdukcapil.',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Upper-case unit code, the key used by other queries (e.g. DPMPTSP).',
    }),
    name: t.exposeString('name', { description: 'Full official name.' }),
    shortName: t.exposeString('shortName', { description: 'Short name or abbreviation, for tables.' }),
    kind: t.expose('kind', { type: UnitKindEnum, description: 'What kind of unit it is.' }),
    parent: t.relation('parent', {
      nullable: true,
      description: 'The unit this one belongs to (a bidang in its dinas).',
    }),
    children: t.relation('children', {
      description: 'Units directly under this one, by code.',
      query: { orderBy: { code: 'asc' } },
    }),
    staff: t.relatedConnection('staff', {
      description: 'Active staff of the unit (not of its sub-units), by name.',
      cursor: 'id',
      totalCount: true,
      query: () => ({ where: { active: true }, orderBy: { name: 'asc' } }),
    }),
    services: t.relatedConnection('services', {
      description: 'The unit’s services, by code: published ones only, unpublished too for admins.',
      cursor: 'id',
      totalCount: true,
      query: (_args, ctx) => ({
        where: ctx.identity.kind === 'account' && ctx.identity.role === 'ADMIN' ? {} : { published: true },
        orderBy: { code: 'asc' },
      }),
    }),
  }),
});

// Units are public.
nodeVisibility(UnitRef, EVERYONE);

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
    description: 'One work unit by code; null when unknown.',
    args: { code: t.arg.string({ required: true, description: 'Unit code (case-insensitive).' }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.unit.findUnique({ ...query, where: { code: args.code.trim().toUpperCase() } }),
  }),
}));
