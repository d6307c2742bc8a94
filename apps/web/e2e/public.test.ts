// End to end, what issue 21 shows the public and keeps on the catalogue: an anonymous visitor reads
// a forum's sessions (WIB time, place, kecamatan, the staff attending, published minutes) and the
// public notices (reached from the public navigation and the forum page, filtered by unit), in
// Indonesian and English, with axe finding no serious or critical violation; an admin proposes a
// new version of a service whose form fields carry a format, a pattern and a date range — the form
// prefills every rule in both languages and re-sends them, and an approved version keeps them; the
// new-service form picks the required competency from the dictionary.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './axe.ts';
import { type AppPage, gqlAs, screenshot, signInAsDemo, useGatewayAndBrowser } from './support.ts';

const e2e = useGatewayAndBrowser();
const findings: string[] = [];

const visitor = e2e.open;

async function signedIn(email: string): Promise<AppPage> {
  const app = await visitor('id');
  await signInAsDemo(app.page, email);
  return app;
}

/** Axe on the page as it is now; findings are collected and asserted empty at the end. */
async function axe(page: Page, where: string, width = '1280'): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) findings.push(describeViolations(where, width, violations));
  await screenshot(page, `public-${where}`);
}

type AttributeInput = Record<string, unknown> & { code: string };
const versionOf = async (code: string) =>
  (
    await gqlAs<{
      service: {
        currentVersion: {
          version: number;
          attributeInputs: AttributeInput[];
          requiredLevel: number | null;
          requiredCompetency: { code: string } | null;
        };
      };
    }>(
      e2e.gateway.url,
      null,
      'query($code: String!) { service(code: $code) { currentVersion { version attributeInputs requiredLevel requiredCompetency { code } } } }',
      { code },
    )
  ).service.currentVersion;

describe('the public pages and the catalogue form fields', () => {
  it("shows an anonymous visitor a forum's sessions with their minutes, in both languages", async () => {
    const { page, consoleErrors } = await visitor('id');
    await page.goto('/forum');
    await page.getByRole('link', { name: 'Forum Infrastruktur Kota' }).first().click();
    const sessions = page.getByTestId('forum-sessions');
    const barangin = sessions.locator('li', { hasText: 'Musrenbang Kecamatan Barangin 2027' });
    await barangin.waitFor();
    // WIB time in the Indonesian format, the place, the kecamatan by name, the staff attending.
    await barangin.getByText(/10 Feb 2026.*09[.:]00 WIB/).waitFor();
    await barangin.getByText('Aula Kantor Camat Barangin').waitFor();
    await barangin
      .getByRole('definition')
      .filter({ hasText: /^Barangin$/ })
      .waitFor();
    const representatives = await barangin
      .getByRole('term')
      .filter({ hasText: 'Wakil pemerintah yang hadir' })
      .locator('xpath=following-sibling::dd[1]')
      .textContent();
    expect(representatives ?? '').toMatch(/\S+ \(.+\)/);
    expect(representatives).not.toMatch(/BARANGIN|STAFF/);
    await barangin.getByRole('heading', { name: 'Notulen' }).waitFor();
    await barangin.getByText('Notulen: aspirasi warga dicatat dan dijawab di forum daring ini.').waitFor();
    await barangin.getByText(/^terbit \d+ Feb 2026/).waitFor();
    await axe(page, 'forum-sessions');

    const english = await visitor('en');
    await english.page.goto(page.url());
    const en = english.page.getByTestId('forum-sessions').locator('li', { hasText: 'Barangin 2027' });
    await en.getByRole('heading', { name: 'Minutes' }).waitFor();
    await en.getByText(/10 Feb 2026.*09:00 WIB/).waitFor();
    await en.getByRole('term').filter({ hasText: 'Government representatives attending' }).waitFor();
    await axe(english.page, 'forum-sessions-en');
    expect(consoleErrors).toEqual([]);
    expect(english.consoleErrors).toEqual([]);
  });

  it('shows public notices to anyone, from the public navigation and the forum page, filtered by unit', async () => {
    // Staff publish two notices of two units (the Kelola screen is tested in manage.test.ts).
    for (const [unitCode, title] of [
      ['DPMPTSP', 'Loket perizinan tutup 17 Agustus'],
      ['DISDUKCAPIL', 'Pelayanan KTP-el keliling di Talawi'],
    ] as const) {
      await gqlAs(
        e2e.gateway.url,
        'admin@layanan.test',
        'mutation($input: PublishPublicNoticeInput!) { publishPublicNotice(input: $input) { __typename } }',
        { input: { unitCode, title, body: `${title}.\nInformasi lebih lanjut di kantor unit.` } },
      );
    }
    const { page, consoleErrors } = await visitor('id');
    await page.goto('/forum');
    await page.getByRole('link', { name: 'Baca pengumuman perangkat daerah' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Navigasi utama' })
      .getByRole('link', { name: 'Pengumuman' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Pengumuman' }).waitFor();
    const board = page.getByTestId('notice-board');
    const perizinan = board.locator('li', { hasText: 'Loket perizinan tutup 17 Agustus' });
    await perizinan.waitFor();
    // The unit by name, never its code; the time in WIB.
    const meta = await perizinan.locator('.muted').textContent();
    expect(meta).not.toContain('DPMPTSP');
    expect(meta ?? '').toMatch(/\d+ \w+ \d{4}.* WIB$/);
    await board.getByRole('heading', { name: 'Pelayanan KTP-el keliling di Talawi' }).waitFor();
    await page.getByTestId('page-range').getByText('1–2 dari 2').waitFor();
    await axe(page, 'notices');

    await page.getByLabel('Unit').selectOption('DPMPTSP');
    await expect.poll(() => board.locator('li').count()).toBe(1);
    await board.getByRole('heading', { name: 'Loket perizinan tutup 17 Agustus' }).waitFor();

    const phone = await visitor('en', { width: 390, height: 844 });
    await phone.page.goto('/pengumuman');
    await phone.page.getByRole('heading', { level: 1, name: 'Public notices' }).waitFor();
    await phone.page
      .getByTestId('notice-board')
      .getByRole('heading', { name: 'Pelayanan KTP-el keliling di Talawi' })
      .waitFor();
    await axe(phone.page, 'notices-en-phone', '390');
    expect(consoleErrors).toEqual([]);
    expect(phone.consoleErrors).toEqual([]);
  });

  it('prefills every rule of a version’s form fields, re-sends them, and the approved version keeps them', async () => {
    const before = await versionOf('SIP-NAKES');
    const strBefore = before.attributeInputs.find((a) => a.code === 'nomor_str');
    expect(strBefore?.pattern).toBeTruthy();

    const { page, consoleErrors } = await signedIn('admin@layanan.test');
    await page.goto('/staf/kelola');
    await page.getByRole('navigation', { name: 'Bagian halaman kelola' }).waitFor();
    await page.getByRole('button', { name: 'Katalog layanan', exact: true }).click();
    await page.getByTestId('page-range').waitFor();
    const service = page.locator('ul.list > li', { hasText: 'SIP-NAKES' });
    while ((await service.count()) === 0) await page.getByRole('button', { name: 'Berikutnya' }).click();
    await service.getByRole('button', { name: 'Versi baru' }).click();
    const version = service.getByRole('form', { name: 'Versi baru' });
    await version
      .getByLabel('Persyaratan')
      .fill('STR yang masih berlaku\nSurat keterangan tempat praktik\nPas foto 3x4');
    await version.getByRole('checkbox', { name: 'Ubah isian formulir' }).check();
    // Both languages and every rule are in the boxes: the NIK format, the STR pattern explained.
    const nik = version.getByRole('group', { name: 'Isian 1' });
    await expect.poll(() => nik.getByLabel('Kode isian').inputValue()).toBe('nik');
    expect(await nik.getByLabel('Label (bahasa Inggris)').inputValue()).toBe("Applicant's NIK (16 digits)");
    expect(await nik.getByLabel('Format nomor identitas').inputValue()).toBe('NIK');
    const str = version.getByRole('group', { name: 'Isian 3' });
    expect(await str.getByLabel('Kode isian').inputValue()).toBe('nomor_str');
    expect(await str.getByLabel(/^Pola isian/).inputValue()).toBe(
      strBefore?.pattern && (strBefore.pattern as { regex: string }).regex,
    );
    expect(await str.getByLabel('Penjelasan pola (bahasa Inggris)').inputValue()).toMatch(/^STR number/);
    // One rule changed here: a maximum length for the STR number.
    await str.getByLabel('Panjang maksimum (karakter)').fill('40');
    await version.getByLabel('Catatan perubahan').fill('Pas foto 3x4 dan panjang nomor STR');
    await axe(page, 'version-form-rules');
    await version.getByRole('button', { name: 'Ajukan versi baru' }).click();
    await service
      .getByText('Versi baru diajukan; terbit setelah disetujui di halaman Persetujuan.')
      .waitFor();

    const supervisor = await signedIn('hendra@layanan.test');
    await supervisor.page.goto('/staf/persetujuan');
    const change = supervisor.page.getByTestId('pending-service-change').filter({ hasText: 'SIP-NAKES' });
    await change.getByLabel('Alasan').fill('Sesuai ketentuan STR');
    await change.getByRole('button', { name: 'Setujui' }).click();
    await supervisor.page.getByTestId('confirm-dialog').getByRole('button', { name: 'Setujui' }).click();
    await expect.poll(() => change.count()).toBe(0);

    const after = await versionOf('SIP-NAKES');
    expect(after.version).toBe(before.version + 1);
    // Every rule kept; only the one edited changed.
    expect(after.attributeInputs).toEqual(
      before.attributeInputs.map((a) => (a.code === 'nomor_str' ? { ...a, maxLength: 40 } : a)),
    );
    expect(consoleErrors).toEqual([]);
    expect(supervisor.consoleErrors).toEqual([]);
  });

  it('picks the required competency of a new service from the dictionary', async () => {
    const { page, consoleErrors } = await signedIn('admin@layanan.test');
    await page.goto('/staf/kelola');
    await page.getByRole('navigation', { name: 'Bagian halaman kelola' }).waitFor();
    await page.getByRole('button', { name: 'Katalog layanan', exact: true }).click();
    await page.getByRole('button', { name: 'Layanan baru' }).click();
    const form = page.getByRole('form', { name: 'Layanan baru' });
    await form.getByLabel('Kode layanan').fill('UJI-KOMPETENSI');
    await form.getByLabel('Nama (bahasa Indonesia)').fill('Izin Uji Kompetensi');
    await form.getByLabel('Nama (bahasa Inggris)').fill('Competency Test Permit');
    await form.getByLabel('Deskripsi').fill('Layanan uji untuk pilihan kompetensi.');
    await form.getByLabel(/^Unit/).selectOption('DPMPTSP');
    const competency = form.getByLabel('Kompetensi yang dibutuhkan petugas');
    // Names, not codes.
    await competency.selectOption({ label: 'Pelayanan perizinan berusaha dan non-berusaha' });
    await form.getByLabel('Tingkat (1–5)').selectOption('3');
    const standard = form.getByRole('group', { name: 'Standar pelayanan (UU 25/2009)' });
    const texts = standard.getByRole('textbox');
    for (let i = 0; i < (await texts.count()); i++) await texts.nth(i).fill('Sesuai peraturan wali kota');
    const numbers = standard.getByRole('spinbutton');
    for (let i = 0; i < (await numbers.count()); i++) await numbers.nth(i).fill('5');
    await standard.getByLabel('Biaya/tarif').fill('0');
    await form.getByRole('checkbox', { name: 'Langsung tampil di katalog' }).check();
    await axe(page, 'service-form-competency');
    await form.getByRole('button', { name: 'Tambahkan layanan' }).click();
    await page.getByText('Layanan UJI-KOMPETENSI ditambahkan.').waitFor();
    const created = await versionOf('UJI-KOMPETENSI');
    expect(created).toMatchObject({ requiredCompetency: { code: 'PERIZINAN' }, requiredLevel: 3 });
    expect(consoleErrors).toEqual([]);
  });

  it('finds no serious or critical axe violation on the pages opened', () => {
    expect(findings.join('\n\n')).toBe('');
  });
});
