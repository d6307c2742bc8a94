// The staff reports' GraphQL types (issue 3): a unit's competency gaps, training compliance
// against the 20 JP yearly right, and training plans per person and per unit.
import { TRAINING_PLAN_EXPLANATION } from '@layanan/domain/staff';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../../graphql/builder.js';
import type { ObjectField, ObjectFields } from '../../../graphql/object-fields.js';
import type { CompetencyGapShape, CompetencyInfo } from '../queries/competency-gaps.js';
import { CompetencyGapRef, competencyFields } from './staff-types.js';

export type StaffSummary = { id: string; name: string };

export const StaffSummaryRef = builder.objectRef<StaffSummary>('StaffSummary').implement({
  description: 'A staff member in a report: the node id (use `staffMember`) and the name.',
  fields: (t) => ({
    id: t.id({
      description: 'The Staff node id (pass it to staffMember or trainingPlan).',
      resolve: (s) => encodeGlobalID('Staff', s.id),
    }),
    name: t.exposeString('name', { description: 'Full name as in the register.' }),
  }),
});

// ---- competency-gap report ----------------------------------------------------------------

export type GapRow = {
  competency: CompetencyInfo;
  peopleWithGap: number;
  totalGap: number;
  maxGap: number;
  staff: StaffSummary[];
};
export type GapReport = {
  unitCode: string;
  unitName: string;
  people: number;
  peopleWithGap: number;
  totalGap: number;
  competencies: GapRow[];
};

const GapRowRef = builder.objectRef<GapRow>('UnitCompetencyGap').implement({
  description: 'One competency in a unit’s gap report: who is below the level their position requires.',
  fields: (t) => ({
    ...competencyFields(t, (r) => r.competency),
    ...t.exposeFields('Int', {
      peopleWithGap: 'People below the required level, ≥ 1.',
      totalGap: 'Sum of level shortfalls: the training effort needed.',
      maxGap: 'The largest shortfall of one person, in levels (1–5).',
    }),
    staff: t.expose('staff', {
      type: [StaffSummaryRef],
      description: 'The people with the gap, by name.',
    }),
  }),
});

export const GapReportRef = builder.objectRef<GapReport>('UnitCompetencyGapReport').implement({
  description: "A unit's competency gaps against its positions' requirements, largest total gap first.",
  fields: (t) => ({
    ...t.exposeFields('String', {
      unitCode: 'The unit asked for (sub-units included unless excluded).',
      unitName: 'The unit’s name.',
    }),
    ...t.exposeFields('Int', {
      people: 'Active staff covered by the report.',
      peopleWithGap: 'People below a required level in any competency.',
      totalGap: 'Sum of all level shortfalls of all people.',
    }),
    competencies: t.expose('competencies', {
      type: [GapRowRef],
      description: 'One row per competency with a gap, largest total gap first.',
    }),
  }),
});

// ---- training compliance ------------------------------------------------------------------

export type UnitCompliance = {
  unitCode: string;
  unitName: string;
  people: number;
  compliant: number;
  complianceRate: number;
  totalJp: number;
  averageJp: number;
};
export type PersonCompliance = {
  staff: StaffSummary;
  unitCode: string;
  jp: number;
  shortfallJp: number;
  compliant: boolean;
};
export type ComplianceReport = {
  year: number;
  requiredJp: number;
  units: UnitCompliance[];
  staff: PersonCompliance[];
};

const UnitComplianceRef = builder.objectRef<UnitCompliance>('UnitTrainingCompliance').implement({
  description: 'One unit’s training in the year against the 20 JP yearly right (1 JP = 45 minutes).',
  fields: (t) => ({
    ...t.exposeFields('String', {
      unitCode: 'The unit’s code.',
      unitName: 'The unit’s name.',
    }),
    ...t.exposeFields('Int', {
      people: 'Active staff of the unit (this unit only, not its sub-units).',
      compliant: 'People with at least requiredJp JP in the year.',
    }),
    ...t.exposeFields('Float', {
      complianceRate: 'Share of people with ≥ 20 JP, 0–1.',
      totalJp: 'JP completed by the unit’s people in the year.',
      averageJp: 'totalJp / people, in JP.',
    }),
  }),
});

const PersonComplianceRef = builder.objectRef<PersonCompliance>('StaffTrainingCompliance').implement({
  description: 'One person’s training in the year against the 20 JP yearly right (1 JP = 45 minutes).',
  fields: (t) => ({
    staff: t.expose('staff', { type: StaffSummaryRef, description: 'The person.' }),
    unitCode: t.exposeString('unitCode', { description: 'The person’s unit code.' }),
    ...t.exposeFields('Float', {
      jp: 'JP completed in the year (minutes / 45), unrounded to 6 decimals.',
      shortfallJp: 'JP still missing to requiredJp; 0 when compliant.',
    }),
    compliant: t.exposeBoolean('compliant', { description: 'Whether jp ≥ requiredJp.' }),
  }),
});

export const ComplianceReportRef = builder.objectRef<ComplianceReport>('TrainingComplianceReport').implement({
  description: 'JP of training per person and unit against the 20 JP yearly right (PP 11/2017 as amended).',
  fields: (t) => ({
    year: t.exposeInt('year', {
      description: 'The calendar year reported (trainings completed in it, WIB days).',
    }),
    requiredJp: t.exposeFloat('requiredJp', { description: 'The yearly right in JP: 20.' }),
    units: t.expose('units', {
      type: [UnitComplianceRef],
      description: 'One row per unit, by unit code.',
    }),
    staff: t.expose('staff', {
      type: [PersonComplianceRef],
      description: 'One row per person, fewest JP first (then by name).',
    }),
  }),
});

// ---- training plans -----------------------------------------------------------------------

export type PlannedCourseShape = {
  code: string;
  name: string;
  jp: number;
  gapClosed: number;
  closes: { code: string; fromLevel: number; toLevel: number }[];
};
export type PlanShape = {
  staff: StaffSummary;
  gapBefore: number;
  gapClosed: number;
  totalJp: number;
  courses: PlannedCourseShape[];
  remainingGaps: CompetencyGapShape[];
};

const ClosedStepRef = builder
  .objectRef<{ code: string; fromLevel: number; toLevel: number }>('ClosedCompetencyStep')
  .implement({
    description: 'The part of one competency gap a planned course closes: from a level to a higher one.',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'The competency’s code in the catalogue.' }),
      ...t.exposeFields('Int', {
        fromLevel: 'The level before the course, 0–4 (0 = not held).',
        toLevel: 'The level after the course, 1–5.',
      }),
    }),
  });

/** A catalogue course as plans name it: code, name and length. */
function courseFields<Row extends { code: string; name: string; jp: number }>(
  t: ObjectFields<Row>,
): Record<'code' | 'name' | 'jp', ObjectField> {
  return {
    code: t.string({ description: 'The course’s code in the catalogue.', resolve: (c) => c.code }),
    name: t.string({ description: 'The course’s name.', resolve: (c) => c.name }),
    jp: t.float({ description: 'The course’s length in JP (1 JP = 45 minutes).', resolve: (c) => c.jp }),
  };
}

const PlannedCourseRef = builder.objectRef<PlannedCourseShape>('PlannedCourse').implement({
  description: 'A catalogue course proposed in a training plan, in the order it was chosen.',
  fields: (t) => ({
    ...courseFields(t),
    gapClosed: t.exposeInt('gapClosed', { description: 'Level steps this course closes for the person.' }),
    closes: t.expose('closes', {
      type: [ClosedStepRef],
      description: 'Which competencies it raises, and from which level to which.',
    }),
  }),
});

export const TrainingPlanRef = builder.objectRef<PlanShape>('TrainingPlan').implement({
  description: 'Courses proposed to close a person’s competency gaps.',
  fields: (t) => ({
    staff: t.expose('staff', {
      type: StaffSummaryRef,
      description: 'The person planned for.',
    }),
    ...t.exposeFields('Int', {
      gapBefore: 'Sum of the person’s level shortfalls before the plan.',
      gapClosed: 'Level steps the planned courses close together.',
    }),
    totalJp: t.exposeFloat('totalJp', { description: 'JP of all planned courses; within maxJp when given.' }),
    courses: t.expose('courses', {
      type: [PlannedCourseRef],
      description: 'The proposed courses in the order chosen; empty when nothing closes a gap.',
    }),
    remainingGaps: t.expose('remainingGaps', {
      type: [CompetencyGapRef],
      description: 'What no course in the catalogue (within the JP budget) closes.',
    }),
    explanation: t.string({
      description: 'How the plan was chosen (greedy, deterministic), in the caller’s language.',
      resolve: (_p, _a, ctx) => TRAINING_PLAN_EXPLANATION[ctx.lang],
    }),
  }),
});

export type UnitPlanShape = {
  unitCode: string;
  staff: PlanShape[];
  courses: { code: string; name: string; jp: number; attendees: StaffSummary[] }[];
};

const CourseAttendeesRef = builder.objectRef<UnitPlanShape['courses'][number]>('CourseAttendees').implement({
  description: 'A course of a unit training plan and the people whose plan includes it.',
  fields: (t) => ({
    ...courseFields(t),
    attendees: t.expose('attendees', {
      type: [StaffSummaryRef],
      description: 'Who should attend, by name.',
    }),
  }),
});

export const UnitTrainingPlanRef = builder.objectRef<UnitPlanShape>('UnitTrainingPlan').implement({
  description:
    'A training plan per person of a unit, and who should attend each course (most attendees first).',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode', { description: 'The unit asked for.' }),
    staff: t.expose('staff', {
      type: [TrainingPlanRef],
      description: 'One plan per active person of the unit (and sub-units unless excluded), by name.',
    }),
    courses: t.expose('courses', {
      type: [CourseAttendeesRef],
      description: 'Every planned course with its attendees, most attendees first.',
    }),
  }),
});
