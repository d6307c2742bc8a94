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
  validateNewCommitment,
} from './commitment.js';
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
