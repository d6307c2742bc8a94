// Every Open311 XML answer is well-formed XML 1.0 whatever a user typed (issue 16, kind 1): text
// that no output can carry is refused at entry (the domain's `unsupportedCharacter`), and what was
// stored before the rule is written with U+FFFD in its place. Checked with a strict XML parser
// (saxes reports any character outside XML 1.0's Char production as an error).
import { testDatabaseKinds } from '@layanan/db/testing';
import { SaxesParser } from 'saxes';
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

const CONTROL = 'Jalan rusak\u0001 di\u000b Talawi\uFFFE';

describe.each(testDatabaseKinds())('Open311 XML stays well-formed on %s', (kind) => {
  const { h, t } = useHarness(kind, { seed: 'demo', login: ['admin'] });
  const call = (path: string, init: RequestInit = {}) =>
    h.gateway.fetch(`http://layanan.test/open311/v2/${path}`, init);
  const form = (key: string, description: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      api_key: key,
      service_code: 'PBG',
      description,
      address_string: 'Jl. Khatib Sulaiman 7',
      email: 'warga@layanan.test',
      'attribute[nik]': '1373010101900001',
      'attribute[kecamatan]': 'LEMBAH_SEGAR',
      'attribute[luas_bangunan]': '95',
      'attribute[fungsi]': 'HUNIAN',
    }).toString(),
  });
  const writeKey = async () => {
    const r = await h.gql(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on CreateApiKeyPayload { key } } }',
      { input: { name: 'Sistem aduan XML', scopes: ['requests:write'] } },
      { token: t.admin },
    );
    return r.body.data.createApiKey.key as string;
  };

  it('refuses a description with a control character, naming it, in JSON and XML', async () => {
    const key = await writeKey();
    for (const [format, bad] of [
      ['json', 'a\u0001b'],
      ['xml', 'a\u000bb'],
      ['xml', 'a\uFFFEb'],
    ] as const) {
      const res = await call(`requests.${format}`, form(key, `Laporan ${bad}`));
      expect(res.status).toBe(400);
      const body = await res.text();
      if (format === 'xml') expect(xmlErrors(body)).toEqual([]);
      expect(body).toMatch(/description: .*U\+(0001|000B|FFFE)/);
    }
  });

  it('refuses such text in any GraphQL variable or literal with 400 and where it is', async () => {
    const res = await h.gateway.fetch('http://layanan.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.admin}` },
      body: JSON.stringify({
        query: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename } }',
        variables: { input: { name: 'Kunci\u001f', scopes: ['requests:write'] } },
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      path: 'variables.input.name',
      character: 'U+001F',
    });
    expect(body.errors[0].message).toMatch(/U\+001F.*\/.*U\+001F/);
  });

  it('writes text stored before the rule with U+FFFD: every XML endpoint parses', async () => {
    const key = await writeKey();
    const filed = await call('requests.json', form(key, 'Laporan biasa'));
    expect(filed.status).toBe(201);
    const [{ service_request_id: code, token }] = (await filed.json()) as any[];
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: code },
      data: { originalText: CONTROL },
    });
    await h.db.prisma.service.update({ where: { code: 'PBG' }, data: { description: CONTROL } });
    const paths = [
      'discovery.xml',
      'services.xml',
      'services/PBG.xml',
      'requests.xml',
      `requests.xml?api_key=${key}`,
      `requests/${code}.xml`,
      `requests/${code}.xml?api_key=${key}`,
      `tokens/${token}.xml`,
      'services/TIDAK-ADA.xml',
    ];
    for (const path of paths) {
      const body = await (await call(path)).text();
      expect({ path, errors: xmlErrors(body) }).toEqual({ path, errors: [] });
    }
    const mine = await (await call(`requests/${code}.xml?api_key=${key}`)).text();
    expect(mine).toContain('Jalan rusak\uFFFD di\uFFFD Talawi\uFFFD');
    // The request list of the key stays one parseable document with every request in it.
    const list = await (await call(`requests.xml?api_key=${key}&service_request_id=${code}`)).text();
    expect(xmlErrors(list)).toEqual([]);
    expect(list).toContain(code);
  });
});
