// The competency history (riwayat kompetensi, as SIASN keeps it) is append-only like the rank
// history (issue 16 kinds 8 and 14): each assessment of the level at which a person holds a
// competency is a new entry, and no entry is ever rewritten. The current level is read from the
// history: the latest assessment.
import type { CompetencyLevel } from './competencies.js';

/** An assessment as stored: level 1–5, the level before it (null for the first), when it was made. */
export type CompetencyAssessmentEntry = {
  readonly level: number;
  readonly previousLevel: number | null;
  readonly assessedAt: Date;
};

/** The current level: that of the latest assessment by `assessedAt`, or null for an empty history. */
export function currentCompetencyLevel(history: readonly CompetencyAssessmentEntry[]): number | null {
  let latest: CompetencyAssessmentEntry | null = null;
  for (const e of history) if (!latest || latest.assessedAt.getTime() <= e.assessedAt.getTime()) latest = e;
  return latest?.level ?? null;
}

/**
 * Records a new assessment in an append-only history and returns the entries to insert, oldest
 * first, with the current level after them. `held` is the level on record before the history
 * existed (a holding imported, seeded or migrated without assessments): it becomes the first
 * entry, dated `heldSince`, so the earlier level is never lost. An assessment at the level already
 * held appends nothing (a retried write changes nothing).
 */
export function appendCompetencyAssessment(
  history: readonly CompetencyAssessmentEntry[],
  held: { readonly level: number; readonly since: Date } | null,
  level: CompetencyLevel,
  assessedAt: Date,
): { readonly append: readonly CompetencyAssessmentEntry[]; readonly current: number } {
  const adopted: CompetencyAssessmentEntry[] =
    history.length === 0 && held ? [{ level: held.level, previousLevel: null, assessedAt: held.since }] : [];
  const before = currentCompetencyLevel([...history, ...adopted]);
  if (before === level) return { append: adopted, current: level };
  return { append: [...adopted, { level, previousLevel: before, assessedAt }], current: level };
}
