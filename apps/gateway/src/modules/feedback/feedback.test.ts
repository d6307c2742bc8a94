import { testDatabaseKinds } from '@layanan/db/testing';
import { computeIkm, SKM_ELEMENT_CODES, type SkmResponse } from '@layanan/domain/feedback';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { todayWib } from '../../platform/calendar.js';
import { moveRequest, PBG_REQUEST as PBG, SUBMIT_REQUEST } from '../../testing/requests.js';
import { acceptEveryDocument, PBG_REQUIRED_SLOTS, slotDocuments, uploadGql } from '../../testing/uploads.js';
import { useHarness } from '../../testing/use-harness.js';

const SUBMIT_SURVEY = `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) {
  __typename
  ... on SubmitSurveyPayload { data { id respondentCode channel date staffRated answers { element score } service { code } } }
  ... on Failure { code messageId messageEn }
  ... on ValidationError { fields { field code } }
} }`;
const INVITATION = `query($c: String!) { surveyInvitation(trackingCode: $c) {
  trackingCode answered service { code } staffToRate { id name } elements { code } } }`;
const IKM = `query($unit: String, $service: String, $period: SkmPeriodInput!) {
  ikm(unitCode: $unit, serviceCode: $service, period: $period) {
    __typename
    ... on IkmPayload { data {
      scope key name periodLabel from to respondents population requiredSample coverage
      elements { code label total average weighted respondents }
      index score scoreDisplay grade gradeLabel rule weakestElements
      waitingTime { key count completed medianCompleteWorkingDays }
    } }
    ... on Failure { code }
    ... on ValidationError { fields { field code } }
  } }`;
const REPORT = `query($unit: String!, $period: SkmPeriodInput!) { skmReport(unitCode: $unit, period: $period) {
  __typename
  ... on SkmReportPayload { data {
    ikm { respondents scoreDisplay grade index elements { code total respondents average weighted } }
    profile { gender { value count share } channel { value count } }
    suggestions csv
  } }
  ... on Failure { code }
} }`;

const year = Number(todayWib().slice(0, 4));
const YEAR = { kind: 'YEAR', year };

/** Every one of the nine elements answered 3. */
const ALL_THREE = SKM_ELEMENT_CODES.map((element) => ({ element, score: 3 }));

describe.each(testDatabaseKinds())('feedback area on %s', (kind) => {
  const queries: string[] = [];
  // The IKM, report and improvement-action tests read a year of demo survey answers.
  const { h, t } = useHarness(kind, {
    seed: 'demo',
    onQuery: (e) => queries.push(e.sql),
    login: ['warga', 'warga2', 'yulia', 'hendra', 'dewi', 'admin'],
  });

  it('lists the nine elements with answers in the caller’s language', async () => {
    const { body } = await h.gql(
      '{ skmElements { code label labelId labelEn question answerLabels } }',
      {},
      { lang: 'en' },
    );
    expect(body.data.skmElements).toHaveLength(9);
    expect(body.data.skmElements.find((e: any) => e.code === 'WAKTU')).toMatchObject({
      label: 'Completion time',
      labelId: 'Waktu penyelesaian',
      answerLabels: ['Not fast', 'Somewhat slow', 'Fast', 'Very fast'],
    });
  });

  it('takes one survey per completed request from its owner only, with an invitation on completion', async () => {
    // Filed with its required documents (the demo PBG has a checklist), which staff accept.
    const documents = slotDocuments(PBG_REQUIRED_SLOTS, `survey-1 ${kind}`);
    const filed = await uploadGql(
      h,
      SUBMIT_REQUEST,
      { ...PBG, idempotencyKey: 'survey-1', attachmentSlots: documents.attachmentSlots },
      documents.files,
      t.warga,
    );
    const code = filed.body.data.submitServiceRequest.request.trackingCode as string;
    await acceptEveryDocument(async (q, v) => (await h.gql(q, v, { token: t.yulia })).body, code);
    const survey = (token: string, extra: Record<string, unknown> = {}) =>
      h.gql(SUBMIT_SURVEY, { input: { trackingCode: code, answers: ALL_THREE, ...extra } }, { token });

    const early = await survey(t.warga);
    expect(early.body.data.submitSurvey).toMatchObject({
      __typename: 'ConflictError',
      code: 'SURVEY_REQUEST_NOT_COMPLETED',
    });
    expect((await h.gql(INVITATION, { c: code }, { token: t.warga })).body.data.surveyInvitation).toBeNull();

    expect(await moveRequest(h, code, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia)).toBe(4);
    const notes = await h.gql(
      '{ notifications(first: 5) { edges { node { kind request { trackingCode } } } } }',
      {},
      { token: t.warga },
    );
    expect(notes.body.data.notifications.edges[0].node).toEqual({
      kind: 'SURVEY_INVITATION',
      request: { trackingCode: code },
    });

    const invitation = (await h.gql(INVITATION, { c: code }, { token: t.warga })).body.data.surveyInvitation;
    expect(invitation).toMatchObject({ trackingCode: code, answered: false, service: { code: 'PBG' } });
    expect(invitation.staffToRate.map((s: any) => s.name)).toContain('Yulia Fitri, S.T.');
    expect((await h.gql(INVITATION, { c: code }, { token: t.warga2 })).body.data.surveyInvitation).toBeNull();

    const notOwner = await survey(t.warga2);
    expect(notOwner.body.data.submitSurvey).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const staffCaller = await survey(t.yulia);
    expect(staffCaller.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const invalid = await survey(t.warga, {
      answers: [
        { element: 'WAKTU', score: 5 },
        { element: 'WAKTU', score: 2 },
      ],
      staffRatings: [{ staffId: invitation.staffToRate[0].id, competence: 0, behaviour: 4 }],
    });
    expect(invalid.body.data.submitSurvey.__typename).toBe('ValidationError');
    expect(invalid.body.data.submitSurvey.fields.map((f: any) => `${f.field}:${f.code}`).sort()).toEqual([
      'answers[0].score:SURVEY_INVALID_SCORE',
      'answers[1].element:SURVEY_DUPLICATE_ELEMENT',
      'staffRatings[0].competence:SURVEY_INVALID_SCORE',
    ]);
    const someoneElse = (
      await h.gql('{ staffByNip(nip: "198511302010012003") { id } }', {}, { token: t.admin })
    ).body.data.staffByNip.id;
    const wrongStaff = await survey(t.warga, {
      staffRatings: [{ staffId: someoneElse, competence: 3, behaviour: 3 }],
    });
    expect(wrongStaff.body.data.submitSurvey.fields).toEqual([
      { field: 'staffRatings[0].staffId', code: 'SURVEY_STAFF_NOT_ON_REQUEST' },
    ]);

    const yuliaId = invitation.staffToRate.find((s: any) => s.name.startsWith('Yulia')).id;
    const ok = await survey(t.warga, {
      profile: { gender: 'F', age: 34, education: 'S1', occupation: 'WIRAUSAHA' },
      suggestion: 'Cepat dan jelas, terima kasih.',
      staffRatings: [{ staffId: yuliaId, competence: 4, behaviour: 3, comment: 'Ramah' }],
    });
    expect(ok.body.data.submitSurvey.__typename).toBe('SubmitSurveyPayload');
    expect(ok.body.data.submitSurvey.data).toMatchObject({
      channel: 'ONLINE',
      date: todayWib(),
      staffRated: 1,
      service: { code: 'PBG' },
    });
    expect(ok.body.data.submitSurvey.data.respondentCode).toMatch(/^R-[0-9A-F]{12}$/);

    const again = await survey(t.warga);
    expect(again.body.data.submitSurvey).toMatchObject({
      __typename: 'ConflictError',
      code: 'SURVEY_ALREADY_ANSWERED',
    });
    expect(
      (await h.gql(INVITATION, { c: code }, { token: t.warga })).body.data.surveyInvitation.answered,
    ).toBe(true);

    // Pseudonymous: the stored response carries no account, the audit entry no answers.
    const stored = await h.db.prisma.surveyResponse.findFirstOrThrow({
      where: { request: { trackingCode: code } },
      include: { answers: true, staffRatings: true },
    });
    expect(stored.answers).toHaveLength(9);
    expect(stored.staffRatings).toMatchObject([{ competence: 4, behaviour: 3, comment: 'Ramah' }]);
    expect(JSON.stringify(stored)).not.toContain(
      (await h.db.prisma.account.findUniqueOrThrow({ where: { email: 'warga@layanan.test' } })).id,
    );
    const audit = await h.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'submitSurvey' } });
    expect(audit.after).toMatchObject({ channel: 'ONLINE', answers: 9 });

    // The rating shows beside the SKP rating, for the person and supervisors only.
    const rating = `{ staffMember(id: "${yuliaId}") { ... on Staff { citizenRating(year: ${year}) { respondents competence behaviour } } } }`;
    const seen = await h.gql(rating, {}, { token: t.hendra });
    expect(seen.body.data.staffMember.citizenRating.respondents).toBeGreaterThanOrEqual(1);
    const hidden = await h.gql(rating, {}, { token: t.warga });
    expect(hidden.body.data.staffMember.citizenRating).toBeNull();
  });

  it('records counter responses for staff of the service’s unit', async () => {
    const record = (token: string, input: Record<string, unknown>) =>
      h.gql(
        `mutation($input: RecordCounterSurveyInput!) { recordCounterSurvey(input: $input) { __typename
          ... on RecordCounterSurveyPayload { data { channel date answers { element score } } }
          ... on ValidationError { fields { field code } } } }`,
        { input },
        { token },
      );
    const input = { serviceCode: 'SIP-NAKES', date: todayWib(), answers: ALL_THREE };
    const ok = await record(t.yulia, { ...input, profile: { gender: 'M' } });
    expect(ok.body.data.recordCounterSurvey).toMatchObject({
      __typename: 'RecordCounterSurveyPayload',
      data: { channel: 'COUNTER', date: todayWib() },
    });
    const otherUnit = await record(t.dewi, input);
    expect(otherUnit.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const future = await record(t.yulia, { ...input, date: `${year + 1}-01-02` });
    expect(future.body.data.recordCounterSurvey.fields).toEqual([
      { field: 'date', code: 'SURVEY_DATE_IN_FUTURE' },
    ]);
    // A day that does not exist is refused by the Day scalar before the resolver runs: a variable
    // error naming the field, with the domain's code and both languages.
    const badDate = await record(t.yulia, { ...input, date: '2026-02-30' });
    expect(badDate.body.errors?.[0]?.extensions?.code).toBe('DAY_NOT_A_DATE');
    expect(badDate.body.errors?.[0]?.message).toMatch(
      /"input\.date".*Tanggal tidak ada.* \/ The date does not exist/,
    );
  });

  it('computes a unit’s IKM in SQL that equals the domain function on the same raw answers', async () => {
    const { body } = await h.gql(IKM, { unit: 'DPMPTSP', period: YEAR }, { lang: 'en' });
    expect(body.data.ikm.__typename).toBe('IkmPayload');
    const report = body.data.ikm.data;

    const unit = await h.db.prisma.unit.findUniqueOrThrow({ where: { code: 'DPMPTSP' } });
    const raw = await h.db.prisma.surveyResponse.findMany({
      where: {
        unitId: unit.id,
        date: { gte: new Date(`${year}-01-01T00:00:00Z`), lte: new Date(`${year}-12-31T00:00:00Z`) },
      },
      include: { answers: true },
    });
    const responses: SkmResponse[] = raw.map((r) =>
      Object.fromEntries(r.answers.map((a) => [a.element, a.score])),
    );
    const domain = computeIkm(responses);
    if (!domain.ok) throw new Error(domain.error.code);
    expect(report).toMatchObject({
      scope: 'UNIT',
      key: 'DPMPTSP',
      respondents: raw.length,
      scoreDisplay: domain.value.scoreDisplay,
      grade: domain.value.grade,
      gradeLabel: domain.value.label.en,
      rule: 'PERMENPANRB_14_2017',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    });
    expect(report.score).toBeCloseTo(domain.value.score, 9);
    expect(report.index).toBeCloseTo(domain.value.index, 9);
    for (const e of domain.value.elements) {
      const got = report.elements.find((x: any) => x.code === e.code);
      expect(got).toMatchObject({ total: e.sum, respondents: e.answered });
      expect(got.average).toBeCloseTo(e.average, 12);
      expect(got.weighted).toBeCloseTo(e.average / 9, 12);
    }
    // The seed makes completion time DPMPTSP's weak spot; the waiting-time statistics sit beside it.
    expect(report.weakestElements[0]).toBe('WAKTU');
    expect(report.waitingTime).toMatchObject({ key: 'DPMPTSP' });
    expect(report.population).toBeGreaterThan(0);
    expect(report.requiredSample).toBeGreaterThan(0);
    // The population holds the respondents (counter ones included); coverage stops at 100 %.
    expect(report.population).toBeGreaterThanOrEqual(report.respondents);
    expect(report.coverage).toBeCloseTo(Math.min(1, report.respondents / report.requiredSample), 12);

    // City and service scopes, and the quarterly trend (public aggregates).
    const city = (await h.gql(IKM, { period: YEAR })).body.data.ikm.data;
    expect(city).toMatchObject({ scope: 'CITY', key: null });
    expect(city.respondents).toBeGreaterThan(report.respondents);
    expect(city.waitingTime.key).toBe('CITY');
    const service = (await h.gql(IKM, { service: 'PBG', period: YEAR })).body.data.ikm.data;
    expect(service).toMatchObject({ scope: 'SERVICE', key: 'PBG' });
    const trend = await h.gql(
      `{ ikmTrend(unitCode: "DPMPTSP", year: ${year}, kind: QUARTER) { __typename
         ... on IkmTrendPayload { data { periodLabel respondents scoreDisplay } } } }`,
    );
    const quarters = trend.body.data.ikmTrend.data;
    expect(quarters.map((q: any) => q.periodLabel)).toEqual(
      [1, 2, 3, 4].map((n) => `Triwulan ${['I', 'II', 'III', 'IV'][n - 1]} ${year}`),
    );
    expect(quarters.reduce((s: number, q: any) => s + q.respondents, 0)).toBe(report.respondents);

    const wrong = await h.gql(IKM, { unit: 'DISDUKCAPIL', service: 'PBG', period: YEAR });
    expect(wrong.body.data.ikm.fields).toEqual([{ field: 'serviceCode', code: 'NOT_ALLOWED' }]);
    const badPeriod = await h.gql(IKM, { unit: 'DPMPTSP', period: { kind: 'QUARTER', year, number: 5 } });
    expect(badPeriod.body.data.ikm).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ field: 'period', code: 'SKM_PERIOD_INVALID_NUMBER' }],
    });
    const unknown = await h.gql(IKM, { unit: 'NOPE', period: YEAR });
    expect(unknown.body.data.ikm).toMatchObject({ __typename: 'NotFoundError' });
    const empty = (await h.gql(IKM, { unit: 'DPMPTSP', period: { kind: 'YEAR', year: 2020 } })).body.data.ikm
      .data;
    expect(empty).toMatchObject({ respondents: 0, index: null, scoreDisplay: null, grade: null });
  });

  it('exports the SKM report as CSV that parses back to the same figures', async () => {
    const { body } = await h.gql(REPORT, { unit: 'DPMPTSP', period: YEAR }, { token: t.hendra });
    expect(body.data.skmReport.__typename).toBe('SkmReportPayload');
    const report = body.data.skmReport.data;
    const rows: string[][] = parse(report.csv, { relax_column_count: true });
    const header = rows.findIndex((r) => r[0] === 'No');
    const elementRows = rows.slice(header + 1, header + 10);
    expect(elementRows.map((r) => r[1])).toEqual(report.ikm.elements.map((e: any) => e.code));
    for (const [i, r] of elementRows.entries()) {
      const e = report.ikm.elements[i];
      expect([Number(r[3]), Number(r[4])]).toEqual([e.total, e.respondents]);
      expect(Number(r[5])).toBeCloseTo(e.average, 2);
      expect(Number(r[6])).toBeCloseTo(e.weighted, 3);
    }
    const value = (label: RegExp) => rows.find((r) => label.test(r[0] ?? ''));
    expect(value(/^Nilai IKM/)?.[1]).toBe(report.ikm.scoreDisplay);
    expect(value(/^Mutu pelayanan/)?.slice(1, 3)).toEqual([report.ikm.grade, expect.any(String)]);
    expect(Number(value(/^Jumlah responden/)?.[1])).toBe(report.ikm.respondents);
    expect(Number(value(/^IKM/)?.[1])).toBeCloseTo(report.ikm.index, 3);
    const genders = rows.filter((r) => r[0] === 'Jenis kelamin');
    expect(genders.reduce((s, r) => s + Number(r[2]), 0)).toBe(report.ikm.respondents);
    expect(report.profile.channel.map((c: any) => c.value).sort()).toEqual(['COUNTER', 'ONLINE']);

    // The same report as a download, with the same authorisation.
    const download = (query: string, token?: string) =>
      h.gateway.fetch(`http://layanan.test/reports/skm.csv?${query}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    const file = await download(`unit=dpmptsp&period=YEAR-${year}`, t.hendra);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="skm-dpmptsp-year-${year}.csv"`,
    );
    expect((await file.text()).replace(/^\uFEFF/, '')).toBe(report.csv);
    expect((await download(`unit=DPMPTSP&period=YEAR-${year}`)).status).toBe(401);
    expect((await download(`unit=DPMPTSP&period=YEAR-${year}`, t.dewi)).status).toBe(403);
    expect((await download(`unit=NOPE&period=YEAR-${year}`, t.hendra)).status).toBe(404);
    const badPeriod = await download('unit=DPMPTSP&period=Q5-2026', t.hendra);
    expect([badPeriod.status, (await badPeriod.json()).code]).toEqual([400, 'SKM_PERIOD_INVALID_NUMBER']);

    // Full reports are for the unit's staff, its supervisors and admins.
    const citizen = await h.gql(REPORT, { unit: 'DPMPTSP', period: YEAR }, { token: t.warga });
    expect(citizen.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const otherUnit = await h.gql(REPORT, { unit: 'DPMPTSP', period: YEAR }, { token: t.dewi });
    expect(otherUnit.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staff = await h.gql(REPORT, { unit: 'DPMPTSP', period: YEAR }, { token: t.yulia });
    expect(staff.body.data.skmReport.__typename).toBe('SkmReportPayload');
  });

  it('keeps historic results with the rule that graded them', async () => {
    const list = await h.gql(
      '{ historicIkm(unitCode: "DPMPTSP") { year score index grade rule unit { code } } }',
    );
    expect(list.body.data.historicIkm).toContainEqual({
      year: 2017,
      score: 80.2,
      index: 3.21,
      grade: 'B',
      rule: 'PERMENPANRB_14_2017',
      unit: { code: 'DPMPTSP' },
    });
    const RECORD = `mutation($input: RecordHistoricIkmInput!) { recordHistoricIkm(input: $input) { __typename
      ... on RecordHistoricIkmPayload { data { year score grade rule } }
      ... on ValidationError { fields { field code } } } }`;
    // 81.26 is A under the 2004 bands (B under 2017's).
    const input = {
      unitCode: 'DISDUKCAPIL',
      year: 2009,
      score: 81.26,
      rule: 'KEPMENPAN_25_2004',
      source: 'Laporan IKM 2009',
    };
    const ok = await h.gql(RECORD, { input }, { token: t.admin });
    expect(ok.body.data.recordHistoricIkm.data).toEqual({
      year: 2009,
      score: 81.26,
      grade: 'A',
      rule: 'KEPMENPAN_25_2004',
    });
    const listed = await h.gql('{ historicIkm(unitCode: "DISDUKCAPIL") { year grade rule } }');
    expect(listed.body.data.historicIkm).toEqual([{ year: 2009, grade: 'A', rule: 'KEPMENPAN_25_2004' }]);
    const bad = await h.gql(RECORD, { input: { ...input, score: 120 } }, { token: t.admin });
    expect(bad.body.data.recordHistoricIkm.fields).toEqual([
      { field: 'score', code: 'SKM_SCORE_OUT_OF_RANGE' },
    ]);
    const notAdmin = await h.gql(RECORD, { input }, { token: t.hendra });
    expect(notAdmin.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
  it('turns a weak element and competency gaps into improvement actions, once, tracked like commitments', async () => {
    const GENERATE = `mutation($unit: String!, $period: SkmPeriodInput!) { generateImprovementActions(unitCode: $unit, period: $period) {
      __typename
      ... on GenerateImprovementActionsPayload { data { created actions {
        id kind title titleEn reason element sourceKey dueOn status progress owner { name } unit { code } } } }
      ... on Failure { code } } }`;
    const first = await h.gql(GENERATE, { unit: 'DPMPTSP', period: YEAR }, { token: t.hendra });
    const generated = first.body.data.generateImprovementActions.data;
    expect(generated.created).toBeGreaterThan(0);
    expect(generated.created).toBe(generated.actions.length);
    const training = generated.actions.filter((a: any) => a.kind === 'TRAINING');
    expect(training.length).toBeGreaterThan(0);
    expect(training[0].title).toMatch(/^Latih \d+ pegawai DPMPTSP dalam /);
    expect(training[0].titleEn).toMatch(/^Train \d+ staff of DPMPTSP in /);
    const waktu = generated.actions.find((a: any) => a.sourceKey === 'ELEMENT:WAKTU');
    expect(waktu).toMatchObject({ kind: 'PROCESS_REVIEW', element: 'WAKTU', status: 'OPEN', progress: 0 });
    for (const a of generated.actions) {
      expect(a.owner.name).toBe('Hendra Gunawan, S.E., M.M.');
      expect(a.unit.code).toBe('DPMPTSP');
      expect(a.dueOn > todayWib()).toBe(true);
    }
    // Idempotent: the same unit and period again adds nothing.
    const again = await h.gql(GENERATE, { unit: 'DPMPTSP', period: YEAR }, { token: t.hendra });
    expect(again.body.data.generateImprovementActions.data.created).toBe(0);
    expect(again.body.data.generateImprovementActions.data.actions).toHaveLength(generated.actions.length);
    const otherSupervisor = await h.gql(GENERATE, { unit: 'DISDUKCAPIL', period: YEAR }, { token: t.hendra });
    expect(otherSupervisor.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staffOnly = await h.gql(GENERATE, { unit: 'DPMPTSP', period: YEAR }, { token: t.yulia });
    expect(staffOnly.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const UPDATE = `mutation($input: UpdateImprovementActionInput!) { updateImprovementAction(input: $input) {
      __typename
      ... on UpdateImprovementActionPayload { data { status progress doneOn updates { progress status note date } } }
      ... on ValidationError { fields { field code } } } }`;
    const update = (input: Record<string, unknown>, token = t.yulia) =>
      h.gql(UPDATE, { input: { id: waktu.id, ...input } }, { token });
    const half = await update({ progress: 50, note: 'Alur PBG dipetakan ulang' });
    expect(half.body.data.updateImprovementAction.data).toMatchObject({
      status: 'IN_PROGRESS',
      progress: 50,
    });
    const noNote = await update({ progress: 60, note: ' ' });
    expect(noNote.body.data.updateImprovementAction.fields[0].field).toBe('note');
    // History moves forward only: lower progress needs a public reason, a stale version conflicts.
    const lower = await update({ progress: 30, note: 'Peta alur diulang' });
    expect(lower.body.data.updateImprovementAction.fields).toEqual([
      { field: 'decreaseReason', code: 'COMMITMENT_PROGRESS_DECREASE_REASON_REQUIRED' },
    ]);
    const stale = await h.gql(
      `mutation($input: UpdateImprovementActionInput!) { updateImprovementAction(input: $input) {
        __typename ... on ConflictError { code } } }`,
      { input: { id: waktu.id, progress: 60, note: 'Lanjut', expectedVersion: 1 } },
      { token: t.yulia },
    );
    expect(stale.body.data.updateImprovementAction).toEqual({
      __typename: 'ConflictError',
      code: 'COMMITMENT_VERSION_CONFLICT',
    });
    const done = await update({ progress: 100, note: 'SOP baru berlaku' });
    expect(done.body.data.updateImprovementAction.data).toMatchObject({
      status: 'DONE',
      progress: 100,
      doneOn: todayWib(),
    });
    expect(done.body.data.updateImprovementAction.data.updates.map((u: any) => u.status)).toEqual([
      'IN_PROGRESS',
      'DONE',
    ]);
    const closed = await update({ status: 'CANCELLED', note: 'Tidak jadi' });
    expect(closed.body.data.updateImprovementAction.__typename).toBe('ValidationError');
    const outsider = await update({ progress: 10, note: 'x' }, t.dewi);
    expect(outsider.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const list = await h.gql(
      '{ improvementActions(unitCode: "DPMPTSP", status: DONE, first: 10) { totalCount edges { node { sourceKey } } } }',
      {},
      { token: t.yulia },
    );
    expect(list.body.data.improvementActions).toEqual({
      totalCount: 1,
      edges: [{ node: { sourceKey: 'ELEMENT:WAKTU' } }],
    });
    const anonymous = await h.gql('{ improvementActions(first: 1) { totalCount } }');
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps the element → competency mapping as data that admins edit', async () => {
    const mappings = await h.gql(
      '{ skmCompetencyMappings { element competency { code } } }',
      {},
      { token: t.yulia },
    );
    const pairs = mappings.body.data.skmCompetencyMappings.map(
      (m: any) => `${m.element}:${m.competency.code}`,
    );
    expect(pairs).toEqual(
      expect.arrayContaining([
        'KOMPETENSI:PELAYANAN_PUBLIK',
        'PERILAKU:PEREKAT_BANGSA',
        'WAKTU:MANAJEMEN_PROSES_LAYANAN',
      ]),
    );
    const SET = `mutation($input: SetSkmCompetencyMappingInput!) { setSkmCompetencyMapping(input: $input) { __typename
      ... on SetSkmCompetencyMappingPayload { data { element competency { code } } }
      ... on ValidationError { fields { field code } } } }`;
    const input = { element: 'SARANA', competencyCodes: ['tik', 'PELAYANAN_PUBLIK'] };
    const set = await h.gql(SET, { input }, { token: t.admin });
    expect(set.body.data.setSkmCompetencyMapping.data.map((m: any) => m.competency.code)).toEqual([
      'PELAYANAN_PUBLIK',
      'TIK',
    ]);
    const unknown = await h.gql(SET, { input: { ...input, competencyCodes: ['NOPE'] } }, { token: t.admin });
    expect(unknown.body.data.setSkmCompetencyMapping.fields).toEqual([
      { field: 'competencyCodes[0]', code: 'NOT_FOUND' },
    ]);
    const notAdmin = await h.gql(SET, { input }, { token: t.hendra });
    expect(notAdmin.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
  it('serves a unit’s yearly IKM over 100,000 answers from SQL aggregates', async () => {
    // 11,112 counter responses × 9 elements = 100,008 answers for Diskominfo in 2025 (no other data).
    await h.db.prisma.$executeRaw`
      INSERT INTO survey_response (id, channel, "serviceId", "unitId", date, "respondentCode")
      SELECT gen_random_uuid(), 'COUNTER', s.id, s."unitId", DATE '2025-01-01' + (g % 365), 'BULK-' || g
      FROM service s, generate_series(1, 11112) g WHERE s.code = 'PPID-INFORMASI'`;
    await h.db.prisma.$executeRaw`
      INSERT INTO survey_answer ("responseId", element, score)
      SELECT r.id, e.element, 1 + ((abs(hashtext(r."respondentCode" || e.element::text))) % 4)
      FROM survey_response r CROSS JOIN unnest(enum_range(NULL::skm_element_code)) AS e(element)
      WHERE r."respondentCode" LIKE 'BULK-%'`;
    const expected = await h.db.prisma.$queryRaw<{ element: string; sum: number; n: number }[]>`
      SELECT a.element::text AS element, sum(a.score)::int AS sum, count(*)::int AS n
      FROM survey_answer a JOIN survey_response r ON r.id = a."responseId"
      WHERE r."respondentCode" LIKE 'BULK-%' GROUP BY a.element`;
    expect(expected.reduce((n, e) => n + e.n, 0)).toBe(100_008);

    queries.length = 0;
    const started = performance.now();
    const { body } = await h.gql(IKM, { unit: 'DISKOMINFO', period: { kind: 'YEAR', year: 2025 } });
    const ms = performance.now() - started;
    const report = body.data.ikm.data;
    expect(report.respondents).toBe(11_112);
    for (const e of expected) {
      expect(report.elements.find((x: any) => x.code === e.element)).toMatchObject({
        total: e.sum,
        respondents: e.n,
      });
    }
    // A handful of statements (scope, sums per element, population, waiting time), none reading answer rows.
    expect(queries.length).toBeLessThanOrEqual(6);
    const answerReads = queries.filter((q) => q.includes('survey_answer'));
    expect(answerReads).toHaveLength(1);
    expect(answerReads[0]).toMatch(/GROUP BY/i);
    // The plan aggregates in the database.
    const plan = await h.db.prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN SELECT a.element, sum(a.score), count(*) FROM survey_answer a
       JOIN survey_response r ON r.id = a."responseId"
       WHERE r.date >= DATE '2025-01-01' AND r.date <= DATE '2025-12-31' GROUP BY a.element`,
    );
    expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/Aggregate/);
    console.info(
      `[feedback] IKM over 100,008 answers on ${kind}: ${ms.toFixed(0)} ms, ${queries.length} queries`,
    );
  });
});
