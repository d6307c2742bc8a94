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
  surveyRequestProblem,
  validateSurvey,
} from './survey.js';
