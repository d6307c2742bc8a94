import { compareDays, type Day, parseDayNumber } from '../calendar/day.js';
import { type DomainError, errorFactory, type FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { reasonProblem, textLength } from '../text-limits.js';
import { COMMITMENT_ERROR_MESSAGES, type CommitmentErrorCode } from './messages.js';

/*
 * Follow-up commitments for accepted submissions: an owner, a due date, progress 0–100 % with
 * dated public updates, and a status. This is the loop participatory platforms leave open.
 */
export const COMMITMENT_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

const commitmentError = errorFactory(COMMITMENT_ERROR_MESSAGES);
export type CommitmentError = DomainError<CommitmentErrorCode>;

const CLOSED: readonly CommitmentStatus[] = ['DONE', 'CANCELLED'];
/** Statuses of a commitment still to be done: the ones that can be overdue. */
export const OPEN_COMMITMENT_STATUSES: readonly CommitmentStatus[] = COMMITMENT_STATUSES.filter(
  (s) => !CLOSED.includes(s),
);

export const COMMITMENT_TRANSITIONS: Readonly<Record<CommitmentStatus, readonly CommitmentStatus[]>> = {
  PLANNED: ['IN_PROGRESS', 'DONE', 'CANCELLED'],
  IN_PROGRESS: ['DONE', 'CANCELLED'],
  DONE: [],
  CANCELLED: [],
};

/**
 * Status change of a commitment; cancelling needs a public reason of at most REASON_MAX characters
 * (a `reason` field error beyond).
 */
export function commitmentTransition(
  from: CommitmentStatus,
  to: CommitmentStatus,
  reason?: string | null,
): Result<{ from: CommitmentStatus; to: CommitmentStatus }, CommitmentError | FieldError> {
  if (CLOSED.includes(from)) return err(commitmentError('COMMITMENT_CLOSED', { from, to }));
  if (!COMMITMENT_TRANSITIONS[from]?.includes(to)) {
    return err(commitmentError('COMMITMENT_TRANSITION_NOT_ALLOWED', { from, to }));
  }
  if (to === 'CANCELLED' && (!reason || reason.trim() === '')) {
    return err(commitmentError('COMMITMENT_CANCEL_REASON_REQUIRED'));
  }
  const tooLong = to === 'CANCELLED' ? reasonProblem('reason', reason) : null;
  if (tooLong) return err(tooLong);
  return ok({ from, to });
}

export type Commitment = {
  readonly status: CommitmentStatus;
  readonly progress: number;
  readonly dueDate: string;
  /** Date of the latest public update, if any. */
  readonly lastUpdateOn?: string;
};

/** A progress update as entered: whole percent, public note, WIB date, reason if it goes down. */
export type ProgressUpdate = {
  readonly progress: number;
  readonly note: string;
  readonly date: string;
  /** Required when `progress` is below the current progress; shown publicly. */
  readonly decreaseReason?: string | null;
};

export type ProgressChange = {
  readonly status: CommitmentStatus;
  readonly progress: number;
  readonly lastUpdateOn: string;
  /** The progress before, when the update lowers it (with `decreaseReason`), else null. */
  readonly decreasedFrom: number | null;
  readonly decreaseReason: string | null;
};

/**
 * A dated public progress update. Progress is a whole percentage 0–100; the status follows it
 * (above 0 a planned commitment is in progress, 100 means done). History moves forward only:
 * progress may go down — plans change — but only with a public reason
 * (COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED, `details.from`/`to`); every update needs a
 * public note, and updates are dated in order, never in the future. Errors: COMMITMENT_CLOSED,
 * COMMITMENT_PROGRESS_INVALID, COMMITMENT_UPDATE_NOTE_REQUIRED, COMMITMENT_UPDATE_DATE_INVALID,
 * COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED, and a `note` or `decreaseReason` field error (TOO_LONG
 * over REASON_MAX characters, INVALID_CHARACTER).
 */
export function applyProgressUpdate(
  commitment: Commitment,
  update: ProgressUpdate,
  options: { readonly today: Day },
): Result<ProgressChange, CommitmentError | FieldError> {
  if (CLOSED.includes(commitment.status))
    return err(commitmentError('COMMITMENT_CLOSED', { status: commitment.status }));
  const p = update.progress;
  if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > 100) {
    return err(commitmentError('COMMITMENT_PROGRESS_INVALID', { value: p }));
  }
  if (typeof update.note !== 'string' || update.note.trim() === '') {
    return err(commitmentError('COMMITMENT_UPDATE_NOTE_REQUIRED'));
  }
  const day = parseDayNumber(update.date);
  if (
    !day.ok ||
    compareDays(update.date, options.today) > 0 ||
    (commitment.lastUpdateOn !== undefined && compareDays(update.date, commitment.lastUpdateOn) < 0)
  ) {
    return err(commitmentError('COMMITMENT_UPDATE_DATE_INVALID', { value: update.date }));
  }
  const tooLong =
    reasonProblem('note', update.note) ?? reasonProblem('decreaseReason', update.decreaseReason);
  if (tooLong) return err(tooLong);
  const decreased = p < commitment.progress;
  const reason = update.decreaseReason?.trim() || null;
  if (decreased && !reason) {
    return err(
      commitmentError('COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED', { from: commitment.progress, to: p }),
    );
  }
  const status: CommitmentStatus =
    p === 100 ? 'DONE' : p > 0 || commitment.status === 'IN_PROGRESS' ? 'IN_PROGRESS' : 'PLANNED';
  return ok({
    status,
    progress: p,
    lastUpdateOn: update.date,
    decreasedFrom: decreased ? commitment.progress : null,
    decreaseReason: decreased ? reason : null,
  });
}

/**
 * Optimistic concurrency of commitments and improvement actions: every update carries the
 * version its author saw (`expected`, optional for older clients) and increments it; a stale one
 * is a COMMITMENT_VERSION_CONFLICT (`details.currentVersion`, `details.expectedVersion`).
 */
export function checkCommitmentVersion(
  current: number,
  expected: number | null | undefined,
): Result<number, CommitmentError> {
  if (expected === null || expected === undefined || expected === current) return ok(current + 1);
  return err(
    commitmentError('COMMITMENT_VERSION_CONFLICT', { currentVersion: current, expectedVersion: expected }),
  );
}

/** Overdue: not done or cancelled, and the due date has passed (a calendar date, in WIB). */
export function isCommitmentOverdue(commitment: Pick<Commitment, 'status' | 'dueDate'>, today: Day): boolean {
  return !CLOSED.includes(commitment.status) && compareDays(today, commitment.dueDate) > 0;
}

/** Done on time: finished on or before its due date. */
export function commitmentDoneOnTime(dueDate: string, doneOn: Day): boolean {
  return compareDays(doneOn, dueDate) <= 0;
}

export const COMMITMENT_DESCRIPTION_MAX_LENGTH = 2000;

/**
 * A new commitment: only for an accepted submission without one, with a description, a due date
 * today or later (WIB), and a responsible person who is active staff of the owning unit.
 */
export function validateNewCommitment(input: {
  readonly submissionStatus: string;
  readonly hasCommitment: boolean;
  readonly description: string;
  readonly dueOn: string;
  readonly today: Day;
  readonly owner: { readonly active: boolean; readonly unitId: string };
  readonly unitId: string;
}): Result<{ description: string; dueOn: string }, CommitmentError> {
  if (input.submissionStatus !== 'ACCEPTED') {
    return err(commitmentError('COMMITMENT_SUBMISSION_NOT_ACCEPTED', { status: input.submissionStatus }));
  }
  if (input.hasCommitment) return err(commitmentError('COMMITMENT_ALREADY_EXISTS'));
  const description = input.description.trim();
  const length = textLength(description);
  if (length === 0 || length > COMMITMENT_DESCRIPTION_MAX_LENGTH) {
    return err(commitmentError('COMMITMENT_DESCRIPTION_REQUIRED', { length }));
  }
  if (!parseDayNumber(input.dueOn).ok || compareDays(input.dueOn, input.today) < 0) {
    return err(commitmentError('COMMITMENT_DUE_DATE_INVALID', { value: input.dueOn }));
  }
  if (!input.owner.active || input.owner.unitId !== input.unitId) {
    return err(commitmentError('COMMITMENT_OWNER_NOT_IN_UNIT'));
  }
  return ok({ description, dueOn: input.dueOn });
}
