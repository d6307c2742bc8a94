import { type Day, parseDayNumber, toDayNumber } from '../calendar/day.js';
import { type FieldError, fieldError, type InvalidInputError, invalidInputError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { TRAINING_ERROR_MESSAGES, type TrainingErrorCode } from './messages.js';

/** One JP (jam pelajaran, lesson hour) is 45 minutes in LAN's competency-development rules. */
export const JP_MINUTES = 45;

/**
 * Every ASN has the right to at least 20 JP of competency development a year
 * (PP 11/2017 art. 203(4), as amended by PP 17/2020; UU 20/2023 on ASN keeps the right).
 */
export const YEARLY_TRAINING_RIGHT_JP = 20;

/** Minutes → JP, unrounded (90 minutes = 2 JP, 100 minutes ≈ 2.22 JP). */
export function minutesToJp(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`minutesToJp: invalid minutes ${minutes}`);
  return minutes / JP_MINUTES;
}

/** JP → minutes. */
export function jpToMinutes(jp: number): number {
  if (!Number.isFinite(jp) || jp < 0) throw new RangeError(`jpToMinutes: invalid JP ${jp}`);
  return jp * JP_MINUTES;
}

/** Keeps sums of fractional JP (e.g. 2/3 + 1/3) from failing a ≥ 20 check by 1e-15. */
function roundJp(jp: number): number {
  return Math.round(jp * 1e6) / 1e6;
}

/** Minutes of training → JP, rounded to 6 decimals so that sums compare exactly (100 min → 2.222222). */
export function trainingJp(minutes: number): number {
  return roundJp(minutesToJp(minutes));
}

/** Whether `minutes` of training in a year meet the yearly right (default 20 JP). */
export function meetsYearlyTrainingRight(minutes: number, requiredJp = YEARLY_TRAINING_RIGHT_JP): boolean {
  return trainingJp(minutes) >= requiredJp;
}

export type TrainingRecord = {
  readonly personId: string;
  /** Completion date, `YYYY-MM-DD`; the record counts for that year. */
  readonly completedOn: string;
  readonly jp: number;
};

export type PersonTrainingCompliance = {
  readonly personId: string;
  readonly unitId?: string;
  readonly jp: number;
  readonly shortfallJp: number;
  readonly compliant: boolean;
};

export type UnitTrainingCompliance = {
  readonly unitId: string;
  readonly people: number;
  readonly compliant: number;
  /** compliant / people, 0–1. */
  readonly complianceRate: number;
  readonly totalJp: number;
  readonly averageJp: number;
};

export type TrainingComplianceReport = {
  readonly year: number;
  readonly requiredJp: number;
  /** Sorted by personId. */
  readonly persons: readonly PersonTrainingCompliance[];
  /** Sorted by unitId; only people with a `unitId` are grouped. */
  readonly units: readonly UnitTrainingCompliance[];
};

/**
 * JP per person in `year` against the yearly right (default 20 JP), and per unit.
 * Pass `people` to include staff without any record (they have 0 JP) and to group by unit;
 * people who only appear in `records` are reported without a unit.
 */
export function trainingCompliance(
  records: readonly TrainingRecord[],
  year: number,
  options: {
    readonly requiredJp?: number;
    readonly people?: readonly { personId: string; unitId?: string }[];
  } = {},
): TrainingComplianceReport {
  const requiredJp = options.requiredJp ?? YEARLY_TRAINING_RIGHT_JP;
  if (!Number.isInteger(year)) throw new RangeError(`trainingCompliance: invalid year ${year}`);
  const from = toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
  const to = toDayNumber(`${String(year).padStart(4, '0')}-12-31`);
  const jpByPerson = new Map<string, number>();
  const unitOf = new Map<string, string | undefined>();
  for (const p of options.people ?? []) {
    jpByPerson.set(p.personId, 0);
    unitOf.set(p.personId, p.unitId);
  }
  for (const r of records) {
    if (!Number.isFinite(r.jp) || r.jp < 0) throw new RangeError(`Invalid JP ${r.jp} for ${r.personId}`);
    const d = toDayNumber(r.completedOn);
    if (d < from || d > to) continue;
    jpByPerson.set(r.personId, (jpByPerson.get(r.personId) ?? 0) + r.jp);
  }
  const persons: PersonTrainingCompliance[] = [...jpByPerson.keys()].sort().map((personId) => {
    const jp = roundJp(jpByPerson.get(personId) ?? 0);
    const unitId = unitOf.get(personId);
    return {
      personId,
      ...(unitId !== undefined ? { unitId } : {}),
      jp,
      shortfallJp: roundJp(Math.max(0, requiredJp - jp)),
      compliant: jp >= requiredJp,
    };
  });
  const byUnit = new Map<string, PersonTrainingCompliance[]>();
  for (const p of persons) {
    if (p.unitId === undefined) continue;
    byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);
  }
  const units = [...byUnit.keys()].sort().map((unitId) => {
    const members = byUnit.get(unitId) ?? [];
    const compliant = members.filter((m) => m.compliant).length;
    const totalJp = roundJp(members.reduce((s, m) => s + m.jp, 0));
    return {
      unitId,
      people: members.length,
      compliant,
      complianceRate: compliant / members.length,
      totalJp,
      averageJp: roundJp(totalJp / members.length),
    };
  });
  return { year, requiredJp, persons, units };
}

/**
 * `trainingCompliance` over minutes already summed per person for `year` (e.g. by a database):
 * each total counts as trained in that year.
 */
export function trainingComplianceOfTotals(
  totals: readonly { readonly personId: string; readonly minutes: number }[],
  year: number,
  options: Parameters<typeof trainingCompliance>[2] = {},
): TrainingComplianceReport {
  const day = `${String(year).padStart(4, '0')}-01-01`;
  return trainingCompliance(
    totals.map((t) => ({ personId: t.personId, completedOn: day, jp: trainingJp(t.minutes) })),
    year,
    options,
  );
}

/**
 * Checks a training record typed by a user: a real completion date not after `now`, and the
 * length as JP or as minutes (exactly one of them, positive). Returns the record in JP.
 */
export function validateTrainingRecord(
  input: {
    readonly personId: string;
    readonly completedOn: string;
    readonly jp?: number;
    readonly minutes?: number;
  },
  options: { readonly now: Day },
): Result<TrainingRecord, InvalidInputError<TrainingErrorCode>> {
  const fields: FieldError[] = [];
  if (typeof input.personId !== 'string' || input.personId.trim() === '')
    fields.push(fieldError('personId', 'REQUIRED'));
  const day = parseDayNumber(input.completedOn);
  if (!day.ok) {
    fields.push(
      fieldError('completedOn', day.error.code === 'DAY_INVALID_FORMAT' ? 'INVALID_FORMAT' : 'OUT_OF_RANGE', {
        value: input.completedOn,
      }),
    );
  } else if (day.value > toDayNumber(options.now)) {
    fields.push(fieldError('completedOn', 'OUT_OF_RANGE', { value: input.completedOn, reason: 'IN_FUTURE' }));
  }
  const hasJp = input.jp !== undefined && input.jp !== null;
  const hasMinutes = input.minutes !== undefined && input.minutes !== null;
  let jp = 0;
  if (hasJp === hasMinutes) {
    fields.push(
      fieldError(hasJp ? 'minutes' : 'jp', hasJp ? 'NOT_ALLOWED' : 'REQUIRED', { reason: 'JP_XOR_MINUTES' }),
    );
  } else {
    const [field, value] = hasJp ? ['jp', input.jp] : ['minutes', input.minutes];
    if (typeof value !== 'number' || !Number.isFinite(value))
      fields.push(fieldError(field, 'INVALID_TYPE', { value }));
    else if (value <= 0)
      fields.push(fieldError(field, 'OUT_OF_RANGE', { value, min: 0, exclusiveMin: true }));
    else jp = hasJp ? value : minutesToJp(value);
  }
  if (fields.length > 0)
    return err(invalidInputError('TRAINING_RECORD_INVALID', TRAINING_ERROR_MESSAGES, fields));
  return ok({ personId: input.personId, completedOn: input.completedOn, jp: roundJp(jp) });
}
