import { addCalendarDays, compareDays, type Day, parseDayNumber } from '../calendar/day.js';
import {
  type FieldError,
  fieldError,
  type InvalidInputError,
  invalidInputError,
  type Message,
} from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { parseNip } from '../staff/nip.js';
import { textLength, unsupportedCharacter } from '../text-limits.js';
import { checkNik, checkNpwp, checkPhone } from './identity-numbers.js';
import {
  ATTRIBUTE_ERROR_MESSAGES,
  type AttributeErrorCode,
  IDENTITY_NUMBER_ERROR_MESSAGES,
} from './messages.js';

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
  /** For `string`: a known identity-number format, checked as the field checks it. */
  readonly format?: AttributeFormat;
  /**
   * For `string`: a regular expression (JavaScript syntax, matched against the whole value) and
   * what it asks for, shown to the citizen and published in the Open311 service definition.
   */
  readonly pattern?: { readonly regex: string; readonly description: Message };
  /**
   * For `datetime`: the allowed dates relative to the day of filing (WIB), in calendar days —
   * e.g. a birth date `{ maxDaysFromToday: 0 }`, a start date `{ minDaysFromToday: 0 }`.
   */
  readonly dateRange?: { readonly minDaysFromToday?: number; readonly maxDaysFromToday?: number };
};

/** Identity-number formats an attribute can require (see identity-numbers.ts, staff/nip.ts). */
export const ATTRIBUTE_FORMATS = ['NIK', 'NIP', 'NPWP', 'PHONE'] as const;
export type AttributeFormat = (typeof ATTRIBUTE_FORMATS)[number];

/** How each format is described to citizens and in the Open311 service definition. */
export const ATTRIBUTE_FORMAT_DESCRIPTIONS = {
  NIK: {
    id: 'NIK: 16 angka (kode wilayah, tanggal lahir, nomor urut), seperti di KTP-el',
    en: 'NIK: 16 digits (region code, birth date, sequence), as on the e-KTP',
  },
  NIP: { id: 'NIP ASN: 18 angka', en: 'Civil-servant NIP: 18 digits' },
  NPWP: {
    id: 'NPWP: 15 angka (mis. 01.234.567.8-901.000) atau 16 angka',
    en: 'NPWP: 15 digits (e.g. 01.234.567.8-901.000) or 16 digits',
  },
  PHONE: {
    id: 'Nomor ponsel Indonesia, mis. 0812-3456-7890',
    en: 'Indonesian mobile number, e.g. 0812-3456-7890',
  },
} as const satisfies Record<AttributeFormat, Message>;

/**
 * What an attribute's format, pattern or date range asks for, in words (both languages), for the
 * form and the Open311 service definition's `datatype_description`; null when it asks nothing
 * beyond its datatype.
 */
export function attributeRuleText(a: ServiceAttribute): Message | null {
  const parts: Message[] = [];
  if (a.format) parts.push(ATTRIBUTE_FORMAT_DESCRIPTIONS[a.format]);
  if (a.pattern) parts.push(a.pattern.description);
  const r = a.dateRange;
  const days = (n: number): Message =>
    n === 0
      ? { id: 'hari ini', en: 'today' }
      : n > 0
        ? { id: `${n} hari setelah hari ini`, en: `${n} days after today` }
        : { id: `${-n} hari sebelum hari ini`, en: `${-n} days before today` };
  if (r?.minDaysFromToday !== undefined) {
    const d = days(r.minDaysFromToday);
    parts.push({ id: `paling awal ${d.id}`, en: `not before ${d.en}` });
  }
  if (r?.maxDaysFromToday !== undefined) {
    const d = days(r.maxDaysFromToday);
    parts.push({ id: `paling akhir ${d.id}`, en: `not after ${d.en}` });
  }
  if (parts.length === 0) return null;
  return { id: parts.map((p) => p.id).join('; '), en: parts.map((p) => p.en).join('; ') };
}

/** The format problem of `value`, as a code and its message, or null when the format holds. */
function formatProblem(
  format: AttributeFormat,
  value: string,
  today: Day,
): { code: string; message: Message } | null {
  const checked =
    format === 'NIK'
      ? checkNik(value, today)
      : format === 'NPWP'
        ? checkNpwp(value, today)
        : format === 'PHONE'
          ? checkPhone(value)
          : parseNip(value, { now: today });
  return checked.ok ? null : { code: checked.error.code, message: checked.error.message };
}

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
  /** The day of filing (WIB): identity numbers' dates and date ranges are checked against it. */
  context: { readonly today: Day },
): Result<Record<string, AttributeValue>, InvalidInputError<AttributeErrorCode>> {
  const fields: FieldError[] = [];
  const out: Record<string, AttributeValue> = {};
  const { today } = context;
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
        const format = a.format ? formatProblem(a.format, v, today) : null;
        if (character) problem('INVALID_CHARACTER', { character });
        else if (textLength(v) > maxLength) problem('TOO_LONG', { maxLength });
        else if (format) {
          fields.push({
            field: a.code,
            code: 'INVALID_FORMAT',
            message: format.message,
            details: { value: v, format: a.format, reason: format.code },
          });
        } else if (a.pattern && !new RegExp(`^(?:${a.pattern.regex})$`, 'u').test(v)) {
          fields.push({
            field: a.code,
            code: 'INVALID_FORMAT',
            message: a.pattern.description,
            details: { value: v, pattern: a.pattern.regex, reason: 'PATTERN_MISMATCH' },
          });
        } else out[a.code] = v;
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
        // The day is checked against the calendar before anything compares it (2026-02-30 and
        // month 13 match the pattern but are no day: a field error, never a thrown RangeError).
        const m = typeof v === 'string' ? DATETIME.exec(v) : null;
        const day = m ? parseDayNumber(m[1] ?? '') : null;
        if (!m || !day) problem('INVALID_FORMAT');
        else if (!day.ok) problem('OUT_OF_RANGE', { reason: day.error.code });
        else {
          const range = a.dateRange ? dateRangeProblem(m[1] ?? '', a.dateRange, today) : null;
          if (range) fields.push({ field: a.code, code: 'OUT_OF_RANGE', ...range });
          else out[a.code] = v as string;
        }
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

/** Whether `day` lies within `range` of `today`; the problem with the allowed bounds, or null. */
function dateRangeProblem(
  day: string,
  range: NonNullable<ServiceAttribute['dateRange']>,
  today: Day,
): { message: Message; details: Record<string, unknown> } | null {
  const earliest =
    range.minDaysFromToday === undefined ? null : addCalendarDays(today, range.minDaysFromToday);
  const latest = range.maxDaysFromToday === undefined ? null : addCalendarDays(today, range.maxDaysFromToday);
  if (earliest && compareDays(day, earliest) < 0) {
    const m = IDENTITY_NUMBER_ERROR_MESSAGES.DATE_TOO_EARLY;
    return {
      message: { id: `${m.id} Paling awal ${earliest}.`, en: `${m.en} The earliest is ${earliest}.` },
      details: { value: day, earliest, reason: 'DATE_TOO_EARLY' },
    };
  }
  if (latest && compareDays(day, latest) > 0) {
    const m = IDENTITY_NUMBER_ERROR_MESSAGES.DATE_TOO_LATE;
    return {
      message: { id: `${m.id} Paling akhir ${latest}.`, en: `${m.en} The latest is ${latest}.` },
      details: { value: day, latest, reason: 'DATE_TOO_LATE' },
    };
  }
  return null;
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
    if (
      a.format !== undefined &&
      (a.datatype !== 'string' || !ATTRIBUTE_FORMATS.includes(a.format as AttributeFormat))
    ) {
      fields.push(fieldError(`${at}.format`, 'NOT_ALLOWED', { value: a.format, allowed: ATTRIBUTE_FORMATS }));
    }
    if (a.pattern !== undefined) {
      const p = a.pattern as { regex?: unknown; description?: { id?: unknown; en?: unknown } };
      let compiles = typeof p?.regex === 'string';
      try {
        if (compiles) new RegExp(p.regex as string, 'u');
      } catch {
        compiles = false;
      }
      const described = typeof p?.description?.id === 'string' && typeof p?.description?.en === 'string';
      if (a.datatype !== 'string' || !compiles || !described)
        fields.push(fieldError(`${at}.pattern`, 'INVALID_FORMAT', { datatype: a.datatype }));
    }
    if (a.dateRange !== undefined) {
      const r = a.dateRange as { minDaysFromToday?: unknown; maxDaysFromToday?: unknown };
      const whole = (n: unknown) => n === undefined || Number.isSafeInteger(n);
      if (a.datatype !== 'datetime' || !whole(r?.minDaysFromToday) || !whole(r?.maxDaysFromToday))
        fields.push(fieldError(`${at}.dateRange`, 'INVALID_FORMAT', { datatype: a.datatype }));
      else if (
        typeof r.minDaysFromToday === 'number' &&
        typeof r.maxDaysFromToday === 'number' &&
        r.minDaysFromToday > r.maxDaysFromToday
      )
        fields.push(fieldError(`${at}.dateRange`, 'OUT_OF_RANGE', { ...r }));
    }
  });
  return fields.length > 0
    ? err(invalidInputError('SERVICE_ATTRIBUTES_INVALID', ATTRIBUTE_ERROR_MESSAGES, fields))
    : ok(input as ServiceAttribute[]);
}
