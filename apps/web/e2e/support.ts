// Starts the real gateway (apps/gateway/dist/main.js) on an in-memory PGlite database, seeded
// with the demo data, serving apps/web/dist; opens Chromium pages that fail on console errors.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const SCREENSHOTS = here('../e2e-screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first free port of 4501–4509 (this project's e2e range). */
async function freePort(): Promise<number> {
  for (let port = 4501; port <= 4509; port++) if (await portIsFree(port)) return port;
  throw new Error('no free port in 4501-4509');
}

export type RunningGateway = {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
};

/**
 * `env` adds or overrides the gateway's environment (e.g. a data directory kept across a restart,
 * another signing key); `port` reuses a port (a restart at the same address keeps the browser's
 * storage).
 */
export async function startGateway(
  options: { env?: Record<string, string>; port?: number } = {},
): Promise<RunningGateway> {
  const main = here('../../gateway/dist/main.js');
  const web = here('../dist');
  if (!existsSync(main)) throw new Error(`build the gateway first (${main} is missing)`);
  if (!existsSync(`${web}/index.html`)) throw new Error(`build the web app first (${web} is missing)`);
  const port = options.port ?? (await freePort());
  let output = '';
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      LAYANAN_DATA_DIR: 'memory://',
      LAYANAN_SEED: 'auto',
      LAYANAN_WEB_DIR: web,
      LAYANAN_JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      LAYANAN_ESCALATION_INTERVAL_MS: '0',
      LAYANAN_DEV_LOGIN: 'true',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited (${child.exitCode}): ${output}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) break;
    } catch {
      // not listening yet (migrating and seeding)
    }
    if (Date.now() - started > 200_000) throw new Error(`gateway not ready after 200 s: ${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

export type AppPage = { page: Page; context: BrowserContext; consoleErrors: string[] };

/** A fresh browser context (own storage) in the given language; console errors are collected. */
export async function openApp(
  browser: Browser,
  baseURL: string,
  lang: 'id' | 'en',
  viewport = { width: 1280, height: 900 },
): Promise<AppPage> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    reducedMotion: 'reduce',
    locale: lang === 'id' ? 'id-ID' : 'en-GB',
    timezoneId: 'Asia/Jakarta',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await context.addInitScript((l) => {
    if (!localStorage.getItem('layanan.lang')) localStorage.setItem('layanan.lang', l);
  }, lang);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  return { page, context, consoleErrors };
}

/**
 * One e2e file's gateway and Chromium, started before its tests and stopped after them; `open`
 * gives a fresh app page (own storage) whose context is closed at the end. Call at the top level.
 * `env` is passed to `startGateway`; `cleanup` runs after the gateway has stopped (e.g. removing a
 * data or mail directory the gateway wrote into). `restart` stops the gateway and starts it again
 * at the same port (the browser's storage is kept) with `env` plus the given variables.
 */
export function useGatewayAndBrowser(options: { env?: Record<string, string>; cleanup?: () => void } = {}): {
  readonly gateway: RunningGateway;
  open(lang: 'id' | 'en', viewport?: { width: number; height: number }): Promise<AppPage>;
  restart(env?: Record<string, string>): Promise<RunningGateway>;
} {
  let gateway: RunningGateway | undefined;
  let browser: Browser | undefined;
  const opened: AppPage[] = [];
  beforeAll(async () => {
    [gateway, browser] = await Promise.all([startGateway({ env: options.env }), launchBrowser()]);
  });
  afterAll(async () => {
    for (const app of opened) await app.context.close().catch(() => {});
    await browser?.close();
    await gateway?.stop();
    options.cleanup?.();
  });
  return {
    get gateway() {
      if (!gateway) throw new Error('the gateway starts in beforeAll');
      return gateway;
    },
    async open(lang, viewport) {
      if (!browser || !gateway) throw new Error('the browser starts in beforeAll');
      const app = await openApp(browser, gateway.url, lang, viewport);
      opened.push(app);
      return app;
    },
    async restart(env = {}) {
      if (!gateway) throw new Error('the gateway starts in beforeAll');
      const port = gateway.port;
      await gateway.stop();
      gateway = await startGateway({ port, env: { ...options.env, ...env } });
      return gateway;
    },
  };
}

/** Sign in through the development-only demo account picker. */
export async function signInAsDemo(page: Page, email: string): Promise<void> {
  await page.goto('/masuk');
  await page.getByTestId(`demo-${email}`).click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** Registers a new citizen account through the sign-in page's "Daftar" form, signed in after. */
export async function registerInBrowser(
  page: Page,
  account: { name: string; email: string; password: string },
): Promise<void> {
  await page.goto('/masuk');
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await page.getByLabel('Nama').fill(account.name);
  await page.getByLabel('Email atau nomor ponsel').fill(account.email);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Daftar', exact: true }).last().click();
  await page.getByTestId('signed-in-as').getByText(account.name).waitFor();
}

/** Signs in with an identifier and password through the sign-in page. */
export async function signInWithPassword(
  page: Page,
  account: { name: string; email: string; password: string },
): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Email atau nomor ponsel').fill(account.email);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).last().click();
  await page.getByTestId('signed-in-as').getByText(account.name).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** A seeded account's access token (devLogin). */
export async function devToken(baseURL: string, email: string): Promise<string> {
  const login = (await (
    await fetch(`${baseURL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($e:String!){ devLogin(email:$e){ ... on DevLoginPayload { token } } }',
        variables: { e: email },
      }),
    })
  ).json()) as { data: { devLogin: { token: string } } };
  return login.data.devLogin.token;
}

/** A GraphQL call as a seeded account (devLogin), for checks the browser cannot make. */
export async function gqlAs<T>(
  baseURL: string,
  email: string | null,
  query: string,
  variables = {},
): Promise<T> {
  const token = email ? await devToken(baseURL, email) : undefined;
  const response = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The demo seed's required document slots of PBG (issue 19): verification needs each accepted. */
export const PBG_REQUIRED_SLOTS = ['ktp', 'bukti_tanah', 'gambar_teknis'] as const;

/** A small PDF (enough for the gateway to recognise it by content); `note` makes it unique. */
export const samplePdf = (note: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n% ${note}\n%%EOF\n`,
  );

/** Chooses a PDF (`samplePdf`, marked with `note` and the slot) in each required PBG slot of the form. */
export async function attachPbgDocuments(page: Page, note: string): Promise<void> {
  for (const slot of PBG_REQUIRED_SLOTS)
    await page
      .getByTestId(`slot-${slot}`)
      .locator('input[type=file]')
      .setInputFiles({
        name: `${slot}.pdf`,
        mimeType: 'application/pdf',
        buffer: samplePdf(`${note} ${slot}`.trim()),
      });
}

/** On the staff request page, accepts each required PBG document ("Sesuai persyaratan"). */
export async function acceptPbgDocuments(page: Page): Promise<void> {
  const checklist = page.getByTestId('checklist');
  for (const slot of PBG_REQUIRED_SLOTS) {
    await checklist
      .getByTestId(`checklist-${slot}`)
      .getByRole('button', { name: 'Sesuai persyaratan' })
      .click();
    await checklist.locator(`[data-testid="checklist-${slot}"][data-state="ACCEPTED"]`).waitFor();
  }
}

/**
 * Files a PBG request as `email` with a PDF in each required slot (a GraphQL multipart request)
 * and has yulia@ (DPMPTSP) accept every document, so that it can be verified. Its tracking code
 * and version (reviews do not change the version).
 */
export async function filePbgWithDocuments(
  baseURL: string,
  email: string,
  input: Record<string, unknown>,
): Promise<{ trackingCode: string; version: number }> {
  const query = `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
    __typename ... on ServiceRequestPayload { request { trackingCode version attachments { id } } } ... on Failure { message } } }`;
  const form = new FormData();
  const files = PBG_REQUIRED_SLOTS.map((slot) => ({ slot, bytes: samplePdf(`${slot} ${Math.random()}`) }));
  form.set(
    'operations',
    JSON.stringify({
      query,
      variables: {
        input: {
          serviceCode: 'PBG',
          ...input,
          attachments: files.map(() => null),
          attachmentSlots: files.map((f) => f.slot),
        },
      },
    }),
  );
  form.set(
    'map',
    JSON.stringify(
      Object.fromEntries(files.map((_, i) => [String(i), [`variables.input.attachments.${i}`]])),
    ),
  );
  for (const [i, f] of files.entries())
    form.set(String(i), new Blob([new Uint8Array(f.bytes)], { type: 'application/pdf' }), `${f.slot}.pdf`);
  const response = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await devToken(baseURL, email)}`, 'x-graphql-yoga-csrf': '1' },
    body: form,
  });
  const body = (await response.json()) as {
    data?: {
      submitServiceRequest: {
        request?: { trackingCode: string; version: number; attachments: { id: string }[] };
      };
    };
  };
  const request = body.data?.submitServiceRequest.request;
  if (!request) throw new Error(`filing with documents failed: ${JSON.stringify(body)}`);
  const staff = await devToken(baseURL, 'yulia@layanan.test');
  for (const a of request.attachments) {
    const reviewed = await fetch(`${baseURL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${staff}` },
      body: JSON.stringify({
        query:
          'mutation($input: ReviewRequestDocumentInput!) { reviewRequestDocument(input: $input) { __typename } }',
        variables: { input: { attachmentId: a.id, decision: 'ACCEPTED' } },
      }),
    });
    const answer = (await reviewed.json()) as { data?: { reviewRequestDocument?: { __typename: string } } };
    if (answer.data?.reviewRequestDocument?.__typename !== 'ServiceRequestPayload')
      throw new Error(`review failed: ${JSON.stringify(answer)}`);
  }
  return { trackingCode: request.trackingCode, version: request.version };
}
