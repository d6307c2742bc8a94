import { testDatabaseKinds } from '@layanan/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ownPermitService } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';

const STATS = `query($from: Day!, $to: Day!, $g: RequestStatisticsGroup!, $s: String) {
  requestStatistics(from: $from, to: $to, groupBy: $g, serviceCode: $s) {
    __typename
    ... on RequestStatisticsPayload { data {
      key count verified completed
      medianVerifyWorkingDays p90VerifyWorkingDays medianVerifyHours p90VerifyHours
      medianCompleteWorkingDays p90CompleteWorkingDays medianCompleteHours p90CompleteHours
      completedWithinStandard withinStandardShare backlog overdue
    } }
    ... on ValidationError { fields { field code } }
  }
}`;

describe.each(testDatabaseKinds())('request statistics on %s', (kind) => {
  const { h } = useHarness(kind);
  beforeAll(async () => {
    const p = h.db.prisma;
    // A service of its own, so seeded demo requests do not enter the sums.
    const { row: requestRow } = await ownPermitService(h, { code: 'STAT-TEST', name: 'Uji statistik' });
    const t = (iso: string) => new Date(iso);
    const d = (day: string) => new Date(`${day}T00:00:00Z`);
    const rows = [
      // verified after 24 h (1 working day), completed after 96 h (4), on time (due 06-09)
      {
        state: 'COMPLETED',
        submittedAt: t('2026-06-02T01:00:00Z'),
        verifiedAt: t('2026-06-03T01:00:00Z'),
        completedAt: t('2026-06-06T01:00:00Z'),
        verifyWorkingDays: 1,
        completeWorkingDays: 4,
        verificationDueOn: d('2026-06-05'),
        completionDueOn: d('2026-06-09'),
      },
      // verified after 72 h (3), completed after 336 h (10), late (due 06-11, done 06-16 WIB)
      {
        state: 'COMPLETED',
        submittedAt: t('2026-06-02T02:00:00Z'),
        verifiedAt: t('2026-06-05T02:00:00Z'),
        completedAt: t('2026-06-16T02:00:00Z'),
        verifyWorkingDays: 3,
        completeWorkingDays: 10,
        verificationDueOn: d('2026-06-05'),
        completionDueOn: d('2026-06-11'),
      },
      // verified after 30 h (1), still in progress, completion due 06-10: overdue
      {
        state: 'IN_PROGRESS',
        submittedAt: t('2026-06-03T03:00:00Z'),
        verifiedAt: t('2026-06-04T09:00:00Z'),
        verifyWorkingDays: 1,
        verificationDueOn: d('2026-06-08'),
        completionDueOn: d('2026-06-10'),
      },
      // never verified, verification due 06-08: overdue
      { state: 'SUBMITTED', submittedAt: t('2026-06-03T04:00:00Z'), verificationDueOn: d('2026-06-08') },
      // outside the period (1 July 06:00 WIB)
      { state: 'SUBMITTED', submittedAt: t('2026-06-30T23:00:00Z'), verificationDueOn: d('2026-07-06') },
    ] as const;
    let n = 0;
    for (const r of rows) {
      n += 1;
      await p.serviceRequest.create({
        data: requestRow({ ...r, trackingCode: `SWL-2026-9${String(n).padStart(5, '0')}` }),
      });
    }
  });

  it('matches a hand-computed small case, by service and by unit', async () => {
    const expected = {
      count: 4,
      verified: 3,
      completed: 2,
      // verify days [1, 1, 3]: median 1, p90 = 1 + 0.8 × (3 − 1) = 2.6
      medianVerifyWorkingDays: 1,
      p90VerifyWorkingDays: 2.6,
      // verify hours [24, 30, 72]: median 30, p90 = 30 + 0.8 × 42 = 63.6
      medianVerifyHours: 30,
      p90VerifyHours: 63.6,
      // complete days [4, 10]: median 7, p90 = 4 + 0.9 × 6 = 9.4; hours [96, 336]: 216 and 312
      medianCompleteWorkingDays: 7,
      p90CompleteWorkingDays: 9.4,
      medianCompleteHours: 216,
      p90CompleteHours: 312,
      completedWithinStandard: 1,
      withinStandardShare: 0.5,
      backlog: 2,
      overdue: 2,
    };
    for (const g of ['SERVICE', 'UNIT']) {
      const { body } = await h.gql(STATS, { from: '2026-06-01', to: '2026-06-30', g, s: 'STAT-TEST' });
      const [row, ...rest] = body.data.requestStatistics.data;
      expect(rest).toEqual([]);
      expect(row.key).toBe(g === 'SERVICE' ? 'STAT-TEST' : 'DPMPTSP');
      for (const [k, v] of Object.entries(expected)) expect(row[k], k).toBeCloseTo(v, 6);
    }
  });

  it('refuses days that are not days, naming each variable in both languages', async () => {
    // A Day variable is checked before the query runs: the error names the variable and says
    // what is wrong in Indonesian and English (it was a field error when these were Strings).
    const { body } = await h.gql(STATS, { from: '2026-13-01', to: 'kemarin', g: 'SERVICE' });
    expect(body.data).toBeUndefined();
    const errors = body.errors ?? [];
    expect(errors.map((e) => e.extensions?.code)).toEqual(['DAY_NOT_A_DATE', 'DAY_INVALID_FORMAT']);
    expect(errors[0]?.message).toMatch(/\$from.*tidak ada di kalender.* \/ The date does not exist/);
    expect(errors[1]?.message).toMatch(/\$to.*TTTT-BB-HH.* \/ A date must be written YYYY-MM-DD/);
  });

  it('reports a period that ends before it starts as a field error', async () => {
    const { body } = await h.gql(STATS, { from: '2026-06-30', to: '2026-06-01', g: 'SERVICE' });
    expect(body.data.requestStatistics.fields).toEqual([{ field: 'to', code: 'OUT_OF_RANGE' }]);
  });
});
