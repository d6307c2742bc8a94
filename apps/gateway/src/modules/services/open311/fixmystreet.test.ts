// Open311 as FixMyStreet's client uses it (issue 17). The requests below are the ones its
// perllib/Open311.pm sends (read from mysociety/fixmystreet, not copied): an urlencoded POST of
// requests.xml with jurisdiction_id, api_key, description ("title\n\ndetail\n\nurl"), service_code,
// first_name, last_name, email, phone, lat/long and one `attribute[name]` per extra field, a list
// value being the key repeated; it reads `request[0].service_request_id` (else `token`) with
// XML::Simple, the spec's list elements forced to arrays (readOpen311Xml), and on failure
// `errors/error[]/{code,description}`.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { fixMyStreetKeys } from '../../../testing/fixmystreet-client.js';
import { readOpen311Xml } from '../../../testing/open311-xml.js';
import { useHarness } from '../../../testing/use-harness.js';
import { eraseRequestPersonalData } from '../../privacy/commands/erase-request-data.js';

/** The parameters FixMyStreet posts for a report, in the order it builds them. */
function fmsReport(apiKey: string, extra: [string, string][] = []): URLSearchParams {
  return new URLSearchParams([
    ['jurisdiction_id', 'sawahlunto.go.id'],
    ['api_key', apiKey],
    [
      'description',
      'Perubahan KK\n\nPindah alamat dan pekerjaan baru.\n\nhttps://fms.contoh.test/report/41\n',
    ],
    ['service_code', 'KK'],
    ['first_name', 'Siti'],
    ['last_name', 'Rahma'],
    ['email', 'warga@layanan.test'],
    ['lat', '-0.68112'],
    ['long', '100.777215'],
    ['attribute[nik]', '1373010101900001'],
    ...extra,
  ]);
}

describe.each(testDatabaseKinds())('Open311 with FixMyStreet’s client on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin'] });
  const apiKey = fixMyStreetKeys(h, t);
  const postXml = (path: string, body: URLSearchParams) =>
    h.gateway.fetch(`http://layanan.test/open311/v2/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  const filedValues = async (trackingCode: string) =>
    (await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { trackingCode } })).attributeValues;

  it('takes a multi-value attribute as a repeated key, as [] and as one value', async () => {
    const repeated = await postXml(
      'requests.xml',
      fmsReport(await apiKey(), [
        ['attribute[perubahan]', 'ALAMAT'],
        ['attribute[perubahan]', 'PENDIDIKAN_PEKERJAAN'],
      ]),
    );
    expect(repeated.status).toBe(201);
    const doc = readOpen311Xml(await repeated.text());
    expect(doc.root).toBe('service_requests');
    const [request] = doc.value.request;
    expect(request.service_request_id).toMatch(/^SWL-\d{4}-\d{6}$/);
    expect(await filedValues(request.service_request_id)).toMatchObject({
      perubahan: ['ALAMAT', 'PENDIDIKAN_PEKERJAAN'],
    });

    const bracketed = fmsReport(await apiKey(), [
      ['attribute[perubahan][]', 'TAMBAH_ANGGOTA'],
      ['attribute[perubahan][]', 'ALAMAT'],
    ]);
    bracketed.set('description', 'Tambah anggota keluarga');
    const second = await postXml('requests.xml', bracketed);
    expect(second.status).toBe(201);
    const [b] = readOpen311Xml(await second.text()).value.request;
    expect(await filedValues(b.service_request_id)).toMatchObject({
      perubahan: ['TAMBAH_ANGGOTA', 'ALAMAT'],
    });

    const single = fmsReport(await apiKey(), [['attribute[perubahan]', 'ALAMAT']]);
    single.set('description', 'Pindah alamat saja');
    const third = await postXml('requests.xml', single);
    expect(third.status).toBe(201);
    const [c] = readOpen311Xml(await third.text()).value.request;
    expect(await filedValues(c.service_request_id)).toMatchObject({ perubahan: ['ALAMAT'] });
  });

  it('refuses a value the list does not define, in the spec’s XML error format naming the attribute', async () => {
    const res = await postXml(
      'requests.xml',
      fmsReport(await apiKey(), [
        ['attribute[perubahan]', 'ALAMAT'],
        ['attribute[perubahan]', 'PINDAH_PLANET'],
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    const doc = readOpen311Xml(await res.text());
    expect(doc.root).toBe('errors');
    expect(doc.value.error).toHaveLength(1);
    expect(doc.value.error[0].code).toBe('400');
    expect(doc.value.error[0].description).toMatch(/perubahan/);
  });

  it('keeps attributes the definition does not know as the client’s data; still refuses bad defined values', async () => {
    const report = fmsReport(await apiKey(), [
      ['attribute[perubahan]', 'ALAMAT'],
      ['attribute[fixmystreet_id]', '41'],
      ['attribute[uprn]', '100023336956'],
      ['attribute[title]', 'Pindah alamat'],
      ['attribute[last_name]', 'Rahma'],
    ]);
    report.set('description', 'Laporan dengan atribut FixMyStreet');
    const res = await postXml('requests.xml', report);
    expect(res.status).toBe(201);
    const [request] = readOpen311Xml(await res.text()).value.request;
    const row = await h.db.prisma.serviceRequest.findUniqueOrThrow({
      where: { trackingCode: request.service_request_id },
    });
    expect(Object.keys(row.attributeValues as object).sort()).toEqual(['nik', 'perubahan']);
    const location = await h.db.prisma.requestLocation.findUniqueOrThrow({ where: { requestId: row.id } });
    expect(location.clientAttributes).toEqual({
      fixmystreet_id: '41',
      uprn: '100023336956',
      title: 'Pindah alamat',
      last_name: 'Rahma',
    });
    // Personal data like the address: erased with the request's (erasure, retention schedule).
    await h.db.prisma.$transaction((tx) => eraseRequestPersonalData(tx, [row.id], new Date()));
    const erased = await h.db.prisma.requestLocation.findUniqueOrThrow({ where: { requestId: row.id } });
    expect(erased.clientAttributes).toBeNull();

    // A bad NIK (a defined attribute) is refused even beside unknown ones, in JSON as well.
    report.set('attribute[nik]', '123');
    const refused = await h.gateway.fetch('http://layanan.test/open311/v2/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: report.toString(),
    });
    expect(refused.status).toBe(400);
    const errors = (await refused.json()) as { code: number; description: string }[];
    expect(errors).toHaveLength(1);
    expect(Object.keys(errors[0] ?? {})).toEqual(['code', 'description']);
    expect(errors[0]?.description).toMatch(/^attribute\[nik\]: /);
  });

  it('serves servicerequestupdates as FixMyStreet fetches them, in XML and JSON', async () => {
    const start = new Date(Date.now() - 60 * 60_000);
    const report = fmsReport(await apiKey(), [['attribute[perubahan]', 'ALAMAT']]);
    report.set('description', 'Laporan untuk pembaruan');
    const [filed] = readOpen311Xml(await (await postXml('requests.xml', report)).text()).value.request;
    const wib = (d: Date) => `${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
    // FixMyStreet: GET servicerequestupdates.xml?api_key&start_date&end_date&jurisdiction_id
    const query = new URLSearchParams({
      api_key: await apiKey(),
      start_date: wib(start),
      end_date: wib(new Date(Date.now() + 60_000)),
      jurisdiction_id: 'sawahlunto.go.id',
    });
    const res = await h.gateway.fetch(`http://layanan.test/open311/v2/servicerequestupdates.xml?${query}`);
    expect(res.status).toBe(200);
    const doc = readOpen311Xml(await res.text());
    expect(doc.root).toBe('service_request_updates');
    const mine = (doc.value.request_update as any[]).filter(
      (u) => u.service_request_id === filed.service_request_id,
    );
    expect(mine).toHaveLength(1);
    expect(Object.keys(mine[0]).sort()).toEqual(
      [
        'update_id',
        'service_request_id',
        'status',
        'updated_datetime',
        'description',
        'media_url',
        'external_status_code',
      ].sort(),
    );
    expect(mine[0]).toMatchObject({ status: 'open', external_status_code: 'SUBMITTED', media_url: null });
    expect(mine[0].updated_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(mine[0].update_id).toMatch(/^[0-9a-f-]{36}$/);

    const json = await h.gateway.fetch(`http://layanan.test/open311/v2/servicerequestupdates.json?${query}`);
    const updates = (await json.json()) as any[];
    expect(updates.find((u) => u.service_request_id === filed.service_request_id)).toEqual({
      ...mine[0],
      media_url: null,
    });

    // A date-time without its offset is refused in the spec's XML error format.
    const bad = await h.gateway.fetch(
      'http://layanan.test/open311/v2/servicerequestupdates.xml?start_date=2026-12-01T10:00:00',
    );
    expect(bad.status).toBe(400);
    const errors = readOpen311Xml(await bad.text());
    expect(errors.root).toBe('errors');
    expect(errors.value.error[0]).toMatchObject({ code: '400' });
    expect(errors.value.error[0].description).toMatch(/start_date/);
  });

  it('refuses a description over 4,000 characters and a list window over 90 days, naming the Open311 field', async () => {
    const report = fmsReport(await apiKey(), [['attribute[perubahan]', 'ALAMAT']]);
    report.set('description', 'x'.repeat(4001));
    const long = await postXml('requests.xml', report);
    expect(long.status).toBe(400);
    const doc = readOpen311Xml(await long.text());
    expect(doc.root).toBe('errors');
    expect(doc.value.error).toEqual([
      { code: '400', description: 'description: Deskripsi paling banyak 4000 karakter (ada 4001).' },
    ]);
    for (const path of ['requests', 'servicerequestupdates']) {
      const wide = await h.gateway.fetch(
        `http://layanan.test/open311/v2/${path}.json?start_date=2026-01-01&end_date=2026-06-30`,
        { headers: { 'accept-language': 'en' } },
      );
      expect(wide.status).toBe(400);
      expect(await wide.json()).toEqual([
        { code: 400, description: 'end_date: The span from start_date to end_date is at most 90 days.' },
      ]);
    }
  });
});
