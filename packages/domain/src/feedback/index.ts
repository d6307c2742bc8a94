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
export type { SkmCoverage } from './sample-size.js';
export { skmCoverage, skmSampleSize } from './sample-size.js';
export type { SkmElement, SkmElementCode } from './skm-elements.js';
export { isSkmElementCode, SKM_ELEMENT_CODES, SKM_ELEMENTS, skmElement } from './skm-elements.js';
