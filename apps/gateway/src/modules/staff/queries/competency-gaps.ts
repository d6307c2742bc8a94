// Competency gaps of staff against their position's requirements, as the GraphQL types and
// reports show them: the rows to select, and the domain's competencyGaps over them.
import type { Prisma } from '@layanan/db';
import { type CompetencyGap, type CompetencyType, competencyGaps } from '@layanan/domain/staff';
import type { GraphQLContext } from '../../../app/context.js';

export type CompetencyInfo = { code: string; name: string; type: CompetencyType };

export const requirementsSelect = {
  requirements: { select: { level: true, competency: { select: { code: true, name: true, type: true } } } },
} as const;

export const holdingsSelect = {
  competencies: {
    select: { level: true, competency: { select: { code: true, name: true, type: true } } },
  },
} as const;

type HoldingRow = {
  level: number;
  competency: CompetencyInfo;
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

export type CompetencyGapShape = {
  code: string;
  name: string;
  type: CompetencyType;
  requiredLevel: number;
  heldLevel: number;
  gap: number;
};

/** The rows a staff report needs of each member: holdings and the position's requirements. */
export const memberSelect = {
  id: true,
  name: true,
  unitId: true,
  ...holdingsSelect,
  positionRef: { select: requirementsSelect },
} as const satisfies Prisma.StaffSelect;

export async function loadMembers(ctx: Pick<GraphQLContext, 'prisma'>, unitIds: readonly string[]) {
  return ctx.prisma.staff.findMany({
    where: { active: true, unitId: { in: [...unitIds] } },
    select: memberSelect,
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

export type Member = Awaited<ReturnType<typeof loadMembers>>[number];

/** A member's gaps in the domain's shape, and the names of the competencies involved. */
export function memberGaps(m: Member): { gaps: CompetencyGap[]; info: Map<string, CompetencyInfo> } {
  const required = m.positionRef?.requirements ?? [];
  const info = new Map<string, CompetencyInfo>(
    [...required, ...m.competencies].map((r) => [r.competency.code, r.competency]),
  );
  const gaps = gapsOf(m.competencies, required).map((g) => ({
    competency: g.code,
    type: g.type,
    requiredLevel: g.requiredLevel,
    heldLevel: g.heldLevel,
    gap: g.gap,
  }));
  return { gaps, info };
}
