// Issue 18, crash proof of the mail outbox: the BUILT gateway queues mail (the owner of an address
// that someone tries to register again is told) while its worker is off, is killed with SIGKILL,
// and a restarted gateway delivers every message to a real SMTP server exactly once, each with
// the Message-ID fixed when it was queued.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { DEFAULT_PRIVACY_NOTICE_VERSION } from '../src/app/privacy-config.js';
import { type ReceivedMail, startSmtpServer } from '../src/testing/smtp.js';
import { createScratchDatabase, type ScratchDatabase, startGateway } from './support.js';

const N = 10;
const PORT = Number(process.env.MAIL_CRASH_PORT || 4311);

describe('mail outbox across SIGKILL', () => {
  let db: ScratchDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    db = await createScratchDatabase('mailcrash');
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
    await db?.drop();
  });

  it('delivers every queued message once after a kill, with its Message-ID', async () => {
    const env = {
      DATABASE_URL: db.url,
      PORT: String(PORT),
      LAYANAN_SMTP_URL: smtp.url,
      LAYANAN_PUBLIC_URL: 'https://layanan.test',
      LAYANAN_JWT_SECRET: 'x'.repeat(40),
    };
    const first = await startGateway({ ...env, LAYANAN_MAIL_INTERVAL_MS: '0' });
    onTestFinished(() => {
      first.child.kill('SIGKILL');
    });
    const register = (email: string) =>
      fetch(first.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { __typename } }',
          variables: {
            input: {
              email,
              displayName: 'Warga Uji',
              password: 'kata-sandi-yang-panjang-2026',
              privacyNoticeVersion: DEFAULT_PRIVACY_NOTICE_VERSION,
            },
          },
        }),
      }).then((r) => r.json());
    for (let i = 0; i < N; i++) {
      await register(`crash${i}@layanan.test`);
      await register(`crash${i}@layanan.test`); // the owner is to be told by e-mail
    }
    // Each new account is mailed its verification link and each repeat its owner's notice: 2N
    // messages, queued just after each answer (register-citizen.ts does not wait for them).
    const TOTAL = 2 * N;
    const pendingIds = () =>
      db.client.query<{ messageId: string }>(`SELECT "messageId" FROM mail_message WHERE "sentAt" IS NULL`);
    let queued = await pendingIds();
    for (let i = 0; i < 50 && queued.rows.length < TOTAL; i++) {
      await new Promise((r) => setTimeout(r, 100));
      queued = await pendingIds();
    }
    expect(queued.rows).toHaveLength(TOTAL);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(smtp.received).toHaveLength(0);

    const second = await startGateway({ ...env, LAYANAN_MAIL_INTERVAL_MS: '200' });
    try {
      const deadline = Date.now() + 15_000;
      while (smtp.received.length < TOTAL && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 500)); // nothing more arrives
      const ids = smtp.received.map((m: ReceivedMail) => m.header('message-id'));
      expect(ids.sort()).toEqual(queued.rows.map((r) => `<${r.messageId}>`).sort());
      const pending = await db.client.query(`SELECT 1 FROM mail_message WHERE "sentAt" IS NULL`);
      expect(pending.rowCount).toBe(0);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
