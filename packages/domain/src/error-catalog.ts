import { ACCOUNT_ERROR_MESSAGES } from './accounts/account.js';
import { ACCOUNT_TOKEN_ERROR_MESSAGES } from './accounts/account-tokens.js';
import { API_KEY_ERROR_MESSAGES } from './accounts/api-key.js';
import { PERSONAL_DATA_ERROR_MESSAGES } from './accounts/personal-data.js';
import {
  CALENDAR_ERROR_MESSAGES,
  DAY_ERROR_MESSAGES,
  HIJRI_ERROR_MESSAGES,
  HOLIDAY_REGISTER_ERROR_MESSAGES,
} from './calendar/messages.js';
import type { Message } from './errors.js';
import { VALIDATION_ERROR_MESSAGES } from './errors.js';
import { IKM_ERROR_MESSAGES, SKM_PERIOD_ERROR_MESSAGES, SURVEY_ERROR_MESSAGES } from './feedback/messages.js';
import {
  ANSWER_ERROR_MESSAGES,
  COMMITMENT_ERROR_MESSAGES,
  FORUM_ERROR_MESSAGES,
  SUBMISSION_ERROR_MESSAGES,
} from './forums/messages.js';
import {
  ATTACHMENT_ERROR_MESSAGES,
  ATTRIBUTE_ERROR_MESSAGES,
  CATALOGUE_ENTRY_ERROR_MESSAGES,
  COMPLAINT_ERROR_MESSAGES,
  DOCUMENT_SLOT_ERROR_MESSAGES,
  IDENTITY_NUMBER_ERROR_MESSAGES,
  ISSUED_DOCUMENT_ERROR_MESSAGES,
  LAPOR_ERROR_MESSAGES,
  REPORTER_CLAIM_ERROR_MESSAGES,
  REQUEST_ERROR_MESSAGES,
  REQUEST_SUBMISSION_ERROR_MESSAGES,
  ROUTING_ERROR_MESSAGES,
  SERVICE_CHANGE_ERROR_MESSAGES,
  SERVICE_STANDARD_ERROR_MESSAGES,
  SERVICE_VERSION_ERROR_MESSAGES,
  TRACKING_CODE_ERROR_MESSAGES,
} from './services/messages.js';
import {
  COMPETENCY_ERROR_MESSAGES,
  NIP_ERROR_MESSAGES,
  PERFORMANCE_ERROR_MESSAGES,
  RANK_ERROR_MESSAGES,
  STAFF_ERROR_MESSAGES,
  TRAINING_ERROR_MESSAGES,
} from './staff/messages.js';

/**
 * Every error catalog of the package, by area. The gateway can build one GraphQL error type per
 * code from this, and a test checks that no code is declared twice.
 */
export const ERROR_CATALOGS = {
  validation: VALIDATION_ERROR_MESSAGES,
  accounts: {
    ...ACCOUNT_ERROR_MESSAGES,
    ...ACCOUNT_TOKEN_ERROR_MESSAGES,
    ...API_KEY_ERROR_MESSAGES,
    ...PERSONAL_DATA_ERROR_MESSAGES,
  },
  calendar: {
    ...DAY_ERROR_MESSAGES,
    ...CALENDAR_ERROR_MESSAGES,
    ...HIJRI_ERROR_MESSAGES,
    ...HOLIDAY_REGISTER_ERROR_MESSAGES,
  },
  staff: {
    ...NIP_ERROR_MESSAGES,
    ...RANK_ERROR_MESSAGES,
    ...COMPETENCY_ERROR_MESSAGES,
    ...TRAINING_ERROR_MESSAGES,
    ...PERFORMANCE_ERROR_MESSAGES,
    ...STAFF_ERROR_MESSAGES,
  },
  services: {
    ...SERVICE_STANDARD_ERROR_MESSAGES,
    ...LAPOR_ERROR_MESSAGES,
    ...REQUEST_ERROR_MESSAGES,
    ...ATTRIBUTE_ERROR_MESSAGES,
    ...TRACKING_CODE_ERROR_MESSAGES,
    ...ROUTING_ERROR_MESSAGES,
    ...CATALOGUE_ENTRY_ERROR_MESSAGES,
    ...REQUEST_SUBMISSION_ERROR_MESSAGES,
    ...SERVICE_VERSION_ERROR_MESSAGES,
    ...IDENTITY_NUMBER_ERROR_MESSAGES,
    ...SERVICE_CHANGE_ERROR_MESSAGES,
    ...COMPLAINT_ERROR_MESSAGES,
    ...REPORTER_CLAIM_ERROR_MESSAGES,
    ...ATTACHMENT_ERROR_MESSAGES,
    ...ISSUED_DOCUMENT_ERROR_MESSAGES,
    ...DOCUMENT_SLOT_ERROR_MESSAGES,
  },
  forums: {
    ...FORUM_ERROR_MESSAGES,
    ...SUBMISSION_ERROR_MESSAGES,
    ...ANSWER_ERROR_MESSAGES,
    ...COMMITMENT_ERROR_MESSAGES,
  },
  feedback: { ...IKM_ERROR_MESSAGES, ...SKM_PERIOD_ERROR_MESSAGES, ...SURVEY_ERROR_MESSAGES },
} as const;

type Catalogs = typeof ERROR_CATALOGS;
/** Every error code the package can return. */
export type DomainErrorCode = { [A in keyof Catalogs]: keyof Catalogs[A] }[keyof Catalogs] & string;

/** Messages of every code, flat. */
export const ERROR_MESSAGES: Readonly<Record<DomainErrorCode, Message>> = Object.assign(
  {},
  ...Object.values(ERROR_CATALOGS),
);

/** Both messages of a code, e.g. to re-localise an error that crossed a process boundary. */
export function errorMessage(code: DomainErrorCode): Message {
  return ERROR_MESSAGES[code];
}
