// An anonymous complaint in a real browser (issue 20 items 1 and 4; SP4N-LAPOR! Anonim, Perpres
// 76/2013 art. 4): a citizen who is not signed in files a road complaint anonymously with the
// photo-free form, gets the tracking code and the secret once; the city's complaint coordinator
// transfers it (disposisi) on the staff desk to a complaint service of another unit with a
// reason; that unit's staff complete it; the reporter contests the completion on
// /pengaduan-anonim with the code and the secret; the code without the secret is refused.
import { describe, expect, it } from 'vitest';
import { gqlAs, screenshot, signInAsDemo, useGatewayAndBrowser } from './support.ts';

const e2e = useGatewayAndBrowser();

const TRANSITION = `mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) {
  __typename ... on ServiceRequestPayload { request { version state } } } }`;
const ROAD_STANDARD = `{ service(code: "PENGADUAN-JALAN") { currentVersion { standard } } }`;
const CREATE_SERVICE = `mutation($input: CreateServiceInput!) { createService(input: $input) { __typename } }`;
const REQUEST = `query($c: String!) { serviceRequest(trackingCode: $c) {
  version state unit { code } service { code } events { kind publicNote } } }`;

/** A published complaint service of DPMPTSP, the unit the complaint is transferred to. */
async function permitComplaintService(url: string): Promise<void> {
  const road = await gqlAs<{ service: { currentVersion: { standard: unknown } } }>(
    url,
    'admin@layanan.test',
    ROAD_STANDARD,
    {},
  );
  const created = await gqlAs<{ createService: { __typename: string } }>(
    url,
    'admin@layanan.test',
    CREATE_SERVICE,
    {
      input: {
        code: 'PENGADUAN-PERIZINAN',
        unitCode: 'DPMPTSP',
        kind: 'COMPLAINT',
        nameId: 'Pengaduan Layanan Perizinan',
        nameEn: 'Permit service complaint',
        description: 'Pengaduan tentang layanan perizinan.',
        standard: road.service.currentVersion.standard,
        attributes: [],
        published: true,
      },
    },
  );
  expect(created.createService.__typename).toBe('ServiceVersionPayload');
}

describe('an anonymous complaint, signed out', () => {
  it('files, shows the code and secret once, is transferred to another unit, and contests the completion with both', async () => {
    const app = await e2e.open('id');
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

    // The city's complaint coordinator (the admin) transfers it on the staff desk to the permit
    // complaints of DPMPTSP, with a reason the reporter sees.
    await permitComplaintService(e2e.gateway.url);
    const staff = await e2e.open('id');
    await signInAsDemo(staff.page, 'admin@layanan.test');
    await staff.page.goto(`/staf/permohonan/${code}`);
    const transfer = staff.page.getByTestId('transfer');
    await transfer.getByLabel('Layanan tujuan').selectOption('PENGADUAN-PERIZINAN');
    const why = 'Saluran ini di halaman kantor perizinan; ditangani DPMPTSP.';
    await transfer.getByLabel('Alasan (dilihat pelapor)').fill(why);
    await transfer.getByRole('button', { name: 'Disposisikan' }).click();
    await transfer.getByText(/Permohonan didisposisikan ke/).waitFor();
    await screenshot(staff.page, 'id-anonymous-transferred');
    expect(staff.consoleErrors).toEqual([]);
    type Read = {
      serviceRequest: {
        version: number;
        unit: { code: string };
        service: { code: string };
        events: { kind: string; publicNote: string | null }[];
      };
    };
    const moved = await gqlAs<Read>(e2e.gateway.url, 'yulia@layanan.test', REQUEST, { c: code });
    expect(moved.serviceRequest).toMatchObject({
      unit: { code: 'DPMPTSP' },
      service: { code: 'PENGADUAN-PERIZINAN' },
    });
    expect(moved.serviceRequest.events.at(-1)).toEqual({ kind: 'TRANSFERRED', publicNote: why });

    // The new unit's staff (Yulia, DPMPTSP) handle and complete it.
    let version = moved.serviceRequest.version;
    for (const to of ['VERIFIED', 'IN_PROGRESS', 'COMPLETED']) {
      const done = await gqlAs<{ transitionServiceRequest: { request: { version: number } } }>(
        e2e.gateway.url,
        'yulia@layanan.test',
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
      version = done.transitionServiceRequest.request.version;
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
    // The transfer's reason is in the reporter's trail.
    await complaint.getByText(why).waitFor();
    await screenshot(page, 'id-anonymous-contested');
    expect(app.consoleErrors).toEqual([]);
  });
});
