export type { CitizenRating, CitizenRatingSummary, RequestTrailActor } from './citizen-rating.js';
export { citizenRatingSummary, ratingYearDays, staffWhoActedOnRequest } from './citizen-rating.js';
export type { HistoricIkmFieldError, HistoricIkmInput, ValidHistoricIkm } from './historic-ikm.js';
export { HISTORIC_IKM_FIRST_YEAR, validateHistoricIkm } from './historic-ikm.js';
export type {
  IkmElementResult,
  IkmError,
  IkmGrade,
  IkmOptions,
  IkmResult,
  IkmRule,
  IkmWeighting,
  SkmElementTotal,
  SkmResponse,
  SkmTotals,
} from './ikm.js';
export {
  computeIkm,
  computeIkmFromTotals,
  IKM_BAND_LIMITS,
  IKM_ERROR_MESSAGES,
  IKM_GRADE_LABELS,
  IKM_RULES,
  IKM_WEIGHTINGS,
  IkmErrorCode,
  ikmGrade,
} from './ikm.js';
export type { IkmElementScore, IkmReport, IkmScopeKind, SkmTotalsRow } from './ikm-report.js';
export { buildIkmReport, IKM_WEAKEST_SHOWN, ikmScopeProblem, skmTotalsByBucket } from './ikm-report.js';
export type {
  ElementAverage,
  ImprovementActionKind,
  ImprovementActionStatus,
  ImprovementInput,
  ProposedImprovementAction,
  WeakElement,
} from './improvement.js';
export {
  IMPROVEMENT_ACTION_KINDS,
  IMPROVEMENT_ACTION_STATUSES,
  IMPROVEMENT_DUE_WORKING_DAYS,
  proposeImprovementActions,
  weakSkmElements,
} from './improvement.js';
export type {
  ImprovementActionChange,
  ImprovementActionUpdate,
  ImprovementUpdateError,
  TrackedImprovementAction,
  UnknownCompetencyError,
} from './improvement-tracking.js';
export {
  applyImprovementActionUpdate,
  competencyCodesOf,
  improvementOwnerProblem,
  isImprovementActionOverdue,
  skmCompetencyMapping,
} from './improvement-tracking.js';
export type { SkmPeriod, SkmPeriodError, SkmPeriodInput, SkmPeriodKind } from './period.js';
export {
  parseSkmPeriod,
  SKM_PERIOD_ERROR_MESSAGES,
  SKM_PERIOD_KINDS,
  SkmPeriodErrorCode,
  skmPeriod,
  skmPeriodsOfYear,
} from './period.js';
export type { SkmCoverage } from './sample-size.js';
export { skmCoverage, skmSampleSize } from './sample-size.js';
export type { SkmElement, SkmElementCode } from './skm-elements.js';
export { isSkmElementCode, SKM_ELEMENT_CODES, SKM_ELEMENTS, skmElement } from './skm-elements.js';
export type { SkmReportRequest } from './skm-report-request.js';
export { skmReportRequest } from './skm-report-request.js';
export type { SkmProfileCount, SkmReportLanguage, SkmReportScope } from './skm-report-table.js';
export { skmReportFileName, skmReportTable } from './skm-report-table.js';
export type {
  SkmChannel,
  StaffRatingInput,
  SurveyAnswerInput,
  SurveyError,
  SurveyFieldError,
  SurveyInput,
  ValidSurvey,
} from './survey.js';
export {
  counterSurveyDateProblem,
  SKM_CHANNELS,
  SURVEY_ERROR_MESSAGES,
  SURVEY_TEXT_MAX,
  SurveyErrorCode,
  surveyInvitationMessage,
  surveyRequestProblem,
  validateSurvey,
} from './survey.js';
export type { SurveyGender, SurveyProfile, SurveyProfileInput } from './survey-profile.js';
export { normalizeSurveyProfile, SURVEY_PROFILE_MAX_LENGTH, surveyRespondentCode } from './survey-profile.js';
