// Record a completed training (issue 3): the person, their supervisors and admins. Four eyes
// (issue 15 kind 7): what a person records for themselves is PENDING until a supervisor of their
// unit tree or an admin confirms it (reviewTraining); only CONFIRMED trainings count.
import { newTrainingStatus, reviewTrainingRecord, validateTrainingEntry } from '@layanan/domain/staff';
import { NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { failure, fieldProblem, invalidFields } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { dateOnly } from '../../../platform/calendar.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { isUuid } from '../../../platform/uuid.js';
import { canReadPrivateIn, forbidden, loadUnitTree, requireManages } from '../access.js';
import { actorOf, loadStaff, normaliseCode } from './load.js';

export type RecordTrainingInput = {
  staffId: string;
  courseCode?: string | null;
  title?: string | null;
  /** YYYY-MM-DD, not in the future. */
  completedOn: string;
  jp?: number | null;
  minutes?: number | null;
};

export type RecordedTraining = {
  staffId: string;
  trainingRecordId: string;
  jp: number;
  status: 'PENDING' | 'CONFIRMED' | 'REJECTED';
};

/**
 * Records a completed training: PENDING when the person records it for themselves, CONFIRMED when
 * a supervisor of their unit tree or an admin records it for them. Errors: FORBIDDEN for anyone
 * else, NotFoundError (course), ValidationError (day, length, title), TRAINING_RECORD_DUPLICATE.
 */
export async function recordTraining(
  deps: CommandDeps,
  caller: Caller,
  input: RecordTrainingInput,
): Promise<RecordedTraining> {
  const scope = auditScope(deps, caller);
  return audited(scope, { action: 'recordTraining', entityType: 'TrainingRecord' }, async (tx) => {
    const tree = await loadUnitTree(tx);
    const staff = await loadStaff(tx, input.staffId);
    if (!canReadPrivateIn(tree, caller, staff)) throw forbidden();
    const courseCode = input.courseCode ? normaliseCode(input.courseCode) : null;
    const course = courseCode ? await tx.trainingCourse.findUnique({ where: { code: courseCode } }) : null;
    if (courseCode && !course) throw new NotFoundError('TrainingCourse', courseCode);
    const checked = validateTrainingEntry(
      { ...input, personId: staff.id, courseName: course?.name },
      { now: deps.now() },
    );
    if (!checked.ok) {
      const e = checked.error;
      const fields = e.fields.map((f) => fieldProblem(f.field, f));
      throw new ValidationError(e.code, e.message.id, e.message.en, fields);
    }
    const { title, jp, minutes } = checked.value;
    const completedOn = dateOnly(checked.value.completedOn);
    const duplicate = await tx.trainingRecord.findUnique({
      where: { staffId_title_completedOn: { staffId: staff.id, title, completedOn } },
    });
    if (duplicate) throw failure('TRAINING_RECORD_DUPLICATE');
    const status = newTrainingStatus(await actorOf(tx, caller), staff.id);
    const after = await tx.trainingRecord.create({
      data: {
        staffId: staff.id,
        courseId: course?.id ?? null,
        title,
        completedOn,
        minutes,
        status,
        recordedByAccountId: caller.kind === 'account' ? caller.accountId : null,
      },
    });
    return {
      result: { staffId: staff.id, trainingRecordId: after.id, jp, status },
      entityId: after.id,
      before: null,
      after,
    };
  });
}

export type ReviewTrainingInput = {
  trainingRecordId: string;
  decision: 'CONFIRMED' | 'REJECTED';
  reason: string;
};

/**
 * Confirms or rejects a PENDING training with a reason: supervisors of the person's unit tree and
 * admins (FORBIDDEN otherwise), never the person themselves (STAFF_SELF_CHANGE). Errors:
 * NotFoundError (no such record), TRAINING_ALREADY_REVIEWED, TRAINING_REVIEW_REASON_REQUIRED.
 * Of two simultaneous reviews exactly one wins (the other: TRAINING_ALREADY_REVIEWED).
 */
export async function reviewTraining(
  deps: CommandDeps,
  caller: Caller,
  input: ReviewTrainingInput,
): Promise<{ staffId: string; trainingRecordId: string; status: 'CONFIRMED' | 'REJECTED' }> {
  const scope = auditScope(deps, caller);
  return audited(scope, { action: 'reviewTraining', entityType: 'TrainingRecord' }, async (tx) => {
    const id = input.trainingRecordId.trim();
    const before = isUuid(id) ? await tx.trainingRecord.findUnique({ where: { id } }) : null;
    if (!before) throw new NotFoundError('TrainingRecord', id);
    const staff = await loadStaff(tx, before.staffId);
    requireManages(await loadUnitTree(tx), caller, staff.unitId);
    const review = reviewTrainingRecord({
      actor: await actorOf(tx, caller),
      staffId: staff.id,
      current: before.status,
      decision: input.decision,
      reason: input.reason,
    });
    if (!review.ok) {
      if ('field' in review.error) throw invalidFields([review.error]);
      const field = review.error.code === 'TRAINING_REVIEW_REASON_REQUIRED' ? { field: 'reason' } : {};
      throw failure(review.error, field);
    }
    const data = {
      status: review.value.status,
      reviewReason: review.value.reason,
      reviewedAt: deps.now(),
      reviewedByAccountId: caller.kind === 'account' ? caller.accountId : null,
    };
    const changed = await tx.trainingRecord.updateMany({ where: { id, status: 'PENDING' }, data });
    if (changed.count !== 1) throw failure('TRAINING_ALREADY_REVIEWED');
    return {
      result: { staffId: staff.id, trainingRecordId: id, status: review.value.status },
      entityId: id,
      before: { status: before.status },
      after: { status: data.status, reviewReason: data.reviewReason },
    };
  });
}
