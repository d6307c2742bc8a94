import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../../testing/use-harness.js';

const SESSION =
  '... on AuthPayload { accessToken refreshToken expiresAt refreshExpiresAt account { displayName role } }';
const FAILURE = '... on Failure { __typename code message } ... on ValidationError { fields { field code } }';
const AUTH_FAILURE = '... on Failure { __typename code message }';

describe.each(testDatabaseKinds())('accounts and sessions on %s', (kind) => {
  const { h } = useHarness(kind);

  const REGISTERED = '... on RegistrationReceived { received message }';
  const register = (input: Record<string, unknown>, lang?: string) =>
    h.gql(
      `mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { __typename ${REGISTERED} ${FAILURE} } }`,
      { input: { privacyNoticeVersion: h.config.privacy.noticeVersion, ...input } },
      { lang },
    );
  const login = (identifier: string, password: string) =>
    h.gql(
      `mutation($input: LoginInput!) { login(input: $input) { __typename ${SESSION} ${AUTH_FAILURE} } }`,
      {
        input: { identifier, password },
      },
    );
  const refresh = (refreshToken: string) =>
    h.gql(
      `mutation($t: String!) { refreshSession(refreshToken: $t) { __typename ${SESSION} ${AUTH_FAILURE} } }`,
      {
        t: refreshToken,
      },
    );
  const registerOk = async (input: Record<string, unknown>) =>
    expect((await register(input)).body.data.registerCitizen.__typename).toBe('RegistrationReceived');
  const whoAmI = async (token: string) =>
    await h.gql('{ me { kind role account { displayName } } }', {}, { token });

  it('registers a citizen with a mobile number, stores only an argon2id hash; they sign in with login', async () => {
    const { body } = await register({
      phone: '0812 7000 1234',
      displayName: 'Rini Wahyuni',
      password: 'rendang kapau enak',
    });
    expect(body.data.registerCitizen).toMatchObject({ __typename: 'RegistrationReceived', received: true });
    const stored = await h.db.prisma.account.findUniqueOrThrow({ where: { phone: '+6281270001234' } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain('rendang');
    const session = (await login('0812-7000-1234', 'rendang kapau enak')).body.data.login;
    expect(session.account).toEqual({ displayName: 'Rini Wahyuni', role: 'CITIZEN' });
    expect(new Date(session.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    expect((await whoAmI(session.accessToken)).body.data.me).toEqual({
      kind: 'ACCOUNT',
      role: 'CITIZEN',
      account: { displayName: 'Rini Wahyuni' },
    });
    const audit = await h.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'registerCitizen', entityId: stored.id },
    });
    expect(JSON.stringify(audit)).not.toMatch(/rendang|\+62812/);
  });

  it('rejects malformed sign-ups field by field', async () => {
    const bad = await register({ email: 'rini@', displayName: 'R', password: 'password123' });
    expect(bad.body.data.registerCitizen.__typename).toBe('ValidationError');
    expect(bad.body.data.registerCitizen.fields).toEqual([
      { field: 'email', code: 'ACCOUNT_EMAIL_INVALID' },
      { field: 'displayName', code: 'ACCOUNT_DISPLAY_NAME_INVALID' },
      { field: 'password', code: 'ACCOUNT_PASSWORD_WEAK' },
    ]);
  });

  it('answers a taken e-mail or phone exactly like a new one, changes nothing and records it for the owner', async () => {
    for (const lang of ['id', 'en']) {
      const fresh = await register(
        {
          email: `baru-${lang}-${Date.now()}@example.id`,
          displayName: 'Siti',
          password: 'kopi talawi pagi hari',
        },
        lang,
      );
      const takenEmail = await register(
        { email: 'WARGA@layanan.test', displayName: 'Siti', password: 'kopi talawi pagi hari' },
        lang,
      );
      const takenPhone = await register(
        { phone: '0812 7000 1234', displayName: 'Siti', password: 'kopi talawi pagi hari' },
        lang,
      );
      for (const taken of [takenEmail, takenPhone]) {
        expect(taken.status).toBe(fresh.status);
        expect(taken.body).toEqual(fresh.body);
      }
    }
    // Nothing of the existing accounts changed; their owners are to be told, not the caller.
    const warga = await h.db.prisma.account.findUniqueOrThrow({ where: { email: 'warga@layanan.test' } });
    expect(warga.displayName).not.toBe('Siti');
    expect(warga.passwordHash).toBeNull();
    const rini = await h.db.prisma.account.findUniqueOrThrow({ where: { phone: '+6281270001234' } });
    expect(rini.displayName).toBe('Rini Wahyuni');
    const recorded = await h.db.prisma.domainEvent.findMany({
      where: { kind: 'accounts.registration-attempted-for-existing' },
    });
    expect(recorded.map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ accountId: warga.id, by: 'email' }),
        expect.objectContaining({ accountId: rini.id, by: 'phone' }),
      ]),
    );
    expect(JSON.stringify(recorded)).not.toMatch(/warga@|\+62812/);
  });

  it('signs in by email or phone, and fails the same way for a wrong password or an unknown account', async () => {
    await registerOk({
      email: 'joni@example.id',
      displayName: 'Joni Putra',
      password: 'gulai itiak lado mudo',
    });
    const byEmail = await login(' JONI@example.id ', 'gulai itiak lado mudo');
    expect(byEmail.body.data.login.__typename).toBe('AuthPayload');
    const wrong = await login('joni@example.id', 'gulai itiak lado merah');
    const unknown = await login('nobody@example.id', 'gulai itiak lado mudo');
    for (const failed of [wrong, unknown]) {
      expect(failed.body.data.login).toMatchObject({
        __typename: 'AuthenticationFailed',
        code: 'INVALID_CREDENTIALS',
      });
    }
    expect(wrong.body.data.login.message).toBe(unknown.body.data.login.message);
    expect(
      await h.db.prisma.auditEntry.count({
        where: { action: 'login', after: { equals: { outcome: 'failed', reason: 'credentials' } } },
      }),
    ).toBeGreaterThanOrEqual(2);
  });

  it('rotates refresh tokens, and a replayed one ends the whole family', async () => {
    const first = (await login('joni@example.id', 'gulai itiak lado mudo')).body.data.login;
    const second = (await refresh(first.refreshToken)).body.data.refreshSession;
    expect(second.__typename).toBe('AuthPayload');
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const replay = await refresh(first.refreshToken);
    expect(replay.body.data.refreshSession).toMatchObject({
      __typename: 'AuthenticationFailed',
      code: 'REFRESH_TOKEN_INVALID',
    });
    // The legitimate newer token died with the family.
    expect((await refresh(second.refreshToken)).body.data.refreshSession.__typename).toBe(
      'AuthenticationFailed',
    );
    expect((await refresh('lyr_garbage')).body.data.refreshSession.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('logs out, and a logged-out refresh token no longer works', async () => {
    const session = (await login('joni@example.id', 'gulai itiak lado mudo')).body.data.login;
    const out = await h.gql('mutation($t: String!) { logout(refreshToken: $t) { revoked } }', {
      t: session.refreshToken,
    });
    expect(out.body.data.logout.revoked).toBe(true);
    expect((await refresh(session.refreshToken)).body.data.refreshSession.__typename).toBe(
      'AuthenticationFailed',
    );
  });

  it('changes the password, ending every earlier session including live access tokens', async () => {
    await registerOk({
      email: 'mira@example.id',
      displayName: 'Mira Lestari',
      password: 'sate mak syukur enak',
    });
    const old = (await login('mira@example.id', 'sate mak syukur enak')).body.data.login;
    const change = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { __typename ${SESSION} ${FAILURE} } }`;
    const wrong = await h.gql(
      change,
      { input: { currentPassword: 'nope nope nope', newPassword: 'x' } },
      { token: old.accessToken },
    );
    expect(wrong.body.data.changePassword.code).toBe('CURRENT_PASSWORD_WRONG');
    const weak = await h.gql(
      change,
      { input: { currentPassword: 'sate mak syukur enak', newPassword: 'mira12345678' } },
      { token: old.accessToken },
    );
    expect(weak.body.data.changePassword.__typename).toBe('ValidationError');
    const changed = await h.gql(
      change,
      { input: { currentPassword: 'sate mak syukur enak', newPassword: 'soto padang pagi hari' } },
      { token: old.accessToken },
    );
    const fresh = changed.body.data.changePassword;
    expect(fresh.__typename).toBe('AuthPayload');
    expect((await whoAmI(old.accessToken)).status).toBe(401);
    expect((await refresh(old.refreshToken)).body.data.refreshSession.__typename).toBe(
      'AuthenticationFailed',
    );
    expect((await whoAmI(fresh.accessToken)).body.data.me.kind).toBe('ACCOUNT');
    expect((await login('mira@example.id', 'soto padang pagi hari')).body.data.login.__typename).toBe(
      'AuthPayload',
    );
  });

  it('refuses changePassword to anonymous callers', async () => {
    const { body } = await h.gql(
      'mutation { changePassword(input: { currentPassword: "a", newPassword: "b" }) { __typename } }',
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
