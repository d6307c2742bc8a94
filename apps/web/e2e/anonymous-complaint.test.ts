// An anonymous complaint in a real browser (issue 20 item 1; SP4N-LAPOR! Anonim, Perpres 76/2013
// art. 4): a citizen who is not signed in files a road complaint anonymously, gets the tracking
// code and the secret once, the city completes it, and the reporter contests the completion on
// /pengaduan-anonim with the code and the secret; the code without the secret is refused.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppPage,
  gqlAs,
  launchBrowser,
  openApp,
  type RunningGateway,
  screenshot,
  startGateway,
} from './support.ts';

let gateway: RunningGateway;
let browser: Browser;
let app: AppPage | undefined;

beforeAll(async () => {
  [gateway, browser] = await Promise.all([startGateway(), launchBrowser()]);
});

afterAll(async () => {
  await app?.context.close().catch(() => {});
  await browser?.close();
  await gateway?.stop();
});

const TRANSITION = `mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) {
  __typename ... on ServiceRequestPayload { request { version state } } } }`;

describe('an anonymous complaint, signed out', () => {
  it('files, shows the code and secret once, and contests the completion with both', async () => {
    app = await openApp(browser, gateway.url, 'id');
    const { page } = app;
    await page.goto('/layanan/PENGADUAN-JALAN');
    const privacy = page.getByTestId('reporter-privacy');
    // Without an account only the anonymous choice is open, each choice explained.
    await expect(privacy.getByRole('radio', { name: /Anonim/ }).isChecked()).resolves.toBe(true);
    await expect(privacy.getByRole('radio', { name: /Rahasia/ }).isDisabled()).resolves.toBe(true);
    await privacy.getByText(/Tidak ada identitas yang disimpan/).waitFor();
    await page.getByLabel('Kecamatan').selectOption('TALAWI');
    await page.getByLabel('Lokasi (alamat atau patokan)').fill('Simpang pasar Talawi');
    await page.getByLabel('Jenis kerusakan').selectOption('DRAINASE');
    await page.getByLabel('Uraian permohonan').fill('Drainase tersumbat, air meluap ke jalan setiap hujan.');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    const filed = page.getByTestId('anonymous-filed');
    await filed.getByText(/hanya ditampilkan sekali ini/).waitFor();
    const code = (await filed.getByTestId('tracking-code').textContent()) ?? '';
    const secret = (await filed.getByTestId('anonymous-secret').textContent()) ?? '';
    expect(code).toMatch(/^SWL-\d{4}-\d{6}$/);
    expect(secret).toMatch(/^([A-Z2-9]{4}-){5}[A-Z2-9]{4}$/);
    await screenshot(page, 'id-anonymous-filed');

    // The city handles and completes it (as the admin, over GraphQL).
    let version = 1;
    for (const to of ['VERIFIED', 'IN_PROGRESS', 'COMPLETED']) {
      const moved = await gqlAs<{ transitionServiceRequest: { request: { version: number } } }>(
        gateway.url,
        'admin@layanan.test',
        TRANSITION,
        {
          input: {
            trackingCode: code,
            to,
            expectedVersion: version,
            publicNote: 'Saluran sudah dibersihkan.',
          },
        },
      );
      version = moved.transitionServiceRequest.request.version;
    }

    // The code alone is refused; with the secret the reporter sees the outcome and contests it.
    await filed.getByRole('link', { name: 'Ikuti pengaduan anonim' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengaduan anonim' }).waitFor();
    await page.getByLabel('Kode pelacakan').fill(code);
    await page.getByRole('button', { name: 'Buka pengaduan' }).click();
    await page.getByTestId('anonymous-refused').waitFor();
    await expect(page.getByTestId('anonymous-complaint').count()).resolves.toBe(0);
    await page.getByLabel('Kode rahasia').fill(secret.toLowerCase());
    await page.getByRole('button', { name: 'Buka pengaduan' }).click();
    const complaint = page.getByTestId('anonymous-complaint');
    await expect(complaint.getByTestId('anonymous-state').textContent()).resolves.toBe('Selesai');
    await complaint.getByLabel('Alasan sanggahan').fill('Air masih meluap saat hujan kemarin sore.');
    await complaint.getByRole('button', { name: 'Sanggah penyelesaian' }).click();
    await complaint.getByTestId('anonymous-state').getByText('Diproses').waitFor();
    await complaint.getByText('Air masih meluap saat hujan kemarin sore.').waitFor();
    await screenshot(page, 'id-anonymous-contested');
    expect(app.consoleErrors).toEqual([]);
  });
});
