// Four eyes on the index (issue 15 kind 7): counter (walk-in) answers are attributed to the staff
// member who typed them, capped per staff member per WIB day (LAYANAN_COUNTER_DAILY_CAP), dated
// only inside the open period (LAYANAN_COUNTER_PERIOD), and the IKM shows online and counter
// answers apart, warning when counter answers dominate.
import { testDatabaseKinds } from '@layanan/db/testing';
import { addCalendarDays } from '@layanan/domain/calendar';
import { SKM_ELEMENT_CODES, skmPeriodContaining } from '@layanan/domain/feedback';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { counterSurveyPolicy } from '../../app/config.js';
import { todayWib } from '../../platform/calendar.js';
import { ACCOUNTS } from '../../testing/accounts.js';
import { useHarness } from '../../testing/use-harness.js';

const answers = (score: number) => SKM_ELEMENT_CODES.map((element) => ({ element, score }));
const RECORD = `mutation($input: RecordCounterSurveyInput!) { recordCounterSurvey(input: $input) { __typename
  ... on RecordCounterSurveyPayload { data { channel date } }
  ... on Failure { code messageId messageEn }
  ... on ValidationError { fields { field code } } } }`;
const IKM = `query($unit: String, $period: SkmPeriodInput!) { ikm(unitCode: $unit, period: $period) {
  ... on IkmPayload { data { respondents scoreDisplay grade counterShare
    online { respondents scoreDisplay grade } counter { respondents scoreDisplay grade }
    warnings { code message } } } } }`;

describe('counter survey policy from the environment', () => {
  it('defaults to 20 a day and the quarter, and refuses other values', () => {
    expect(counterSurveyPolicy({})).toEqual({ dailyCap: 20, period: 'QUARTER' });
    expect(counterSurveyPolicy({ LAYANAN_COUNTER_DAILY_CAP: '5', LAYANAN_COUNTER_PERIOD: 'month' })).toEqual({
      dailyCap: 5,
      period: 'MONTH',
    });
    expect(() => counterSurveyPolicy({ LAYANAN_COUNTER_DAILY_CAP: '0' })).toThrow(
      /LAYANAN_COUNTER_DAILY_CAP/,
    );
    expect(() => counterSurveyPolicy({ LAYANAN_COUNTER_PERIOD: 'WEEK' })).toThrow(/LAYANAN_COUNTER_PERIOD/);
  });
});

describe.each(testDatabaseKinds())('counter survey entries on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['yulia', 'hendra', 'admin'] });
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const record = (token: string, input: Record<string, unknown>) => h.gql(RECORD, { input }, { token });
  const today = todayWib();
  const base = { serviceCode: 'SIP-NAKES', date: today, answers: answers(4) };

  it('attributes each entry to its recorder and caps entries per recorder per day, also in parallel', async () => {
    vi.stubEnv('LAYANAN_COUNTER_DAILY_CAP', '3');
    for (let i = 0; i < 3; i++) {
      const ok = await record(t.yulia, base);
      expect(ok.body.data.recordCounterSurvey.__typename).toBe('RecordCounterSurveyPayload');
    }
    const capped = await record(t.yulia, base);
    expect(capped.body.data.recordCounterSurvey).toMatchObject({
      __typename: 'ConflictError',
      code: 'SURVEY_COUNTER_DAILY_CAP_REACHED',
    });
    expect(capped.body.data.recordCounterSurvey.messageId).toMatch(/harian/);
    const yulia = await h.db.prisma.account.findUniqueOrThrow({ where: { email: ACCOUNTS.yulia } });
    expect(
      await h.db.prisma.surveyResponse.count({
        where: { channel: 'COUNTER', recordedByAccountId: yulia.id },
      }),
    ).toBe(3);
    // Another staff member has their own budget; six parallel requests pass the cap only three times.
    const parallel = await Promise.all(Array.from({ length: 6 }, () => record(t.hendra, base)));
    const kinds = parallel.map((r) => r.body.data.recordCounterSurvey.__typename).sort();
    expect(kinds.filter((k) => k === 'RecordCounterSurveyPayload')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'ConflictError')).toHaveLength(3);
  });

  it('dates entries only inside the open period', async () => {
    const open = skmPeriodContaining(today, 'QUARTER');
    const before = await record(t.admin, { ...base, date: addCalendarDays(open.from, -1) });
    expect(before.body.data.recordCounterSurvey).toMatchObject({
      code: 'SURVEY_DATE_OUTSIDE_OPEN_PERIOD',
      fields: [{ field: 'date', code: 'SURVEY_DATE_OUTSIDE_OPEN_PERIOD' }],
    });
    const first = await record(t.admin, { ...base, date: open.from });
    expect(first.body.data.recordCounterSurvey.__typename).toBe('RecordCounterSurveyPayload');
    vi.stubEnv('LAYANAN_COUNTER_PERIOD', 'YEAR');
    const lastYear = await record(t.admin, { ...base, date: `${Number(today.slice(0, 4)) - 1}-12-31` });
    expect(lastYear.body.data.recordCounterSurvey.code).toBe('SURVEY_DATE_OUTSIDE_OPEN_PERIOD');
  });

  it('shows online and counter answers apart and warns when counter answers dominate', async () => {
    const service = await h.db.prisma.service.findUniqueOrThrow({ where: { code: 'SIP-NAKES' } });
    // Two online answers of 2 (the citizens' own view), beside the counter answers of 4 above.
    for (let i = 0; i < 2; i++) {
      await h.db.prisma.surveyResponse.create({
        data: {
          channel: 'ONLINE',
          serviceId: service.id,
          unitId: service.unitId,
          date: new Date(`${today}T00:00:00Z`),
          respondentCode: `TEST-ONLINE-${kind}-${i}`,
          answers: { createMany: { data: answers(2) } },
        },
      });
    }
    const unit = await h.db.prisma.unit.findUniqueOrThrow({ where: { id: service.unitId } });
    const period = { kind: 'YEAR', year: Number(today.slice(0, 4)) };
    const { body } = await h.gql(IKM, { unit: unit.code, period }, { token: t.admin, lang: 'en' });
    const report = body.data.ikm.data;
    expect(report.online).toEqual({ respondents: 2, scoreDisplay: '50.00', grade: 'D' });
    expect(report.counter).toMatchObject({ scoreDisplay: '100.00', grade: 'A' });
    expect(report.counter.respondents).toBeGreaterThan(2);
    expect(report.respondents).toBe(report.online.respondents + report.counter.respondents);
    expect(report.counterShare).toBeGreaterThan(0.5);
    expect(report.warnings).toEqual([
      { code: 'COUNTER_DOMINATES', message: expect.stringMatching(/counter/) },
      // The two online answers above belong to no completed request: counted, and said so.
      { code: 'RESPONDENTS_EXCEED_POPULATION', message: expect.stringMatching(/online/) },
      { code: 'COUNTER_POPULATION_FROM_RESPONDENTS', message: expect.stringMatching(/walk-in/i) },
    ]);
  });
});
