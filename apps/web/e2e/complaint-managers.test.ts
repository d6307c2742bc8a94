// Complaint managers and the place of an anonymous complaint in a real browser (issue 20 item 1 and
// the anonymous form): a supervisor sees their unit's complaint managers on Kelola → Pengelola
// pengaduan, designates one with the keyboard (an empty choice is refused beside the field) and
// ends it; an admin picks any unit, in English too; a signed-out reporter gives the place of an
// anonymous complaint, which the next reporter's "already reported nearby" then finds.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './axe.ts';
import { gqlAs, screenshot, signInAsDemo, useGatewayAndBrowser } from './support.ts';

const e2e = useGatewayAndBrowser();
const findings: string[] = [];

async function axe(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) findings.push(describeViolations(where, '1280', violations));
  await screenshot(page, `complaint-managers-${where}`);
}

const SIMILAR = `query($lat: Float, $long: Float) {
  similarComplaints(serviceCode: "PENGADUAN-JALAN", latitude: $lat, longitude: $long) { trackingCode }
}`;

describe('complaint managers and the place of an anonymous complaint', () => {
  it('lets a supervisor designate and end a complaint manager of their unit by keyboard', async () => {
    const { page, consoleErrors } = await e2e.open('id');
    await signInAsDemo(page, 'hendra@layanan.test');
    await page.goto('/staf/kelola');
    const tabs = page.getByRole('navigation', { name: 'Bagian halaman kelola' });
    const tab = tabs.getByRole('button', { name: 'Pengelola pengaduan' });
    await tab.focus();
    await page.keyboard.press('Enter');
    const section = page.getByTestId('complaint-managers');
    await section.getByText('Belum ada pengelola pengaduan di unit ini.').waitFor();
    // A supervisor manages their own unit: no unit to choose.
    expect(await section.getByLabel('Unit', { exact: true }).count()).toBe(0);

    // Nothing chosen: the error is beside the field, and the field says it is invalid.
    const add = section.getByRole('button', { name: 'Tetapkan sebagai pengelola pengaduan' });
    await add.focus();
    await page.keyboard.press('Enter');
    const field = section.getByLabel(/Petugas yang ditetapkan/);
    await section.locator('.field.invalid').getByText('Wajib diisi').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await axe(page, 'supervisor-error');

    await field.focus();
    await field.selectOption({ label: 'Yulia Fitri, S.T.' });
    await add.focus();
    await page.keyboard.press('Enter');
    const list = section.getByTestId('complaint-manager-list');
    await list.getByText(/Yulia/).waitFor();
    await axe(page, 'supervisor-designated');

    const end = list.getByRole('button', { name: /Akhiri penetapan .*Yulia/ });
    await end.focus();
    await page.keyboard.press('Enter');
    await section.getByText('Belum ada pengelola pengaduan di unit ini.').waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('lets the admin choose any unit, in English', async () => {
    const { page, consoleErrors } = await e2e.open('en');
    await signInAsDemo(page, 'admin@layanan.test');
    await page.goto('/staf/kelola');
    await page.getByRole('button', { name: 'Complaint managers' }).click();
    const section = page.getByTestId('complaint-managers');
    await section.getByLabel('Unit', { exact: true }).selectOption('DPUPR');
    await section.getByText('This unit has no complaint managers yet.').waitFor();
    const field = section.getByLabel(/Officer to designate/);
    const andi = await field.locator('option', { hasText: 'Andi' }).first().getAttribute('value');
    await field.selectOption(andi ?? '');
    await section.getByRole('button', { name: 'Designate as complaint manager' }).click();
    await section
      .getByTestId('complaint-manager-list')
      .getByText(/Andi Saputra/)
      .waitFor();
    await axe(page, 'admin-en');
    expect(consoleErrors).toEqual([]);
  });

  it('keeps the place an anonymous reporter gives, so the next reporter sees it nearby', async () => {
    const { page, consoleErrors } = await e2e.open('id');
    await page.goto('/layanan/PENGADUAN-JALAN');
    const privacy = page.getByTestId('reporter-privacy');
    await expect(privacy.getByRole('radio', { name: /Anonim/ }).isChecked()).resolves.toBe(true);
    // The anonymous form says what happens with a place before it is given.
    await page.getByText(/Lokasi tidak wajib/).waitFor();
    await page.getByRole('button', { name: 'Pakai lokasi saya' }).waitFor();
    await page.getByLabel('Kecamatan').selectOption('TALAWI');
    await page.getByLabel('Lokasi (alamat atau patokan)').fill('Simpang pasar Talawi');
    await page.getByLabel('Jenis kerusakan').selectOption('JALAN_BERLUBANG');
    await page.getByLabel('Uraian permohonan').fill('Lubang besar di simpang pasar, motor sering terjatuh.');
    await page.getByLabel('Lintang (opsional)').fill('-0,6012');
    await page.getByLabel('Bujur (opsional)').fill('100.7510');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    const filed = page.getByTestId('anonymous-filed');
    const code = (await filed.getByTestId('tracking-code').textContent()) ?? '';
    expect(code).toMatch(/^SWL-\d{4}-\d{6}$/);
    const near = await gqlAs<{ similarComplaints: { trackingCode: string }[] }>(
      e2e.gateway.url,
      'warga@layanan.test',
      SIMILAR,
      { lat: -0.6013, long: 100.7511 },
    );
    expect(near.similarComplaints.map((c) => c.trackingCode)).toContain(code);
    expect(consoleErrors).toEqual([]);
  });

  it('finds no serious or critical axe violation on the opened forms', () => {
    expect(findings.join('\n\n')).toBe('');
  });
});
