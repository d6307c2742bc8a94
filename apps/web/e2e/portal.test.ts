// End to end, in a real browser: a citizen files a request, staff complete it (one of two staff
// tabs acting on a stale version gets the conflict message), the citizen sees the update live;
// a supervisor proposes improvement actions from the survey and records progress;
// a forum submission gets answered and the author is notified live. Indonesian and English.
import { SKM_ELEMENT_CODES } from '@layanan/domain/feedback';
import { describe, expect, it } from 'vitest';
import { checkLabelsNotCodes } from './labels.ts';
import {
  type AppPage,
  acceptPbgDocuments,
  attachPbgDocuments,
  gqlAs,
  registerInBrowser,
  screenshot,
  signInAsDemo,
  signInWithPassword,
  useGatewayAndBrowser,
} from './support.ts';

const e2e = useGatewayAndBrowser();
const open = e2e.open;

function expectNoConsoleErrors(...apps: AppPage[]) {
  for (const app of apps) expect(app.consoleErrors).toEqual([]);
}

describe('citizen portal and staff dashboard (Bahasa Indonesia)', () => {
  let trackingCode = '';
  let citizen: AppPage;

  it('serves the app at / with the catalogue, the standard and the pledge', async () => {
    citizen = await open('id');
    const { page } = citizen;
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Layanan publik Kota Sawahlunto',
    );
    await page.getByRole('link', { name: 'Persetujuan Bangunan Gedung (PBG)' }).click();
    await page.getByRole('heading', { name: 'Standar pelayanan (UU 25/2009)' }).waitFor();
    expect(await page.getByText('Maklumat pelayanan', { exact: true }).count()).toBe(1);
    expect(await page.getByText('28 hari kerja').count()).toBeGreaterThan(0);
    // The standard time says both parts, and the pledge says it in the same words (issue 16).
    const standardTime = await page.getByTestId('standard-time').textContent();
    expect(standardTime).toBe(
      'Verifikasi paling lama 3 hari kerja sejak pengajuan; selesai paling lama 28 hari kerja sejak berkas lengkap (terverifikasi).',
    );
    expect(await page.getByTestId('pledge').textContent()).toContain(standardTime);
    await screenshot(page, 'id-service-standard');
    expectNoConsoleErrors(citizen);
  });

  it('files a request: field errors from the gateway, one request for a double click, a copyable code', async () => {
    const { page } = citizen;
    await signInAsDemo(page, 'warga@layanan.test');
    const count = async () =>
      (
        await gqlAs<{ serviceRequests: { totalCount: number } }>(
          e2e.gateway.url,
          'warga@layanan.test',
          '{ serviceRequests(first: 1) { totalCount } }',
        )
      ).serviceRequests.totalCount;
    const before = await count();

    await page.goto('/layanan/PBG');
    await page.getByLabel('NIK pemohon').fill('1373010101900001');
    await page.getByLabel('Kecamatan').selectOption('BARANGIN');
    await page.getByLabel('Luas bangunan').fill('0');
    await page.getByLabel('Fungsi bangunan').selectOption('HUNIAN');
    await page.getByLabel('Uraian permohonan').fill('Membangun rumah tinggal dua lantai di Barangin.');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    // The range check is the domain's; its message comes back in Indonesian beside the field.
    const areaField = page.locator('.field.invalid', { hasText: 'Luas bangunan' });
    await areaField.locator('.field-error').waitFor();
    expect(await page.getByLabel('Luas bangunan').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'id-request-field-error');

    await page.getByLabel('Luas bangunan').fill('120');
    // The requirements as document slots beside the standard's list: one PDF per required slot.
    await page.getByTestId('requirements').getByText('Dokumen persyaratan').waitFor();
    await attachPbgDocuments(page, '');
    await screenshot(page, 'id-request-documents');
    await page.getByRole('button', { name: 'Kirim permohonan' }).dblclick();
    const code = page.getByTestId('tracking-code');
    await code.waitFor();
    trackingCode = (await code.textContent()) ?? '';
    expect(trackingCode).toMatch(/^SWL-\d{4}-\d{6}$/);
    expect(await count()).toBe(before + 1);

    await page.getByRole('button', { name: 'Salin' }).click();
    await page.getByRole('button', { name: 'Tersalin' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(trackingCode);
    await screenshot(page, 'id-request-filed');

    await page.getByRole('link', { name: 'Pantau permohonan ini' }).click();
    await page.getByTestId('request-state').getByText('Diajukan').waitFor();
    expect(await page.getByTestId('on-time').textContent()).toBe('Sesuai jadwal');
    expectNoConsoleErrors(citizen);
  });

  it('staff work the request; a stale tab gets "someone else acted first"; the citizen sees it live', async () => {
    const { page } = citizen;
    // Marks this document: if the citizen's page reloaded, the mark would be gone.
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });

    const staff = await open('id');
    await signInAsDemo(staff.page, 'yulia@layanan.test');
    await staff.page.getByTestId('queue').waitFor();
    await screenshot(staff.page, 'id-staff-queue');
    await staff.page.getByRole('link', { name: trackingCode }).click();
    // Each required document is accepted before the request can be verified (issue 19).
    await acceptPbgDocuments(staff.page);
    await screenshot(staff.page, 'id-staff-checklist');
    await staff.page.getByRole('button', { name: 'Verifikasi' }).click();
    await staff.page.getByTestId('request-state').getByText('Terverifikasi').waitFor();
    await page.getByTestId('request-state').getByText('Terverifikasi').waitFor();

    // A second tab of the same unit that misses live updates still shows the old version.
    const stale = await staff.context.newPage();
    stale.on('console', (m) => {
      if (m.type() === 'error') staff.consoleErrors.push(m.text());
    });
    await stale.route('**/graphql', async (route) => {
      if (route.request().headers().accept === 'text/event-stream')
        await route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: ':\n\n' });
      else await route.continue();
    });
    await stale.goto(`/staf/permohonan/${trackingCode}`);
    await stale.getByRole('button', { name: 'Proses' }).waitFor();

    await staff.page.getByLabel('Catatan untuk pemohon').fill('Berkas lengkap, sedang diproses.');
    await staff.page.getByRole('button', { name: 'Proses' }).click();
    await staff.page.getByTestId('request-state').getByText('Diproses').waitFor();

    await stale.getByRole('button', { name: 'Proses' }).click();
    await stale.getByTestId('conflict').waitFor();
    await stale.getByTestId('request-state').getByText('Diproses').waitFor();
    await screenshot(stale, 'id-staff-conflict');
    // Completing cannot be undone: it asks first.
    await stale.getByRole('button', { name: 'Selesaikan' }).click();
    await stale.getByTestId('confirm-dialog').getByRole('button', { name: 'Selesaikan' }).click();
    await stale.getByTestId('request-state').getByText('Selesai').waitFor();

    // The citizen's page followed every step over the subscription, without a reload.
    await page.getByTestId('request-state').getByText('Selesai').waitFor();
    await page.getByText('Berkas lengkap, sedang diproses.').waitFor();
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await page.getByTestId('on-time').textContent()).toBe('Selesai tepat waktu');
    await screenshot(page, 'id-citizen-completed');
    expectNoConsoleErrors(citizen, staff);
  });

  it('the citizen answers the survey once; the IKM chart and the SKM report change', async () => {
    const supervisor = await open('id');
    const staffPage = supervisor.page;
    await signInAsDemo(staffPage, 'hendra@layanan.test');
    await staffPage.goto('/staf/statistik');
    for (const id of [
      'chart-ikm-trend',
      'chart-waiting',
      'chart-within-standard',
      'chart-forum',
      'chart-gaps',
      'chart-training',
    ]) {
      await staffPage.getByTestId(id).locator('canvas').waitFor();
    }
    const showPbg = async () => {
      await staffPage.getByLabel('Cakupan').selectOption('service:PBG');
      await staffPage.getByTestId('ikm-headline').getByText('Persetujuan Bangunan Gedung').waitFor();
      await staffPage.getByTestId('chart-ikm-elements').locator('canvas').waitFor();
    };
    await showPbg();
    const respondents = async () => Number(await staffPage.getByTestId('ikm-respondents').textContent());
    const before = await respondents();
    const monthRow = async () => {
      const rows = staffPage.getByTestId('chart-ikm-trend').locator('tbody tr');
      // The IKM groups answers by month in WIB (UTC+7), not in the machine's time zone.
      const monthWib = new Date(Date.now() + 7 * 3_600_000).getUTCMonth();
      return (await rows.nth(monthWib).textContent()) ?? '';
    };
    const monthBefore = await monthRow();

    const { page } = citizen;
    const survey = page.locator('.survey');
    await survey.getByRole('button', { name: 'Kirim survei' }).waitFor();
    // Sending with an element unanswered marks it; nothing is stored.
    await survey.getByRole('button', { name: 'Kirim survei' }).click();
    await survey.getByText('Pilih salah satu nilai').first().waitFor();
    for (const [i, code] of SKM_ELEMENT_CODES.entries()) {
      await page
        .getByTestId(`survey-${code}`)
        .getByRole('radio')
        .nth(i % 2 === 0 ? 3 : 2)
        .check();
    }
    // The profile takes the options of the SKM form, labelled in the page's language.
    await survey.getByLabel('Usia dalam tahun (opsional)').fill('34');
    await survey.getByLabel('Pendidikan terakhir (opsional)').selectOption({ label: 'S2 ke atas' });
    await survey.getByLabel('Pekerjaan utama (opsional)').selectOption({ label: 'Pelajar/Mahasiswa' });
    await survey.getByLabel('Saran (opsional)').fill('Ruang tunggu perlu kipas angin.');
    await screenshot(page, 'id-citizen-survey');
    await survey.getByRole('button', { name: 'Kirim survei' }).click();
    await page.getByTestId('survey-done').waitFor();
    await page.reload();
    await page.getByTestId('survey-done').waitFor();
    expect(await page.getByRole('button', { name: 'Kirim survei' }).count()).toBe(0);

    await staffPage.reload();
    await showPbg();
    await expect.poll(respondents, { timeout: 20_000 }).toBe(before + 1);
    expect(await monthRow()).not.toBe(monthBefore);
    await screenshot(staffPage, 'id-staff-statistics');

    await staffPage.getByRole('link', { name: 'Laporan SKM' }).click();
    const report = staffPage.getByTestId('skm-report');
    await report.waitFor();
    await report.getByText('Ruang tunggu perlu kipas angin.').waitFor();
    await report
      .getByText(/^S2 ke atas: \d+/)
      .first()
      .waitFor();
    const download = staffPage.waitForEvent('download');
    await report.getByRole('link', { name: 'Unduh CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^skm-DPMPTSP-.*\.csv$/);
    await screenshot(staffPage, 'id-staff-skm-report');
    expectNoConsoleErrors(citizen, supervisor);
  });

  it('a supervisor proposes improvement actions from the 2026 survey and records progress', async () => {
    const supervisor = await open('id');
    const { page } = supervisor;
    await signInAsDemo(page, 'hendra@layanan.test');
    await page.goto('/staf/skm');
    await page.getByRole('link', { name: 'Lihat tindakan perbaikan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tindakan perbaikan' }).waitFor();
    expect(await page.getByLabel('Unit', { exact: true }).inputValue()).toBe('DPMPTSP');

    await page.getByLabel('Tahun survei').selectOption('2026');
    await page.getByRole('button', { name: 'Susun dari SKM' }).click();
    const created = page.getByTestId('actions-created');
    await created.waitFor();
    expect(Number((await created.textContent())?.match(/^(\d+) /)?.[1])).toBeGreaterThan(0);

    const cards = page.getByTestId('improvement-action');
    await cards.first().waitFor();
    const first = cards.first();
    const title = (await first.getByRole('heading').textContent()) ?? '';
    expect(title.length).toBeGreaterThan(0);
    const owner = (await first.getByTestId('action-owner').textContent()) ?? '';
    expect(owner).not.toBe('belum ditentukan');
    expect(owner.length).toBeGreaterThan(0);
    expect(await first.getByTestId('action-due').textContent()).toMatch(/^Batas waktu \d{1,2} \S+ 20\d\d$/);

    const card = cards.filter({ has: page.getByRole('heading', { name: title, exact: true }) });
    // The gateway's check comes back in Indonesian beside the form: a note is required.
    await card.getByLabel('Kemajuan (%)').fill('50');
    await card.getByRole('button', { name: 'Simpan kemajuan' }).click();
    await card.getByRole('alert').waitFor();
    await card.getByLabel('Catatan kemajuan').fill('Jadwal pelatihan petugas loket sudah disusun.');
    await card.getByRole('button', { name: 'Simpan kemajuan' }).click();
    await card.getByTestId('action-progress').getByText('Kemajuan: 50 %').waitFor();
    expect(await card.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    await card.getByText('Jadwal pelatihan petugas loket sudah disusun.', { exact: false }).waitFor();
    expect(await card.getByTestId('action-status').textContent()).toBe('Berjalan');

    await page.getByLabel('Status', { exact: true }).selectOption('IN_PROGRESS');
    await cards.filter({ has: page.getByRole('heading', { name: title, exact: true }) }).waitFor();
    await screenshot(page, 'id-staff-improvement-actions');
    expectNoConsoleErrors(supervisor);
  });
});

describe('labels and numbers, not codes (both languages)', () => {
  it('shows attribute values, channel, officer and SKM score as people read them', async () => {
    expectNoConsoleErrors(...(await checkLabelsNotCodes(e2e.gateway.url, open)));
  });
});

/** A 1×1 PNG: the smallest photo the gateway accepts. */
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('forums (English)', () => {
  it('a critique is submitted, answered with a commitment, and the author is notified live', async () => {
    const author = await open('en');
    const { page } = author;
    await signInAsDemo(page, 'warga2@layanan.test');
    const unread = async () => Number(await page.getByTestId('unread-count').textContent());
    await page.getByTestId('unread-count').waitFor();
    const unreadBefore = await unread();

    await page.goto('/forum/pelayanan-perizinan');
    await page.getByRole('heading', { name: 'Make a submission' }).waitFor();
    // The gateway checks the title; its message comes back in English.
    await page.getByLabel('Your submission').fill('x');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('The title is required, 5 to 150 characters.').waitFor();

    const title = 'Queue at the permit counter is too long';
    const text =
      'Waiting two hours on Monday morning. <img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
    await page.getByRole('radio', { name: 'Critique' }).check();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Your submission').fill(text);
    // A photo with it (issue 19): previewed before sending, sent by the multipart request spec.
    await page
      .getByLabel('Photos (optional)')
      .setInputFiles({ name: 'antrian.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await page.getByTestId('file-picker').locator('img.file-preview').waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Thank you, your submission was sent.').waitFor();
    const card = page.getByTestId('submission').filter({ hasText: title });
    // The public page (no account) shows the photo as an image, described by its alt text.
    const reader = await open('en');
    await reader.page.goto('/forum/pelayanan-perizinan');
    const publicPhoto = reader.page
      .getByTestId('submission')
      .filter({ hasText: title })
      .getByRole('img', { name: `Photo 1 of 1 for “${title}”` });
    await publicPhoto.waitFor();
    await expect.poll(() => publicPhoto.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    // Stored markup is shown as text and never runs.
    await card.getByText(text).waitFor();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await card.getByRole('button', { name: /^Follow/ }).waitFor();

    const staff = await open('en');
    await signInAsDemo(staff.page, 'yulia@layanan.test');
    await staff.page.goto('/forum/pelayanan-perizinan');
    const staffCard = staff.page.getByTestId('submission').filter({ hasText: title });
    await staffCard.getByLabel('Decision').selectOption('ACCEPTED');
    await staffCard.getByLabel('Reason').fill('We open a second counter on Mondays from next month.');
    await staffCard.getByRole('button', { name: 'Publish the answer' }).click();
    await staffCard.getByTestId('answer-status').getByText('Accepted').waitFor();
    await staffCard.getByLabel('Follow-up').fill('Open a second permit counter on Mondays');
    await staffCard.getByLabel('Due date').fill('2027-03-01');
    await staffCard.getByRole('button', { name: 'Save the commitment' }).click();
    await staffCard.getByLabel('Progress note').fill('Counter staff scheduled.');
    await staffCard.getByLabel('Progress (%)').fill('50');
    await staffCard.getByRole('button', { name: 'Save progress' }).click();
    await staffCard.getByText('50 %', { exact: true }).waitFor();
    await screenshot(staff.page, 'en-staff-forum-answer');

    // The author's header counts the new notifications live (notificationAdded), no reload.
    await expect.poll(unread, { timeout: 20_000 }).toBeGreaterThan(unreadBefore);
    await page.reload();
    await card
      .getByTestId('answer-reason')
      .getByText('We open a second counter on Mondays from next month.')
      .waitFor();
    await card.getByRole('progressbar').waitFor();
    expect(await card.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    await screenshot(page, 'en-citizen-forum-answered');

    await page.getByRole('link', { name: /^Notifications/ }).click();
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(unread).toBe(0);
    expectNoConsoleErrors(author, staff, reader);
  });

  it('switches language, keeps the choice, and fits a phone screen', async () => {
    const phone = await open('en', { width: 375, height: 740 });
    const { page } = phone;
    await page.goto('/');
    await page.getByRole('heading', { name: 'Public services of Sawahlunto' }).waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Layanan publik Kota Sawahlunto' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    await page.reload();
    await page.getByRole('heading', { name: 'Layanan publik Kota Sawahlunto' }).waitFor();
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'id-phone-catalogue');
    expectNoConsoleErrors(phone);
  });
});

describe('a citizen’s own account and requests (Bahasa Indonesia)', () => {
  it('withdraws a request before work starts (after confirming), and changes the password', async () => {
    const app = await open('id');
    const { page } = app;
    const email = `akun-${Date.now()}@layanan.test`;
    await registerInBrowser(page, { name: 'Warga Uji Akun', email, password: 'sawahlunto-lama-2026' });

    const filed = await gqlAs<{ submitServiceRequest: { request: { trackingCode: string } } }>(
      e2e.gateway.url,
      email,
      'mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { ... on ServiceRequestPayload { request { trackingCode } } } }',
      {
        input: {
          serviceCode: 'PBG',
          text: 'Rumah tinggal satu lantai di Talawi, untuk dibatalkan.',
          attributes: { nik: '1373010101900001', kecamatan: 'TALAWI', luas_bangunan: '60', fungsi: 'HUNIAN' },
        },
      },
    );
    const code = filed.submitServiceRequest.request.trackingCode;
    await page.goto(`/permohonan/${code}`);
    const withdraw = page.getByTestId('withdraw');
    await withdraw.getByRole('button', { name: 'Batalkan permohonan' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.getByText(code).waitFor();
    // "Batal" keeps the request; the confirming button acts.
    await dialog.getByRole('button', { name: 'Batal', exact: true }).click();
    await page.getByTestId('request-state').getByText('Diajukan').waitFor();
    await withdraw.getByRole('button', { name: 'Batalkan permohonan' }).click();
    await dialog.getByRole('button', { name: 'Batalkan permohonan' }).click();
    await page.getByTestId('request-state').getByText('Dibatalkan pemohon').waitFor();
    expect(await page.getByTestId('withdraw').count()).toBe(0);
    await screenshot(page, 'id-request-withdrawn');

    await page.getByTestId('signed-in-as').click();
    await page.getByRole('heading', { name: 'Akun saya' }).waitFor();
    // Notification e-mail per kind: turned off here, still on for the others.
    const settings = page.getByTestId('notification-settings');
    await settings.getByLabel('Permohonan diterima').uncheck();
    await settings.getByText('Pengaturan tersimpan.').waitFor();
    const stored = await gqlAs<{ notificationSettings: { preferences: { kind: string; email: boolean }[] } }>(
      e2e.gateway.url,
      email,
      '{ notificationSettings { preferences { kind email } } }',
    );
    expect(stored.notificationSettings.preferences.filter((p) => !p.email).map((p) => p.kind)).toEqual([
      'REQUEST_RECEIVED',
    ]);
    const form = page.getByTestId('change-password');
    await form.getByLabel('Kata sandi sekarang').fill('bukan-sandinya-2026');
    await form.getByLabel(/^Kata sandi baru/).fill('sawahlunto-baru-2026');
    await form.getByLabel('Ulangi kata sandi baru').fill('sawahlunto-baru-2026');
    await form.getByRole('button', { name: 'Ubah kata sandi' }).click();
    const currentField = form.locator('.field.invalid', { hasText: 'Kata sandi sekarang' });
    await currentField.locator('.field-error').waitFor();
    await form.getByLabel('Kata sandi sekarang').fill('sawahlunto-lama-2026');
    await form.getByLabel('Ulangi kata sandi baru').fill('sawahlunto-beda-2026');
    await form.getByRole('button', { name: 'Ubah kata sandi' }).click();
    await form
      .locator('.field.invalid', { hasText: 'Ulangi kata sandi baru' })
      .getByText('Kedua kata sandi baru tidak sama.')
      .waitFor();
    await form.getByLabel('Ulangi kata sandi baru').fill('sawahlunto-baru-2026');
    await form.getByRole('button', { name: 'Ubah kata sandi' }).click();
    await page.getByText('Kata sandi diubah.', { exact: false }).waitFor();
    await screenshot(page, 'id-account-password-changed');

    // Still signed in with the new session; after signing out, only the new password works.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await signInWithPassword(page, { name: 'Warga Uji Akun', email, password: 'sawahlunto-baru-2026' });
    expectNoConsoleErrors(app);
  });
});
