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

/**
 * A person's holdings and their position's requirements in the domain's terms, and the catalogue
 * entries (name, type) of the competencies they name, by code.
 */
export function competenciesOf(held: readonly HoldingRow[], required: readonly RequirementRow[]) {
  return {
    required: required.map((r) => ({
      competency: r.competency.code,
      level: r.level,
      type: r.competency.type,
    })),
    held: held.map((h) => ({ competency: h.competency.code, level: h.level })),
    info: new Map<string, CompetencyInfo>(
      [...required, ...held].map((r) => [r.competency.code, r.competency]),
    ),
  };
}

/** A domain gap as the GraphQL types show it, with the competency's name and type. */
export function gapShape(g: CompetencyGap, info: ReadonlyMap<string, CompetencyInfo>): CompetencyGapShape {
  const c = info.get(g.competency);
  return {
    code: g.competency,
    name: c?.name ?? g.competency,
    type: c?.type ?? g.type ?? 'TEKNIS',
    requiredLevel: g.requiredLevel,
    heldLevel: g.heldLevel,
    gap: g.gap,
  };
}

export function gapsOf(
  held: readonly HoldingRow[],
  required: readonly RequirementRow[],
): CompetencyGapShape[] {
  const c = competenciesOf(held, required);
  return competencyGaps(c.required, c.held).map((g) => gapShape(g, c.info));
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
  const c = competenciesOf(m.competencies, m.positionRef?.requirements ?? []);
  return { gaps: competencyGaps(c.required, c.held), info: c.info };
}
