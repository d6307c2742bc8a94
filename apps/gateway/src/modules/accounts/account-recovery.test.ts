// Issue 18 item 4: e-mail verification and password reset by single-use, expiring links that reach
// a real SMTP server; no enumeration; a reset ends every other session; a request filed at the
// counter for an unverified address reaches the account only after verification; phone numbers
// wait for an SMS provider; the per-address rate limit of reset requests.
import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@layanan/db/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import { createGateway } from '../../app/gateway.js';
import { memoryRateLimitStore } from '../../app/rate-limits.js';
import { registeredCitizen } from '../../testing/accounts.js';
import { TEST_ENV } from '../../testing/harness.js';
import { postGraphQL } from '../../testing/http.js';
import { PBG_REQUEST, submitRequest } from '../../testing/requests.js';
import { type ReceivedMail, useSmtpServer } from '../../testing/smtp.js';
import { useHarness } from '../../testing/use-harness.js';

const log = pino({ level: 'silent' });
const PUBLIC = 'https://layanan.test';
const PASSWORD = 'gunung-singgalang-2026';

const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) {
  __typename ... on EmailVerified { verified attachedRequests }
  ... on ValidationError { code messageId messageEn fields { field code } } } }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) {
  __typename ... on PasswordResetRequested { received message } ... on ValidationError { code } } }`;
const RESET = `mutation($token: String!, $pw: String!) { resetPassword(input: { token: $token, newPassword: $pw }) {
  __typename ... on PasswordReset { reset } ... on ValidationError { code messageId messageEn fields { field code } } } }`;
const ME = '{ me { account { emailVerified phoneVerified } } }';

const smtp = useSmtpServer();

describe.each(testDatabaseKinds())('address verification and password reset on %s', (kind) => {
  const { h, t } = useHarness(kind, {
    login: ['yulia'],
    env: { LAYANAN_PUBLIC_URL: PUBLIC, LAYANAN_MAIL_INTERVAL_MS: '0' },
  });

  /** Sends the outbox over SMTP and returns the messages that reached `to`. */
  async function mailTo(to: string): Promise<ReceivedMail[]> {
    await smtp.deliver(h);
    return smtp.received.filter((m) => m.to.includes(to));
  }

  /** The token of the newest link to `path` that reached `to`. */
  async function linkToken(to: string, path: string): Promise<string> {
    const mails = await mailTo(to);
    const pattern = new RegExp(`${PUBLIC}${path}\\?token=([A-Za-z0-9_-]{43})`);
    const token = mails
      .map((m) => pattern.exec(m.text)?.[1])
      .filter(Boolean)
      .at(-1);
    if (!token) throw new Error(`no ${path} link reached ${to}`);
    return token;
  }

  /** Registration queues its link after commit without waiting: wait for the outbox row. */
  async function queued(to: string, purpose: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if ((await h.db.prisma.mailMessage.count({ where: { toAddress: to, purpose } })) > 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no ${purpose} mail queued for ${to}`);
  }

  async function citizen(extra: { phone?: string } = {}) {
    const email = `warga-${randomUUID()}@example.org`;
    const session = await registeredCitizen(h, {
      email,
      displayName: 'Warga Baru',
      password: PASSWORD,
      ...extra,
    });
    return { email, ...session };
  }

  it('mails a verification link at registration that works once, and only that once', async () => {
    const c = await citizen();
    expect((await h.gql(ME, {}, { token: c.accessToken })).body.data.me.account).toEqual({
      emailVerified: false,
      phoneVerified: false,
    });
    await queued(c.email, 'account:email-verification');
    const [mail] = await mailTo(c.email);
    expect(mail?.header('subject')).toBe('Verifikasi alamat e-mail Anda');
    expect(mail?.text).toContain('24 jam');
    const token = await linkToken(c.email, '/verifikasi-email');
    // Only a hash is stored.
    const stored = await h.db.prisma.accountToken.findMany({ where: { accountId: c.accountId } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(token);

    const wrong = await h.gql(VERIFY, { token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` });
    expect(wrong.body.data.verifyEmail).toMatchObject({
      __typename: 'ValidationError',
      code: 'ACCOUNT_TOKEN_INVALID',
      fields: [{ field: 'token', code: 'ACCOUNT_TOKEN_INVALID' }],
    });
    expect(wrong.body.data.verifyEmail.messageId).toMatch(/tidak valid/);

    // The link works without signing in.
    const ok = await h.gql(VERIFY, { token });
    expect(ok.body.data.verifyEmail).toEqual({
      __typename: 'EmailVerified',
      verified: true,
      attachedRequests: 0,
    });
    expect((await h.gql(ME, {}, { token: c.accessToken })).body.data.me.account.emailVerified).toBe(true);

    const replay = await h.gql(VERIFY, { token });
    expect(replay.body.data.verifyEmail).toMatchObject({ code: 'ACCOUNT_TOKEN_USED' });
    expect(replay.body.data.verifyEmail.messageEn).toMatch(/already been used/);

    const again = await h.gql(
      'mutation { requestEmailVerification { __typename ... on ConflictError { code } } }',
      {},
      {
        token: c.accessToken,
      },
    );
    expect(again.body.data.requestEmailVerification).toEqual({
      __typename: 'ConflictError',
      code: 'ACCOUNT_ALREADY_VERIFIED',
    });
  });

  it('refuses an expired link, and a link superseded by a newer one', async () => {
    const c = await citizen();
    await queued(c.email, 'account:email-verification');
    const first = await linkToken(c.email, '/verifikasi-email');
    const resend = await h.gql(
      'mutation { requestEmailVerification { __typename ... on VerificationSent { expiresAt } } }',
      {},
      { token: c.accessToken },
    );
    expect(resend.body.data.requestEmailVerification.__typename).toBe('VerificationSent');
    const second = await linkToken(c.email, '/verifikasi-email');
    expect(second).not.toBe(first);
    expect((await h.gql(VERIFY, { token: first })).body.data.verifyEmail.code).toBe('ACCOUNT_TOKEN_EXPIRED');
    // The newer one, once past its expiry, is refused too.
    await h.db.prisma.accountToken.updateMany({
      where: { accountId: c.accountId, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await h.gql(VERIFY, { token: second })).body.data.verifyEmail.code).toBe('ACCOUNT_TOKEN_EXPIRED');
    expect((await h.gql(ME, {}, { token: c.accessToken })).body.data.me.account.emailVerified).toBe(false);
  });

  it('answers a reset request alike for unknown and known addresses, mailing only the known one', async () => {
    const c = await citizen();
    await queued(c.email, 'account:email-verification');
    const unknown = `tidak-ada-${randomUUID()}@example.org`;
    const before = await h.db.prisma.mailMessage.count();
    const forUnknown = await h.gql(REQUEST_RESET, { email: unknown });
    const afterUnknown = await h.db.prisma.mailMessage.count();
    const forKnown = await h.gql(REQUEST_RESET, { email: `  ${c.email.toUpperCase()} ` });
    expect(forUnknown.status).toBe(forKnown.status);
    expect(forUnknown.body).toEqual(forKnown.body);
    expect(forKnown.body.data.requestPasswordReset).toMatchObject({
      __typename: 'PasswordResetRequested',
      received: true,
    });
    expect(afterUnknown).toBe(before);
    expect(await h.db.prisma.mailMessage.count({ where: { toAddress: unknown } })).toBe(0);
    expect((await mailTo(unknown)).length).toBe(0);
    const [reset] = (await mailTo(c.email)).filter((m) => m.header('subject')?.includes('kata sandi'));
    expect(reset?.text).toContain('60 menit');
    // Not an e-mail address at all: a field error, whatever exists.
    expect((await h.gql(REQUEST_RESET, { email: 'bukan alamat' })).body.data.requestPasswordReset.code).toBe(
      'ACCOUNT_EMAIL_INVALID',
    );
  });

  it('resets the password once with the mailed link and ends every other session', async () => {
    const c = await citizen();
    await h.gql(REQUEST_RESET, { email: c.email });
    const token = await linkToken(c.email, '/atur-sandi');

    const weak = await h.gql(RESET, { token, pw: 'warga baru 123' });
    expect(weak.body.data.resetPassword.fields[0].field).toBe('newPassword');

    const done = await h.gql(RESET, { token, pw: 'bukit-barisan-2027' });
    expect(done.body.data.resetPassword).toEqual({ __typename: 'PasswordReset', reset: true });

    // The session open before the reset ends: its access token and its refresh token.
    const me = await h.gql(ME, {}, { token: c.accessToken });
    expect(me.body.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
    const refresh = await h.gql('mutation($t: String!) { refreshSession(refreshToken: $t) { __typename } }', {
      t: c.refreshToken,
    });
    expect(refresh.body.data.refreshSession.__typename).toBe('AuthenticationFailed');
    const sessions = await h.db.prisma.accountSession.findMany({ where: { accountId: c.accountId } });
    expect(sessions.every((s) => s.endReason === 'password-reset')).toBe(true);

    // Replayed: refused; the new password signs in, the old one does not.
    expect((await h.gql(RESET, { token, pw: 'bukit-barisan-2028' })).body.data.resetPassword.code).toBe(
      'ACCOUNT_TOKEN_USED',
    );
    const login = (password: string) =>
      h.gql('mutation($i: LoginInput!) { login(input: $i) { __typename } }', {
        i: { identifier: c.email, password },
      });
    expect((await login('bukit-barisan-2027')).body.data.login.__typename).toBe('AuthPayload');
    expect((await login(PASSWORD)).body.data.login.__typename).toBe('AuthenticationFailed');
    // The link proved the address.
    const account = await h.db.prisma.account.findUniqueOrThrow({ where: { id: c.accountId } });
    expect(account.emailVerifiedAt).not.toBeNull();
  });

  it('refuses an expired or wrong reset token, in Indonesian and English', async () => {
    const c = await citizen();
    await h.gql(REQUEST_RESET, { email: c.email });
    const token = await linkToken(c.email, '/atur-sandi');
    await h.db.prisma.accountToken.updateMany({
      where: { accountId: c.accountId, purpose: 'PASSWORD_RESET' },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    const expired = await h.gql(RESET, { token, pw: 'bukit-barisan-2027' });
    expect(expired.body.data.resetPassword).toMatchObject({
      code: 'ACCOUNT_TOKEN_EXPIRED',
      messageId: expect.stringMatching(/kedaluwarsa/),
      messageEn: expect.stringMatching(/expired/),
    });
    expect(
      (await h.gql(RESET, { token: 'salah', pw: 'bukit-barisan-2027' })).body.data.resetPassword.code,
    ).toBe('ACCOUNT_TOKEN_INVALID');
    const failed = await h.db.prisma.auditEntry.count({
      where: { action: 'resetPassword', entityId: c.accountId },
    });
    expect(failed).toBeGreaterThan(0);
  });

  it('shows a request filed at the counter for an unverified address only after verification', async () => {
    const c = await citizen();
    await queued(c.email, 'account:email-verification');
    const token = await linkToken(c.email, '/verifikasi-email');
    const filed = await submitRequest(h, { ...PBG_REQUEST, citizenEmail: c.email }, t.yulia);
    const code = filed.body.data.submitServiceRequest.request.trackingCode as string;
    const seen = async () =>
      (
        await h.gql(
          'query($c: String!) { serviceRequest(trackingCode: $c) { trackingCode } }',
          { c: code },
          {
            token: c.accessToken,
          },
        )
      ).body.data?.serviceRequest ?? null;
    const listed = async () =>
      (await h.gql('{ serviceRequests(first: 10) { totalCount } }', {}, { token: c.accessToken })).body.data
        .serviceRequests.totalCount;
    expect(await seen()).toBeNull();
    expect(await listed()).toBe(0);
    // Nor is the account told about it before.
    expect(await h.db.prisma.notification.count({ where: { accountId: c.accountId } })).toBe(0);

    const verified = await h.gql(VERIFY, { token });
    expect(verified.body.data.verifyEmail.attachedRequests).toBe(1);
    expect(await seen()).toEqual({ trackingCode: code });
    expect(await listed()).toBe(1);
  });

  it('answers phone verification with SMS_NOT_CONFIGURED and stores nothing without a provider', async () => {
    const phone = `0813${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const c = await citizen({ phone });
    const r = await h.gql(
      'mutation { requestPhoneVerification { __typename ... on OperationFailed { code messageId messageEn } } }',
      {},
      { token: c.accessToken },
    );
    expect(r.body.data.requestPhoneVerification).toMatchObject({
      __typename: 'OperationFailed',
      code: 'SMS_NOT_CONFIGURED',
      messageId: expect.stringMatching(/SMS belum tersedia/),
      messageEn: expect.stringMatching(/no SMS provider is configured/),
    });
    expect(
      await h.db.prisma.accountToken.count({
        where: { accountId: c.accountId, purpose: 'PHONE_VERIFICATION' },
      }),
    ).toBe(0);
  });

  it('limits reset requests per address, whatever the spelling and the client address', async () => {
    const gateway = createGateway({
      db: h.db,
      config: {
        ...loadConfig({
          ...TEST_ENV,
          LAYANAN_TRUST_PROXY: 'true',
          LAYANAN_RATE_AUTH_ID: '2/300',
          LAYANAN_PUBLIC_URL: PUBLIC,
        }),
        jwtSecret: h.config.jwtSecret,
      },
      log,
      rateLimitStore: memoryRateLimitStore(),
    });
    const email = `batas-${randomUUID()}@example.org`;
    const spellings = [email, email.toUpperCase(), ` ${email} `];
    const statuses: number[] = [];
    for (const [i, spelling] of spellings.entries()) {
      const call = await postGraphQL(
        gateway,
        { query: REQUEST_RESET, variables: { email: spelling } },
        { 'x-forwarded-for': `203.0.113.${i + 1}` },
      );
      statuses.push(call.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});
