// WCAG 2.1 AA in a real browser (issue 21 item 14): axe-core, injected into the page (its
// Playwright wrapper needs Node 22), checks every route for each role that can reach it, at
// 1280 px and at phone width (375 px), and finds no serious or critical violation. A screenshot of
// every route at both widths lands in e2e-screenshots/ for review.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './axe.ts';
import { gqlAs, screenshot, signInAsDemo, useGatewayAndBrowser } from './support.ts';

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 740 },
] as const;

type Role = 'anonymous' | 'citizen' | 'staff' | 'supervisor' | 'admin';
const ACCOUNTS: Record<Exclude<Role, 'anonymous'>, string> = {
  citizen: 'warga@layanan.test',
  staff: 'yulia@layanan.test',
  supervisor: 'hendra@layanan.test',
  admin: 'admin@layanan.test',
};

const e2e = useGatewayAndBrowser();

/** The first request code the account sees (its own, or its unit's for staff). */
async function firstRequestCode(email: string): Promise<string> {
  const data = await gqlAs<{ serviceRequests: { edges: { node: { trackingCode: string } }[] } }>(
    e2e.gateway.url,
    email,
    '{ serviceRequests(first: 1) { edges { node { trackingCode } } } }',
  );
  const code = data.serviceRequests.edges[0]?.node.trackingCode;
  if (!code) throw new Error(`${email} sees no request in the seed`);
  return code;
}

/** Waits until the route has rendered its heading and finished loading. */
async function settle(page: Page, route: string): Promise<void> {
  await page
    .waitForFunction(
      () => document.querySelector('main h1') !== null && document.querySelector('main .loading') === null,
      undefined,
      { timeout: 20_000 },
    )
    .catch(async () => {
      const main = (await page.locator('main').textContent()) ?? '';
      throw new Error(`${route} shows no heading after 20 s: ${main.slice(0, 300)}`);
    });
  // Charts draw after their data arrives (animations are off with reduced motion).
  await page.waitForTimeout(150);
}

/**
 * The header is one row at 1280 px (issue 21 item 11: ten staff links and the account); on a phone
 * it collapses behind the menu toggle, which opens it.
 */
async function headerProblems(page: Page, role: Role, width: number): Promise<string[]> {
  const bar = page.locator('.top .bar');
  const toggle = page.locator('.menu-toggle');
  const nav = page.locator('#main-nav');
  if (width >= 1280) {
    const height = await bar.evaluate((e) => e.getBoundingClientRect().height);
    return height > 64 ? [`${role}: the header takes ${height} px at ${width} px (more than one row)`] : [];
  }
  if (!(await toggle.isVisible()) || (await nav.isVisible()))
    return [`${role}: the header does not collapse behind the menu toggle at ${width} px`];
  await toggle.click();
  const opened = await nav.isVisible();
  await toggle.click();
  return opened ? [] : [`${role}: the menu toggle does not open the menu at ${width} px`];
}

/** The first 25 stops of the Tab key each show a focus outline (WCAG 2.4.7). */
async function focusProblems(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        name: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
        visible: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0,
      };
    });
    if (focused && !focused.visible) problems.push(`${where}: no visible focus on ${focused.name}`);
  }
  return problems;
}

/**
 * Every visible button keeps readable text when hovered (issue 21 item 11: two buttons had text
 * the colour of their background in some state): contrast of at least 3:1 against its own
 * background, when it paints one.
 */
async function hoverProblems(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  const buttons = page.locator('button:visible, a.button:visible');
  const count = Math.min(await buttons.count(), 30);
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i);
    if (await button.isDisabled().catch(() => true)) continue;
    await button.hover();
    const seen = await button.evaluate((el) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const lin = (v: number) =>
          v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4;
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const style = getComputedStyle(el);
      const bg = rgb(style.backgroundColor);
      if (bg.length === 4 && bg[3] === 0) return null;
      const [a, b] = [luminance(rgb(style.color)), luminance(bg)].sort((x, y) => y - x) as [number, number];
      return { text: (el.textContent ?? '').trim().slice(0, 30), ratio: (a + 0.05) / (b + 0.05) };
    });
    if (seen && seen.ratio < 3)
      problems.push(`${where}: button "${seen.text}" on hover has contrast ${seen.ratio.toFixed(2)}`);
  }
  await page.mouse.move(0, 0);
  return problems;
}

/**
 * The page is never wider than the screen (trial 21 D6: Kelola was 876 px wide at 375 px): a wide
 * table scrolls inside its own box (Table's .table-wrap), the page does not.
 */
async function overflowProblems(page: Page, where: string, width: number): Promise<string[]> {
  const seen = await page.evaluate(() => document.documentElement.scrollWidth);
  return seen > width ? [`${where}: the page is ${seen} px wide at ${width} px`] : [];
}

/**
 * Visits each route at both widths with one page (signed in as `role`), checks it with axe and
 * saves a screenshot; returns every finding, so one run reports them all.
 */
async function checkRoutes(role: Role, routes: readonly string[]): Promise<string[]> {
  const app = await e2e.open('id');
  const { page } = app;
  if (role !== 'anonymous') await signInAsDemo(page, ACCOUNTS[role]);
  const findings: string[] = [];
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const route of routes) {
      await page.goto(route);
      await settle(page, route);
      if (route === routes[0]) {
        findings.push(...(await headerProblems(page, role, size.width)));
        findings.push(...(await focusProblems(page, `${role} ${route}`)));
        if (size.width >= 1280) findings.push(...(await hoverProblems(page, `${role} ${route}`)));
      }
      const violations = await seriousViolations(page);
      if (violations.length > 0) findings.push(describeViolations(`${role} ${route}`, size.name, violations));
      findings.push(...(await overflowProblems(page, `${role} ${route}`, size.width)));
      const name = route === '/' ? 'home' : route.slice(1).replace(/[^a-z0-9]+/gi, '-');
      await screenshot(page, `a11y-${role}-${name}-${size.width}`);
    }
  }
  expect(app.consoleErrors).toEqual([]);
  return findings;
}

describe('accessibility: axe (WCAG 2.1 A and AA) finds no serious or critical violation', () => {
  it('on every public route, signed out', async () => {
    const findings = await checkRoutes('anonymous', [
      '/',
      '/layanan/PBG',
      '/lacak',
      '/masuk',
      '/forum',
      '/forum/pelayanan-perizinan',
      '/aksesibilitas',
      '/hasil',
      '/data-terbuka',
      '/privasi',
      '/tidak-ada',
      '/permohonan',
      '/verifikasi',
      '/verifikasi/DPMPTSP/PBG/000001/2026',
      '/pengumuman',
      '/pengaduan-anonim',
      '/lupa-sandi',
      '/atur-sandi',
      '/verifikasi-email',
    ]);
    expect(findings.join('\n\n')).toBe('');
  });

  it("on the citizen's routes", async () => {
    const code = await firstRequestCode(ACCOUNTS.citizen);
    const findings = await checkRoutes('citizen', [
      '/',
      '/layanan/PBG',
      '/permohonan',
      `/permohonan/${code}`,
      '/notifikasi',
      '/akun',
      '/data-saya',
      '/forum/pelayanan-perizinan',
    ]);
    expect(findings.join('\n\n')).toBe('');
  });

  it("on the staff member's routes", async () => {
    const code = await firstRequestCode(ACCOUNTS.staff);
    const findings = await checkRoutes('staff', [
      '/staf',
      `/staf/permohonan/${code}`,
      '/staf/forum',
      '/staf/survei-loket',
      '/staf/statistik',
      '/staf/skm',
      '/staf/tindakan',
      '/notifikasi',
      '/akun',
      '/forum/pelayanan-perizinan',
    ]);
    expect(findings.join('\n\n')).toBe('');
  });

  it("on the supervisor's and the admin's routes", async () => {
    const supervisor = await checkRoutes('supervisor', [
      '/staf',
      '/staf/persetujuan',
      '/staf/kelola',
      '/staf/tindakan',
    ]);
    const admin = await checkRoutes('admin', [
      '/staf',
      '/staf/persetujuan',
      '/staf/kelola',
      '/staf/statistik',
      '/akun',
    ]);
    expect([...supervisor, ...admin].join('\n\n')).toBe('');
  });
});

describe('layout (issue 21 item 11)', () => {
  it('shows "not found" for an unknown address; only the signed-in pages ask to sign in', async () => {
    const app = await e2e.open('id');
    const { page } = app;
    const heading = async (path: string) => {
      await page.goto(path);
      await settle(page, path);
      return page.locator('main h1').textContent();
    };
    expect(await heading('/tidak-ada')).toBe('Halaman tidak ditemukan');
    expect(await heading('/layanan/PBG/lain')).toBe('Halaman tidak ditemukan');
    expect(await heading('/permohonan')).toBe('Masuk');
    expect(await heading('/staf/statistik')).toBe('Masuk');
    await page.getByText('Silakan masuk untuk membuka halaman ini.').waitFor();
    expect(await heading('/aksesibilitas')).toBe('Pernyataan aksesibilitas');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).waitFor();
  });

  it('fits a phone on every Kelola tab; filter checkboxes sit beside their labels (trial 21 D6)', async () => {
    const app = await e2e.open('id');
    const { page } = app;
    await signInAsDemo(page, ACCOUNTS.admin);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/staf/kelola');
    await settle(page, '/staf/kelola');
    const tabs = page.getByRole('navigation', { name: 'Bagian halaman kelola' }).getByRole('button');
    const findings: string[] = [];
    for (let i = 0; i < (await tabs.count()); i++) {
      const tab = tabs.nth(i);
      const name = (await tab.textContent()) ?? '';
      await tab.click();
      await settle(page, `/staf/kelola ${name}`);
      await page.waitForTimeout(300);
      findings.push(...(await overflowProblems(page, `admin Kelola → ${name}`, 375)));
    }
    await tabs.first().click();
    const box = page.getByRole('checkbox', { name: 'Ada kesenjangan kompetensi' });
    const label = page.locator('label.check', { has: box });
    const [boxRect, labelRect] = await Promise.all([box.boundingBox(), label.boundingBox()]);
    // The box starts the label: no gap wider than the label's own spacing.
    expect((boxRect?.x ?? 0) - (labelRect?.x ?? 0)).toBeLessThan(8);
    expect(findings.join('\n')).toBe('');
    expect(app.consoleErrors).toEqual([]);
  });

  it('opens the SKP form under the row it was asked for, empty for each person; the table shows the rating saved', async () => {
    const app = await e2e.open('id');
    const { page } = app;
    await signInAsDemo(page, ACCOUNTS.supervisor);
    await page.goto('/staf/kelola');
    const yulia = page.locator('tbody tr', { hasText: 'Yulia Fitri' });
    await yulia.getByRole('button', { name: 'Nilai' }).click();
    const form = yulia.locator('xpath=following-sibling::tr[1]');
    await expect(form.getByRole('heading').textContent()).resolves.toContain('Penilaian SKP: Yulia Fitri');
    await expect(form.getByLabel('Hasil kerja').inputValue()).resolves.toBe('');
    await form.getByRole('button', { name: 'Simpan' }).click();
    expect(await form.getByText('Wajib diisi').count()).toBe(2);
    await form.getByLabel('Hasil kerja').selectOption('AS_EXPECTED');
    await form.getByLabel('Perilaku kerja').selectOption('AS_EXPECTED');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Tersimpan: Baik').waitFor();
    const year = new Date().getFullYear();
    await expect.poll(() => yulia.locator('td').nth(5).textContent()).toBe(`${year}: Baik`);
    await screenshot(page, 'layout-skp-form-saved');
    // Another person's form replaces it, under their row, with nothing chosen.
    const other = page.locator('tbody tr', { hasNotText: 'Yulia Fitri' }).first();
    await other.getByRole('button', { name: 'Nilai' }).click();
    const otherForm = other.locator('xpath=following-sibling::tr[1]');
    await expect(otherForm.getByLabel('Hasil kerja').inputValue()).resolves.toBe('');
    await expect(otherForm.getByLabel('Perilaku kerja').inputValue()).resolves.toBe('');
    expect(await page.getByText('Penilaian SKP: Yulia Fitri').count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
