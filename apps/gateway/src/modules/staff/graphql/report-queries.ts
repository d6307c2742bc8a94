// The staff reports' query fields (issue 3): admins and the unit's supervisors; a training
// plan also for the person.
import { YEARLY_TRAINING_RIGHT_JP } from '@layanan/domain/staff';
import { builder } from '../../../graphql/builder.js';
import { NotFoundError, ValidationError } from '../../../graphql/errors.js';
import {
  competencyGapReport,
  complianceReport,
  personTrainingPlan,
  unitTrainingPlan,
} from '../queries/reports.js';
import { ComplianceReportRef, GapReportRef, TrainingPlanRef, UnitTrainingPlanRef } from './report-types.js';

builder.queryFields((t) => ({
  unitCompetencyGapReport: t.field({
    type: GapReportRef,
    description:
      "Competency gaps of a unit's staff (with sub-units by default). Admins and the unit's supervisors.",
    authScopes: { admin: true, supervisor: true },
    errors: { types: [NotFoundError] },
    args: {
      unitCode: t.arg.string({ required: true }),
      includeSubUnits: t.arg.boolean({ defaultValue: true }),
    },
    resolve: (_root, args, ctx) => competencyGapReport(ctx, args),
  }),
  trainingComplianceReport: t.field({
    type: ComplianceReportRef,
    description:
      'Training JP per person and unit in a year (default this year, WIB) against the 20 JP right. Admins see every unit; supervisors their unit tree.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { year: t.arg.int(), unitCode: t.arg.string() },
    resolve: (_root, args, ctx) => complianceReport(ctx, args),
  }),
  trainingPlan: t.field({
    type: TrainingPlanRef,
    description:
      'Courses that close the most of a person’s competency gaps (optionally within a JP budget, e.g. the 20 JP right).',
    authScopes: { admin: true, staff: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: { staffId: t.arg.globalID({ required: true }), maxJp: t.arg.float() },
    resolve: (_root, args, ctx) => personTrainingPlan(ctx, args),
  }),
  unitTrainingPlan: t.field({
    type: UnitTrainingPlanRef,
    description:
      'A training plan for every person of a unit (with sub-units by default) and the attendees per course.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      unitCode: t.arg.string({ required: true }),
      includeSubUnits: t.arg.boolean({ defaultValue: true }),
      maxJp: t.arg.float({ description: `JP budget per person, e.g. ${YEARLY_TRAINING_RIGHT_JP}.` }),
    },
    resolve: (_root, args, ctx) => unitTrainingPlan(ctx, args),
  }),
}));
