import type { Message } from '../errors.js';
import type { CompetencyGap } from './competencies.js';

/** A course in the training catalogue: it brings each listed competency up to a level. */
export type TrainingCourse = {
  readonly id: string;
  readonly jp: number;
  readonly covers: readonly { readonly competency: string; readonly upToLevel: number }[];
};

export type PlannedCourse = {
  readonly courseId: string;
  readonly jp: number;
  /** Level steps this course closes, e.g. OSS 1 → 3. */
  readonly closes: readonly {
    readonly competency: string;
    readonly fromLevel: number;
    readonly toLevel: number;
  }[];
  readonly gapClosed: number;
};

export type TrainingPlan = {
  readonly courses: readonly PlannedCourse[];
  readonly totalJp: number;
  readonly gapBefore: number;
  readonly gapClosed: number;
  /** What no affordable course in the catalogue closes. */
  readonly remainingGaps: readonly CompetencyGap[];
};

export type TrainingPlanOptions = {
  /** Stop before the plan exceeds this many JP (e.g. the 20 JP yearly right). Default: no limit. */
  readonly maxJp?: number;
};

/**
 * Proposes courses for one person's competency gaps (from `competencyGaps`).
 *
 * Greedy and deterministic: repeatedly take the course that closes the most remaining level
 * steps (a course raises each covered competency to `min(upToLevel, required level)`); among
 * equals the one with fewer JP, then the smaller course id. Stop when no course that still fits
 * the JP budget closes anything. Greedy is not always optimal under a tight budget, but it is
 * predictable, and a supervisor can read why each course was chosen.
 */
export function proposeTrainingPlan(
  gaps: readonly CompetencyGap[],
  catalogue: readonly TrainingCourse[],
  options: TrainingPlanOptions = {},
): TrainingPlan {
  const level = new Map<string, number>();
  const target = new Map<string, number>();
  for (const g of gaps) {
    level.set(g.competency, g.heldLevel);
    target.set(g.competency, Math.max(target.get(g.competency) ?? 0, g.requiredLevel));
  }
  for (const c of catalogue) {
    if (!Number.isFinite(c.jp) || c.jp < 0) throw new RangeError(`Course ${c.id} has invalid JP ${c.jp}`);
  }
  const gapBefore = sumGap(level, target);
  const budget = options.maxJp ?? Number.POSITIVE_INFINITY;
  const chosen: PlannedCourse[] = [];
  const used = new Set<string>();
  let totalJp = 0;

  for (;;) {
    let best: PlannedCourse | undefined;
    for (const course of catalogue) {
      if (used.has(course.id) || totalJp + course.jp > budget) continue;
      const candidate = evaluate(course, level, target);
      if (candidate.gapClosed === 0) continue;
      if (
        !best ||
        candidate.gapClosed > best.gapClosed ||
        (candidate.gapClosed === best.gapClosed &&
          (candidate.jp < best.jp || (candidate.jp === best.jp && candidate.courseId < best.courseId)))
      ) {
        best = candidate;
      }
    }
    if (!best) break;
    chosen.push(best);
    used.add(best.courseId);
    totalJp += best.jp;
    for (const step of best.closes) level.set(step.competency, step.toLevel);
  }

  const remainingGaps = gaps
    .filter((g) => (level.get(g.competency) ?? 0) < g.requiredLevel)
    .map((g) => {
      const heldLevel = level.get(g.competency) ?? 0;
      return { ...g, heldLevel, gap: g.requiredLevel - heldLevel };
    });
  return { courses: chosen, totalJp, gapBefore, gapClosed: gapBefore - sumGap(level, target), remainingGaps };
}

function evaluate(
  course: TrainingCourse,
  level: Map<string, number>,
  target: Map<string, number>,
): PlannedCourse {
  const best = new Map<string, number>();
  for (const c of course.covers) best.set(c.competency, Math.max(best.get(c.competency) ?? 0, c.upToLevel));
  const closes: { competency: string; fromLevel: number; toLevel: number }[] = [];
  let gapClosed = 0;
  for (const [competency, upTo] of [...best].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const goal = target.get(competency);
    const from = level.get(competency);
    if (goal === undefined || from === undefined) continue;
    const to = Math.min(upTo, goal);
    if (to <= from) continue;
    closes.push({ competency, fromLevel: from, toLevel: to });
    gapClosed += to - from;
  }
  return { courseId: course.id, jp: course.jp, closes, gapClosed };
}

function sumGap(level: Map<string, number>, target: Map<string, number>): number {
  let s = 0;
  for (const [c, t] of target) s += Math.max(0, t - (level.get(c) ?? 0));
  return s;
}

export type UnitTrainingPlan = {
  readonly persons: readonly { readonly personId: string; readonly plan: TrainingPlan }[];
  /** Per course, who should attend: "train 4 staff of DPMPTSP in …". Most attendees first. */
  readonly courses: readonly { readonly courseId: string; readonly personIds: readonly string[] }[];
};

/** `proposeTrainingPlan` for every member of a unit, plus the attendee list per course. */
export function proposeUnitTrainingPlan(
  members: readonly { readonly personId: string; readonly gaps: readonly CompetencyGap[] }[],
  catalogue: readonly TrainingCourse[],
  options: TrainingPlanOptions = {},
): UnitTrainingPlan {
  const persons = [...members]
    .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0))
    .map((m) => ({ personId: m.personId, plan: proposeTrainingPlan(m.gaps, catalogue, options) }));
  const attendees = new Map<string, string[]>();
  for (const p of persons) {
    for (const c of p.plan.courses)
      attendees.set(c.courseId, [...(attendees.get(c.courseId) ?? []), p.personId]);
  }
  const courses = [...attendees]
    .map(([courseId, personIds]) => ({ courseId, personIds }))
    .sort((a, b) => b.personIds.length - a.personIds.length || (a.courseId < b.courseId ? -1 : 1));
  return { persons, courses };
}

/** How `proposeTrainingPlan` chooses, in words for the people reading a plan. */
export const TRAINING_PLAN_EXPLANATION = {
  id: 'Rencana disusun serakah dan deterministik: berulang kali dipilih kursus yang menutup langkah level kesenjangan terbanyak; bila sama, yang JP-nya lebih sedikit, lalu kode terkecil; berhenti bila tidak ada kursus dalam batas JP yang masih menutup kesenjangan.',
  en: 'Greedy and deterministic: repeatedly pick the course that closes the most remaining level steps; on a tie the one with fewer JP, then the smaller code; stop when no course within the JP budget closes anything.',
} as const satisfies Message;
