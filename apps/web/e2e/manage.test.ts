// End to end, the admin's "Kelola" screens of issue 21 item 7: an admin creates a forum, schedules a
// session and publishes its minutes; publishes a public notice; creates an API key (its secret shown
// once), changes its budget and revokes it after a confirmation; adds a service and proposes a new
// version with new requirements, a form field and a document slot (added, reordered, removed, its
// key refused beside it before sending), which the supervisor of the owning unit approves (four
// eyes, the slot change listed) so that the catalogue shows it. Each screen shows the gateway's refusal beside its
// field, and axe finds no serious or critical violation on the opened forms.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './axe.ts';
import { type AppPage, screenshot, signInAsDemo, useGatewayAndBrowser } from './support.ts';

const e2e = useGatewayAndBrowser();
const findings: string[] = [];

async function signedIn(email: string): Promise<AppPage> {
  const app = await e2e.open('id');
  await signInAsDemo(app.page, email);
  return app;
}

/** Axe on the page as it is now; findings are collected and asserted empty at the end. */
async function axe(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) findings.push(describeViolations(where, '1280', violations));
  await screenshot(page, `manage-${where}`);
}

async function section(page: Page, name: string): Promise<void> {
  await page.goto('/staf/kelola');
  await page.getByRole('navigation', { name: 'Bagian halaman kelola' }).waitFor();
  await page.getByRole('button', { name, exact: true }).click();
}

describe('the admin manages forums, notices, API keys and services in the web app', () => {
  it('creates a forum, schedules a session and publishes its minutes', async () => {
    const { page, consoleErrors } = await signedIn('admin@layanan.test');
    await section(page, 'Forum');
    await page.getByRole('button', { name: 'Forum baru' }).click();
    const form = page.getByRole('form', { name: 'Forum baru' });
    // The gateway's refusal stands under its field, in Indonesian.
    await form.getByLabel('Alamat forum').fill('Bukan Slug!');
    await form.getByRole('button', { name: 'Buat forum' }).click();
    await form.locator('.field.invalid').first().waitFor();
    await axe(page, 'forum-form-errors');
    await form.getByLabel('Judul forum').fill('Forum Uji Pelayanan Air');
    await form.getByLabel('Alamat forum').fill('uji-pelayanan-air');
    await form.getByLabel('Deskripsi').fill('Forum warga untuk membahas pelayanan air bersih.');
    await form.getByLabel('Unit yang menjawab').selectOption('DPMPTSP');
    await form.getByRole('button', { name: 'Buat forum' }).click();
    await page.getByText('Forum "Forum Uji Pelayanan Air" dibuat.').waitFor();
    const forum = page
      .getByTestId('managed-forums')
      .locator('li', { hasText: 'Forum Uji Pelayanan Air' })
      .first();
    await forum.getByRole('button', { name: 'Sesi', exact: true }).click();
    const sessions = forum.getByTestId('forum-sessions');
    await sessions.getByText('Belum ada jadwal forum.').waitFor();
    await sessions.getByRole('button', { name: 'Jadwalkan sesi' }).click();
    const schedule = sessions.getByRole('form', { name: 'Jadwalkan sesi' });
    await schedule.getByLabel('Judul sesi').fill('Sesi pertama air bersih');
    await schedule.getByLabel('Agenda').fill('Keluhan tekanan air di pagi hari');
    await schedule.getByLabel('Tempat').fill('Aula Kantor Camat');
    await schedule.getByLabel('Mulai').fill('2027-03-10T09:30');
    await schedule.getByRole('checkbox', { name: 'Yulia Fitri' }).check();
    await axe(page, 'session-form');
    await schedule.getByRole('button', { name: 'Jadwalkan sesi' }).click();
    const session = sessions.getByTestId('managed-session').filter({ hasText: 'Sesi pertama air bersih' });
    await session.waitFor();
    await expect(session.textContent()).resolves.toContain('Aula Kantor Camat');
    await expect(session.textContent()).resolves.toContain('Yulia Fitri');
    // WIB time, Indonesian date format.
    await expect(session.textContent()).resolves.toMatch(/10 Mar 2027,? 09[.:]30/);
    await session.getByRole('button', { name: 'Terbitkan notulen' }).click();
    const minutes = session.getByRole('form', { name: 'Notulen sesi Sesi pertama air bersih' });
    await minutes.getByRole('button', { name: 'Terbitkan notulen' }).click();
    await minutes.locator('.field-error').waitFor();
    await minutes.getByLabel('Notulen').fill('Disepakati pemeriksaan pompa minggu depan.');
    await minutes.getByRole('button', { name: 'Terbitkan notulen' }).click();
    await session
      .getByTestId('session-minutes')
      .getByText('Disepakati pemeriksaan pompa minggu depan.')
      .waitFor();
    // The new forum's public page is open.
    await page.goto('/forum/uji-pelayanan-air');
    await page.getByRole('heading', { level: 1, name: 'Forum Uji Pelayanan Air' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('publishes a public notice and lists it', async () => {
    const { page, consoleErrors } = await signedIn('admin@layanan.test');
    await section(page, 'Pengumuman');
    await page.getByLabel('Unit', { exact: true }).selectOption('DPMPTSP');
    const form = page.getByRole('form', { name: 'Terbitkan pengumuman' });
    await form.getByRole('button', { name: 'Terbitkan pengumuman' }).click();
    await form.locator('.field.invalid, .note.error').first().waitFor();
    await form.getByLabel('Judul pengumuman').fill('Layanan tutup sementara');
    await form.getByLabel('Isi pengumuman').fill('Loket DPMPTSP tutup pada 17 Agustus.');
    await form.getByRole('button', { name: 'Terbitkan pengumuman' }).click();
    await form.getByText('Pengumuman "Layanan tutup sementara" terbit.').waitFor();
    await page.getByTestId('public-notices').getByText('Layanan tutup sementara').waitFor();
    await axe(page, 'notices');
    expect(consoleErrors).toEqual([]);
  });

  it('creates an API key, shows its secret once, changes its budget and revokes it after confirming', async () => {
    const { page, consoleErrors } = await signedIn('admin@layanan.test');
    await section(page, 'Kunci API');
    await page.getByRole('button', { name: 'Kunci API baru' }).click();
    const form = page.getByRole('form', { name: 'Kunci API baru' });
    await form.getByLabel('Nama sistem').fill('SIMPEG Uji');
    await form.getByRole('button', { name: 'Buat kunci' }).click();
    // No scope: the gateway's refusal is shown.
    await form.locator('.field-error, .note.error').first().waitFor();
    await form.getByRole('checkbox', { name: 'Membaca katalog layanan' }).check();
    await form.getByRole('button', { name: 'Buat kunci' }).click();
    const secret = page.getByTestId('api-key-secret');
    await secret.getByText('Kunci "SIMPEG Uji" dibuat.').waitFor();
    const key = (await secret.getByTestId('api-key-value').textContent()) ?? '';
    expect(key.length).toBeGreaterThan(20);
    await axe(page, 'api-key-secret');
    await secret.getByRole('button', { name: 'Salin kunci' }).click();
    await secret.getByText('Kunci tersalin.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await secret.getByRole('button', { name: 'Sudah saya simpan' }).click();
    expect(await page.getByTestId('api-key-value').count()).toBe(0);

    const row = page.getByTestId('api-key-row').filter({ hasText: 'SIMPEG Uji' });
    await expect(row.textContent()).resolves.toContain('600 per jam');
    await row.getByRole('button', { name: 'Ubah batas' }).click();
    const budget = page.getByRole('form', { name: 'Batas pengajuan SIMPEG Uji' });
    await budget.getByLabel('Batas pengajuan per jam').fill('0');
    await budget.getByRole('button', { name: 'Simpan' }).click();
    await budget.locator('.field-error, .note.error').first().waitFor();
    await budget.getByLabel('Batas pengajuan per jam').fill('1200');
    await budget.getByRole('button', { name: 'Simpan' }).click();
    // Four-digit counts are not grouped in Indonesian (formatCount): "1200", "12.500".
    await expect.poll(() => row.textContent()).toContain('1200 per jam');

    await row.getByRole('button', { name: 'Cabut' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByText('SIMPEG Uji').waitFor();
    await axe(page, 'api-key-revoke-dialog');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect(row.textContent()).resolves.toContain('Aktif');
    await row.getByRole('button', { name: 'Cabut' }).click();
    await dialog.getByRole('button', { name: 'Cabut' }).click();
    await expect.poll(() => row.textContent()).toContain('Dicabut');
    expect(await row.getByRole('button', { name: 'Cabut' }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('adds a service and publishes a new version with requirements and a form field (four eyes)', async () => {
    const { page, consoleErrors } = await signedIn('admin@layanan.test');
    await section(page, 'Katalog layanan');
    await page.getByRole('button', { name: 'Layanan baru' }).click();
    const form = page.getByRole('form', { name: 'Layanan baru' });
    await form.getByLabel('Kode layanan').fill('UJI-REKLAME');
    await form.getByLabel('Nama (bahasa Indonesia)').fill('Izin Reklame Uji');
    await form.getByLabel('Nama (bahasa Inggris)').fill('Test Billboard Permit');
    await form.getByLabel('Deskripsi').fill('Izin pemasangan reklame untuk pengujian.');
    await form.getByLabel(/^Unit/).selectOption('DPMPTSP');
    const standard = form.getByRole('group', { name: 'Standar pelayanan (UU 25/2009)' });
    // Thirteen of fourteen components: the missing one is named under its field.
    const texts = standard.getByRole('textbox');
    for (let i = 0; i < (await texts.count()); i++) await texts.nth(i).fill('Sesuai peraturan wali kota');
    const numbers = standard.getByRole('spinbutton');
    for (let i = 0; i < (await numbers.count()); i++) await numbers.nth(i).fill('5');
    await standard.getByLabel('Produk pelayanan').fill('');
    await form.getByRole('button', { name: 'Tambahkan layanan' }).click();
    await standard
      .locator('.field.invalid')
      .getByText(/PRODUCT|Produk/)
      .first()
      .waitFor();
    await standard.getByLabel('Produk pelayanan').fill('Surat izin reklame');
    await standard.getByLabel('Persyaratan').fill('KTP pemohon\nDesain reklame');
    await standard.getByLabel('Biaya/tarif').fill('0');
    await form.getByRole('checkbox', { name: 'Langsung tampil di katalog' }).check();
    await axe(page, 'service-form');
    await form.getByRole('button', { name: 'Tambahkan layanan' }).click();
    await page.getByText('Layanan UJI-REKLAME ditambahkan.').waitFor();
    await page.goto('/layanan/UJI-REKLAME');
    await page.getByRole('heading', { level: 1, name: 'Izin Reklame Uji' }).waitFor();
    await page.getByText('Desain reklame').waitFor();

    // A new version: other requirements and a form field.
    await section(page, 'Katalog layanan');
    await page.getByTestId('page-range').waitFor();
    const service = page.locator('ul.list > li', { hasText: 'Izin Reklame Uji' });
    // Past the first page: page on until it shows.
    while ((await service.count()) === 0) await page.getByRole('button', { name: 'Berikutnya' }).click();
    await service.getByRole('button', { name: 'Versi baru' }).click();
    const version = service.getByRole('form', { name: 'Versi baru' });
    await version.getByLabel('Persyaratan').fill('KTP pemohon\nDesain reklame\nFoto lokasi');
    await version.getByRole('checkbox', { name: 'Ubah isian formulir' }).check();
    await version.getByRole('button', { name: 'Tambah isian' }).click();
    const field = version.getByRole('group', { name: 'Isian 1' });
    await field.getByLabel('Kode isian').fill('Ukuran Reklame');
    await field.getByLabel('Jenis isian').selectOption('number');
    await field.getByLabel('Label (bahasa Indonesia)').fill('Ukuran reklame (m²)');
    await field.getByRole('checkbox', { name: 'Wajib diisi pemohon' }).check();
    // Two document slots; the second moved up, then the (now second) first one removed.
    const slots = version.getByRole('group', { name: 'Dokumen persyaratan (unggahan pemohon)' });
    await slots.getByRole('button', { name: 'Tambah dokumen persyaratan' }).click();
    await slots.getByRole('button', { name: 'Tambah dokumen persyaratan' }).click();
    await slots.getByRole('group', { name: 'Dokumen 1' }).getByLabel('Kunci dokumen').fill('surat_lama');
    const second = slots.getByRole('group', { name: 'Dokumen 2' });
    await second.getByLabel('Kunci dokumen').fill('Foto Titik');
    await second.getByLabel('Nama dokumen (bahasa Indonesia)').fill('Foto titik reklame');
    await second.getByLabel('Nama dokumen (bahasa Inggris)').fill('Photo of the billboard spot');
    await second.getByRole('checkbox', { name: 'Wajib diunggah sebelum verifikasi' }).uncheck();
    await second.getByRole('checkbox', { name: 'PDF' }).uncheck();
    await second.getByRole('checkbox', { name: 'JPEG' }).check();
    await second.getByRole('checkbox', { name: 'WebP' }).check();
    await second.getByLabel('Jumlah berkas paling banyak').fill('2');
    await slots.getByRole('button', { name: 'Naikkan dokumen 2' }).click();
    await slots.getByRole('button', { name: 'Hapus dokumen 2' }).click();
    const slot = slots.getByRole('group', { name: 'Dokumen 1' });
    expect(await slot.getByLabel('Nama dokumen (bahasa Indonesia)').inputValue()).toBe('Foto titik reklame');
    expect(await slots.getByRole('group', { name: /^Dokumen \d/ }).count()).toBe(1);
    await version.getByLabel('Catatan perubahan').fill('Menambah foto lokasi dan ukuran reklame');
    await version.getByRole('button', { name: 'Ajukan versi baru' }).click();
    // The slot key's format is refused beside it, in Indonesian, before anything is sent.
    await slot.locator('.field.invalid').getByText('Format tidak valid.').waitFor();
    await slot.getByLabel('Kunci dokumen').fill('foto_titik');
    await version.getByRole('button', { name: 'Ajukan versi baru' }).click();
    // The code's format is refused under the field's own code box.
    await field.locator('.field.invalid').first().waitFor();
    await field.getByLabel('Kode isian').fill('ukuran_reklame');
    await axe(page, 'version-form');
    await version.getByRole('button', { name: 'Ajukan versi baru' }).click();
    await service
      .getByText('Versi baru diajukan; terbit setelah disetujui di halaman Persetujuan.')
      .waitFor();

    // The proposer may not decide; the supervisor of the owning unit approves.
    const supervisor = await signedIn('hendra@layanan.test');
    await supervisor.page.goto('/staf/persetujuan');
    const change = supervisor.page.getByTestId('pending-service-change').filter({ hasText: 'UJI-REKLAME' });
    // The approver sees the slot the proposal adds.
    await change.getByTestId('slot-changes').getByText('Foto titik reklame').waitFor();
    await axe(supervisor.page, 'service-change-slots');
    await change.getByLabel('Alasan').fill('Sesuai kebutuhan pemeriksaan lapangan');
    await change.getByRole('button', { name: 'Setujui' }).click();
    await supervisor.page.getByTestId('confirm-dialog').getByRole('button', { name: 'Setujui' }).click();
    await expect.poll(() => change.count()).toBe(0);

    await page.goto('/layanan/UJI-REKLAME');
    // (Shown twice now: in the standard, and beside the slots of the filing form.)
    await page.getByText('Foto lokasi').first().waitFor();
    await page.getByText('Ukuran reklame (m²)').first().waitFor();
    // The new version has the slot: the filing form offers an upload into it.
    const published = page.getByTestId('slot-foto_titik');
    await published.getByText('Foto titik reklame (tidak wajib)').waitFor();
    await screenshot(page, 'manage-service-version-published');
    expect(consoleErrors).toEqual([]);
    expect(supervisor.consoleErrors).toEqual([]);
  });

  it("offers a supervisor only their unit's actions, in English too", async () => {
    const { page, consoleErrors } = await signedIn('hendra@layanan.test');
    await page.goto('/staf/kelola');
    const tabs = page.getByRole('navigation', { name: 'Bagian halaman kelola' });
    await tabs.getByRole('button', { name: 'Forum', exact: true }).waitFor();
    expect(await tabs.getByRole('button', { name: 'Kunci API' }).count()).toBe(0);
    await tabs.getByRole('button', { name: 'Katalog layanan' }).click();
    await page.getByRole('button', { name: 'Versi baru' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Layanan baru' }).count()).toBe(0);
    await tabs.getByRole('button', { name: 'Forum', exact: true }).click();
    const forums = page.getByTestId('managed-forums');
    await forums.locator('li').first().waitFor();
    // Sessions only for the forums of the supervisor's unit (DPMPTSP), never a "new forum".
    const rows = await forums.locator('> li').all();
    for (const row of rows) {
      const text = (await row.textContent()) ?? '';
      expect(await row.getByRole('button', { name: 'Sesi', exact: true }).count()).toBe(
        text.includes('DPMPTSP') ? 1 : 0,
      );
    }
    expect(await page.getByRole('button', { name: 'Forum baru' }).count()).toBe(0);
    await tabs.getByRole('button', { name: 'Pengumuman' }).click();
    await page.getByRole('heading', { name: 'Pengumuman baru dari DPMPTSP' }).waitFor();
    expect(await page.getByLabel('Unit', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'New notice of DPMPTSP' }).waitFor();
    await page.getByRole('button', { name: 'Publish notice' }).click();
    await page.locator('.field.invalid, .note.error').first().waitFor();
    await axe(page, 'supervisor-notices-en');
    expect(consoleErrors).toEqual([]);
  });

  it('finds no serious or critical axe violation on the opened forms', () => {
    expect(findings.join('\n\n')).toBe('');
  });
});
