// A citizen's data rights (issue 23) in a real browser: registration links the privacy notice,
// whose page shows the data-protection officer; "Data saya" downloads the JSON export with the
// citizen's request and corrects the profile; erasure (password and checkbox) signs the person out
// and their account cannot sign in again.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { gqlAs, useGatewayAndBrowser } from './support.ts';

const e2e = useGatewayAndBrowser();

describe('my data, as a citizen (Bahasa Indonesia)', () => {
  it('reads the privacy notice, exports, corrects and erases the account', async () => {
    const app = await e2e.open('id');
    const { page } = app;
    const email = `data-saya-${Date.now()}@layanan.test`;
    const password = 'sawahlunto-lama-2026';
    await page.goto('/masuk');
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    await page.getByTestId('privacy-consent').getByRole('link', { name: 'Pemberitahuan privasi' }).waitFor();
    await page.getByLabel('Nama').fill('Warga Data Saya');
    await page.getByLabel('Email atau nomor ponsel').fill(email);
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Daftar', exact: true }).last().click();
    await page.getByTestId('signed-in-as').getByText('Warga Data Saya').waitFor();

    const filed = await gqlAs<{ submitServiceRequest: { request: { trackingCode: string } } }>(
      e2e.gateway.url,
      email,
      'mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { ... on ServiceRequestPayload { request { trackingCode } } } }',
      {
        input: {
          serviceCode: 'PBG',
          text: 'Rumah tinggal di Talawi milik Warga Data Saya.',
          attributes: { nik: '1373010101900001', kecamatan: 'TALAWI', luas_bangunan: '60', fungsi: 'HUNIAN' },
        },
      },
    );
    const code = filed.submitServiceRequest.request.trackingCode;

    await page.goto('/privasi');
    await page.getByTestId('dpo').getByText('ppdp@sawahluntokota.go.id').waitFor();

    await page.goto('/data-saya');
    await page.getByRole('heading', { level: 1, name: 'Data saya' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-my-data').click(),
    ]);
    const exported = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
    expect(exported.account.email).toBe(email);
    expect(exported.requests.map((r: { trackingCode: string }) => r.trackingCode)).toEqual([code]);
    expect(exported.privacyConsents).toHaveLength(1);

    await page.getByTestId('profile-form').getByLabel('Nama').fill('Warga Data Dibetulkan');
    await page.getByRole('button', { name: 'Simpan profil' }).click();
    await page.getByText('Profil disimpan.').waitFor();

    await page.getByTestId('erase-form').getByLabel('Kata sandi sekarang').fill(password);
    await page.getByTestId('erase-sure').check();
    await page.getByRole('button', { name: 'Hapus akun saya' }).click();
    await page.getByRole('link', { name: 'Masuk' }).first().waitFor();
    const login = await gqlAs<{ login: { __typename: string } }>(
      e2e.gateway.url,
      null,
      'mutation($i: LoginInput!) { login(input: $i) { __typename } }',
      { i: { identifier: email, password } },
    );
    expect(login.login.__typename).toBe('AuthenticationFailed');
  });
});
