// The respondent profile end to end (issue 16 kind 4): it takes the options of the SKM form
// (PermenPANRB 14/2017) — age in years, education, occupation — never free text, so an unknown
// option or an impossible age is refused with a field error, `=HYPERLINK(…)` cannot be stored as
// a profile value at all, and the report and the SKM CSV (the GraphQL `csv` field and
// GET /reports/skm.csv, one writer) show each option by its label.
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
  ... on RecordCounterSurveyPayload { data { id } }
  ... on ValidationError { fields { field code messageId messageEn } } } }`;
const SUBMIT = `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { __typename
  ... on SubmitSurveyPayload { data { id } }
  ... on ValidationError { fields { field code messageId messageEn } } } }`;
const REPORT = `query($unit: String!, $period: SkmPeriodInput!) { skmReport(unitCode: $unit, period: $period) {
  ... on SkmReportPayload { data { csv profile {
    ageBand { value label count } education { value label count } occupation { value label count }
    gender { value label count } } } } } }`;

describe.each(testDatabaseKinds())('survey profile on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'yulia', 'admin'] });
  const today = todayWib();
  const counter = (profile: Record<string, unknown>) =>
    h.gql(
      RECORD,
      { input: { serviceCode: 'SIP-NAKES', date: today, answers: ALL_THREE, profile } },
      { token: t.yulia },
    );

  it('refuses free text and impossible ages with field errors, on both channels', async () => {
    const before = await h.db.prisma.surveyResponse.count();
    // The options are GraphQL enums: free text is refused before any resolver runs.
    for (const profile of [
      { education: 'Sarjana' },
      { occupation: '=HYPERLINK("http://x","y")' },
      { ageBand: '20-29' },
      { age: '35' },
    ]) {
      const typed = await counter(profile);
      expect(typed.body.data ?? null).toBeNull();
      expect(typed.body.errors?.[0]?.message).toMatch(/profile/);
    }
    const ages = await counter({ age: 9, education: 'S1' });
    expect(ages.body.data.recordCounterSurvey).toEqual({
      __typename: 'ValidationError',
      fields: [
        {
          field: 'profile.age',
          code: 'SURVEY_AGE_OUT_OF_RANGE',
          messageId: 'Usia harus bilangan bulat tahun, dari 10 sampai 120.',
          messageEn: 'The age must be a whole number of years, from 10 to 120.',
        },
      ],
    });
    expect(await h.db.prisma.surveyResponse.count()).toBe(before);

    const code = (await submittedRequest(h, { ...PBG, idempotencyKey: 'profile-options' }, t.warga))
      .trackingCode;
    await moveRequest(h, code, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia);
    const input = { trackingCode: code, answers: ALL_THREE };
    const old = await h.gql(SUBMIT, { input: { ...input, profile: { age: 121 } } }, { token: t.warga });
    expect(old.body.data.submitSurvey.fields).toMatchObject([
      { field: 'profile.age', code: 'SURVEY_AGE_OUT_OF_RANGE' },
    ]);
    expect(await h.db.prisma.surveyResponse.count()).toBe(before);

    const ok = await h.gql(
      SUBMIT,
      {
        input: {
          ...input,
          profile: { gender: 'F', age: 34, education: 'S2_PLUS', occupation: 'PNS_TNI_POLRI' },
        },
      },
      { token: t.warga },
    );
    expect(ok.body.data.submitSurvey.__typename).toBe('SubmitSurveyPayload');
    const stored = await h.db.prisma.surveyResponse.findUniqueOrThrow({
      where: { id: ok.body.data.submitSurvey.data.id },
    });
    expect(stored).toMatchObject({
      gender: 'F',
      age: 34,
      ageBand: 'AGE_30_39',
      education: 'S2_PLUS',
      occupation: 'PNS_TNI_POLRI',
      profileLegacyText: null,
    });
    // Not even a direct write stores free text or an impossible age as a profile value.
    for (const write of [
      h.db.prisma.$executeRawUnsafe(
        `UPDATE survey_response SET education = '=HYPERLINK("http://x","y")' WHERE id = '${stored.id}'`,
      ),
      h.db.prisma.$executeRawUnsafe(
        `UPDATE survey_response SET occupation = '@SUM(A1)' WHERE id = '${stored.id}'`,
      ),
      h.db.prisma.$executeRawUnsafe(`UPDATE survey_response SET age = 200 WHERE id = '${stored.id}'`),
    ])
      await expect(write).rejects.toThrow();
  });

  it('breaks the report down by option and writes the labels in the SKM CSV, nothing formula-like', async () => {
    const recorded = await counter({
      gender: 'M',
      age: 25,
      education: 'D1_D3_D4',
      occupation: 'PELAJAR_MAHASISWA',
    });
    expect(recorded.body.data.recordCounterSurvey.__typename).toBe('RecordCounterSurveyPayload');
    const service = await h.db.prisma.service.findUniqueOrThrow({ where: { code: 'SIP-NAKES' } });
    const unit = await h.db.prisma.unit.findUniqueOrThrow({ where: { id: service.unitId } });
    const vars = { unit: unit.code, period: { kind: 'YEAR', year: Number(today.slice(0, 4)) } };
    const en = (await h.gql(REPORT, vars, { token: t.admin, lang: 'en' })).body.data.skmReport.data;
    expect(en.profile.education).toContainEqual(
      expect.objectContaining({ value: 'D1_D3_D4', label: 'Diploma (D1–D4)' }),
    );
    expect(en.profile.ageBand).toContainEqual(
      expect.objectContaining({ value: 'AGE_20_29', label: '20–29 years' }),
    );
    expect(en.profile.gender).toContainEqual(expect.objectContaining({ value: 'M', label: 'Male' }));
    const id = (await h.gql(REPORT, vars, { token: t.admin, lang: 'id' })).body.data.skmReport.data;
    expect(id.profile.occupation).toContainEqual(
      expect.objectContaining({ value: 'PELAJAR_MAHASISWA', label: 'Pelajar/Mahasiswa' }),
    );
    // Options come in the form's order.
    const order = ['SD', 'SLTP', 'SLTA', 'D1_D3_D4', 'S1', 'S2_PLUS', '-'];
    const given = id.profile.education.map((e: { value: string }) => e.value);
    expect(given).toEqual(order.filter((v) => given.includes(v)));

    const file = await h.gateway.fetch(
      `http://layanan.test/reports/skm.csv?unit=${unit.code}&period=YEAR-${vars.period.year}`,
      { headers: { authorization: `Bearer ${t.admin}` } },
    );
    expect((await file.text()).replace(/^\uFEFF/, '')).toBe(id.csv);
    const rows: string[][] = parse(id.csv, { relax_column_count: true });
    const values = (category: string) => rows.filter((r) => r[0] === category).map((r) => r[1]);
    expect(values('Usia')).toContain('20–29 tahun');
    expect(values('Pendidikan')).toContain('D1–D3–D4');
    expect(values('Pekerjaan')).toContain('Pelajar/Mahasiswa');
    expect(values('Jenis kelamin')).toContain('Laki-laki');
    for (const category of ['Usia', 'Pendidikan', 'Pekerjaan'])
      expect(values(category).filter((v) => v?.includes('_'))).toEqual([]);
    expect(rows.flat().filter(isFormulaLike)).toEqual([]);
  });
});
