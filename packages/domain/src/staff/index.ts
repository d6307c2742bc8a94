export type {
  CompetencyAtLevel,
  CompetencyGap,
  CompetencyLevel,
  CompetencyType,
  UnitCompetencyGap,
  UnitCompetencyGapReport,
  UnitMemberCompetencies,
} from './competencies.js';
export {
  COMPETENCY_ERROR_MESSAGES,
  COMPETENCY_LEVELS,
  COMPETENCY_TYPE_LABELS,
  COMPETENCY_TYPES,
  CompetencyErrorCode,
  competencyGaps,
  isCompetencyLevel,
  parseCompetencyLevel,
  parseCompetencyType,
  unitCompetencyGapReport,
} from './competencies.js';
export type { StaffFieldError } from './field-checks.js';
export { checkJpBudget, checkStaffYear, onField, requiredField, STAFF_YEAR_RANGE } from './field-checks.js';
export type { Gender, NipError, NipKind, ParsedNip, StaffKind } from './nip.js';
export { formatNip, GENDERS, NIP_ERROR_MESSAGES, NipErrorCode, parseNip, STAFF_KINDS } from './nip.js';
export type {
  ExpectationLevel,
  OrganizationRating,
  PerformanceRating,
  QuotaCheck,
  QuotaRounding,
  SangatBaikQuotaRule,
} from './performance.js';
export {
  checkSangatBaikQuota,
  EXPECTATION_LABELS,
  EXPECTATION_LEVELS,
  ORGANIZATION_RATINGS,
  PERFORMANCE_ERROR_MESSAGES,
  PERFORMANCE_RATING_LABELS,
  PERFORMANCE_RATINGS,
  PerformanceErrorCode,
  performanceRating,
  QUOTA_ROUNDINGS,
  SKP_MATRIX,
  skpRating,
} from './performance.js';
export type { PositionRequirements, PositionRequirementsInput } from './position-requirements.js';
export { validatePositionRequirements } from './position-requirements.js';
export type { PnsRank, PnsRankCode, PppkGrade } from './ranks.js';
export {
  comparePnsRanks,
  comparePppkGrades,
  nextPnsRank,
  PNS_RANK_CODES,
  PNS_RANKS,
  PPPK_GRADES,
  parsePnsRank,
  parsePppkGrade,
  pnsRank,
  pnsRankOrder,
  pppkGradeOrder,
  RANK_ERROR_MESSAGES,
  RankErrorCode,
} from './ranks.js';
export type { SkpQuotaExcess, SkpRatingInput } from './skp-period.js';
export { finaliseSkpPeriod, rateSkp, skpQuotaExcess, skpQuotaExcessMessage } from './skp-period.js';
export type {
  CataloguedPosition,
  NewStaff,
  NewStaffInput,
  RankStep,
  StaffChangeInput,
  StaffChanges,
  StaffPosition,
  StaffRank,
} from './staff-record.js';
export {
  anyStaffRank,
  STAFF_ERROR_MESSAGES,
  StaffErrorCode,
  staffError,
  staffPosition,
  staffRank,
  validateNewStaff,
  validateStaffChanges,
} from './staff-record.js';
export type {
  PersonTrainingCompliance,
  TrainingComplianceReport,
  TrainingRecord,
  UnitTrainingCompliance,
} from './training.js';
export {
  JP_MINUTES,
  jpToMinutes,
  meetsYearlyTrainingRight,
  minutesToJp,
  TRAINING_ERROR_MESSAGES,
  TrainingErrorCode,
  trainingCompliance,
  trainingComplianceOfTotals,
  trainingJp,
  validateTrainingRecord,
  YEARLY_TRAINING_RIGHT_JP,
} from './training.js';
export type { TrainingEntry, TrainingEntryInput } from './training-entry.js';
export { validateTrainingEntry } from './training-entry.js';
export type {
  PlannedCourse,
  TrainingCourse,
  TrainingPlan,
  TrainingPlanOptions,
  UnitTrainingPlan,
} from './training-plan.js';
export { proposeTrainingPlan, proposeUnitTrainingPlan, TRAINING_PLAN_EXPLANATION } from './training-plan.js';
