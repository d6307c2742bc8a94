// The public results page and open data (issue 23) in a real browser, signed out: from the home
// page to /hasil, every chart with its period, rule, data table and download; a CSV of open data
// downloaded and read; the data dictionary with the licence and the suppression threshold.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { screenshot, useGatewayAndBrowser } from './support.ts';

const e2e = useGatewayAndBrowser();

describe('public results and open data, signed out', () => {
  it('opens /hasil from the home page and downloads a CSV of open data', async () => {
    const app = await e2e.open('id');
    const { page } = app;
    await page.goto('/');
    await page.getByTestId('results-link').click();
    await page.getByRole('heading', { level: 1, name: 'Hasil kinerja pelayanan publik' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/hasil');
    for (const chart of [
      'chart-ikm-trend',
      'chart-ikm-elements',
      'chart-waiting',
      'chart-complaints',
      'chart-forum',
    ])
      await page.getByTestId(chart).waitFor();
    const year = new Date().getFullYear();
    await expect(page.getByTestId('period-ikm-trend').textContent()).resolves.toContain(`${year}-01-01`);
    await page
      .getByTestId('chart-ikm-trend')
      .getByText(/PermenPANRB 14\/2017 — IKM/)
      .waitFor();
    // The complaints' data table lists the seed's road complaints.
    const complaints = page.getByTestId('chart-complaints');
    await complaints.getByText('Tabel data').click();
    await complaints.getByRole('cell', { name: /Pengaduan Kerusakan Jalan/ }).waitFor();
    await screenshot(page, 'id-public-results');

    // The open dataset of the complaints, as a file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      complaints.getByRole('link', { name: 'requests.csv' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('layanan-requests.csv');
    const text = await readFile((await download.path()) as string, 'utf8');
    const [header, ...lines] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'service,service_name,unit,kecamatan,channel,day,state,working_days_taken,within_standard',
    );
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.every((l) => l.startsWith('PENGADUAN-JALAN,'))).toBe(true);
    expect(text).not.toContain('@layanan.test');
    expect(text).not.toContain('SWL-');

    // A chart's own table as CSV, made in the page.
    const [table] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('chart-waiting').getByRole('button', { name: 'Unduh tabel (CSV)' }).click(),
    ]);
    expect(table.suggestedFilename()).toBe(`layanan-waiting-${year}.csv`);
    const tableText = await readFile((await table.path()) as string, 'utf8');
    expect(tableText).toContain('"Layanan"');

    // The data dictionary: licence, threshold, and every dataset's columns.
    await page.getByRole('link', { name: 'Data terbuka dan kamus datanya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data terbuka' }).waitFor();
    await page.getByTestId('open-data-licence').getByRole('link', { name: 'CC BY 4.0' }).waitFor();
    await expect(page.getByTestId('open-data-suppression').textContent()).resolves.toContain(
      'kurang dari 5 orang',
    );
    await page.getByRole('cell', { name: 'within_standard' }).waitFor();
    await page.getByRole('cell', { name: 'persyaratan_average' }).waitFor();
    await screenshot(page, 'id-open-data');
    expect(app.consoleErrors).toEqual([]);
  });
});
