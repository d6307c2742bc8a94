// Open311 with FixMyStreet's client, issue 17 items 1 and 5: reports of people without a Layanan
// account (FixMyStreet sends its own user's email, first_name, last_name, phone), their claim by a
// code mailed through a real SMTP server, and POST servicerequestupdates as FixMyStreet posts a
// comment or a reopen (urlencoded: jurisdiction_id, api_key, service_request_id, update_id,
// updated_datetime, status OPEN/CLOSED, description, email, first_name, last_name; it reads
// `request_update[0].update_id`). The requests are built from reading perllib/Open311.pm, not copied.
import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@layanan/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailTransport } from '../../../platform/mail/transport.js';
import { MailWorker } from '../../../platform/mail/worker.js';
import { fixMyStreetKeys, fixMyStreetRoadReport } from '../../../testing/fixmystreet-client.js';
import { readOpen311Xml } from '../../../testing/open311-xml.js';
import { moveRequest, permitComplaintService } from '../../../testing/requests.js';
import { type ReceivedMail, startSmtpServer } from '../../../testing/smtp.js';
import { useHarness } from '../../../testing/use-harness.js';
import { eraseRequestPersonalData } from '../../privacy/commands/erase-request-data.js';
import { UNREGISTERED_REPORTER_ACCOUNT_ID } from '../commands/unregistered-reporter.js';

const log = pino({ level: 'silent' });
const PUBLIC = 'https://layanan.test';

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

/** A road complaint as FixMyStreet posts it for its user (no Layanan account). */
const fmsReport = (apiKey: string, user: [string, string][]) =>
  fixMyStreetRoadReport(apiKey, user, { extra: [['attribute[fixmystreet_id]', '77']] });

const SEND_CODE = `mutation($input: SendRequestClaimCodeInput!) { sendRequestClaimCode(input: $input) {
  __typename ... on RequestClaimCodeSent { channel expiresAt } ... on Failure { code } } }`;
const CLAIM = `mutation($input: ClaimReportedRequestInput!) { claimReportedRequest(input: $input) {
  __typename ... on ReportedRequestClaimed { trackingCode } ... on ValidationError { code fields { field code } } ... on Failure { code } } }`;
const APPLICANT = `query($c: String!) { serviceRequest(trackingCode: $c) { state applicant { displayName email phone } } }`;

describe.each(testDatabaseKinds())('FixMyStreet reporters without an account on %s', (kind) => {
  const { h, t } = useHarness(kind, {
    login: ['admin', 'warga', 'warga2', 'yulia'],
    env: { LAYANAN_PUBLIC_URL: PUBLIC, LAYANAN_MAIL_INTERVAL_MS: '0' },
  });
  const apiKey = fixMyStreetKeys(h, t);

  const post = (path: string, body: URLSearchParams) =>
    h.gateway.fetch(`http://layanan.test/open311/v2/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  /** Sends the outbox over SMTP and returns the messages that reached `to`. */
  async function mailTo(to: string): Promise<ReceivedMail[]> {
    const worker = new MailWorker({
      prisma: h.db.prisma,
      transport: createMailTransport({ ...h.config.mail, smtpUrl: smtp.url }),
      log,
      maxAttempts: 3,
    });
    await worker.run();
    return smtp.received.filter((m) => m.to.includes(to));
  }
  /** Files a report for a new FixMyStreet user; returns the tracking code and the address. */
  async function filed(user: [string, string][] = []) {
    await permitComplaintService(h);
    const email = `fms-${randomUUID()}@contoh.test`;
    const res = await post(
      'requests.xml',
      fmsReport(await apiKey(), [
        ['first_name', 'Rudi'],
        ['last_name', 'Hartono'],
        ['email', email],
        ['phone', '0812 3456 7890'],
        ...user,
      ]),
    );
    expect(res.status).toBe(201);
    const [request] = readOpen311Xml(await res.text()).value.request;
    return { code: request.service_request_id as string, email };
  }

  it('files for a person without an account, keeping the contact details, and a phone-only reporter', async () => {
    const { code, email } = await filed();
    expect(code).toMatch(/^SWL-\d{4}-\d{6}$/);
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({
      where: { trackingCode: code },
      include: { reporterContact: true },
    });
    expect(row.citizenAccountId).toBe(UNREGISTERED_REPORTER_ACCOUNT_ID);
    expect(row.citizenAttachedAt).toBeNull();
    expect(row.reporterContact).toMatchObject({
      email,
      phone: '+6281234567890',
      firstName: 'Rudi',
      lastName: 'Hartono',
    });
    expect(await h.db.prisma.account.count({ where: { email } })).toBe(0);
    // The handling unit sees the contact as an applicant's.
    const seen = await h.gql(APPLICANT, { c: code }, { token: t.yulia });
    expect(seen.body.data.serviceRequest.applicant).toEqual({
      displayName: 'Rudi Hartono',
      email,
      phone: '+6281234567890',
    });

    // FixMyStreet with no e-mail for its user: the phone is enough.
    const phoneOnly = fmsReport(await apiKey(), [
      ['first_name', 'Sari'],
      ['last_name', ''],
      ['phone', '+62 813-1111-2222'],
    ]);
    phoneOnly.set('description', 'Drainase tersumbat di Jalan Ahmad Yani');
    const second = await post('requests.json', phoneOnly);
    expect(second.status).toBe(201);
    const [{ service_request_id }] = (await second.json()) as [{ service_request_id: string }];
    const contact = await h.db.prisma.requestReporterContact.findFirstOrThrow({
      where: { request: { trackingCode: service_request_id } },
    });
    expect(contact).toMatchObject({
      email: null,
      phone: '+6281311112222',
      firstName: 'Sari',
      lastName: null,
    });

    // Neither address, or a bad one: refused naming the Open311 field, in XML.
    const none = fmsReport(await apiKey(), [['first_name', 'Tanpa']]);
    none.set('description', 'Laporan tanpa kontak');
    const refused = await post('requests.xml', none);
    expect(refused.status).toBe(400);
    expect(readOpen311Xml(await refused.text()).value.error[0].description).toMatch(/^email: /);
    const badPhone = fmsReport(await apiKey(), [['phone', '12345']]);
    badPhone.set('description', 'Laporan dengan nomor salah');
    const bad = await post('requests.json', badPhone);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { description: string }[])[0]?.description).toMatch(/^phone: /);
  });

  it('mails status changes to the contact address, with an unsubscribe link that stops them', async () => {
    const { code, email } = await filed();
    await moveRequest(h, code, ['VERIFIED'], t.yulia);
    const mails = await mailTo(email);
    expect(mails.length).toBeGreaterThan(0);
    const told = mails.at(-1) as ReceivedMail;
    expect(told.text).toContain('Rudi Hartono');
    expect(told.text).toContain(code);
    // One click (RFC 8058), as the mail's List-Unsubscribe header says.
    const link = /<https:\/\/layanan\.test(\/mail\/unsubscribe\?[^>]+)>/.exec(
      told.header('list-unsubscribe') ?? '',
    )?.[1];
    expect(link).toBeTruthy();
    const off = await h.gateway.fetch(`http://layanan.test${link}`, { method: 'POST' });
    expect(off.status).toBe(200);
    const before = (await mailTo(email)).length;
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } });
    await moveRequest(h, code, ['IN_PROGRESS'], t.yulia, row.version);
    expect((await mailTo(email)).length).toBe(before);
  });

  it('lets a citizen claim the request with the code mailed to the reporter’s address', async () => {
    const { code, email } = await filed();
    const sent = await h.gql(SEND_CODE, { input: { trackingCode: code } }, { token: t.warga });
    expect(sent.body.data.sendRequestClaimCode).toMatchObject({
      __typename: 'RequestClaimCodeSent',
      channel: 'EMAIL',
    });
    const mail = (await mailTo(email)).find((m) => m.text.includes('Kode klaim'));
    const claimCode = /Kode klaim: (\d{8})/.exec(mail?.text ?? '')?.[1] as string;
    expect(claimCode).toMatch(/^\d{8}$/);
    // Only a hash is stored.
    const stored = await h.db.prisma.requestReporterContact.findFirstOrThrow({
      where: { request: { trackingCode: code } },
    });
    expect(stored.claimCodeHash).not.toContain(claimCode);

    const wrongCode = claimCode.endsWith('0') ? `${claimCode.slice(0, -1)}1` : `${claimCode.slice(0, -1)}0`;
    const wrong = await h.gql(CLAIM, { input: { trackingCode: code, code: wrongCode } }, { token: t.warga });
    expect(wrong.body.data.claimReportedRequest).toMatchObject({
      code: 'REQUEST_CLAIM_CODE_WRONG',
      fields: [{ field: 'code', code: 'REQUEST_CLAIM_CODE_WRONG' }],
    });
    // The code is bound to the account that asked for it.
    const other = await h.gql(CLAIM, { input: { trackingCode: code, code: claimCode } }, { token: t.warga2 });
    expect(other.body.data.claimReportedRequest).toMatchObject({ code: 'REQUEST_CLAIM_CODE_EXPIRED' });
    // Before the claim the citizen does not see the request.
    const hidden = await h.gql(APPLICANT, { c: code }, { token: t.warga });
    expect(hidden.body.data?.serviceRequest ?? null).toBeNull();

    const claimed = await h.gql(
      CLAIM,
      { input: { trackingCode: code, code: claimCode } },
      { token: t.warga },
    );
    expect(claimed.body.data.claimReportedRequest).toEqual({
      __typename: 'ReportedRequestClaimed',
      trackingCode: code,
    });
    const mine = await h.gql(APPLICANT, { c: code }, { token: t.warga });
    expect(mine.body.data.serviceRequest.applicant.email).toBe('warga@layanan.test');
    expect(
      await h.db.prisma.requestReporterContact.count({ where: { request: { trackingCode: code } } }),
    ).toBe(0);
    const again = await h.gql(SEND_CODE, { input: { trackingCode: code } }, { token: t.warga2 });
    expect(again.body.data.sendRequestClaimCode).toMatchObject({
      __typename: 'ConflictError',
      code: 'REQUEST_CLAIM_NOT_POSSIBLE',
    });
  });

  it('expires claim codes and voids one after five wrong tries; phone-only reporters need SMS', async () => {
    const { code } = await filed();
    await h.gql(SEND_CODE, { input: { trackingCode: code } }, { token: t.warga2 });
    for (let i = 0; i < 5; i++) {
      const r = await h.gql(
        CLAIM,
        { input: { trackingCode: code, code: `0000000${i}` } },
        { token: t.warga2 },
      );
      expect(r.body.data.claimReportedRequest.code).toBe('REQUEST_CLAIM_CODE_WRONG');
    }
    const sixth = await h.gql(
      CLAIM,
      { input: { trackingCode: code, code: '00000009' } },
      { token: t.warga2 },
    );
    expect(sixth.body.data.claimReportedRequest.code).toBe('REQUEST_CLAIM_CODE_EXPIRED');

    await permitComplaintService(h);
    const phoneOnly = fmsReport(await apiKey(), [['phone', '081377778888']]);
    phoneOnly.set('description', 'Lampu jalan padam di Jalan Sudirman');
    const [{ service_request_id }] = (await (await post('requests.json', phoneOnly)).json()) as [
      { service_request_id: string },
    ];
    const noSms = await h.gql(SEND_CODE, { input: { trackingCode: service_request_id } }, { token: t.warga });
    expect(noSms.body.data.sendRequestClaimCode).toMatchObject({ code: 'REQUEST_CLAIM_NO_CHANNEL' });

    // Erasure (retention) deletes the contact details.
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } });
    await h.db.prisma.$transaction((tx) => eraseRequestPersonalData(tx, [row.id], new Date()));
    expect(await h.db.prisma.requestReporterContact.count({ where: { requestId: row.id } })).toBe(0);
  });

  it('files for a person without an account from GraphQL with an API key', async () => {
    await permitComplaintService(h);
    const r = await h.gql(
      `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
        __typename ... on ServiceRequestPayload { request { trackingCode } } ... on ValidationError { code fields { field code } } } }`,
      {
        input: {
          serviceCode: 'PENGADUAN-PERIZINAN',
          text: 'Jalan rusak di depan kantor camat',
          attributes: {
            kecamatan: 'LEMBAH_SEGAR',
            lokasi: 'Kantor camat',
            jenis_kerusakan: 'JALAN_BERLUBANG',
          },
          reporter: { phone: '0813 9999 0000', firstName: 'Andi', language: 'EN' },
        },
      },
      { apiKey: await apiKey() },
    );
    const code = r.body.data.submitServiceRequest.request.trackingCode;
    const contact = await h.db.prisma.requestReporterContact.findFirstOrThrow({
      where: { request: { trackingCode: code } },
    });
    expect(contact).toMatchObject({ phone: '+6281399990000', firstName: 'Andi', language: 'en' });
    const none = await h.gql(
      `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
        __typename ... on ValidationError { code fields { field code } } } }`,
      {
        input: {
          serviceCode: 'PENGADUAN-PERIZINAN',
          text: 'Jalan rusak tanpa kontak',
          attributes: { kecamatan: 'LEMBAH_SEGAR', lokasi: 'X', jenis_kerusakan: 'JALAN_BERLUBANG' },
        },
      },
      { apiKey: await apiKey() },
    );
    expect(none.body.data.submitServiceRequest.fields).toEqual([
      { field: 'reporter.email', code: 'REQUIRED' },
    ]);
  });

  it('takes POST servicerequestupdates as FixMyStreet posts them: comments once per update_id, reopen within the window', async () => {
    const { code, email } = await filed();
    const update = async (
      updateId: string,
      status: string,
      description: string,
      format = 'xml',
      key?: string,
    ) =>
      post(
        `servicerequestupdates.${format}`,
        new URLSearchParams([
          ['jurisdiction_id', 'sawahlunto.go.id'],
          ['api_key', key ?? (await apiKey())],
          ['service_request_id', code],
          ['update_id', updateId],
          ['updated_datetime', '2026-12-02T10:00:00+07:00'],
          ['status', status],
          ['description', description],
          ['email', email],
          ['first_name', 'Rudi'],
          ['last_name', 'Hartono'],
        ]),
      );
    const first = await update('fms-901', 'OPEN', 'Lubangnya makin besar setelah hujan.');
    expect(first.status).toBe(201);
    const doc = readOpen311Xml(await first.text());
    expect(doc.root).toBe('service_request_updates');
    const [answer] = doc.value.request_update;
    expect(answer.update_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.service_request_id).toBe(code);
    // The same update again: the first answer, nothing done again.
    const repeat = await update('fms-901', 'OPEN', 'Lubangnya makin besar setelah hujan.');
    expect(repeat.status).toBe(200);
    expect(readOpen311Xml(await repeat.text()).value.request_update[0].update_id).toBe(answer.update_id);
    const notes = await h.db.prisma.requestEvent.findMany({
      where: { request: { trackingCode: code }, kind: 'NOTE' },
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      id: answer.update_id,
      actorKind: 'CITIZEN',
      internalNote: 'Lubangnya makin besar setelah hujan.',
      publicNote: null,
    });
    // Another client may not post updates to this request.
    const stranger = await update(
      'x-1',
      'OPEN',
      'Komentar dari klien lain',
      'json',
      await apiKey('Klien Lain'),
    );
    expect(stranger.status).toBe(403);
    // An update without update_id is refused naming it.
    const noId = await update('', 'OPEN', 'Tanpa id', 'json');
    expect(noId.status).toBe(400);
    expect(((await noId.json()) as { description: string }[])[0]?.description).toMatch(/^update_id: /);

    // The report is fixed; FixMyStreet's user reopens it (status OPEN): the complaint is contested.
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } });
    let version = await moveRequest(h, code, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia, row.version);
    const reopened = await update('fms-902', 'OPEN', 'Belum diperbaiki, lubang masih ada di sana.', 'json');
    expect(reopened.status).toBe(201);
    const [reopenAnswer] = (await reopened.json()) as { update_id: string }[];
    const after = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } });
    expect(after).toMatchObject({ state: 'IN_PROGRESS', reopenCount: 1 });
    expect(
      await h.db.prisma.requestEvent.findUniqueOrThrow({ where: { id: reopenAnswer?.update_id } }),
    ).toMatchObject({
      kind: 'REOPENED',
      publicNote: 'Belum diperbaiki, lubang masih ada di sana.',
    });

    // Completed again, and the window has passed: refused in GeoReport's format.
    version = await moveRequest(h, code, ['COMPLETED'], t.yulia, after.version);
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: code },
      data: { completedAt: longAgo, closedAt: longAgo },
    });
    const late = await update('fms-903', 'OPEN', 'Masih rusak juga, mohon dibuka lagi.');
    expect(late.status).toBe(409);
    const errors = readOpen311Xml(await late.text());
    expect(errors.root).toBe('errors');
    expect(errors.value.error).toEqual([
      { code: '409', description: 'Batas waktu untuk menanggapi penyelesaian pengaduan sudah lewat.' },
    ]);
    expect(
      (await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } })).version,
    ).toBe(version);
  });
});
