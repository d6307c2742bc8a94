// The respondent profile end to end (issue 16): a too-long text is refused with a field error,
// never cut (kind 8), and whatever respondents typed reaches the SKM CSV — the GraphQL `csv` field
// and GET /reports/skm.csv — with formula-like cells neutralised (kind 4, OWASP CSV Injection).
import { testDatabaseKinds } from '@layanan/db/testing';
import { isFormulaLike } from '@layanan/domain';
import { SKM_ELEMENT_CODES } from '@layanan/domain/feedback';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { todayWib } from '../../platform/calendar.js';
import { moveRequest, PBG_REQUEST as PBG, submittedRequest } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';

const ALL_THREE = SKM_ELEMENT_CODES.map((element) => ({ element, score: 3 }));
const RECORD = `mutation($input: RecordCounterSurveyInput!) { recordCounterSurvey(input: $input) { __typename
  ... on ValidationError { fields { field code } } } }`;
const SUBMIT = `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { __typename
  ... on ValidationError { messageId fields { field code messageId messageEn } } } }`;
const REPORT = `query($unit: String!, $period: SkmPeriodInput!) { skmReport(unitCode: $unit, period: $period) {
  ... on SkmReportPayload { data { csv } } } }`;

describe.each(testDatabaseKinds())('survey profile on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'yulia', 'admin'] });
  const today = todayWib();
  const counter = (profile: Record<string, unknown>) =>
    h.gql(
      RECORD,
      { input: { serviceCode: 'SIP-NAKES', date: today, answers: ALL_THREE, profile } },
      { token: t.yulia },
    );

  it('refuses a profile text over its limit with a field error instead of cutting it', async () => {
    const before = await h.db.prisma.surveyResponse.count();
    const long = await counter({
      ageBand: '2'.repeat(21),
      education: 'S'.repeat(51),
      occupation: 'x'.repeat(101),
    });
    expect(long.body.data.recordCounterSurvey).toEqual({
      __typename: 'ValidationError',
      fields: [
        { field: 'profile.ageBand', code: 'SURVEY_TEXT_TOO_LONG' },
        { field: 'profile.education', code: 'SURVEY_TEXT_TOO_LONG' },
        { field: 'profile.occupation', code: 'SURVEY_TEXT_TOO_LONG' },
      ],
    });
    expect(await h.db.prisma.surveyResponse.count()).toBe(before);

    // The same rule for a citizen's own survey, in both languages.
    const code = (await submittedRequest(h, { ...PBG, idempotencyKey: 'profile-long' }, t.warga))
      .trackingCode;
    await moveRequest(h, code, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia);
    const input = { trackingCode: code, answers: ALL_THREE };
    const online = await h.gql(
      SUBMIT,
      { input: { ...input, profile: { occupation: 'x'.repeat(101) } } },
      { token: t.warga },
    );
    expect(online.body.data.submitSurvey).toMatchObject({
      __typename: 'ValidationError',
      fields: [
        {
          field: 'profile.occupation',
          code: 'SURVEY_TEXT_TOO_LONG',
          messageId: 'Teks terlalu panjang.',
          messageEn: 'The text is too long.',
        },
      ],
    });
    expect(await h.db.prisma.surveyResponse.count()).toBe(before);

    // At the limit (counted as people count characters) the text is stored whole.
    const occupation = `Petani ${'🌾'.repeat(93)}`;
    const whole = await h.gql(
      SUBMIT,
      { input: { ...input, profile: { ageBand: ' 30-39 ', occupation } } },
      { token: t.warga },
    );
    expect(whole.body.data.submitSurvey.__typename).toBe('SubmitSurveyPayload');
    const stored = await h.db.prisma.surveyResponse.findFirstOrThrow({
      where: { request: { trackingCode: code } },
    });
    expect([stored.ageBand, stored.occupation]).toEqual(['30-39', occupation]);
  });

  it('writes formula-like profile values neutralised in the SKM CSV, numbers unchanged', async () => {
    const typed = await counter({
      ageBand: '+1',
      education: '@SUM(A1)',
      occupation: '=HYPERLINK("http://x","y")',
    });
    expect(typed.body.data.recordCounterSurvey.__typename).toBe('RecordCounterSurveyPayload');
    // Values stored before the input was trimmed (a tab or carriage return in front).
    const service = await h.db.prisma.service.findUniqueOrThrow({ where: { code: 'SIP-NAKES' } });
    await h.db.prisma.surveyResponse.create({
      data: {
        channel: 'COUNTER',
        serviceId: service.id,
        unitId: service.unitId,
        date: new Date(`${today}T00:00:00Z`),
        respondentCode: `TEST-CSV-${kind}`,
        ageBand: "-2+3+cmd|' /C calc'!A0",
        education: '\rcmd',
        occupation: '\tcmd',
        answers: { createMany: { data: ALL_THREE } },
      },
    });
    const unit = await h.db.prisma.unit.findUniqueOrThrow({ where: { id: service.unitId } });
    const vars = { unit: unit.code, period: { kind: 'YEAR', year: Number(today.slice(0, 4)) } };
    const csv: string = (await h.gql(REPORT, vars, { token: t.admin })).body.data.skmReport.data.csv;
    const file = await h.gateway.fetch(
      `http://layanan.test/reports/skm.csv?unit=${unit.code}&period=YEAR-${vars.period.year}`,
      { headers: { authorization: `Bearer ${t.admin}` } },
    );
    expect((await file.text()).replace(/^\uFEFF/, '')).toBe(csv);

    expect(csv).toContain('"\'\rcmd"'); // quoted: the carriage return does not end the record
    const rows: string[][] = parse(csv, { relax_column_count: true });
    const values = (category: string) => rows.filter((r) => r[0] === category).map((r) => r[1]);
    expect(values('Usia')).toEqual(expect.arrayContaining(["'+1", "'-2+3+cmd|' /C calc'!A0"]));
    expect(values('Pendidikan')).toEqual(expect.arrayContaining(["'@SUM(A1)", "'\rcmd"]));
    expect(values('Pekerjaan')).toEqual(expect.arrayContaining([`'=HYPERLINK("http://x","y")`, "'\tcmd"]));
    // No cell of the file is read as a formula; counts stay plain numbers.
    expect(rows.flat().filter(isFormulaLike)).toEqual([]);
    const ages = rows.filter((r) => r[0] === 'Usia');
    expect(ages.every((r) => /^\d+$/.test(r[2] ?? ''))).toBe(true);
  });
});
