import { testDatabaseKinds } from '@layanan/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ownPermitService, PBG_REQUEST, submitRequest } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';

// Issue 16, kind 12: the standard time reads the same on every surface (two parts: verification
// within 3 working days of filing, completion within N working days of the file being complete),
// and a request's "on time" label and the statistics' "within standard" count the same requests.

const STATS = `query($s: String) {
  requestStatistics(from: "2026-07-01", to: "2026-07-31", groupBy: SERVICE, serviceCode: $s) {
    ... on RequestStatisticsPayload { data { completed completedWithinStandard withinStandardShare } }
  }
}`;
const STATUS = `query($c: String!) { requestStatus(trackingCode: $c) { timeliness timelinessLabel standardTime } }`;

const V5 = {
  id: 'Verifikasi paling lama 3 hari kerja sejak pengajuan; selesai paling lama 5 hari kerja sejak berkas lengkap (terverifikasi).',
  en: 'Verification within 3 working days of filing; completion within 5 working days of the file being complete (verified).',
};

/** An instant at a WIB wall-clock time. */
const wib = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);
const d = (day: string) => new Date(`${day}T00:00:00Z`);

// July 2026 has no national holiday. Each row is filed Monday 07-06 10:00 WIB, verification due
// Thursday 07-09, and carries the completion deadline the clock sets: 5 working days after the
// day of verification.
const ROWS = {
  // The example: verified on day 3 (07-09, the deadline), completed 5 working days later
  // (07-16, the deadline; 8 working days after filing): on time in both measures.
  'SWL-2026-800001': {
    verifiedAt: wib('2026-07-09', '15:00'),
    completionDueOn: d('2026-07-16'),
    completedAt: wib('2026-07-16', '15:00'),
    expected: 'COMPLETED_ON_TIME',
  },
  // Verified late (07-13) and completed before its own completion deadline (07-20): late, as the
  // standard's first part was broken. Today's statistics counted it within the standard.
  'SWL-2026-800002': {
    verifiedAt: wib('2026-07-13', '09:00'),
    completionDueOn: d('2026-07-20'),
    completedAt: wib('2026-07-17', '11:00'),
    expected: 'COMPLETED_LATE',
  },
  // Completed 00:30 WIB the day after its deadline (still the deadline day in UTC): late in both.
  'SWL-2026-800003': {
    verifiedAt: wib('2026-07-07', '10:00'),
    completionDueOn: d('2026-07-14'),
    completedAt: wib('2026-07-15', '00:30'),
    expected: 'COMPLETED_LATE',
  },
  // Verified 00:30 WIB the day after its verification deadline (still 07-09 in UTC): late.
  'SWL-2026-800004': {
    verifiedAt: wib('2026-07-10', '00:30'),
    completionDueOn: d('2026-07-17'),
    completedAt: wib('2026-07-16', '10:00'),
    expected: 'COMPLETED_LATE',
  },
} as const;

describe.each(testDatabaseKinds())('standard time and timeliness on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'admin'] });

  beforeAll(async () => {
    const p = h.db.prisma;
    const {
      service,
      version,
      row: requestRow,
    } = await ownPermitService(h, {
      code: 'STD-TIME',
      name: 'Uji waktu',
    });
    await p.service.update({ where: { id: service.id }, data: { currentVersionId: version.id } });
    for (const [trackingCode, row] of Object.entries(ROWS)) {
      const { expected: _, ...times } = row;
      await p.serviceRequest.create({
        data: requestRow({
          ...times,
          state: 'COMPLETED',
          trackingCode,
          submittedAt: wib('2026-07-06', '10:00'),
          verificationDueOn: d('2026-07-09'),
          closedAt: times.completedAt,
        }),
      });
    }
  });

  it('labels each request by both deadlines, and the statistics count exactly the on-time ones', async () => {
    let onTime = 0;
    for (const [code, row] of Object.entries(ROWS)) {
      const { body } = await h.gql(STATUS, { c: code }, { lang: 'id' });
      expect(body.data.requestStatus.timeliness, code).toBe(row.expected);
      expect(body.data.requestStatus.standardTime).toBe(V5.id);
      if (body.data.requestStatus.timeliness === 'COMPLETED_ON_TIME') onTime += 1;
    }
    expect(onTime).toBe(1);
    const { body } = await h.gql(STATS, { s: 'STD-TIME' });
    expect(body.data.requestStatistics.data).toEqual([
      { completed: 4, completedWithinStandard: onTime, withinStandardShare: 1 / 4 },
    ]);
    const late = await h.gql(STATUS, { c: 'SWL-2026-800002' }, { lang: 'en' });
    expect(late.body.data.requestStatus.timelinessLabel).toBe('Completed late');
  });

  it('says the standard time in the same words on the catalogue, the pledge, the version and Open311', async () => {
    for (const lang of ['id', 'en'] as const) {
      const { body } = await h.gql(
        '{ service(code: "STD-TIME") { standardTime pledge currentVersion { verificationDays standardTime } } }',
        {},
        { lang, token: t.admin },
      );
      const s = body.data.service;
      expect(s.standardTime).toBe(V5[lang]);
      expect(s.pledge).toContain(V5[lang]);
      expect(s.currentVersion).toEqual({ verificationDays: 3, standardTime: V5[lang] });
    }
    const res = await h.gateway.fetch('http://layanan.test/open311/v2/requests/SWL-2026-800001.json');
    const [request] = (await res.json()) as { service_notice: string }[];
    expect(request?.service_notice).toBe(V5.id);
  });

  it('keeps showing the standard time of the version a request was filed under', async () => {
    const filed = await submitRequest(h, PBG_REQUEST, t.warga);
    const code = filed.body.data.submitServiceRequest.request.trackingCode as string;
    const before = await h.gql('{ service(code: "PBG") { completionDays } }');
    const oldDays = before.body.data.service.completionDays as number;
    // A new completion time is a proposal (four eyes): the supervisor proposes, an admin approves.
    const changed = await h.gql(
      `mutation { updateService(input: { code: "PBG", completionDays: ${oldDays + 7} }) { __typename ... on UpdateServicePayload { pendingChange { id } } } }`,
      {},
      { token: await h.login('hendra@layanan.test') },
    );
    const approved = await h.gql(
      'mutation($id: ID!) { decideServiceChange(input: { id: $id, approve: true, reason: "Sesuai SOP baru" }) { __typename } }',
      { id: changed.body.data.updateService.pendingChange.id },
      { token: t.admin },
    );
    expect(approved.body.data.decideServiceChange.__typename).toBe('ServiceChangePayload');

    const said = (days: number) => `selesai paling lama ${days} hari kerja sejak berkas lengkap`;
    const mine = await h.gql(
      'query($c: String!) { serviceRequest(trackingCode: $c) { standardTime serviceVersion { completionDays standardTime } service { standardTime } } }',
      { c: code },
      { token: t.warga, lang: 'id' },
    );
    const r = mine.body.data.serviceRequest;
    expect(r.standardTime).toContain(said(oldDays));
    expect(r.serviceVersion.standardTime).toBe(r.standardTime);
    expect(r.service.standardTime).toContain(said(oldDays + 7));
    const status = await h.gql(STATUS, { c: code }, { lang: 'id' });
    expect(status.body.data.requestStatus.standardTime).toBe(r.standardTime);
    const res = await h.gateway.fetch(`http://layanan.test/open311/v2/requests/${code}.json`);
    const [open311] = (await res.json()) as { service_notice: string }[];
    expect(open311?.service_notice).toBe(r.standardTime);
  });
});
