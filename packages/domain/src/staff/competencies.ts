import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { COMPETENCY_ERROR_MESSAGES } from './messages.js';

/*
 * ASN competency standards (PermenPANRB 38/2017): three types — technical, managerial and
 * socio-cultural — each described in levels 1–5. A position requires competencies at a level;
 * a person holds competencies at a level; the gap is the difference.
 */
export const COMPETENCY_TYPES = ['TEKNIS', 'MANAJERIAL', 'SOSIAL_KULTURAL'] as const;
export type CompetencyType = (typeof COMPETENCY_TYPES)[number];

export const COMPETENCY_LEVELS = [1, 2, 3, 4, 5] as const;
export type CompetencyLevel = (typeof COMPETENCY_LEVELS)[number];

/** A competency at a level: required by a position, or held by a person. */
export type CompetencyAtLevel = {
  /** The competency's id or code in the catalogue, e.g. `PELAYANAN_PUBLIK`. */
  readonly competency: string;
  readonly level: number;
  readonly type?: CompetencyType;
};

export type CompetencyGap = {
  readonly competency: string;
  readonly type?: CompetencyType;
  readonly requiredLevel: number;
  /** 0 when the person does not hold the competency at all. */
  readonly heldLevel: number;
  /** `requiredLevel - heldLevel`, always > 0. */
  readonly gap: number;
};

const competencyError = errorFactory(COMPETENCY_ERROR_MESSAGES);

export function isCompetencyLevel(level: unknown): level is CompetencyLevel {
  return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 5;
}

/** Checks a level typed by a user (1–5). */
export function parseCompetencyLevel(
  level: unknown,
): Result<CompetencyLevel, DomainError<'COMPETENCY_LEVEL_INVALID'>> {
  return isCompetencyLevel(level)
    ? ok(level)
    : err(competencyError('COMPETENCY_LEVEL_INVALID', { value: level }));
}

export function parseCompetencyType(
  type: unknown,
): Result<CompetencyType, DomainError<'COMPETENCY_TYPE_INVALID'>> {
  const t =
    typeof type === 'string'
      ? type
          .trim()
          .toUpperCase()
          .replace(/[\s-]+/g, '_')
      : '';
  const found = COMPETENCY_TYPES.find((c) => c === t);
  return found ? ok(found) : err(competencyError('COMPETENCY_TYPE_INVALID', { value: type }));
}

/** Highest level per competency; an entry listed twice counts once, at its higher level. */
function byCompetency(entries: readonly CompetencyAtLevel[], what: string): Map<string, CompetencyAtLevel> {
  const map = new Map<string, CompetencyAtLevel>();
  for (const e of entries) {
    if (!isCompetencyLevel(e.level)) {
      throw new RangeError(`${what} level for ${e.competency} must be an integer 1–5, got ${e.level}`);
    }
    const prev = map.get(e.competency);
    if (!prev || e.level > prev.level) map.set(e.competency, e);
  }
  return map;
}

/**
 * The shortfall per required competency: only competencies where the held level is below the
 * required one, largest gap first (then by competency id, so the order is stable).
 * Levels outside 1–5 are stored-data bugs and throw `RangeError` (validate input with
 * `parseCompetencyLevel`).
 */
export function competencyGaps(
  required: readonly CompetencyAtLevel[],
  held: readonly CompetencyAtLevel[],
): CompetencyGap[] {
  const req = byCompetency(required, 'Required');
  const has = byCompetency(held, 'Held');
  const gaps: CompetencyGap[] = [];
  for (const [competency, r] of req) {
    const heldLevel = has.get(competency)?.level ?? 0;
    if (heldLevel >= r.level) continue;
    const type = r.type ?? has.get(competency)?.type;
    gaps.push({
      competency,
      ...(type ? { type } : {}),
      requiredLevel: r.level,
      heldLevel,
      gap: r.level - heldLevel,
    });
  }
  return gaps.sort(byGapThenId);
}

function byGapThenId(a: { gap: number; competency: string }, b: { gap: number; competency: string }): number {
  return b.gap - a.gap || (a.competency < b.competency ? -1 : a.competency > b.competency ? 1 : 0);
}

export type UnitMemberCompetencies = {
  readonly personId: string;
  readonly required: readonly CompetencyAtLevel[];
  readonly held: readonly CompetencyAtLevel[];
};

export type UnitCompetencyGap = {
  readonly competency: string;
  readonly type?: CompetencyType;
  /** How many people fall short on this competency. */
  readonly peopleWithGap: number;
  /** Sum of the level shortfalls: the training effort the competency needs. */
  readonly totalGap: number;
  readonly maxGap: number;
  readonly personIds: readonly string[];
};

export type UnitCompetencyGapReport = {
  readonly people: number;
  readonly peopleWithGap: number;
  readonly totalGap: number;
  /** Largest total gap first, then most people affected, then competency id. */
  readonly competencies: readonly UnitCompetencyGap[];
};

/** Aggregates the gaps of a unit's people and ranks competencies by the largest total gap. */
export function unitCompetencyGapReport(members: readonly UnitMemberCompetencies[]): UnitCompetencyGapReport {
  const acc = new Map<
    string,
    { type?: CompetencyType; totalGap: number; maxGap: number; personIds: string[] }
  >();
  let peopleWithGap = 0;
  let totalGap = 0;
  for (const m of members) {
    const gaps = competencyGaps(m.required, m.held);
    if (gaps.length > 0) peopleWithGap += 1;
    for (const g of gaps) {
      totalGap += g.gap;
      const a = acc.get(g.competency) ?? { totalGap: 0, maxGap: 0, personIds: [] };
      if (g.type && !a.type) a.type = g.type;
      a.totalGap += g.gap;
      a.maxGap = Math.max(a.maxGap, g.gap);
      a.personIds.push(m.personId);
      acc.set(g.competency, a);
    }
  }
  const competencies = [...acc].map(([competency, a]) => ({
    competency,
    ...(a.type ? { type: a.type } : {}),
    peopleWithGap: a.personIds.length,
    totalGap: a.totalGap,
    maxGap: a.maxGap,
    personIds: [...a.personIds].sort(),
  }));
  competencies.sort(
    (x, y) =>
      y.totalGap - x.totalGap ||
      y.peopleWithGap - x.peopleWithGap ||
      (x.competency < y.competency ? -1 : x.competency > y.competency ? 1 : 0),
  );
  return { people: members.length, peopleWithGap, totalGap, competencies };
}
