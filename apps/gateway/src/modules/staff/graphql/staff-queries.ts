// Staff look-ups (issue 3): a filtered, sorted connection and look-ups by id and NIP.
import { builder } from '../../../graphql/builder.js';
import { filteredList } from '../../../graphql/connections.js';
import { canReadPrivate, managedUnits } from '../access.js';
import { type StaffFilter, type StaffOrder, staffOrderBy, staffWhere } from '../queries/staff-search.js';
import { StaffKindEnum } from './staff-types.js';

const StaffSortFieldEnum = builder.enumType('StaffSortField', {
  description:
    'What staffMembers is sorted by: NAME, RANK (place on the person’s own scale: PNS golongan or PPPK grade; none last), APPOINTMENT (TMT CPNS or appointment year from the NIP; none last) or UNIT (unit code); ties by name.',
  values: ['NAME', 'RANK', 'APPOINTMENT', 'UNIT'] as const,
});
const SortDirectionEnum = builder.enumType('SortDirection', {
  description: 'ASC (A→Z, lowest or oldest first) or DESC (the reverse).',
  values: ['ASC', 'DESC'] as const,
});

const StaffOrderInput = builder.inputType('StaffOrder', {
  description:
    'How staffMembers is sorted. RANK and APPOINTMENT read personal data: supervisors (limited to their units) and admins; FORBIDDEN for others.',
  fields: (t) => ({
    field: t.field({ type: StaffSortFieldEnum, required: true, description: 'The sort key.' }),
    direction: t.field({ type: SortDirectionEnum, defaultValue: 'ASC', description: 'Default ASC.' }),
  }),
});

const StaffFilterInput = builder.inputType('StaffFilter', {
  description:
    'Filters of staffMembers; all given filters apply together. Filters on personal data (NIP search, rank, kind, gaps, training) are for supervisors (limited to their units) and admins; FORBIDDEN for others. An unknown unitCode gives an empty list.',
  fields: (t) => ({
    search: t.string({
      description:
        'Part of the name (any case), or digits (spaces allowed) found in the NIP; the NIP is personal data, so a digit search is for supervisors (their units) and admins.',
    }),
    unitCode: t.string({ description: 'A unit, with its sub-units unless includeSubUnits is false.' }),
    includeSubUnits: t.boolean({
      defaultValue: true,
      description: 'Whether unitCode includes its sub-units (default true).',
    }),
    rank: t.string({ description: 'e.g. III/c, or a PPPK grade such as IX.' }),
    kind: t.field({ type: StaffKindEnum, description: 'Only PNS or only PPPK.' }),
    hasCompetencyGap: t.boolean({ description: 'Below the level the position requires in some competency.' }),
    trainingBelowRight: t.boolean({ description: 'Fewer than 20 JP of training in `year`.' }),
    year: t.int({ description: 'Year for trainingBelowRight; default this year (WIB).' }),
  }),
});

/** The arguments of staffMembers: `unitCode` is a shortcut for `filter.unitCode`. */
type MembersArgs = { unitCode?: string | null; filter?: StaffFilter | null; orderBy?: StaffOrder | null };

builder.queryFields((t) => ({
  staffMembers: t.prismaConnection({
    type: 'Staff',
    cursor: 'id',
    // A unit report page lists a whole unit at once; 500 keeps a page bounded.
    maxSize: 500,
    description:
      'Active staff, filtered and sorted (default by name). `unitCode` is a shortcut for filter.unitCode.',
    args: {
      unitCode: t.arg.string({ description: 'A unit code (with its sub-units); same as filter.unitCode.' }),
      filter: t.arg({ type: StaffFilterInput, description: 'Filters; personal-data filters need rights.' }),
      orderBy: t.arg({ type: StaffOrderInput, description: 'Sort order; default by name, ascending.' }),
    },
    ...filteredList(
      (ctx) => ctx.prisma.staff,
      (args: MembersArgs, ctx) => staffWhere({ unitCode: args.unitCode, ...args.filter }, args.orderBy, ctx),
      (args: MembersArgs) => staffOrderBy(args.orderBy),
    ),
  }),
  trainingsToConfirm: t.prismaConnection({
    type: 'TrainingRecord',
    cursor: 'id',
    maxSize: 100,
    description:
      'Four eyes (issue 15 kind 7): PENDING trainings the caller may confirm or reject with reviewTraining, oldest first: of the staff of the caller’s unit tree (all units for admins), never the caller’s own.',
    authScopes: { admin: true, supervisor: true },
    ...filteredList(
      (ctx) => ctx.prisma.trainingRecord,
      async (_args: object, ctx) => {
        const managed = await managedUnits(ctx);
        const own = ctx.identity.kind === 'account' ? ctx.identity.staffId : null;
        return {
          status: 'PENDING' as const,
          ...(own ? { staffId: { not: own } } : {}),
          ...(managed === 'ALL' ? {} : { staff: { unitId: { in: [...(managed ?? [])] } } }),
        };
      },
      [{ createdAt: 'asc' as const }, { id: 'asc' as const }],
    ),
  }),
  staffMember: t.prismaField({
    type: 'Staff',
    nullable: true,
    description: 'A staff member by id (public fields for everyone, personal data as authorised).',
    args: {
      id: t.arg.globalID({
        required: true,
        description: 'A Staff node id; another node’s id gives null.',
      }),
    },
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
    args: {
      nip: t.arg.string({
        required: true,
        description: 'The 18-digit NIP, spaces allowed; anything else gives null.',
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const nip = args.nip.replace(/\s+/g, '');
      if (!/^\d{18}$/.test(nip)) return null;
      const found = await ctx.prisma.staff.findUnique({ where: { nip }, select: { id: true, unitId: true } });
      if (!found || !(await canReadPrivate(ctx, found))) return null;
      return ctx.prisma.staff.findUnique({ ...query, where: { id: found.id } });
    },
  }),
}));

builder.queryFields((t) => ({
  competencies: t.prismaConnection({
    type: 'Competency',
    cursor: 'id',
    maxSize: 500,
    description:
      'The city’s competency dictionary (PermenPANRB 38/2017), by code, with `totalCount`: what a service version may require (CreateServiceInput.requiredCompetencyCode) and staff hold. Public: it holds no personal data.',
    ...filteredList(
      (ctx) => ctx.prisma.competency,
      (_args: object) => ({}),
      [{ code: 'asc' as const }],
    ),
  }),
}));
