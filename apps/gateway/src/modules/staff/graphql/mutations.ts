// Staff mutations (issue 3): each resolver calls its write command with the request's
// dependencies and caller; the commands authorize, load, call the domain and write audited.
import { builder } from '../../../graphql/builder.js';
import { commandInput } from '../../../graphql/command-fields.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { setCompetencyHolding, setPositionRequirements } from '../commands/competencies.js';
import { finaliseUnitPeriod, ratePerformance } from '../commands/performance.js';
import { registerStaff, updateStaff } from '../commands/staff-record.js';
import { recordTraining, reviewTraining } from '../commands/training.js';
import { SkpQuotaExceededError } from '../skp-quota-exceeded.js';
import {
  FinaliseUnitPeriodInput,
  FinaliseUnitPeriodPayload,
  RatePerformanceInput,
  RatePerformancePayload,
  RecordTrainingInput,
  RecordTrainingPayload,
  RegisterStaffInput,
  RegisterStaffPayload,
  ReviewTrainingInput,
  ReviewTrainingPayload,
  SetCompetencyHoldingInput,
  SetCompetencyHoldingPayload,
  SetPositionRequirementsInput,
  SetPositionRequirementsPayload,
  UpdateStaffInput,
  UpdateStaffPayload,
} from './mutation-types.js';

type GlobalId = { typename: string; id: string };

/** A Staff node id as a staff id; any other node is a staff member that does not exist. */
function staffIdOf(id: GlobalId): string {
  if (id.typename !== 'Staff') throw new NotFoundError('Staff', id.id);
  return id.id;
}

/** A command about one staff member, called with the input's Staff node id as its `staffId`. */
function forStaff<Input extends { staffId: string }, Result>(
  command: (deps: CommandDeps, caller: Caller, input: Input) => Result,
) {
  return (deps: CommandDeps, caller: Caller, input: Omit<Input, 'staffId'> & { staffId: GlobalId }) =>
    // Omit<Input, 'staffId'> & { staffId: string } is Input; TypeScript cannot see it for a generic Input.
    command(deps, caller, { ...input, staffId: staffIdOf(input.staffId) } as Input);
}

builder.mutationFields((t) => ({
  registerStaff: t.field({
    type: RegisterStaffPayload,
    description:
      'Add a civil servant to the register (BKPSDM admins). Fields derived from the NIP are not asked twice.',
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, RegisterStaffInput, 'The new civil servant.', registerStaff),
  }),

  updateStaff: t.field({
    type: UpdateStaffPayload,
    description:
      'Change name, unit, position, rank (kept in the rank history) or active flag. Admins, or supervisors within their unit tree; never one’s own record (ConflictError STAFF_SELF_CHANGE: a second person makes the change). The NIP never changes.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, UpdateStaffInput, 'The record and the changes.', (deps, caller, input) =>
      updateStaff(deps, caller, { ...input, staffId: staffIdOf(input.id) }),
    ),
  }),

  recordTraining: t.field({
    type: RecordTrainingPayload,
    description:
      'Record a completed training in JP or minutes (1 JP = 45 minutes). The person, their supervisors and admins. What the person records for themselves is PENDING and counts only once a supervisor or admin confirms it (reviewTraining).',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, RecordTrainingInput, 'The training completed.', forStaff(recordTraining)),
  }),

  reviewTraining: t.field({
    type: ReviewTrainingPayload,
    description:
      'Confirm or reject a PENDING (self-recorded) training with a reason. Supervisors of the person’s unit tree and admins, never the person (ConflictError STAFF_SELF_CHANGE); an already reviewed record gives ConflictError TRAINING_ALREADY_REVIEWED.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(
      t,
      ReviewTrainingInput,
      'The record, the decision and its reason.',
      (deps, caller, input) =>
        reviewTraining(deps, caller, { ...input, trainingRecordId: String(input.trainingRecordId) }),
    ),
  }),

  setCompetencyHolding: t.field({
    type: SetCompetencyHoldingPayload,
    description:
      'Set the level (1–5) at which a person holds a competency. Admins and supervisors of the unit tree, never for themselves (ConflictError STAFF_SELF_CHANGE).',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(
      t,
      SetCompetencyHoldingInput,
      'The person, competency and level.',
      forStaff(setCompetencyHolding),
    ),
  }),

  setPositionRequirements: t.field({
    type: SetPositionRequirementsPayload,
    description:
      'Create a position or replace the competencies (and levels) it requires. Admins, not for the position they hold themselves (ConflictError STAFF_OWN_POSITION_REQUIREMENTS).',
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(
      t,
      SetPositionRequirementsInput,
      'The position and its requirements.',
      setPositionRequirements,
    ),
  }),

  ratePerformance: t.field({
    type: RatePerformancePayload,
    description:
      'Rate a person’s SKP for a year: results and behaviour give the predikat by the PermenPANRB 6/2022 matrix. Supervisors of the unit tree and admins; not oneself; not after the period is finalised.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(
      t,
      RatePerformanceInput,
      'The person, year and the two ratings.',
      forStaff(ratePerformance),
    ),
  }),

  finaliseUnitPeriod: t.field({
    type: FinaliseUnitPeriodPayload,
    description:
      'Finalise a unit’s SKP ratings for a year after checking the "Sangat Baik" quota; on excess the error names who holds the rating.',
    authScopes: { admin: true, supervisor: true },
    errors: { types: [SkpQuotaExceededError, ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, FinaliseUnitPeriodInput, 'The unit, year and cap.', finaliseUnitPeriod),
  }),
}));
