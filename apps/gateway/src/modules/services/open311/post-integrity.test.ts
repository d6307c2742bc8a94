// Open311 POST takes nothing it cannot give back (issue 16 kinds 1, 2 and 7): every parameter of
// every body format goes through the text rule of GraphQL text, answered as a field error in a
// parseable document; an Idempotency-Key reused for another filing (other files, another
// location) is a 409 conflict; UTF-8 file names are kept as sent.
import { testDatabaseKinds } from '@layanan/db/testing';
import { SaxesParser } from 'saxes';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../../../testing/use-harness.js';

/** The well-formedness errors a strict XML 1.0 parser reports for `text` (none when it parses). */
function xmlErrors(text: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (e) => errors.push(e.message));
  parser.write(text).close();
  return errors;
}

const FORM = {
  service_code: 'PBG',
  description: 'Permohonan PBG rumah tinggal',
  address_string: 'Jl. Khatib Sulaiman 7',
  email: 'warga@layanan.test',
  'attribute[nik]': '1373010101900001',
  'attribute[kecamatan]': 'LEMBAH_SEGAR',
  'attribute[luas_bangunan]': '95',
  'attribute[fungsi]': 'HUNIAN',
};

/** The parameters a client may send, the ones the route ignores included. */
const PARAMETERS = [
  'description',
  'first_name',
  'last_name',
  'phone',
  'address_string',
  'device_id',
  'account_id',
  'media_url',
  'attribute[nik]',
  'attribute[fungsi]',
];
const CHARACTERS = ['\u0001', '\u000b', '\uFFFE'];

type Body = 'form' | 'multipart' | 'json';

function encode(body: Body, params: Record<string, string>): RequestInit {
  if (body === 'form')
    return {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    };
  if (body === 'multipart') {
    const form = new FormData();
    for (const [k, v] of Object.entries(params)) form.set(k, v);
    return { method: 'POST', body: form };
  }
  const attribute: Record<string, string> = {};
  const rest: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const m = /^attribute\[(.+)\]$/.exec(k);
    if (m?.[1]) attribute[m[1]] = v;
    else rest[k] = v;
  }
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...rest, attribute }),
  };
}

const photo = (color: number) =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: { r: color, g: 40, b: 40 } } })
    .jpeg()
    .toBuffer();

describe.each(testDatabaseKinds())('Open311 POST integrity on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin'] });
  const call = (path: string, init: RequestInit = {}) =>
    h.gateway.fetch(`http://layanan.test/open311/v2/${path}`, init);
  let key = '';
  const apiKey = async () => {
    if (key) return key;
    const r = await h.gql(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on CreateApiKeyPayload { key } } }',
      { input: { name: 'Sistem aduan integritas', scopes: ['requests:write'] } },
      { token: t.admin },
    );
    key = r.body.data.createApiKey.key;
    return key;
  };

  it('refuses a character no output can carry in any parameter of any body, naming the parameter', async () => {
    const api_key = await apiKey();
    const before = await h.db.prisma.serviceRequest.count();
    let n = 0;
    for (const parameter of PARAMETERS)
      for (const character of CHARACTERS)
        for (const body of ['form', 'multipart', 'json'] as const) {
          const format = n++ % 2 === 0 ? 'xml' : 'json';
          const value = `${(FORM as Record<string, string>)[parameter] ?? 'isi'}${character}x`;
          const res = await call(
            `requests.${format}`,
            encode(body, { ...FORM, api_key, [parameter]: value }),
          );
          const text = await res.text();
          const code = `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
          expect({ parameter, body, status: res.status }).toEqual({ parameter, body, status: 400 });
          expect(text).toContain(`${parameter}: `);
          expect(text).toContain(code);
          if (format === 'xml') expect(xmlErrors(text)).toEqual([]);
        }
    expect(await h.db.prisma.serviceRequest.count()).toBe(before);
  });

  it('refuses NUL and a lone surrogate in any body with 400, in a parseable document', async () => {
    const api_key = await apiKey();
    const cases: [Body, string][] = [
      ['form', '\u0000'],
      ['multipart', '\u0000'],
      ['json', '\u0000'],
      ['json', '\uD800'],
    ];
    for (const [body, character] of cases)
      for (const parameter of ['first_name', 'device_id', 'attribute[fungsi]']) {
        const res = await call(
          'requests.xml',
          encode(body, { ...FORM, api_key, [parameter]: `a${character}` }),
        );
        expect({ body, parameter, status: res.status }).toEqual({ body, parameter, status: 400 });
        expect(xmlErrors(await res.text())).toEqual([]);
      }
  });

  it('a key reused with other files or another location is a 409 conflict; the same filing replays', async () => {
    const api_key = await apiKey();
    const [red, blue] = [await photo(200), await photo(20)];
    const post = (key: string, params: Record<string, string>, files: Buffer[]) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ ...FORM, api_key, ...params })) form.set(k, v);
      for (const f of files)
        form.append('media', new Blob([new Uint8Array(f)], { type: 'image/jpeg' }), 'a.jpg');
      return call('requests.json', { method: 'POST', body: form, headers: { 'idempotency-key': key } });
    };
    const first = await post('k-berkas', {}, [red]);
    expect(first.status).toBe(201);
    const [{ token }] = (await first.json()) as any[];
    const again = await post('k-berkas', {}, [red]);
    expect(again.status).toBe(200);
    expect(((await again.json()) as any[])[0].token).toBe(token);
    for (const [what, params, files] of [
      ['another file', {}, [blue]],
      ['one more file', {}, [red, blue]],
      ['no file', {}, []],
      ['another address', { address_string: 'Jl. Sudirman 1' }, [red]],
      ['coordinates', { lat: '-0.95', long: '100.35' }, [red]],
      ['another device', { device_id: 'hp-2' }, [red]],
    ] as const) {
      const res = await post('k-berkas', params, [...files]);
      const body = JSON.stringify(await res.json());
      expect({ what, status: res.status }).toEqual({ what, status: 409 });
      expect(body).toMatch(/Kunci idempotensi/);
    }
    expect(await h.db.prisma.serviceRequest.count({ where: { idempotencyKey: 'k-berkas' } })).toBe(1);
    // Without a key, a repeat with other files is a new request, not the first one again.
    const plain = async (files: Buffer[]) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ ...FORM, api_key, description: 'Tanpa kunci' })) form.set(k, v);
      for (const f of files)
        form.append('media', new Blob([new Uint8Array(f)], { type: 'image/jpeg' }), 'b.jpg');
      return ((await (await call('requests.json', { method: 'POST', body: form })).json()) as any[])[0].token;
    };
    const a = await plain([red]);
    expect(await plain([red])).toBe(a);
    expect(await plain([blue])).not.toBe(a);
  });

  it('keeps a UTF-8 media file name as sent', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...FORM, api_key: await apiKey(), description: 'Nama berkas' }))
      form.set(k, v);
    const name = 'Foto jalan rusak ñ é 🚧 Talawi.jpg';
    form.set('media', new Blob([new Uint8Array(await photo(90))], { type: 'image/jpeg' }), name);
    const res = await call('requests.json', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const [{ token }] = (await res.json()) as any[];
    const rows = await h.db.prisma.attachment.findMany({ where: { requestId: token } });
    expect(rows.map((r) => r.fileName)).toEqual([name]);
  });
});
