import { type DomainError, errorFactory, type FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { reasonProblem, textLength } from '../text-limits.js';
import { SUBMISSION_ERROR_MESSAGES, type SubmissionErrorCode } from './messages.js';

/*
 * Citizen submissions to a forum or session (issue 5). Public participation (peran serta
 * masyarakat) in public services, from setting standards to evaluating them, is part of UU 25/2009;
 * the original text is kept unedited and moderation hides, never deletes.
 */
export const SUBMISSION_KINDS = ['ASPIRATION', 'CRITIQUE'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

const submissionError = errorFactory(SUBMISSION_ERROR_MESSAGES);
export type SubmissionError = DomainError<SubmissionErrorCode>;

export const SUBMISSION_MAX_LENGTH = 5000;

/** Checks a new submission. The text is returned exactly as typed, to be stored unedited. */
export function validateSubmission(input: {
  readonly kind: string;
  readonly text: string;
}): Result<{ kind: SubmissionKind; text: string }, SubmissionError> {
  const kind = SUBMISSION_KINDS.find((k) => k === input.kind);
  if (!kind) return err(submissionError('SUBMISSION_KIND_INVALID', { value: input.kind }));
  if (typeof input.text !== 'string' || input.text.trim() === '')
    return err(submissionError('SUBMISSION_TEXT_REQUIRED'));
  const length = textLength(input.text);
  if (length > SUBMISSION_MAX_LENGTH) {
    return err(submissionError('SUBMISSION_TEXT_TOO_LONG', { length, max: SUBMISSION_MAX_LENGTH }));
  }
  return ok({ kind, text: input.text });
}

/** A citizen supports (+1) a submission once; supporting twice is refused, not silently ignored. */
export function checkSupport(
  supporterIds: readonly string[],
  citizenId: string,
): Result<{ supporters: number }, SubmissionError> {
  if (supporterIds.includes(citizenId))
    return err(submissionError('SUBMISSION_ALREADY_SUPPORTED', { citizenId }));
  return ok({ supporters: supporterIds.length + 1 });
}

export type Moderation = { readonly hidden: boolean; readonly reason?: string };

/**
 * The acts of a submission's append-only moderation history (issue 15 kind 7): each hide adds a
 * record with its moderator and reason; a later hide never overwrites an earlier one.
 */
export const MODERATION_ACTIONS = ['HIDE'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/**
 * Hiding needs a reason the author will see, at most REASON_MAX characters (a `reason` field
 * error beyond); the original stays stored.
 */
export function hideSubmission(
  reason: string | null | undefined,
): Result<Moderation, SubmissionError | FieldError> {
  if (!reason || reason.trim() === '') return err(submissionError('SUBMISSION_HIDE_REASON_REQUIRED'));
  const tooLong = reasonProblem('reason', reason);
  if (tooLong) return err(tooLong);
  return ok({ hidden: true, reason });
}

export type SubmissionViewer = { readonly userId?: string; readonly isModerator?: boolean };

/**
 * What a viewer sees of a submission: everything while it is visible; once hidden, the author
 * and moderators still see the text and the reason, everybody else only a notice.
 */
export function submissionVisibility(
  submission: { readonly authorId: string; readonly moderation?: Moderation },
  viewer: SubmissionViewer,
): 'FULL' | 'HIDDEN_WITH_REASON' | 'HIDDEN_NOTICE' {
  if (!submission.moderation?.hidden) return 'FULL';
  return viewer.isModerator || (viewer.userId !== undefined && viewer.userId === submission.authorId)
    ? 'HIDDEN_WITH_REASON'
    : 'HIDDEN_NOTICE';
}

export const SUBMISSION_TITLE_LENGTH = { min: 5, max: 150 } as const;

/** A submission's short public title (the text itself stays as typed). */
export function validateSubmissionTitle(title: string): Result<string, SubmissionError> {
  const trimmed = title.trim();
  const { min, max } = SUBMISSION_TITLE_LENGTH;
  const length = textLength(trimmed);
  if (length < min || length > max) {
    return err(submissionError('SUBMISSION_TITLE_INVALID', { length, min, max }));
  }
  return ok(trimmed);
}
