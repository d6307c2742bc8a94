import {
  applyProgressUpdate,
  COMMITMENT_ERROR_MESSAGES,
  commitmentDoneOnTime,
  commitmentTransition,
  isCommitmentOverdue,
  validateNewCommitment,
} from '@layanan/domain/forums';
import { builder } from '../../graphql/builder.js';
import { isUniqueViolation, NotFoundError, ValidationError } from '../../graphql/errors.js';
import { audited } from '../../platform/audited.js';
import { accountIdOf, actsForUnit, forbidden } from '../../platform/authz.js';
import { dateOnly, dayOf, todayWib } from '../../platform/calendar.js';
import { audienceOf, publishNotifications, writeNotifications } from '../../platform/notify.js';
import { dayInput } from './forum.js';

export const CommitmentStatusEnum = builder.enumType('CommitmentStatus', {
  values: ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const,
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
    resolve: async (_root, { input }, ctx) => {
      const dueOn = dayInput('dueOn', input.dueOn);
      const create = () =>
        audited(ctx, { action: 'createCommitment', entityType: 'Commitment' }, async (tx) => {
          const submission = await tx.submission.findUnique({
            where: { id: input.submissionId.id },
            include: { commitment: { select: { id: true } } },
          });
          if (!submission) throw new NotFoundError('Submission', input.submissionId.id);
          if (!actsForUnit(ctx.identity, submission.unitId)) throw forbidden();
          const owner = await tx.staff.findUnique({ where: { id: input.responsibleStaffId.id } });
          if (!owner) throw new NotFoundError('Staff', input.responsibleStaffId.id);
          const checked = validateNewCommitment({
            submissionStatus: submission.status,
            hasCommitment: submission.commitment !== null,
            description: input.description,
            dueOn,
            today: todayWib(),
            owner,
            unitId: submission.unitId,
          });
          if (!checked.ok) throw ValidationError.fromDomain(checked.error, 'input');
          const row = await tx.commitment.create({
            data: {
              submissionId: submission.id,
              unitId: submission.unitId,
              responsibleStaffId: owner.id,
              description: checked.value.description,
              dueOn: dateOnly(checked.value.dueOn),
            },
          });
          const notes = await writeNotifications(tx, await audienceOf(tx, submission.id), {
            kind: 'COMMITMENT_CREATED',
            submissionId: submission.id,
            titleId: `Tindak lanjut untuk "${submission.title}" dijadwalkan sampai ${checked.value.dueOn}`,
            titleEn: `A follow-up of "${submission.title}" is due by ${checked.value.dueOn}`,
          });
          return { result: { commitmentId: row.id, notes }, entityId: row.id, after: row };
        });
      let written: Awaited<ReturnType<typeof create>>;
      try {
        written = await create();
      } catch (error) {
        // One commitment per submission (unique key): a concurrent second one gets the same
        // answer as a sequential one, not a masked error.
        if (!isUniqueViolation(error)) throw error;
        throw ValidationError.fromMessage(
          'COMMITMENT_ALREADY_EXISTS',
          COMMITMENT_ERROR_MESSAGES.COMMITMENT_ALREADY_EXISTS,
          'input',
        );
      }
      publishNotifications(ctx, written.notes);
      return { commitmentId: written.commitmentId };
    },
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
    resolve: async (_root, { input }, ctx) => {
      const authorId = accountIdOf(ctx.identity);
      if (!authorId) throw forbidden();
      const date = input.date ? dayInput('date', input.date) : todayWib();
      const written = await audited(
        ctx,
        { action: 'updateCommitmentProgress', entityType: 'Commitment' },
        async (tx) => {
          const before = await tx.commitment.findUnique({
            where: { id: input.commitmentId.id },
            include: {
              submission: { select: { title: true } },
              updates: { orderBy: { date: 'desc' }, take: 1, select: { date: true } },
            },
          });
          if (!before) throw new NotFoundError('Commitment', input.commitmentId.id);
          if (!actsForUnit(ctx.identity, before.unitId)) throw forbidden();
          const last = before.updates[0];
          const applied = applyProgressUpdate(
            {
              status: before.status,
              progress: before.progress,
              dueDate: dayOf(before.dueOn),
              ...(last ? { lastUpdateOn: dayOf(last.date) } : {}),
            },
            { progress: input.progress, note: input.note, date },
            { today: todayWib() },
          );
          if (!applied.ok) throw ValidationError.fromDomain(applied.error, 'progress');
          const after = await tx.commitment.update({
            where: { id: before.id },
            data: {
              status: applied.value.status,
              progress: applied.value.progress,
              doneOn: applied.value.status === 'DONE' ? dateOnly(date) : null,
              updates: {
                create: {
                  progress: input.progress,
                  note: input.note.trim(),
                  date: dateOnly(date),
                  authorId,
                },
              },
            },
          });
          const done = applied.value.status === 'DONE';
          const notes = await writeNotifications(tx, await audienceOf(tx, before.submissionId), {
            kind: done ? 'COMMITMENT_DONE' : 'COMMITMENT_PROGRESS',
            submissionId: before.submissionId,
            titleId: done
              ? `Tindak lanjut "${before.submission.title}" selesai`
              : `Progres tindak lanjut "${before.submission.title}": ${input.progress}%`,
            titleEn: done
              ? `The follow-up of "${before.submission.title}" is done`
              : `Follow-up of "${before.submission.title}": ${input.progress}%`,
          });
          return {
            result: { commitmentId: after.id, notes },
            entityId: after.id,
            before: { status: before.status, progress: before.progress },
            after: { status: after.status, progress: after.progress },
          };
        },
      );
      publishNotifications(ctx, written.notes);
      return { commitmentId: written.commitmentId };
    },
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
    resolve: async (_root, args, ctx) => {
      const written = await audited(
        ctx,
        { action: 'cancelCommitment', entityType: 'Commitment' },
        async (tx) => {
          const before = await tx.commitment.findUnique({
            where: { id: args.commitmentId.id },
            include: { submission: { select: { title: true } } },
          });
          if (!before) throw new NotFoundError('Commitment', args.commitmentId.id);
          if (!actsForUnit(ctx.identity, before.unitId)) throw forbidden();
          const checked = commitmentTransition(before.status, 'CANCELLED', args.reason);
          if (!checked.ok) throw ValidationError.fromDomain(checked.error, 'reason');
          const after = await tx.commitment.update({
            where: { id: before.id },
            data: { status: 'CANCELLED', cancelReason: args.reason.trim() },
          });
          const notes = await writeNotifications(tx, await audienceOf(tx, before.submissionId), {
            kind: 'COMMITMENT_CANCELLED',
            submissionId: before.submissionId,
            titleId: `Tindak lanjut "${before.submission.title}" dibatalkan: ${args.reason.trim()}`,
            titleEn: `The follow-up of "${before.submission.title}" was cancelled: ${args.reason.trim()}`,
          });
          return {
            result: { commitmentId: after.id, notes },
            entityId: after.id,
            before: { status: before.status },
            after: { status: after.status, cancelReason: after.cancelReason },
          };
        },
      );
      publishNotifications(ctx, written.notes);
      return { commitmentId: written.commitmentId };
    },
  }),
);
