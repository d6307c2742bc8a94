// Issue 21, kinds 9, 10 and 12, checked in the browser on the gateway portal.test.ts starts: a
// request's attribute values, channel and trail show labels and the officer's name, never codes;
// the SKM score has a decimal comma in Indonesian and a point in English; English mode names the
// service in English. A few pages only, in both languages, to keep the suite quick.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type AppPage, filePbgWithDocuments, gqlAs, screenshot, signInAsDemo } from './support.ts';

const VERIFY = `mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) {
  __typename } }`;

/** The text a person reads on the page (the main region), for "no raw code" checks. */
// biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, with spaces between blocks.
const mainText = async (page: Page) => (await page.locator('#main').innerText()).replace(/\s+/g, ' ');

/** Files a PBG request in Silungkang as the demo citizen and has Yulia verify it; its tracking code. */
async function verifiedRequest(baseURL: string): Promise<string> {
  const { trackingCode: code } = await filePbgWithDocuments(baseURL, 'warga@layanan.test', {
    text: 'Membangun rumah tinggal di Silungkang.',
    attributes: { nik: '1373010101900001', kecamatan: 'SILUNGKANG', luas_bangunan: '96', fungsi: 'HUNIAN' },
  });
  await gqlAs(baseURL, 'yulia@layanan.test', VERIFY, {
    input: { trackingCode: code, to: 'VERIFIED', expectedVersion: 1 },
  });
  return code;
}

/** The supervisor's SKM report page (DPMPTSP, this year) in `lang`, loaded. */
async function skmReport(open: (lang: 'id' | 'en') => Promise<AppPage>, lang: 'id' | 'en'): Promise<AppPage> {
  const app = await open(lang);
  await signInAsDemo(app.page, 'hendra@layanan.test');
  await app.page.goto('/staf/skm');
  await app.page.getByTestId('skm-report').waitFor();
  return app;
}

/** Runs the label checks; `open` opens a fresh browser context in a language. */
export async function checkLabelsNotCodes(
  baseURL: string,
  open: (lang: 'id' | 'en') => Promise<AppPage>,
): Promise<AppPage[]> {
  const code = await verifiedRequest(baseURL);
  // The officer's name as the gateway gives it (its own test checks it is the staff record's).
  const { serviceRequest } = await gqlAs<{ serviceRequest: { events: { actorName: string | null }[] } }>(
    baseURL,
    'warga@layanan.test',
    'query($c: String!) { serviceRequest(trackingCode: $c) { events { actorName } } }',
    { c: code },
  );
  const yulia = serviceRequest.events[1]?.actorName ?? '';
  expect(yulia).not.toBe('');

  // Indonesian, staff: the request page and the SKM report.
  const id = await open('id');
  await signInAsDemo(id.page, 'yulia@layanan.test');
  await id.page.goto(`/staf/permohonan/${code}`);
  await id.page.getByText('Silungkang', { exact: true }).waitFor();
  let text = await mainText(id.page);
  expect(text).toContain('Kanal: Daring');
  expect(text).toContain('Hunian');
  expect(text).toContain(yulia);
  for (const raw of ['SILUNGKANG', 'HUNIAN', 'ONLINE', '(STAFF)', '(CITIZEN)', 'kecamatan ']) {
    expect(text).not.toContain(raw);
  }
  await screenshot(id.page, 'id-labels-staff-request');
  const supervisorId = await skmReport(open, 'id');
  expect(await supervisorId.page.getByTestId('skm-score').textContent()).toMatch(/^\d{2,3},\d{2}$/);
  text = await mainText(supervisorId.page);
  expect(text).not.toContain('PERMENPANRB_14_2017');
  expect(text).not.toMatch(/\d\.\d+ %/);

  // English, the citizen: the service's English name, labels in English, "working days".
  const en = await open('en');
  await signInAsDemo(en.page, 'warga@layanan.test');
  await en.page.goto(`/permohonan/${code}`);
  await en.page.getByRole('heading', { name: 'Building approval (PBG)' }).waitFor();
  text = await mainText(en.page);
  expect(text).toContain('Residential');
  expect(text).toContain(yulia);
  for (const raw of ['SILUNGKANG', 'HUNIAN', 'Hunian', '(STAFF)', 'hari kerja'])
    expect(text).not.toContain(raw);
  await screenshot(en.page, 'en-labels-citizen-request');
  const supervisor = await skmReport(open, 'en');
  expect(await supervisor.page.getByTestId('skm-score').textContent()).toMatch(/^\d{2,3}\.\d{2}$/);
  return [id, supervisorId, en, supervisor];
}
