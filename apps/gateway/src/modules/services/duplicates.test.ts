// Duplicates and followers of complaints (issue 20 item 5): the similar open complaints shown
// before filing (pg_trgm similarity and haversine distance in SQL, on both databases), following
// a complaint, and the merge of a duplicate, whose reporter follows the original and is told.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import type { Harness } from '../../testing/harness.js';
import {
  moveRequest,
  permitComplaintService,
  ROAD_COMPLAINT,
  submittedRequest,
} from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';
import { exportPersonalData } from '../privacy/personal-data-export.js';

const SERVICE = 'PENGADUAN-PERIZINAN';
// The Balai Kota of Sawahlunto, and a point about 55 m north of it.
const HERE = { latitude: -0.6825, longitude: 100.7786 };
const NEAR = { latitude: -0.682, longitude: 100.7786 };
// Talawi, about 9 km away.
const FAR = { latitude: -0.6, longitude: 100.75 };

const SIMILAR = `query($s: String!, $d: String, $lat: Float, $long: Float) {
  similarComplaints(serviceCode: $s, description: $d, latitude: $lat, longitude: $long) {
    trackingCode state submittedAt distanceMetres similarity match
  }
}`;

const MARK = `mutation($input: MarkRequestDuplicateInput!) { markRequestDuplicate(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { version state duplicateOfCode closedAt events { kind toState publicNote } } }
  ... on ValidationError { code fields { field } }
  ... on Failure { code }
} }`;

const FOLLOW = `mutation($c: String!) { followServiceRequest(trackingCode: $c) {
  __typename
  ... on FollowServiceRequestPayload { trackingCode following }
  ... on Failure { code }
} }`;

const UNFOLLOW = `mutation($c: String!) { unfollowServiceRequest(trackingCode: $c) {
  __typename
  ... on FollowServiceRequestPayload { following }
} }`;

const STATUS = `query($c: String!) { requestStatus(trackingCode: $c) {
  state duplicateOfCode followedByMe trail { toState }
} }`;

const TEXT = 'Reklame roboh menutup trotoar di depan Balai Kota Sawahlunto, membahayakan pejalan kaki.';

/** A complaint to the DPMPTSP complaint service, filed by `token` at `place`. */
const complaint = (
  h: Harness,
  token: string,
  key: string,
  extra: { text?: string; place?: { latitude: number; longitude: number }; privacy?: string } = {},
) =>
  submittedRequest(
    h,
    {
      ...ROAD_COMPLAINT,
      serviceCode: SERVICE,
      text: extra.text ?? TEXT,
      idempotencyKey: key,
      ...(extra.place ?? {}),
      ...(extra.privacy ? { reporterPrivacy: extra.privacy } : {}),
    },
    token,
  );

const notificationsOf = (h: Harness, email: string) =>
  h.db.prisma.notification.findMany({
    where: { account: { email } },
    orderBy: { createdAt: 'asc' },
    select: { kind: true, titleEn: true, linkPath: true },
  });

describe.each(testDatabaseKinds())('duplicates and followers on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'warga2', 'yulia', 'hendra', 'dewi', 'admin'] });

  it('finds open complaints of the same service with a similar text or nearby, and nothing else', async () => {
    await permitComplaintService(h);
    const alike = await complaint(h, t.warga, 'sim-1', { place: HERE });
    const elsewhere = await complaint(h, t.warga, 'sim-2', {
      text: 'Izin usaha warung kopi di Talawi belum terbit setelah tiga minggu menunggu.',
      place: FAR,
    });
    const closed = await complaint(h, t.warga2, 'sim-3', { place: HERE });
    await h.gql(
      `mutation($i: TransitionServiceRequestInput!) { transitionServiceRequest(input: $i) { __typename } }`,
      {
        i: {
          trackingCode: closed.trackingCode,
          to: 'REJECTED',
          expectedVersion: closed.version,
          publicNote: 'Bukan kewenangan kota.',
        },
      },
      { token: t.yulia },
    );
    // Another service, same text and place: not shown.
    await submittedRequest(h, { ...ROAD_COMPLAINT, text: TEXT, idempotencyKey: 'sim-4', ...HERE }, t.warga2);

    const byText = await h.gql(SIMILAR, {
      s: SERVICE,
      d: 'reklame roboh di depan balai kota menutup trotoar',
    });
    expect(byText.body.errors).toBeUndefined();
    const codes = byText.body.data.similarComplaints.map((c: { trackingCode: string }) => c.trackingCode);
    expect(codes).toEqual([alike.trackingCode]);
    expect(byText.body.data.similarComplaints[0]).toMatchObject({ match: 'TEXT', distanceMetres: null });
    expect(byText.body.data.similarComplaints[0].similarity).toBeGreaterThan(0.35);

    // Nearby (about 55 m) with an unrelated text: found by place; the far one is not.
    const byPlace = await h.gql(SIMILAR, {
      s: SERVICE,
      d: 'Pohon tumbang',
      lat: NEAR.latitude,
      long: NEAR.longitude,
    });
    const near = byPlace.body.data.similarComplaints;
    expect(near.map((c: { trackingCode: string }) => c.trackingCode)).toEqual([alike.trackingCode]);
    expect(near[0].match).toBe('NEARBY');
    expect(near[0].distanceMetres).toBeGreaterThanOrEqual(50);
    expect(near[0].distanceMetres).toBeLessThanOrEqual(60);

    // Near the far one: found, and only it.
    const atFar = await h.gql(SIMILAR, { s: SERVICE, lat: FAR.latitude + 0.0005, long: FAR.longitude });
    expect(atFar.body.data.similarComplaints.map((c: { trackingCode: string }) => c.trackingCode)).toEqual([
      elsewhere.trackingCode,
    ]);
    // Both: first.
    const both = await h.gql(SIMILAR, { s: SERVICE, d: TEXT, lat: HERE.latitude, long: HERE.longitude });
    expect(both.body.data.similarComplaints[0]).toMatchObject({
      trackingCode: alike.trackingCode,
      match: 'BOTH',
    });

    // Half a place is refused; nothing asked, nothing answered; a permit service answers nothing.
    const half = await h.gql(SIMILAR, { s: SERVICE, lat: 1 });
    expect(half.body.errors?.[0]?.extensions?.code).toBe('COORDINATES_INCOMPLETE');
    const off = await h.gql(SIMILAR, { s: SERVICE, lat: 91, long: 0 });
    expect(off.body.errors?.[0]?.extensions?.code).toBe('COORDINATES_OUT_OF_RANGE');
    expect((await h.gql(SIMILAR, { s: SERVICE })).body.data.similarComplaints).toEqual([]);
    expect((await h.gql(SIMILAR, { s: 'PBG', d: TEXT })).body.data.similarComplaints).toEqual([]);

    // The filing kept its place as the Open311 location; half a place is refused at filing too.
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({
      where: { trackingCode: alike.trackingCode },
    });
    const location = await h.db.prisma.requestLocation.findUnique({ where: { requestId: row.id } });
    expect(location).toMatchObject({ lat: HERE.latitude, long: HERE.longitude });
    const halfFiling = await h.gql(
      `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { __typename ... on ValidationError { code } } }`,
      { input: { ...ROAD_COMPLAINT, serviceCode: SERVICE, text: TEXT, latitude: 1 } },
      { token: t.warga },
    );
    expect(halfFiling.body.data.submitServiceRequest).toMatchObject({ code: 'COORDINATES_INCOMPLETE' });
  });

  it('keeps the place of an anonymous complaint, so it is found nearby and its public trail works', async () => {
    await permitComplaintService(h);
    const FILE = `mutation($input: FileAnonymousComplaintInput!) { fileAnonymousComplaint(input: $input) {
      __typename
      ... on AnonymousComplaintFiled { trackingCode }
      ... on ValidationError { code fields { field code } }
    } }`;
    const anonymousText = 'Tiang reklame miring di simpang Pasar Remaja, hampir menimpa kios warga.';
    const filed = await h.gql(FILE, {
      input: { serviceCode: SERVICE, text: anonymousText, attributes: ROAD_COMPLAINT.attributes, ...NEAR },
    });
    const { trackingCode } = filed.body.data.fileAnonymousComplaint;
    expect(trackingCode).toBeTruthy();
    // Only the place the reporter gave: no address, device or anything else of theirs.
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode } });
    expect(await h.db.prisma.requestLocation.findUnique({ where: { requestId: row.id } })).toMatchObject({
      lat: NEAR.latitude,
      long: NEAR.longitude,
      addressString: null,
      addressId: null,
      deviceId: null,
      clientAttributes: null,
    });
    // Found by place by the next reporter; its public trail answers.
    const nearby = await h.gql(SIMILAR, { s: SERVICE, lat: HERE.latitude, long: HERE.longitude });
    expect(nearby.body.data.similarComplaints.map((c: { trackingCode: string }) => c.trackingCode)).toContain(
      trackingCode,
    );
    const trail = await h.gql(STATUS, { c: trackingCode });
    expect(trail.body.data.requestStatus).toMatchObject({ state: 'SUBMITTED' });

    // The same checks as a signed-in filing: both or neither, in range; no place, no location row.
    const half = await h.gql(FILE, {
      input: {
        serviceCode: SERVICE,
        text: anonymousText,
        attributes: ROAD_COMPLAINT.attributes,
        latitude: HERE.latitude,
      },
    });
    expect(half.body.data.fileAnonymousComplaint).toMatchObject({ code: 'COORDINATES_INCOMPLETE' });
    const off = await h.gql(FILE, {
      input: {
        serviceCode: SERVICE,
        text: anonymousText,
        attributes: ROAD_COMPLAINT.attributes,
        latitude: 91,
        longitude: 0,
      },
    });
    expect(off.body.data.fileAnonymousComplaint).toMatchObject({ code: 'COORDINATES_OUT_OF_RANGE' });
    const placeless = await h.gql(FILE, {
      input: {
        serviceCode: SERVICE,
        text: `${anonymousText} Tanpa lokasi.`,
        attributes: ROAD_COMPLAINT.attributes,
      },
    });
    const placelessRow = await h.db.prisma.serviceRequest.findUniqueOrThrow({
      where: { trackingCode: placeless.body.data.fileAnonymousComplaint.trackingCode },
    });
    expect(
      await h.db.prisma.requestLocation.findUnique({ where: { requestId: placelessRow.id } }),
    ).toBeNull();
  });

  it('never shows who reported a confidential complaint in the similar list', async () => {
    await permitComplaintService(h);
    const secret = await complaint(h, t.warga2, 'conf-1', { place: HERE, privacy: 'CONFIDENTIAL' });
    const reporter = await h.db.prisma.account.findUniqueOrThrow({
      where: { email: 'warga2@layanan.test' },
      select: { id: true, displayName: true, email: true },
    });
    const listed = await h.gql(SIMILAR, { s: SERVICE, d: TEXT, lat: HERE.latitude, long: HERE.longitude });
    expect(listed.body.data.similarComplaints.map((c: { trackingCode: string }) => c.trackingCode)).toContain(
      secret.trackingCode,
    );
    const text = JSON.stringify(listed.body);
    for (const value of [reporter.id, reporter.displayName, reporter.email, TEXT, String(HERE.latitude)]) {
      if (value) expect(text).not.toContain(value);
    }
  });

  it('merges a duplicate: closed with a link, its reporter follows the original and is told, also when it completes', async () => {
    await permitComplaintService(h);
    const original = await complaint(h, t.warga, 'dup-1', { place: HERE });
    const duplicate = await complaint(h, t.warga2, 'dup-2', { place: NEAR });
    const reason = 'Laporan yang sama tentang reklame roboh di depan Balai Kota.';
    const input = {
      trackingCode: duplicate.trackingCode,
      originalCode: original.trackingCode,
      reason,
      expectedVersion: duplicate.version,
    };
    // Not the citizen (not found), not staff of another unit.
    const byCitizen = await h.gql(MARK, { input }, { token: t.warga });
    expect(
      byCitizen.body.errors?.[0]?.extensions?.code ?? byCitizen.body.data?.markRequestDuplicate?.__typename,
    ).toMatch(/FORBIDDEN|NotFoundError/);
    const byDewi = await h.gql(MARK, { input }, { token: t.dewi });
    expect(byDewi.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Rules of the domain: a reason, not itself.
    const short = await h.gql(MARK, { input: { ...input, reason: 'sama' } }, { token: t.yulia });
    expect(short.body.data.markRequestDuplicate).toMatchObject({
      code: 'DUPLICATE_REASON_REQUIRED',
      fields: [{ field: 'reason' }],
    });
    const itself = await h.gql(
      MARK,
      { input: { ...input, originalCode: duplicate.trackingCode } },
      { token: t.yulia },
    );
    expect(itself.body.data.markRequestDuplicate).toMatchObject({
      code: 'DUPLICATE_OF_ITSELF',
      fields: [{ field: 'originalCode' }],
    });

    const marked = await h.gql(MARK, { input }, { token: t.yulia });
    const request = marked.body.data.markRequestDuplicate.request;
    expect(request).toMatchObject({ state: 'DUPLICATE', duplicateOfCode: original.trackingCode });
    expect(request.closedAt).not.toBeNull();
    expect(request.events.at(-1)).toMatchObject({ kind: 'DUPLICATE_MARKED', toState: 'DUPLICATE' });
    expect(request.events.at(-1).publicNote).toContain(original.trackingCode);
    // Twice: closed.
    const again = await h.gql(
      MARK,
      { input: { ...input, expectedVersion: request.version } },
      { token: t.yulia },
    );
    expect(again.body.data.markRequestDuplicate).toMatchObject({ code: 'DUPLICATE_REQUEST_CLOSED' });

    // The public trail links the original; the reporter of the duplicate follows it.
    const status = await h.gql(STATUS, { c: duplicate.trackingCode });
    expect(status.body.data.requestStatus).toMatchObject({
      state: 'DUPLICATE',
      duplicateOfCode: original.trackingCode,
    });
    const followed = await h.gql(STATUS, { c: original.trackingCode }, { token: t.warga2 });
    expect(followed.body.data.requestStatus.followedByMe).toBe(true);
    const told = await notificationsOf(h, 'warga2@layanan.test');
    expect(told.filter((n) => n.kind === 'REQUEST_MERGED')).toEqual([
      {
        kind: 'REQUEST_MERGED',
        titleEn: `Report ${duplicate.trackingCode} was merged into ${original.trackingCode}`,
        linkPath: `/lacak?kode=${original.trackingCode}`,
      },
    ]);
    // Open311 shows the original in the duplicate's status.
    const open311 = await h.gateway.fetch(
      `http://layanan.test/open311/v2/requests/${duplicate.trackingCode}.json?extensions=true`,
    );
    const [view] = (await open311.json()) as Record<string, any>[];
    expect(view).toMatchObject({
      status: 'closed',
      extended_attributes: { duplicate_of: original.trackingCode },
    });
    expect(view?.status_notes).toContain(original.trackingCode);

    // The original completes: the merged reporter is told, as a follower; its own reporter as before.
    await moveRequest(
      h,
      original.trackingCode,
      ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'],
      t.yulia,
      original.version,
    );
    const after = await notificationsOf(h, 'warga2@layanan.test');
    const news = after.filter((n) => n.kind === 'REQUEST_FOLLOWED_UPDATE');
    expect(news.map((n) => n.titleEn)).toEqual([
      `Report you follow, ${original.trackingCode}: Verified`,
      `Report you follow, ${original.trackingCode}: In progress`,
      `Report you follow, ${original.trackingCode}: Completed`,
    ]);
    // The original's reporter is not told as a follower.
    const own = await notificationsOf(h, 'warga@layanan.test');
    expect(own.filter((n) => n.kind === 'REQUEST_FOLLOWED_UPDATE')).toEqual([]);
    // A closed original cannot take more duplicates.
    const late = await complaint(h, t.warga2, 'dup-3');
    const refused = await h.gql(
      MARK,
      { input: { ...input, trackingCode: late.trackingCode, expectedVersion: late.version } },
      { token: t.hendra },
    );
    expect(refused.body.data.markRequestDuplicate).toMatchObject({ code: 'DUPLICATE_ORIGINAL_CLOSED' });
  });

  it('lets anyone signed in follow an open complaint of someone else, and tells them of its public changes', async () => {
    await permitComplaintService(h);
    const road = await complaint(h, t.warga, 'fol-1');
    // Not their own; not anonymously; not a permit.
    expect(
      (await h.gql(FOLLOW, { c: road.trackingCode }, { token: t.warga })).body.data.followServiceRequest,
    ).toMatchObject({
      code: 'FOLLOW_OWN_REQUEST',
    });
    // Signed out: "sign in to …", not "access denied" (new-user trial D6).
    const signedOut = (await h.gql(FOLLOW, { c: road.trackingCode })).body.errors?.[0];
    expect(signedOut?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(signedOut?.message).toMatch(/Masuk ke akun Anda|Sign in to/);
    const permit = await submittedRequest(
      h,
      {
        serviceCode: 'PBG',
        text: 'Saya ingin membangun rumah dua lantai di Kubang Sirakuak.',
        attributes: {
          nik: '1373010101900001',
          kecamatan: 'LEMBAH_SEGAR',
          luas_bangunan: '120',
          fungsi: 'HUNIAN',
        },
        idempotencyKey: 'fol-2',
      },
      t.warga,
    );
    expect(
      (await h.gql(FOLLOW, { c: permit.trackingCode }, { token: t.warga2 })).body.data.followServiceRequest,
    ).toMatchObject({
      code: 'FOLLOW_NOT_PUBLIC',
    });

    const follow = await h.gql(FOLLOW, { c: road.trackingCode }, { token: t.warga2 });
    expect(follow.body.data.followServiceRequest).toMatchObject({
      following: true,
      trackingCode: road.trackingCode,
    });
    // Twice is once.
    await h.gql(FOLLOW, { c: road.trackingCode }, { token: t.warga2 });
    expect(
      await h.db.prisma.requestFollower.count({ where: { request: { trackingCode: road.trackingCode } } }),
    ).toBe(1);

    const version = await moveRequest(h, road.trackingCode, ['VERIFIED'], t.yulia, road.version);
    const link = `/lacak?kode=${road.trackingCode}`;
    const told = await notificationsOf(h, 'warga2@layanan.test');
    expect(told.filter((n) => n.kind === 'REQUEST_FOLLOWED_UPDATE' && n.linkPath === link)).toHaveLength(1);
    // The notice leads to the public trail only: its `request` is null for the follower, who may not
    // read the complaint (nor its reporter); the owner's own notices show theirs.
    const READ = `{ notifications(first: 100) { edges { node { kind linkPath
      request { trackingCode applicant { displayName email } } } } } }`;
    type Notice = { kind: string; linkPath: string; request: { trackingCode: string } | null };
    const noticesOf = async (token: string) =>
      ((await h.gql(READ, {}, { token })).body.data.notifications.edges as { node: Notice }[]).map(
        (e) => e.node,
      );
    const followerSees = (await noticesOf(t.warga2)).filter((n) => n.linkPath === link);
    expect(followerSees).toEqual([{ kind: 'REQUEST_FOLLOWED_UPDATE', linkPath: link, request: null }]);
    const ownerSees = (await noticesOf(t.warga)).filter((n) => n.request?.trackingCode === road.trackingCode);
    expect(ownerSees.length).toBeGreaterThanOrEqual(1);
    // Stop following: no more news.
    expect(
      (await h.gql(UNFOLLOW, { c: road.trackingCode }, { token: t.warga2 })).body.data.unfollowServiceRequest,
    ).toMatchObject({
      following: false,
    });
    await moveRequest(h, road.trackingCode, ['IN_PROGRESS'], t.yulia, version);
    const later = await notificationsOf(h, 'warga2@layanan.test');
    expect(later.filter((n) => n.kind === 'REQUEST_FOLLOWED_UPDATE' && n.linkPath === link)).toHaveLength(1);

    // The follow is the account's personal data: in its export.
    await h.gql(FOLLOW, { c: road.trackingCode }, { token: t.warga2 });
    const account = await h.db.prisma.account.findUniqueOrThrow({ where: { email: 'warga2@layanan.test' } });
    const exported = await exportPersonalData(h.db.prisma, account.id, new Date());
    expect(exported.requestFollows).toContainEqual(
      expect.objectContaining({ trackingCode: road.trackingCode, source: 'FOLLOW' }),
    );
  });

  it('shows the place to the reporter and the handling unit, and for each request of a list', async () => {
    await permitComplaintService(h);
    const first = await complaint(h, t.warga, 'place-1', { place: HERE });
    const second = await complaint(h, t.warga, 'place-2', { place: FAR, text: 'Trotoar ambles di Talawi.' });
    const PLACE = `query($c: String!) { serviceRequest(trackingCode: $c) { place { latitude longitude address } } }`;
    for (const token of [t.warga, t.yulia]) {
      const read = await h.gql(PLACE, { c: first.trackingCode }, { token });
      expect(read.body.data.serviceRequest.place).toEqual({ ...HERE, address: null });
    }
    // Someone who may not read the request does not get its place either.
    const other = await h.gql(PLACE, { c: first.trackingCode }, { token: t.warga2 });
    expect(other.body.data?.serviceRequest ?? null).toBeNull();
    // Each request of one operation gets its own place (read together by one loader).
    const LIST = `{ a: serviceRequest(trackingCode: "${first.trackingCode}") { place { latitude } }
      b: serviceRequest(trackingCode: "${second.trackingCode}") { place { latitude } } }`;
    const both = await h.gql(LIST, {}, { token: t.yulia });
    expect([both.body.data.a.place.latitude, both.body.data.b.place.latitude]).toEqual([
      HERE.latitude,
      FAR.latitude,
    ]);
  });
});
