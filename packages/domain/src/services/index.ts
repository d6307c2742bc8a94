export type { AttributeDatatype, AttributeValue, ServiceAttribute } from './attributes.js';
export {
  ATTRIBUTE_DATATYPES,
  ATTRIBUTE_ERROR_MESSAGES,
  AttributeErrorCode,
  validateAttributeValues,
  validateServiceAttributes,
} from './attributes.js';
export type { CatalogueEntryError, CatalogueEntryUpdate } from './catalogue-entry.js';
export {
  CATALOGUE_ENTRY_ERROR_MESSAGES,
  CATALOGUE_ENTRY_LIMITS,
  CatalogueEntryErrorCode,
  validateServiceUpdate,
} from './catalogue-entry.js';
export type { DeadlinePeriod, LaporDeadlines, LaporReportType, LaporStageDueDates } from './lapor.js';
export {
  dueDate,
  LAPOR_DEFAULT_DEADLINES,
  LAPOR_ERROR_MESSAGES,
  LAPOR_REPORT_TYPE_LABELS,
  LAPOR_REPORT_TYPES,
  LaporErrorCode,
  laporStageDueDates,
  resolveLaporDeadlines,
} from './lapor.js';
export { checkCorrection, checkReassignment } from './request-changes.js';
export type {
  ClockedRequest,
  EscalationCandidate,
  EscalationDue,
  RequestClockChanges,
  TransitionPlan,
  TransitionPlanInput,
} from './request-clock.js';
export { AUTO_ESCALATION_STATES, escalationDue, planRequestTransition } from './request-clock.js';
export type { StatisticsPeriod } from './request-statistics.js';
export { periodOf, statisticsPeriod } from './request-statistics.js';
export type {
  CheckedSubmission,
  NamedCitizen,
  RequestFiler,
  SubmissionDraft,
  SubmissionError,
  SubmissionPlan,
  SubmissionPlanInput,
  Submitter,
} from './request-submission.js';
export {
  checkSubmission,
  MAX_IDEMPOTENCY_KEY,
  MAX_REQUEST_TEXT,
  planSubmission,
  REQUEST_SUBMISSION_ERROR_MESSAGES,
  REQUESTS_WRITE_SCOPE,
  RequestSubmissionErrorCode,
  requestIdempotencyKey,
  requestSubmitter,
} from './request-submission.js';
export type { AssignmentCandidate } from './routing.js';
export { pickAssignee, ROUTING_ERROR_MESSAGES, RoutingErrorCode } from './routing.js';
export type {
  RequestActor,
  RequestChannel,
  RequestClock,
  RequestDeadlineStatus,
  RequestDeadlines,
  RequestError,
  RequestState,
  RequestTransition,
} from './service-request.js';
export {
  allowedRequestTransitions,
  CLOCK_RUNNING_STATES,
  CLOSED_REQUEST_STATES,
  checkRequestVersion,
  isOpen,
  isOverdue,
  isTerminalRequestState,
  OPEN_REQUEST_STATES,
  open311Status,
  REQUEST_ACTORS,
  REQUEST_CHANNELS,
  REQUEST_ERROR_MESSAGES,
  REQUEST_STATE_LABELS,
  REQUEST_STATES,
  REQUEST_TRANSITIONS,
  REQUEST_VERIFICATION_WORKING_DAYS,
  RequestErrorCode,
  requestClock,
  requestDeadlineStatus,
  requestTransition,
} from './service-request.js';
export type {
  ServiceKind,
  ServiceStandard,
  ServiceStandardComponent,
  ServiceStandardError,
  TextOrList,
} from './service-standard.js';
export {
  missingServiceStandardComponents,
  SERVICE_KIND_LABELS,
  SERVICE_KINDS,
  SERVICE_STANDARD_COMPONENT_CODES,
  SERVICE_STANDARD_COMPONENTS,
  SERVICE_STANDARD_ERROR_MESSAGES,
  ServiceStandardErrorCode,
  validateServiceStandard,
} from './service-standard.js';
export type {
  CatalogueEntryStandard,
  CheckedServiceVersion,
  ServiceVersionDraft,
  VersionStandard,
} from './service-version.js';
export {
  CATALOGUE_EDIT_VERSION_NOTE,
  checkServiceVersion,
  checkVersionNote,
  INITIAL_VERSION_NOTE,
  normalizeServiceCode,
  SERVICE_CODE_PATTERN,
  SERVICE_VERSION_ERROR_MESSAGES,
  ServiceVersionErrorCode,
  serviceCodeTaken,
  serviceEntryProblems,
  versionForCatalogueEdit,
} from './service-version.js';
export type { TrackingCode } from './tracking-code.js';
export {
  formatTrackingCode,
  parseTrackingCode,
  TRACKING_CODE_ERROR_MESSAGES,
  TrackingCodeErrorCode,
} from './tracking-code.js';
