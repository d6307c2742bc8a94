// Staff search (issue 3): the filter and order of `staffMembers` as Prisma arguments. Filters on
// personal data are for supervisors (their units) and admins.
import type { Prisma } from '@layanan/db';
import { anyStaffRank, COUNTED_TRAINING_STATUS, meetsYearlyTrainingRight } from '@layanan/domain/staff';
import type { GraphQLContext } from '../../../app/context.js';
import { badInput, currentYearWib, forbidden, managedUnits, unitTree } from '../access.js';
import { gapsOf, holdingsSelect, requirementsSelect } from './competency-gaps.js';

/** A calendar year as a `@db.Date` range. */
export function yearRange(year: number): { gte: Date; lt: Date } {
  return { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) };
}

export type StaffFilter = {
  search?: string | null;
  unitCode?: string | null;
  includeSubUnits?: boolean | null;
  rank?: string | null;
  kind?: 'PNS' | 'PPPK' | null;
  hasCompetencyGap?: boolean | null;
  trainingBelowRight?: boolean | null;
  year?: number | null;
};

export type StaffOrder = {
  field: 'NAME' | 'RANK' | 'APPOINTMENT' | 'UNIT';
  direction?: 'ASC' | 'DESC' | null;
};

function normaliseRank(input: string): string {
  const rank = anyStaffRank(input);
  if (rank.ok) return rank.value;
  throw badInput(rank.error.message.id, rank.error.message.en, rank.error.code);
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
    where: { completedOn: yearRange(year), status: COUNTED_TRAINING_STATUS },
    _sum: { minutes: true },
  });
  return sums.filter((s) => meetsYearlyTrainingRight(s._sum.minutes ?? 0)).map((s) => s.staffId);
}

export async function staffWhere(
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
  // Digits search the NIP (personal data); anything else the name (public).
  const search = f.search?.trim() ?? '';
  const nipDigits = /^[\d\s]+$/.test(search) ? search.replace(/\s+/g, '') : null;
  const personalFilter =
    nipDigits !== null ||
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
  if (nipDigits !== null) and.push({ nip: { contains: nipDigits } });
  else if (search) and.push({ name: { contains: search, mode: 'insensitive' } });
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

export function staffOrderBy(order: StaffOrder | null | undefined): Prisma.StaffOrderByWithRelationInput[] {
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
