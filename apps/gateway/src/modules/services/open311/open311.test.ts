// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), checked field by field against the
// spec's documented examples, because no maintained Open311 client is on npm: `open311` (0.0.12)
// is Code for America's node-open311, unmaintained, depending on `request` ~2.11 and a git
// dependency (sparkxml) that cannot install from the registry; `georeport` does not exist.
// The examples used, abridged from the spec:
//
//   GET services.json →
//     [{"service_code":001,"service_name":"Cans left out 24x7","description":"…","metadata":true,
//       "type":"realtime","keywords":"lorem, ipsum, dolor","group":"sanitation"}]
//   GET services/{code}.json →
//     {"service_code":"DMV66","attributes":[{"variable":true,"code":"WHISHETN",
//       "datatype":"singlevaluelist","required":true,"datatype_description":null,"order":1,
//       "description":"What is the ticket/tag/DL number?","values":[{"key":123,"name":"Ford"}]}]}
//   POST requests.json →  [{"service_request_id":293944,"service_notice":"…","account_id":null}]
//   GET requests.json →
//     [{"service_request_id":638344,"status":"closed","status_notes":"Duplicate request.",
//       "service_name":"Sidewalk and Curb Issues","service_code":006,"description":null,
//       "agency_responsible":null,"service_notice":null,"requested_datetime":"2010-04-14T06:37:38-08:00",
//       "updated_datetime":"…","expected_datetime":"…","address":"8TH AVE and JUDAH ST",
//       "address_id":545483,"zipcode":94122,"lat":37.762221815,"long":-122.4651145,"media_url":"…"}]
//   GET tokens/{token_id}.json → [{"service_request_id":638344,"token":12345}]
//   Errors → [{"code":403,"description":"Invalid api_key received -- can't proceed with create_request."}]
//     XML: <errors><error><code>403</code><description>…</description></error></errors>
//   XML roots: <services><service>, <service_definition>…<attributes><attribute>…<values><value>,
//     <service_requests><request>, <discovery>…<endpoints><endpoint>…<formats><format>.
//   Discovery: {"changeset":…,"contact":…,"key_service":…,"endpoints":[{"specification":
//     "http://wiki.open311.org/GeoReport_v2","url":…,"changeset":…,"type":"production","formats":["text/xml"]}]}
import { testDatabaseKinds } from '@layanan/db/testing';
import { jakartaDay } from '@layanan/domain/calendar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from 'xmlbuilder2';
import { createHarness, type Harness } from '../../../testing/harness.js';

const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

const PBG_FORM = {
  service_code: 'PBG',
  description: 'Izin membangun rumah tinggal dua lantai di Jalan Khatib Sulaiman.',
  lat: '-0.6811',
  long: '100.7772',
  address_string: 'Jl. Khatib Sulaiman No. 7, Lembah Segar',
  email: 'warga@layanan.test',
  'attribute[nik]': '1373010101900001',
  'attribute[kecamatan]': 'LEMBAH_SEGAR',
  'attribute[luas_bangunan]': '95',
  'attribute[fungsi]': 'HUNIAN',
};

const xml = (text: string) => convert(text, { format: 'object' }) as any;

describe.each(testDatabaseKinds())('Open311 GeoReport v2 on %s', (kind) => {
  let h: Harness;
  let writeKey: string;
  let writeKeyId: string;
  let readKey: string;
  let filed: string;
  let token: string;

  const call = (path: string, init: RequestInit = {}) =>
    h.gateway.fetch(`http://layanan.test/open311/v2/${path}`, init);
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });

  beforeAll(async () => {
    h = await createHarness(kind, { env: { LAYANAN_PUBLIC_URL: 'https://layanan.sawahluntokota.go.id' } });
    const admin = await h.login('admin@layanan.test');
    const create = async (scopes: string[]) => {
      const r = await h.gql(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on CreateApiKeyPayload { apiKeyId key } } }',
        { input: { name: `Sistem aduan ${scopes.join(',')}`, scopes } },
        { token: admin },
      );
      return r.body.data.createApiKey as { apiKeyId: string; key: string };
    };
    const w = await create(['requests:write']);
    writeKey = w.key;
    writeKeyId = w.apiKeyId;
    readKey = (await create(['catalogue:read'])).key;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves the discovery document in JSON and XML, its URL from LAYANAN_PUBLIC_URL', async () => {
    const res = await call('discovery.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const d = (await res.json()) as any;
    expect(Object.keys(d)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
    expect(d.changeset).toMatch(W3C);
    expect(d.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      // The caller's Host (layanan.test) is not trusted for published links.
      url: 'https://layanan.sawahluntokota.go.id/open311/v2/',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    const x = await call('discovery.xml');
    expect(x.headers.get('content-type')).toMatch(/text\/xml/);
    const text = await x.text();
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    const doc = xml(text).discovery;
    expect(doc.endpoints.endpoint.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(doc.endpoints.endpoint.formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists services like the spec’s example, in JSON and XML', async () => {
    const services = (await (await call('services.json')).json()) as any[];
    const pbg = services.find((s) => s.service_code === 'PBG');
    expect(Object.keys(pbg)).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    expect(pbg).toMatchObject({ metadata: true, type: 'realtime' });
    expect(typeof pbg.service_name).toBe('string');
    expect(pbg.group).toBeTruthy();
    const en = (await (
      await call('services.json', { headers: { 'accept-language': 'en' } })
    ).json()) as any[];
    expect(en.find((s) => s.service_code === 'PBG').service_name).toBe('Building approval (PBG)');

    const doc = xml(await (await call('services.xml')).text());
    const items = doc.services.service as any[];
    expect(items.length).toBe(services.length);
    expect(items.find((s) => s.service_code === 'PBG')).toMatchObject({ metadata: 'true', type: 'realtime' });
  });

  it('serves a service definition with the catalogue’s attributes, and 404 for an unknown code', async () => {
    const def = (await (
      await call('services/PBG.json', { headers: { 'accept-language': 'en' } })
    ).json()) as any;
    expect(def.service_code).toBe('PBG');
    expect(def.attributes.map((a: any) => a.code)).toEqual(['nik', 'kecamatan', 'luas_bangunan', 'fungsi']);
    const fungsi = def.attributes[3];
    expect(Object.keys(fungsi)).toEqual([
      'variable',
      'code',
      'datatype',
      'required',
      'datatype_description',
      'order',
      'description',
      'values',
    ]);
    expect(fungsi).toMatchObject({
      variable: true,
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 4,
      description: 'Building use',
    });
    expect(fungsi.values[0]).toEqual({ key: 'HUNIAN', name: 'Residential' });
    expect(def.attributes[2]).toMatchObject({
      datatype: 'number',
      datatype_description: 'min 1, max 100000',
    });

    const doc = xml(await (await call('services/PBG.xml')).text()).service_definition;
    expect(doc.service_code).toBe('PBG');
    const attrs = doc.attributes.attribute as any[];
    expect(attrs[3].values.value[0]).toEqual({ key: 'HUNIAN', name: 'Hunian' });

    const missing = await call('services/TIDAK-ADA.json');
    expect(missing.status).toBe(404);
    const errors = (await missing.json()) as any[];
    expect(errors).toEqual([{ code: 404, description: expect.stringContaining('TIDAK-ADA') }]);
    const missingXml = await call('services/TIDAK-ADA.xml');
    expect(missingXml.status).toBe(404);
    expect(xml(await missingXml.text()).errors.error.code).toBe('404');
  });

  it('refuses a POST without a valid api_key with 403, in the spec’s error format', async () => {
    const none = await post('requests.json', PBG_FORM);
    expect(none.status).toBe(403);
    expect(((await none.json()) as any[])[0].code).toBe(403);
    const bad = await post('requests.xml', { ...PBG_FORM, api_key: 'lyn_000000000000_xxx' });
    expect(bad.status).toBe(403);
    const err = xml(await bad.text()).errors.error;
    expect(err.code).toBe('403');
    expect(err.description).toMatch(/api_key/);
    const unscoped = await post('requests.json', { ...PBG_FORM, api_key: readKey });
    expect(unscoped.status).toBe(403);
  });

  it('answers bad input with 400 and a description per problem', async () => {
    const noPlace = { ...PBG_FORM, api_key: writeKey } as Record<string, string>;
    delete noPlace.lat;
    delete noPlace.long;
    delete noPlace.address_string;
    const r1 = await post('requests.json', noPlace, { 'accept-language': 'en' });
    expect(r1.status).toBe(400);
    expect(((await r1.json()) as any[])[0].description).toMatch(/location is required/);

    const r2 = await post(
      'requests.json',
      { ...PBG_FORM, api_key: writeKey, 'attribute[luas_bangunan]': 'besar', 'attribute[warna]': 'merah' },
      { 'accept-language': 'en' },
    );
    expect(r2.status).toBe(400);
    const problems = ((await r2.json()) as any[]).map((e) => e.description.split(':')[0]).sort();
    // `warna` is not in the definition: kept as the client's data (issue 17), never a problem.
    expect(problems).toEqual(['attribute[luas_bangunan]']);

    // An address no account has is a reporter without an account (issue 17); one that is not an
    // address is refused, named as the Open311 field.
    const r3 = await post('requests.json', {
      ...PBG_FORM,
      api_key: writeKey,
      email: 'bukan-alamat-email',
    });
    expect(r3.status).toBe(400);
    expect(((await r3.json()) as any[])[0].description).toMatch(/^email: /);
    const r4 = await post('requests.json', { ...PBG_FORM, api_key: writeKey, service_code: 'NOPE' });
    expect(r4.status).toBe(404);
  });

  it('files a form-encoded POST as an ordinary request, idempotently', async () => {
    const res = await post('requests.json', { ...PBG_FORM, api_key: writeKey });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any[];
    expect(body).toHaveLength(1);
    expect(Object.keys(body[0])).toEqual(['service_request_id', 'token', 'service_notice', 'account_id']);
    expect(body[0].service_request_id).toMatch(/^SWL-\d{4}-\d{6}$/);
    expect(body[0].account_id).toBeNull();
    filed = body[0].service_request_id;
    token = body[0].token;

    // The same report again (a client retry) is the same request.
    const again = await post('requests.json', { ...PBG_FORM, api_key: writeKey });
    expect(again.status).toBe(200);
    expect(((await again.json()) as any[])[0].service_request_id).toBe(filed);

    // With an explicit Idempotency-Key, and as XML.
    const keyed = await post(
      'requests.xml',
      { ...PBG_FORM, api_key: writeKey, description: 'Permohonan kedua' },
      { 'idempotency-key': 'sistem-aduan-42' },
    );
    expect(keyed.status).toBe(201);
    const req = xml(await keyed.text()).service_requests.request;
    expect(req.service_request_id).not.toBe(filed);
    const replay = await post(
      'requests.xml',
      { ...PBG_FORM, api_key: writeKey, description: 'Permohonan kedua' },
      { 'idempotency-key': 'sistem-aduan-42' },
    );
    expect(replay.status).toBe(200);
    expect(xml(await replay.text()).service_requests.request.service_request_id).toBe(req.service_request_id);
    // The same key for a different report is a conflict, never the first request's answer.
    const reused = await post(
      'requests.json',
      { ...PBG_FORM, api_key: writeKey, description: 'Permohonan kedua (diubah)' },
      { 'idempotency-key': 'sistem-aduan-42' },
    );
    expect(reused.status).toBe(409);
    expect(((await reused.json()) as any[])[0].description).toMatch(/idempotensi/);
  });

  it('takes a keyless repeat for a retry only while the first is open and recent', async () => {
    const report = { ...PBG_FORM, api_key: writeKey, description: 'Laporan ulang setelah ditolak' };
    const first = ((await (await post('requests.json', report)).json()) as any[])[0].service_request_id;
    // The same report at another place is another request.
    const elsewhere = await post('requests.json', { ...report, address_string: 'Jl. Soekarno-Hatta 3' });
    expect(elsewhere.status).toBe(201);
    // Rejected ("ajukan ulang"): filing the same report again is a new request with a new code.
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: first },
      data: { state: 'REJECTED', closedAt: new Date() },
    });
    const refiled = await post('requests.json', report);
    expect(refiled.status).toBe(201);
    const second = ((await refiled.json()) as any[])[0].service_request_id;
    expect(second).not.toBe(first);
    // Filed 11 minutes ago and still open: a repeat now is a new filing, not a retry.
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: second },
      data: { submittedAt: new Date(Date.now() - 11 * 60_000) },
    });
    expect((await post('requests.json', report)).status).toBe(201);
  });

  it('accepts JSON bodies with an attribute object and multi-valued lists', async () => {
    const res = await call('requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        api_key: writeKey,
        service_code: 'PBG',
        description: 'Dikirim sebagai JSON',
        address_id: 'PERSIL-0042',
        email: 'warga2@layanan.test',
        attribute: { nik: '1373010101900002', kecamatan: 'TALAWI', luas_bangunan: 60, fungsi: 'USAHA' },
      }),
    });
    expect(res.status).toBe(201);
  });

  it('shows the filed request in GraphQL with the same data, and audits the API key as actor', async () => {
    const citizen = await h.login('warga@layanan.test');
    const r = await h.gql(
      `query($c: String!) { serviceRequest(trackingCode: $c) { trackingCode state open311Status originalText attributeValues channel service { code } unit { name } }
        requestStatus(trackingCode: $c) { trackingCode open311Status service { code } } }`,
      { c: filed },
      { token: citizen },
    );
    expect(r.body.data.serviceRequest).toMatchObject({
      trackingCode: filed,
      state: 'SUBMITTED',
      open311Status: 'open',
      originalText: PBG_FORM.description,
      channel: 'ONLINE',
      service: { code: 'PBG' },
      attributeValues: {
        nik: '1373010101900001',
        kecamatan: 'LEMBAH_SEGAR',
        luas_bangunan: 95,
        fungsi: 'HUNIAN',
      },
    });
    expect(r.body.data.requestStatus).toEqual({
      trackingCode: filed,
      open311Status: 'open',
      service: { code: 'PBG' },
    });

    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: filed } });
    expect(row.assigneeStaffId).not.toBeNull();
    const audit = await h.db.prisma.auditEntry.findFirst({
      where: { entityId: row.id, action: 'submitServiceRequest' },
    });
    expect(audit).toMatchObject({ actorKind: 'SYSTEM', actorId: writeKeyId });
    const event = await h.db.prisma.requestEvent.findFirstOrThrow({ where: { requestId: row.id } });
    expect(event.actorKind).toBe('SYSTEM');

    // Through GraphQL, the citizen's view and the Open311 view agree on what is public.
    const o = ((await (await call(`requests/${filed}.json`)).json()) as any[])[0];
    expect(o.service_request_id).toBe(r.body.data.serviceRequest.trackingCode);
    expect(o.status).toBe(r.body.data.serviceRequest.open311Status);
    expect(o.agency_responsible).toBe(r.body.data.serviceRequest.unit.name);
  });

  it('serves one request publicly without personal data, and fully to the key that filed it', async () => {
    const pub = await call(`requests/${filed}.json`);
    expect(pub.status).toBe(200);
    const text = await pub.text();
    for (const secret of ['warga@layanan.test', '1373010101900001', 'Khatib', PBG_FORM.description])
      expect(text).not.toContain(secret);
    const [r] = JSON.parse(text) as any[];
    expect(Object.keys(r)).toEqual(REQUEST_FIELDS);
    expect(r).toMatchObject({
      status: 'open',
      service_code: 'PBG',
      description: null,
      lat: null,
      address: null,
    });
    expect(r.requested_datetime).toMatch(W3C);
    expect(r.updated_datetime).toMatch(W3C);
    // Not yet verified: expected by the end of the verification deadline (3 working days).
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: filed } });
    expect(r.expected_datetime).toBe(`${row.verificationDueOn.toISOString().slice(0, 10)}T23:59:59+07:00`);

    const own = ((await (await call(`requests/${filed}.json?api_key=${writeKey}`)).json()) as any[])[0];
    expect(own).toMatchObject({
      description: PBG_FORM.description,
      address: PBG_FORM.address_string,
      lat: -0.6811,
      long: 100.7772,
    });

    const doc = xml(await (await call(`requests/${filed}.xml`)).text());
    expect(doc.service_requests.request.service_request_id).toBe(filed);
    expect(doc.service_requests.request.status).toBe('open');

    const missing = await call('requests/SWL-1999-000001.xml');
    expect(missing.status).toBe(404);
    expect(xml(await missing.text()).errors.error.code).toBe('404');
  });

  it('maps the lifecycle to closed with status notes and the completion deadline', async () => {
    const yulia = await h.login('hendra@layanan.test');
    const move = (to: string, version: number, publicNote?: string) =>
      h.gql(
        `mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) { __typename ... on ServiceRequestPayload { request { version completionDueOn } } } }`,
        { input: { trackingCode: filed, to, expectedVersion: version, publicNote } },
        { token: yulia },
      );
    const verified = await move('VERIFIED', 1);
    const due = verified.body.data.transitionServiceRequest.request.completionDueOn;
    const open = ((await (await call(`requests/${filed}.json`)).json()) as any[])[0];
    expect(open.expected_datetime).toBe(`${due}T23:59:59+07:00`);
    await move('REJECTED', 2, 'Lokasi berada di kawasan lindung');
    const closed = ((await (await call(`requests/${filed}.json?api_key=${writeKey}`)).json()) as any[])[0];
    expect(closed.status).toBe('closed');
    expect(closed.status_notes).toMatch(/Lokasi berada di kawasan lindung/);
    expect(closed.expected_datetime).toBeNull();
    // The public sees the state, not the note addressed to the citizen.
    const pub = ((await (await call(`requests/${filed}.json`)).json()) as any[])[0];
    expect(pub.status_notes).not.toMatch(/kawasan lindung/);
  });

  it('filters requests by id, service, status and dates, in JSON and XML', async () => {
    const all = (await (await call('requests.json')).json()) as any[];
    expect(all.map((r) => r.service_request_id)).toContain(filed);
    const byId = (await (
      await call(`requests.json?service_request_id=${filed},SWL-1999-000009`)
    ).json()) as any[];
    expect(byId.map((r) => r.service_request_id)).toEqual([filed]);
    const closed = (await (await call('requests.json?status=closed&service_code=PBG')).json()) as any[];
    expect(closed.map((r) => r.service_request_id)).toContain(filed);
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    const open = (await (await call('requests.json?status=open')).json()) as any[];
    expect(open.map((r) => r.service_request_id)).not.toContain(filed);
    const other = (await (await call('requests.json?service_code=SIP-NAKES')).json()) as any[];
    expect(other.map((r) => r.service_request_id)).not.toContain(filed);
    const past = (await (
      await call('requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00Z')
    ).json()) as any[];
    expect(past).toEqual([]);
    const bad = await call('requests.json?start_date=kemarin');
    expect(bad.status).toBe(400);
    const doc = xml(await (await call(`requests.xml?service_request_id=${filed}`)).text());
    expect(doc.service_requests.request.service_request_id).toBe(filed);
    const badKey = await call('requests.json?api_key=lyn_nope');
    expect(badKey.status).toBe(403);
  });

  it('reads a bare date as a WIB day and refuses a time without an offset (GeoReport v2)', async () => {
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode: filed } });
    // The WIB day it was filed, and 06:30 WIB that day: 23:30 UTC the day before.
    const day = jakartaDay(row.submittedAt);
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: filed },
      data: { submittedAt: new Date(`${day}T06:30:00+07:00`) },
    });
    const codes = async (query: string) => {
      const res = await call(`requests.json?${query}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as any[]).map((r) => r.service_request_id);
    };
    const bare = await codes(`start_date=${day}&end_date=${day}`);
    expect(bare).toContain(filed);
    const offset = await codes(`start_date=${day}T00:00:00%2B07:00&end_date=${day}T23:59:59.999%2B07:00`);
    expect([...bare].sort()).toEqual([...offset].sort());
    // GraphQL statistics count the same requests for the same day.
    const stats = await h.gql(
      `query($d: Day!) { requestStatistics(from: $d, to: $d, groupBy: SERVICE) {
        ... on RequestStatisticsPayload { data { key count } } } }`,
      { d: day },
    );
    const counted = stats.body.data.requestStatistics.data.reduce((n: number, r: any) => n + r.count, 0);
    expect(counted).toBe(bare.length);
    for (const ambiguous of [`start_date=${day}T08:00:00`, `end_date=${day}T23:59`]) {
      const res = await call(`requests.json?${ambiguous}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any[])[0].description).toMatch(/zona waktu|time zone/);
    }
  });

  it('resolves a token to its request id, in JSON and XML', async () => {
    const [t] = (await (await call(`tokens/${token}.json`)).json()) as any[];
    expect(t).toEqual({ service_request_id: filed, token });
    const doc = xml(await (await call(`tokens/${token}.xml`)).text());
    expect(doc.service_requests.request).toEqual({ service_request_id: filed, token });
    expect((await call('tokens/00000000-0000-0000-0000-000000000000.json')).status).toBe(404);
    expect((await call('nothing-here.json')).status).toBe(404);
  });
});
