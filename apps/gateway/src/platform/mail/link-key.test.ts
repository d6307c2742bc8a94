// Issue 18: one-click unsubscribe links keep working after a restart — the key that signs them is
// LAYANAN_MAIL_LINK_SECRET, else derived from LAYANAN_JWT_SECRET, else a key file kept beside the
// data directory (mode 0600) — and a link mailed by one gateway process is accepted by the next.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createGateway } from '../../app/gateway.js';
import { mailSettings } from '../../app/mail-config.js';
import { ACCOUNTS } from '../../testing/accounts.js';
import { TEST_ENV } from '../../testing/harness.js';
import { PBG_REQUEST, submittedRequest } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';
import { unsubscribeUrl, verifyUnsubscribe } from './outbox.js';

const dir = mkdtempSync(join(tmpdir(), 'layanan-link-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ACCOUNT = '00000000-0000-4000-8000-000000000001';
const secretOf = (env: Record<string, string>) =>
  mailSettings(loadConfig({ NODE_ENV: 'test', ...env })).secret;

describe('the unsubscribe link key', () => {
  it('is kept in a file beside the data directory, readable by its owner only, the same on every start', () => {
    const env = { LAYANAN_DATA_DIR: join(dir, 'files-case', 'pglite') };
    const first = secretOf(env);
    const path = join(dir, 'files-case', 'mail-link.key');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const link = new URL(
      unsubscribeUrl({ publicUrl: 'https://x.test', secret: first }, ACCOUNT, 'REQUEST_NOTE'),
    );
    // A new configuration is what a restarted process loads.
    const again = secretOf(env);
    expect(verifyUnsubscribe(again, ACCOUNT, 'REQUEST_NOTE', link.searchParams.get('s') ?? '')).toBe(true);
  });

  it('is derived from the JWT secret (not the secret itself), or is LAYANAN_MAIL_LINK_SECRET', () => {
    const jwt = 'j'.repeat(40);
    const derived = secretOf({ LAYANAN_JWT_SECRET: jwt, LAYANAN_DATA_DIR: 'memory://' });
    expect(Buffer.from(derived)).toEqual(
      Buffer.from(secretOf({ LAYANAN_JWT_SECRET: jwt, LAYANAN_DATA_DIR: join(dir, 'other', 'pglite') })),
    );
    expect(Buffer.from(derived).equals(Buffer.from(jwt))).toBe(false);
    expect(Buffer.from(derived).length).toBe(32);
    const own = 'm'.repeat(40);
    expect(Buffer.from(secretOf({ LAYANAN_JWT_SECRET: jwt, LAYANAN_MAIL_LINK_SECRET: own }))).toEqual(
      Buffer.from(own),
    );
    expect(() => secretOf({ LAYANAN_MAIL_LINK_SECRET: 'short' })).toThrow(/LAYANAN_MAIL_LINK_SECRET/);
  });
});

describe('a link mailed before a restart', () => {
  // No JWT secret (as `pnpm start`): each process has a new random one.
  const env = { LAYANAN_DATA_DIR: join(dir, 'restart', 'pglite') };
  const { h, t } = useHarness('pglite', { login: ['warga'], env });

  it('unsubscribes after it, without signing in', async () => {
    const request = await submittedRequest(h, PBG_REQUEST, t.warga);
    const mail = await h.db.prisma.mailMessage.findFirstOrThrow({
      where: { purpose: 'notification:REQUEST_RECEIVED', textBody: { contains: request.trackingCode } },
    });
    const header = (mail.headers as Record<string, string>)['List-Unsubscribe'] ?? '';
    const link = new URL(/^<(.+)>$/.exec(header)?.[1] ?? '');
    // The restarted gateway: a configuration loaded anew from the same environment.
    const restarted = createGateway({
      db: h.db,
      config: loadConfig({ ...TEST_ENV, ...env }),
      log: pino({ level: 'silent' }),
      storage: h.storage,
      signer: h.signer,
    });
    const answer = await restarted.fetch(`http://layanan.test${link.pathname}${link.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(answer.status).toBe(200);
    const account = await h.db.prisma.account.findUniqueOrThrow({ where: { email: ACCOUNTS.warga } });
    const preference = await h.db.prisma.notificationPreference.findUnique({
      where: { accountId_kind: { accountId: account.id, kind: 'REQUEST_RECEIVED' } },
    });
    expect(preference?.email).toBe(false);
  });
});
