// Issue 18, "done when": from `pnpm start` (development mode, embedded PGlite, demo data) a citizen
// files a request that staff return, the citizen corrects, and staff complete; the citizen's feed
// holds each step, and each step's e-mail is an `.eml` file under `.data/mail/` — or, with
// LAYANAN_SMTP_URL set, the same messages reach an SMTP server.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { query, type Started, start, stop } from './testing/gateway-process.js';
import { PBG_REQUEST } from './testing/requests.js';
import { parseMail, startSmtpServer } from './testing/smtp.js';
import { acceptEveryDocument, multipartBody, PBG_REQUIRED_SLOTS, slotDocuments } from './testing/uploads.js';

vi.setConfig({ testTimeout: 300_000 });

const temp = mkdtempSync(join(tmpdir(), 'layanan-walk-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const CITIZEN = 'warga@layanan.test';
const STAFF = 'yulia@layanan.test';

const SUBMIT = `mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) {
  __typename ... on ServiceRequestPayload { request { trackingCode version } } } }`;
const MOVE = `mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) {
  __typename ... on ServiceRequestPayload { request { version state } } } }`;
const CORRECT = `mutation($input: AddServiceRequestCorrectionInput!) { addServiceRequestCorrection(input: $input) {
  __typename ... on ServiceRequestPayload { request { version } } } }`;

/** The walk of the issue; returns the tracking code and the citizen's feed (kinds, newest first). */
async function walk(gateway: Started): Promise<{ code: string; feed: { kind: string; linkPath: string }[] }> {
  const url = gateway.url;
  const login = async (email: string) =>
    (await query(url, `mutation { devLogin(email: "${email}") { ... on DevLoginPayload { token } } }`)).data
      .devLogin.token as string;
  const citizen = await login(CITIZEN);
  const staff = await login(STAFF);
  const submitted = await query(url, SUBMIT, citizen, { input: PBG_REQUEST });
  const { trackingCode: code, version: v1 } = submitted.data.submitServiceRequest.request;
  const move = async (to: string, version: number, token: string, publicNote?: string) => {
    const r = await query(url, MOVE, token, {
      input: { trackingCode: code, to, expectedVersion: version, publicNote },
    });
    expect(r.data?.transitionServiceRequest?.request?.state, JSON.stringify(r)).toBe(to);
    return r.data.transitionServiceRequest.request.version as number;
  };
  let version = await move('RETURNED_TO_CITIZEN', v1, staff, 'Lampirkan KTP, sertifikat dan gambar teknis.');
  // The correction carries the documents the checklist asks for (demo PBG), which staff accept.
  const documents = slotDocuments(PBG_REQUIRED_SLOTS, code);
  const corrected = (await (
    await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${citizen}`, 'x-graphql-yoga-csrf': '1' },
      body: multipartBody(
        CORRECT,
        {
          trackingCode: code,
          expectedVersion: version,
          text: 'Dokumen sudah saya lampirkan.',
          attachmentSlots: documents.attachmentSlots,
        },
        documents.files,
      ),
    })
  ).json()) as any;
  version = corrected.data.addServiceRequestCorrection.request.version;
  version = await move('SUBMITTED', version, citizen);
  await acceptEveryDocument((q, v) => query(url, q, staff, v), code);
  for (const to of ['VERIFIED', 'IN_PROGRESS', 'COMPLETED']) version = await move(to, version, staff);
  const feed = await query(url, '{ notifications(first: 50) { edges { node { kind linkPath } } } }', citizen);
  return {
    code,
    feed: feed.data.notifications.edges
      .map((e: { node: { kind: string; linkPath: string } }) => e.node)
      .filter((n: { linkPath: string }) => n.linkPath === `/permohonan/${code}`),
  };
}

/** What the citizen is told, in the order it happens. */
const CITIZEN_KINDS = [
  'REQUEST_RECEIVED',
  'REQUEST_RETURNED',
  'REQUEST_VERIFIED',
  'REQUEST_IN_PROGRESS',
  'SURVEY_INVITATION',
];
const citizenSubjects = (code: string) => [
  `Permohonan ${code} diterima`,
  `Permohonan ${code} perlu dilengkapi`,
  `Permohonan ${code} diverifikasi`,
  `Permohonan ${code} sedang diproses`,
];

describe('the notification walk from pnpm start', () => {
  const env = (name: string) => ({
    NODE_ENV: 'development',
    LAYANAN_DATA_DIR: join(temp, name, 'pglite'),
    LAYANAN_MAIL_INTERVAL_MS: '200',
    LAYANAN_ESCALATION_INTERVAL_MS: '0',
  });

  it('fills the feed and writes each e-mail as an .eml file under .data/mail', async () => {
    const gateway = await start(env('eml'));
    try {
      const { code, feed } = await walk(gateway);
      expect(feed.map((n) => n.kind)).toEqual([...CITIZEN_KINDS].reverse());
      const dir = join(temp, 'eml', 'mail');
      const mails = () =>
        readdirSync(dir, { withFileTypes: true })
          .filter((f) => f.name.endsWith('.eml'))
          .map((f) => parseMail(readFileSync(join(dir, f.name), 'utf8')))
          .filter((m) => m.header('to') === CITIZEN && m.header('subject')?.includes(code));
      await vi.waitFor(() => expect(mails()).toHaveLength(5), { timeout: 30_000, interval: 250 });
      const subjects = mails().map((m) => m.header('subject'));
      expect(subjects).toEqual(expect.arrayContaining(citizenSubjects(code)));
      for (const m of mails()) {
        expect(m.text).toContain(`http://localhost:`);
        expect(m.text).toContain(`/permohonan/${code}`);
        expect(m.header('list-unsubscribe')).toMatch(/^<http:\/\/localhost:\d+\/mail\/unsubscribe\?/);
      }
    } finally {
      expect(await stop(gateway)).toBe(0);
    }
  });

  it('sends the same messages over SMTP when LAYANAN_SMTP_URL is set', async () => {
    const smtp = await startSmtpServer();
    const gateway = await start({ ...env('smtp'), LAYANAN_SMTP_URL: smtp.url });
    try {
      const { code, feed } = await walk(gateway);
      expect(feed.map((n) => n.kind)).toEqual([...CITIZEN_KINDS].reverse());
      const mails = () =>
        smtp.received.filter((m) => m.to.includes(CITIZEN) && m.header('subject')?.includes(code));
      await vi.waitFor(() => expect(mails()).toHaveLength(5), { timeout: 30_000, interval: 250 });
      expect(mails().map((m) => m.header('subject'))).toEqual(expect.arrayContaining(citizenSubjects(code)));
    } finally {
      expect(await stop(gateway)).toBe(0);
      await smtp.close();
    }
  });
});
