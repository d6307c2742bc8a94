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

/** A unit the caller manages, with or without its sub-units. */
const unitScopeArgs = builder.args((t) => ({
  unitCode: t.string({
    required: true,
    description: 'The unit’s code; NotFoundError when unknown, FORBIDDEN outside the caller’s units.',
  }),
  includeSubUnits: t.boolean({
    defaultValue: true,
    description: 'Include the sub-units (default true).',
  }),
}));

builder.queryFields((t) => ({
  unitCompetencyGapReport: t.field({
    type: GapReportRef,
    description:
      "Competency gaps of a unit's staff (with sub-units by default). Admins and the unit's supervisors.",
    authScopes: { admin: true, supervisor: true },
    errors: { types: [NotFoundError] },
    args: unitScopeArgs,
    resolve: (_root, args, ctx) => competencyGapReport(ctx, args),
  }),
  trainingComplianceReport: t.field({
    type: ComplianceReportRef,
    description:
      'Training JP per person and unit in a year (default this year, WIB) against the 20 JP right. Admins see every unit; supervisors their unit tree.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      year: t.arg.int({
        description: 'The calendar year, 1970–2100 (ValidationError otherwise); default this year in WIB.',
      }),
      unitCode: t.arg.string({
        description:
          'Only this unit and its sub-units (NotFoundError when unknown); default every unit the caller manages.',
      }),
    },
    resolve: (_root, args, ctx) => complianceReport(ctx, args),
  }),
  trainingPlan: t.field({
    type: TrainingPlanRef,
    description:
      'Courses that close the most of a person’s competency gaps (optionally within a JP budget, e.g. the 20 JP right).',
    authScopes: { admin: true, staff: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      staffId: t.arg.globalID({
        required: true,
        description:
          'The Staff node id; NotFoundError when unknown. The person, their supervisors and admins.',
      }),
      maxJp: t.arg.float({
        description: `JP budget (≥ 0; ValidationError otherwise), e.g. ${YEARLY_TRAINING_RIGHT_JP}; none by default.`,
      }),
    },
    resolve: (_root, args, ctx) => personTrainingPlan(ctx, args),
  }),
  unitTrainingPlan: t.field({
    type: UnitTrainingPlanRef,
    description:
      'A training plan for every person of a unit (with sub-units by default) and the attendees per course.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      ...unitScopeArgs,
      maxJp: t.arg.float({
        description: `JP budget per person (≥ 0; ValidationError otherwise), e.g. ${YEARLY_TRAINING_RIGHT_JP}; none by default.`,
      }),
    },
    resolve: (_root, args, ctx) => unitTrainingPlan(ctx, args),
  }),
}));
