// Figures a reader can trust (issue 16 kind 13): the SKM population covers the same channels and
// days as the respondents — online respondents answer requests completed in the period, counter
// (walk-in) respondents count as people served at the counter — so "Cakupan sampel" is never
// above 100 % and a month with respondents never shows "Populasi: 0"; the CSV says the same.
import { testDatabaseKinds } from '@layanan/db/testing';
import { SKM_ELEMENT_CODES } from '@layanan/domain/feedback';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS } from '../../testing/accounts.js';
import { useHarness } from '../../testing/use-harness.js';

const IKM_FIELDS = `respondents population completedRequests requiredSample coverage sampleSufficient
  sampleShortfall responseRate online { respondents population } counter { respondents population }
  warnings { code message }`;
const IKM = `query($service: String, $period: SkmPeriodInput!) { ikm(serviceCode: $service, period: $period) {
  __typename ... on IkmPayload { data { ${IKM_FIELDS} } } } }`;
const TREND = `query($service: String) { ikmTrend(serviceCode: $service, year: 2025, kind: MONTH) {
  __typename ... on IkmTrendPayload { data { periodKey ${IKM_FIELDS} } } } }`;
const REPORT = `query($unit: String!, $period: SkmPeriodInput!) { skmReport(unitCode: $unit, period: $period) {
  __typename ... on SkmReportPayload { data { ikm { ${IKM_FIELDS} } csv } } } }`;

const answers = SKM_ELEMENT_CODES.map((element) => ({ element, score: 3 }));
const MARCH = { kind: 'MONTH', year: 2025, number: 3 };
const APRIL = { kind: 'MONTH', year: 2025, number: 4 };

describe.each(testDatabaseKinds())('SKM population and coverage on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['hendra'] });

  /** March 2025: 3 requests completed (one at 01:00 WIB on 1 March), 2 answered online, 95 counter answers; April: 4 counter answers, nothing completed. */
  async function seed() {
    const service = await h.db.prisma.service.findUniqueOrThrow({ where: { code: 'SIP-NAKES' } });
    const citizen = await h.db.prisma.account.findUniqueOrThrow({ where: { email: ACCOUNTS.warga } });
    const completedAt = ['2025-02-28T18:00:00Z', '2025-03-10T03:00:00Z', '2025-03-31T16:59:59Z'];
    // Completed at 00:00 WIB on 1 April: April's, not March's (and not answered).
    completedAt.push('2025-03-31T17:00:00Z');
    for (const [i, at] of completedAt.entries()) {
      const request = await h.db.prisma.serviceRequest.create({
        data: {
          trackingCode: `SIP-NAKES-2025-9${kind === 'pglite' ? 1 : 2}00${i}`,
          serviceId: service.id,
          serviceVersionId: service.currentVersionId!,
          unitId: service.unitId,
          citizenAccountId: citizen.id,
          submittedByAccountId: citizen.id,
          originalText: 'Permohonan uji',
          attributeValues: {},
          state: 'COMPLETED',
          submittedAt: new Date('2025-02-20T03:00:00Z'),
          verificationDueOn: new Date('2025-02-25T00:00:00Z'),
          completedAt: new Date(at),
        },
      });
      if (i < 2) {
        await h.db.prisma.surveyResponse.create({
          data: {
            requestId: request.id,
            channel: 'ONLINE',
            serviceId: service.id,
            unitId: service.unitId,
            date: new Date(i === 0 ? '2025-03-01T00:00:00Z' : '2025-03-10T00:00:00Z'),
            respondentCode: `T-ON-${kind}-${i}`,
            answers: { createMany: { data: answers } },
          },
        });
      }
    }
    const counter = (n: number, day: string, tag: string) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          h.db.prisma.surveyResponse.create({
            data: {
              channel: 'COUNTER',
              serviceId: service.id,
              unitId: service.unitId,
              date: new Date(`${day}T00:00:00Z`),
              respondentCode: `T-CT-${kind}-${tag}-${i}`,
              answers: { createMany: { data: answers } },
            },
          }),
        ),
      );
    await counter(95, '2025-03-15', 'mar');
    await counter(4, '2025-04-02', 'apr');
  }

  it('counts counter respondents in the population and keeps coverage at most 100 %, with warnings', async () => {
    await seed();
    const { body } = await h.gql(IKM, { service: 'SIP-NAKES', period: MARCH }, { lang: 'en' });
    const march = body.data.ikm.data;
    // Before: population 3 (completed requests), minimum 3, coverage 97 / 3 = 3233 %.
    expect(march).toMatchObject({
      respondents: 97,
      completedRequests: 3,
      population: 98,
      requiredSample: 78,
      coverage: 1,
      sampleSufficient: true,
      sampleShortfall: 0,
      online: { respondents: 2, population: 3 },
      counter: { respondents: 95, population: 95 },
    });
    expect(march.responseRate).toBeCloseTo(97 / 98, 12);
    expect(march.warnings.map((w: { code: string }) => w.code)).toEqual([
      'COUNTER_DOMINATES',
      'COUNTER_POPULATION_FROM_RESPONDENTS',
    ]);
    expect(march.warnings[1].message).toMatch(/lower bound/);
  });

  it('gives a month with counter respondents and no completed online request a population', async () => {
    const { body } = await h.gql(IKM, { service: 'SIP-NAKES', period: APRIL });
    // The request completed at 00:00 WIB on 1 April counts in April, beside its 4 counter answers.
    expect(body.data.ikm.data).toMatchObject({
      respondents: 4,
      completedRequests: 1,
      population: 5,
      requiredSample: 5,
      coverage: 0.8,
      sampleSufficient: false,
      sampleShortfall: 1,
      online: { respondents: 0, population: 1 },
      counter: { respondents: 4, population: 4 },
    });
    const trend = (await h.gql(TREND, { service: 'SIP-NAKES' })).body.data.ikmTrend.data;
    const byKey = Object.fromEntries(trend.map((m: { periodKey: string }) => [m.periodKey, m]));
    expect(byKey['M03-2025']).toMatchObject({ respondents: 97, population: 98, coverage: 1 });
    expect(byKey['M04-2025']).toMatchObject({ respondents: 4, population: 5 });
    // A month with counter respondents only: the population is never 0 beside respondents.
    for (const m of trend) {
      expect(m.population).toBeGreaterThanOrEqual(m.respondents);
      expect(m.coverage).toBeLessThanOrEqual(1);
    }
  });

  it('writes the same population, coverage and warnings in the CSV', async () => {
    const { body } = await h.gql(REPORT, { unit: 'DPMPTSP', period: MARCH }, { token: t.hendra });
    const { ikm, csv } = body.data.skmReport.data;
    expect(ikm).toMatchObject({ respondents: 97, population: 98, coverage: 1 });
    const rows: string[][] = parse(csv, { relax_column_count: true });
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(value('Populasi (orang dilayani)')).toBe('98');
    expect(value('Populasi daring (permohonan selesai)')).toBe('3');
    expect(value('Populasi loket (responden loket)')).toBe('95');
    expect(value('Sampel minimum (Krejcie & Morgan)')).toBe('78');
    expect(value('Cakupan sampel minimum (%)')).toBe('100.0');
    expect(value('Tingkat respons (responden / populasi, %)')).toBe('99.0');
    expect(rows.filter((r) => r[0] === 'Peringatan').map((r) => r[1])).toEqual([
      'COUNTER_DOMINATES',
      'COUNTER_POPULATION_FROM_RESPONDENTS',
    ]);
  });
});
