// Issued documents and filing receipts (issue 19 item 5), on PGlite and PostgreSQL: a completed
// permit gets a signed PDF stored by its SHA-256 whose QR code decodes to its verification URL;
// the public verification reports a tampered file and a revoked number; the receipt at filing;
// downloads refused to another citizen and to staff of another unit.
import { createHash } from 'node:crypto';
import { testDatabaseKinds } from '@layanan/db/testing';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { verifyDocumentSignature } from '../../platform/signing/document-signer.js';
import type { AccountName } from '../../testing/accounts.js';
import { moveRequest, PBG_REQUEST, submittedRequest } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';
import { issuedDocumentPdf, receiptPdf, verificationUrl } from './document-pdfs.js';
import { qrPng } from './pdf.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const REQUEST_DOCUMENT = `query($code: String!) { serviceRequest(trackingCode: $code) {
  trackingCode issuedDocument { number status sha256 algorithm keyId signature issuedByName validUntil downloadPath verificationUrl revokedAt revocationReason }
} }`;

const VERIFY = `query($number: String!, $sha256: String) { verifyIssuedDocument(number: $number, sha256: $sha256) {
  number status serviceCode serviceName unitCode unitName issuedOn validUntil revokedOn revocationReason sha256 signature algorithm keyId publicKey signatureValid fileMatches
} }`;

const REVOKE = `mutation($input: RevokeIssuedDocumentInput!) { revokeIssuedDocument(input: $input) {
  __typename
  ... on IssuedDocumentPayload { document { number status revokedAt revocationReason } }
  ... on ValidationError { code fields { field code } }
  ... on ConflictError { code messageId messageEn }
  ... on NotFoundError { code }
} }`;

/** The QR code's text, decoded from the PNG by jsQR (a real decoder, not the payload we passed). */
function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** The text of every page as PDF.js (Mozilla's reader) extracts it: the lines joined by newlines. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) lines.push(item.str);
  }
  await pdf.destroy();
  return lines.join('\n');
}

describe('document PDFs', () => {
  it('are deterministic given their inputs, and their QR code decodes to the verification URL', async () => {
    const input = {
      number: 'DPMPTSP/PBG/000007/2026',
      template: {
        title: 'PERSETUJUAN BANGUNAN GEDUNG',
        lines: ['Nama: {{applicant}}'],
        validityMonths: null,
      },
      values: { applicant: 'Budi' },
      trackingCode: 'SWL-2026-000001',
      serviceName: 'PBG',
      unitName: 'DPMPTSP',
      officerName: 'Yulia',
      issuedAt: new Date('2026-12-01T03:00:00Z'),
      validUntil: null,
      publicUrl: 'https://layanan.sawahluntokota.go.id/',
    };
    const first = await issuedDocumentPdf(input);
    const second = await issuedDocumentPdf(input);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(first)).toBe(sha256(second));
    const url = verificationUrl(input.publicUrl, input.number);
    expect(url).toBe('https://layanan.sawahluntokota.go.id/verifikasi/DPMPTSP/PBG/000007/2026');
    expect(decodeQr(await qrPng(url))).toBe(url);
    // Another input, another file.
    expect(sha256(await issuedDocumentPdf({ ...input, officerName: 'Dewi' }))).not.toBe(sha256(first));
  });

  // pdfkit's built-in fonts (Helvetica) encode WinAnsi only: these names used to come out garbled.
  it('print names outside Latin-1 as written, with an embedded Unicode font, deterministically', async () => {
    const applicant = 'Nguyễn Thị Ṣāliḥ';
    const input = {
      number: 'DPMPTSP/SIUP/000003/2026',
      template: {
        title: 'SURAT IZIN USAHA',
        lines: ['Nama: {{applicant}}', 'Alamat: {{address}}'],
        validityMonths: 12,
      },
      values: { applicant, address: 'Jl. Łódź № 5 — Ελληνικά, Кириллица' },
      trackingCode: 'SWL-2026-000003',
      serviceName: 'Izin Usaha — perdagangan ₹',
      unitName: 'DPMPTSP',
      officerName: 'Dương Văn Đức',
      issuedAt: new Date('2026-12-01T03:00:00Z'),
      validUntil: '2027-12-01',
      publicUrl: 'https://layanan.sawahluntokota.go.id',
    };
    const first = await issuedDocumentPdf(input);
    expect(sha256(await issuedDocumentPdf(input))).toBe(sha256(first));
    const text = (await pdfText(first)).normalize('NFC');
    expect(text).toContain(`Nama: ${applicant}`);
    expect(text).toContain('Dương Văn Đức');
    expect(text).toContain('Alamat: Jl. Łódź № 5 — Ελληνικά, Кириллица');
    expect(text).toContain('Izin Usaha — perdagangan ₹');
    // Every font in the file is embedded DejaVu Sans; no standard (Latin-1) font is left.
    const fonts = [...first.toString('latin1').matchAll(/\/BaseFont \/([A-Za-z+-]+)/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold|Mono)?$/);

    const receiptInput = {
      trackingCode: 'SWL-2026-000004',
      serviceName: 'Pendaftaran Ṣāliḥ Ưu tiên',
      unitName: 'Dinas Ức — Łąka',
      submittedAt: new Date('2026-12-01T02:00:00Z'),
      completionDays: 5,
      verificationDueOn: '2026-12-03',
      publicUrl: 'https://layanan.sawahluntokota.go.id',
    };
    const receipt = await receiptPdf(receiptInput);
    expect(sha256(await receiptPdf(receiptInput))).toBe(sha256(receipt));
    const receiptText = (await pdfText(receipt)).normalize('NFC');
    expect(receiptText).toContain('Pendaftaran Ṣāliḥ Ưu tiên');
    expect(receiptText).toContain('Dinas Ức — Łąka');
  });
});

describe.each(testDatabaseKinds())('issued documents on %s', (kind) => {
  const { h, t } = useHarness(kind, {
    login: ['warga', 'warga2', 'yulia', 'hendra', 'dewi', 'admin'] as AccountName[],
  });
  const download = (path: string, token?: string) =>
    h.gateway.fetch(`http://layanan.test${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  let number = '';
  let pdf = Buffer.alloc(0);
  let code = '';

  it('gives a receipt at filing to the citizen and the unit, and to nobody else', async () => {
    const request = await submittedRequest(h, { ...PBG_REQUEST, idempotencyKey: 'doc-1' }, t.warga);
    code = request.trackingCode;
    const path = `/documents/receipt.pdf?code=${encodeURIComponent(code.toLowerCase())}`;
    const mine = await download(path, t.warga);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('content-disposition')).toContain(`tanda-terima-${code}.pdf`);
    const bytes = Buffer.from(await mine.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The same receipt every time (made from the stored request).
    expect(sha256(Buffer.from(await (await download(path, t.yulia)).arrayBuffer()))).toBe(sha256(bytes));
    expect((await download(path, t.admin)).status).toBe(200);
    expect((await download(path, t.warga2)).status).toBe(404);
    expect((await download(path, t.dewi)).status).toBe(403);
    expect((await download(path)).status).toBe(401);
    const bad = await download('/documents/receipt.pdf?code=nope', t.warga);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'TRACKING_CODE_INVALID' });
  });

  it('issues a signed PDF when a permit is completed, stored by its SHA-256', async () => {
    // A holder's name outside Latin-1, printed as written (the embedded Unicode font).
    const renamed = await h.gql(
      `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { __typename
        ... on UpdateProfilePayload { account { displayName } } } }`,
      { input: { displayName: 'Nguyễn Thị Ṣāliḥ' } },
      { token: t.warga },
    );
    expect(renamed.body.data?.updateProfile.account.displayName).toBe('Nguyễn Thị Ṣāliḥ');
    await moveRequest(h, code, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.yulia);
    const found = await h.gql(REQUEST_DOCUMENT, { code }, { token: t.warga });
    const document = found.body.data?.serviceRequest.issuedDocument;
    expect(document).toMatchObject({
      status: 'CURRENT',
      algorithm: 'Ed25519',
      keyId: h.signer.keyId,
      validUntil: null,
    });
    expect(document.number).toMatch(/^DPMPTSP\/PBG\/\d{6}\/\d{4}$/);
    expect(document.issuedByName).not.toBe('');
    number = document.number;
    expect(document.verificationUrl).toBe(verificationUrl(h.config.mail.publicUrl, number));

    const response = await download(document.downloadPath, t.warga);
    expect(response.status).toBe(200);
    pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(pdf)).toBe(document.sha256);
    expect((await pdfText(pdf)).normalize('NFC')).toContain('Nguyễn Thị Ṣāliḥ');
    expect(await h.storage.has(document.sha256)).toBe(true);
    // The signature verifies with the signer's public key, and not for another hash.
    expect(
      verifyDocumentSignature({
        sha256: sha256(pdf),
        signature: document.signature,
        publicKey: h.signer.publicKey,
        algorithm: 'Ed25519',
      }),
    ).toBe(true);
    expect(
      verifyDocumentSignature({
        sha256: sha256(Buffer.from('x')),
        signature: document.signature,
        publicKey: h.signer.publicKey,
        algorithm: 'Ed25519',
      }),
    ).toBe(false);
    // Staff of the unit may download it; another citizen, staff of another unit and nobody may not.
    expect((await download(document.downloadPath, t.yulia)).status).toBe(200);
    expect((await download(document.downloadPath, t.warga2)).status).toBe(404);
    expect((await download(document.downloadPath, t.dewi)).status).toBe(403);
    expect((await download(document.downloadPath)).status).toBe(401);
    // One audit entry for the issue.
    const audits = await h.db.prisma.auditEntry.count({ where: { action: 'issueDocument' } });
    expect(audits).toBe(1);
  });

  it('verifies publicly: the document as issued matches, a changed one does not, and no personal data is shown', async () => {
    const verified = await h.gql(VERIFY, { number: number.toLowerCase(), sha256: sha256(pdf) });
    const view = verified.body.data?.verifyIssuedDocument;
    expect(view).toMatchObject({
      number,
      status: 'CURRENT',
      serviceCode: 'PBG',
      unitCode: 'DPMPTSP',
      sha256: sha256(pdf),
      keyId: h.signer.keyId,
      publicKey: h.signer.publicKey,
      signatureValid: true,
      fileMatches: true,
      revokedOn: null,
    });
    const text = JSON.stringify(view);
    for (const personal of [PBG_REQUEST.attributes.nik, 'Warga', code]) expect(text).not.toContain(personal);

    const tampered = Buffer.from(pdf);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = (tampered[middle] ?? 0) ^ 0x01;
    const changed = await h.gql(VERIFY, { number, sha256: sha256(tampered) });
    expect(changed.body.data?.verifyIssuedDocument).toMatchObject({ status: 'CURRENT', fileMatches: false });
    expect((await h.gql(VERIFY, { number })).body.data?.verifyIssuedDocument.fileMatches).toBeNull();
    expect(
      (await h.gql(VERIFY, { number: 'DPMPTSP/PBG/999999/2026' })).body.data?.verifyIssuedDocument,
    ).toBeNull();
    expect((await h.gql(VERIFY, { number: '../../etc' })).body.data?.verifyIssuedDocument).toBeNull();
  });

  it('is revoked by the unit’s supervisor once, with a reason shown publicly', async () => {
    const staff = await h.gql(REVOKE, { input: { number, reason: 'Data tanah keliru' } }, { token: t.yulia });
    expect(staff.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const citizen = await h.gql(
      REVOKE,
      { input: { number, reason: 'Data tanah keliru' } },
      { token: t.warga },
    );
    expect(citizen.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const short = await h.gql(REVOKE, { input: { number, reason: 'x' } }, { token: t.hendra });
    expect(short.body.data?.revokeIssuedDocument).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ field: 'reason', code: 'TOO_SHORT' }],
    });
    const revoked = await h.gql(
      REVOKE,
      { input: { number, reason: 'Data tanah keliru' } },
      { token: t.hendra },
    );
    expect(revoked.body.data?.revokeIssuedDocument).toMatchObject({
      __typename: 'IssuedDocumentPayload',
      document: { number, status: 'REVOKED', revocationReason: 'Data tanah keliru' },
    });
    const again = await h.gql(REVOKE, { input: { number, reason: 'Sekali lagi' } }, { token: t.admin });
    expect(again.body.data?.revokeIssuedDocument).toMatchObject({
      __typename: 'ConflictError',
      code: 'DOCUMENT_ALREADY_REVOKED',
    });
    const view = (await h.gql(VERIFY, { number, sha256: sha256(pdf) })).body.data?.verifyIssuedDocument;
    expect(view).toMatchObject({
      status: 'REVOKED',
      revocationReason: 'Data tanah keliru',
      fileMatches: true,
    });
    expect(view.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await h.db.prisma.auditEntry.count({ where: { action: 'revokeIssuedDocument' } })).toBe(1);
  });

  it('issues nothing for a complaint, and numbers the next permit of the unit and year in sequence', async () => {
    const complaint = await submittedRequest(
      h,
      {
        serviceCode: 'PENGADUAN-JALAN',
        text: 'Jalan berlubang di depan pasar.',
        attributes: { kecamatan: 'TALAWI', lokasi: 'Depan pasar Talawi', jenis_kerusakan: 'JALAN_BERLUBANG' },
      },
      t.warga,
    );
    await moveRequest(h, complaint.trackingCode, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.admin);
    const none = await h.gql(REQUEST_DOCUMENT, { code: complaint.trackingCode }, { token: t.warga });
    expect(none.body.data?.serviceRequest.issuedDocument).toBeNull();

    const next = await submittedRequest(h, { ...PBG_REQUEST, idempotencyKey: 'doc-2' }, t.warga2);
    await moveRequest(h, next.trackingCode, ['VERIFIED', 'IN_PROGRESS', 'COMPLETED'], t.hendra);
    const found = await h.gql(REQUEST_DOCUMENT, { code: next.trackingCode }, { token: t.warga2 });
    const second = found.body.data?.serviceRequest.issuedDocument;
    const sequence = (n: string) => Number(n.split('/')[2]);
    expect(sequence(second.number)).toBe(sequence(number) + 1);
  });
});
