// Staff look-ups (issue 3): a filtered, sorted connection and look-ups by id and NIP.
import { builder } from '../../../graphql/builder.js';
import { canReadPrivate } from '../access.js';
import { staffOrderBy, staffWhere } from '../queries/staff-search.js';
import { StaffKindEnum } from './staff-types.js';

const StaffSortFieldEnum = builder.enumType('StaffSortField', {
  values: ['NAME', 'RANK', 'APPOINTMENT', 'UNIT'] as const,
});
const SortDirectionEnum = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

const StaffOrderInput = builder.inputType('StaffOrder', {
  fields: (t) => ({
    field: t.field({ type: StaffSortFieldEnum, required: true }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'ASC' }),
  }),
});

const StaffFilterInput = builder.inputType('StaffFilter', {
  description:
    'Filters on personal data (rank, kind, gaps, training) are for supervisors (their units) and admins.',
  fields: (t) => ({
    unitCode: t.string({ description: 'A unit, with its sub-units unless includeSubUnits is false.' }),
    includeSubUnits: t.boolean({ defaultValue: true }),
    rank: t.string({ description: 'e.g. III/c, or a PPPK grade such as IX.' }),
    kind: t.field({ type: StaffKindEnum }),
    hasCompetencyGap: t.boolean({ description: 'Below the level the position requires in some competency.' }),
    trainingBelowRight: t.boolean({ description: 'Fewer than 20 JP of training in `year`.' }),
    year: t.int({ description: 'Year for trainingBelowRight; default this year (WIB).' }),
  }),
});

builder.queryFields((t) => ({
  staffMembers: t.prismaConnection({
    type: 'Staff',
    cursor: 'id',
    // A unit report page lists a whole unit at once; 500 keeps a page bounded.
    maxSize: 500,
    description:
      'Active staff, filtered and sorted (default by name). `unitCode` is a shortcut for filter.unitCode.',
    args: {
      unitCode: t.arg.string(),
      filter: t.arg({ type: StaffFilterInput }),
      orderBy: t.arg({ type: StaffOrderInput }),
    },
    totalCount: async (_root, args, ctx) =>
      ctx.prisma.staff.count({
        where: await staffWhere({ unitCode: args.unitCode, ...args.filter }, args.orderBy, ctx),
      }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.staff.findMany({
        ...query,
        where: await staffWhere({ unitCode: args.unitCode, ...args.filter }, args.orderBy, ctx),
        orderBy: staffOrderBy(args.orderBy),
      }),
  }),
  staffMember: t.prismaField({
    type: 'Staff',
    nullable: true,
    description: 'A staff member by id (public fields for everyone, personal data as authorised).',
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      args.id.typename === 'Staff'
        ? ctx.prisma.staff.findUnique({ ...query, where: { id: args.id.id } })
        : null,
  }),
  staffByNip: t.prismaField({
    type: 'Staff',
    nullable: true,
    description:
      'A staff member by NIP (spaces allowed). Only for the person, their supervisors and admins: null for anyone else, so the NIP cannot be probed.',
    authScopes: { admin: true, staff: true },
    args: { nip: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const nip = args.nip.replace(/\s+/g, '');
      if (!/^\d{18}$/.test(nip)) return null;
      const found = await ctx.prisma.staff.findUnique({ where: { nip }, select: { id: true, unitId: true } });
      if (!found || !(await canReadPrivate(ctx, found))) return null;
      return ctx.prisma.staff.findUnique({ ...query, where: { id: found.id } });
    },
  }),
}));
