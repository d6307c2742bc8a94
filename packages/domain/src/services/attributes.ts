import { parseDayNumber } from '../calendar/day.js';
import {
  type FieldError,
  fieldError,
  type InvalidInputError,
  invalidInputError,
  type Message,
} from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { textLength, unsupportedCharacter } from '../text-limits.js';
import { ATTRIBUTE_ERROR_MESSAGES, type AttributeErrorCode } from './messages.js';

/** Attribute types of Open311 GeoReport v2 service definitions. */
export const ATTRIBUTE_DATATYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

/** One field a citizen fills in when requesting a service; defined per service, as data. */
export type ServiceAttribute = {
  readonly code: string;
  readonly datatype: AttributeDatatype;
  readonly required: boolean;
  readonly description?: Message;
  /** Allowed keys for `singlevaluelist` / `multivaluelist`. */
  readonly values?: readonly { readonly key: string; readonly name?: Message }[];
  /** Characters, for `string` (default 255) and `text` (default 10,000). */
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
};

export type AttributeValue = string | number | readonly string[];

const DEFAULT_MAX_LENGTH = { string: 255, text: 10_000 } as const;
// ISO 8601 date or date-time, as Open311 uses; the date part is checked against the calendar.
const DATETIME =
  /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;
const NUMERIC = /^-?\d+(?:\.\d+)?$/;

function blank(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0)
  );
}

/**
 * Validates the values a citizen entered against the service's attribute definitions, with one
 * field error per problem. Text is returned exactly as entered (the original is kept unedited);
 * numbers given as numeric strings become numbers.
 */
export function validateAttributeValues(
  attributes: readonly ServiceAttribute[],
  values: Readonly<Record<string, unknown>>,
): Result<Record<string, AttributeValue>, InvalidInputError<AttributeErrorCode>> {
  const fields: FieldError[] = [];
  const out: Record<string, AttributeValue> = {};
  const known = new Set(attributes.map((a) => a.code));
  for (const key of Object.keys(values)) if (!known.has(key)) fields.push(fieldError(key, 'UNKNOWN_FIELD'));

  for (const a of attributes) {
    const v = values[a.code];
    if (blank(v)) {
      if (a.required) fields.push(fieldError(a.code, 'REQUIRED'));
      continue;
    }
    const problem = (code: Parameters<typeof fieldError>[1], details?: Record<string, unknown>) =>
      fields.push(fieldError(a.code, code, { value: v, ...details }));
    switch (a.datatype) {
      case 'string':
      case 'text': {
        if (typeof v !== 'string') {
          problem('INVALID_TYPE');
          break;
        }
        const maxLength = a.maxLength ?? DEFAULT_MAX_LENGTH[a.datatype];
        const character = unsupportedCharacter(v);
        if (character) problem('INVALID_CHARACTER', { character });
        else if (textLength(v) > maxLength) problem('TOO_LONG', { maxLength });
        else out[a.code] = v;
        break;
      }
      case 'number': {
        const n =
          typeof v === 'number'
            ? v
            : typeof v === 'string' && NUMERIC.test(v.trim())
              ? Number(v)
              : Number.NaN;
        if (!Number.isFinite(n)) problem('INVALID_TYPE');
        else if ((a.min !== undefined && n < a.min) || (a.max !== undefined && n > a.max)) {
          problem('OUT_OF_RANGE', { min: a.min, max: a.max });
        } else out[a.code] = n;
        break;
      }
      case 'datetime': {
        const m = typeof v === 'string' ? DATETIME.exec(v) : null;
        if (!m) problem('INVALID_FORMAT');
        else if (!parseDayNumber(m[1] ?? '').ok) problem('OUT_OF_RANGE');
        else out[a.code] = v as string;
        break;
      }
      case 'singlevaluelist': {
        const keys = (a.values ?? []).map((x) => x.key);
        if (typeof v !== 'string') problem('INVALID_TYPE');
        else if (!keys.includes(v)) problem('NOT_ALLOWED', { allowed: keys });
        else out[a.code] = v;
        break;
      }
      case 'multivaluelist': {
        const keys = (a.values ?? []).map((x) => x.key);
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) problem('INVALID_TYPE');
        else if (v.some((x) => !keys.includes(x))) problem('NOT_ALLOWED', { allowed: keys });
        else if (new Set(v).size !== v.length) problem('DUPLICATE');
        else out[a.code] = [...v];
        break;
      }
      default:
        throw new RangeError(`Unknown attribute datatype ${String((a as ServiceAttribute).datatype)}`);
    }
  }
  return fields.length > 0
    ? err(invalidInputError('REQUEST_ATTRIBUTES_INVALID', ATTRIBUTE_ERROR_MESSAGES, fields))
    : ok(out);
}

const ATTRIBUTE_CODE = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Checks the attribute definitions an administrator gives a service (Open311 GeoReport v2
 * `GET services/{code}`): codes are unique snake_case, datatypes are Open311's, list types have
 * at least one unique value key, and only list types have values. Field paths point into the
 * list, e.g. `attributes[2].values`.
 */
export function validateServiceAttributes(
  input: readonly unknown[],
): Result<ServiceAttribute[], InvalidInputError<AttributeErrorCode>> {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  input.forEach((raw, i) => {
    const at = `attributes[${i}]`;
    const a = (raw ?? {}) as Record<string, unknown>;
    if (typeof a.code !== 'string' || a.code === '') fields.push(fieldError(`${at}.code`, 'REQUIRED'));
    else if (!ATTRIBUTE_CODE.test(a.code))
      fields.push(fieldError(`${at}.code`, 'INVALID_FORMAT', { value: a.code }));
    else if (seen.has(a.code)) fields.push(fieldError(`${at}.code`, 'DUPLICATE', { value: a.code }));
    else seen.add(a.code);
    if (!ATTRIBUTE_DATATYPES.includes(a.datatype as AttributeDatatype)) {
      fields.push(
        fieldError(`${at}.datatype`, 'NOT_ALLOWED', { value: a.datatype, allowed: ATTRIBUTE_DATATYPES }),
      );
    }
    if (typeof a.required !== 'boolean') fields.push(fieldError(`${at}.required`, 'INVALID_TYPE'));
    const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
    const values = a.values as readonly { key?: unknown }[] | undefined;
    if (isList) {
      if (!Array.isArray(values) || values.length === 0) fields.push(fieldError(`${at}.values`, 'REQUIRED'));
      else {
        const keys = values.map((v) => v?.key);
        if (keys.some((k) => typeof k !== 'string' || k.trim() === '')) {
          fields.push(fieldError(`${at}.values`, 'INVALID_FORMAT'));
        } else if (new Set(keys).size !== keys.length) fields.push(fieldError(`${at}.values`, 'DUPLICATE'));
      }
    } else if (values !== undefined && values !== null && (!Array.isArray(values) || values.length > 0)) {
      fields.push(fieldError(`${at}.values`, 'NOT_ALLOWED', { datatype: a.datatype }));
    }
    if (typeof a.min === 'number' && typeof a.max === 'number' && a.min > a.max) {
      fields.push(fieldError(`${at}.min`, 'OUT_OF_RANGE', { min: a.min, max: a.max }));
    }
  });
  return fields.length > 0
    ? err(invalidInputError('SERVICE_ATTRIBUTES_INVALID', ATTRIBUTE_ERROR_MESSAGES, fields))
    : ok(input as ServiceAttribute[]);
}
