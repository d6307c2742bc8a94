// Commitments: the follow-up promised for an accepted submission, its dated progress updates and
// its cancellation. Staff of the answering unit (or admins); the author and followers are notified.
import { parseDay } from '@layanan/domain/calendar';
import {
  applyProgressUpdate,
  checkCommitmentVersion,
  commitmentTransition,
  validateNewCommitment,
} from '@layanan/domain/forums';
import { isUniqueViolation, NotFoundError } from '../../../graphql/errors.js';
import { failure } from '../../../graphql/failures.js';
import type { TransactionClient } from '../../../platform/audited.js';
import { dateOnly, dayOf, todayWib } from '../../../platform/calendar.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { audienceOf } from '../../../platform/notify.js';
import { requireAccount, requireActsForUnit } from '../access.js';
import { loadCommitment } from './load.js';
import { auditedNotifying, notifyForum } from './notices.js';

/** A `YYYY-MM-DD` input, or a ValidationError naming `field`. */
export function dayInput(field: string, value: string): string {
  const parsed = parseDay(value);
  if (!parsed.ok) throw failure(parsed.error, { field });
  return value;
}

export type CreateCommitmentInput = {
  submissionId: string;
  responsibleStaffId: string;
  description: string;
  dueOn: string;
};

/** Commits to a follow-up of an accepted submission; one per submission (COMMITMENT_ALREADY_EXISTS). */
export async function createCommitment(deps: CommandDeps, caller: Caller, input: CreateCommitmentInput) {
  const dueOn = dayInput('dueOn', input.dueOn);
  try {
    return await auditedNotifying(
      deps,
      caller,
      { action: 'createCommitment', entityType: 'Commitment' },
      async (tx) => {
        const submission = await tx.submission.findUnique({
          where: { id: input.submissionId },
          include: { commitment: { select: { id: true } } },
        });
        if (!submission) throw new NotFoundError('Submission', input.submissionId);
        requireActsForUnit(caller, submission.unitId);
        const owner = await tx.staff.findUnique({ where: { id: input.responsibleStaffId } });
        if (!owner) throw new NotFoundError('Staff', input.responsibleStaffId);
        const checked = validateNewCommitment({
          submissionStatus: submission.status,
          hasCommitment: submission.commitment !== null,
          description: input.description,
          dueOn,
          today: todayWib(deps.now()),
          owner,
          unitId: submission.unitId,
        });
        if (!checked.ok) throw failure(checked.error, { field: 'input' });
        const row = await tx.commitment.create({
          data: {
            submissionId: submission.id,
            unitId: submission.unitId,
            responsibleStaffId: owner.id,
            description: checked.value.description,
            dueOn: dateOnly(checked.value.dueOn),
          },
        });
        const notes = await notifyForum(tx, await audienceOf(tx, submission.id), submission.id, {
          kind: 'COMMITMENT_CREATED',
          title: submission.title,
          dueOn: checked.value.dueOn,
        });
        return { result: { commitmentId: row.id }, notes, entityId: row.id, after: row };
      },
    );
  } catch (error) {
    // One commitment per submission (unique key): a concurrent second one gets the same
    // answer as a sequential one, not a masked error.
    if (!isUniqueViolation(error)) throw error;
    throw failure('COMMITMENT_ALREADY_EXISTS', { field: 'input' });
  }
}

export type UpdateCommitmentProgressInput = {
  commitmentId: string;
  progress: number;
  note: string;
  /** `YYYY-MM-DD` (WIB); today when not given. */
  date?: string | null;
  /** Required when `progress` is below the current progress; public. */
  decreaseReason?: string | null;
  /** The version the author saw; a stale one is a COMMITMENT_VERSION_CONFLICT. */
  expectedVersion?: number | null;
};

/**
 * Writes a change of a commitment only if nobody changed it since it was loaded (`version`
 * unchanged), incrementing the version; a concurrent update that committed first makes this one
 * a COMMITMENT_VERSION_CONFLICT instead of overwriting it (last write never silently wins).
 */
async function writeCommitmentVersion(
  tx: TransactionClient,
  before: { id: string; version: number },
  data: Parameters<TransactionClient['commitment']['updateMany']>[0]['data'],
) {
  const { count } = await tx.commitment.updateMany({
    where: { id: before.id, version: before.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw failure('COMMITMENT_VERSION_CONFLICT');
  return tx.commitment.findUniqueOrThrow({ where: { id: before.id } });
}

/** A dated public progress update; 100 % completes the commitment. */
export async function updateCommitmentProgress(
  deps: CommandDeps,
  caller: Caller,
  input: UpdateCommitmentProgressInput,
) {
  const authorId = requireAccount(caller);
  const today = todayWib(deps.now());
  const date = input.date ? dayInput('date', input.date) : today;
  return auditedNotifying(
    deps,
    caller,
    { action: 'updateCommitmentProgress', entityType: 'Commitment' },
    async (tx) => {
      const before = await loadCommitment(tx, caller, input.commitmentId);
      const version = checkCommitmentVersion(before.version, input.expectedVersion);
      if (!version.ok) throw failure(version.error);
      const last = before.updates[0];
      const applied = applyProgressUpdate(
        {
          status: before.status,
          progress: before.progress,
          dueDate: dayOf(before.dueOn),
          ...(last ? { lastUpdateOn: dayOf(last.date) } : {}),
        },
        { progress: input.progress, note: input.note, date, decreaseReason: input.decreaseReason },
        { today },
      );
      if (!applied.ok) {
        const field =
          applied.error.code === 'COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED'
            ? 'decreaseReason'
            : 'progress';
        throw failure(applied.error, { field });
      }
      const { decreasedFrom, decreaseReason } = applied.value;
      const done = applied.value.status === 'DONE';
      await tx.commitmentUpdate.create({
        data: {
          commitmentId: before.id,
          progress: input.progress,
          note: input.note.trim(),
          decreaseReason,
          date: dateOnly(date),
          authorId,
        },
      });
      const after = await writeCommitmentVersion(tx, before, {
        status: applied.value.status,
        progress: applied.value.progress,
        doneOn: done ? dateOnly(date) : null,
      });
      const title = before.submission.title;
      const notes = await notifyForum(
        tx,
        await audienceOf(tx, before.submissionId),
        before.submissionId,
        done
          ? { kind: 'COMMITMENT_DONE', title }
          : {
              kind: 'COMMITMENT_PROGRESS',
              title,
              progress: input.progress,
              decreasedFrom,
              reason: decreaseReason,
            },
      );
      return {
        result: { commitmentId: after.id },
        notes,
        entityId: after.id,
        before: { status: before.status, progress: before.progress, version: before.version },
        after: { status: after.status, progress: after.progress, version: after.version, decreaseReason },
      };
    },
  );
}

/** Cancels a commitment with a public reason. */
export async function cancelCommitment(
  deps: CommandDeps,
  caller: Caller,
  input: { commitmentId: string; reason: string },
) {
  return auditedNotifying(
    deps,
    caller,
    { action: 'cancelCommitment', entityType: 'Commitment' },
    async (tx) => {
      const before = await loadCommitment(tx, caller, input.commitmentId);
      const checked = commitmentTransition(before.status, 'CANCELLED', input.reason);
      if (!checked.ok) throw failure(checked.error, { field: 'reason' });
      const reason = input.reason.trim();
      const after = await writeCommitmentVersion(tx, before, { status: 'CANCELLED', cancelReason: reason });
      const notes = await notifyForum(tx, await audienceOf(tx, before.submissionId), before.submissionId, {
        kind: 'COMMITMENT_CANCELLED',
        title: before.submission.title,
        reason,
      });
      return {
        result: { commitmentId: after.id },
        notes,
        entityId: after.id,
        before: { status: before.status },
        after: { status: after.status, cancelReason: after.cancelReason },
      };
    },
  );
}
