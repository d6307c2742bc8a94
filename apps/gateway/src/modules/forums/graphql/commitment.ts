// Commitments: the type and its updates, and the mutations (the writes are commands/commitment.ts).
import { COMMITMENT_STATUSES, commitmentDoneOnTime, isCommitmentOverdue } from '@layanan/domain/forums';
import { builder } from '../../../graphql/builder.js';
import { commandArgs, commandInput, nodeIdArg } from '../../../graphql/command-fields.js';
import { entityPayload } from '../../../graphql/entity-payload.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { nodeVisibility } from '../../../graphql/node-visibility.js';
import { nodeId } from '../../../graphql/object-fields.js';
import { dayOf, todayWib } from '../../../platform/calendar.js';
import { EVERYONE } from '../../../platform/visibility.js';
import { cancelCommitment, createCommitment, updateCommitmentProgress } from '../commands/commitment.js';

export const CommitmentStatusEnum = builder.enumType('CommitmentStatus', {
  description:
    'Where a commitment stands: PLANNED, IN_PROGRESS (progress above 0), DONE (100 %) or CANCELLED (with a public reason).',
  values: COMMITMENT_STATUSES,
});

const CommitmentRef = builder.prismaNode('Commitment', {
  id: nodeId,
  description: 'A follow-up promised for an accepted submission, tracked in public to the end.',
  fields: (t) => ({
    description: t.exposeString('description', { description: 'What was promised.' }),
    status: t.expose('status', { type: CommitmentStatusEnum, description: 'Where it stands.' }),
    progress: t.exposeInt('progress', { description: 'Percent, 0–100.' }),
    version: t.exposeInt('version', {
      description:
        'Incremented by every update or cancellation; give it as expectedVersion so that a concurrent change is a ConflictError (COMMITMENT_VERSION_CONFLICT) instead of being overwritten.',
    }),
    dueOn: t.expose('dueOn', { type: 'Day', description: 'Day it is due (WIB).' }),
    doneOn: t.expose('doneOn', {
      type: 'Day',
      nullable: true,
      description: 'Day it reached 100 % (WIB); null until done.',
    }),
    overdue: t.boolean({
      description: 'PLANNED or IN_PROGRESS and today (WIB) is after dueOn.',
      resolve: (c) => isCommitmentOverdue({ status: c.status, dueDate: dayOf(c.dueOn) }, todayWib()),
    }),
    doneOnTime: t.boolean({
      nullable: true,
      description: 'Whether doneOn is on or before dueOn; null until done.',
      resolve: (c) => (c.doneOn ? commitmentDoneOnTime(dayOf(c.dueOn), dayOf(c.doneOn)) : null),
    }),
    cancelReason: t.exposeString('cancelReason', {
      nullable: true,
      description: 'The public reason it was cancelled; null unless CANCELLED.',
    }),
    unit: t.relation('unit', { description: 'The unit that owns it (the submission’s answering unit).' }),
    responsibleStaff: t.relation('responsibleStaff', { description: 'The staff member responsible for it.' }),
    submission: t.relation('submission', { description: 'The accepted submission it follows up.' }),
    updates: t.relation('updates', {
      description: 'Dated public progress updates, oldest first.',
      query: { orderBy: [{ date: 'asc' }, { createdAt: 'asc' }] },
    }),
  }),
});

// Commitments are tracked in public.
nodeVisibility(CommitmentRef, EVERYONE);

builder.prismaObject('CommitmentUpdate', {
  description: 'A dated public progress update.',
  fields: (t) => ({
    progress: t.exposeInt('progress', { description: 'Progress after the update, in percent (0–100).' }),
    note: t.exposeString('note', { description: 'Public note of what was done.' }),
    decreaseReason: t.exposeString('decreaseReason', {
      nullable: true,
      description: 'The public reason when this update lowered the progress; null otherwise.',
    }),
    date: t.expose('date', {
      type: 'Day',
      description: 'Day the update is dated (WIB).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was recorded.' }),
  }),
});

const CommitmentPayload = entityPayload('CommitmentPayload', 'The commitment after the change.', {
  commitment: { type: CommitmentRef, id: 'commitmentId', description: 'The commitment as it is now.' },
});

const CreateCommitmentInput = builder.inputType('CreateCommitmentInput', {
  description: 'A follow-up promised for an accepted submission.',
  fields: (t) => ({
    submissionId: t.globalID({
      required: true,
      description: 'Global ID of an ACCEPTED submission without a commitment; otherwise ValidationError.',
    }),
    responsibleStaffId: t.globalID({
      required: true,
      description: 'Global ID of the responsible staff member.',
    }),
    description: t.string({ required: true, description: 'What is promised.' }),
    dueOn: t.field({ type: 'Day', required: true, description: 'Day it is due (WIB).' }),
  }),
});

builder.mutationField('createCommitment', (t) =>
  t.field({
    type: CommitmentPayload,
    description: 'Commit to a follow-up of an accepted submission. Staff of the answering unit.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError] },
    ...commandInput(t, CreateCommitmentInput, 'The commitment.', (deps, caller, input) =>
      createCommitment(deps, caller, {
        ...input,
        submissionId: input.submissionId.id,
        responsibleStaffId: input.responsibleStaffId.id,
      }),
    ),
  }),
);

const UpdateCommitmentProgressInput = builder.inputType('UpdateCommitmentProgressInput', {
  description: 'A dated progress update of a commitment.',
  fields: (t) => ({
    commitmentId: t.globalID({ required: true, description: 'Global ID of the commitment.' }),
    progress: t.int({ required: true, description: 'Percent, 0–100; 100 marks it done.' }),
    note: t.string({ required: true, description: 'Public note.' }),
    date: t.field({ type: 'Day', description: 'Day the update is dated (WIB); defaults to today.' }),
    decreaseReason: t.string({
      description:
        'Public reason, required when progress is below the current progress (ValidationError COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED on decreaseReason); ignored otherwise.',
    }),
    expectedVersion: t.int({
      description:
        'The commitment version the author saw; when given and stale, a ConflictError COMMITMENT_VERSION_CONFLICT. Concurrent updates conflict either way.',
    }),
  }),
});

builder.mutationField('updateCommitmentProgress', (t) =>
  t.field({
    type: CommitmentPayload,
    description:
      'A dated public progress update; 100 % completes the commitment; a decrease needs a public reason; concurrent updates conflict. Staff of the owning unit.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandInput(t, UpdateCommitmentProgressInput, 'The update.', (deps, caller, input) =>
      updateCommitmentProgress(deps, caller, { ...input, commitmentId: input.commitmentId.id }),
    ),
  }),
);

builder.mutationField('cancelCommitment', (t) =>
  t.field({
    type: CommitmentPayload,
    description: 'Cancel a commitment with a public reason. Staff of the owning unit.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    ...commandArgs(
      {
        commitmentId: nodeIdArg(t, CommitmentRef, 'Global ID of the commitment.'),
        reason: t.arg.string({ required: true, description: 'The public reason for cancelling.' }),
      },
      (deps, caller, args) =>
        cancelCommitment(deps, caller, { commitmentId: args.commitmentId.id, reason: args.reason }),
    ),
  }),
);
