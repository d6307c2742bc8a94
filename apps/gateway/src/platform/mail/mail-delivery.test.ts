// Issue 18: a request walked through every state over GraphQL; the e-mails that reach a real SMTP
// server in the test process (recipient, language, subject, link, unsubscribe header), and on
// PostgreSQL two instances sharing the outbox, each message sent once.
import { createDatabase } from '@layanan/db';
import { type TestDatabase, testDatabaseKinds } from '@layanan/db/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { mailSettings } from '../../app/mail-config.js';
import { ACCOUNTS } from '../../testing/accounts.js';
import { moveRequest, PBG_REQUEST, submittedRequest } from '../../testing/requests.js';
import { type ReceivedMail, useSmtpServer } from '../../testing/smtp.js';
import { useHarness } from '../../testing/use-harness.js';
import { verifyUnsubscribe } from './outbox.js';
import { createMailTransport } from './transport.js';
import { MailWorker } from './worker.js';

const log = pino({ level: 'silent' });
const PUBLIC = 'https://layanan.test';

const smtp = useSmtpServer();

describe.each(testDatabaseKinds())('notification e-mail on %s', (kind) => {
  const { h, t } = useHarness(kind, {
    login: ['warga', 'yulia', 'hendra'],
    env: { LAYANAN_PUBLIC_URL: PUBLIC, LAYANAN_MAIL_INTERVAL_MS: '0' },
  });
  /** Sends the outbox and returns what arrived for `email` since the last call. */
  let seen = 0;
  const arrived = async (): Promise<ReceivedMail[]> => {
    await smtp.deliver(h);
    const out = smtp.received.slice(seen);
    seen = smtp.received.length;
    return out;
  };
  /** The subjects that reached `to`, sorted (one worker run sends in no promised order). */
  const subjects = (mails: ReceivedMail[], to: string) =>
    mails
      .filter((m) => m.to.includes(to))
      .map((m) => m.header('subject'))
      .sort();

  it('tells citizen, staff and supervisor about every step, in their language, with links', async () => {
    seen = smtp.received.length;
    // The citizen reads English; staff keep Indonesian (the default).
    await h.db.prisma.account.update({ where: { email: ACCOUNTS.warga }, data: { language: 'en' } });
    const yulia = await h.db.prisma.account.findUniqueOrThrow({ where: { email: ACCOUNTS.yulia } });
    const request = await submittedRequest(h, PBG_REQUEST, t.warga);
    const code = request.trackingCode;
    // Route it to yulia so the staff notices have an account to go to.
    await h.db.prisma.serviceRequest.update({
      where: { trackingCode: request.trackingCode },
      data: { assigneeStaffId: yulia.staffId },
    });

    const received = await arrived();
    expect(subjects(received, ACCOUNTS.warga)).toEqual([`Request ${code} received`]);
    const receipt = received.find((m) => m.to.includes(ACCOUNTS.warga));
    expect(receipt?.text).toContain(`tracking code ${code}`);
    expect(receipt?.text).toContain(`${PUBLIC}/permohonan/${code}`);
    expect(receipt?.header('message-id')).toMatch(/^<[0-9a-f-]{36}@layanan\.test>$/);
    const unsubscribe = /^<(https:\/\/layanan\.test\/mail\/unsubscribe\?[^>]+)>$/.exec(
      receipt?.header('list-unsubscribe') ?? '',
    )?.[1];
    expect(unsubscribe).toBeDefined();
    const q = new URL(unsubscribe ?? '').searchParams;
    expect(q.get('k')).toBe('REQUEST_RECEIVED');
    expect(
      verifyUnsubscribe(mailSettings(h.config).secret, q.get('a') ?? '', q.get('k') ?? '', q.get('s') ?? ''),
    ).toBe(true);
    expect(receipt?.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // Returned for correction: the citizen reads what to fix.
    const back = await h.gql(
      `mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) { __typename ... on ServiceRequestPayload { request { version } } } }`,
      {
        input: {
          trackingCode: code,
          to: 'RETURNED_TO_CITIZEN',
          expectedVersion: 1,
          publicNote: 'Foto KTP buram',
        },
      },
      { token: t.yulia },
    );
    let version: number = back.body.data.transitionServiceRequest.request.version;
    let mails = await arrived();
    expect(subjects(mails, ACCOUNTS.warga)).toEqual([`Request ${code} needs a correction`]);
    expect(mails.find((m) => m.to.includes(ACCOUNTS.warga))?.text).toContain('What to fix: Foto KTP buram');

    // The citizen sends it back: yulia is told (in Indonesian).
    version = await moveRequest(h, code, ['SUBMITTED'], t.warga, version);
    mails = await arrived();
    expect(subjects(mails, ACCOUNTS.yulia)).toEqual([`Permohonan ${code} dilengkapi pemohon`]);
    expect(mails.find((m) => m.to.includes(ACCOUNTS.yulia))?.text).toContain(
      `${PUBLIC}/staf/permohonan/${code}`,
    );

    version = await moveRequest(h, code, ['VERIFIED', 'IN_PROGRESS'], t.yulia, version);
    mails = await arrived();
    expect(subjects(mails, ACCOUNTS.warga)).toEqual([
      `Request ${code} is in progress`,
      `Request ${code} verified`,
    ]);

    // Escalated: the citizen is told, and the supervisor that it is now theirs.
    version = await moveRequest(h, code, ['ESCALATED'], t.yulia, version);
    mails = await arrived();
    expect(subjects(mails, ACCOUNTS.warga)).toEqual([`Request ${code} was escalated`]);
    expect(subjects(mails, ACCOUNTS.hendra)).toEqual([`Eskalasi: permohonan ${code}`]);

    // Completed: the completion notice invites to the survey.
    await moveRequest(h, code, ['COMPLETED'], t.hendra, version);
    mails = await arrived();
    expect(subjects(mails, ACCOUNTS.warga)).toEqual([expect.stringContaining(code)]);
    expect(mails[0]?.text).toContain('satisfaction survey');

    // Every message once; the feed has a link for each.
    const ids = smtp.received.map((m) => m.header('message-id'));
    expect(new Set(ids).size).toBe(ids.length);
    const feed = await h.gql(
      '{ notifications(first: 20) { edges { node { kind linkPath title } } } }',
      {},
      { token: t.warga },
    );
    const nodes = feed.body.data.notifications.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.kind)).toEqual([
      'SURVEY_INVITATION',
      'REQUEST_ESCALATED',
      'REQUEST_IN_PROGRESS',
      'REQUEST_VERIFIED',
      'REQUEST_RETURNED',
      'REQUEST_RECEIVED',
    ]);
    for (const n of nodes) expect(n.linkPath).toBe(`/permohonan/${code}`);
  });

  it('turns off one kind of e-mail by its one-click link; the feed still gets it', async () => {
    await arrived();
    await submittedRequest(h, PBG_REQUEST, t.warga);
    const receipt = (await arrived()).find((m) => m.to.includes(ACCOUNTS.warga));
    const link = /^<(.+)>$/.exec(receipt?.header('list-unsubscribe') ?? '')?.[1] ?? '';
    const local = link.replace(PUBLIC, 'http://layanan.test');
    const bad = await h.gateway.fetch(local.replace(/s=[^&]+/, 's=forged'), { method: 'POST' });
    expect(bad.status).toBe(400);
    const confirm = await h.gateway.fetch(local);
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    expect(page).toContain('<form method="post"');
    // The kind by the name the preferences show, not its code; a page that runs nothing.
    expect(page).toContain('“Permohonan diterima”');
    const said = [...page.matchAll(/<p lang="\w+">([^<]*)<\/p>/g)].map((m) => m[1]).join(' ');
    expect(said).toContain('“Request received”');
    expect(said).not.toContain('REQUEST_RECEIVED');
    expect(confirm.headers.get('content-security-policy')).toContain("default-src 'none'");
    // What a mail client sends for List-Unsubscribe-Post (RFC 8058).
    const done = await h.gateway.fetch(local, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    const next = await submittedRequest(h, PBG_REQUEST, t.warga);
    expect(subjects(await arrived(), ACCOUNTS.warga)).toEqual([]);
    const feed = await h.db.prisma.notification.count({
      where: { kind: 'REQUEST_RECEIVED', request: { trackingCode: next.trackingCode } },
    });
    expect(feed).toBe(1);
    await h.db.prisma.notificationPreference.deleteMany({});
  });

  it('tells the citizen the reason of a rejection', async () => {
    const request = await submittedRequest(h, PBG_REQUEST, t.warga);
    await arrived();
    await h.gql(
      `mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) { __typename } }`,
      {
        input: {
          trackingCode: request.trackingCode,
          to: 'REJECTED',
          expectedVersion: 1,
          publicNote: 'Bukan wilayah Sawahlunto',
        },
      },
      { token: t.yulia },
    );
    const mails = await arrived();
    expect(subjects(mails, ACCOUNTS.warga)).toEqual([`Request ${request.trackingCode} was rejected`]);
    expect(mails[0]?.text).toContain('Reason: Bukan wilayah Sawahlunto');
  });

  it.runIf(kind === 'postgresql')('shares the outbox between two instances: each message once', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.pathname = `/${(h.db as TestDatabase).name}`;
    const other = await createDatabase({ url: url.toString(), migrate: false, poolSize: 4 });
    try {
      const before = smtp.received.length;
      await h.db.prisma.mailMessage.createMany({
        data: Array.from({ length: 40 }, (_, i) => ({
          messageId: `shared-${i}-${Date.now()}@layanan.test`,
          toAddress: `shared${i}@layanan.test`,
          subject: `Shared ${i}`,
          textBody: 'x',
          purpose: 'test:shared',
        })),
      });
      const transport = createMailTransport({ ...h.config.mail, smtpUrl: smtp.url });
      const workers = [h.db.prisma, other.prisma, h.db.prisma, other.prisma].map(
        (prisma) => new MailWorker({ prisma, transport, log, maxAttempts: 3, batchSize: 5 }),
      );
      const results = await Promise.all(workers.map((w) => w.run()));
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(40);
      expect(results.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
      const shared = smtp.received.slice(before).filter((m) => m.header('subject')?.startsWith('Shared'));
      expect(shared).toHaveLength(40);
      expect(new Set(shared.map((m) => m.header('message-id'))).size).toBe(40);
      expect(await h.db.prisma.mailMessage.count({ where: { purpose: 'test:shared', sentAt: null } })).toBe(
        0,
      );
    } finally {
      await other.close();
    }
  });
});
