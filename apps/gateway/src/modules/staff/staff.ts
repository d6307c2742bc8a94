// The staff register (issue 3): staff with their derived NIP fields, competencies, trainings,
// rank history and SKP ratings; look-ups by id and NIP and a filtered, sorted connection.
// Public callers see name, position and unit only; everything else goes through canReadPrivate.
import type { Prisma } from '@layanan/db';
import {
  competencyGaps,
  JP_MINUTES,
  parsePnsRank,
  parsePppkGrade,
  YEARLY_TRAINING_RIGHT_JP,
} from '@layanan/domain/staff';
import type { GraphQLContext } from '../../app/context.js';
import { builder } from '../../graphql/builder.js';
import {
  badInput,
  canReadPrivate,
  currentYearWib,
  dayString,
  forbidden,
  managedUnits,
  unitTree,
} from './access.js';

export const StaffKindEnum = builder.enumType('StaffKind', { values: ['PNS', 'PPPK'] as const });
export const GenderEnum = builder.enumType('Gender', { values: ['M', 'F'] as const });
export const CompetencyTypeEnum = builder.enumType('CompetencyType', {
  values: ['TEKNIS', 'MANAJERIAL', 'SOSIAL_KULTURAL'] as const,
});
export const ExpectationEnum = builder.enumType('Expectation', {
  description: 'An SKP rating of work results or work behaviour against expectation (PermenPANRB 6/2022).',
  values: ['ABOVE', 'AS_EXPECTED', 'BELOW'] as const,
});
export const PredikatEnum = builder.enumType('Predikat', {
  description: 'The SKP rating (predikat kinerja) from the results × behaviour matrix.',
  values: ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG_MISCONDUCT', 'SANGAT_KURANG'] as const,
});

// ---- plain object types -------------------------------------------------------------------

export type CompetencyLevelShape = {
  code: string;
  name: string;
  type: 'TEKNIS' | 'MANAJERIAL' | 'SOSIAL_KULTURAL';
  level: number;
};

export const CompetencyLevelRef = builder.objectRef<CompetencyLevelShape>('CompetencyLevel').implement({
  description: 'A competency at a level (1–5): held by a person or required by a position.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    type: t.field({ type: CompetencyTypeEnum, resolve: (c) => c.type }),
    level: t.exposeInt('level'),
  }),
});

export type CompetencyGapShape = {
  code: string;
  name: string;
  type: 'TEKNIS' | 'MANAJERIAL' | 'SOSIAL_KULTURAL';
  requiredLevel: number;
  heldLevel: number;
  gap: number;
};

export const CompetencyGapRef = builder.objectRef<CompetencyGapShape>('CompetencyGap').implement({
  description: 'How far a person is below the level their position requires.',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    type: t.field({ type: CompetencyTypeEnum, resolve: (c) => c.type }),
    requiredLevel: t.exposeInt('requiredLevel'),
    heldLevel: t.exposeInt('heldLevel', { description: '0 when the person does not hold it at all.' }),
    gap: t.exposeInt('gap'),
  }),
});

const RankStepRef = builder
  .objectRef<{ rank: string; effectiveOn: string; decreeNumber: string | null }>('RankStep')
  .implement({
    description: 'A step in the rank history (riwayat golongan/pangkat).',
    fields: (t) => ({
      rank: t.exposeString('rank'),
      effectiveOn: t.exposeString('effectiveOn', { description: 'TMT, YYYY-MM-DD.' }),
      decreeNumber: t.exposeString('decreeNumber', { nullable: true }),
    }),
  });

const TrainingRecordRef = builder
  .objectRef<{ id: string; title: string; courseCode: string | null; completedOn: string; minutes: number }>(
    'TrainingRecord',
  )
  .implement({
    description: 'A completed training; counts towards the 20 JP yearly right (1 JP = 45 minutes).',
    fields: (t) => ({
      id: t.exposeID('id'),
      title: t.exposeString('title'),
      courseCode: t.exposeString('courseCode', { nullable: true }),
      completedOn: t.exposeString('completedOn', { description: 'YYYY-MM-DD.' }),
      minutes: t.exposeFloat('minutes'),
      jp: t.float({ resolve: (r) => Math.round((r.minutes / JP_MINUTES) * 1e6) / 1e6 }),
    }),
  });

const RatingRef = builder
  .objectRef<{
    year: number;
    results: 'ABOVE' | 'AS_EXPECTED' | 'BELOW';
    behaviour: 'ABOVE' | 'AS_EXPECTED' | 'BELOW';
    predikat: 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG_MISCONDUCT' | 'SANGAT_KURANG';
    finalised: boolean;
    note: string;
  }>('PerformanceRating')
  .implement({
    description: 'An SKP rating for one year (PermenPANRB 6/2022).',
    fields: (t) => ({
      year: t.exposeInt('year'),
      results: t.field({ type: ExpectationEnum, resolve: (r) => r.results }),
      behaviour: t.field({ type: ExpectationEnum, resolve: (r) => r.behaviour }),
      predikat: t.field({ type: PredikatEnum, resolve: (r) => r.predikat }),
      finalised: t.exposeBoolean('finalised'),
      note: t.exposeString('note'),
    }),
  });

// ---- Position ------------------------------------------------------------------------------

const requirementsSelect = {
  requirements: { select: { level: true, competency: { select: { code: true, name: true, type: true } } } },
} as const;

builder.prismaObject('Position', {
  description: 'A position (jabatan) and the competencies it requires (PermenPANRB 38/2017).',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    requirements: t.field({
      type: [CompetencyLevelRef],
      select: requirementsSelect,
      resolve: (p) =>
        p.requirements
          .map((r) => ({ ...r.competency, level: r.level }))
          .sort((a, b) => a.code.localeCompare(b.code)),
    }),
  }),
});

// ---- Staff ---------------------------------------------------------------------------------

/** Field options for personal data: null unless the caller may read this person's record. */
const personal = {
  nullable: true,
  authScopes: (staff: { id: string; unitId: string }, _args: unknown, ctx: GraphQLContext) =>
    canReadPrivate(ctx, staff),
  unauthorizedResolver: () => null,
} as const;

const holdingsSelect = {
  competencies: {
    select: { level: true, competency: { select: { code: true, name: true, type: true } } },
  },
} as const;

type HoldingRow = {
  level: number;
  competency: { code: string; name: string; type: CompetencyLevelShape['type'] };
};
type RequirementRow = HoldingRow;

export function gapsOf(
  held: readonly HoldingRow[],
  required: readonly RequirementRow[],
): CompetencyGapShape[] {
  const info = new Map([...required, ...held].map((r) => [r.competency.code, r.competency]));
  return competencyGaps(
    required.map((r) => ({ competency: r.competency.code, level: r.level, type: r.competency.type })),
    held.map((h) => ({ competency: h.competency.code, level: h.level })),
  ).map((g) => {
    const c = info.get(g.competency);
    return {
      code: g.competency,
      name: c?.name ?? g.competency,
      type: c?.type ?? 'TEKNIS',
      requiredLevel: g.requiredLevel,
      heldLevel: g.heldLevel,
      gap: g.gap,
    };
  });
}

function yearRange(year: number): { gte: Date; lt: Date } {
  return { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) };
}

export const roundJp = (jp: number) => Math.round(jp * 1e6) / 1e6;

builder.prismaNode('Staff', {
  id: { field: 'id' },
  description:
    'A civil servant (ASN) in the staff register. Public: name, position and unit; the rest is personal data for the person, supervisors of the unit (and its parents) and admins.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: StaffKindEnum }),
    position: t.exposeString('position'),
    positionDetails: t.relation('positionRef', {
      nullable: true,
      description: 'The position in the catalogue, with its required competencies.',
    }),
    active: t.exposeBoolean('active'),
    unit: t.relation('unit'),
    nip: t.exposeString('nip', {
      ...personal,
      description:
        'Personal data: visible to the staff member, supervisors of the unit and admins; null otherwise.',
    }),
    rank: t.exposeString('rank', {
      ...personal,
      description: 'Golongan/ruang (PNS, e.g. III/c) or PPPK grade.',
    }),
    birthDate: t.string({
      ...personal,
      description: 'YYYY-MM-DD, derived from the NIP.',
      resolve: (s) => (s.birthDate ? dayString(s.birthDate) : null),
    }),
    gender: t.field({ ...personal, type: GenderEnum, resolve: (s) => s.gender }),
    appointment: t.exposeString('appointment', {
      ...personal,
      description: 'TMT CPNS YYYY-MM (PNS) or appointment year YYYY (PPPK), from the NIP.',
    }),
    rankHistory: t.field({
      ...personal,
      type: [RankStepRef],
      select: { rankHistory: { orderBy: { effectiveOn: 'asc' } } },
      resolve: (s) =>
        s.rankHistory.map((r) => ({
          rank: r.rank,
          effectiveOn: dayString(r.effectiveOn),
          decreeNumber: r.decreeNumber,
        })),
    }),
    competencies: t.field({
      ...personal,
      type: [CompetencyLevelRef],
      select: holdingsSelect,
      resolve: (s) =>
        s.competencies
          .map((h) => ({ ...h.competency, level: h.level }))
          .sort((a, b) => a.code.localeCompare(b.code)),
    }),
    competencyGaps: t.field({
      ...personal,
      type: [CompetencyGapRef],
      description: 'Shortfalls against the position requirements, largest first.',
      select: { ...holdingsSelect, positionRef: { select: requirementsSelect } },
      resolve: (s) => gapsOf(s.competencies, s.positionRef?.requirements ?? []),
    }),
    trainingJp: t.float({
      ...personal,
      description: 'JP of training completed in the year (default: this year, WIB).',
      args: { year: t.arg.int() },
      select: (args) => ({
        trainings: {
          where: { completedOn: yearRange(args.year ?? currentYearWib()) },
          select: { minutes: true },
        },
      }),
      resolve: (s) => roundJp(s.trainings.reduce((sum, r) => sum + r.minutes, 0) / JP_MINUTES),
    }),
    trainingRecords: t.field({
      ...personal,
      type: [TrainingRecordRef],
      description: 'Completed trainings, newest first.',
      select: {
        trainings: { orderBy: [{ completedOn: 'desc' }, { id: 'asc' }], include: { course: true } },
      },
      resolve: (s) =>
        s.trainings.map((r) => ({
          id: r.id,
          title: r.title,
          courseCode: r.course?.code ?? null,
          completedOn: dayString(r.completedOn),
          minutes: r.minutes,
        })),
    }),
    ratings: t.field({
      ...personal,
      type: [RatingRef],
      description: 'SKP ratings, newest year first.',
      select: { ratings: { include: { period: true } } },
      resolve: (s) =>
        s.ratings
          .map((r) => ({
            year: r.period.year,
            results: r.results,
            behaviour: r.behaviour,
            predikat: r.predikat,
            finalised: r.period.finalised,
            note: r.note,
          }))
          .sort((a, b) => b.year - a.year),
    }),
  }),
});

// ---- staff look-ups ------------------------------------------------------------------------

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

type StaffFilter = {
  unitCode?: string | null;
  includeSubUnits?: boolean | null;
  rank?: string | null;
  kind?: 'PNS' | 'PPPK' | null;
  hasCompetencyGap?: boolean | null;
  trainingBelowRight?: boolean | null;
  year?: number | null;
};

type StaffOrder = { field: 'NAME' | 'RANK' | 'APPOINTMENT' | 'UNIT'; direction?: 'ASC' | 'DESC' | null };

function normaliseRank(input: string): string {
  const pns = parsePnsRank(input);
  if (pns.ok) return pns.value.label;
  const pppk = parsePppkGrade(input);
  if (pppk.ok) return pppk.value;
  throw badInput(
    `${pns.error.message.id} ${pppk.error.message.id}`,
    `${pns.error.message.en} ${pppk.error.message.en}`,
    pns.error.code,
  );
}

/** Staff ids (within `where`) that fall short of their position's requirements. */
export async function staffWithGaps(ctx: GraphQLContext, where: Prisma.StaffWhereInput): Promise<string[]> {
  const rows = await ctx.prisma.staff.findMany({
    where,
    select: { id: true, ...holdingsSelect, positionRef: { select: requirementsSelect } },
  });
  return rows
    .filter((r) => gapsOf(r.competencies, r.positionRef?.requirements ?? []).length > 0)
    .map((r) => r.id);
}

/** Staff ids with at least the yearly 20 JP in `year`. */
async function trainedStaff(ctx: GraphQLContext, year: number): Promise<string[]> {
  const sums = await ctx.prisma.trainingRecord.groupBy({
    by: ['staffId'],
    where: { completedOn: yearRange(year) },
    _sum: { minutes: true },
  });
  return sums
    .filter((s) => roundJp((s._sum.minutes ?? 0) / JP_MINUTES) >= YEARLY_TRAINING_RIGHT_JP)
    .map((s) => s.staffId);
}

async function staffWhere(
  filter: StaffFilter | null | undefined,
  order: StaffOrder | null | undefined,
  ctx: GraphQLContext,
): Promise<Prisma.StaffWhereInput> {
  const f = filter ?? {};
  const and: Prisma.StaffWhereInput[] = [{ active: true }];
  if (f.unitCode) {
    const tree = await unitTree(ctx);
    const unit = tree.byCode.get(f.unitCode.trim().toUpperCase());
    if (!unit) return { id: { in: [] } };
    and.push(
      f.includeSubUnits === false ? { unitId: unit.id } : { unitId: { in: [...tree.subtree(unit.id)] } },
    );
  }
  const personalFilter =
    !!f.rank ||
    !!f.kind ||
    f.hasCompetencyGap != null ||
    f.trainingBelowRight != null ||
    (!!order && order.field !== 'NAME' && order.field !== 'UNIT');
  if (personalFilter) {
    const managed = await managedUnits(ctx);
    if (!managed) throw forbidden();
    if (managed !== 'ALL') and.push({ unitId: { in: [...managed] } });
  }
  if (f.rank) and.push({ rank: normaliseRank(f.rank) });
  if (f.kind) and.push({ kind: f.kind });
  if (f.hasCompetencyGap != null) {
    const ids = await staffWithGaps(ctx, { AND: and });
    and.push(f.hasCompetencyGap ? { id: { in: ids } } : { id: { notIn: ids } });
  }
  if (f.trainingBelowRight != null) {
    const ids = await trainedStaff(ctx, f.year ?? currentYearWib());
    and.push(f.trainingBelowRight ? { id: { notIn: ids } } : { id: { in: ids } });
  }
  return { AND: and };
}

function staffOrderBy(order: StaffOrder | null | undefined): Prisma.StaffOrderByWithRelationInput[] {
  const dir = order?.direction === 'DESC' ? 'desc' : 'asc';
  const tail: Prisma.StaffOrderByWithRelationInput[] = [{ name: 'asc' }, { id: 'asc' }];
  switch (order?.field) {
    case 'RANK':
      return [{ rankOrder: { sort: dir, nulls: 'last' } }, ...tail];
    case 'APPOINTMENT':
      return [{ appointment: { sort: dir, nulls: 'last' } }, ...tail];
    case 'UNIT':
      return [{ unit: { code: dir } }, ...tail];
    case 'NAME':
      return [{ name: dir }, { id: 'asc' }];
    default:
      return tail;
  }
}

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
