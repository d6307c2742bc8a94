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
  COMMITMENT_ERROR_MESSAGES,
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_STATUSES,
  COMMITMENT_TRANSITIONS,
  CommitmentErrorCode,
  commitmentDoneOnTime,
  commitmentTransition,
  isCommitmentOverdue,
} from './commitment.js';
export type { Moderation, SubmissionError, SubmissionKind, SubmissionViewer } from './submission.js';
export {
  checkSupport,
  hideSubmission,
  SUBMISSION_ERROR_MESSAGES,
  SUBMISSION_KIND_LABELS,
  SUBMISSION_KINDS,
  SUBMISSION_MAX_LENGTH,
  SubmissionErrorCode,
  submissionVisibility,
  validateSubmission,
} from './submission.js';
