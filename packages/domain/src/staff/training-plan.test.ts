import { describe, expect, it } from 'vitest';
import { competencyGaps } from './competencies.js';
import { proposeTrainingPlan, proposeUnitTrainingPlan, type TrainingCourse } from './training-plan.js';

const catalogue: TrainingCourse[] = [
  { id: 'OSS-DASAR', jp: 8, covers: [{ competency: 'OSS', upToLevel: 2 }] },
  { id: 'OSS-LANJUT', jp: 16, covers: [{ competency: 'OSS', upToLevel: 4 }] },
  {
    id: 'PELAYANAN-PRIMA',
    jp: 12,
    covers: [
      { competency: 'PELAYANAN', upToLevel: 3 },
      { competency: 'KOMUNIKASI', upToLevel: 2 },
    ],
  },
  { id: 'KOMUNIKASI-1', jp: 4, covers: [{ competency: 'KOMUNIKASI', upToLevel: 3 }] },
  { id: 'ARSIP', jp: 6, covers: [{ competency: 'ARSIP', upToLevel: 5 }] },
];

const gaps = competencyGaps(
  [
    { competency: 'OSS', level: 3 },
    { competency: 'PELAYANAN', level: 3 },
    { competency: 'KOMUNIKASI', level: 3 },
  ],
  [
    { competency: 'OSS', level: 1 },
    { competency: 'PELAYANAN', level: 1 },
  ],
);

describe('proposeTrainingPlan', () => {
  it('picks the course closing most gap first, caps at the required level, and explains each step', () => {
    // gaps: OSS 1→3 (2), PELAYANAN 1→3 (2), KOMUNIKASI 0→3 (3): 7 in all
    const plan = proposeTrainingPlan(gaps, catalogue);
    expect(plan.gapBefore).toBe(7);
    expect(plan.courses.map((c) => c.courseId)).toEqual(['PELAYANAN-PRIMA', 'OSS-LANJUT', 'KOMUNIKASI-1']);
    expect(plan.courses[0]).toEqual({
      courseId: 'PELAYANAN-PRIMA',
      jp: 12,
      gapClosed: 4,
      closes: [
        { competency: 'KOMUNIKASI', fromLevel: 0, toLevel: 2 },
        { competency: 'PELAYANAN', fromLevel: 1, toLevel: 3 },
      ],
    });
    // OSS-LANJUT goes to level 4 but only 3 is required
    expect(plan.courses[1]?.closes).toEqual([{ competency: 'OSS', fromLevel: 1, toLevel: 3 }]);
    expect(plan.courses[2]?.closes).toEqual([{ competency: 'KOMUNIKASI', fromLevel: 2, toLevel: 3 }]);
    expect(plan.totalJp).toBe(32);
    expect(plan.gapClosed).toBe(7);
    expect(plan.remainingGaps).toEqual([]);
  });

  it('respects a JP budget and reports what remains', () => {
    const plan = proposeTrainingPlan(gaps, catalogue, { maxJp: 20 });
    // PELAYANAN-PRIMA (12) first; OSS-LANJUT (16) no longer fits; OSS-DASAR (8) closes 1 and
    // KOMUNIKASI-1 (4) closes 1: equal gain, fewer JP wins → KOMUNIKASI-1, then OSS-DASAR fits no more.
    expect(plan.courses.map((c) => c.courseId)).toEqual(['PELAYANAN-PRIMA', 'KOMUNIKASI-1']);
    expect(plan.totalJp).toBe(16);
    expect(plan.remainingGaps).toEqual([{ competency: 'OSS', requiredLevel: 3, heldLevel: 1, gap: 2 }]);
  });

  it('breaks ties by fewer JP, then by course id — the same input always gives the same plan', () => {
    const tie: TrainingCourse[] = [
      { id: 'B', jp: 4, covers: [{ competency: 'X', upToLevel: 1 }] },
      { id: 'A', jp: 4, covers: [{ competency: 'X', upToLevel: 1 }] },
      { id: 'C', jp: 2, covers: [{ competency: 'Y', upToLevel: 1 }] },
    ];
    const g = competencyGaps(
      [
        { competency: 'X', level: 1 },
        { competency: 'Y', level: 1 },
      ],
      [],
    );
    expect(proposeTrainingPlan(g, tie).courses.map((c) => c.courseId)).toEqual(['C', 'A']);
    expect(proposeTrainingPlan(g, [...tie].reverse()).courses.map((c) => c.courseId)).toEqual(['C', 'A']);
  });

  it('proposes nothing without gaps or without a useful course', () => {
    expect(proposeTrainingPlan([], catalogue).courses).toEqual([]);
    const g = competencyGaps([{ competency: 'GIS', level: 2 }], []);
    const plan = proposeTrainingPlan(g, catalogue);
    expect(plan.courses).toEqual([]);
    expect(plan.remainingGaps).toEqual(g);
  });
});

describe('proposeUnitTrainingPlan', () => {
  it('plans per person and lists attendees per course, most attended first', () => {
    const unit = proposeUnitTrainingPlan(
      [
        { personId: 'siti', gaps: competencyGaps([{ competency: 'OSS', level: 2 }], []) },
        {
          personId: 'andi',
          gaps: competencyGaps([{ competency: 'OSS', level: 2 }], [{ competency: 'OSS', level: 1 }]),
        },
        { personId: 'rina', gaps: competencyGaps([{ competency: 'ARSIP', level: 2 }], []) },
      ],
      catalogue,
    );
    expect(unit.persons.map((p) => p.personId)).toEqual(['andi', 'rina', 'siti']);
    expect(unit.courses).toEqual([
      { courseId: 'OSS-DASAR', personIds: ['andi', 'siti'] },
      { courseId: 'ARSIP', personIds: ['rina'] },
    ]);
  });
});
