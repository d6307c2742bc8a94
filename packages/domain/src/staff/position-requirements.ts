// What a position (jabatan) requires: each competency at most once, at a level 1–5
// (PermenPANRB 38/2017 on ASN competency standards).
import { err, ok, type Result } from '../result.js';
import { type CompetencyLevel, parseCompetencyLevel } from './competencies.js';
import { onField, requiredField, STAFF_FIELD_LABELS, type StaffFieldError } from './field-checks.js';

export type PositionRequirementsInput = {
  readonly positionCode: string;
  /** Required when the position is new. */
  readonly name?: string | null | undefined;
  readonly requirements: readonly { readonly competencyCode: string; readonly level: number }[];
};

export type PositionRequirements = {
  /** Upper-case, trimmed. */
  readonly code: string;
  /** The new name, or undefined to keep the current one. */
  readonly name: string | undefined;
  readonly requirements: readonly { readonly competencyCode: string; readonly level: CompetencyLevel }[];
};

/**
 * Checks a position and its requirements. `exists` says whether the position is already in the
 * catalogue. Field errors, all at once: `REQUIRED` on `positionCode` or (new position) `name`,
 * `DUPLICATE` on `requirements[i].competencyCode`, `COMPETENCY_LEVEL_INVALID` on
 * `requirements[i].level`. Whether each competency exists is the caller's look-up.
 */
export function validatePositionRequirements(
  input: PositionRequirementsInput,
  context: { readonly exists: boolean },
): Result<PositionRequirements, readonly StaffFieldError[]> {
  const problems: StaffFieldError[] = [];
  const code = input.positionCode.trim().toUpperCase();
  if (!code) problems.push(requiredField('positionCode', STAFF_FIELD_LABELS.positionCode));
  const name = input.name?.trim() || undefined;
  if (!context.exists && !name) problems.push(requiredField('name', STAFF_FIELD_LABELS.positionName));
  const seen = new Set<string>();
  const requirements = input.requirements.map((r, i) => {
    const competencyCode = r.competencyCode.trim().toUpperCase();
    if (seen.has(competencyCode)) {
      problems.push({
        field: `requirements[${i}].competencyCode`,
        code: 'DUPLICATE',
        message: {
          id: `Kompetensi ${competencyCode} disebut lebih dari sekali.`,
          en: `Competency ${competencyCode} is listed more than once.`,
        },
      });
    }
    seen.add(competencyCode);
    const level = parseCompetencyLevel(r.level);
    if (!level.ok) problems.push(onField(`requirements[${i}].level`, level.error));
    return { competencyCode, level: r.level as CompetencyLevel };
  });
  if (problems.length > 0) return err(problems);
  return ok({ code, name, requirements });
}
