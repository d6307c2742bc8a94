// End to end, the work that must not get lost: a queue longer than a page shows every open request
// and the total; a returned request is corrected by the citizen and verified; a live change resets
// an action being prepared and irreversible actions ask first; a gateway restart (new signing key)
// renews the session, a refused renewal signs out, and "Keluar" ends the session on the server; a
// forum form shows the gateway's refusal. Its own gateway keeps its data in a directory, so it can
// be restarted, and has the submission rate limits off for the generated queue.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './axe.ts';
import {
  type AppPage,
  devToken,
  filePbgWithDocuments,
  gqlAs,
  screenshot,
  signInAsDemo,
  useGatewayAndBrowser,
} from './support.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'layanan-e2e-'));
const ENV = {
  LAYANAN_DATA_DIR: dataDir,
  LAYANAN_RATE_SUBMIT_IP: 'off',
  LAYANAN_RATE_SUBMIT_ID: 'off',
  LAYANAN_RATE_SUBMIT_REPORTER: 'off',
  LAYANAN_RATE_AUTH_IP: 'off',
  LAYANAN_RATE_AUTH_ID: 'off',
};

const e2e = useGatewayAndBrowser({
  env: ENV,
  cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
});
const open = e2e.open;

const tokens = new Map<string, string>();

/** A seeded account's access token (devLogin), kept for the gateway's lifetime. */
async function tokenOf(email: string): Promise<string> {
  const known = tokens.get(email);
  if (known) return known;
  const token = await devToken(e2e.gateway.url, email);
  tokens.set(email, token);
  return token;
}

/** A GraphQL call as `email` (null: anonymous); GraphQL errors fail the test. */
async function gql<T>(
  email: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const token = email ? await tokenOf(email) : null;
  const response = await fetch(`${e2e.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/**
 * Files a PBG request (DPMPTSP) as warga@layanan.test, its required documents accepted (so that it
 * can be verified), and returns its tracking code.
 */
async function fileRequest(key: string): Promise<string> {
  const filed = await filePbgWithDocuments(e2e.gateway.url, 'warga@layanan.test', {
    idempotencyKey: key,
    text: `Permohonan PBG rumah tinggal (${key}).`,
    attributes: { nik: '1373010101900001', kecamatan: 'BARANGIN', luas_bangunan: '90', fungsi: 'HUNIAN' },
  });
  return filed.trackingCode;
}

/** Every open request the staff member may see, read page by page from the API. */
async function openCodes(email: string): Promise<string[]> {
  const codes: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: {
      serviceRequests: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { trackingCode: string } }[];
      };
    } = await gql(
      email,
      `query($after: String) { serviceRequests(first: 100, after: $after, filter: { openOnly: true }) {
        pageInfo { hasNextPage endCursor } edges { node { trackingCode } } } }`,
      { after },
    );
    codes.push(...page.serviceRequests.edges.map((e) => e.node.trackingCode));
    if (!page.serviceRequests.pageInfo.hasNextPage) return codes;
    after = page.serviceRequests.pageInfo.endCursor;
  }
}

/**
 * Registers a citizen (a real sign-in with a refresh token, unlike the demo login) and opens the
 * app signed in as them.
 */
async function signInRegistered(page: Page, name: string): Promise<void> {
  const email = `${name.toLowerCase().replace(/\W/g, '')}@contoh.test`;
  const password = 'Rendang-Padang-2026!';
  // Registration consents to the privacy notice in force, as the form does.
  const notice = await gql<{ privacyNotice: { version: string } }>(null, '{ privacyNotice { version } }', {});
  await gql(
    null,
    'mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { __typename } }',
    {
      input: { displayName: name, email, password, privacyNoticeVersion: notice.privacyNotice.version },
    },
  );
  const data = await gql<{
    login: {
      accessToken: string;
      refreshToken: string;
      expiresAt: string;
      account: { id: string; displayName: string; role: string };
    };
  }>(
    null,
    `mutation($input: LoginInput!) { login(input: $input) {
      ... on AuthPayload { accessToken refreshToken expiresAt account { id displayName role } } } }`,
    { input: { identifier: email, password } },
  );
  const session = data.login;
  await page.goto('/');
  await page.evaluate((session) => localStorage.setItem('layanan.session', JSON.stringify(session)), session);
  await page.goto('/permohonan');
  await page.getByTestId('signed-in-as').waitFor();
}

/**
 * Chromium logs each refused request ("401 (Unauthorized)") and, while the gateway restarts, the
 * cut live stream and refused connections: expected in the session tests, nothing else is.
 */
const unexpected = (app: AppPage) =>
  app.consoleErrors.filter(
    (m) => !/\b401\b|net::ERR_(CONNECTION_REFUSED|INCOMPLETE_CHUNKED_ENCODING)/.test(m),
  );

const requestState = (page: Page, label: string) =>
  page.getByTestId('request-state').getByText(label).waitFor();

describe('work that must not get lost (Bahasa Indonesia)', () => {
  it('a queue of more than 100 open requests shows the total and every one of them, page by page', async () => {
    // The generated fixture: enough requests that the unit's open queue passes two page caps.
    for (let i = 0; i < 105; i += 5) {
      await Promise.all([0, 1, 2, 3, 4].map((j) => fileRequest(`bulk-${i + j}`)));
    }
    const expected = await openCodes('yulia@layanan.test');
    expect(expected.length).toBeGreaterThan(100);

    const staff = await open('id');
    const { page } = staff;
    await signInAsDemo(page, 'yulia@layanan.test');
    await page.goto('/staf');
    await page.getByTestId('queue-total').getByText(`${expected.length} permohonan`).waitFor();
    const seen: string[] = [];
    for (let pageNo = 1; ; pageNo++) {
      const range = page.getByTestId('page-range');
      await range.getByText(new RegExp(`^${(pageNo - 1) * 50 + 1}–\\d+ dari ${expected.length}$`)).waitFor();
      seen.push(...(await page.getByTestId('queue').locator('tbody tr td:first-child a').allTextContents()));
      const next = page.getByRole('button', { name: 'Berikutnya' });
      if (await next.isDisabled()) break;
      await next.click();
    }
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen)).toEqual(new Set(expected));
    await screenshot(page, 'id-staff-queue-last-page');
    expect(staff.consoleErrors).toEqual([]);
  });

  it('the catalogue is searched by the gateway, with the number found', async () => {
    const visitor = await open('id');
    const { page } = visitor;
    await page.goto('/');
    const total = async () =>
      Number((await page.getByTestId('page-range').textContent())?.match(/dari (\d+)$/)?.[1]);
    await page.getByTestId('page-range').waitFor();
    const all = await total();
    await page.getByLabel('Cari layanan').fill('bangunan GEDUNG');
    await expect.poll(total).toBeLessThan(all);
    await page.getByRole('link', { name: 'Persetujuan Bangunan Gedung (PBG)' }).waitFor();
    expect(await page.locator('.cards > li').count()).toBe(await total());

    // Forum sessions: filtered by kecamatan and ordered by the gateway.
    // The forum list's range comes first; the sessions' second (each only once its page is shown).
    await page.goto('/forum');
    await page.getByTestId('page-range').nth(1).waitFor();
    await page.getByLabel('Kecamatan').selectOption('TALAWI');
    await page
      .getByTestId('page-range')
      .nth(1)
      .getByText(/^1–\d+ dari \d+$/)
      .waitFor();
    const sessions = page.locator('section > ul.list > li');
    await expect
      .poll(async () => {
        const shown = await sessions.allTextContents();
        return shown.length > 0 && shown.every((s) => s.includes('Talawi'));
      })
      .toBe(true);
    expect(visitor.consoleErrors).toEqual([]);
  });

  it('returned to the citizen: the reason is shown, the citizen corrects, staff see it and verify', async () => {
    const code = await fileRequest('return-1');
    const staff = await open('id');
    await signInAsDemo(staff.page, 'yulia@layanan.test');
    await staff.page.goto(`/staf/permohonan/${code}`);
    await staff.page.getByLabel('Catatan untuk pemohon').fill('Lampirkan nomor NIK yang benar (16 angka).');
    await staff.page.getByRole('button', { name: 'Kembalikan ke pemohon' }).click();
    await requestState(staff.page, 'Dikembalikan ke pemohon');

    const citizen = await open('id');
    const { page } = citizen;
    await signInAsDemo(page, 'warga@layanan.test');
    await page.goto(`/permohonan/${code}`);
    const panel = page.getByTestId('correction');
    await panel
      .getByTestId('return-reason')
      .getByText('Lampirkan nomor NIK yang benar (16 angka).')
      .waitFor();
    // An empty answer is refused by the gateway, beside the field.
    await panel.getByRole('button', { name: 'Kirim perbaikan dan ajukan kembali' }).click();
    await panel.locator('.field.invalid .field-error').waitFor();
    await panel.getByLabel('Perbaikan atau tambahan Anda').fill('NIK yang benar: 1373010101900002.');
    await screenshot(page, 'id-citizen-correction');
    await panel.getByRole('button', { name: 'Kirim perbaikan dan ajukan kembali' }).click();
    await requestState(page, 'Diajukan');
    await page.getByTestId('trail').getByText('Perbaikan dari pemohon').waitFor();

    // The staff page follows live: the correction is in the trail, and the request can be verified.
    await requestState(staff.page, 'Diajukan');
    await staff.page.getByText('NIK yang benar: 1373010101900002.').waitFor();
    await staff.page.getByRole('button', { name: 'Verifikasi' }).click();
    await requestState(staff.page, 'Terverifikasi');
    await requestState(page, 'Terverifikasi');
    expect(citizen.consoleErrors).toEqual([]);
    expect(staff.consoleErrors).toEqual([]);
  });

  it('a return names the documents to redo: the refused one preselected, another ticked; the citizen sees both', async () => {
    const code = await fileRequest('redo-1');
    const staff = await open('id');
    await signInAsDemo(staff.page, 'yulia@layanan.test');
    await staff.page.goto(`/staf/permohonan/${code}`);
    const picker = staff.page.getByTestId('redo-picker');
    const box = (name: RegExp) => picker.getByRole('checkbox', { name });
    // Every required document accepted: the gateway's default names none.
    await picker.waitFor();
    expect(await picker.getByRole('checkbox', { checked: true }).count()).toBe(0);
    // Staff refuse the drawings: now preselected, as a return naming no slots would name them.
    const drawings = staff.page.getByTestId('checklist-gambar_teknis');
    await drawings.getByLabel('Alasan penolakan (dibaca pemohon)').fill('Tanpa tanda tangan perencana');
    await drawings.getByRole('button', { name: 'Tidak sesuai' }).click();
    await staff.page.locator('[data-testid="checklist-gambar_teknis"][data-state="REFUSED"]').waitFor();
    await expect.poll(() => box(/^Gambar rencana teknis/).isChecked()).toBe(true);
    expect(await box(/^KTP pemohon/).isChecked()).toBe(false);
    await box(/^KTP pemohon/).check();
    const violations = await seriousViolations(staff.page);
    expect(describeViolations('staff-return-redo', '1280', violations)).toBe('');
    await screenshot(staff.page, 'id-staff-redo-slots');
    await staff.page
      .getByLabel('Catatan untuk pemohon')
      .fill('Unggah ulang KTP yang terbaca dan gambar bertanda tangan.');
    await staff.page.getByRole('button', { name: 'Kembalikan ke pemohon' }).click();
    await requestState(staff.page, 'Dikembalikan ke pemohon');

    const citizen = await open('id');
    await signInAsDemo(citizen.page, 'warga@layanan.test');
    await citizen.page.goto(`/permohonan/${code}`);
    const redo = citizen.page.getByTestId('correction').getByTestId('redo-slots');
    await redo.getByText('KTP pemohon').waitFor();
    await redo.getByText('Gambar rencana teknis').waitFor();
    expect(await redo.getByRole('listitem').count()).toBe(2);
    await citizen.page.getByTestId('checklist-ktp').getByText('Perlu diunggah ulang').waitFor();
    await citizen.page
      .getByTestId('slot-picker')
      .getByTestId('slot-gambar_teknis')
      .getByText('Perlu diunggah ulang')
      .waitFor();
    await screenshot(citizen.page, 'id-citizen-redo-slots');
    // Resubmitting without the files asked for is refused, naming them (trial 21 D1).
    const correction = citizen.page.getByTestId('correction');
    await correction.getByLabel('Perbaikan atau tambahan Anda').fill('Ok');
    await correction.getByRole('button', { name: 'Kirim perbaikan dan ajukan kembali' }).click();
    await correction
      .getByText(/Unggah ulang dulu dokumen yang diminta petugas sebelum mengajukan kembali: .*KTP pemohon/)
      .waitFor();
    await requestState(citizen.page, 'Dikembalikan ke pemohon');
    expect(citizen.consoleErrors).toEqual([]);
    expect(staff.consoleErrors).toEqual([]);
  });

  it('the staff desk: contact details, a note without a status change, taking on and handing on', async () => {
    const code = await fileRequest('desk-1');
    const staff = await open('id');
    const { page } = staff;
    await signInAsDemo(page, 'hendra@layanan.test');
    await page.goto(`/staf/permohonan/${code}`);
    await page.getByTestId('applicant').getByText('warga@layanan.test').waitFor();
    // A note keeps the status; the citizen reads the message, never the staff one.
    const note = page.getByTestId('add-note');
    await note.getByRole('button', { name: 'Simpan catatan' }).click();
    await note.locator('.field.invalid .field-error').waitFor();
    await note.getByLabel('Pesan ke pemohon').fill('Survei lokasi Kamis pukul 09.00.');
    await note.getByLabel('Pesan antarpetugas').fill('Bawa meteran laser.');
    await note.getByRole('button', { name: 'Simpan catatan' }).click();
    await note.getByText('Catatan tersimpan di riwayat.').waitFor();
    await requestState(page, 'Diajukan');
    await page.getByText('Survei lokasi Kamis pukul 09.00.').first().waitFor();
    // The page's own change is not reported as someone else's.
    expect(await page.getByTestId('changed-under-you').count()).toBe(0);

    // The supervisor takes it on, then hands it to Yulia with a reason.
    const assignee = page.getByTestId('assignee');
    if (!(await assignee.textContent())?.startsWith('Hendra')) {
      await page.getByRole('button', { name: 'Saya yang menangani' }).click();
      await assignee.getByText(/^Hendra/).waitFor();
    }
    const reassign = page.getByTestId('reassign');
    await reassign.getByLabel('Alihkan ke petugas').selectOption({ label: 'Yulia Fitri, S.T.' });
    await reassign.getByLabel('Alasan pengalihan').fill('Hendra rapat di kantor wali kota.');
    await reassign.getByRole('button', { name: 'Alihkan' }).click();
    await assignee.getByText(/^Yulia/).waitFor();
    await page.getByTestId('trail-staff').getByText('Penanganan dialihkan').first().waitFor();
    await screenshot(page, 'id-staff-desk');

    const citizen = await open('id');
    await signInAsDemo(citizen.page, 'warga@layanan.test');
    await citizen.page.goto(`/permohonan/${code}`);
    const trail = citizen.page.getByTestId('trail');
    await trail.getByText('Survei lokasi Kamis pukul 09.00.').waitFor();
    expect(await trail.getByText('Bawa meteran laser.').count()).toBe(0);
    expect(staff.consoleErrors).toEqual([]);
    expect(citizen.consoleErrors).toEqual([]);
  });

  it('the forum inbox lists what awaits an answer, overdue first; a moderator hides with a reason', async () => {
    const staff = await open('id');
    const { page } = staff;
    await signInAsDemo(page, 'yulia@layanan.test');
    await page.getByRole('link', { name: 'Kotak masuk forum' }).click();
    const table = page.getByTestId('forum-inbox');
    await table.waitFor();
    const dues = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(dues.length).toBeGreaterThan(0);
    await screenshot(page, 'id-staff-forum-inbox');
    await table.locator('tbody tr a').first().click();
    const card = page.getByTestId('submission').first();
    await card.getByRole('button', { name: 'Sembunyikan' }).click();
    await card.getByTestId('hide-form').getByRole('button', { name: 'Sembunyikan' }).click();
    await card.locator('.field.invalid .field-error').waitFor();
    await card.getByLabel('Alasan menyembunyikan').fill('Memuat data pribadi orang lain.');
    await card.getByTestId('hide-form').getByRole('button', { name: 'Sembunyikan' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Sembunyikan' }).click();
    await page.getByText('Memuat data pribadi orang lain.').first().waitFor();
    expect(staff.consoleErrors).toEqual([]);
  });

  it('counter staff enter a walk-in questionnaire, attributed to them', async () => {
    const staff = await open('id');
    const { page } = staff;
    await signInAsDemo(page, 'yulia@layanan.test');
    await page.getByRole('link', { name: 'Laporan SKM' }).click();
    await page.getByRole('link', { name: 'Masukkan survei loket (walk-in)' }).click();
    const form = page.getByTestId('counter-survey');
    await form.getByLabel('Layanan').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Simpan kuesioner' }).click();
    await form.locator('.likert.invalid').first().waitFor();
    for (const element of await form.locator('fieldset.likert').all()) {
      await element.getByRole('radio').nth(3).check();
    }
    await form.getByLabel('Pendidikan').selectOption({ index: 2 });
    await form.getByRole('button', { name: 'Simpan kuesioner' }).click();
    await page.getByTestId('counter-recorded').waitFor();
    await screenshot(page, 'id-staff-counter-survey');
    expect(staff.consoleErrors).toEqual([]);
  });

  it('a live change resets the action being prepared; reject asks first and names the request', async () => {
    const code = await fileRequest('live-1');
    const a = await open('id');
    await signInAsDemo(a.page, 'yulia@layanan.test');
    await a.page.goto(`/staf/permohonan/${code}`);
    const b = await a.context.newPage();
    b.on('console', (m) => {
      if (m.type() === 'error') a.consoleErrors.push(m.text());
    });
    await b.goto(`/staf/permohonan/${code}`);
    await b.getByRole('button', { name: 'Tolak' }).waitFor();

    // Tab B is about to reject the submitted request when tab A verifies it.
    await b.getByLabel('Catatan untuk pemohon').fill('Bukan kewenangan dinas ini.');
    await b.getByRole('button', { name: 'Tolak' }).click();
    const dialog = b.getByTestId('confirm-dialog');
    await dialog
      .getByText(`${code} — Persetujuan Bangunan Gedung (PBG), status sekarang: Diajukan`)
      .waitFor();
    await a.page.getByRole('button', { name: 'Verifikasi' }).click();
    await requestState(a.page, 'Terverifikasi');

    // B's open confirmation and typed note were for the old state: both are gone, and B is told.
    await b
      .getByTestId('changed-under-you')
      .getByText(/Terverifikasi/)
      .waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await b.getByLabel('Catatan untuk pemohon').inputValue()).toBe('');
    await requestState(b, 'Terverifikasi');
    await screenshot(b, 'id-staff-changed-under-you');

    // Reject asks again, now naming the current state; "Batal" leaves the request as it is.
    await b.getByLabel('Catatan untuk pemohon').fill('Bukan kewenangan dinas ini.');
    await b.getByRole('button', { name: 'Tolak' }).click();
    await dialog
      .getByText(`${code} — Persetujuan Bangunan Gedung (PBG), status sekarang: Terverifikasi`)
      .waitFor();
    await screenshot(b, 'id-staff-confirm-reject');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await dialog.waitFor({ state: 'detached' });
    const state = async () =>
      (
        await gql<{ serviceRequest: { state: string } }>(
          'yulia@layanan.test',
          'query($c: String!) { serviceRequest(trackingCode: $c) { state } }',
          { c: code },
        )
      ).serviceRequest.state;
    expect(await state()).toBe('VERIFIED');
    await b.getByRole('button', { name: 'Tolak' }).click();
    await dialog.getByRole('button', { name: 'Tolak' }).click();
    await requestState(b, 'Ditolak');
    expect(await state()).toBe('REJECTED');
    expect(a.consoleErrors).toEqual([]);
  });

  it('a forum answer refused by the gateway says why; a commitment is offered only under an accepted answer', async () => {
    const { forum } = await gql<{ forum: { id: string } }>(
      null,
      '{ forum(slug: "pelayanan-perizinan") { id } }',
    );
    const title = 'Jam layanan loket perizinan diperpanjang';
    await gql(
      'warga2@layanan.test',
      `mutation($input: SubmitToForumInput!) { submitToForum(input: $input) { __typename } }`,
      {
        input: { forumId: forum.id, kind: 'ASPIRATION', title, text: 'Mohon loket buka sampai pukul 16.00.' },
      },
    );
    const staff = await open('en');
    const { page } = staff;
    await signInAsDemo(page, 'yulia@layanan.test');
    await page.goto('/forum/pelayanan-perizinan');
    const card = page.getByTestId('submission').filter({ hasText: title });
    // No reason: the gateway refuses, and its message stands at the top of the form, in English.
    await card.getByLabel('Decision').selectOption('ALREADY_PLANNED');
    await card.getByRole('button', { name: 'Publish the answer' }).click();
    const refusal = card.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/reason/i);
    await screenshot(page, 'en-staff-forum-answer-refused');
    await card.getByLabel('Reason').fill('Extended hours start next month.');
    await card.getByRole('button', { name: 'Publish the answer' }).click();
    await card.getByTestId('answer-status').getByText('Already planned').waitFor();
    // ALREADY_PLANNED takes no commitment: the form is not offered.
    expect(await card.getByRole('button', { name: 'Save the commitment' }).count()).toBe(0);
    expect(staff.consoleErrors).toEqual([]);
  });
});

describe('sessions across a gateway restart', () => {
  it('a new signing key: the app renews the session and carries on; a refused renewal signs out', async () => {
    const citizen = await open('id');
    const first = citizen.page;
    await signInRegistered(first, 'Rina Restart');
    await first.getByText('Anda belum mengajukan permohonan.').waitFor();
    const before = await first.evaluate(() => JSON.parse(localStorage.getItem('layanan.session') ?? '{}'));

    // Restart at the same address, same data, another signing key: every access token is now invalid.
    // The tab is closed over the restart: an open tab's live stream would renew the session as soon
    // as the gateway is back, and a reload in the middle of that renewal loses the rotated token.
    await first.close();
    tokens.clear();
    await e2e.restart({ LAYANAN_JWT_SECRET: 'rotated-secret-rotated-secret-rotated-secret' });
    // The same browser (its storage kept) opens the app again.
    const page = await citizen.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') citizen.consoleErrors.push(message.text());
    });
    await page.goto('/permohonan');
    await page.getByText('Anda belum mengajukan permohonan.').waitFor();
    await page.getByTestId('signed-in-as').waitFor();
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('layanan.session') ?? '{}'));
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(await page.getByText('Token akses tidak sah').count()).toBe(0);
    await screenshot(page, 'id-citizen-after-restart');

    // A refresh token the gateway no longer accepts: signed out cleanly, the header shows it.
    await page.evaluate(() => {
      const session = JSON.parse(localStorage.getItem('layanan.session') ?? '{}');
      localStorage.setItem(
        'layanan.session',
        JSON.stringify({ ...session, accessToken: 'not-a-token', refreshToken: 'not-a-refresh-token' }),
      );
    });
    await page.reload();
    await page.getByRole('link', { name: 'Masuk', exact: true }).first().waitFor();
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('layanan.session'))).toBeNull();
    expect(unexpected(citizen)).toEqual([]);
  });

  it('"Keluar" ends the session on the gateway too: its refresh token no longer renews', async () => {
    const citizen = await open('id');
    const { page } = citizen;
    await signInRegistered(page, 'Rudi Keluar');
    const { refreshToken } = await page.evaluate(() =>
      JSON.parse(localStorage.getItem('layanan.session') ?? '{}'),
    );
    expect(refreshToken).toBeTruthy();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('link', { name: 'Masuk', exact: true }).first().waitFor();
    const renewed = await gql<{ refreshSession: { __typename: string } }>(
      null,
      'mutation($t: String!) { refreshSession(refreshToken: $t) { __typename } }',
      { t: refreshToken },
    );
    expect(renewed.refreshSession.__typename).not.toBe('AuthPayload');
    expect(unexpected(citizen)).toEqual([]);
  });
});

describe('the staff register of a supervisor (Bahasa Indonesia)', () => {
  it('searches by NIP and name, records JP, edits a new colleague, sets a competency, finalises the SKP period', async () => {
    const HENDRA = 'hendra@layanan.test';
    const register = (page: Page) => page.getByTestId('staff-register');
    const search = async (page: Page, text: string) => {
      await page.getByLabel('Cari nama atau NIP').fill(text);
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
    };
    // An admin registers a civil servant (registerStaff is the BKPSDM's): a supervisor is not offered it.
    const admin = await open('id');
    await signInAsDemo(admin.page, 'admin@layanan.test');
    await admin.page.goto('/staf/kelola');
    await admin.page.getByRole('button', { name: 'Daftarkan pegawai' }).click();
    const form = admin.page.getByRole('form', { name: 'Daftarkan pegawai' });
    await form.getByLabel('NIP').fill('1995 0510 2020 12 1 005');
    await form.getByLabel('Nama').fill('Budi Santoso');
    await form.getByLabel(/^Unit/).selectOption('DPMPTSP');
    await form.getByLabel('Jabatan', { exact: true }).fill('Pengadministrasi Perizinan');
    await form.getByRole('button', { name: 'Daftarkan pegawai' }).click();
    await register(admin.page).getByRole('cell', { name: 'Budi Santoso', exact: true }).waitFor();

    const supervisor = await open('id');
    const { page } = supervisor;
    await signInAsDemo(page, HENDRA);
    await page.goto('/staf/kelola');
    await page.getByTestId('page-range').waitFor();
    expect(await page.getByRole('button', { name: 'Daftarkan pegawai' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Jabatan' }).count()).toBe(0);

    // Search by NIP (spaces allowed) and by part of the name: the gateway filters.
    await search(page, '1989 0322');
    await page.getByTestId('page-range').getByText('1–1 dari 1').waitFor();
    await register(page).getByRole('cell', { name: 'Yulia Fitri, S.T.', exact: true }).waitFor();
    await search(page, 'rahmat');
    await register(page).getByRole('cell', { name: 'Rahmat Hidayat, S.Kom.', exact: true }).waitFor();
    expect(await register(page).getByRole('cell', { name: 'Yulia Fitri, S.T.', exact: true }).count()).toBe(
      0,
    );

    // Training JP: the missing title is shown beside its field, then the record counts at once.
    await page.getByRole('button', { name: 'Catat pelatihan Rahmat Hidayat, S.Kom.' }).click();
    await page.getByLabel(/^Lama pelatihan/).fill('4');
    await page.getByRole('button', { name: 'Catat pelatihan', exact: true }).click();
    await page.locator('.field.invalid').getByLabel('Nama pelatihan').waitFor();
    await page.getByLabel('Nama pelatihan').fill('Pelayanan Prima e2e');
    await page.getByRole('button', { name: 'Catat pelatihan', exact: true }).click();
    await page.getByText('4 JP tercatat untuk Rahmat Hidayat, S.Kom. dan langsung dihitung.').waitFor();
    await screenshot(page, 'id-supervisor-training-recorded');
    const rahmat = await gqlAs<{
      staffByNip: { trainingRecords: { title: string; jp: number; status: string }[] };
    }>(
      e2e.gateway.url,
      HENDRA,
      '{ staffByNip(nip: "199207082019031004") { trainingRecords { title jp status } } }',
    );
    expect(rahmat.staffByNip.trainingRecords).toContainEqual({
      title: 'Pelayanan Prima e2e',
      jp: 4,
      status: 'CONFIRMED',
    });

    // A competency holding, listed at once.
    await page.getByRole('button', { name: 'Kompetensi Rahmat Hidayat, S.Kom.' }).click();
    await page.getByLabel('Kode kompetensi').fill('pelayanan_publik');
    await page.getByLabel('Tingkat (1–5)').selectOption('4');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText(/tersimpan pada tingkat 4\.$/).waitFor();
    await page
      .getByTestId('competency-holdings')
      .getByText(/: tingkat 4$/)
      .first()
      .waitFor();

    // The colleague the admin registered: found by name and edited.
    await search(page, 'budi sant');
    await page.getByRole('button', { name: 'Ubah data Budi Santoso' }).click();
    await page.getByLabel('Jabatan', { exact: true }).fill('Analis Perizinan');
    await page.getByLabel('Pangkat/golongan').fill('III/b');
    await page.getByLabel('Nomor SK').fill('800/123/BKPSDM/2026');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Data Budi Santoso tersimpan.').waitFor();
    await register(page).getByRole('cell', { name: 'Analis Perizinan (III/b)', exact: true }).waitFor();
    await screenshot(page, 'id-supervisor-staff-edited');
    // The staff list as CSV, searched as on screen.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh daftar pegawai (CSV)' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('staff-dpmptsp.csv');
    const csv = readFileSync(await file.path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe('\uFEFFNIP,Nama,Jenis,Jabatan,Pangkat/golongan,Kode unit,Unit');
    expect(csv[1]).toMatch(/^199505102020121005,Budi Santoso,PNS,Analis Perizinan,III\/b,DPMPTSP,/);

    // Finalising the 2025 SKP period asks first and names unit and year; "Batal" does nothing.
    await page.getByRole('button', { name: 'Periode SKP', exact: true }).click();
    await page.getByLabel('Tahun').selectOption('2025');
    await page.getByLabel('Batas "Sangat Baik" (%)').fill('100');
    await page.getByRole('button', { name: 'Finalkan periode SKP' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByText('Periode SKP 2025 unit DPMPTSP').waitFor();
    await screenshot(page, 'id-supervisor-finalise-confirm');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await page.getByRole('button', { name: 'Finalkan periode SKP' }).click();
    await dialog.getByRole('button', { name: 'Finalkan periode SKP' }).click();
    await page.getByText(/^Periode SKP 2025 .* final: \d+ dari \d+ pegawai/).waitFor();
    const unit = await gqlAs<{
      staffMembers: { edges: { node: { ratings: { year: number; finalised: boolean }[] } }[] };
    }>(
      e2e.gateway.url,
      HENDRA,
      '{ staffMembers(first: 200, filter: { unitCode: "DPMPTSP", includeSubUnits: false }) { edges { node { ratings { year finalised } } } } }',
    );
    const rated2025 = unit.staffMembers.edges.flatMap((e) => e.node.ratings.filter((r) => r.year === 2025));
    expect(rated2025.length).toBeGreaterThan(0);
    expect(rated2025.every((r) => r.finalised)).toBe(true);
    expect(unexpected(supervisor)).toEqual([]);
    expect(unexpected(admin)).toEqual([]);
  });
});
