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
    id: t.id({ resolve: (s) => encodeGlobalID('Staff', s.id) }),
    name: t.exposeString('name'),
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
  fields: (t) => ({
    code: t.string({ resolve: (r) => r.competency.code }),
    name: t.string({ resolve: (r) => r.competency.name }),
    type: t.field({ type: CompetencyTypeEnum, resolve: (r) => r.competency.type }),
    peopleWithGap: t.exposeInt('peopleWithGap'),
    totalGap: t.exposeInt('totalGap', {
      description: 'Sum of level shortfalls: the training effort needed.',
    }),
    maxGap: t.exposeInt('maxGap'),
    staff: t.field({ type: [StaffSummaryRef], resolve: (r) => r.staff }),
  }),
});

export const GapReportRef = builder.objectRef<GapReport>('UnitCompetencyGapReport').implement({
  description: "A unit's competency gaps against its positions' requirements, largest total gap first.",
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    people: t.exposeInt('people'),
    peopleWithGap: t.exposeInt('peopleWithGap'),
    totalGap: t.exposeInt('totalGap'),
    competencies: t.field({ type: [GapRowRef], resolve: (r) => r.competencies }),
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
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    unitName: t.exposeString('unitName'),
    people: t.exposeInt('people'),
    compliant: t.exposeInt('compliant'),
    complianceRate: t.exposeFloat('complianceRate', { description: 'Share of people with ≥ 20 JP, 0–1.' }),
    totalJp: t.exposeFloat('totalJp'),
    averageJp: t.exposeFloat('averageJp'),
  }),
});

const PersonComplianceRef = builder.objectRef<PersonCompliance>('StaffTrainingCompliance').implement({
  fields: (t) => ({
    staff: t.field({ type: StaffSummaryRef, resolve: (p) => p.staff }),
    unitCode: t.exposeString('unitCode'),
    jp: t.exposeFloat('jp'),
    shortfallJp: t.exposeFloat('shortfallJp'),
    compliant: t.exposeBoolean('compliant'),
  }),
});

export const ComplianceReportRef = builder.objectRef<ComplianceReport>('TrainingComplianceReport').implement({
  description: 'JP of training per person and unit against the 20 JP yearly right (PP 11/2017 as amended).',
  fields: (t) => ({
    year: t.exposeInt('year'),
    requiredJp: t.exposeFloat('requiredJp'),
    units: t.field({ type: [UnitComplianceRef], resolve: (r) => r.units }),
    staff: t.field({ type: [PersonComplianceRef], resolve: (r) => r.staff }),
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
    fields: (t) => ({
      code: t.exposeString('code'),
      fromLevel: t.exposeInt('fromLevel'),
      toLevel: t.exposeInt('toLevel'),
    }),
  });

const PlannedCourseRef = builder.objectRef<PlannedCourseShape>('PlannedCourse').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    jp: t.exposeFloat('jp'),
    gapClosed: t.exposeInt('gapClosed', { description: 'Level steps this course closes for the person.' }),
    closes: t.field({ type: [ClosedStepRef], resolve: (c) => c.closes }),
  }),
});

export const TrainingPlanRef = builder.objectRef<PlanShape>('TrainingPlan').implement({
  description: 'Courses proposed to close a person’s competency gaps.',
  fields: (t) => ({
    staff: t.field({ type: StaffSummaryRef, resolve: (p) => p.staff }),
    gapBefore: t.exposeInt('gapBefore'),
    gapClosed: t.exposeInt('gapClosed'),
    totalJp: t.exposeFloat('totalJp'),
    courses: t.field({ type: [PlannedCourseRef], resolve: (p) => p.courses }),
    remainingGaps: t.field({
      type: [CompetencyGapRef],
      description: 'What no course in the catalogue (within the JP budget) closes.',
      resolve: (p) => p.remainingGaps,
    }),
    explanation: t.string({ resolve: (_p, _a, ctx) => TRAINING_PLAN_EXPLANATION[ctx.lang] }),
  }),
});

export type UnitPlanShape = {
  unitCode: string;
  staff: PlanShape[];
  courses: { code: string; name: string; jp: number; attendees: StaffSummary[] }[];
};

const CourseAttendeesRef = builder.objectRef<UnitPlanShape['courses'][number]>('CourseAttendees').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    jp: t.exposeFloat('jp'),
    attendees: t.field({ type: [StaffSummaryRef], resolve: (c) => c.attendees }),
  }),
});

export const UnitTrainingPlanRef = builder.objectRef<UnitPlanShape>('UnitTrainingPlan').implement({
  description:
    'A training plan per person of a unit, and who should attend each course (most attendees first).',
  fields: (t) => ({
    unitCode: t.exposeString('unitCode'),
    staff: t.field({ type: [TrainingPlanRef], resolve: (p) => p.staff }),
    courses: t.field({ type: [CourseAttendeesRef], resolve: (p) => p.courses }),
  }),
});
