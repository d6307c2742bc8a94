// What FixMyStreet reads back about a report's life (issue 17 items 7 and 8): its "Fetch updates"
// (perllib/Open311/GetServiceRequestUpdates.pm, read from mysociety/fixmystreet, not copied)
// asks `servicerequestupdates.xml?api_key&start_date&end_date&jurisdiction_id` and passes each
// `request_update`'s `status` through `map_state` (lower case, `_` as space: `fixed` → fixed,
// `no_further_action` → unable to fix, `internal_referral`, `closed`, … as its own states), with
// `update_id`, `updated_datetime`, `description`, `media_url` and `external_status_code`; its
// import (GetServiceRequests.pm) keeps a request only when `updated_datetime` lies inside the
// window it asked for. Rejected and withdrawn requests must not come back as fixed.
import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@layanan/db/testing';
import { jakartaDateTime } from '@layanan/domain/calendar';
import { describe, expect, it } from 'vitest';
import { fixMyStreetKeys, fixMyStreetRoadReport } from '../../../testing/fixmystreet-client.js';
import { readOpen311Xml } from '../../../testing/open311-xml.js';
import { moveRequest, permitComplaintService, transitionRequest } from '../../../testing/requests.js';
import { useHarness } from '../../../testing/use-harness.js';

const PUBLIC = 'https://layanan.sawahluntokota.go.id';

/** The fields of a `request_update` (mySociety's updates extension) and Layanan's state code. */
const UPDATE_FIELDS = [
  'update_id',
  'service_request_id',
  'status',
  'updated_datetime',
  'description',
  'media_url',
  'external_status_code',
].sort();

const TRANSFER = `mutation($input: TransferServiceRequestInput!) { transferServiceRequest(input: $input) {
  __typename ... on Failure { code } } }`;

describe.each(testDatabaseKinds())('FixMyStreet reading statuses on %s', (kind) => {
  const { h, t } = useHarness(kind, {
    login: ['admin', 'warga', 'yulia'],
    env: { LAYANAN_PUBLIC_URL: PUBLIC },
  });
  const apiKey = fixMyStreetKeys(h, t);
  const get = (path: string) => h.gateway.fetch(`http://layanan.test/open311/v2/${path}`);
  /** Files a report as FixMyStreet posts one; returns its tracking code. */
  async function filed(email = `fms-${randomUUID()}@contoh.test`): Promise<string> {
    await permitComplaintService(h);
    const res = await h.gateway.fetch('http://layanan.test/open311/v2/requests.xml', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fixMyStreetRoadReport(await apiKey(), [
        ['first_name', 'Rudi'],
        ['last_name', 'Hartono'],
        ['email', email],
      ]).toString(),
    });
    expect(res.status).toBe(201);
    return readOpen311Xml(await res.text()).value.request[0].service_request_id;
  }
  const version = async (code: string) =>
    (await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: code } })).version;
  const wib = (d: Date) => jakartaDateTime(d);
  /** FixMyStreet's fetch of the last hour's updates, as XML read by its client. */
  async function fetchedUpdates(): Promise<Record<string, string | null>[]> {
    const query = new URLSearchParams({
      api_key: await apiKey(),
      start_date: wib(new Date(Date.now() - 3_600_000)),
      end_date: wib(new Date(Date.now() + 60_000)),
      jurisdiction_id: 'sawahlunto.go.id',
    });
    const res = await get(`servicerequestupdates.xml?${query}`);
    expect(res.status).toBe(200);
    const doc = readOpen311Xml(await res.text());
    expect(doc.root).toBe('service_request_updates');
    return doc.value.request_update;
  }

  it('serves extended statuses: completed is fixed, rejected no further action, withdrawn closed, transferred an internal referral', async () => {
    const completed = await filed();
    await moveRequest(h, completed, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia);
    const rejected = await filed();
    const refused = await transitionRequest(
      h,
      {
        trackingCode: rejected,
        to: 'REJECTED',
        expectedVersion: 1,
        publicNote: 'Bukan pelayanan perizinan.',
      },
      t.yulia,
    );
    expect(refused.body.data.transitionServiceRequest.request.state).toBe('REJECTED');
    // Filed for warga's registered account: warga withdraws it in Layanan.
    const withdrawn = await filed('warga@layanan.test');
    await moveRequest(h, withdrawn, ['WITHDRAWN'], t.warga);
    const transferred = await filed();
    const moved = await h.gql(
      TRANSFER,
      {
        input: {
          trackingCode: transferred,
          serviceCode: 'PENGADUAN-JALAN',
          expectedVersion: 1,
          reason: 'Kerusakan jalan, bukan perizinan: ditangani DPUPR.',
        },
      },
      { token: t.admin },
    );
    expect(moved.body.data.transferServiceRequest.__typename).toBe('ServiceRequestPayload');

    const updates = await fetchedUpdates();
    for (const u of updates) expect(Object.keys(u).sort()).toEqual(UPDATE_FIELDS);
    const statuses = (code: string) =>
      updates.filter((u) => u.service_request_id === code).map((u) => [u.status, u.external_status_code]);
    expect(statuses(completed)).toEqual([
      ['open', 'SUBMITTED'],
      ['action_scheduled', 'VERIFIED'],
      ['in_progress', 'IN_PROGRESS'],
      ['fixed', 'COMPLETED'],
    ]);
    expect(statuses(rejected)).toEqual([
      ['open', 'SUBMITTED'],
      ['no_further_action', 'REJECTED'],
    ]);
    expect(statuses(withdrawn)).toEqual([
      ['open', 'SUBMITTED'],
      ['closed', 'WITHDRAWN'],
    ]);
    expect(statuses(transferred)).toEqual([
      ['open', 'SUBMITTED'],
      ['internal_referral', 'SUBMITTED'],
    ]);

    // GeoReport's own `status` stays open/closed; the extended one is in extended_attributes.
    const ids = [completed, rejected, withdrawn, transferred].join(',');
    const listed = (await (
      await get(`requests.json?service_request_id=${ids}&extensions=true`)
    ).json()) as Record<string, any>[];
    const byCode = Object.fromEntries(
      listed.map((r) => [r.service_request_id, [r.status, r.extended_attributes.extended_status]]),
    );
    expect(byCode).toEqual({
      [completed]: ['closed', 'fixed'],
      [rejected]: ['closed', 'no_further_action'],
      [withdrawn]: ['closed', 'closed'],
      [transferred]: ['open', 'internal_referral'],
    });
    const xml = readOpen311Xml(
      await (await get(`requests.xml?service_request_id=${rejected}&extensions=true`)).text(),
    );
    expect(xml.value.request[0].extended_attributes.extended_status).toBe('no_further_action');
  });

  it('dates a request by its last change, not by the last write of its row', async () => {
    const code = await filed();
    // A write that is not a change of the request (a seed, a migration) moves updatedAt only.
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: code },
      data: { updatedAt: new Date('2030-01-01T00:00:00Z') },
    });
    const dated = async () =>
      ((await (await get(`requests/${code}.json`)).json()) as { updated_datetime: string }[])[0]
        ?.updated_datetime;
    const lastEventAt = async () =>
      (
        await h.db.prisma.requestEvent.findFirstOrThrow({
          where: { request: { trackingCode: code } },
          orderBy: { sequence: 'desc' },
        })
      ).at;
    expect(await dated()).toBe(wib(await lastEventAt()));
    await moveRequest(h, code, ['VERIFIED'], t.yulia, await version(code));
    expect(await dated()).toBe(wib(await lastEventAt()));
    expect(await dated()).not.toMatch(/^2030/);
  });

  it('gives an update carrying a photo its media_url, for the key that filed the request only', async () => {
    const code = await filed();
    await moveRequest(h, code, ['VERIFIED'], t.yulia);
    const verified = await h.db.prisma.requestEvent.findFirstOrThrow({
      where: { request: { trackingCode: code }, toState: 'VERIFIED' },
    });
    const photo = await h.db.prisma.attachment.create({
      data: {
        sha256: '0'.repeat(64),
        size: 1,
        mediaType: 'image/jpeg',
        fileName: 'lubang.jpg',
        purpose: 'STAFF_NOTE',
        requestId: verified.requestId,
        requestEventId: verified.id,
      },
    });
    const mine = (await fetchedUpdates()).filter((u) => u.service_request_id === code);
    expect(mine.map((u) => u.media_url)).toEqual([
      null,
      expect.stringMatching(new RegExp(`^${PUBLIC}/files/${photo.id}\\?exp=\\d+&sig=`)),
    ]);
    const anonymous = (await (
      await get(
        `servicerequestupdates.json?start_date=${encodeURIComponent(wib(new Date(Date.now() - 3_600_000)))}`,
      )
    ).json()) as Record<string, unknown>[];
    expect(anonymous.filter((u) => u.service_request_id === code).map((u) => u.media_url)).toEqual([
      null,
      null,
    ]);
  });

  it('answers an unsupported method with 405, Allow, and the spec’s error list in the asked format', async () => {
    const put = await h.gateway.fetch('http://layanan.test/open311/v2/requests.xml', { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(put.headers.get('content-type')).toMatch(/text\/xml/);
    const doc = readOpen311Xml(await put.text());
    expect(doc.root).toBe('errors');
    expect(doc.value.error[0]).toMatchObject({ code: '405' });
    const del = await h.gateway.fetch('http://layanan.test/open311/v2/services.json', { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(del.headers.get('allow')).toBe('GET, HEAD');
    expect(((await del.json()) as { code: number }[])[0]?.code).toBe(405);
  });

  it('records a repeated update_id once, even when the repeats arrive together', async () => {
    const code = await filed();
    const post = async () =>
      h.gateway.fetch('http://layanan.test/open311/v2/servicerequestupdates.json', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams([
          ['api_key', await apiKey()],
          ['service_request_id', code],
          ['update_id', 'fms-race-1'],
          ['status', 'OPEN'],
          ['description', 'Masih berlubang.'],
          ['email', 'rudi@contoh.test'],
        ]).toString(),
      });
    const answers = await Promise.all([post(), post(), post()]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { update_id: string }[][];
    expect(new Set(bodies.map((b) => b[0]?.update_id)).size).toBe(1);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    const notes = await h.db.prisma.requestEvent.count({
      where: { request: { trackingCode: code }, kind: 'NOTE' },
    });
    expect(notes).toBe(1);
  });
});
