// Every path from a confidential complaint to its reporter (issue 20 item 1; Perpres 76/2013
// art. 4): as handling staff, their supervisor and an admin who is not a designated complaint
// manager, the test walks each answer that can lead from the request to a person — the request
// and its trail, files, applicant and attribute values (one, in a list, through node), the
// notifications, the audit log (also entries that name the request only in their summary, as a
// survey answer does), the caller's own personal-data export, the public status, Open311 (with
// extensions and the updates extension) and the open data — and scans each JSON or CSV answer
// for the reporter's account id, name, e-mail, phone and NIK; then the staff notices and e-mails
// in the database, also those of the escalation ladder (supervisor, head of the agency,
// coordinator) and their queues. A designated complaint manager of the unit does see the
// reporter, recorded.
import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@layanan/db/testing';
import { addWorkingDays, jakartaDay } from '@layanan/domain/calendar';
import { SKM_ELEMENT_CODES } from '@layanan/domain/feedback';
import { encodeGlobalID } from '@pothos/plugin-relay';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../app/event-handlers.js';
import { mailSettings } from '../../app/mail-config.js';
import { createLayananPubSub } from '../../app/pubsub.js';
import { loadWorkingCalendar } from '../../platform/calendar.js';
import type { Harness } from '../../testing/harness.js';
import {
  complaintWithNik,
  type IdentifiableReporter,
  identifiableReporter,
} from '../../testing/identifiable-reporter.js';
import { moveRequest, ROAD_COMPLAINT } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';
import { escalateOverdueRequests } from './commands/escalate-overdue.js';

// Every ServiceRequest field that reaches a person, and the types behind them.
const REQUEST_FIELDS = `id trackingCode version state reporterPrivacy reporterPseudonym originalText
  attributeValues channel priority priorityReason escalationLevel
  applicant { displayName email phone }
  assignee { id name unit { code } }
  attachments { id name type size purpose slot url }
  events { kind actorKind actorName actorUnit publicNote internalNote attachments { id name url } }
  unit { code } service { code }`;
const ONE = `query($c: String!) { serviceRequest(trackingCode: $c) { ${REQUEST_FIELDS} } }`;
const BY_NODE = `query($id: ID!) { node(id: $id) { ... on ServiceRequest { ${REQUEST_FIELDS} } } }`;
const LIST = `{ serviceRequests(first: 100) { edges { node { ${REQUEST_FIELDS} } } } }`;
const NOTIFICATIONS = `{ notifications(first: 100) { edges { node {
  kind title titleId titleEn linkPath request { ${REQUEST_FIELDS} } } } } }`;
const AUDIT = `query($id: String) { auditEntries(entityId: $id, first: 100) {
  edges { node { action actorKind actorId entityType entityId before after createdAt } } } }`;
const OWN_EXPORT = '{ me { personalData } }';
const STATUS = `query($c: String!) { requestStatus(trackingCode: $c) { __typename } }`;
const SUBMIT = `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
  __typename ... on ServiceRequestPayload { request { id trackingCode version reporterPseudonym } }
  ... on Failure { code } } }`;
const ANSWER = `mutation($input: AnswerServiceRequestOutcomeInput!) { answerServiceRequestOutcome(input: $input) {
  __typename ... on Failure { code } } }`;
const SURVEY = `mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) {
  __typename ... on Failure { code } } }`;
const NOTE = `mutation($input: AddServiceRequestNoteInput!) { addServiceRequestNote(input: $input) {
  __typename ... on Failure { code } } }`;
const TRANSFER = `mutation($input: TransferServiceRequestInput!) { transferServiceRequest(input: $input) {
  __typename ... on ServiceRequestPayload { request { unit { code } } } ... on Failure { code } } }`;
const DESIGNATE = `mutation($input: SetComplaintManagerInput!) { setComplaintManager(input: $input) {
  __typename } }`;

/** Files a confidential PENGADUAN-PERIZINAN complaint with the reporter's NIK, as the reporter. */
async function fileConfidentially(h: Harness, reporter: IdentifiableReporter, text: string) {
  const filed = await h.gql(
    SUBMIT,
    {
      input: {
        ...ROAD_COMPLAINT,
        serviceCode: 'PENGADUAN-PERIZINAN',
        text,
        attributes: { ...ROAD_COMPLAINT.attributes, nik_pelapor: reporter.person.nik },
        reporterPrivacy: 'CONFIDENTIAL',
      },
    },
    { token: reporter.citizen.accessToken },
  );
  return filed.body.data.submitServiceRequest.request as {
    id: string;
    trackingCode: string;
    version: number;
    reporterPseudonym: string;
  };
}

/** The notices and e-mails since `before` of every account but the reporter's (and mail to no account). */
async function sentToOthers(h: Harness, reporterAccountId: string, before: Date) {
  const notices = await h.db.prisma.notification.findMany({
    where: { accountId: { not: reporterAccountId }, createdAt: { gte: before } },
  });
  const mails = await h.db.prisma.mailMessage.findMany({
    where: {
      OR: [{ accountId: null }, { accountId: { not: reporterAccountId } }],
      createdAt: { gte: before },
    },
  });
  return { notices, mails };
}

/** The values of `identity` found in `text` (case-insensitive), each with `where`. */
function leaks(where: string, text: string, identity: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return identity.filter((v) => lower.includes(v.toLowerCase())).map((v) => `${where}: ${v}`);
}

describe.each(testDatabaseKinds())('a confidential reporter is unreachable on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['yulia', 'hendra', 'admin'] });

  it('shows the reporter on no path to handling staff or a non-designated admin; a complaint manager sees them, recorded', async () => {
    await complaintWithNik(h);
    const reporter = await identifiableReporter(h);
    const { person, citizen, identity } = reporter;
    const token = citizen.accessToken;
    const before = new Date();

    // The reporter files confidentially, with their NIK.
    const request = await fileConfidentially(
      h,
      reporter,
      `Petugas loket meminta uang pelicin, ${randomUUID().slice(0, 6)}.`,
    );
    const code = request.trackingCode;
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } });

    // Handled, completed; the reporter rates the service (an audit entry naming the request in
    // its summary only) and contests the outcome; staff add a note.
    let version = await moveRequest(h, code, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia);
    const survey = await h.gql(
      SURVEY,
      {
        input: {
          trackingCode: code,
          answers: SKM_ELEMENT_CODES.map((element) => ({ element, score: 3 })),
        },
      },
      { token },
    );
    expect(survey.body.data.submitSurvey.__typename).toBe('SubmitSurveyPayload');
    const contest = await h.gql(
      ANSWER,
      {
        input: {
          trackingCode: code,
          accept: false,
          reason: 'Uang pelicin masih diminta di loket.',
          expectedVersion: version,
        },
      },
      { token },
    );
    expect(contest.body.data.answerServiceRequestOutcome.__typename).toBe('ServiceRequestPayload');
    version += 1;
    const noted = await h.gql(
      NOTE,
      { input: { trackingCode: code, expectedVersion: version, publicNote: 'Kami periksa lagi.' } },
      { token: t.yulia },
    );
    expect(noted.body.data.addServiceRequestNote.__typename).toBe('ServiceRequestPayload');

    // Every path, as handling staff, their supervisor and an admin who manages no complaints.
    const found: string[] = [];
    const staffAccounts = [] as string[];
    for (const [who, caller] of [
      ['yulia', t.yulia],
      ['hendra', t.hendra],
      ['admin', t.admin],
    ] as const) {
      const account = await h.db.prisma.account.findUniqueOrThrow({
        where: { email: `${who}@layanan.test` },
      });
      staffAccounts.push(account.id);
      const answers: [string, unknown][] = [
        ['serviceRequest', await h.gql(ONE, { c: code }, { token: caller })],
        ['node', await h.gql(BY_NODE, { id: request.id }, { token: caller })],
        ['serviceRequests', await h.gql(LIST, {}, { token: caller })],
        ['notifications', await h.gql(NOTIFICATIONS, {}, { token: caller })],
        ['personalData', await h.gql(OWN_EXPORT, {}, { token: caller })],
        ['requestStatus', await h.gql(STATUS, { c: code }, { token: caller })],
      ];
      if (who === 'admin') {
        answers.push(['auditEntries(request)', await h.gql(AUDIT, { id: row.id }, { token: caller })]);
        // The whole log since the filing (the reporter's registration before it names the person,
        // not the complaint).
        const all = await h.gql(AUDIT, { id: null }, { token: caller });
        const since = all.body.data.auditEntries.edges.filter(
          (e: { node: { createdAt: string } }) => new Date(e.node.createdAt) >= before,
        );
        expect(since.length).toBeGreaterThan(5);
        answers.push(['auditEntries(all)', { body: { data: since } }]);
      }
      for (const [where, answer] of answers) {
        const body = (answer as { body: { errors?: unknown } }).body;
        expect(body.errors, `${who} ${where}`).toBeUndefined();
        found.push(...leaks(`${who} ${where}`, JSON.stringify(body), identity));
      }
      // The request itself was reached, so the scan looked at something.
      const one = answers[0]?.[1] as { body: { data: { serviceRequest: Record<string, any> } } };
      expect(one.body.data.serviceRequest.applicant.displayName).toBe(request.reporterPseudonym);
      expect(one.body.data.serviceRequest.attributeValues.nik_pelapor).toBe('[rahasia]');
    }
    // The survey answer's audit entry is there, without its actor.
    const surveyEntry = await h.gql(
      `{ auditEntries(entityType: "SurveyResponse", first: 5) { edges { node { actorKind actorId after } } } }`,
      {},
      { token: t.admin },
    );
    const entries = surveyEntry.body.data.auditEntries.edges.map((e: { node: any }) => e.node);
    const ofThis = entries.find((e: any) => e.after?.requestId === row.id);
    expect(ofThis).toMatchObject({ actorKind: 'CITIZEN', actorId: null });

    // Open311 and the open data answer anyone (and a filing key); nothing of the reporter.
    const index = (await (await h.gateway.fetch('http://layanan.test/open-data/index.json')).json()) as {
      datasets: { csv: string; json: string }[];
    };
    const paths = [
      `/open311/v2/requests/${code}.json?extensions=true`,
      `/open311/v2/requests/${code}.xml?extensions=true`,
      `/open311/v2/requests.json?service_request_id=${code}&extensions=true`,
      `/open311/v2/servicerequestupdates.json?extensions=true&start_date=${before.toISOString()}`,
      ...index.datasets.flatMap((d) => [d.csv, d.json]),
    ];
    for (const path of paths) {
      const response = await h.gateway.fetch(`http://layanan.test${path}`);
      expect(response.status, path).toBe(200);
      found.push(...leaks(path, await response.text(), identity));
    }

    // What was sent to staff: notices and e-mails of every account but the reporter's.
    const { notices, mails } = await sentToOthers(h, citizen.accountId, before);
    found.push(...leaks('staff notifications', JSON.stringify(notices), identity));
    found.push(...leaks('staff e-mails', JSON.stringify(mails), identity));
    expect(found).toEqual([]);
    // Nobody saw the identity, so nothing was recorded.
    expect(await h.db.prisma.identityView.count({ where: { subjectAccountId: citizen.accountId } })).toBe(0);

    // A designated complaint manager of the unit (Hendra) sees the reporter; the view is recorded.
    const hendra = await h.db.prisma.account.findUniqueOrThrow({ where: { email: 'hendra@layanan.test' } });
    const designated = await h.gql(
      DESIGNATE,
      { input: { staffId: encodeGlobalID('Staff', hendra.staffId ?? ''), manager: true } },
      { token: t.admin },
    );
    expect(designated.body.data.setComplaintManager.__typename).toBe('ComplaintManagerPayload');
    try {
      const managed = await h.gql(ONE, { c: code }, { token: t.hendra });
      expect(managed.body.data.serviceRequest.applicant).toEqual({
        displayName: person.name,
        email: person.email,
        phone: person.phone,
      });
      expect(managed.body.data.serviceRequest.attributeValues.nik_pelapor).toBe(person.nik);
      const views = await h.db.prisma.identityView.findMany({
        where: { subjectAccountId: citizen.accountId },
      });
      // One read (applicant and attributeValues together) is one entry.
      expect(views).toHaveLength(1);
      for (const v of views) {
        expect(v).toMatchObject({
          viewerAccountId: hendra.id,
          what: 'CONFIDENTIAL_REPORTER',
          requestId: row.id,
        });
      }
      // The reporter sees the view of their identity (UU 27/2022 art. 32).
      const own = await h.gql('{ me { identityViews { what } } }', {}, { token });
      expect(own.body.data.me.identityViews.map((v: { what: string }) => v.what)).toContain(
        'CONFIDENTIAL_REPORTER',
      );
      // The admin who designated Hendra still sees only the pseudonym.
      const admin = await h.gql(ONE, { c: code }, { token: t.admin });
      expect(admin.body.data.serviceRequest.applicant.displayName).toBe(request.reporterPseudonym);
    } finally {
      await h.db.prisma.staff.update({
        where: { id: hendra.staffId ?? '' },
        data: { complaintManager: false },
      });
    }
  });

  it('names no confidential reporter in the escalation notices, e-mails and queues of each level', async () => {
    await complaintWithNik(h);
    const reporter = await identifiableReporter(h);
    const { citizen, identity } = reporter;
    const before = new Date();
    const request = await fileConfidentially(
      h,
      reporter,
      `Antrean loket izin tidak dilayani, ${randomUUID().slice(0, 6)}.`,
    );
    const code = request.trackingCode;
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } });
    // Never verified: the job escalates it, then climbs the ladder to the coordinator.
    const calendar = await loadWorkingCalendar(h.db.prisma);
    const climb = { ladder: h.config.complaints.escalationLadder, mail: mailSettings(h.config) };
    const bus = createEventBus({
      prisma: h.db.prisma,
      pubsub: createLayananPubSub().pubsub,
      log: pino({ level: 'silent' }),
      mail: climb.mail,
      documents: { storage: h.storage, signer: h.signer, publicUrl: h.config.mail.publicUrl },
    });
    let day = addWorkingDays(jakartaDay(row.verificationDueOn), 1, calendar);
    for (let level = 0; level < 3; level++) {
      await escalateOverdueRequests(h.db.prisma, { now: new Date(`${day}T10:00:00+07:00`), climb });
      await bus.dispatch();
      day = addWorkingDays(day, 10, calendar);
    }
    const now = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(now.escalationLevel).toBe('COORDINATOR');
    const escalationNotices = await h.db.prisma.notification.count({
      where: { requestId: row.id, kind: 'REQUEST_ESCALATED_TO_YOU' },
    });
    expect(escalationNotices).toBeGreaterThanOrEqual(2);

    const found: string[] = [];
    const { notices, mails } = await sentToOthers(h, citizen.accountId, before);
    found.push(...leaks('staff notifications', JSON.stringify(notices), identity));
    expect(mails.length).toBeGreaterThanOrEqual(1);
    found.push(...leaks('staff e-mails', JSON.stringify(mails), identity));
    // The escalation queues of the supervisor and the coordinator, and their notices over GraphQL.
    for (const [who, caller] of [
      ['hendra', t.hendra],
      ['admin', t.admin],
    ] as const) {
      const queue = await h.gql(
        `query($f: ServiceRequestFilter) { serviceRequests(first: 100, filter: $f) { edges { node { ${REQUEST_FIELDS} } } } }`,
        { f: { escalatedToMe: true } },
        { token: caller },
      );
      expect(queue.body.errors).toBeUndefined();
      // At the coordinator's level it is in the admin's (city-wide) queue.
      if (who === 'admin') expect(JSON.stringify(queue.body)).toContain(code);
      found.push(...leaks(`${who} escalation queue`, JSON.stringify(queue.body), identity));
      const told = await h.gql(NOTIFICATIONS, {}, { token: caller });
      found.push(...leaks(`${who} notifications`, JSON.stringify(told.body), identity));
    }
    expect(found).toEqual([]);
    expect(await h.db.prisma.identityView.count({ where: { subjectAccountId: citizen.accountId } })).toBe(0);
  });

  it('names no confidential reporter when the complaint is transferred to another unit', async () => {
    await complaintWithNik(h);
    const reporter = await identifiableReporter(h);
    const { citizen, identity } = reporter;
    const before = new Date();
    const request = await fileConfidentially(
      h,
      reporter,
      `Jalan ke kantor izin berlubang, ${randomUUID().slice(0, 6)}.`,
    );
    // The supervisor of the receiving unit (Hendra, DPMPTSP) transfers it to DPUPR's road complaints.
    const moved = await h.gql(
      TRANSFER,
      {
        input: {
          trackingCode: request.trackingCode,
          expectedVersion: request.version,
          serviceCode: 'PENGADUAN-JALAN',
          reason: 'Jalan rusak ditangani Dinas PUPR.',
        },
      },
      { token: t.hendra },
    );
    expect(moved.body.data.transferServiceRequest).toMatchObject({ request: { unit: { code: 'DPUPR' } } });
    const found: string[] = [];
    const read = await h.gql(ONE, { c: request.trackingCode }, { token: t.admin });
    expect(read.body.data.serviceRequest.applicant.displayName).toBe(request.reporterPseudonym);
    found.push(...leaks('admin serviceRequest', JSON.stringify(read.body), identity));
    const { notices, mails } = await sentToOthers(h, citizen.accountId, before);
    found.push(...leaks('staff notifications', JSON.stringify(notices), identity));
    found.push(...leaks('staff e-mails', JSON.stringify(mails), identity));
    expect(found).toEqual([]);
    // Hendra, a complaint manager of DPMPTSP, manages the new unit's complaints no more.
    await h.db.prisma.staff.update({
      where: {
        id:
          (await h.db.prisma.account.findUniqueOrThrow({ where: { email: 'hendra@layanan.test' } }))
            .staffId ?? '',
      },
      data: { complaintManager: true },
    });
    try {
      const after = await h.gql(ONE, { c: request.trackingCode }, { token: t.hendra });
      const text = JSON.stringify(after.body);
      expect(leaks('hendra after transfer', text, identity)).toEqual([]);
    } finally {
      await h.db.prisma.staff.updateMany({
        where: { complaintManager: true },
        data: { complaintManager: false },
      });
    }
  });
});
