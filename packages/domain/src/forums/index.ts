export type { AnswerError, AnswerStatus } from './answer.js';
export {
  ANSWER_ERROR_MESSAGES,
  ANSWER_STATUS_LABELS,
  ANSWER_STATUSES,
  AnswerErrorCode,
  answerDueDate,
  answeredOnTime,
  answerTransition,
  DEFAULT_ANSWER_DEADLINE_WORKING_DAYS,
  isAnswerOverdue,
} from './answer.js';
export type { Commitment, CommitmentError, CommitmentStatus } from './commitment.js';
export {
  applyProgressUpdate,
  COMMITMENT_DESCRIPTION_MAX_LENGTH,
  COMMITMENT_ERROR_MESSAGES,
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_STATUSES,
  COMMITMENT_TRANSITIONS,
  CommitmentErrorCode,
  commitmentDoneOnTime,
  commitmentTransition,
  isCommitmentOverdue,
  OPEN_COMMITMENT_STATUSES,
  validateNewCommitment,
} from './commitment.js';
export type { ForumInputError, NewForum, NewForumSession } from './forum.js';
export {
  accountabilityPeriod,
  answerOverdueCutoff,
  FORUM_ANSWER_DAYS,
  FORUM_ERROR_MESSAGES,
  FORUM_SLUG_MAX_LENGTH,
  FORUM_SLUG_PATTERN,
  FORUM_TEXT_LIMITS,
  ForumErrorCode,
  forumSlugTaken,
  normalizeForumSlug,
  validateForumSession,
  validateNewForum,
  validateSessionMinutes,
} from './forum.js';
export type { ForumNotificationEvent, ForumNotificationKind } from './notifications.js';
export { FORUM_NOTIFICATION_KINDS, forumNotificationText } from './notifications.js';
export type { Moderation, SubmissionError, SubmissionKind, SubmissionViewer } from './submission.js';
export {
  checkSupport,
  hideSubmission,
  SUBMISSION_ERROR_MESSAGES,
  SUBMISSION_KIND_LABELS,
  SUBMISSION_KINDS,
  SUBMISSION_MAX_LENGTH,
  SUBMISSION_TITLE_LENGTH,
  SubmissionErrorCode,
  submissionVisibility,
  validateSubmission,
  validateSubmissionTitle,
} from './submission.js';
