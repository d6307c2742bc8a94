// SKP ratings and the finalising of a unit's period (issue 3, PermenPANRB 6/2022): the rules —
// nobody rates themselves, no rating after finalising, the "Sangat Baik" quota — are the
// domain's (rateSkp, finaliseSkpPeriod); here: authorize, load, write with the audit entry.
import { reasonProblem } from '@layanan/domain';
import type { ExpectationLevel, PerformanceRating } from '@layanan/domain/staff';
import { finaliseSkpPeriod, rateSkp } from '@layanan/domain/staff';
import { NotFoundError } from '../../../graphql/errors.js';
import { failure, invalidFields } from '../../../graphql/failures.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { loadUnitTree, requireManages } from '../access.js';
import { SkpQuotaExceededError } from '../skp-quota-exceeded.js';
import { loadManagedStaff, normaliseCode } from './load.js';

export type RatePerformanceInput = {
  staffId: string;
  year: number;
  results: ExpectationLevel;
  behaviour: ExpectationLevel;
  note?: string | null;
};

export type Rated = { staffId: string; year: number; predikat: PerformanceRating };

/**
 * Locks a period's row for the rest of the transaction and says whether it is finalised: a
 * rating and the finalising of its period never interleave (a rating written after the quota
 * check would change a finalised period), and of two finalisings one sees the other's result.
 */
async function lockPeriod(tx: TransactionClient, periodId: string): Promise<{ finalised: boolean }> {
  const [row] = await tx.$queryRaw<{ finalised: boolean }[]>`
    SELECT finalised FROM performance_period WHERE id = ${periodId}::uuid FOR UPDATE`;
  return { finalised: row?.finalised ?? false };
}

/**
 * Rates a person's SKP for a year: supervisors of the unit tree and admins. The period's row is
 * locked first (`lockPeriod`): a rating racing the period's finalising is refused as
 * SKP_PERIOD_FINALISED once the finalising has committed, or counted by its quota check.
 */
export async function ratePerformance(
  deps: CommandDeps,
  caller: Caller,
  input: RatePerformanceInput,
): Promise<Rated> {
  const scope = auditScope(deps, caller);
  return audited(scope, { action: 'ratePerformance', entityType: 'PerformanceRating' }, async (tx) => {
    const staff = await loadManagedStaff(tx, caller, input.staffId);
    const periodKey = { unitId_year: { unitId: staff.unitId, year: input.year } };
    const existing = await tx.performancePeriod.findUnique({ where: periodKey });
    const rated = rateSkp({
      raterStaffId: caller.kind === 'account' ? caller.staffId : null,
      staffId: staff.id,
      year: input.year,
      results: input.results,
      behaviour: input.behaviour,
      periodFinalised: existing?.finalised ?? false,
    });
    if (!rated.ok) throw 'field' in rated.error ? invalidFields([rated.error]) : failure(rated.error);
    const { predikat } = rated.value;
    const period =
      existing ??
      (await tx.performancePeriod.upsert({
        where: periodKey,
        create: { unitId: staff.unitId, year: input.year },
        update: {},
      }));
    if ((await lockPeriod(tx, period.id)).finalised) throw failure('SKP_PERIOD_FINALISED');
    const noteProblem = reasonProblem('note', input.note);
    if (noteProblem) throw invalidFields([noteProblem]);
    const key = { periodId_staffId: { periodId: period.id, staffId: staff.id } };
    const before = await tx.performanceRating.findUnique({ where: key });
    const data = {
      results: input.results,
      behaviour: input.behaviour,
      predikat,
      note: input.note?.trim() ?? '',
      ratedById: caller.kind === 'account' ? caller.accountId : null,
    };
    const after = await tx.performanceRating.upsert({
      where: key,
      create: { periodId: period.id, staffId: staff.id, ...data },
      update: data,
    });
    return {
      result: { staffId: staff.id, year: input.year, predikat },
      entityId: after.id,
      before,
      after: { ...after, year: input.year },
    };
  });
}

export type FinaliseUnitPeriodInput = {
  unitCode: string;
  year: number;
  /** The organisation's cap on "Sangat Baik" ratings, a share 0–1. */
  sangatBaikMaxShare: number;
  rounding?: 'FLOOR' | 'ROUND' | 'CEIL' | null;
};

export type FinalisedPeriod = {
  unitId: string;
  year: number;
  people: number;
  sangatBaik: number;
  allowed: number;
};

/**
 * Finalises a unit's SKP ratings for a year after the "Sangat Baik" quota check, with the
 * period's row locked (`lockPeriod`): ratings are read and checked as they are when it commits,
 * and a second finalising is SKP_PERIOD_FINALISED.
 */
export async function finaliseUnitPeriod(
  deps: CommandDeps,
  caller: Caller,
  input: FinaliseUnitPeriodInput,
): Promise<FinalisedPeriod> {
  const scope = auditScope(deps, caller);
  return audited(scope, { action: 'finaliseUnitPeriod', entityType: 'PerformancePeriod' }, async (tx) => {
    const tree = await loadUnitTree(tx);
    const code = normaliseCode(input.unitCode);
    const unit = tree.byCode.get(code);
    if (!unit) throw new NotFoundError('Unit', code);
    requireManages(tree, caller, unit.id);
    const key = await tx.performancePeriod.findUnique({
      where: { unitId_year: { unitId: unit.id, year: input.year } },
      select: { id: true },
    });
    if (key) await lockPeriod(tx, key.id);
    const period = await tx.performancePeriod.findUnique({
      where: { unitId_year: { unitId: unit.id, year: input.year } },
      include: { ratings: { include: { staff: { select: { id: true, name: true } } } } },
    });
    if (!period) throw new NotFoundError('PerformancePeriod', `${code} ${input.year}`);
    const checked = finaliseSkpPeriod(
      {
        finalised: period.finalised,
        ratings: period.ratings.map((r) => ({ personId: r.staffId, rating: r.predikat })),
      },
      { maxShare: input.sangatBaikMaxShare, rounding: input.rounding ?? 'FLOOR' },
    );
    if (!checked.ok) {
      const e = checked.error;
      if (e.code === 'SKP_QUOTA_EXCEEDED')
        throw SkpQuotaExceededError.fromDomain(
          e,
          new Map(period.ratings.map((r) => [r.staffId, r.staff.name])),
        );
      throw failure(e, e.code === 'SKP_QUOTA_RULE_INVALID' ? { field: 'sangatBaikMaxShare' } : {});
    }
    const after = await tx.performancePeriod.update({
      where: { id: period.id },
      data: { finalised: true, finalisedAt: deps.now(), sangatBaikMaxShare: input.sangatBaikMaxShare },
    });
    const { ratings: _ratings, ...before } = period;
    const { people, sangatBaik, allowed } = checked.value;
    return {
      result: { unitId: unit.id, year: input.year, people, sangatBaik, allowed },
      entityId: period.id,
      before,
      after,
    };
  });
}
