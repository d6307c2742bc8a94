// Commitments: the type and its updates, and the mutations (the writes are commands/commitment.ts).
import { COMMITMENT_STATUSES, commitmentDoneOnTime, isCommitmentOverdue } from '@layanan/domain/forums';
import { builder } from '../../../graphql/builder.js';
import { NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { dayOf, todayWib } from '../../../platform/calendar.js';
import { commandDeps } from '../../../platform/command.js';
import { cancelCommitment, createCommitment, updateCommitmentProgress } from '../commands/commitment.js';

export const CommitmentStatusEnum = builder.enumType('CommitmentStatus', {
  values: COMMITMENT_STATUSES,
});

const CommitmentRef = builder.prismaNode('Commitment', {
  id: { field: 'id' },
  description: 'A follow-up promised for an accepted submission, tracked in public to the end.',
  fields: (t) => ({
    description: t.exposeString('description'),
    status: t.expose('status', { type: CommitmentStatusEnum }),
    progress: t.exposeInt('progress', { description: 'Percent, 0–100.' }),
    dueOn: t.string({ resolve: (c) => dayOf(c.dueOn) }),
    doneOn: t.string({ nullable: true, resolve: (c) => (c.doneOn ? dayOf(c.doneOn) : null) }),
    overdue: t.boolean({
      resolve: (c) => isCommitmentOverdue({ status: c.status, dueDate: dayOf(c.dueOn) }, todayWib()),
    }),
    doneOnTime: t.boolean({
      nullable: true,
      resolve: (c) => (c.doneOn ? commitmentDoneOnTime(dayOf(c.dueOn), dayOf(c.doneOn)) : null),
    }),
    cancelReason: t.exposeString('cancelReason', { nullable: true }),
    unit: t.relation('unit'),
    responsibleStaff: t.relation('responsibleStaff'),
    submission: t.relation('submission'),
    updates: t.relation('updates', { query: { orderBy: [{ date: 'asc' }, { createdAt: 'asc' }] } }),
  }),
});

builder.prismaObject('CommitmentUpdate', {
  description: 'A dated public progress update.',
  fields: (t) => ({
    progress: t.exposeInt('progress'),
    note: t.exposeString('note'),
    date: t.string({ resolve: (u) => dayOf(u.date) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CommitmentPayload = builder.objectRef<{ commitmentId: string }>('CommitmentPayload').implement({
  fields: (t) => ({
    commitment: t.prismaField({
      type: CommitmentRef,
      resolve: (query, payload, _args, ctx) =>
        ctx.prisma.commitment.findUniqueOrThrow({ ...query, where: { id: payload.commitmentId } }),
    }),
  }),
});

const CreateCommitmentInput = builder.inputType('CreateCommitmentInput', {
  fields: (t) => ({
    submissionId: t.globalID({ required: true }),
    responsibleStaffId: t.globalID({ required: true }),
    description: t.string({ required: true }),
    dueOn: t.string({ required: true, description: 'YYYY-MM-DD' }),
  }),
});

builder.mutationField('createCommitment', (t) =>
  t.field({
    type: CommitmentPayload,
    description: 'Commit to a follow-up of an accepted submission. Staff of the answering unit.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: CreateCommitmentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createCommitment(commandDeps(ctx), ctx.identity, {
        ...input,
        submissionId: input.submissionId.id,
        responsibleStaffId: input.responsibleStaffId.id,
      }),
  }),
);

const UpdateCommitmentProgressInput = builder.inputType('UpdateCommitmentProgressInput', {
  fields: (t) => ({
    commitmentId: t.globalID({ required: true }),
    progress: t.int({ required: true, description: 'Percent, 0–100; 100 marks it done.' }),
    note: t.string({ required: true, description: 'Public note.' }),
    date: t.string({ description: 'YYYY-MM-DD (WIB); defaults to today.' }),
  }),
});

builder.mutationField('updateCommitmentProgress', (t) =>
  t.field({
    type: CommitmentPayload,
    description: 'A dated public progress update; 100 % completes the commitment. Staff of the owning unit.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: UpdateCommitmentProgressInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      updateCommitmentProgress(commandDeps(ctx), ctx.identity, {
        ...input,
        commitmentId: input.commitmentId.id,
      }),
  }),
);

builder.mutationField('cancelCommitment', (t) =>
  t.field({
    type: CommitmentPayload,
    description: 'Cancel a commitment with a public reason. Staff of the owning unit.',
    authScopes: { admin: true, staff: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      commitmentId: t.arg.globalID({ required: true, for: CommitmentRef }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      cancelCommitment(commandDeps(ctx), ctx.identity, {
        commitmentId: args.commitmentId.id,
        reason: args.reason,
      }),
  }),
);
