// One table: which GraphQL error type each error code is reported as. Every code of the domain
// catalogue (@layanan/domain ERROR_CATALOGS) and of the gateway catalogue (gateway-errors.ts) has
// exactly one entry; a new code without an entry does not compile (`satisfies` below), and the
// resolvers build their errors through `failure()` instead of choosing a type each time.
//
// Field errors name their field as a path inside the mutation's `input` argument: object keys
// joined by dots, list positions in brackets — `text`, `attributes.fungsi`, `holidays[3].date`
// (`inputPath()` builds them).
import {
  type DomainError,
  type DomainErrorCode,
  ERROR_MESSAGES,
  type FieldError,
  type Message,
} from '@layanan/domain';
import { CalendarCoverageError } from '@layanan/domain/calendar';
import { GraphQLError } from 'graphql';
import {
  AuthenticationFailedError,
  ConflictError,
  type FieldProblem,
  LayananError,
  NotFoundError,
  RequestTransitionError,
  ValidationError,
} from './errors.js';
import { GATEWAY_ERROR_MESSAGES, type GatewayErrorCode } from './gateway-errors.js';

/** The GraphQL object type (a member of the mutation's result union) a code is reported as. */
export type FailureType =
  | 'ValidationError'
  | 'ConflictError'
  | 'NotFoundError'
  | 'AuthenticationFailed'
  | 'RequestTransitionError'
  | 'SkpQuotaExceededError'
  | 'OperationFailed';

export type FailureCode = DomainErrorCode | GatewayErrorCode;

const V = 'ValidationError';
const C = 'ConflictError';
const T = 'RequestTransitionError';

export const FAILURE_TYPES = {
  // ---- gateway ----
  VALIDATION_FAILED: V,
  NOT_FOUND: 'NotFoundError',
  FORBIDDEN: 'OperationFailed',
  INVALID_CREDENTIALS: 'AuthenticationFailed',
  REFRESH_TOKEN_INVALID: 'AuthenticationFailed',
  CURRENT_PASSWORD_WRONG: 'AuthenticationFailed',
  UNAUTHENTICATED: 'OperationFailed',
  METHOD_NOT_ALLOWED: 'OperationFailed',
  // Request-level errors (in `errors`, built by gatewayGraphQLError), never a union member.
  INVALID_TOKEN: 'OperationFailed',
  INVALID_API_KEY: 'OperationFailed',
  ACCOUNT_DISABLED: 'OperationFailed',
  DEV_LOGIN_DISABLED: 'OperationFailed',
  ACCESS_ENDED: 'OperationFailed',
  RATE_LIMITED: 'OperationFailed',
  PAYLOAD_TOO_LARGE: 'OperationFailed',
  CSRF_HEADER_REQUIRED: 'OperationFailed',
  QUERY_TOO_DEEP: 'OperationFailed',
  QUERY_TOO_EXPENSIVE: 'OperationFailed',
  TOO_MANY_ALIASES: 'OperationFailed',
  TOO_MANY_DIRECTIVES: 'OperationFailed',
  TOO_MANY_TOKENS: 'OperationFailed',
  INTROSPECTION_DISABLED: 'OperationFailed',
  BAD_USER_INPUT: 'OperationFailed',
  MALFORMED_ENCODING: 'OperationFailed',
  TOO_MANY_PARAMETERS: 'OperationFailed',
  INPUT_TOO_NESTED: 'OperationFailed',
  MALFORMED_JSON: 'OperationFailed',
  UNSUPPORTED_MEDIA_TYPE: 'OperationFailed',
  UNEXPECTED_ERROR: 'OperationFailed',
  FILE_LINK_INVALID: 'OperationFailed',
  FILE_LINK_EXPIRED: 'OperationFailed',
  // ---- generic field validation ----
  REQUIRED: V,
  INVALID_TYPE: V,
  INVALID_FORMAT: V,
  OUT_OF_RANGE: V,
  NOT_INTEGER: V,
  TOO_SHORT: V,
  TOO_LONG: V,
  NOT_ALLOWED: V,
  DUPLICATE: V,
  UNKNOWN_FIELD: V,
  INVALID_CHARACTER: V,
  // ---- accounts ----
  ACCOUNT_EMAIL_INVALID: V,
  ACCOUNT_PHONE_INVALID: V,
  ACCOUNT_IDENTIFIER_REQUIRED: V,
  ACCOUNT_DISPLAY_NAME_INVALID: V,
  ACCOUNT_PASSWORD_TOO_SHORT: V,
  ACCOUNT_PASSWORD_TOO_LONG: V,
  ACCOUNT_PASSWORD_WEAK: V,
  ACCOUNT_REGISTRATION_INVALID: V,
  ACCOUNT_EXISTS: C,
  ACCOUNT_TOKEN_INVALID: V,
  ACCOUNT_TOKEN_EXPIRED: V,
  ACCOUNT_TOKEN_USED: V,
  ACCOUNT_EMAIL_MISSING: V,
  ACCOUNT_PHONE_MISSING: V,
  ACCOUNT_ALREADY_VERIFIED: C,
  ERASURE_NOT_CITIZEN: 'OperationFailed',
  ERASURE_ALREADY_DONE: C,
  PROFILE_UPDATE_INVALID: V,
  PROFILE_CONTACT_REQUIRED: V,
  PRIVACY_CONSENT_REQUIRED: V,
  PRIVACY_NOTICE_OUTDATED: V,
  RETENTION_YEARS_INVALID: V,
  // No SMS provider: nothing the caller can change.
  SMS_NOT_CONFIGURED: 'OperationFailed',
  API_KEY_INVALID: V,
  INVALID_SCOPE: V,
  // ---- calendar ----
  DAY_INVALID_FORMAT: V,
  DAY_NOT_A_DATE: V,
  DATETIME_INVALID: V,
  DATETIME_OFFSET_REQUIRED: V,
  CALENDAR_INVALID: V,
  // A deadline reaching a year whose holidays are not loaded: a data gap the caller cannot fix.
  CALENDAR_YEAR_UNKNOWN: 'OperationFailed',
  HOLIDAY_HIJRI_NAME_MISMATCH: V,
  HOLIDAY_DUPLICATE: C,
  // ---- staff ----
  NIP_REQUIRED: V,
  NIP_NON_DIGIT: V,
  NIP_INVALID_LENGTH: V,
  NIP_INVALID_BIRTH_DATE: V,
  NIP_INVALID_APPOINTMENT_DATE: V,
  NIP_INVALID_GENDER: V,
  NIP_APPOINTMENT_BEFORE_AGE_18: V,
  NIP_APPOINTMENT_IN_FUTURE: V,
  NIP_SEQUENCE_ZERO: V,
  RANK_UNKNOWN: V,
  PPPK_GRADE_UNKNOWN: V,
  COMPETENCY_LEVEL_INVALID: V,
  COMPETENCY_TYPE_INVALID: V,
  TRAINING_RECORD_INVALID: V,
  SKP_QUOTA_EXCEEDED: 'SkpQuotaExceededError',
  SKP_QUOTA_RULE_INVALID: V,
  SKP_SELF_RATING: C,
  SKP_PERIOD_FINALISED: C,
  STAFF_NIP_TAKEN: C,
  TRAINING_RECORD_DUPLICATE: C,
  STAFF_SELF_CHANGE: C,
  STAFF_OWN_POSITION_REQUIREMENTS: C,
  TRAINING_ALREADY_REVIEWED: C,
  TRAINING_REVIEW_REASON_REQUIRED: V,
  // ---- services ----
  SERVICE_STANDARD_INVALID: V,
  LAPOR_DEADLINES_INVALID: V,
  REQUEST_TRANSITION_NOT_ALLOWED: T,
  REQUEST_ALREADY_CLOSED: T,
  REQUEST_ALREADY_ASSIGNED_TO_CALLER: C,
  REQUEST_WITHDRAWAL_TOO_LATE: T,
  REQUEST_ACTOR_NOT_ALLOWED: T,
  REQUEST_REASON_REQUIRED: T,
  REQUEST_VERSION_CONFLICT: C,
  // Subscriptions: reported as the FORBIDDEN access error.
  REQUEST_NOT_VISIBLE: 'OperationFailed',
  REQUEST_ATTRIBUTES_INVALID: V,
  SERVICE_ATTRIBUTES_INVALID: V,
  TRACKING_CODE_INVALID: V,
  REQUEST_NO_COMPETENT_STAFF: V,
  CATALOGUE_ENTRY_INVALID: V,
  SERVICE_CODE_TAKEN: C,
  SERVICE_VERSION_INVALID: V,
  SERVICE_CHANGE_EMPTY: V,
  SERVICE_CHANGE_OWN_PROPOSAL: C,
  // Reported as the FORBIDDEN access error, as requireManages does elsewhere.
  SERVICE_CHANGE_NOT_DECIDER: 'OperationFailed',
  SERVICE_CHANGE_ALREADY_DECIDED: C,
  SERVICE_CHANGE_STALE: C,
  SERVICE_CHANGE_REASON_INVALID: V,
  // Complaint handling (issue 20): the reporter's answer, transfer, duplicates, triage.
  COMPLAINT_ANSWER_NOT_APPLICABLE: T,
  COMPLAINT_NOT_DECIDED: T,
  COMPLAINT_ALREADY_CLOSED: C,
  COMPLAINT_RESPONSE_WINDOW_PASSED: C,
  COMPLAINT_CONTEST_REASON_REQUIRED: V,
  COMPLAINT_REOPEN_LIMIT: C,
  TRANSFER_SAME_SERVICE: V,
  TRANSFER_KIND_MISMATCH: V,
  TRANSFER_REASON_REQUIRED: V,
  TRANSFER_REQUEST_CLOSED: T,
  DUPLICATE_OF_ITSELF: V,
  DUPLICATE_DIFFERENT_SERVICE: V,
  DUPLICATE_REQUEST_CLOSED: T,
  DUPLICATE_ORIGINAL_CLOSED: C,
  PRIORITY_REASON_REQUIRED: V,
  RESPONSE_TEMPLATE_PLACEHOLDER_UNKNOWN: V,
  RESPONSE_TEMPLATE_TITLE_INVALID: V,
  RESPONSE_TEMPLATE_BODY_INVALID: V,
  ESCALATION_LADDER_INVALID: V,
  COMPLAINT_PRIVACY_NOT_COMPLAINT: V,
  COMPLAINT_PRIVACY_SIGN_IN_REQUIRED: 'OperationFailed',
  COMPLAINT_ANONYMOUS_FILER: 'OperationFailed',
  COMPLAINT_ANONYMOUS_IDENTIFYING_VALUE: V,
  COMPLAINT_CONTACT_INVALID: V,
  ANONYMOUS_ACCESS_REFUSED: 'AuthenticationFailed',
  // Issued documents (issue 19 item 5).
  DOCUMENT_NUMBER_INVALID: V,
  DOCUMENT_ALREADY_REVOKED: C,
  DOCUMENT_TEMPLATE_INVALID: V,
  DOCUMENT_SLOT_UNKNOWN: V,
  DOCUMENT_SLOT_TYPE_NOT_ACCEPTED: V,
  DOCUMENT_SLOT_TOO_MANY: V,
  DOCUMENT_NOT_IN_SLOT: V,
  DOCUMENT_SUPERSEDED: C,
  DOCUMENT_REVIEW_REQUEST_CLOSED: C,
  // Like a transition refused for its state: verification waits for the documents.
  DOCUMENTS_INCOMPLETE: T,
  // Reported as the FORBIDDEN access error (platform/authz.ts `forbidden()`), as before.
  REQUEST_FILER_NOT_ALLOWED: 'OperationFailed',
  REQUEST_SUBMISSION_INVALID: V,
  // Reasons inside an attribute's INVALID_FORMAT / OUT_OF_RANGE field error (identity-numbers.ts).
  NIK_INVALID_LENGTH: V,
  NIK_REGION_UNKNOWN: V,
  NIK_BIRTH_DATE_INVALID: V,
  NIK_SEQUENCE_ZERO: V,
  NPWP_INVALID: V,
  PHONE_INVALID: V,
  PATTERN_MISMATCH: V,
  DATE_TOO_EARLY: V,
  DATE_TOO_LATE: V,
  IDEMPOTENCY_KEY_REUSED: C,
  ATTACHMENT_TYPE_NOT_ACCEPTED: V,
  ATTACHMENT_NAME_MISMATCH: V,
  ATTACHMENT_NAME_TOO_LONG: V,
  ATTACHMENT_TOO_LARGE: V,
  ATTACHMENT_TOO_MANY: V,
  ATTACHMENT_IMAGE_TOO_LARGE: V,
  ATTACHMENT_UNREADABLE: V,
  // ---- forums ----
  FORUM_INVALID: V,
  FORUM_SLUG_TAKEN: C,
  FORUM_SESSION_INVALID: V,
  FORUM_PERIOD_INVALID: V,
  SUBMISSION_ALREADY_ANSWERED: C,
  SUBMISSION_TITLE_INVALID: V,
  SUBMISSION_ALREADY_SUPPORTED: V,
  SUBMISSION_HIDE_REASON_REQUIRED: V,
  SUBMISSION_TEXT_REQUIRED: V,
  SUBMISSION_TEXT_TOO_LONG: V,
  SUBMISSION_KIND_INVALID: V,
  ANSWER_TRANSITION_NOT_ALLOWED: V,
  ANSWER_REASON_REQUIRED: V,
  COMMITMENT_TRANSITION_NOT_ALLOWED: V,
  COMMITMENT_CLOSED: V,
  COMMITMENT_CANCEL_REASON_REQUIRED: V,
  COMMITMENT_PROGRESS_INVALID: V,
  COMMITMENT_UPDATE_NOTE_REQUIRED: V,
  COMMITMENT_UPDATE_DATE_INVALID: V,
  COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED: V,
  COMMITMENT_VERSION_CONFLICT: C,
  COMMITMENT_SUBMISSION_NOT_ACCEPTED: V,
  COMMITMENT_ALREADY_EXISTS: V,
  COMMITMENT_DESCRIPTION_REQUIRED: V,
  COMMITMENT_DUE_DATE_INVALID: V,
  COMMITMENT_OWNER_NOT_IN_UNIT: V,
  // ---- feedback ----
  SKM_NO_RESPONDENTS: V,
  SKM_EMPTY_RESPONSE: V,
  SKM_UNKNOWN_ELEMENT: V,
  SKM_INVALID_SCORE: V,
  SKM_ELEMENT_UNANSWERED: V,
  SKM_INVALID_TOTALS: V,
  SKM_UNKNOWN_RULE: V,
  SKM_SCORE_OUT_OF_RANGE: V,
  SKM_PERIOD_INVALID_KIND: V,
  SKM_PERIOD_INVALID_YEAR: V,
  SKM_PERIOD_INVALID_NUMBER: V,
  SKM_PERIOD_INVALID_FORMAT: V,
  SURVEY_NO_ANSWERS: V,
  SURVEY_DUPLICATE_ELEMENT: V,
  SURVEY_UNKNOWN_ELEMENT: V,
  SURVEY_INVALID_SCORE: V,
  SURVEY_TEXT_TOO_LONG: V,
  SURVEY_PROFILE_UNKNOWN_OPTION: V,
  SURVEY_AGE_OUT_OF_RANGE: V,
  SURVEY_STAFF_NOT_ON_REQUEST: V,
  SURVEY_DUPLICATE_STAFF: V,
  SURVEY_ALREADY_ANSWERED: C,
  SURVEY_REQUEST_NOT_COMPLETED: C,
  SURVEY_DATE_IN_FUTURE: V,
  SURVEY_DATE_OUTSIDE_OPEN_PERIOD: V,
  SURVEY_COUNTER_DAILY_CAP_REACHED: C,
} as const satisfies { readonly [K in FailureCode]: FailureType };

/** The messages of a code, from the domain catalogue or the gateway's. */
export function messageOf(code: FailureCode): Message {
  return (
    (ERROR_MESSAGES as Readonly<Record<string, Message>>)[code] ??
    GATEWAY_ERROR_MESSAGES[code as GatewayErrorCode]
  );
}

/** `inputPath('holidays', 3, 'date')` → `holidays[3].date`: the one way field paths are written. */
export function inputPath(...segments: readonly (string | number)[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

type Coded = { readonly code: string; readonly message: Message };

/** One problem with one field of the input. */
export function fieldProblem(field: string, error: Coded): FieldProblem {
  return { field, code: error.code, messageId: error.message.id, messageEn: error.message.en };
}

/**
 * A domain rule's per-field errors as one ValidationError: a single problem keeps its own code
 * (e.g. `NIP_INVALID_BIRTH_DATE`), several become `VALIDATION_FAILED`. `prefix` places the
 * fields of a nested input (`inputPath('rating')` → `rating.note`).
 */
export function invalidFields(
  fields: readonly (FieldError | (Coded & { field: string }))[],
  prefix?: string,
) {
  const problems = fields.map((f) => fieldProblem(prefix ? `${prefix}.${f.field}` : f.field, f));
  return invalidInput(problems);
}

/** Problems already built as `FieldProblem`s: one keeps its code, several are VALIDATION_FAILED. */
export function invalidInput(problems: readonly FieldProblem[]): ValidationError {
  const [only] = problems;
  if (problems.length === 1 && only)
    return new ValidationError(only.code, only.messageId, only.messageEn, problems);
  return validationFailed(problems);
}

/**
 * Always `VALIDATION_FAILED` (a form's problems, however many), each field keeping its own code:
 * `FieldProblem`s as they are, or a domain rule's field errors (`rename` maps their field names to
 * the input's paths, e.g. `date` → `holidays[3].date`).
 */
export function validationFailed(
  fields: readonly (FieldProblem | (Coded & { field: string }))[],
  rename: (field: string) => string = (field) => field,
): ValidationError {
  const problems = fields.map((f) =>
    'messageId' in f ? { ...f, field: rename(f.field) } : fieldProblem(rename(f.field), f),
  );
  const message = GATEWAY_ERROR_MESSAGES.VALIDATION_FAILED;
  return new ValidationError('VALIDATION_FAILED', message.id, message.en, problems);
}

/**
 * The typed GraphQL error for a domain or gateway error, chosen by FAILURE_TYPES. `field` names
 * the input field a validation error is about. Transition errors carry `from`/`to` in
 * `error.details`; types that need more data than a code (NotFoundError, SkpQuotaExceededError)
 * are built by their own constructors.
 */
export function failure(
  error: DomainError<FailureCode> | FailureCode,
  options: { field?: string } = {},
): LayananError {
  const e: DomainError<FailureCode> =
    typeof error === 'string' ? { code: error, message: messageOf(error) } : error;
  const type: FailureType = FAILURE_TYPES[e.code];
  switch (type) {
    case 'ValidationError': {
      // A domain field error names its own field (e.g. a reason TOO_LONG); it wins over the default.
      const field = 'field' in e && typeof e.field === 'string' ? e.field : options.field;
      return new ValidationError(e.code, e.message.id, e.message.en, field ? [fieldProblem(field, e)] : []);
    }
    case 'ConflictError':
      return new ConflictError(e.code, e.message.id, e.message.en);
    case 'AuthenticationFailed':
      return new AuthenticationFailedError(e.code, e.message);
    case 'RequestTransitionError':
      return new RequestTransitionError(
        e.code,
        e.message.id,
        e.message.en,
        String(e.details?.from ?? ''),
        String(e.details?.to ?? ''),
      );
    case 'NotFoundError':
      return new NotFoundError(String(e.details?.entity ?? ''), String(e.details?.key ?? ''));
    case 'SkpQuotaExceededError':
    case 'OperationFailed':
      return new LayananError(e.code, e.message.id, e.message.en);
  }
}

/**
 * A deadline computed past the years the working calendar knows throws the domain's
 * CalendarCoverageError from any command: reported as a request-level error with its code
 * (CALENDAR_YEAR_UNKNOWN), both messages and the unknown year, instead of a masked one.
 */
export function calendarCoverageGraphQLError(error: unknown): GraphQLError | undefined {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (!(original instanceof CalendarCoverageError)) return undefined;
  const { code, message, details } = original.error;
  return new GraphQLError(`${message.id} / ${message.en}`, {
    ...(error instanceof GraphQLError ? { path: error.path, nodes: error.nodes } : {}),
    extensions: { code, messageId: message.id, messageEn: message.en, ...details },
  });
}
