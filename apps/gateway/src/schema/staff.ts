import type { Prisma } from '@layanan/db';
import { builder } from '../builder.js';

function staffWhere(args: { unitCode?: string | null }): Prisma.StaffWhereInput {
  return { active: true, ...(args.unitCode ? { unit: { code: args.unitCode.trim().toUpperCase() } } : {}) };
}

export const StaffKindEnum = builder.enumType('StaffKind', { values: ['PNS', 'PPPK'] as const });

builder.prismaNode('Staff', {
  id: { field: 'id' },
  description: 'A civil servant (ASN) in the staff register.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: StaffKindEnum }),
    rank: t.exposeString('rank', { nullable: true, description: 'Golongan/ruang, e.g. III/c (PNS only).' }),
    position: t.exposeString('position'),
    active: t.exposeBoolean('active'),
    unit: t.relation('unit'),
    nip: t.exposeString('nip', {
      nullable: true,
      description:
        'Personal data: visible to the staff member, supervisors of the unit and admins; null otherwise.',
      authScopes: (staff) => ({ admin: true, unitSupervisor: staff.unitId, selfStaff: staff.id }),
      unauthorizedResolver: () => null,
    }),
  }),
});

builder.queryField('staffMembers', (t) =>
  t.prismaConnection({
    type: 'Staff',
    cursor: 'id',
    totalCount: (_root, args, ctx) => ctx.prisma.staff.count({ where: staffWhere(args) }),
    description: 'Active staff, optionally of one unit, by name.',
    args: { unitCode: t.arg.string() },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.staff.findMany({
        ...query,
        where: staffWhere(args),
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      }),
  }),
);
