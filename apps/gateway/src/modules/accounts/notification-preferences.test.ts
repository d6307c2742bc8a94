// Notification settings: the language and per-kind e-mail of the signed-in account; a kind turned
// off is no longer mailed but still reaches the feed.
import { testDatabaseKinds } from '@layanan/db/testing';
import { describe, expect, it, vi } from 'vitest';
import { PBG_REQUEST as PBG, submittedRequest } from '../../testing/requests.js';
import { useHarness } from '../../testing/use-harness.js';

const SETTINGS = '{ notificationSettings { language preferences { kind label email } } }';
const SET = `mutation($input: SetNotificationSettingsInput!) { setNotificationSettings(input: $input) {
  __typename
  ... on SetNotificationSettingsPayload { data { language preferences { kind email } } }
  ... on ValidationError { fields { field code } }
} }`;

describe.each(testDatabaseKinds())('notification settings on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['warga', 'yulia'] });

  it('lists the kinds that reach the role, e-mail on by default, named in the caller’s language', async () => {
    const citizen = await h.gql(SETTINGS, {}, { token: t.warga, lang: 'en' });
    const settings = citizen.body.data.notificationSettings;
    expect(settings.language).toBe('id');
    const kinds = settings.preferences.map((p: any) => p.kind);
    expect(kinds).toContain('REQUEST_RETURNED');
    expect(kinds).not.toContain('REQUEST_ASSIGNED');
    expect(settings.preferences.every((p: any) => p.email)).toBe(true);
    expect(settings.preferences.find((p: any) => p.kind === 'REQUEST_RETURNED').label).toBe(
      'Request returned for correction',
    );
    const staff = await h.gql(SETTINGS, {}, { token: t.yulia });
    expect(staff.body.data.notificationSettings.preferences.map((p: any) => p.kind)).toContain(
      'REQUEST_ASSIGNED',
    );
    const anonymous = await h.gql(SETTINGS);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('turns the e-mail of a kind off (the feed still gets it) and sets the language', async () => {
    const refused = await h.gql(SET, { input: { emailOff: ['REQUEST_ASSIGNED'] } }, { token: t.warga });
    expect(refused.body.data.setNotificationSettings).toEqual({
      __typename: 'ValidationError',
      fields: [{ field: 'emailOff', code: 'NOT_ALLOWED' }],
    });
    const set = await h.gql(
      SET,
      { input: { emailOff: ['REQUEST_RECEIVED'], language: 'en' } },
      { token: t.warga },
    );
    const data = set.body.data.setNotificationSettings.data;
    expect(data.language).toBe('en');
    expect(data.preferences.find((p: any) => p.kind === 'REQUEST_RECEIVED').email).toBe(false);

    const account = await h.db.prisma.account.findFirstOrThrow({ where: { email: 'warga@layanan.test' } });
    const mailsBefore = await h.db.prisma.mailMessage.count({
      where: { accountId: account.id, purpose: 'notification:REQUEST_RECEIVED' },
    });
    const req = await submittedRequest(h, { ...PBG, idempotencyKey: 'prefs-1' }, t.warga);
    const feed = async () =>
      (
        await h.gql(
          '{ notifications(first: 50) { edges { node { kind linkPath } } } }',
          {},
          { token: t.warga },
        )
      ).body.data.notifications.edges
        .map((e: any) => e.node)
        .filter((n: any) => n.kind === 'REQUEST_RECEIVED' && n.linkPath.endsWith(req.trackingCode));
    await vi.waitFor(async () => expect(await feed()).toHaveLength(1), { timeout: 10_000 });
    expect(
      await h.db.prisma.mailMessage.count({
        where: { accountId: account.id, purpose: 'notification:REQUEST_RECEIVED' },
      }),
    ).toBe(mailsBefore);

    const on = await h.gql(
      SET,
      { input: { emailOn: ['REQUEST_RECEIVED'], language: 'id' } },
      { token: t.warga },
    );
    expect(on.body.data.setNotificationSettings.data.language).toBe('id');
    // On again: the next request's notice is mailed.
    await submittedRequest(h, { ...PBG, idempotencyKey: 'prefs-2' }, t.warga);
    await vi.waitFor(
      async () =>
        expect(
          await h.db.prisma.mailMessage.count({
            where: { accountId: account.id, purpose: 'notification:REQUEST_RECEIVED' },
          }),
        ).toBe(mailsBefore + 1),
      { timeout: 10_000 },
    );
  });
});
