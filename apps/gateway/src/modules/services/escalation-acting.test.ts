// Each level of the escalation ladder acts on what climbed to it (issue 20): the bidang's
// supervisor at the first level, the head of the agency (the supervisor of the dinas at the top)
// once it climbed to them and still at the coordinator, the admins (the coordinator) always —
// assign, note, priority, response templates, state changes, transfer. Before the climb the head
// of the agency may not act, and another unit's supervisor never may.
import { testDatabaseKinds } from '@layanan/db/testing';
import { addWorkingDays, jakartaDay } from '@layanan/domain/calendar';
import { describe, expect, it } from 'vitest';
import { mailSettings } from '../../app/mail-config.js';
import { loadWorkingCalendar } from '../../platform/calendar.js';
import { bidangWithComplaints } from '../../testing/ladder.js';
import { ROAD_COMPLAINT, submittedRequest } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';
import { escalateOverdueRequests } from './commands/escalate-overdue.js';

const READ = `query($c: String!) { serviceRequest(trackingCode: $c) {
  version state escalationLevel allowedTransitions priority assignee { name } unit { code }
  responseTemplates { title }
} }`;
const payload = (field: string) => `{ ${field}(input: $input) {
  __typename ... on ServiceRequestPayload { request { version state } } ... on Failure { code }
} }`;
const NOTE = `mutation($input: AddServiceRequestNoteInput!) ${payload('addServiceRequestNote')}`;
const PRIORITY = `mutation($input: SetServiceRequestPriorityInput!) ${payload('setServiceRequestPriority')}`;
const REASSIGN = `mutation($input: ReassignServiceRequestInput!) ${payload('reassignServiceRequest')}`;
const TRANSITION = `mutation($input: TransitionServiceRequestInput!) ${payload('transitionServiceRequest')}`;
const TRANSFER = `mutation($input: TransferServiceRequestInput!) ${payload('transferServiceRequest')}`;

const errorCode = (body: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  body.errors?.[0]?.extensions?.code;
const wib = (day: string) => new Date(`${day}T10:00:00+07:00`);

describe.each(testDatabaseKinds())('acting at each level of the escalation ladder on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'hendra', 'admin'] });

  it('the level a request climbed to assigns, notes, triages, changes state and transfers it', async () => {
    const { budi } = await bidangWithComplaints(h);
    const sari = await h.login('sari@layanan.test');
    // Another unit's supervisor: DPUPR's, made here.
    const dpupr = await h.db.prisma.unit.findUniqueOrThrow({ where: { code: 'DPUPR' } });
    const other = await h.db.prisma.staff.create({
      data: { nip: '198202022008011002', name: 'Rudi Kadis', position: 'Kepala Dinas', unitId: dpupr.id },
    });
    await h.db.prisma.account.create({
      data: {
        email: 'rudi@layanan.test',
        displayName: 'Rudi',
        role: 'SUPERVISOR',
        staffId: other.id,
        emailVerifiedAt: new Date(),
      },
    });
    const rudi = await h.login('rudi@layanan.test');
    const service = await h.db.prisma.service.findUniqueOrThrow({ where: { code: 'PENGADUAN-IZIN-BIDANG' } });
    await h.db.prisma.responseTemplate.create({
      data: { serviceId: service.id, state: 'IN_PROGRESS', title: 'Sedang ditangani', body: 'Kode {kode}.' },
    });
    const code = (
      await submittedRequest(
        h,
        { ...ROAD_COMPLAINT, serviceCode: 'PENGADUAN-IZIN-BIDANG', idempotencyKey: 'acting-1' },
        t.warga,
      )
    ).trackingCode;
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } });
    const calendar = await loadWorkingCalendar(h.db.prisma);
    const climb = { ladder: h.config.complaints.escalationLadder, mail: mailSettings(h.config) };
    const run = (day: string) => escalateOverdueRequests(h.db.prisma, { now: wib(day), climb });
    const read = async (token: string) =>
      (await h.gql(READ, { c: code }, { token })).body.data.serviceRequest;
    const version = async () =>
      (await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } })).version;
    const act = async (token: string, query: string, input: Record<string, unknown>) => {
      const r = await h.gql(
        query,
        { input: { trackingCode: code, expectedVersion: await version(), ...input } },
        { token },
      );
      return r.body.data ? Object.values(r.body.data)[0] : errorCode(r.body);
    };
    const note = (token: string, text: string) => act(token, NOTE, { internalNote: text });
    const done = { __typename: 'ServiceRequestPayload' };

    // Level 1, the bidang's supervisor: acts; the head of the agency and DPUPR's may not yet.
    const day1 = addWorkingDays(jakartaDay(row.verificationDueOn), 1, calendar);
    expect((await run(day1)).escalated).toContain(code);
    expect(await note(sari, 'Kabid menindaklanjuti.')).toMatchObject(done);
    expect(await note(t.hendra, 'Kadis sebelum waktunya.')).toBe('FORBIDDEN');
    expect(await note(rudi, 'Dinas lain.')).toBe('FORBIDDEN');

    // Level 2, the head of the agency (hendra, DPMPTSP): acts as the bidang's supervisor would.
    const day2 = addWorkingDays(day1, 4, calendar);
    expect((await run(day2)).climbed).toEqual([code]);
    const atHead = await read(t.hendra);
    expect(atHead).toMatchObject({ state: 'ESCALATED', escalationLevel: 'AGENCY_HEAD' });
    expect(atHead.allowedTransitions).toEqual(expect.arrayContaining(['VERIFIED', 'IN_PROGRESS']));
    expect(atHead.responseTemplates).toEqual([{ title: 'Sedang ditangani' }]);
    expect(await note(t.hendra, 'Kadis meminta penyelesaian segera.')).toMatchObject(done);
    expect(
      await act(t.hendra, PRIORITY, { priority: 'URGENT', reason: 'Sudah melewati dua tingkat eskalasi.' }),
    ).toMatchObject(done);
    expect(await act(t.hendra, REASSIGN, { staffId: budi.id, internalNote: 'Budi, tolong.' })).toMatchObject(
      done,
    );
    expect(await read(t.hendra)).toMatchObject({ priority: 'URGENT', assignee: { name: 'Budi Pelaksana' } });
    // Another agency's head still may not.
    expect(await note(rudi, 'Dinas lain.')).toBe('FORBIDDEN');
    expect((await read(rudi))?.allowedTransitions ?? []).toEqual([]);

    // Level 3, the coordinator (admins): acts; the head of the agency keeps acting.
    const day3 = addWorkingDays(day2, 4, calendar);
    expect((await run(day3)).climbed).toEqual([code]);
    expect(await read(t.admin)).toMatchObject({ escalationLevel: 'COORDINATOR' });
    expect(await note(t.admin, 'Koordinator memantau.')).toMatchObject(done);
    expect(await note(t.hendra, 'Kadis tetap menindaklanjuti.')).toMatchObject(done);
    expect(await act(t.hendra, TRANSITION, { to: 'IN_PROGRESS' })).toMatchObject({
      ...done,
      request: { state: 'IN_PROGRESS' },
    });
    expect(
      await act(t.hendra, TRANSFER, {
        serviceCode: 'PENGADUAN-JALAN',
        reason: 'Ini urusan jalan, bukan perizinan.',
      }),
    ).toMatchObject(done);
    // Transferred to DPUPR the ladder starts again: the request is DPUPR's, no longer hendra's.
    expect(await read(rudi)).toMatchObject({ unit: { code: 'DPUPR' }, escalationLevel: null });
    expect(await note(rudi, 'Diterima DPUPR.')).toMatchObject(done);
    expect(await note(t.hendra, 'Sesudah dipindah.')).toBe('FORBIDDEN');
  });
});
