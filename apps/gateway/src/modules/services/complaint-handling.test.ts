// Complaint handling (issue 20): transfer between units (disposisi) keeps the trail and starts
// the new unit's clock; the reporter accepts or contests the outcome within the window; the job
// closes what nobody answered — and who may do each.
import { testDatabaseKinds } from '@layanan/db/testing';
import { addWorkingDays, jakartaDay, type WorkingCalendar } from '@layanan/domain/calendar';
import { describe, expect, it } from 'vitest';
import { createLayananPubSub } from '../../app/pubsub.js';
import { loadWorkingCalendar } from '../../platform/calendar.js';
import { STAFF_NIP } from '../../testing/accounts.js';
import type { Harness } from '../../testing/harness.js';
import {
  moveRequest,
  PBG_REQUEST,
  permitComplaintService,
  ROAD_COMPLAINT as ROAD,
  submittedRequest,
} from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';
import { closeAnsweredComplaints } from './commands/complaint-handling.js';

const TRANSFER = `mutation($input: TransferServiceRequestInput!) { transferServiceRequest(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { version state verificationDueOn completionDueOn unit { code } service { code } assignee { name } events { kind publicNote internalNote } } }
  ... on ValidationError { code fields { field code } }
  ... on Failure { code }
} }`;

const ANSWER = `mutation($input: AnswerServiceRequestOutcomeInput!) { answerServiceRequestOutcome(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { version state reopenCount finalClosedAt answerWindowEndsOn completionDueOn events { kind toState publicNote } } }
  ... on ValidationError { code fields { field code } }
  ... on Failure { code }
} }`;

const READ = `query($c: String!) { serviceRequest(trackingCode: $c) {
  version state reopenCount finalClosedAt answerWindowEndsOn events { kind toState publicNote }
} }`;

/** One run of the closing job, as the gateway's background loop runs it. */
const closeJob = (h: Harness, calendar: WorkingCalendar, batchSize?: number) =>
  closeAnsweredComplaints(h.db.prisma, {
    now: new Date(),
    calendar,
    policy: { answerWorkingDays: 10 },
    pubsub: createLayananPubSub().pubsub,
    batchSize,
  });

const notificationsOf = async (h: Harness, email: string) =>
  h.db.prisma.notification.findMany({
    where: { account: { email } },
    select: { kind: true, linkPath: true },
  });

describe.each(testDatabaseKinds())('complaint handling on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'warga2', 'yulia', 'hendra', 'dewi', 'admin'] });

  it('transfers a complaint to the responsible unit with its trail, a new clock and the citizen told', async () => {
    await permitComplaintService(h);
    const req = await submittedRequest(h, { ...ROAD, idempotencyKey: 'tr-1' }, t.warga);
    const input = {
      trackingCode: req.trackingCode,
      serviceCode: 'PENGADUAN-PERIZINAN',
      expectedVersion: req.version,
    };
    const reason = 'Aduan tentang izin reklame, bukan kerusakan jalan.';
    // Only the supervisor of the request's unit or an admin: not DPMPTSP's supervisor yet, not staff, not the citizen.
    for (const token of [t.hendra, t.yulia, t.warga, t.dewi]) {
      const refused = await h.gql(TRANSFER, { input: { ...input, reason } }, { token });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const short = await h.gql(TRANSFER, { input: { ...input, reason: 'salah' } }, { token: t.admin });
    expect(short.body.data.transferServiceRequest).toMatchObject({
      __typename: 'ValidationError',
      code: 'TRANSFER_REASON_REQUIRED',
      fields: [{ field: 'reason', code: 'TRANSFER_REASON_REQUIRED' }],
    });
    const same = await h.gql(
      TRANSFER,
      { input: { ...input, serviceCode: 'PENGADUAN-JALAN', reason } },
      { token: t.admin },
    );
    expect(same.body.data.transferServiceRequest).toMatchObject({ code: 'TRANSFER_SAME_SERVICE' });
    const permit = await h.gql(
      TRANSFER,
      { input: { ...input, serviceCode: 'PBG', reason } },
      { token: t.admin },
    );
    expect(permit.body.data.transferServiceRequest).toMatchObject({ code: 'TRANSFER_KIND_MISMATCH' });
    const nowhere = await h.gql(
      TRANSFER,
      { input: { ...input, serviceCode: 'TIDAK-ADA', reason } },
      { token: t.admin },
    );
    expect(nowhere.body.data.transferServiceRequest).toMatchObject({ __typename: 'NotFoundError' });

    const moved = await h.gql(TRANSFER, { input: { ...input, reason } }, { token: t.admin });
    const request = moved.body.data.transferServiceRequest.request;
    expect(request).toMatchObject({
      version: req.version + 1,
      state: 'SUBMITTED',
      unit: { code: 'DPMPTSP' },
      service: { code: 'PENGADUAN-PERIZINAN' },
    });
    expect(request.assignee?.name).toMatch(/Yulia|Hendra|Rahmat/);
    // The new unit's verification clock starts at the transfer (3 working days from today).
    const calendar = await loadWorkingCalendar(h.db.prisma);
    expect(request.verificationDueOn).toBe(addWorkingDays(jakartaDay(new Date()), 3, calendar));
    expect(request.events.at(-1)).toMatchObject({ kind: 'TRANSFERRED', publicNote: reason });
    expect(request.events.at(-1).internalNote).toContain('PENGADUAN-JALAN');
    const told = await notificationsOf(h, 'warga@layanan.test');
    expect(told.filter((n) => n.kind === 'REQUEST_TRANSFERRED').map((n) => n.linkPath)).toEqual([
      `/permohonan/${req.trackingCode}`,
    ]);
    // The citizen's trail shows the reason but not the internal note.
    const seen = await h.gql(READ, { c: req.trackingCode }, { token: t.warga });
    expect(seen.body.data.serviceRequest.events.at(-1)).toMatchObject({
      kind: 'TRANSFERRED',
      publicNote: reason,
    });
    // Now DPMPTSP's supervisor may pass it on; a stale version is a conflict.
    const stale = await h.gql(
      TRANSFER,
      { input: { ...input, serviceCode: 'PENGADUAN-JALAN', reason } },
      { token: t.hendra },
    );
    expect(stale.body.data.transferServiceRequest).toMatchObject({ __typename: 'ConflictError' });
    const back = await h.gql(
      TRANSFER,
      {
        input: {
          ...input,
          serviceCode: 'PENGADUAN-JALAN',
          expectedVersion: req.version + 1,
          reason: 'Ternyata memang soal jalan rusak.',
        },
      },
      { token: t.hendra },
    );
    expect(back.body.data.transferServiceRequest.request.unit.code).toBe('DPUPR');
    expect(back.body.data.transferServiceRequest.request.events.map((e: { kind: string }) => e.kind)).toEqual(
      ['SUBMITTED', 'TRANSFERRED', 'TRANSFERRED'],
    );
  });

  it('lets the reporter contest an outcome, which reopens the complaint; the job closes it once the window passes', async () => {
    await permitComplaintService(h);
    const req = await submittedRequest(
      h,
      { ...ROAD, serviceCode: 'PENGADUAN-PERIZINAN', idempotencyKey: 'ans-1' },
      t.warga,
    );
    let version = await moveRequest(
      h,
      req.trackingCode,
      ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'],
      t.yulia,
      req.version,
    );
    const completed = await h.gql(READ, { c: req.trackingCode }, { token: t.warga });
    const calendar = await loadWorkingCalendar(h.db.prisma);
    const windowEnd = addWorkingDays(jakartaDay(new Date()), 10, calendar);
    expect(completed.body.data.serviceRequest).toMatchObject({
      state: 'COMPLETED',
      answerWindowEndsOn: windowEnd,
      finalClosedAt: null,
    });

    // Only its reporter: another citizen is told it does not exist, staff may not answer for them.
    const input = { trackingCode: req.trackingCode, expectedVersion: version };
    const other = await h.gql(ANSWER, { input: { ...input, accept: true } }, { token: t.warga2 });
    expect(
      other.body.data?.answerServiceRequestOutcome?.__typename ?? other.body.errors?.[0]?.extensions?.code,
    ).toMatch(/NotFoundError|FORBIDDEN/);
    const staff = await h.gql(ANSWER, { input: { ...input, accept: true } }, { token: t.yulia });
    expect(staff.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noReason = await h.gql(
      ANSWER,
      { input: { ...input, accept: false, reason: ' ' } },
      { token: t.warga },
    );
    expect(noReason.body.data.answerServiceRequestOutcome).toMatchObject({
      code: 'COMPLAINT_CONTEST_REASON_REQUIRED',
      fields: [{ field: 'reason', code: 'COMPLAINT_CONTEST_REASON_REQUIRED' }],
    });

    // Routing may have picked Rahmat, who has no account to notify: the case is Yulia's.
    const yulia = await h.db.prisma.staff.findUniqueOrThrow({ where: { nip: STAFF_NIP.yulia } });
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: req.trackingCode },
      data: { assigneeStaffId: yulia.id },
    });
    const contested = await h.gql(
      ANSWER,
      { input: { ...input, accept: false, reason: 'Petugas belum datang memeriksa; masalah masih ada.' } },
      { token: t.warga },
    );
    const reopened = contested.body.data.answerServiceRequestOutcome.request;
    expect(reopened).toMatchObject({ state: 'IN_PROGRESS', reopenCount: 1, answerWindowEndsOn: null });
    expect(reopened.completionDueOn).toBe(addWorkingDays(jakartaDay(new Date()), 3, calendar));
    expect(reopened.events.at(-1)).toEqual({
      kind: 'REOPENED',
      toState: 'IN_PROGRESS',
      publicNote: 'Petugas belum datang memeriksa; masalah masih ada.',
    });
    const assigneeTold = await notificationsOf(h, 'yulia@layanan.test');
    expect(assigneeTold.filter((n) => n.kind === 'REQUEST_REOPENED').map((n) => n.linkPath)).toEqual([
      `/staf/permohonan/${req.trackingCode}`,
    ]);

    version = await moveRequest(h, req.trackingCode, ['COMPLETED'], t.yulia, reopened.version);
    // The window passes: the decision was 30 days ago.
    const longAgo = new Date(Date.now() - 30 * 86_400_000);
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: req.trackingCode },
      data: { completedAt: longAgo, closedAt: longAgo },
    });
    const late = await h.gql(
      ANSWER,
      { input: { trackingCode: req.trackingCode, expectedVersion: version, accept: true } },
      { token: t.warga },
    );
    expect(late.body.data.answerServiceRequestOutcome).toMatchObject({
      code: 'COMPLAINT_RESPONSE_WINDOW_PASSED',
    });

    const closed = await closeJob(h, calendar);
    expect(closed).toContain(req.trackingCode);
    const again = await closeJob(h, calendar);
    expect(again).not.toContain(req.trackingCode);
    const final = await h.gql(READ, { c: req.trackingCode }, { token: t.warga });
    expect(final.body.data.serviceRequest.finalClosedAt).not.toBeNull();
    expect(final.body.data.serviceRequest.events.at(-1)).toMatchObject({
      kind: 'FINALLY_CLOSED',
      toState: 'COMPLETED',
    });
    const afterClose = await h.gql(
      ANSWER,
      { input: { trackingCode: req.trackingCode, expectedVersion: version + 1, accept: true } },
      { token: t.warga },
    );
    expect(afterClose.body.data.answerServiceRequestOutcome).toMatchObject({
      code: 'COMPLAINT_ALREADY_CLOSED',
    });

    // The statistics count the contest: the share of contested cases per service (and unit).
    const today = jakartaDay(new Date());
    const stats = await h.gql(
      `query($d: Day!) { requestStatistics(from: $d, to: $d, groupBy: SERVICE, serviceCode: "PENGADUAN-PERIZINAN") {
        ... on RequestStatisticsPayload { data { key complaintsDecided contested contestedShare } } } }`,
      { d: today },
    );
    expect(stats.body.data.requestStatistics.data).toEqual([
      { key: 'PENGADUAN-PERIZINAN', complaintsDecided: 1, contested: 1, contestedShare: 1 },
    ]);
  });

  it('closes the case when the reporter accepts, and answers only complaints', async () => {
    await permitComplaintService(h);
    const req = await submittedRequest(
      h,
      { ...ROAD, serviceCode: 'PENGADUAN-PERIZINAN', idempotencyKey: 'ans-2' },
      t.warga,
    );
    const version = await moveRequest(
      h,
      req.trackingCode,
      ['VERIFIED', 'IN_PROGRESS', 'REJECTED'].slice(0, 1),
      t.yulia,
      req.version,
    );
    const rejected = await h.gql(
      'mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) { ... on ServiceRequestPayload { request { version } } } }',
      {
        input: {
          trackingCode: req.trackingCode,
          to: 'REJECTED',
          expectedVersion: version,
          publicNote: 'Bukan pengaduan perizinan.',
        },
      },
      { token: t.yulia },
    );
    const v = rejected.body.data.transitionServiceRequest.request.version;
    const accepted = await h.gql(
      ANSWER,
      { input: { trackingCode: req.trackingCode, expectedVersion: v, accept: true } },
      { token: t.warga },
    );
    expect(accepted.body.data.answerServiceRequestOutcome.request).toMatchObject({
      state: 'REJECTED',
      answerWindowEndsOn: null,
    });
    expect(accepted.body.data.answerServiceRequestOutcome.request.finalClosedAt).not.toBeNull();
    expect(accepted.body.data.answerServiceRequestOutcome.request.events.at(-1)).toMatchObject({
      kind: 'OUTCOME_ACCEPTED',
    });

    const pbg = await submittedRequest(h, { ...PBG_REQUEST, idempotencyKey: 'ans-pbg' }, t.warga);
    const notComplaint = await h.gql(
      ANSWER,
      { input: { trackingCode: pbg.trackingCode, expectedVersion: 1, accept: true } },
      { token: t.warga },
    );
    expect(notComplaint.body.data.answerServiceRequestOutcome).toMatchObject({
      __typename: 'RequestTransitionError',
      code: 'COMPLAINT_ANSWER_NOT_APPLICABLE',
    });
  });

  it('closes a due complaint behind more not-yet-due candidates than one page (issue 16 kind 6)', async () => {
    await permitComplaintService(h);
    const calendar = await loadWorkingCalendar(h.db.prisma);
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const req = await submittedRequest(
        h,
        {
          ...ROAD,
          serviceCode: 'PENGADUAN-PERIZINAN',
          idempotencyKey: `page-${i}`,
          text: `${ROAD.text} (${i})`,
        },
        t.warga,
      );
      await moveRequest(h, req.trackingCode, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia, req.version);
      codes.push(req.trackingCode);
    }
    const [due, ...waiting] = codes as [string, ...string[]];
    // Three complaints closed long ago but completed (decided) just now: their window is open, and
    // they come first in the job's order. The fourth was decided 30 days ago: due.
    await h.db.prisma.serviceRequest.updateMany({
      where: { trackingCode: { in: waiting } },
      data: { closedAt: new Date(Date.now() - 60 * 86_400_000), completedAt: new Date() },
    });
    const monthAgo = new Date(Date.now() - 30 * 86_400_000);
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: due },
      data: { closedAt: monthAgo, completedAt: monthAgo },
    });
    const closed = await closeJob(h, calendar, 2);
    expect(closed).toContain(due);
    for (const code of waiting) expect(closed).not.toContain(code);
  });
});
