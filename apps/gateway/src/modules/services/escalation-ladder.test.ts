// Escalation that climbs (issue 20 item 3): an overdue complaint of a bidang goes to the bidang's
// supervisor, then to the head of the agency (the supervisor of the dinas at the top of its unit
// tree), then to the city's complaint coordinator (the admins), each level after its own working
// days; each level is told and finds it in its queue (`escalatedToMe`); the statistics count the
// steps per unit.
import { testDatabaseKinds } from '@layanan/db/testing';
import { addWorkingDays, jakartaDay } from '@layanan/domain/calendar';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { complaintPolicy } from '../../app/config.js';
import { createEventBus } from '../../app/event-handlers.js';
import { mailSettings } from '../../app/mail-config.js';
import { createLayananPubSub } from '../../app/pubsub.js';
import { loadWorkingCalendar } from '../../platform/calendar.js';
import { bidangWithComplaints } from '../../testing/ladder.js';
import { PBG_REQUEST, ROAD_COMPLAINT, submittedRequest } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';
import { escalateOverdueRequests } from './commands/escalate-overdue.js';

const QUEUE = `query($f: ServiceRequestFilter) { serviceRequests(filter: $f, first: 50) {
  edges { node { trackingCode escalationLevel } }
} }`;
const READ = `query($c: String!) { serviceRequest(trackingCode: $c) {
  state escalationLevel escalationLevelAt events { kind toState publicNote }
} }`;
const STATS = `query($from: Day!, $to: Day!) { requestStatistics(from: $from, to: $to, groupBy: UNIT) {
  __typename ... on RequestStatisticsPayload { data { key count escalations escalated } }
} }`;

const wib = (day: string) => new Date(`${day}T10:00:00+07:00`);

describe('escalation ladder configuration', () => {
  it('reads each level’s working days from LAYANAN_ESCALATION_*_DAYS and refuses a bad value', () => {
    expect(complaintPolicy({}).escalationLadder).toEqual({
      UNIT_SUPERVISOR: 3,
      AGENCY_HEAD: 3,
      COORDINATOR: 5,
    });
    expect(
      complaintPolicy({
        LAYANAN_ESCALATION_SUPERVISOR_DAYS: '1',
        LAYANAN_ESCALATION_AGENCY_DAYS: '2',
        LAYANAN_ESCALATION_COORDINATOR_DAYS: '10',
      }).escalationLadder,
    ).toEqual({ UNIT_SUPERVISOR: 1, AGENCY_HEAD: 2, COORDINATOR: 10 });
    expect(() => complaintPolicy({ LAYANAN_ESCALATION_AGENCY_DAYS: '0' })).toThrow(
      /LAYANAN_ESCALATION_AGENCY_DAYS/,
    );
    expect(() => complaintPolicy({ LAYANAN_ESCALATION_SUPERVISOR_DAYS: 'tiga' })).toThrow(
      /LAYANAN_ESCALATION_SUPERVISOR_DAYS/,
    );
  });
});

describe.each(testDatabaseKinds())('escalation ladder on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'hendra', 'yulia', 'admin'] });

  it('climbs three levels on schedule; each level is told and finds it in its queue; statistics count the steps', async () => {
    const { budi } = await bidangWithComplaints(h);
    const sariToken = await h.login('sari@layanan.test');
    const filed = await submittedRequest(
      h,
      { ...ROAD_COMPLAINT, serviceCode: 'PENGADUAN-IZIN-BIDANG', idempotencyKey: 'ladder-1' },
      t.warga,
    );
    const code = filed.trackingCode;
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: code },
      data: { assigneeStaffId: budi.id },
    });
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } });
    const calendar = await loadWorkingCalendar(h.db.prisma);
    const ladder = h.config.complaints.escalationLadder;
    expect(ladder).toEqual({ UNIT_SUPERVISOR: 3, AGENCY_HEAD: 3, COORDINATOR: 5 });
    const climb = { ladder, mail: mailSettings(h.config) };
    // The job, then the sweep of recorded events that main.ts runs after it (the first level's
    // notice goes through services.request-changed).
    const bus = createEventBus({
      prisma: h.db.prisma,
      pubsub: createLayananPubSub().pubsub,
      log: pino({ level: 'silent' }),
      mail: climb.mail,
      documents: { storage: h.storage, signer: h.signer, publicUrl: h.config.mail.publicUrl },
    });
    const run = async (day: string) => {
      const result = await escalateOverdueRequests(h.db.prisma, { now: wib(day), climb });
      await bus.dispatch();
      return result;
    };
    const queue = async (token: string) => {
      const r = await h.gql(QUEUE, { f: { escalatedToMe: true } }, { token });
      if (!r.body.data) throw new Error(JSON.stringify(r.body.errors));
      return r.body.data.serviceRequests.edges.map(
        (e: { node: { trackingCode: string } }) => e.node.trackingCode,
      );
    };
    const told = async (email: string) =>
      h.db.prisma.notification.findMany({
        where: { account: { email }, kind: 'REQUEST_ESCALATED_TO_YOU', requestId: row.id },
        select: { titleId: true, linkPath: true },
      });
    const mailedTo = async (email: string) =>
      (
        await h.db.prisma.mailMessage.findMany({ where: { toAddress: email }, select: { textBody: true } })
      ).map((m) => m.textBody);

    // Level 1: the day after the missed verification deadline, the bidang's supervisor.
    const day1 = addWorkingDays(jakartaDay(row.verificationDueOn), 1, calendar);
    const first = await run(day1);
    expect(first.escalated).toContain(code);
    expect(first.climbed).toEqual([]);
    expect(await queue(sariToken)).toEqual([code]);
    expect(await queue(t.hendra)).toEqual([]);
    expect(await queue(t.admin)).toEqual([]);
    expect(await told('sari@layanan.test')).toHaveLength(1);
    // Hendra (DPMPTSP) does not see the bidang's request yet; yulia never does.
    for (const token of [t.hendra, t.yulia]) {
      expect((await h.gql(READ, { c: code }, { token })).body.data.serviceRequest).toBeNull();
    }

    // The supervisor's 3 working days: nothing climbs on the last of them, nor twice.
    const day2 = addWorkingDays(day1, 4, calendar);
    expect((await run(addWorkingDays(day1, 3, calendar))).climbed).toEqual([]);
    expect((await run(day2)).climbed).toEqual([code]);
    expect((await run(day2)).climbed).toEqual([]);
    expect(await queue(t.hendra)).toEqual([code]);
    expect(await queue(sariToken)).toEqual([]);
    expect(await queue(t.admin)).toEqual([]);
    const atHead = await h.gql(READ, { c: code }, { token: t.hendra });
    expect(atHead.body.data.serviceRequest).toMatchObject({
      state: 'ESCALATED',
      escalationLevel: 'AGENCY_HEAD',
    });
    expect(await told('hendra@layanan.test')).toEqual([
      { titleId: `Eskalasi: pengaduan ${code}`, linkPath: `/staf/permohonan/${code}` },
    ]);
    expect((await mailedTo('hendra@layanan.test')).join('\n')).toContain('kepala perangkat daerah');
    expect((await h.gql(READ, { c: code }, { token: t.yulia })).body.data.serviceRequest).toBeNull();

    // The head of the agency's 3 working days, then the coordinator: every admin.
    const day3 = addWorkingDays(day2, 4, calendar);
    expect((await run(addWorkingDays(day2, 3, calendar))).climbed).toEqual([]);
    expect((await run(day3)).climbed).toEqual([code]);
    expect(await queue(t.admin)).toEqual([code]);
    expect(await queue(t.hendra)).toEqual([]);
    expect(await told('admin@layanan.test')).toHaveLength(1);
    expect((await mailedTo('admin@layanan.test')).join('\n')).toContain('koordinator pengaduan kota');
    // The top: nothing climbs further, however long it waits.
    expect((await run(addWorkingDays(day3, 30, calendar))).climbed).toEqual([]);

    const trail = (await h.gql(READ, { c: code }, { token: t.admin })).body.data.serviceRequest;
    expect(trail.escalationLevel).toBe('COORDINATOR');
    expect(trail.events.filter((e: { kind: string }) => e.kind === 'ESCALATION_CLIMBED')).toEqual([
      expect.objectContaining({
        toState: 'ESCALATED',
        publicNote: 'Diteruskan kepada kepala perangkat daerah. / Escalated to the head of the agency.',
      }),
      expect.objectContaining({
        publicNote:
          "Diteruskan kepada koordinator pengaduan kota. / Escalated to the city's complaint coordinator.",
      }),
    ]);

    const today = jakartaDay(new Date());
    const stats = await h.gql(STATS, { from: today, to: today });
    const rows = stats.body.data.requestStatistics.data;
    expect(rows.find((r: { key: string }) => r.key === 'DPMPTSP-PERIZINAN')).toMatchObject({
      count: 1,
      escalations: 3,
      escalated: 1,
    });
  });

  it('does not climb a permit, only a complaint, and starts again after a transfer', async () => {
    const { budi } = await bidangWithComplaints(h);
    const filed = await submittedRequest(
      h,
      { ...ROAD_COMPLAINT, serviceCode: 'PENGADUAN-IZIN-BIDANG', idempotencyKey: 'ladder-2' },
      t.warga,
    );
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: filed.trackingCode },
      data: { assigneeStaffId: budi.id },
    });
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({
      where: { trackingCode: filed.trackingCode },
    });
    const calendar = await loadWorkingCalendar(h.db.prisma);
    const climb = { ladder: h.config.complaints.escalationLadder, mail: mailSettings(h.config) };
    const day1 = addWorkingDays(jakartaDay(row.verificationDueOn), 1, calendar);
    await escalateOverdueRequests(h.db.prisma, { now: wib(day1), climb });
    // A permit at its supervisor's level stays there: only complaints climb.
    const permit = await submittedRequest(h, { ...PBG_REQUEST, idempotencyKey: 'ladder-permit' }, t.warga);
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: permit.trackingCode },
      data: { escalationLevel: 'UNIT_SUPERVISOR', escalationLevelAt: wib(day1) },
    });
    // A transfer back to DPUPR's road complaints starts the ladder again.
    const transfer = await h.gql(
      `mutation($input: TransferServiceRequestInput!) { transferServiceRequest(input: $input) {
        ... on ServiceRequestPayload { request { escalationLevel } } } }`,
      {
        input: {
          trackingCode: filed.trackingCode,
          serviceCode: 'PENGADUAN-JALAN',
          reason: 'Aduan ini tentang jalan rusak, bukan perizinan.',
          expectedVersion: row.version + 1,
        },
      },
      { token: t.admin },
    );
    expect(transfer.body.data.transferServiceRequest.request.escalationLevel).toBeNull();
    const later = await escalateOverdueRequests(h.db.prisma, {
      now: wib(addWorkingDays(day1, 10, calendar)),
      climb,
    });
    expect(later.climbed).not.toContain(filed.trackingCode);
    expect(later.climbed).not.toContain(permit.trackingCode);
    expect(
      await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: permit.trackingCode } }),
    ).toMatchObject({ escalationLevel: 'UNIT_SUPERVISOR' });
  });
});
