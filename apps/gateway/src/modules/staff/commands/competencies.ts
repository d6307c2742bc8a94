// Competency holdings and position requirements (issue 3, PermenPANRB 38/2017).
import {
  appendCompetencyAssessment,
  checkNotOwnPosition,
  checkNotSelf,
  parseCompetencyLevel,
  validatePositionRequirements,
} from '@layanan/domain/staff';
import { NotFoundError } from '../../../graphql/errors.js';
import { failure, invalidFields } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { requireAdmin } from '../access.js';
import { actorOf, loadManagedStaff, normaliseCode } from './load.js';

export type SetCompetencyHoldingInput = { staffId: string; competencyCode: string; level: number };

/**
 * Sets the level (1–5) at which a person holds a competency: admins and supervisors of the unit
 * tree, never for themselves (STAFF_SELF_CHANGE). The assessment is appended to the person's
 * competency history (append-only, issue 16 kinds 8 and 14) and the current level follows it;
 * the level already held changes nothing.
 */
export async function setCompetencyHolding(
  deps: CommandDeps,
  caller: Caller,
  input: SetCompetencyHoldingInput,
): Promise<{ staffId: string }> {
  const scope = auditScope(deps, caller);
  return audited(scope, { action: 'setCompetencyHolding', entityType: 'StaffCompetency' }, async (tx) => {
    const staff = await loadManagedStaff(tx, caller, input.staffId);
    const notSelf = checkNotSelf(await actorOf(tx, caller), staff.id);
    if (!notSelf.ok) throw failure(notSelf.error);
    const level = parseCompetencyLevel(input.level);
    if (!level.ok) throw failure(level.error, { field: 'level' });
    const code = normaliseCode(input.competencyCode);
    const competency = await tx.competency.findUnique({ where: { code } });
    if (!competency) throw new NotFoundError('Competency', code);
    const held = { staffId: staff.id, competencyId: competency.id };
    // Serialises two assessments of one holding: each sees the other's entry as the one before.
    await tx.$queryRaw`SELECT id FROM staff WHERE id = ${staff.id}::uuid FOR UPDATE`;
    const before = await tx.staffCompetency.findUnique({ where: { staffId_competencyId: held } });
    const history = await tx.competencyAssessment.findMany({
      where: held,
      select: { level: true, previousLevel: true, assessedAt: true },
    });
    const now = deps.now();
    const next = appendCompetencyAssessment(
      history,
      before && { level: before.level, since: before.assessedAt },
      level.value,
      now,
    );
    const assessedByAccountId = caller.kind === 'account' ? caller.accountId : null;
    // A level adopted from before the history existed was not assessed by this caller.
    for (const entry of next.append) {
      await tx.competencyAssessment.create({
        data: {
          ...held,
          ...entry,
          assessedByAccountId: entry.assessedAt === now ? assessedByAccountId : null,
        },
      });
    }
    if (before?.level !== next.current) {
      await tx.staffCompetency.upsert({
        where: { staffId_competencyId: held },
        create: { ...held, level: next.current, assessedAt: now },
        update: { level: next.current, assessedAt: now },
      });
    }
    return {
      result: { staffId: staff.id },
      entityId: staff.id,
      before: before && { competency: code, level: before.level },
      after: { competency: code, level: next.current },
    };
  });
}

export type SetPositionRequirementsInput = {
  positionCode: string;
  /** Required when the position is new. */
  name?: string | null;
  requirements: readonly { competencyCode: string; level: number }[];
};

type Requirement = { competencyCode: string; level: number };
const summary = (rs: readonly Requirement[]) =>
  Object.fromEntries(rs.map((r) => [r.competencyCode, r.level]));

/**
 * Creates a position or replaces the competencies (and levels) it requires: admins, never for
 * the position they hold themselves (STAFF_OWN_POSITION_REQUIREMENTS).
 */
export async function setPositionRequirements(
  deps: CommandDeps,
  caller: Caller,
  input: SetPositionRequirementsInput,
): Promise<{ positionId: string }> {
  requireAdmin(caller);
  const scope = auditScope(deps, caller);
  return audited(scope, { action: 'setPositionRequirements', entityType: 'Position' }, async (tx) => {
    const code = normaliseCode(input.positionCode);
    const existing = code
      ? await tx.position.findUnique({
          where: { code },
          include: { requirements: { include: { competency: true } } },
        })
      : null;
    const notOwn = checkNotOwnPosition(await actorOf(tx, caller), existing?.id ?? null);
    if (!notOwn.ok) throw failure(notOwn.error);
    const checked = validatePositionRequirements(input, { exists: !!existing });
    if (!checked.ok) throw invalidFields(checked.error);
    const { name, requirements } = checked.value;
    const wanted = requirements.map((r) => r.competencyCode);
    const competencies = await tx.competency.findMany({ where: { code: { in: wanted } } });
    const idOf = new Map(competencies.map((c) => [c.code, c.id]));
    const missing = wanted.find((c) => !idOf.has(c));
    if (missing) throw new NotFoundError('Competency', missing);
    const position = existing
      ? await tx.position.update({ where: { id: existing.id }, data: name ? { name } : {} })
      : await tx.position.create({ data: { code, name: name as string } });
    await tx.positionRequirement.deleteMany({ where: { positionId: position.id } });
    await tx.positionRequirement.createMany({
      data: requirements.map((r) => ({
        positionId: position.id,
        competencyId: idOf.get(r.competencyCode) as string,
        level: r.level,
      })),
    });
    return {
      result: { positionId: position.id },
      entityId: position.id,
      before: existing && {
        code,
        name: existing.name,
        requirements: summary(
          existing.requirements.map((r) => ({ competencyCode: r.competency.code, level: r.level })),
        ),
      },
      after: { code, name: position.name, requirements: summary(requirements) },
    };
  });
}
