// End to end, triage and the escalation queue (issue 20): a staff member marks a request urgent
// with a reason (the badge shows, the queue's "Mendesak" scope lists it), picks a response template
// into the note for the citizen and edits it before sending; an admin finds the city-wide
// escalation queue; the English page says the same.
import { describe, expect, it } from 'vitest';
import { gqlAs, screenshot, signInAsDemo, useGatewayAndBrowser } from './support.ts';

const e2e = useGatewayAndBrowser({ env: { LAYANAN_RATE_SUBMIT_IP: 'off', LAYANAN_RATE_AUTH_IP: 'off' } });
const open = e2e.open;

async function fileRequest(key: string): Promise<string> {
  const data = await gqlAs<{ submitServiceRequest: { request: { trackingCode: string } } }>(
    e2e.gateway.url,
    'warga@layanan.test',
    `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
      ... on ServiceRequestPayload { request { trackingCode } } } }`,
    {
      input: {
        serviceCode: 'PBG',
        idempotencyKey: key,
        text: `Permohonan PBG rumah tinggal (${key}).`,
        attributes: { nik: '1373010101900001', kecamatan: 'BARANGIN', luas_bangunan: '90', fungsi: 'HUNIAN' },
      },
    },
  );
  return data.submitServiceRequest.request.trackingCode;
}

describe('triage on the staff request page (Bahasa Indonesia)', () => {
  it('marks a request urgent with a reason and picks a response template into the note', async () => {
    const code = await fileRequest('triage-e2e-1');
    await gqlAs(
      e2e.gateway.url,
      'hendra@layanan.test',
      `mutation($input: CreateResponseTemplateInput!) { createResponseTemplate(input: $input) { __typename } }`,
      {
        input: {
          serviceCode: 'PBG',
          state: 'VERIFIED',
          title: 'Berkas lengkap',
          body: 'Berkas permohonan {kode} sudah lengkap dan diverifikasi.',
        },
      },
    );
    const staff = await open('id');
    const { page } = staff;
    await signInAsDemo(page, 'yulia@layanan.test');
    await page.goto(`/staf/permohonan/${code}`);

    // Urgent needs a reason: the form says so, then saves with one.
    const priority = page.getByTestId('priority');
    await priority.getByLabel('Prioritas', { exact: true }).selectOption({ label: 'Mendesak' });
    await priority.getByRole('button', { name: 'Simpan prioritas' }).click();
    await priority.locator('.field.invalid .field-error').first().waitFor();
    await priority.getByLabel('Alasan prioritas').fill('Bangunan tetangga hampir roboh.');
    await priority.getByRole('button', { name: 'Simpan prioritas' }).click();
    await page.getByTestId('priority-badge').getByText('Mendesak').waitFor();

    // The template, filled for this request, goes into the note for the citizen, to be edited.
    const picker = page.getByTestId('template-picker');
    await picker.getByLabel('Templat tanggapan').selectOption({ label: 'Terverifikasi — Berkas lengkap' });
    await picker.getByRole('button', { name: 'Pakai templat' }).click();
    const note = page.getByLabel('Catatan untuk pemohon');
    expect(await note.inputValue()).toBe(`Berkas permohonan ${code} sudah lengkap dan diverifikasi.`);
    await note.fill(`${await note.inputValue()} Silakan tunggu jadwal survei.`);
    await screenshot(page, 'id-staff-triage');

    // The queue's "Mendesak" scope lists it.
    await page.goto('/staf');
    await page.getByRole('button', { name: 'Mendesak', exact: true }).click();
    await page.getByTestId('queue').getByText(code).waitFor();
    expect(staff.consoleErrors).toEqual([]);
  });

  it('an admin opens the city-wide escalation queue; in English too', async () => {
    for (const lang of ['id', 'en'] as const) {
      const admin = await open(lang);
      await signInAsDemo(admin.page, 'admin@layanan.test');
      await admin.page.goto('/staf');
      const name = lang === 'id' ? 'Antrean eskalasi kota' : 'City-wide escalation queue';
      await admin.page.getByRole('button', { name }).click();
      await admin.page.getByTestId('queue-total').waitFor();
      expect(admin.consoleErrors).toEqual([]);
    }
  });
});
