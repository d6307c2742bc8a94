// Confidential and anonymous complaints (issue 20 item 1; Perpres 76/2013 art. 4, SP4N-LAPOR!
// Rahasia and Anonim): handling staff never see a confidential reporter, a designated complaint
// manager does and every view is recorded; an anonymous complaint stores no identity anywhere and
// is followed and answered with its tracking code and secret only.
import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@layanan/db/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import type { Harness } from '../../testing/harness.js';
import { complaintWithNik, identifiableReporter } from '../../testing/identifiable-reporter.js';
import { allRows, findPersonalValues } from '../../testing/personal-data-scan.js';
import { moveRequest, ROAD_COMPLAINT, transitionRequest } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';

const SUBMIT = `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { trackingCode version reporterPrivacy reporterPseudonym } }
  ... on ValidationError { code fields { field code } }
} }`;

// Every field of a request that staff can reach, and what it says of the reporter.
const STAFF_READ = `query($c: String!) { serviceRequest(trackingCode: $c) {
  trackingCode version state reporterPrivacy reporterPseudonym originalText attributeValues channel
  applicant { displayName email phone }
  events { kind actorKind actorName publicNote internalNote }
  attachments { id }
} }`;
const STAFF_LIST = `{ serviceRequests(first: 50) { edges { node {
  trackingCode reporterPseudonym attributeValues applicant { displayName email phone }
} } } }`;

const FILE_ANONYMOUS = `mutation($input: FileAnonymousComplaintInput!) { fileAnonymousComplaint(input: $input) {
  __typename
  ... on AnonymousComplaintFiled { trackingCode secret complaint { trackingCode state version hasContact } }
  ... on ValidationError { code fields { field code } }
  ... on Failure { code }
} }`;
const READ_ANONYMOUS = `query($c: String!, $s: String!) { anonymousComplaint(trackingCode: $c, secret: $s) {
  __typename
  ... on AnonymousComplaint { trackingCode state version reopenCount answerWindowEndsOn hasContact trail { kind toState publicNote } }
  ... on AuthenticationFailed { code }
} }`;
const ANSWER_ANONYMOUS = `mutation($input: AnswerAnonymousComplaintInput!) { answerAnonymousComplaint(input: $input) {
  __typename
  ... on AnonymousComplaintPayload { complaint { state version reopenCount trail { kind toState publicNote } } }
  ... on AuthenticationFailed { code }
  ... on Failure { code }
} }`;
const CORRECT_ANONYMOUS = `mutation($input: CorrectAnonymousComplaintInput!) { correctAnonymousComplaint(input: $input) {
  __typename
  ... on AnonymousComplaintPayload { complaint { state version trail { kind toState publicNote } } }
  ... on Failure { code }
} }`;
const WITHDRAW = `mutation($input: WithdrawAnonymousContactInput!) { withdrawAnonymousContact(input: $input) {
  __typename ... on AnonymousComplaintPayload { complaint { hasContact } } ... on Failure { code }
} }`;

/** A new citizen whose name, addresses, NIK and account id the test looks for. */
async function reporter(h: Harness) {
  const { person, citizen } = await identifiableReporter(h);
  return { ...person, accountId: citizen.accountId, token: citizen.accessToken };
}

const complaint = (extra: Record<string, unknown> = {}) => ({
  ...ROAD_COMPLAINT,
  serviceCode: 'PENGADUAN-PERIZINAN',
  text: `Pungutan liar di loket izin, ${randomUUID().slice(0, 6)}.`,
  ...extra,
});

describe.each(testDatabaseKinds())('confidential and anonymous complaints on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['yulia', 'hendra', 'dewi', 'admin'] });

  it('shows handling staff only the pseudonym of a confidential reporter; a complaint manager sees them and the view is recorded', async () => {
    await complaintWithNik(h);
    const person = await reporter(h);
    const identity = [person.name, person.email, person.phone, person.nik, person.accountId];
    const filed = await h.gql(
      SUBMIT,
      {
        input: complaint({
          reporterPrivacy: 'CONFIDENTIAL',
          attributes: { ...ROAD_COMPLAINT.attributes, nik_pelapor: person.nik },
        }),
      },
      { token: person.token },
    );
    const request = filed.body.data.submitServiceRequest.request;
    expect(request).toMatchObject({ reporterPrivacy: 'CONFIDENTIAL' });
    expect(request.reporterPseudonym).toMatch(/^Pelapor-[A-Z2-9]{6}$/);
    const code = request.trackingCode;
    await moveRequest(h, code, ['VERIFIED'], t.yulia, request.version);

    // Staff, their supervisor and an admin who is not a designated manager: the pseudonym only,
    // in the request, in lists, in the trail — and nothing recorded, since nothing was seen.
    for (const token of [t.yulia, t.hendra, t.admin]) {
      const one = await h.gql(STAFF_READ, { c: code }, { token });
      expect(one.body.data.serviceRequest.applicant).toEqual({
        displayName: request.reporterPseudonym,
        email: null,
        phone: null,
      });
      expect(one.body.data.serviceRequest.attributeValues.nik_pelapor).toBe('[rahasia]');
      const list = await h.gql(STAFF_LIST, {}, { token });
      for (const body of [one.body, list.body]) {
        const text = JSON.stringify(body).toLowerCase();
        for (const value of identity) expect(text).not.toContain(value.toLowerCase());
      }
    }
    // Open311 and the open data answer anyone: nothing of the reporter either.
    for (const path of [`/open311/v2/requests/${code}.json`, '/open-data/requests.csv']) {
      const response = await h.gateway.fetch(`http://layanan.test${path}`);
      const text = (await response.text()).toLowerCase();
      for (const value of identity) expect(text).not.toContain(value.toLowerCase());
    }
    // Staff notifications name no reporter.
    const staffNotices = await h.db.prisma.notification.findMany({
      where: { accountId: { not: person.accountId } },
    });
    const notices = JSON.stringify(staffNotices).toLowerCase();
    for (const value of identity) expect(notices).not.toContain(value.toLowerCase());
    expect(await h.db.prisma.identityView.count({ where: { subjectAccountId: person.accountId } })).toBe(0);

    // An admin designates Hendra (DPMPTSP) a complaint manager; Dewi of another unit stays outside.
    const hendra = await h.db.prisma.account.findUniqueOrThrow({ where: { email: 'hendra@layanan.test' } });
    const designate = await h.gql(
      `mutation($input: SetComplaintManagerInput!) { setComplaintManager(input: $input) { __typename } }`,
      { input: { staffId: encodeGlobalID('Staff', hendra.staffId ?? ''), manager: true } },
      { token: t.yulia },
    );
    expect(designate.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const designated = await h.gql(
      `mutation($input: SetComplaintManagerInput!) { setComplaintManager(input: $input) { __typename } }`,
      { input: { staffId: encodeGlobalID('Staff', hendra.staffId ?? ''), manager: true } },
      { token: t.admin },
    );
    expect(designated.body.data.setComplaintManager.__typename).toBe('ComplaintManagerPayload');
    const managed = await h.gql(STAFF_READ, { c: code }, { token: t.hendra });
    expect(managed.body.data.serviceRequest.applicant).toEqual({
      displayName: person.name,
      email: person.email,
      phone: person.phone,
    });
    expect(managed.body.data.serviceRequest.attributeValues.nik_pelapor).toBe(person.nik);
    // One read, one entry: applicant (name, e-mail, phone) and attributeValues show the same
    // identity in one operation, and so do aliases of it.
    const viewsOf = () =>
      h.db.prisma.identityView.findMany({
        where: { subjectAccountId: person.accountId },
      });
    expect(await viewsOf()).toHaveLength(1);
    const twice = await h.gql(
      `query($c: String!) {
        a: serviceRequest(trackingCode: $c) { applicant { displayName email phone } attributeValues }
        b: serviceRequest(trackingCode: $c) { applicant { phone } }
      }`,
      { c: code },
      { token: t.hendra },
    );
    expect(twice.body.data.b.applicant.phone).toBe(person.phone);
    // A second operation is a second read.
    expect(await viewsOf()).toHaveLength(2);
    // Seen in a list too: every view of a confidential reporter is recorded.
    await h.gql(STAFF_LIST, {}, { token: t.hendra });
    const views = await viewsOf();
    expect(views).toHaveLength(3);
    expect(new Set(views.map((v) => `${v.viewerAccountId} ${v.what} ${v.requestId}`))).toEqual(
      new Set([`${hendra.id} CONFIDENTIAL_REPORTER ${views[0]?.requestId}`]),
    );
    // Yulia still sees the pseudonym; the reporter sees themself, unrecorded.
    const stillHidden = await h.gql(STAFF_READ, { c: code }, { token: t.yulia });
    expect(stillHidden.body.data.serviceRequest.applicant.displayName).toBe(request.reporterPseudonym);
    const own = await h.gql(STAFF_READ, { c: code }, { token: person.token });
    expect(own.body.data.serviceRequest.applicant.displayName).toBe(person.name);
    expect(await h.db.prisma.identityView.count({ where: { subjectAccountId: person.accountId } })).toBe(
      views.length,
    );
    // Confidential filing is for complaints only.
    const permit = await h.gql(
      SUBMIT,
      {
        input: {
          serviceCode: 'PBG',
          text: 'Izin bangunan rumah tinggal.',
          attributes: {},
          reporterPrivacy: 'CONFIDENTIAL',
        },
      },
      { token: person.token },
    );
    expect(permit.body.data.submitServiceRequest).toMatchObject({
      __typename: 'ValidationError',
      code: 'COMPLAINT_PRIVACY_NOT_COMPLAINT',
    });
    await h.db.prisma.staff.update({
      where: { id: hendra.staffId ?? '' },
      data: { complaintManager: false },
    });
  });

  it('stores no identity of an anonymous reporter, who follows and contests with the code and secret only', async () => {
    await complaintWithNik(h);
    const person = await reporter(h);
    const contact = `kabar-${randomUUID().slice(0, 8)}@contoh.id`;
    const requestId = `anon-${randomUUID()}`;
    const headers = { 'x-request-id': requestId, 'x-forwarded-for': '203.0.113.77' };
    // A complaint of theirs that is not anonymous (filed before the scan starts).
    const named = await h.gql(SUBMIT, { input: complaint() }, { token: person.token });
    const before = new Set((await allRows(h.db.prisma)).map((r) => `${r.table} ${r.text}`));

    // Identifying attributes are refused, not stored.
    const withNik = await h.gql(
      FILE_ANONYMOUS,
      { input: complaint({ attributes: { ...ROAD_COMPLAINT.attributes, nik_pelapor: person.nik } }) },
      { token: person.token, headers },
    );
    expect(withNik.body.data.fileAnonymousComplaint).toMatchObject({
      code: 'COMPLAINT_ANONYMOUS_IDENTIFYING_VALUE',
      fields: [{ field: 'attributes.nik_pelapor', code: 'COMPLAINT_ANONYMOUS_IDENTIFYING_VALUE' }],
    });
    const permit = await h.gql(
      FILE_ANONYMOUS,
      { input: { serviceCode: 'PBG', text: 'Izin bangunan rumah tinggal.' } },
      { headers },
    );
    expect(permit.body.data.fileAnonymousComplaint).toMatchObject({
      code: 'COMPLAINT_PRIVACY_NOT_COMPLAINT',
    });

    // Filed by a signed-in citizen: the account is not used.
    const filed = await h.gql(
      FILE_ANONYMOUS,
      { input: complaint({ contactEmail: contact }) },
      { token: person.token, headers },
    );
    const { trackingCode, secret, complaint: first } = filed.body.data.fileAnonymousComplaint;
    // The id the gateway gave the filing's HTTP request (logged with it, kept nowhere else).
    const filingRequestId = filed.headers.get('x-request-id') ?? 'missing';
    expect(filingRequestId).not.toBe('missing');
    expect(secret).toMatch(/^([A-Z2-9]{4}-){5}[A-Z2-9]{4}$/);
    expect(first).toMatchObject({ trackingCode, state: 'SUBMITTED', hasContact: true });
    // News goes to the contact address: no name, the code but never the secret, a link to the page.
    const news = await h.db.prisma.mailMessage.findMany({ where: { toAddress: contact } });
    expect(news.length).toBeGreaterThanOrEqual(1);
    for (const m of news) {
      expect(m.textBody).toContain(`/pengaduan-anonim?kode=${trackingCode}`);
      expect(m.textBody).not.toContain(secret);
      expect(m.accountId).toBeNull();
    }
    const withdrawn = await h.gql(WITHDRAW, { input: { trackingCode, secret } }, { headers });
    expect(withdrawn.body.data.withdrawAnonymousContact.complaint.hasContact).toBe(false);

    // The code without the secret, a wrong secret and an unknown code: one and the same refusal.
    const refused = [
      await h.gql(READ_ANONYMOUS, { c: trackingCode, s: '' }),
      await h.gql(READ_ANONYMOUS, {
        c: trackingCode,
        s: secret.replace(/^./, secret[0] === 'A' ? 'B' : 'A'),
      }),
      await h.gql(READ_ANONYMOUS, { c: 'SWL-2020-999999', s: secret }),
    ].map((r) => r.body);
    for (const body of refused) {
      expect(body).toEqual({
        data: {
          anonymousComplaint: { __typename: 'AuthenticationFailed', code: 'ANONYMOUS_ACCESS_REFUSED' },
        },
      });
    }
    // A request that is not anonymous is refused alike, whatever is given.
    const namedRead = await h.gql(READ_ANONYMOUS, {
      c: named.body.data.submitServiceRequest.request.trackingCode,
      s: secret,
    });
    expect(namedRead.body).toEqual(refused[0]);

    // Handling staff see "Pelapor anonim" and complete it; the reporter contests with code + secret.
    const seen = await h.gql(STAFF_READ, { c: trackingCode }, { token: t.yulia });
    expect(seen.body.data.serviceRequest.applicant).toEqual({
      displayName: 'Pelapor anonim',
      email: null,
      phone: null,
    });
    // Returned for more detail: the reporter answers with the code and its secret, never without.
    const returned = await transitionRequest(
      h,
      { trackingCode, to: 'RETURNED_TO_CITIZEN', expectedVersion: 1, publicNote: 'Di depan nomor berapa?' },
      t.yulia,
    );
    const returnedVersion = returned.body.data.transitionServiceRequest.request.version;
    const detail = 'Di depan rumah nomor 12, dekat SD 05.';
    const correction = { trackingCode, text: detail, expectedVersion: returnedVersion };
    const unanswered = await h.gql(CORRECT_ANONYMOUS, { input: { ...correction, secret: '' } });
    expect(unanswered.body.data.correctAnonymousComplaint).toEqual({
      __typename: 'AuthenticationFailed',
      code: 'ANONYMOUS_ACCESS_REFUSED',
    });
    const corrected = await h.gql(CORRECT_ANONYMOUS, { input: { ...correction, secret } }, { headers });
    const answered = corrected.body.data.correctAnonymousComplaint.complaint;
    // The answer hands the complaint back: its clock resumes at once.
    expect(answered.state).toBe('SUBMITTED');
    expect(answered.trail.slice(-2)).toEqual([
      { kind: 'CORRECTION', toState: 'RETURNED_TO_CITIZEN', publicNote: detail },
      expect.objectContaining({ toState: 'SUBMITTED' }),
    ]);
    const version = await moveRequest(
      h,
      trackingCode,
      ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'],
      t.yulia,
      answered.version,
    );
    const read = await h.gql(READ_ANONYMOUS, { c: trackingCode.toLowerCase(), s: secret.toLowerCase() });
    expect(read.body.data.anonymousComplaint).toMatchObject({ state: 'COMPLETED', version });
    expect(read.body.data.anonymousComplaint.answerWindowEndsOn).not.toBeNull();
    const reason = 'Pungutan masih diminta di loket; belum ada perubahan.';
    const noSecret = await h.gql(ANSWER_ANONYMOUS, {
      input: { trackingCode, secret: '', accept: false, reason, expectedVersion: version },
    });
    expect(noSecret.body.data.answerAnonymousComplaint).toEqual({
      __typename: 'AuthenticationFailed',
      code: 'ANONYMOUS_ACCESS_REFUSED',
    });
    const contested = await h.gql(
      ANSWER_ANONYMOUS,
      { input: { trackingCode, secret, accept: false, reason, expectedVersion: version } },
      { headers },
    );
    expect(contested.body.data.answerAnonymousComplaint.complaint).toMatchObject({
      state: 'IN_PROGRESS',
      reopenCount: 1,
    });
    expect(contested.body.data.answerAnonymousComplaint.complaint.trail.at(-1)).toEqual({
      kind: 'REOPENED',
      toState: 'IN_PROGRESS',
      publicNote: reason,
    });

    // Nothing written since the filing names the reporter, their account, the contact address
    // (withdrawn), the client address or the request id.
    const written = (await allRows(h.db.prisma)).filter((r) => !before.has(`${r.table} ${r.text}`));
    expect(
      written.filter((r) => r.table === 'service_request' && r.text.includes(trackingCode.toLowerCase())),
    ).toHaveLength(1);
    const needles = [
      ...new Set(
        [
          person.name,
          person.email,
          person.phone,
          person.nik,
          person.accountId,
          contact,
          requestId,
          filingRequestId,
          '203.0.113.77',
        ].map((v) => v.toLowerCase()),
      ),
    ];
    const found = written.flatMap((r) =>
      needles.filter((n) => r.text.includes(n)).map((n) => `${r.table}: ${n}`),
    );
    expect(found).toEqual([]);
    expect(await findPersonalValues(h.db.prisma, [contact, requestId])).toEqual([]);
    const anonymous = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode } });
    const audits = await h.db.prisma.auditEntry.findMany({ where: { entityId: anonymous.id } });
    expect(audits.length).toBeGreaterThanOrEqual(3);
    for (const a of audits.filter((e) => e.action !== 'transitionServiceRequest')) {
      expect(a).toMatchObject({ actorKind: 'ANONYMOUS', actorId: null, requestId: null });
    }
  });
});
