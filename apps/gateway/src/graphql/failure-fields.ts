// One table: the input field a validation error code is about, for the codes that are always
// about the same field (a reason, a target). `failure()` names it in the ValidationError's
// `fields` when neither the domain error nor the resolver names one, so the web app shows the
// message beside that field. Paths are inside the mutation's `input` argument (or its arguments
// when it has no input), written as `inputPath()` writes them. A code whose field differs from
// input to input (REQUIRED, TOO_LONG, an attribute's code) is named where it is raised: by the
// domain's FieldError or by the resolver (FIELD_NAMED_WHERE_RAISED); the few about no one field
// say why (NOT_ABOUT_ONE_FIELD). failure-fields.test.ts walks every mutation and checks that each
// validation code it documents is one of the three.
import type { FailureCode } from './failure-types.js';

export const FAILURE_FIELDS = {
  // ---- accounts ----
  ACCOUNT_EMAIL_INVALID: 'email',
  ACCOUNT_PHONE_INVALID: 'phone',
  ACCOUNT_DISPLAY_NAME_INVALID: 'displayName',
  ACCOUNT_PASSWORD_TOO_SHORT: 'password',
  ACCOUNT_PASSWORD_TOO_LONG: 'password',
  ACCOUNT_PASSWORD_WEAK: 'password',
  PRIVACY_CONSENT_REQUIRED: 'privacyNoticeVersion',
  PRIVACY_NOTICE_OUTDATED: 'privacyNoticeVersion',
  // ---- staff ----
  SKP_QUOTA_RULE_INVALID: 'sangatBaikMaxShare',
  TRAINING_REVIEW_REASON_REQUIRED: 'reason',
  // ---- services ----
  SERVICE_CHANGE_REASON_INVALID: 'reason',
  COMPLAINT_CONTEST_REASON_REQUIRED: 'reason',
  REQUEST_CLAIM_CODE_WRONG: 'code',
  REQUEST_CLAIM_CODE_EXPIRED: 'code',
  TRANSFER_SAME_SERVICE: 'serviceCode',
  TRANSFER_KIND_MISMATCH: 'serviceCode',
  TRANSFER_REASON_REQUIRED: 'reason',
  DUPLICATE_OF_ITSELF: 'originalCode',
  DUPLICATE_DIFFERENT_SERVICE: 'originalCode',
  DUPLICATE_REASON_REQUIRED: 'reason',
  FOLLOW_NOT_PUBLIC: 'trackingCode',
  COORDINATES_INCOMPLETE: 'latitude',
  COORDINATES_OUT_OF_RANGE: 'latitude',
  PRIORITY_REASON_REQUIRED: 'reason',
  RESPONSE_TEMPLATE_PLACEHOLDER_UNKNOWN: 'body',
  RESPONSE_TEMPLATE_TITLE_INVALID: 'title',
  RESPONSE_TEMPLATE_BODY_INVALID: 'body',
  COMPLAINT_CONTACT_INVALID: 'contactEmail',
  // ---- forums ----
  SUBMISSION_TITLE_INVALID: 'title',
  SUBMISSION_HIDE_REASON_REQUIRED: 'reason',
  SUBMISSION_TEXT_REQUIRED: 'text',
  SUBMISSION_TEXT_TOO_LONG: 'text',
  ANSWER_REASON_REQUIRED: 'reason',
  COMMITMENT_CANCEL_REASON_REQUIRED: 'reason',
  COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED: 'reason',
} as const satisfies Partial<Record<FailureCode, string>>;

/**
 * Validation codes whose field depends on the input and is named where the error is raised: the
 * generic field checks (the domain's FieldError carries the field), an attribute's or a list
 * element's problem (`attributes.nik`, `holidays[3].date`), and whole-form codes that carry their
 * fields' problems (VALIDATION_FAILED). A mutation documenting one of these names the field itself.
 */
export const FIELD_NAMED_WHERE_RAISED: ReadonlySet<FailureCode> = new Set<FailureCode>([
  'VALIDATION_FAILED',
  'REQUIRED',
  'INVALID_TYPE',
  'INVALID_FORMAT',
  'OUT_OF_RANGE',
  'NOT_INTEGER',
  'TOO_SHORT',
  'TOO_LONG',
  'NOT_ALLOWED',
  'DUPLICATE',
  'UNKNOWN_FIELD',
  'INVALID_CHARACTER',
  'PROFILE_UPDATE_INVALID',
  // `token` of a link, `code` of an SMS.
  'ACCOUNT_TOKEN_INVALID',
  'ACCOUNT_TOKEN_EXPIRED',
  'ACCOUNT_TOKEN_USED',
  // `reporterPrivacy` of a confidential filing, `serviceCode` of an anonymous one.
  'COMPLAINT_PRIVACY_NOT_COMPLAINT',
  'COMPLAINT_ANONYMOUS_IDENTIFYING_VALUE',
  'DOCUMENT_SLOT_UNKNOWN',
  'DOCUMENT_SLOT_TYPE_NOT_ACCEPTED',
  'DOCUMENT_SLOT_TOO_MANY',
  'DOCUMENT_NOT_IN_SLOT',
  'ATTACHMENT_TYPE_NOT_ACCEPTED',
  'ATTACHMENT_NAME_MISMATCH',
  'ATTACHMENT_NAME_TOO_LONG',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TOO_MANY',
  'ATTACHMENT_IMAGE_TOO_LARGE',
  'ATTACHMENT_UNREADABLE',
  'SURVEY_PROFILE_UNKNOWN_OPTION',
  'SURVEY_AGE_OUT_OF_RANGE',
  'SURVEY_DATE_IN_FUTURE',
  'SURVEY_DATE_OUTSIDE_OPEN_PERIOD',
]);

/**
 * The only validation codes with no field, each with why: they are about the input as a whole or
 * about the caller's account, not about something typed into a field. The web app shows them
 * above the form.
 */
export const NOT_ABOUT_ONE_FIELD = {
  SERVICE_CHANGE_EMPTY: 'the proposal as a whole equals the current version; no one field is wrong',
  ACCOUNT_EMAIL_MISSING: 'the account has no e-mail address to verify; the mutation has no input',
  ACCOUNT_PHONE_MISSING: 'the account has no mobile number to verify; the mutation has no input',
} as const satisfies Partial<Record<FailureCode, string>>;

/** The field a code is always about, if it has one. */
export function fieldOf(code: string): string | undefined {
  return (FAILURE_FIELDS as Readonly<Record<string, string>>)[code];
}
