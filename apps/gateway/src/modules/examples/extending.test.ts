// docs/extending.md, tested: the GraphQL in its marked code blocks runs as written, so the guide
// cannot drift from what works. Also the example module's own rules (who may publish, bad input).
import { readFileSync } from 'node:fs';
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../../testing/use-harness.js';

const DOC = readFileSync(new URL('../../../../../docs/extending.md', import.meta.url), 'utf8');

/** The fenced block right after `<!-- doc-test: NAME -->`. */
function block(name: string): string {
  const m = new RegExp(`<!-- doc-test: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(DOC);
  if (!m?.[1]) throw new Error(`docs/extending.md has no doc-test block "${name}"`);
  return m[1];
}

describe('docs/extending.md', () => {
  it('marks every runnable block, and the README links the guide', () => {
    const marked = [...DOC.matchAll(/^<!-- doc-test: ([\w-]+) -->$/gm)].map((m) => m[1]);
    expect(marked).toEqual([
      'create-service',
      'create-service-variables',
      'submit-request',
      'publish-notice',
      'read-notices',
    ]);
    const readme = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('docs/extending.md');
  });
});

describe.each(testDatabaseKinds())('extension examples on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['admin', 'yulia', 'dewi'] });

  it('example 1: adds Izin Keramaian as data, and a citizen applies for it', async () => {
    const variables = JSON.parse(block('create-service-variables'));
    const created = await h.gql(block('create-service'), variables, { token: t.admin });
    expect(created.body.errors).toBeUndefined();
    const r = created.body.data.createService;
    expect(r.__typename).toBe('ServiceVersionPayload');
    expect(r.service).toEqual({ code: 'IZIN-KERAMAIAN', completionDays: 3, costIdr: 0 });
    expect(r.version.attributes.map((a: any) => `${a.code}:${a.datatype}`)).toEqual([
      'nama_kegiatan:string',
      'jenis_kegiatan:singlevaluelist',
      'tanggal_kegiatan:datetime',
      'jumlah_peserta:number',
      'lokasi:text',
    ]);

    const citizen = await h.login('warga@layanan.test');
    const submitted = await h.gql(block('submit-request'), {}, { token: citizen });
    expect(submitted.body.errors).toBeUndefined();
    const s = submitted.body.data.submitServiceRequest;
    expect(s.__typename).toBe('ServiceRequestPayload');
    expect(s.request.state).toBe('SUBMITTED');
    expect(s.request.assignee).not.toBeNull();
    // The same mutation again (a retry) is the same request: the doc's idempotency key.
    const again = await h.gql(block('submit-request'), {}, { token: citizen });
    expect(again.body.data.submitServiceRequest.request.trackingCode).toBe(s.request.trackingCode);

    // Other systems see it too: the Open311 service definition has its five attributes.
    const def = (await (
      await h.gateway.fetch('http://layanan.test/open311/v2/services/IZIN-KERAMAIAN.json')
    ).json()) as any;
    expect(def.attributes.map((a: any) => a.code)).toEqual(
      variables.input.attributes.map((a: any) => a.code),
    );

    // A wrong value is refused against the attribute definitions, in both languages.
    const bad = await h.gql(
      block('submit-request')
        .replace('jumlah_peserta: 300', 'jumlah_peserta: 0')
        .replace('keramaian-2026-12-warga-1', 'x'),
      {},
      { token: citizen },
    );
    expect(bad.body.data.submitServiceRequest.fields.map((f: any) => f.field)).toEqual([
      'attributes.jumlah_peserta',
    ]);
  });

  it('example 2: staff publish a public notice, anyone reads it', async () => {
    const published = await h.gql(block('publish-notice'), {}, { token: t.yulia });
    expect(published.body.errors).toBeUndefined();
    const p = published.body.data.publishPublicNotice;
    expect(p.__typename).toBe('PublicNoticePayload');
    expect(p.notice).toMatchObject({ unitCode: 'DPMPTSP', title: 'Layanan loket tutup 24 Desember' });

    const read = await h.gql(block('read-notices'));
    expect(read.body.data.publicNotices).toHaveLength(1);
    expect(read.body.data.publicNotices[0].title).toBe('Layanan loket tutup 24 Desember');
    const audit = await h.db.prisma.auditEntry.findFirst({ where: { action: 'publishPublicNotice' } });
    expect(audit?.actorKind).toBe('STAFF');
  });

  it('example 2: refuses other units’ staff, citizens, unknown units and empty or long text', async () => {
    const other = await h.gql(block('publish-notice'), {}, { token: t.dewi });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const citizen = await h.login('warga2@layanan.test');
    const byCitizen = await h.gql(block('publish-notice'), {}, { token: citizen });
    expect(byCitizen.body.data?.publishPublicNotice ?? null).toBeNull();
    expect(byCitizen.body.errors).toBeDefined();

    const unknown = await h.gql(
      block('publish-notice').replace('"DPMPTSP"', '"TIDAK-ADA"'),
      {},
      { token: t.admin },
    );
    expect(unknown.body.data.publishPublicNotice.__typename).toBe('NotFoundError');

    const invalid = await h.gql(
      block('publish-notice')
        .replace('"Layanan loket tutup 24 Desember"', '"  "')
        .replace(/body: "[^"]*"/, `body: "${'x'.repeat(5001)}"`),
      {},
      { token: t.yulia, lang: 'en' },
    );
    const v = invalid.body.data.publishPublicNotice;
    expect(v.__typename).toBe('ValidationError');
    expect(v.fields.map((f: any) => `${f.field}:${f.code}`)).toEqual(['title:REQUIRED', 'body:TOO_LONG']);
    // Only DPMPTSP's one notice exists; nothing was written by the refused attempts.
    expect(await h.db.prisma.publicNotice.count()).toBe(1);
  });
});
