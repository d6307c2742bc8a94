// Issue 18: the e-mails of the notification kinds beyond a request's plain walk (mail-delivery
// test), as they reach a real SMTP server in the test process: reassigned to another staff
// member, a new public note, a deadline moved, escalated, transferred to another unit, contested
// and reopened, a complaint's completion with its answer window and its closing when the window
// passed (issue 20), and the supervisors' 07:00 WIB digest on working days only. Each is checked for
// recipient, language, subject, the link to its item and a working one-click unsubscribe link.
import { testDatabaseKinds } from '@layanan/db/testing';
import { jakartaDayStart } from '@layanan/domain/calendar';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../app/event-handlers.js';
import { mailSettings } from '../../app/mail-config.js';
import { createLayananPubSub } from '../../app/pubsub.js';
import { sendSupervisorDigests } from '../../modules/forums/supervisor-digest.js';
import { closeAnsweredComplaints } from '../../modules/services/commands/complaint-handling.js';
import { ACCOUNTS, STAFF_NIP } from '../../testing/accounts.js';
import {
  moveRequest,
  PBG_REQUEST,
  permitComplaintService,
  ROAD_COMPLAINT,
  submittedRequest,
} from '../../testing/requests.js';
import { type ReceivedMail, useSmtpServer } from '../../testing/smtp.js';
import { useHarness } from '../../testing/use-harness.js';
import { loadWorkingCalendar } from '../calendar.js';

const PUBLIC = 'https://layanan.test';
const at7Wib = (day: string) => new Date(jakartaDayStart(day).getTime() + 7 * 3_600_000);

const smtp = useSmtpServer();

const NOTE = `mutation($input: AddServiceRequestNoteInput!) { addServiceRequestNote(input: $input) {
  __typename ... on ServiceRequestPayload { request { version } } } }`;
const REASSIGN = `mutation($input: ReassignServiceRequestInput!) { reassignServiceRequest(input: $input) {
  __typename ... on ServiceRequestPayload { request { version } } } }`;
const TRANSITION = `mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) {
  __typename ... on ServiceRequestPayload { request { version completionDueOn } } } }`;
const TRANSFER = `mutation($input: TransferServiceRequestInput!) { transferServiceRequest(input: $input) {
  __typename ... on ServiceRequestPayload { request { version assignee { name } } } } }`;
const ANSWER = `mutation($input: AnswerServiceRequestOutcomeInput!) { answerServiceRequestOutcome(input: $input) {
  __typename ... on ServiceRequestPayload { request { version state } } } }`;

describe.each(testDatabaseKinds())('e-mail of every notification kind on %s', (kind) => {
  const { h, t } = useHarness(kind, {
    login: ['warga', 'yulia', 'hendra', 'admin'],
    env: { LAYANAN_PUBLIC_URL: PUBLIC, LAYANAN_MAIL_INTERVAL_MS: '0' },
  });
  let seen = 0;
  let lastRun: ReceivedMail[] = [];
  /** Sends the outbox; returns what reached `to` since the last call (and sets the rest aside). */
  const arrived = async (to: string): Promise<ReceivedMail[]> => {
    await smtp.deliver(h);
    const out = smtp.received.slice(seen);
    seen = smtp.received.length;
    lastRun = out;
    return out.filter((m) => m.to.includes(to));
  };
  /** The one message of `kind` among `mails`, checked: subject, link to its item, unsubscribe link. */
  const expectMail = async (
    mails: ReceivedMail[],
    expected: { kind: string; subject: string | RegExp; link: string; text?: string },
  ): Promise<ReceivedMail> => {
    const { subject } = expected;
    const mail = mails.find((m) =>
      typeof subject === 'string' ? m.header('subject') === subject : subject.test(m.header('subject') ?? ''),
    );
    expect(mail, `${expected.kind}: ${mails.map((m) => m.header('subject')).join(' | ')}`).toBeDefined();
    expect(mail?.text).toContain(`${PUBLIC}${expected.link}`);
    if (expected.text) expect(mail?.text).toContain(expected.text);
    const unsubscribe = /^<(.+)>$/.exec(mail?.header('list-unsubscribe') ?? '')?.[1] ?? '';
    const url = new URL(unsubscribe);
    expect(url.searchParams.get('k')).toBe(expected.kind);
    expect(mail?.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // The link works without signing in: it answers the confirmation page.
    const page = await h.gateway.fetch(`http://layanan.test${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    return mail as ReceivedMail;
  };
  const setLanguage = (email: string, language: 'id' | 'en') =>
    h.db.prisma.account.update({ where: { email }, data: { language } });
  const staffId = async (name: keyof typeof STAFF_NIP) =>
    (await h.db.prisma.staff.findUniqueOrThrow({ where: { nip: STAFF_NIP[name] } })).id;
  /** Makes `name` the request's assignee, whoever routing picked. */
  const assign = async (trackingCode: string, name: keyof typeof STAFF_NIP) =>
    h.db.prisma.serviceRequest.update({
      where: { trackingCode },
      data: { assigneeStaffId: await staffId(name) },
    });

  it('tells staff a request was reassigned to them, and the citizen of a public note', async () => {
    await setLanguage(ACCOUNTS.yulia, 'en');
    await setLanguage(ACCOUNTS.warga, 'id');
    const { trackingCode: code } = await submittedRequest(h, PBG_REQUEST, t.warga);
    // Routed to Rahmat (no account); the supervisor hands it to Yulia.
    await assign(code, 'rahmat');
    await arrived(ACCOUNTS.yulia);
    const moved = await h.gql(
      REASSIGN,
      { input: { trackingCode: code, expectedVersion: 1, staffId: await staffId('yulia') } },
      { token: t.hendra },
    );
    expect(moved.body.data.reassignServiceRequest.__typename).toBe('ServiceRequestPayload');
    await expectMail(await arrived(ACCOUNTS.yulia), {
      kind: 'REQUEST_ASSIGNED',
      subject: `Request ${code} was reassigned to you`,
      link: `/staf/permohonan/${code}`,
    });

    const noted = await h.gql(
      NOTE,
      { input: { trackingCode: code, expectedVersion: 2, publicNote: 'Survei lokasi Kamis pukul 09.00.' } },
      { token: t.yulia },
    );
    expect(noted.body.data.addServiceRequestNote.__typename).toBe('ServiceRequestPayload');
    await expectMail(await arrived(ACCOUNTS.warga), {
      kind: 'REQUEST_NOTE',
      subject: `Catatan baru pada permohonan ${code}`,
      link: `/permohonan/${code}`,
      text: 'Survei lokasi Kamis pukul 09.00.',
    });
  });

  it('tells the citizen a deadline moved and the request was escalated, and the supervisor it is theirs', async () => {
    await setLanguage(ACCOUNTS.warga, 'en');
    await setLanguage(ACCOUNTS.hendra, 'id');
    const { trackingCode: code } = await submittedRequest(h, PBG_REQUEST, t.warga);
    // Yulia's case, so that the escalation hands it to her supervisor.
    await assign(code, 'yulia');
    let version = await moveRequest(h, code, ['VERIFIED'], t.yulia);
    const returned = await h.gql(
      TRANSITION,
      {
        input: {
          trackingCode: code,
          to: 'RETURNED_TO_CITIZEN',
          expectedVersion: version,
          publicNote: 'Foto KTP buram',
        },
      },
      { token: t.yulia },
    );
    version = returned.body.data.transitionServiceRequest.request.version;
    const before: string = returned.body.data.transitionServiceRequest.request.completionDueOn;
    // The citizen took two weeks: the paused clock moves the completion deadline.
    await h.db.prisma.requestEvent.updateMany({
      where: { request: { trackingCode: code }, toState: 'RETURNED_TO_CITIZEN' },
      data: { at: new Date(Date.now() - 14 * 86_400_000) },
    });
    await arrived(ACCOUNTS.warga);
    const resubmitted = await h.gql(
      TRANSITION,
      { input: { trackingCode: code, to: 'SUBMITTED', expectedVersion: version } },
      { token: t.warga },
    );
    version = resubmitted.body.data.transitionServiceRequest.request.version;
    const after: string = resubmitted.body.data.transitionServiceRequest.request.completionDueOn;
    expect(after > before).toBe(true);
    await expectMail(await arrived(ACCOUNTS.warga), {
      kind: 'REQUEST_DEADLINE_MOVED',
      subject: `The deadline of request ${code} moved`,
      link: `/permohonan/${code}`,
      text: `moved from ${before} to ${after}`,
    });

    await moveRequest(h, code, ['ESCALATED'], t.yulia, version);
    const mails = await arrived(ACCOUNTS.warga);
    await expectMail(mails, {
      kind: 'REQUEST_ESCALATED',
      subject: `Request ${code} was escalated`,
      link: `/permohonan/${code}`,
    });
    // The same run reached the supervisor (in Indonesian).
    await expectMail(
      lastRun.filter((m) => m.to.includes(ACCOUNTS.hendra)),
      {
        kind: 'REQUEST_ESCALATED_TO_YOU',
        subject: `Eskalasi: permohonan ${code}`,
        link: `/staf/permohonan/${code}`,
      },
    );
  });

  it('tells the citizen of a transfer to another unit, and the assignee of a contested outcome', async () => {
    await setLanguage(ACCOUNTS.warga, 'id');
    await setLanguage(ACCOUNTS.yulia, 'en');
    await permitComplaintService(h);
    const road = await submittedRequest(h, { ...ROAD_COMPLAINT, idempotencyKey: 'mail-transfer' }, t.warga);
    await arrived(ACCOUNTS.warga);
    const reason = 'Aduan tentang izin reklame, bukan kerusakan jalan.';
    const moved = await h.gql(
      TRANSFER,
      {
        input: {
          trackingCode: road.trackingCode,
          serviceCode: 'PENGADUAN-PERIZINAN',
          expectedVersion: road.version,
          reason,
        },
      },
      { token: t.admin },
    );
    expect(moved.body.data.transferServiceRequest.__typename).toBe('ServiceRequestPayload');
    await expectMail(await arrived(ACCOUNTS.warga), {
      kind: 'REQUEST_TRANSFERRED',
      subject: `Pengaduan ${road.trackingCode} didisposisikan`,
      link: `/permohonan/${road.trackingCode}`,
      text: reason,
    });

    const req = await submittedRequest(
      h,
      { ...ROAD_COMPLAINT, serviceCode: 'PENGADUAN-PERIZINAN', idempotencyKey: 'mail-contest' },
      t.warga,
    );
    await assign(req.trackingCode, 'yulia');
    const version = await moveRequest(h, req.trackingCode, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia);
    await arrived(ACCOUNTS.yulia);
    const why = 'Petugas belum datang memeriksa; masalah masih ada.';
    const contested = await h.gql(
      ANSWER,
      { input: { trackingCode: req.trackingCode, expectedVersion: version, accept: false, reason: why } },
      { token: t.warga },
    );
    expect(contested.body.data.answerServiceRequestOutcome.request.state).toBe('IN_PROGRESS');
    await expectMail(await arrived(ACCOUNTS.yulia), {
      kind: 'REQUEST_REOPENED',
      subject: `The reporter contested the outcome of ${req.trackingCode}`,
      link: `/staf/permohonan/${req.trackingCode}`,
      text: why,
    });
  });

  it('tells a complaint’s reporter the last day to answer its outcome, and that it closed when that passed', async () => {
    await setLanguage(ACCOUNTS.warga, 'en');
    await permitComplaintService(h);
    const req = await submittedRequest(
      h,
      { ...ROAD_COMPLAINT, serviceCode: 'PENGADUAN-PERIZINAN', idempotencyKey: 'mail-window' },
      t.warga,
    );
    await assign(req.trackingCode, 'yulia');
    await moveRequest(h, req.trackingCode, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia);
    const shown = await h.gql(
      'query($c: String!) { serviceRequest(trackingCode: $c) { answerWindowEndsOn } }',
      { c: req.trackingCode },
      { token: t.warga },
    );
    const end: string = shown.body.data.serviceRequest.answerWindowEndsOn;
    expect(end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const invitation = await expectMail(await arrived(ACCOUNTS.warga), {
      kind: 'SURVEY_INVITATION',
      subject: `Complaint ${req.trackingCode} is completed. How did we do? Answer the satisfaction survey (1 minute).`,
      link: `/permohonan/${req.trackingCode}`,
      text: `or accept it, by ${end} (WIB). After that day the complaint is closed.`,
    });
    expect(invitation.text).toContain('Answer on the complaint’s page in your Layanan account.');
    const bus = createEventBus({
      prisma: h.db.prisma,
      pubsub: createLayananPubSub().pubsub,
      log: pino({ level: 'silent' }),
      mail: mailSettings(h.config),
      documents: { storage: h.storage, signer: h.signer, publicUrl: h.config.mail.publicUrl },
    });
    const closed = await closeAnsweredComplaints(h.db.prisma, {
      now: new Date(Date.now() + 120 * 86_400_000),
      calendar: await loadWorkingCalendar(h.db.prisma),
      policy: { answerWorkingDays: 10 },
      pubsub: createLayananPubSub().pubsub,
      dispatch: (ids) => bus.dispatch(ids),
    });
    expect(closed).toContain(req.trackingCode);
    await expectMail(await arrived(ACCOUNTS.warga), {
      kind: 'REQUEST_CLOSED',
      subject: `Complaint ${req.trackingCode} is closed`,
      link: `/permohonan/${req.trackingCode}`,
      text: `(until ${end}) passed without a contest`,
    });
  });

  it('mails the supervisors their digest at 07:00 WIB on working days only', async () => {
    await setLanguage(ACCOUNTS.hendra, 'en');
    const { trackingCode: code } = await submittedRequest(h, PBG_REQUEST, t.warga);
    // Overdue since January (verification was due on 5 January 2026).
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: code },
      data: { submittedAt: new Date('2025-12-29T02:00:00Z'), verificationDueOn: new Date('2026-01-05') },
    });
    await arrived(ACCOUNTS.hendra);
    const mail = mailSettings(h.config);
    const hendra = await h.db.prisma.account.findUniqueOrThrow({ where: { email: ACCOUNTS.hendra } });
    // Saturday, Sunday, and Independence Day (a Monday): no digest.
    for (const day of ['2026-11-28', '2026-11-29', '2026-08-17']) {
      expect(await sendSupervisorDigests(h.db.prisma, mail, { now: at7Wib(day) }), day).toEqual([]);
    }
    expect(await arrived(ACCOUNTS.hendra)).toEqual([]);
    // Monday 30 November 2026.
    expect(await sendSupervisorDigests(h.db.prisma, mail, { now: at7Wib('2026-11-30') })).toContain(
      hendra.id,
    );
    await expectMail(await arrived(ACCOUNTS.hendra), {
      kind: 'SUPERVISOR_DIGEST',
      subject: /^Digest 2026-11-30: \d+ overdue requests, \d+ unanswered submissions$/,
      link: '/staf',
      text: code,
    });
  });
});
