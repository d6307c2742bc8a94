// Record a completed training (issue 3): the person, their supervisors and admins.
import { validateTrainingEntry } from '@layanan/domain/staff';
import { NotFoundError, ValidationError } from '../../../graphql/errors.js';
import { failure, fieldProblem } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { dateOnly } from '../../../platform/calendar.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { canReadPrivateIn, forbidden, loadUnitTree } from '../access.js';
import { loadStaff, normaliseCode } from './load.js';

export type RecordTrainingInput = {
  staffId: string;
  courseCode?: string | null;
  title?: string | null;
  /** YYYY-MM-DD, not in the future. */
  completedOn: string;
  jp?: number | null;
  minutes?: number | null;
};

export type RecordedTraining = { staffId: string; trainingRecordId: string; jp: number };

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
    const after = await tx.trainingRecord.create({
      data: { staffId: staff.id, courseId: course?.id ?? null, title, completedOn, minutes },
    });
    return {
      result: { staffId: staff.id, trainingRecordId: after.id, jp },
      entityId: after.id,
      before: null,
      after,
    };
  });
}
