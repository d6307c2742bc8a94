// Files on requests (issue 19): GraphQL multipart and Open311 multipart uploads, type checks by
// content, photos stripped of EXIF/GPS, visibility, signed links.
import { testDatabaseKinds } from '@layanan/db/testing';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PBG_REQUEST as PBG, submittedRequest } from '../../testing/requests.js';
import { EXE, type FilePart, pdfBytes, uploadGql } from '../../testing/uploads.js';
import { useHarness } from '../../testing/use-harness.js';
import { FILE_LINK_TTL_SECONDS } from './signed-link.js';

/** A small PDF (enough for file-type to recognise it). */
const PDF = pdfBytes();

/** A JPEG carrying EXIF with a GPS position and a camera serial, rotated by its orientation tag. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Make: 'KameraUji', Model: 'Seri-123', Copyright: 'rahasia' },
        IFD3: {
          GPSLatitudeRef: 'S',
          GPSLatitude: '0/1 57/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '100/1 21/1 0/1',
        },
      },
    })
    .toBuffer();
}

const SUBMIT = `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
  __typename
  ... on ServiceRequestPayload { request { id trackingCode version attachments { id name type size url purpose } } }
  ... on ValidationError { code messageId messageEn fields { field code messageId messageEn } }
  ... on Failure { code }
} }`;

const REQUEST = `query($code: String!) { serviceRequest(trackingCode: $code) {
  trackingCode attachments { id name type size url purpose }
  events { kind attachments { name } }
} }`;

describe.each(testDatabaseKinds())('attachments on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'warga2', 'yulia', 'dewi', 'admin'] });

  const upload = (query: string, input: Record<string, unknown>, files: FilePart[], token: string) =>
    uploadGql(h, query, input, files, token);

  const fetchFile = (url: string) => h.gateway.fetch(`http://layanan.test${url}`);

  it('files a request with a PDF and a photo; the photo comes back without EXIF or GPS, upright', async () => {
    const photo = await jpegWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const r = await upload(
      SUBMIT,
      PBG,
      [
        { name: 'gambar rencana.pdf', type: 'application/pdf', bytes: PDF },
        { name: 'C:\\foto\\lokasi.JPG', type: 'image/jpeg', bytes: photo },
      ],
      t.warga,
    );
    expect(r.status).toBe(200);
    const payload = r.body.data.submitServiceRequest;
    expect(payload.__typename).toBe('ServiceRequestPayload');
    const files = payload.request.attachments;
    expect(files.map((f: any) => [f.name, f.type, f.purpose])).toEqual([
      ['gambar rencana.pdf', 'application/pdf', 'FILING'],
      ['lokasi.JPG', 'image/jpeg', 'FILING'],
    ]);
    const pdf = await fetchFile(files[0].url);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-content-type-options')).toBe('nosniff');
    expect(pdf.headers.get('content-disposition')).toBe(
      `attachment; filename="gambar rencana.pdf"; filename*=UTF-8''gambar%20rencana.pdf`,
    );
    expect(Buffer.compare(Buffer.from(await pdf.arrayBuffer()), PDF)).toBe(0);

    const image = await fetchFile(files[1].url);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('content-disposition')).toMatch(/^inline; /);
    const bytes = Buffer.from(await image.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // Orientation 6 (rotate 90°) was applied to the pixels: 40×20 became 20×40.
    expect([meta.width, meta.height]).toEqual([20, 40]);
    expect(bytes.includes(Buffer.from('Seri-123'))).toBe(false);
    expect(bytes.includes(Buffer.from('KameraUji'))).toBe(false);
  });

  it('replays a keyed retry with the same files; the key reused with other files is IDEMPOTENCY_KEY_REUSED (issue 16 kind 7)', async () => {
    const input = { ...PBG, idempotencyKey: 'berkas-ulang' };
    const other = Buffer.concat([PDF, Buffer.from('% versi kedua\n')]);
    const first = await upload(
      SUBMIT,
      input,
      [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }],
      t.warga,
    );
    const code = first.body.data.submitServiceRequest.request.trackingCode;
    const again = await upload(
      SUBMIT,
      input,
      [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }],
      t.warga,
    );
    expect(again.body.data.submitServiceRequest.request.trackingCode).toBe(code);
    for (const files of [
      [{ name: 'a.pdf', bytes: other }],
      [],
      [
        { name: 'a.pdf', bytes: PDF },
        { name: 'b.pdf', bytes: other },
      ],
    ]) {
      const r = await upload(
        SUBMIT,
        input,
        files.map((f) => ({ ...f, type: 'application/pdf' })),
        t.warga,
      );
      expect(r.body.data.submitServiceRequest).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    }
  });

  it('refuses a PDF named .jpg, an executable named .pdf and an oversize file, in both languages', async () => {
    const r = await upload(
      SUBMIT,
      PBG,
      [
        { name: 'foto.jpg', type: 'image/jpeg', bytes: PDF },
        { name: 'surat.pdf', type: 'application/pdf', bytes: EXE },
      ],
      t.warga,
    );
    const refused = r.body.data.submitServiceRequest;
    expect(refused.__typename).toBe('ValidationError');
    expect(refused.fields.map((f: any) => `${f.field}:${f.code}`)).toEqual([
      'attachments[0]:ATTACHMENT_NAME_MISMATCH',
      'attachments[1]:ATTACHMENT_TYPE_NOT_ACCEPTED',
    ]);
    expect(refused.fields[0].messageId).toMatch(/tidak sesuai dengan isinya/);
    expect(refused.fields[0].messageEn).toMatch(/does not match its content/);

    // Over the 20 MiB cap: cut off while streaming, refused as too large, nothing filed.
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 10, 0x20)]);
    const tooBig = await upload(SUBMIT, PBG, [{ name: 'besar.pdf', bytes: big }], t.warga);
    const error = tooBig.body.data.submitServiceRequest;
    expect(error.__typename).toBe('ValidationError');
    expect(error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(error.messageEn).toMatch(/limit 20 MB/);
    expect(error.messageId).toMatch(/batas 20 MB/);
  });

  it('takes files with a correction answer and a staff note; a citizen sees only public-note files', async () => {
    const request = await submittedRequest(h, PBG, t.warga);
    const CORRECT = `mutation($input: AddServiceRequestCorrectionInput!) { addServiceRequestCorrection(input: $input) {
      __typename ... on ServiceRequestPayload { request { version } } } }`;
    const corrected = await upload(
      CORRECT,
      { trackingCode: request.trackingCode, expectedVersion: request.version, text: 'Dokumen tambahan' },
      [{ name: 'ktp.pdf', bytes: PDF }],
      t.warga,
    );
    const version = corrected.body.data.addServiceRequestCorrection.request.version;
    const NOTE = `mutation($input: AddServiceRequestNoteInput!) { addServiceRequestNote(input: $input) {
      __typename ... on ServiceRequestPayload { request { version } } } }`;
    const noted = await upload(
      NOTE,
      { trackingCode: request.trackingCode, expectedVersion: version, internalNote: 'Catatan internal' },
      [{ name: 'memo.pdf', bytes: PDF }],
      t.yulia,
    );
    expect(noted.body.data.addServiceRequestNote.__typename).toBe('ServiceRequestPayload');

    const asStaff = await h.gql(REQUEST, { code: request.trackingCode }, { token: t.yulia });
    expect(asStaff.body.data.serviceRequest.attachments.map((a: any) => [a.name, a.purpose])).toEqual([
      ['ktp.pdf', 'CORRECTION'],
      ['memo.pdf', 'STAFF_NOTE'],
    ]);
    expect(
      asStaff.body.data.serviceRequest.events.map((e: any) => [
        e.kind,
        e.attachments.map((a: any) => a.name),
      ]),
    ).toContainEqual(['NOTE', ['memo.pdf']]);
    const asOwner = await h.gql(REQUEST, { code: request.trackingCode }, { token: t.warga });
    expect(asOwner.body.data.serviceRequest.attachments.map((a: any) => a.name)).toEqual(['ktp.pdf']);
  });

  it('gives links only to who may see the request; tampered and expired links are refused', async () => {
    const r = await upload(SUBMIT, PBG, [{ name: 'rahasia.pdf', bytes: PDF }], t.warga);
    const { trackingCode, attachments } = r.body.data.submitServiceRequest.request;
    // Another citizen and staff of another unit (dewi, DISDUKCAPIL) do not see the request at all.
    for (const token of [t.warga2, t.dewi]) {
      const other = await h.gql(REQUEST, { code: trackingCode }, { token });
      expect(other.body.data?.serviceRequest ?? null).toBeNull();
    }
    const url = new URL(attachments[0].url, 'http://layanan.test');
    const id = url.pathname.split('/').pop();
    // Without a signature, with another's signature or a changed expiry: refused.
    const sig = url.searchParams.get('sig') ?? '';
    const exp = Number(url.searchParams.get('exp'));
    const refusedLinks = [
      `/files/${id}`,
      `/files/${id}?exp=${exp + 3600}&sig=${sig}`,
      `/files/${id}?exp=${exp}&sig=${sig.slice(0, -2)}AA`,
    ];
    for (const link of refusedLinks) {
      const res = await fetchFile(link);
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/FILE_LINK_INVALID|tidak sah/);
    }
    // A link signed long ago: past its expiry.
    const { signFileLink } = await import('./signed-link.js');
    const old = signFileLink(
      h.config.jwtSecret,
      String(id),
      new Date(Date.now() - (FILE_LINK_TTL_SECONDS + 5) * 1000),
    );
    const expired = await fetchFile(old);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/kedaluwarsa|expired/);
    expect((await fetchFile(url.pathname + url.search)).status).toBe(200);
  });

  it('refuses multipart on other routes and Upload values that are not file parts', async () => {
    const form = new FormData();
    form.set('x', '1');
    const res = await h.gateway.fetch('http://layanan.test/reports/skm.csv', { method: 'POST', body: form });
    expect(res.status).toBe(415);
    const plain = await h.gql(
      SUBMIT,
      { input: { ...PBG, attachments: ['bukan berkas'] } },
      { token: t.warga },
    );
    expect(plain.body.errors?.[0]?.message).toMatch(/Upload/);
  });
});

describe.each(testDatabaseKinds())('Open311 media on %s', (kind) => {
  const { h, t } = useHarness(kind, {
    login: ['admin'],
    env: { LAYANAN_PUBLIC_URL: 'https://layanan.sawahluntokota.go.id' },
  });
  const FORM = {
    service_code: 'PBG',
    description: 'Permohonan PBG dengan foto lokasi',
    address_string: 'Jl. Khatib Sulaiman No. 7, Lembah Segar',
    email: 'warga@layanan.test',
    'attribute[nik]': '1373010101900001',
    'attribute[kecamatan]': 'LEMBAH_SEGAR',
    'attribute[luas_bangunan]': '95',
    'attribute[fungsi]': 'HUNIAN',
  };
  let key = '';
  const apiKey = async () => {
    if (key) return key;
    const r = await h.gql(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on CreateApiKeyPayload { key } } }',
      { input: { name: 'Sistem aduan berkas', scopes: ['requests:write'] } },
      { token: t.admin },
    );
    key = r.body.data.createApiKey.key;
    return key;
  };
  const call = (path: string, init: RequestInit = {}) =>
    h.gateway.fetch(`http://layanan.test/open311/v2/${path}`, init);

  it('takes a multipart POST with a media photo and every media_url; answers media_url as a signed link', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...FORM, api_key: await apiKey() })) form.set(k, v);
    form.append('media_url', 'https://contoh.test/a.jpg');
    form.append('media_url', 'https://contoh.test/b.jpg');
    form.set('media', new Blob([new Uint8Array(await jpegWithGps())], { type: 'image/jpeg' }), 'lokasi.jpg');
    const res = await call('requests.json', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const [created] = (await res.json()) as any[];
    const location = await h.db.prisma.requestLocation.findUniqueOrThrow({
      where: { requestId: created.token },
    });
    expect(location.mediaUrls).toEqual(['https://contoh.test/a.jpg', 'https://contoh.test/b.jpg']);
    expect(location.mediaUrl).toBe('https://contoh.test/a.jpg');

    const [view] = (await (
      await call(`requests/${created.service_request_id}.json?api_key=${await apiKey()}`)
    ).json()) as any[];
    // The link starts with the configured public URL, not the caller's Host.
    expect(view.media_url).toMatch(
      /^https:\/\/layanan\.sawahluntokota\.go\.id\/files\/[0-9a-f-]{36}\?exp=\d+&sig=/,
    );
    const photo = await h.gateway.fetch(view.media_url);
    expect(photo.status).toBe(200);
    expect((await sharp(Buffer.from(await photo.arrayBuffer())).metadata()).exif).toBeUndefined();
    // Without the filing key, nothing of the request's media is shown.
    const [anonymous] = (await (await call(`requests/${created.service_request_id}.json`)).json()) as any[];
    expect(anonymous.media_url).toBeNull();
  });

  it('keeps every repeated media_url of an urlencoded POST, and refuses a disguised file', async () => {
    const body = new URLSearchParams({ ...FORM, api_key: await apiKey(), description: 'Dua tautan foto' });
    body.append('media_url', 'https://contoh.test/1.jpg');
    body.append('media_url', 'https://contoh.test/2.jpg');
    const res = await call('requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    const [created] = (await res.json()) as any[];
    const location = await h.db.prisma.requestLocation.findUniqueOrThrow({
      where: { requestId: created.token },
    });
    expect(location.mediaUrls).toEqual(['https://contoh.test/1.jpg', 'https://contoh.test/2.jpg']);

    const form = new FormData();
    for (const [k, v] of Object.entries({ ...FORM, api_key: await apiKey(), description: 'Berkas palsu' }))
      form.set(k, v);
    form.set('media', new Blob([new Uint8Array(PDF)], { type: 'image/jpeg' }), 'foto.jpg');
    const refused = await call('requests.json', { method: 'POST', body: form });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(
      /does not match its content|tidak sesuai dengan isinya/,
    );
  });
});
