// The staff reports' GraphQL types (issue 3): a unit's competency gaps, training compliance
// against the 20 JP yearly right, and training plans per person and per unit.
import { TRAINING_PLAN_EXPLANATION } from '@layanan/domain/staff';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../../graphql/builder.js';
import type { CompetencyGapShape, CompetencyInfo } from '../queries/competency-gaps.js';
import { CompetencyGapRef, CompetencyTypeEnum } from './staff-types.js';

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
    code: t.string({
      description: 'The competency’s code in the catalogue.',
      resolve: (r) => r.competency.code,
    }),
    name: t.string({
      description: 'The competency’s name in the catalogue.',
      resolve: (r) => r.competency.name,
    }),
    type: t.field({
      type: CompetencyTypeEnum,
      description: 'Technical, managerial or socio-cultural (PermenPANRB 38/2017).',
      resolve: (r) => r.competency.type,
    }),
    peopleWithGap: t.exposeInt('peopleWithGap', { description: 'People below the required level, ≥ 1.' }),
    totalGap: t.exposeInt('totalGap', {
      description: 'Sum of level shortfalls: the training effort needed.',
    }),
    maxGap: t.exposeInt('maxGap', { description: 'The largest shortfall of one person, in levels (1–5).' }),
    staff: t.field({
      type: [StaffSummaryRef],
      description: 'The people with the gap, by name.',
      resolve: (r) => r.staff,
    }),
  }),
});

export const GapReportRef = builder.objectRef<GapReport>('UnitCompetencyGapReport').implement({
  description: "A unit's competency gaps against its positions' requirements, largest total gap first.",
  fields: (t) => ({
    unitCode: t.exposeString('unitCode', {
      description: 'The unit asked for (sub-units included unless excluded).',
    }),
    unitName: t.exposeString('unitName', { description: 'The unit’s name.' }),
    people: t.exposeInt('people', { description: 'Active staff covered by the report.' }),
    peopleWithGap: t.exposeInt('peopleWithGap', {
      description: 'People below a required level in any competency.',
    }),
    totalGap: t.exposeInt('totalGap', { description: 'Sum of all level shortfalls of all people.' }),
    competencies: t.field({
      type: [GapRowRef],
      description: 'One row per competency with a gap, largest total gap first.',
      resolve: (r) => r.competencies,
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
    unitCode: t.exposeString('unitCode', { description: 'The unit’s code.' }),
    unitName: t.exposeString('unitName', { description: 'The unit’s name.' }),
    people: t.exposeInt('people', {
      description: 'Active staff of the unit (this unit only, not its sub-units).',
    }),
    compliant: t.exposeInt('compliant', { description: 'People with at least requiredJp JP in the year.' }),
    complianceRate: t.exposeFloat('complianceRate', { description: 'Share of people with ≥ 20 JP, 0–1.' }),
    totalJp: t.exposeFloat('totalJp', { description: 'JP completed by the unit’s people in the year.' }),
    averageJp: t.exposeFloat('averageJp', { description: 'totalJp / people, in JP.' }),
  }),
});

const PersonComplianceRef = builder.objectRef<PersonCompliance>('StaffTrainingCompliance').implement({
  description: 'One person’s training in the year against the 20 JP yearly right (1 JP = 45 minutes).',
  fields: (t) => ({
    staff: t.field({ type: StaffSummaryRef, description: 'The person.', resolve: (p) => p.staff }),
    unitCode: t.exposeString('unitCode', { description: 'The person’s unit code.' }),
    jp: t.exposeFloat('jp', {
      description: 'JP completed in the year (minutes / 45), unrounded to 6 decimals.',
    }),
    shortfallJp: t.exposeFloat('shortfallJp', {
      description: 'JP still missing to requiredJp; 0 when compliant.',
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
    units: t.field({
      type: [UnitComplianceRef],
      description: 'One row per unit, by unit code.',
      resolve: (r) => r.units,
    }),
    staff: t.field({
      type: [PersonComplianceRef],
      description: 'One row per person, fewest JP first (then by name).',
      resolve: (r) => r.staff,
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
      fromLevel: t.exposeInt('fromLevel', {
        description: 'The level before the course, 0–4 (0 = not held).',
      }),
      toLevel: t.exposeInt('toLevel', { description: 'The level after the course, 1–5.' }),
    }),
  });

const PlannedCourseRef = builder.objectRef<PlannedCourseShape>('PlannedCourse').implement({
  description: 'A catalogue course proposed in a training plan, in the order it was chosen.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'The course’s code in the catalogue.' }),
    name: t.exposeString('name', { description: 'The course’s name.' }),
    jp: t.exposeFloat('jp', { description: 'The course’s length in JP (1 JP = 45 minutes).' }),
    gapClosed: t.exposeInt('gapClosed', { description: 'Level steps this course closes for the person.' }),
    closes: t.field({
      type: [ClosedStepRef],
      description: 'Which competencies it raises, and from which level to which.',
      resolve: (c) => c.closes,
    }),
  }),
});

export const TrainingPlanRef = builder.objectRef<PlanShape>('TrainingPlan').implement({
  description: 'Courses proposed to close a person’s competency gaps.',
  fields: (t) => ({
    staff: t.field({
      type: StaffSummaryRef,
      description: 'The person planned for.',
      resolve: (p) => p.staff,
    }),
    gapBefore: t.exposeInt('gapBefore', {
      description: 'Sum of the person’s level shortfalls before the plan.',
    }),
    gapClosed: t.exposeInt('gapClosed', { description: 'Level steps the planned courses close together.' }),
    totalJp: t.exposeFloat('totalJp', { description: 'JP of all planned courses; within maxJp when given.' }),
    courses: t.field({
      type: [PlannedCourseRef],
      description: 'The proposed courses in the order chosen; empty when nothing closes a gap.',
      resolve: (p) => p.courses,
    }),
    remainingGaps: t.field({
      type: [CompetencyGapRef],
      description: 'What no course in the catalogue (within the JP budget) closes.',
      resolve: (p) => p.remainingGaps,
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
    code: t.exposeString('code', { description: 'The course’s code in the catalogue.' }),
    name: t.exposeString('name', { description: 'The course’s name.' }),
    jp: t.exposeFloat('jp', { description: 'The course’s length in JP (1 JP = 45 minutes).' }),
    attendees: t.field({
      type: [StaffSummaryRef],
      description: 'Who should attend, by name.',
      resolve: (c) => c.attendees,
    }),
  }),
});

export const UnitTrainingPlanRef = builder.objectRef<UnitPlanShape>('UnitTrainingPlan').implement({
  description:
    'A training plan per person of a unit, and who should attend each course (most attendees first).',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode', { description: 'The unit asked for.' }),
    staff: t.field({
      type: [TrainingPlanRef],
      description: 'One plan per active person of the unit (and sub-units unless excluded), by name.',
      resolve: (p) => p.staff,
    }),
    courses: t.field({
      type: [CourseAttendeesRef],
      description: 'Every planned course with its attendees, most attendees first.',
      resolve: (p) => p.courses,
    }),
  }),
});
