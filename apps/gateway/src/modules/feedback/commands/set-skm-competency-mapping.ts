// Set which competencies an SKM element depends on (replaces the list); admins (the GraphQL
// field's scope). Unknown competency codes are refused by position.
import { reasonProblem } from '@layanan/domain';
import { competencyCodesOf, type SkmElementCode, skmCompetencyMapping } from '@layanan/domain/feedback';
import { invalidFields } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';

export async function setSkmCompetencyMapping(
  deps: CommandDeps,
  caller: Caller,
  input: { element: SkmElementCode; competencyCodes: readonly string[]; note?: string | null },
) {
  const found = await deps.prisma.competency.findMany({
    where: { code: { in: competencyCodesOf(input.competencyCodes) } },
  });
  const mapping = skmCompetencyMapping(input.competencyCodes, new Set(found.map((c) => c.code)));
  if (!mapping.ok) throw invalidFields(mapping.error);
  const noteProblem = reasonProblem('note', input.note);
  if (noteProblem) throw invalidFields([noteProblem]);
  const { element } = input;
  return audited(
    auditScope(deps, caller),
    { action: 'setSkmCompetencyMapping', entityType: 'SkmCompetencyMapping' },
    async (tx) => {
      const before = await tx.skmCompetencyMapping.findMany({
        where: { element },
        include: { competency: true },
      });
      await tx.skmCompetencyMapping.deleteMany({ where: { element } });
      await tx.skmCompetencyMapping.createMany({
        data: found.map((c) => ({ element, competencyId: c.id, note: input.note?.trim() ?? '' })),
      });
      const rows = await tx.skmCompetencyMapping.findMany({
        where: { element },
        include: { competency: true },
        orderBy: { competency: { code: 'asc' } },
      });
      return {
        result: rows,
        entityId: element,
        before: { element, competencies: before.map((b) => b.competency.code) },
        after: { element, competencies: rows.map((r) => r.competency.code) },
      };
    },
  );
}
