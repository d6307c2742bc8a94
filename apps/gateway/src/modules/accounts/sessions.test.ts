// Issue 15, kind 6: a session ends when it should. After logout, a replayed refresh token and a
// password change (even within the same second) the session's access tokens are refused at once,
// by every gateway instance; tokens without an expiry or signed with another algorithm are
// refused; live subscriptions end when the caller loses access.
import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@layanan/db/testing';
import { SignJWT, UnsecuredJWT } from 'jose';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../app/gateway.js';
import { createLayananPubSub } from '../../app/pubsub.js';
import { moveRequest, PBG_REQUEST as PBG, submittedRequest } from '../../testing/requests.js';
import { subscribe } from '../../testing/sse.js';
import { useHarness } from '../../testing/use-harness.js';
import { hashPassword } from './commands/session.js';
import { generateRefreshToken } from './identity.js';

const SESSION = '... on AuthPayload { accessToken refreshToken } ... on Failure { code }';
const PASSWORD = 'gulai ikan karang padang';

describe.each(testDatabaseKinds())('sessions end when they should on %s', (kind) => {
  const events = createLayananPubSub();
  const { h } = useHarness(kind, { pubsub: events.pubsub, env: { LAYANAN_LIVE_RECHECK_SECONDS: '1' } });

  /** A citizen with a password, signed in: its access and refresh token. */
  async function signedIn(): Promise<{ email: string; accessToken: string; refreshToken: string }> {
    const email = `sesi-${randomUUID()}@example.id`;
    const existing = await h.db.prisma.account.findUnique({ where: { email } });
    if (!existing) {
      await h.db.prisma.account.create({
        data: {
          email,
          displayName: 'Warga Sesi',
          role: 'CITIZEN',
          passwordHash: await hashPassword(PASSWORD),
        },
      });
    }
    return { email, ...(await login(email)) };
  }
  async function login(email: string, password = PASSWORD) {
    const { body } = await h.gql(`mutation($i: LoginInput!) { login(input: $i) { __typename ${SESSION} } }`, {
      i: { identifier: email, password },
    });
    expect(body.data.login.__typename).toBe('AuthPayload');
    return body.data.login as { accessToken: string; refreshToken: string };
  }
  const refresh = (refreshToken: string) =>
    h.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { __typename ${SESSION} } }`, {
      t: refreshToken,
    });
  const logout = (refreshToken: string) =>
    h.gql('mutation($t: String!) { logout(refreshToken: $t) { revoked } }', { t: refreshToken });
  /** 200 with the account, or the refusal's status and code. */
  const whoAmI = async (token: string) => {
    const r = await h.gql('{ me { kind } }', {}, { token });
    return r.status === 200 && r.body.data?.me?.kind === 'ACCOUNT'
      ? 'ACCOUNT'
      : `${r.status} ${r.body.errors?.[0]?.extensions?.code}`;
  };

  it('refuses the access token of a logged-out session at once, on every gateway instance', async () => {
    const other = await signedIn();
    const session = await signedIn();
    const second = createGateway({ db: h.db, config: h.config, log: pino({ level: 'silent' }) });
    const onSecond = async (token: string) =>
      (
        await second.fetch('http://layanan.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ me { kind } }' }),
        })
      ).status;
    expect(await whoAmI(session.accessToken)).toBe('ACCOUNT');
    expect(await onSecond(session.accessToken)).toBe(200);
    expect((await logout(session.refreshToken)).body.data.logout.revoked).toBe(true);
    expect(await whoAmI(session.accessToken)).toBe('401 INVALID_TOKEN');
    expect(await onSecond(session.accessToken)).toBe(401);
    // Another session of another account is untouched; a second logout revokes nothing.
    expect(await whoAmI(other.accessToken)).toBe('ACCOUNT');
    expect((await logout(session.refreshToken)).body.data.logout.revoked).toBe(false);
    const ended = await h.db.prisma.accountSession.findMany({
      where: { account: { email: session.email } },
    });
    expect(ended.map((s) => s.endReason)).toEqual(['logout']);
  });

  it('a replayed refresh token ends the family, its access tokens included', async () => {
    const first = await signedIn();
    const parallel = await login(first.email);
    const rotated = (await refresh(first.refreshToken)).body.data.refreshSession;
    expect(rotated.__typename).toBe('AuthPayload');
    expect(await whoAmI(rotated.accessToken)).toBe('ACCOUNT');
    expect((await refresh(first.refreshToken)).body.data.refreshSession.code).toBe('REFRESH_TOKEN_INVALID');
    expect(await whoAmI(first.accessToken)).toBe('401 INVALID_TOKEN');
    expect(await whoAmI(rotated.accessToken)).toBe('401 INVALID_TOKEN');
    // Only that sign-in's family ended: the account's other session goes on.
    expect(await whoAmI(parallel.accessToken)).toBe('ACCOUNT');
  });

  it('refuses to renew a refresh token whose session was never recorded (issued before sessions existed)', async () => {
    const { email } = await signedIn();
    const account = await h.db.prisma.account.findUniqueOrThrow({ where: { email } });
    const legacy = generateRefreshToken();
    await h.db.prisma.refreshToken.create({
      data: {
        accountId: account.id,
        familyId: randomUUID(),
        tokenHash: legacy.tokenHash,
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    expect((await refresh(legacy.token)).body.data.refreshSession.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('a password change ends every earlier session within the same second, and the new one works', async () => {
    const old = await signedIn();
    const change = await h.gql(
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { __typename ${SESSION} } }`,
      { i: { currentPassword: PASSWORD, newPassword: 'sate danguang danguang pariaman' } },
      { token: old.accessToken },
    );
    const fresh = change.body.data.changePassword;
    expect(fresh.__typename).toBe('AuthPayload');
    // No pause: the change happens in the same second as the sign-in more often than not.
    expect(await whoAmI(old.accessToken)).toBe('401 INVALID_TOKEN');
    expect(await whoAmI(fresh.accessToken)).toBe('ACCOUNT');
    expect((await refresh(old.refreshToken)).body.data.refreshSession.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('refuses access tokens without an expiry or signed with another algorithm (none, HS512)', async () => {
    const { accessToken } = await signedIn();
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString());
    expect(claims.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(await whoAmI(accessToken)).toBe('ACCOUNT');
    const { exp: _exp, ...noExpiry } = claims;
    const forged = [
      await new SignJWT(noExpiry).setProtectedHeader({ alg: 'HS256' }).sign(h.config.jwtSecret),
      await new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).sign(h.config.jwtSecret),
      await new SignJWT(claims).setProtectedHeader({ alg: 'HS384' }).sign(h.config.jwtSecret),
      new UnsecuredJWT(claims).encode(),
      `${accessToken.split('.').slice(0, 2).join('.')}.`,
      // A valid signature but no session id (tokens of the old format).
      await new SignJWT({ ...claims, sid: undefined })
        .setProtectedHeader({ alg: 'HS256' })
        .sign(h.config.jwtSecret),
    ];
    for (const token of forged) expect(await whoAmI(token), token).toBe('401 INVALID_TOKEN');
  });

  describe('live subscriptions', () => {
    const NOTIFICATIONS = 'subscription { notificationAdded { id } }';
    const UNIT_UPDATES = 'subscription($u: ID!) { unitRequestUpdates(unitId: $u) { trackingCode state } }';
    const within = (stream: { ended: Promise<void> }, ms: number) =>
      Promise.race([stream.ended.then(() => 'ended'), new Promise((r) => setTimeout(() => r('open'), ms))]);

    it('end with ACCESS_ENDED right after logout', async () => {
      const session = await signedIn();
      const live = subscribe(h.gateway, NOTIFICATIONS, {}, session.accessToken);
      await new Promise((r) => setTimeout(r, 300));
      expect(await within(live, 200)).toBe('open');
      await logout(session.refreshToken);
      expect(await within(live, 5000)).toBe('ended');
      expect(live.received.at(-1)?.errors?.[0]?.extensions?.code).toBe('ACCESS_ENDED');
      await live.close();
    });

    it('end when the account is disabled or the staff member moves to another unit', async () => {
      const yulia = await h.login('yulia@layanan.test');
      const dewi = await h.login('dewi@layanan.test');
      const staff = await h.db.prisma.account.findUniqueOrThrow({
        where: { email: 'yulia@layanan.test' },
        include: { staff: true },
      });
      const unitId = staff.staff?.unitId ?? '';
      const moved = subscribe(h.gateway, UNIT_UPDATES, { u: unitId }, yulia);
      const disabled = subscribe(h.gateway, NOTIFICATIONS, {}, dewi);
      await new Promise((r) => setTimeout(r, 300));
      expect(await within(moved, 100)).toBe('open');
      const other = await h.db.prisma.unit.findFirstOrThrow({ where: { id: { not: unitId } } });
      try {
        await h.db.prisma.staff.update({ where: { id: staff.staffId ?? '' }, data: { unitId: other.id } });
        await h.db.prisma.account.update({
          where: { email: 'dewi@layanan.test' },
          data: { disabledAt: new Date() },
        });
        expect(await within(moved, 5000)).toBe('ended');
        expect(await within(disabled, 5000)).toBe('ended');
        expect(moved.received.at(-1)?.errors?.[0]?.extensions?.code).toBe('ACCESS_ENDED');
      } finally {
        await h.db.prisma.staff.update({ where: { id: staff.staffId ?? '' }, data: { unitId } });
        await h.db.prisma.account.update({
          where: { email: 'dewi@layanan.test' },
          data: { disabledAt: null },
        });
        await moved.close();
        await disabled.close();
      }
    });

    it('keep delivering while access holds', async () => {
      const warga = await h.login('warga@layanan.test');
      const { trackingCode } = await submittedRequest(h, PBG, warga);
      const yulia = await h.login('yulia@layanan.test');
      const live = subscribe(
        h.gateway,
        'subscription($c: String!) { requestUpdated(trackingCode: $c) { state } }',
        { c: trackingCode },
        warga,
      );
      await new Promise((r) => setTimeout(r, 1500)); // past one recheck
      expect(await within(live, 100)).toBe('open');
      await moveRequest(h, trackingCode, ['VERIFIED'], yulia);
      expect((await live.next(1, 5000))[0]?.data?.requestUpdated?.state).toBe('VERIFIED');
      await live.close();
    });
  });
});
