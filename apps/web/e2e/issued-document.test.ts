// End to end, in a real browser (issue 19): a citizen files PBG with its documents; staff accept
// each document, verify, process and complete it; the citizen downloads the filing receipt and the
// issued PDF from the request page. The test reads the PDF as anyone would (PDF.js for the text,
// jsQR on the embedded QR image), opens the QR's URL — the public verification page says the
// document is current — checks the downloaded file there (it matches; a copy with one byte changed
// does not), and after the unit's supervisor revokes it with a reason the page says so.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './axe.ts';
import { readPdf } from './pdf.ts';
import {
  type AppPage,
  acceptPbgDocuments,
  attachPbgDocuments,
  screenshot,
  signInAsDemo,
  useGatewayAndBrowser,
} from './support.ts';

const e2e = useGatewayAndBrowser();
const open = e2e.open;

/** Clicks a download button and answers the saved file's name and bytes. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** The PDF bytes as a file chosen in the page's file input. */
const asUpload = (name: string, bytes: Buffer) => ({ name, mimeType: 'application/pdf', buffer: bytes });

async function expectNoSeriousViolations(page: Page, route: string) {
  const violations = await seriousViolations(page);
  expect(violations, describeViolations(route, '1280', violations)).toEqual([]);
}

describe('a permit from filing to its issued document, checked by its QR code (Bahasa Indonesia)', () => {
  let citizen: AppPage;
  let staff: AppPage;
  let trackingCode = '';
  let number = '';
  let issued: Buffer;
  let qrUrl = '';

  it('the citizen files PBG with a PDF in each required slot and downloads the receipt', async () => {
    citizen = await open('id');
    const { page } = citizen;
    await signInAsDemo(page, 'warga@layanan.test');
    await page.goto('/layanan/PBG');
    await page.getByLabel('NIK pemohon').fill('1373010101900001');
    await page.getByLabel('Kecamatan').selectOption('BARANGIN');
    await page.getByLabel('Luas bangunan').fill('90');
    await page.getByLabel('Fungsi bangunan').selectOption('HUNIAN');
    await page.getByLabel('Uraian permohonan').fill('Membangun rumah tinggal satu lantai di Barangin.');
    await attachPbgDocuments(page, 'issued-document');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.getByTestId('tracking-code').waitFor();
    trackingCode = (await page.getByTestId('tracking-code').textContent()) ?? '';
    expect(trackingCode).toMatch(/^SWL-\d{4}-\d{6}$/);

    await page.getByRole('link', { name: 'Pantau permohonan ini' }).click();
    await page.getByTestId('request-state').getByText('Diajukan').waitFor();
    await page.getByTestId('documents').getByText('Dokumen hasil layanan terbit setelah').waitFor();
    const receipt = await download(page, 'download-receipt');
    expect(receipt.name).toMatch(/\.pdf$/);
    expect(receipt.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = await readPdf(receipt.bytes);
    expect(read.text).toContain(trackingCode);
    // The receipt's QR code leads to the tracking page of this request.
    expect(read.qrCodes).toHaveLength(1);
    expect(read.qrCodes[0]).toMatch(new RegExp(`/lacak\\?kode=${trackingCode}$`));
    expect(citizen.consoleErrors).toEqual([]);
  });

  it('staff accept each document, verify, process and complete it; a document is issued', async () => {
    staff = await open('id');
    await signInAsDemo(staff.page, 'yulia@layanan.test');
    await staff.page.goto(`/staf/permohonan/${trackingCode}`);
    await acceptPbgDocuments(staff.page);
    await staff.page.getByRole('button', { name: 'Verifikasi' }).click();
    await staff.page.getByTestId('request-state').getByText('Terverifikasi').waitFor();
    await staff.page.getByRole('button', { name: 'Proses' }).click();
    await staff.page.getByTestId('request-state').getByText('Diproses').waitFor();
    await staff.page.getByRole('button', { name: 'Selesaikan' }).click();
    await staff.page.getByTestId('confirm-dialog').getByRole('button', { name: 'Selesaikan' }).click();
    await staff.page.getByTestId('request-state').getByText('Selesai').waitFor();
    await staff.page.getByTestId('document-number').waitFor();
    number = (await staff.page.getByTestId('document-number').textContent()) ?? '';
    expect(number).not.toBe('');
    await screenshot(staff.page, 'id-staff-issued-document');
    expect(staff.consoleErrors).toEqual([]);
  });

  it('the citizen downloads the issued PDF; its QR code and printed link are the verification URL', async () => {
    const { page } = citizen;
    // The request page follows the completion live and then shows the issued document.
    await page.getByTestId('request-state').getByText('Selesai').waitFor();
    await page.getByTestId('document-number').getByText(number).waitFor();
    await page.getByTestId('documents').getByText('Berlaku').waitFor();
    const file = await download(page, 'download-document');
    expect(file.name).toMatch(/\.pdf$/);
    issued = file.bytes;
    expect(issued.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read = await readPdf(issued);
    expect(read.text).toContain(number);
    expect(read.qrCodes).toHaveLength(1);
    qrUrl = read.qrCodes[0] ?? '';
    // LAYANAN_PUBLIC_URL is unset here, so the gateway's default base (localhost and its port).
    const expected = `http://localhost:${e2e.gateway.port}/verifikasi/${number.split('/').map(encodeURIComponent).join('/')}`;
    expect(qrUrl).toBe(expected);
    // The URL printed beside the QR code, for those who cannot scan it, is the same.
    expect(read.text.split('\n')).toContain(qrUrl);
    await screenshot(page, 'id-citizen-issued-document');
    expect(citizen.consoleErrors).toEqual([]);
  });

  it('the QR code’s URL opens the verification page: current, and the held file matches; one changed byte does not', async () => {
    const visitor = await open('id');
    const { page } = visitor;
    await page.goto(qrUrl);
    const verification = page.getByTestId('verification');
    await verification.getByRole('heading', { name: number }).waitFor();
    expect(await page.getByTestId('verification-status').textContent()).toBe('Berlaku');
    await verification.getByText('tanda tangan sah').waitFor();
    await page
      .getByText('Ini bukan tanda tangan elektronik tersertifikasi (TTE)', { exact: false })
      .waitFor();
    await expectNoSeriousViolations(page, '/verifikasi/<nomor>');

    await page.getByTestId('verify-file').setInputFiles(asUpload('dokumen.pdf', issued));
    await page.getByTestId('file-verdict').getByText('dokumen.pdf sama persis').waitFor();
    await screenshot(page, 'id-verify-match');
    await expectNoSeriousViolations(page, '/verifikasi/<nomor> (file matches)');

    const tampered = Buffer.from(issued);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = tampered[middle]! ^ 0x01;
    await page.getByTestId('verify-file').setInputFiles(asUpload('diubah.pdf', tampered));
    await page.getByTestId('file-verdict').getByText('diubah.pdf TIDAK sama').waitFor();
    await screenshot(page, 'id-verify-tampered');
    await expectNoSeriousViolations(page, '/verifikasi/<nomor> (file differs)');
    expect(visitor.consoleErrors).toEqual([]);
  });

  it('the unit’s supervisor revokes it with a reason; the verification page says revoked', async () => {
    const supervisor = await open('id');
    await signInAsDemo(supervisor.page, 'hendra@layanan.test');
    await supervisor.page.goto(`/staf/permohonan/${trackingCode}`);
    const documents = supervisor.page.getByTestId('documents');
    await documents.getByTestId('document-number').waitFor();
    const reason = 'Diterbitkan untuk lokasi yang salah; diganti dengan dokumen baru.';
    await documents.getByLabel('Alasan pencabutan').fill(reason);
    await documents.getByRole('button', { name: 'Cabut dokumen' }).click();
    await documents.getByText('Dicabut').waitFor();
    // Only a current document can be revoked: the form is gone.
    expect(await documents.getByRole('button', { name: 'Cabut dokumen' }).count()).toBe(0);

    const visitor = await open('id');
    const { page } = visitor;
    await page.goto(new URL(qrUrl).pathname);
    await page.getByTestId('verification').waitFor();
    expect(await page.getByTestId('verification-status').textContent()).toMatch(/^Dicabut · dicabut /);
    await page.getByTestId('verification').getByText(reason).waitFor();
    // The file still is the one issued; it is the status that says it no longer holds.
    await page.getByTestId('verify-file').setInputFiles(asUpload('dokumen.pdf', issued));
    await page.getByTestId('file-verdict').getByText('dokumen.pdf sama persis').waitFor();
    await screenshot(page, 'id-verify-revoked');
    await expectNoSeriousViolations(page, '/verifikasi/<nomor> (revoked)');
    expect(supervisor.consoleErrors).toEqual([]);
    expect(visitor.consoleErrors).toEqual([]);
  });
});
