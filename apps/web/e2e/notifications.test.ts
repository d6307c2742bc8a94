// Issue 18 in a real browser: a new citizen sees the verification banner and verifies the address
// by the link mailed to them; "Lupa kata sandi" mails a reset link that sets a new password; the
// feed shows each step of a request, for the citizen and for staff, each with a link to its page.
// The gateway writes its mail as .eml files into a directory of this test, read back here.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  filePbgWithDocuments,
  gqlAs,
  registerInBrowser,
  screenshot,
  signInAsDemo,
  signInWithPassword,
  useGatewayAndBrowser,
} from './support.ts';

const mailDir = mkdtempSync(join(tmpdir(), 'layanan-e2e-mail-'));
const e2e = useGatewayAndBrowser({
  env: { LAYANAN_MAIL_DIR: mailDir, LAYANAN_MAIL_INTERVAL_MS: '200' },
  cleanup: () => rmSync(mailDir, { recursive: true, force: true }),
});
const open = e2e.open;

/** The path and query of the `path?token=…` link in the e-mail to `to` (waits for the outbox). */
async function mailedLink(to: string, path: string): Promise<string> {
  const pattern = new RegExp(`${path}\\?token=[A-Za-z0-9_-]+`);
  for (let i = 0; i < 100; i++) {
    for (const name of readdirSync(mailDir).filter((f) => f.endsWith('.eml'))) {
      // Quoted-printable: soft line breaks and `=3D` for `=`.
      const text = readFileSync(join(mailDir, name), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=');
      const found = pattern.exec(text);
      if (new RegExp(`^To: ${to}$`, 'm').test(text) && found) return found[0];
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} with ${path}`);
}

describe('e-mail verification and "Lupa kata sandi" (Bahasa Indonesia)', () => {
  it('verifies the address from the banner’s e-mail, and resets a forgotten password by its link', async () => {
    const app = await open('id');
    const { page } = app;
    const email = `lupa-${Date.now()}@layanan.test`;
    const account = { name: 'Warga Lupa Sandi', email, password: 'sawahlunto-lama-2026' };
    await registerInBrowser(page, account);
    const banner = page.getByTestId('verify-banner');
    await banner.getByText(email).waitFor();
    await screenshot(page, 'id-verify-banner');

    await page.goto(await mailedLink(email, '/verifikasi-email'));
    await page.getByTestId('email-verified').waitFor();
    await page.goto('/');
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('verify-banner').count()).toBe(0);

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.goto('/masuk');
    await page.getByTestId('forgot-password-link').click();
    await page.getByRole('heading', { name: 'Lupa kata sandi' }).waitFor();
    const form = page.getByTestId('forgot-password');
    // The same answer for an address without an account: nothing is revealed.
    await form.getByLabel('Email').fill('tidak-ada-akun@layanan.test');
    await form.getByRole('button', { name: 'Kirim tautan' }).click();
    const unknown = await page.getByTestId('reset-requested').textContent();
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="reset-requested"]') !== null);
    expect(await page.getByTestId('reset-requested').textContent()).toBe(unknown);

    await page.goto(await mailedLink(email, '/atur-sandi'));
    const reset = page.getByTestId('reset-password');
    await reset.getByLabel(/^Kata sandi baru/).fill('sawahlunto-baru-2026');
    await reset.getByLabel('Ulangi kata sandi baru').fill('sawahlunto-baru-2026');
    await reset.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.getByTestId('password-reset').waitFor();
    await screenshot(page, 'id-password-reset');

    await signInWithPassword(page, { ...account, password: 'sawahlunto-baru-2026' });
    expect(app.consoleErrors).toEqual([]);
  });
});

const MOVE =
  'mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) { ... on ServiceRequestPayload { request { version } } } }';
const NOTE =
  'mutation($input: AddServiceRequestNoteInput!) { addServiceRequestNote(input: $input) { ... on ServiceRequestPayload { request { version } } } }';

describe('the notification feed (Bahasa Indonesia)', () => {
  it('lists each step of a request for the citizen and for staff, each with a link to its page', async () => {
    // Filed with its required documents, accepted, so that it can be verified (issue 19).
    const filed = await filePbgWithDocuments(e2e.gateway.url, 'warga@layanan.test', {
      text: 'Rumah tinggal dua lantai di Lembah Segar.',
      attributes: {
        nik: '1373010101900001',
        kecamatan: 'LEMBAH_SEGAR',
        luas_bangunan: '90',
        fungsi: 'HUNIAN',
      },
    });
    const code = filed.trackingCode;
    let version = filed.version;
    const act = async (email: string, query: string, input: Record<string, unknown>) => {
      const r = await gqlAs<Record<string, { request: { version: number } }>>(e2e.gateway.url, email, query, {
        input: { trackingCode: code, expectedVersion: version, ...input },
      });
      version = (Object.values(r)[0] as { request: { version: number } }).request.version;
    };
    // Yulia's case (DPMPTSP), so that she is told when the citizen sends it back.
    await act(
      'hendra@layanan.test',
      'mutation($input: ReassignServiceRequestInput!) { reassignServiceRequest(input: $input) { ... on ServiceRequestPayload { request { version } } } }',
      {
        staffId: (
          await gqlAs<{ staffMembers: { edges: { node: { id: string; name: string } }[] } }>(
            e2e.gateway.url,
            'hendra@layanan.test',
            '{ staffMembers(unitCode: "DPMPTSP", first: 50) { edges { node { id name } } } }',
          )
        ).staffMembers.edges.find((e) => e.node.name.startsWith('Yulia'))?.node.id,
      },
    );
    await act('yulia@layanan.test', MOVE, { to: 'RETURNED_TO_CITIZEN', publicNote: 'Lampirkan denah.' });
    await act('warga@layanan.test', MOVE, { to: 'SUBMITTED' });
    await act('yulia@layanan.test', NOTE, { publicNote: 'Survei lokasi Kamis.' });
    for (const to of ['VERIFIED', 'IN_PROGRESS', 'COMPLETED']) await act('yulia@layanan.test', MOVE, { to });

    const citizen = await open('id');
    await signInAsDemo(citizen.page, 'warga@layanan.test');
    await citizen.page.goto('/notifikasi');
    const items = citizen.page.locator('ul.notifications li', { hasText: code });
    await items.first().waitFor();
    const titles = await items.locator('strong').allTextContents();
    expect(titles).toEqual([
      expect.stringContaining(code), // completed, with the survey invitation
      `Permohonan ${code} sedang diproses`,
      `Permohonan ${code} diverifikasi`,
      `Catatan baru pada permohonan ${code}`,
      `Permohonan ${code} perlu dilengkapi`,
      `Permohonan ${code} diterima`,
    ]);
    // Every item of the page links to its item; the request's lead to the request.
    for (const li of await citizen.page.locator('ul.notifications li').all()) {
      expect(await li.locator('a').count()).toBeGreaterThan(0);
    }
    for (const href of await items.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toBe(`/permohonan/${code}`);
    }
    await screenshot(citizen.page, 'id-notification-feed');
    await items.last().locator('a').click();
    await citizen.page.waitForURL(`**/permohonan/${code}`);

    const staff = await open('id');
    await signInAsDemo(staff.page, 'yulia@layanan.test');
    await staff.page.goto('/notifikasi');
    const staffItems = staff.page.locator('ul.notifications li', { hasText: code });
    await staffItems.first().waitFor();
    expect(await staffItems.locator('strong').allTextContents()).toEqual([
      `Permohonan ${code} dilengkapi pemohon`,
      `Permohonan ${code} dialihkan kepada Anda`,
    ]);
    await staffItems.first().locator('a').click();
    await staff.page.waitForURL(`**/staf/permohonan/${code}`);
    expect(citizen.consoleErrors).toEqual([]);
    expect(staff.consoleErrors).toEqual([]);
  });
});
