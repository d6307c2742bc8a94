// Four eyes on the staff register (issue 15 kind 7): nobody changes their own rank, position,
// unit, competencies or rating, nor the requirements of their own position; a training a person
// records for themselves waits for a supervisor's confirmation, and only confirmed trainings count
// toward the 20 JP yearly right and the reports.
import { type DomainError, errorFactory, type FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { checkTextLength } from '../text-limits.js';
import { STAFF_ERROR_MESSAGES, TRAINING_ERROR_MESSAGES } from './messages.js';

const fourEyesError = errorFactory(STAFF_ERROR_MESSAGES);
const trainingReviewError = errorFactory(TRAINING_ERROR_MESSAGES);

export type FourEyesError = DomainError<'STAFF_SELF_CHANGE' | 'STAFF_OWN_POSITION_REQUIREMENTS'>;
export type TrainingReviewError =
  | FourEyesError
  | DomainError<'TRAINING_ALREADY_REVIEWED' | 'TRAINING_REVIEW_REASON_REQUIRED'>;

/** Who acts: the staff record behind the caller's account (null for admins without one, API keys). */
export type Actor = { readonly staffId: string | null; readonly positionId?: string | null };

/**
 * `STAFF_SELF_CHANGE` when the actor is the staff member whose register entry (rank, position,
 * unit, active flag, competencies, rating) is about to change; ok otherwise.
 */
export function checkNotSelf(actor: Actor, staffId: string): Result<void, FourEyesError> {
  if (actor.staffId !== null && actor.staffId === staffId)
    return err(fourEyesError('STAFF_SELF_CHANGE', { staffId }));
  return ok(undefined);
}

/**
 * `STAFF_OWN_POSITION_REQUIREMENTS` when the actor holds the position whose required
 * competencies are about to change (raising or lowering one's own bar); ok otherwise.
 */
export function checkNotOwnPosition(actor: Actor, positionId: string | null): Result<void, FourEyesError> {
  if (positionId !== null && actor.positionId != null && actor.positionId === positionId)
    return err(fourEyesError('STAFF_OWN_POSITION_REQUIREMENTS', { positionId }));
  return ok(undefined);
}

/** A training record's review state: PENDING until a second person confirms or rejects it. */
export const TRAINING_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/** The one status that counts toward the yearly JP right, the compliance reports and search filters. */
export const COUNTED_TRAINING_STATUS = 'CONFIRMED' satisfies TrainingStatus;

/**
 * The status a new training entry gets: PENDING when the person records it for themselves,
 * CONFIRMED when a second person (their supervisor or an admin) records it for them.
 */
export function newTrainingStatus(actor: Actor, staffId: string): TrainingStatus {
  return actor.staffId === staffId ? 'PENDING' : 'CONFIRMED';
}

export type TrainingDecision = 'CONFIRMED' | 'REJECTED';

export type TrainingReview = { readonly status: TrainingDecision; readonly reason: string };

/** Longest review reason, in characters as a reader counts them (`textLength`). */
export const TRAINING_REVIEW_REASON_MAX = 1000;

/**
 * The review of a pending training by a second person. Errors: `STAFF_SELF_CHANGE` (the person
 * reviews their own entry), `TRAINING_ALREADY_REVIEWED` (not PENDING any more),
 * `TRAINING_REVIEW_REASON_REQUIRED` (an empty reason: each decision is explained), and a `reason`
 * field error (TOO_LONG over TRAINING_REVIEW_REASON_MAX characters, INVALID_CHARACTER).
 */
export function reviewTrainingRecord(input: {
  readonly actor: Actor;
  readonly staffId: string;
  readonly current: TrainingStatus;
  readonly decision: TrainingDecision;
  readonly reason: string | null | undefined;
}): Result<TrainingReview, TrainingReviewError | FieldError> {
  const self = checkNotSelf(input.actor, input.staffId);
  if (!self.ok) return self;
  if (input.current !== 'PENDING')
    return err(trainingReviewError('TRAINING_ALREADY_REVIEWED', { status: input.current }));
  if ((input.reason?.trim() ?? '') === '') return err(trainingReviewError('TRAINING_REVIEW_REASON_REQUIRED'));
  const reason = checkTextLength('reason', input.reason ?? '', { max: TRAINING_REVIEW_REASON_MAX });
  if (!reason.ok) return reason;
  return ok({ status: input.decision, reason: reason.value });
}
