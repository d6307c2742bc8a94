import {
  type FieldError,
  fieldError,
  type InvalidInputError,
  invalidInputError,
  type Message,
  wholeNumberErrors,
} from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { SERVICE_STANDARD_ERROR_MESSAGES, type ServiceStandardErrorCode } from './messages.js';

/** What a citizen can ask for; a service of each kind is data, not code. */
export const SERVICE_KINDS = ['REGISTRATION', 'PERMIT', 'COMPLAINT', 'INFORMATION_REQUEST'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/**
 * The 14 components of a service standard (standar pelayanan), UU 25/2009 on public services,
 * art. 21 (a–n), in the law's order.
 */
export const SERVICE_STANDARD_COMPONENTS = [
  { code: 'LEGAL_BASIS', label: { id: 'Dasar hukum', en: 'Legal basis' } },
  { code: 'REQUIREMENTS', label: { id: 'Persyaratan', en: 'Requirements' } },
  {
    code: 'PROCEDURE',
    label: { id: 'Sistem, mekanisme, dan prosedur', en: 'System, mechanism and procedure' },
  },
  { code: 'COMPLETION_TIME', label: { id: 'Jangka waktu penyelesaian', en: 'Completion time' } },
  { code: 'COST', label: { id: 'Biaya/tarif', en: 'Cost/tariff' } },
  { code: 'PRODUCT', label: { id: 'Produk pelayanan', en: 'Service product' } },
  {
    code: 'FACILITIES',
    label: { id: 'Sarana, prasarana, dan/atau fasilitas', en: 'Facilities and infrastructure' },
  },
  { code: 'STAFF_COMPETENCE', label: { id: 'Kompetensi pelaksana', en: 'Staff competence' } },
  { code: 'INTERNAL_SUPERVISION', label: { id: 'Pengawasan internal', en: 'Internal supervision' } },
  {
    code: 'COMPLAINT_HANDLING',
    label: {
      id: 'Penanganan pengaduan, saran, dan masukan',
      en: 'Handling of complaints, suggestions and input',
    },
  },
  { code: 'STAFF_COUNT', label: { id: 'Jumlah pelaksana', en: 'Number of staff' } },
  { code: 'SERVICE_GUARANTEE', label: { id: 'Jaminan pelayanan', en: 'Guarantee of service' } },
  {
    code: 'SECURITY_SAFETY_GUARANTEE',
    label: { id: 'Jaminan keamanan dan keselamatan pelayanan', en: 'Guarantee of security and safety' },
  },
  {
    code: 'PERFORMANCE_EVALUATION',
    label: { id: 'Evaluasi kinerja pelaksana', en: 'Performance evaluation of staff' },
  },
] as const satisfies readonly { code: string; label: Message }[];

export type ServiceStandardComponent = (typeof SERVICE_STANDARD_COMPONENTS)[number]['code'];
export const SERVICE_STANDARD_COMPONENT_CODES: readonly ServiceStandardComponent[] =
  SERVICE_STANDARD_COMPONENTS.map((c) => c.code);

/** Free text, or a list of items (requirements, procedure steps, legal bases…). */
export type TextOrList = string | readonly string[];

type NumericComponent = 'COMPLETION_TIME' | 'COST' | 'STAFF_COUNT';

export type ServiceStandard = {
  readonly [K in Exclude<ServiceStandardComponent, NumericComponent>]: TextOrList;
} & {
  /** Working days from a complete application to the product. */
  readonly COMPLETION_TIME: number;
  /** Rupiah, 0 = free; or a description (e.g. a tariff table set by a regional regulation). */
  readonly COST: number | string;
  readonly STAFF_COUNT: number;
};

export type ServiceStandardError = InvalidInputError<ServiceStandardErrorCode> & {
  /** Components that are absent or empty, in the law's order. */
  readonly missing: readonly ServiceStandardComponent[];
};

function isBlank(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0 || v.every((x) => typeof x === 'string' && x.trim() === '');
  return false;
}

/** The components that are absent or empty. */
export function missingServiceStandardComponents(
  input: Readonly<Record<string, unknown>>,
): ServiceStandardComponent[] {
  return SERVICE_STANDARD_COMPONENT_CODES.filter((c) => isBlank(input[c]));
}

/**
 * Checks that a service publishes all 14 components (UU 25/2009 art. 21) with sensible values:
 * text or a non-empty list of text, completion time a positive whole number of working days,
 * cost a non-negative whole number of rupiah or a description, staff count a positive integer.
 */
export function validateServiceStandard(
  input: Readonly<Record<string, unknown>>,
): Result<ServiceStandard, ServiceStandardError> {
  const missing = missingServiceStandardComponents(input);
  const fields: FieldError[] = missing.map((c) => fieldError(c, 'REQUIRED'));
  for (const key of Object.keys(input)) {
    if (!(SERVICE_STANDARD_COMPONENT_CODES as readonly string[]).includes(key))
      fields.push(fieldError(key, 'UNKNOWN_FIELD'));
  }
  for (const code of SERVICE_STANDARD_COMPONENT_CODES) {
    const v = input[code];
    if (isBlank(v)) continue;
    switch (code) {
      case 'COMPLETION_TIME':
      case 'STAFF_COUNT':
        if (typeof v !== 'number') fields.push(fieldError(code, 'INVALID_TYPE', { value: v }));
        else fields.push(...wholeNumberErrors(code, v, { min: 1 }));
        break;
      case 'COST':
        if (typeof v === 'number') fields.push(...wholeNumberErrors(code, v, { min: 0 }));
        else if (typeof v !== 'string') fields.push(fieldError(code, 'INVALID_TYPE', { value: v }));
        break;
      default:
        if (Array.isArray(v)) {
          v.forEach((item, i) => {
            if (typeof item !== 'string')
              fields.push(fieldError(`${code}[${i}]`, 'INVALID_TYPE', { value: item }));
            else if (item.trim() === '') fields.push(fieldError(`${code}[${i}]`, 'REQUIRED'));
          });
        } else if (typeof v !== 'string') fields.push(fieldError(code, 'INVALID_TYPE', { value: v }));
    }
  }
  if (fields.length > 0) {
    return err({
      ...invalidInputError('SERVICE_STANDARD_INVALID', SERVICE_STANDARD_ERROR_MESSAGES, fields, { missing }),
      missing,
    });
  }
  return ok(input as ServiceStandard);
}
