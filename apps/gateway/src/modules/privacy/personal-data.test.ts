// Personal data rights (issue 23 item 3, UU 27/2022) on both databases: the export holds every row
// of the database that names the citizen; a profile is corrected (a new e-mail proved again);
// erasure leaves no personal value of the person in any table, keeps the statistics, ends the
// sessions and is audited.
import { testDatabaseKinds } from '@layanan/db/testing';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { mailSettings } from '../../app/mail-config.js';
import { unsubscribeUrl } from '../../platform/mail/outbox.js';
import { registeredCitizen } from '../../testing/accounts.js';
import { citizenWithData } from '../../testing/citizen-data.js';
import { findPersonalValues, rowsNaming } from '../../testing/personal-data-scan.js';
import { useHarness } from '../../testing/use-harness.js';

/** Tables whose rows name the person but are not in the export, and why. */
const NOT_EXPORTED: Record<string, string> = {
  refresh_token: 'hashes of session secrets; the sessions themselves are exported',
  account_token: 'hashes of single-use links; the addresses they went to are the profile’s',
  domain_event: 'the gateway’s own outbox of effects; each effect (notification, mail) is exported',
};

describe.each(testDatabaseKinds())('personal data on %s', (kind) => {
  const { h, t } = useHarness(kind, { login: ['yulia', 'warga'] });

  it('exports every row that names the citizen, with their values', async () => {
    const c = await citizenWithData(h, t.yulia);
    const { body } = await h.gql('{ me { personalData } }', {}, { token: c.token });
    expect(body.errors).toBeUndefined();
    const data = body.data.me.personalData;
    const text = JSON.stringify(data);
    expect(data.format).toBe('layanan.personal-data/1');
    expect(data.account).toMatchObject({ displayName: c.personal.name, email: c.personal.email });
    for (const value of Object.values(c.personal)) expect(text, value).toContain(value);
    expect(data.requests[0].events.map((e: { toState: string }) => e.toState)).toEqual([
      'SUBMITTED',
      'VERIFIED',
    ]);
    expect(data.notifications.length).toBeGreaterThan(0);

    // Every row naming the account, or one of its requests or submissions, is in the export by id.
    const ids = [c.accountId, c.requestId, c.submissionId];
    const missing: string[] = [];
    let checked = 0;
    for (const id of ids) {
      for (const row of await rowsNaming(h.db.prisma, id)) {
        if (NOT_EXPORTED[row.table]) continue;
        // Another person's notification or mail about the request (the assigned staff member's).
        if (['notification', 'mail_message'].includes(row.table) && !row.text.includes(c.accountId)) continue;
        // The row's own id is its first uuid (tables with a composite key: the other columns).
        const rowId = /^\(([0-9a-f-]{36})/.exec(row.text)?.[1];
        checked += 1;
        if (rowId && !text.includes(rowId) && !text.toLowerCase().includes(rowId))
          missing.push(`${row.table} ${row.text}`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('gives nothing to anonymous callers, and another citizen only their own', async () => {
    const anonymous = await h.gql('{ me { personalData identityViews { at } } }');
    expect(anonymous.body.data.me).toEqual({ personalData: null, identityViews: [] });
    const c = await citizenWithData(h, t.yulia);
    const other = await h.gql('{ me { personalData } }', {}, { token: t.warga });
    expect(JSON.stringify(other.body.data.me.personalData)).not.toContain(c.personal.email);
  });

  const STATS = `{ requestStatistics(from: "2020-01-01", to: "2035-12-31", groupBy: SERVICE) {
    __typename ... on RequestStatisticsPayload { data { key submitted completed backlog } } } }`;
  const ERASE = `mutation($input: EraseMyAccountInput!) { eraseMyAccount(input: $input) {
    __typename ... on AccountErased { requests submissions } ... on AuthenticationFailed { code } ... on OperationFailed { code } } }`;

  it('corrects the profile: a new e-mail is pending until its link is used; a taken one is answered alike', async () => {
    const c = await citizenWithData(h, t.yulia);
    const update = (input: Record<string, unknown>, token = c.token) =>
      h.gql(
        `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { __typename
          ... on UpdateProfilePayload { emailVerificationSent account { displayName email phone emailVerified phoneVerified } }
          ... on ValidationError { code fields { field code } } ... on ConflictError { code } } }`,
        { input },
        { token },
      );
    const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) { __typename
      ... on ValidationError { code } } }`;
    const email = `baru-${c.accountId.slice(0, 8)}@contoh.id`;
    const changed = await update({ displayName: 'Sutan  Baru', email: email.toUpperCase() });
    const unchanged = {
      email: c.personal.email,
      phone: c.personal.phone,
      emailVerified: true,
      phoneVerified: false,
    };
    expect(changed.body.data.updateProfile).toEqual({
      __typename: 'UpdateProfilePayload',
      emailVerificationSent: true,
      account: { displayName: 'Sutan Baru', ...unchanged },
    });
    const mail = await h.db.prisma.mailMessage.findMany({ where: { toAddress: email } });
    expect(mail.map((m) => m.purpose)).toEqual(['account:email-verification']);
    const audit = await h.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: 'updateProfile', entityId: c.accountId },
    });
    expect(audit.before).toMatchObject({ displayName: c.personal.name, email: '[redacted]' });

    // Another account's address and number: the same answer, nothing sent to them, their owner told.
    const warga = await h.db.prisma.account.findUniqueOrThrow({ where: { email: 'warga@layanan.test' } });
    const events = () =>
      h.db.prisma.domainEvent.findMany({ where: { kind: 'accounts.registration-attempted-for-existing' } });
    const eventsBefore = (await events()).length;
    const mailsToWarga = () => h.db.prisma.mailMessage.count({ where: { toAddress: warga.email ?? '' } });
    const wargaMailBefore = await mailsToWarga();
    const taken = await update({ displayName: 'Sutan Baru', email: 'WARGA@layanan.test' });
    expect(taken.body).toEqual(changed.body);
    const recorded = (await events()).slice(eventsBefore).map((e) => e.payload);
    expect(recorded).toEqual([expect.objectContaining({ accountId: warga.id, by: 'email' })]);
    // The owner's notice is queued after commit; it is the only mail to that address.
    for (let i = 0; i < 200 && (await mailsToWarga()) === wargaMailBefore; i++)
      await new Promise((r) => setTimeout(r, 25));
    const toWarga = await h.db.prisma.mailMessage.findMany({
      where: { toAddress: warga.email ?? '' },
      orderBy: { createdAt: 'desc' },
      take: (await mailsToWarga()) - wargaMailBefore,
    });
    expect(toWarga.map((m) => m.purpose)).toEqual(['account:registration-attempted']);
    // The earlier link still names the free address; the taken one ended it (only the newest change counts).
    const link = /token=([A-Za-z0-9_-]{43})/.exec(mail[0]?.textBody ?? '')?.[1] ?? '';
    expect((await h.gql(VERIFY, { token: link })).body.data.verifyEmail.__typename).toBe('ValidationError');

    // A fresh change to the free address, proved by its link: the account moves there, verified.
    await update({ email });
    const fresh = await h.db.prisma.mailMessage.findFirstOrThrow({
      where: { toAddress: email },
      orderBy: { createdAt: 'desc' },
    });
    const token = /token=([A-Za-z0-9_-]{43})/.exec(fresh.textBody)?.[1] ?? '';
    expect((await h.gql(VERIFY, { token })).body.data.verifyEmail.__typename).toBe('EmailVerified');
    const moved = await h.db.prisma.account.findUniqueOrThrow({ where: { id: c.accountId } });
    expect(moved.email).toBe(email);
    expect(moved.emailVerifiedAt).not.toBeNull();

    // A number is pending as well: without an SMS provider it cannot complete; a taken one alike.
    const digits = String(Number.parseInt(c.accountId.slice(0, 8), 16) % 1e8).padStart(8, '0');
    const rini = await registeredCitizen(h, {
      phone: `+62813${digits}`,
      displayName: 'Rini Wahyuni',
      password: c.password,
    });
    const freeNumber = await update({ phone: `0814${digits}` });
    const takenNumber = await update({ phone: `0813${digits}` });
    expect(takenNumber.body).toEqual(freeNumber.body);
    expect(freeNumber.body.data.updateProfile.account.phone).toBe(c.personal.phone);
    expect((await events()).map((e) => e.payload)).toContainEqual(
      expect.objectContaining({ accountId: rini.accountId, by: 'phone' }),
    );

    // A pending address another account takes meanwhile: its link is refused like an invalid one.
    const later = `nanti-${c.accountId.slice(0, 8)}@contoh.id`;
    await update({ email: later });
    const laterLink = await h.db.prisma.mailMessage.findFirstOrThrow({ where: { toAddress: later } });
    await h.db.prisma.account.update({ where: { id: rini.accountId }, data: { email: later } });
    const refused = await h.gql(VERIFY, { token: /token=([A-Za-z0-9_-]{43})/.exec(laterLink.textBody)?.[1] });
    expect(refused.body.data.verifyEmail).toEqual({
      __typename: 'ValidationError',
      code: 'ACCOUNT_TOKEN_INVALID',
    });
    expect((await h.db.prisma.account.findUniqueOrThrow({ where: { id: c.accountId } })).email).toBe(email);

    const none = await update({ email: '', phone: '' });
    expect(none.body.data.updateProfile.fields).toEqual([
      { field: 'email', code: 'PROFILE_CONTACT_REQUIRED' },
    ]);
  });

  it('erases the account: no personal value left anywhere, statistics unchanged, sessions ended, audited', async () => {
    const c = await citizenWithData(h, t.yulia);
    const { sha256 } = await h.db.prisma.attachment.findFirstOrThrow({ where: { requestId: c.requestId } });
    const files = await h.gql(
      'query($code: String!) { serviceRequest(trackingCode: $code) { attachments { url } } }',
      { code: c.trackingCode },
      { token: c.token },
    );
    const url = files.body.data.serviceRequest.attachments[0].url as string;
    expect((await h.gateway.fetch(`http://layanan.test${url}`)).status).toBe(200);
    expect(await h.storage.has(sha256)).toBe(true);
    const before = await h.gql(STATS);
    expect(await findPersonalValues(h.db.prisma, Object.values(c.personal))).not.toEqual([]);
    // A note of the citizen's own in the trail (as an answer to a return writes one).
    const last = await h.db.prisma.requestEvent.findFirstOrThrow({
      where: { requestId: c.requestId },
      orderBy: { sequence: 'desc' },
    });
    await h.db.prisma.requestEvent.create({
      data: {
        requestId: c.requestId,
        sequence: last.sequence + 1,
        kind: 'NOTE',
        fromState: last.toState,
        toState: last.toState,
        actorKind: 'CITIZEN',
        actorAccountId: c.accountId,
        publicNote: `Alamat saya ${c.personal.text}`,
      },
    });
    await h.db.prisma.serviceRequest.update({
      where: { id: c.requestId },
      data: { version: last.sequence + 1 },
    });

    const wrong = await h.gql(ERASE, { input: { password: 'salah-sekali-123' } }, { token: c.token });
    expect(wrong.body.errors).toBeUndefined();
    expect(wrong.body.data.eraseMyAccount).toEqual({
      __typename: 'AuthenticationFailed',
      code: 'CURRENT_PASSWORD_WRONG',
    });
    const staff = await h.gql(ERASE, { input: { password: 'apa-saja-1234' } }, { token: t.yulia });
    expect(staff.body.data.eraseMyAccount.__typename).toBe('AuthenticationFailed');

    // The account's one-click unsubscribe link works until the erasure.
    const unsubscribe = unsubscribeUrl(mailSettings(h.config), c.accountId, 'REQUEST_VERIFIED').replace(
      /^https?:\/\/[^/]+/,
      'http://layanan.test',
    );
    expect((await h.gateway.fetch(unsubscribe)).status).toBe(200);

    const erased = await h.gql(ERASE, { input: { password: c.password } }, { token: c.token });
    expect(erased.body.data.eraseMyAccount).toEqual({
      __typename: 'AccountErased',
      requests: 1,
      submissions: 1,
    });

    expect(await findPersonalValues(h.db.prisma, Object.values(c.personal))).toEqual([]);
    // Afterwards its unsubscribe link is an invalid link, and writes nothing for the erased account.
    for (const method of ['GET', 'POST']) {
      const answer = await h.gateway.fetch(unsubscribe, {
        method,
        ...(method === 'POST'
          ? {
              body: 'List-Unsubscribe=One-Click',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
            }
          : {}),
      });
      expect(answer.status, method).toBe(400);
    }
    expect(await h.db.prisma.notificationPreference.count({ where: { accountId: c.accountId } })).toBe(0);
    expect((await h.gql(STATS)).body).toEqual(before.body);
    const request = await h.db.prisma.serviceRequest.findUniqueOrThrow({ where: { id: c.requestId } });
    expect(request).toMatchObject({
      state: 'VERIFIED',
      citizenAccountId: c.accountId,
      originalText: '[dihapus]',
    });
    expect(request.attributeValues).toMatchObject({
      nik: '[dihapus]',
      kecamatan: 'LEMBAH_SEGAR',
      fungsi: 'HUNIAN',
    });
    expect(request.personalDataErasedAt).not.toBeNull();
    // The placeholders are stored in Indonesian and shown in the caller's language.
    const SHOWN = `query($code: String!, $submission: ID!) {
      serviceRequest(trackingCode: $code) {
        originalText attributeValues applicant { displayName } attachments { name }
        events { actorKind publicNote } }
      node(id: $submission) { ... on Submission { title text } } }`;
    for (const [lang, text, name] of [
      ['id', '[dihapus]', 'Warga terhapus'],
      ['en', '[erased]', 'Erased citizen'],
    ]) {
      const shown = await h.gql(
        SHOWN,
        { code: c.trackingCode, submission: encodeGlobalID('Submission', c.submissionId) },
        { token: t.yulia, lang },
      );
      expect(shown.body.data.serviceRequest, lang).toMatchObject({
        originalText: text,
        attributeValues: { nik: text },
        applicant: { displayName: name },
        attachments: [{ name: lang === 'id' ? 'lampiran.pdf' : 'attachment.pdf' }],
      });
      const citizenNotes = shown.body.data.serviceRequest.events
        .filter((e: { actorKind: string }) => e.actorKind === 'CITIZEN')
        .map((e: { publicNote: string }) => e.publicNote);
      expect(citizenNotes, lang).toContain(text);
      expect(shown.body.data.node, lang).toEqual({ title: text, text });
    }
    expect(await h.storage.has(sha256)).toBe(false);
    expect((await h.gateway.fetch(`http://layanan.test${url}`)).status).toBe(404);
    // The old token is refused; the account cannot sign in again.
    const after = await h.gql('{ me { kind } }', {}, { token: c.token });
    expect(after.body.errors?.[0]?.extensions?.code).toBe('INVALID_TOKEN');
    const sessions = await h.db.prisma.accountSession.findMany({ where: { accountId: c.accountId } });
    expect(sessions.every((s) => s.endReason === 'erased' || s.endedAt !== null)).toBe(true);
    const audit = await h.db.prisma.auditEntry.findMany({
      where: { entityId: c.accountId, action: 'eraseMyAccount' },
      orderBy: { createdAt: 'asc' },
    });
    expect(audit.map((a) => a.after)).toEqual([
      { outcome: 'failed', reason: 'password' },
      { reason: 'erase', requests: 1, submissions: 1 },
    ]);
  });

  it('records consent to the notice in force at registration; withdrawing it erases the account', async () => {
    const notice = await h.gql(
      '{ privacyNotice { version responseHours dataProtectionOfficer { email placeholder } } }',
    );
    expect(notice.body.data.privacyNotice).toEqual({
      version: '2026-12',
      responseHours: 72,
      dataProtectionOfficer: { email: 'ppdp@sawahluntokota.go.id', placeholder: true },
    });
    const outdated = await h.gql(
      'mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { __typename ... on ValidationError { code } } }',
      {
        input: {
          email: 'lama@contoh.id',
          displayName: 'Warga Lama',
          password: 'gunung-singgalang-2027',
          privacyNoticeVersion: '2020-01',
        },
      },
    );
    expect(outdated.body.data.registerCitizen).toEqual({
      __typename: 'ValidationError',
      code: 'PRIVACY_NOTICE_OUTDATED',
    });
    // No version: consent is never assumed (UU 27/2022 art. 20–22); nothing is created.
    const silent = await h.gql(
      `mutation($input: RegisterCitizenInput!) { registerCitizen(input: $input) { __typename
        ... on ValidationError { code messageEn fields { field code } } } }`,
      { input: { email: 'diam@contoh.id', displayName: 'Warga Diam', password: 'gunung-singgalang-2027' } },
    );
    expect(silent.body.data.registerCitizen).toMatchObject({
      __typename: 'ValidationError',
      code: 'PRIVACY_CONSENT_REQUIRED',
      messageEn: 'Read the privacy notice and give your consent to register.',
      fields: [{ field: 'privacyNoticeVersion', code: 'PRIVACY_CONSENT_REQUIRED' }],
    });
    expect(await h.db.prisma.account.count({ where: { email: 'diam@contoh.id' } })).toBe(0);
    const c = await citizenWithData(h, t.yulia);
    const consents = await h.gql(
      '{ me { privacyConsents { noticeVersion withdrawnAt } } }',
      {},
      { token: c.token },
    );
    expect(consents.body.data.me.privacyConsents).toEqual([{ noticeVersion: '2026-12', withdrawnAt: null }]);
    const withdrawn = await h.gql(
      'mutation($input: WithdrawPrivacyConsentInput!) { withdrawPrivacyConsent(input: $input) { __typename } }',
      { input: { password: c.password } },
      { token: c.token },
    );
    expect(withdrawn.body.data.withdrawPrivacyConsent.__typename).toBe('AccountErased');
    const consent = await h.db.prisma.privacyConsent.findFirstOrThrow({ where: { accountId: c.accountId } });
    expect(consent.withdrawnAt).not.toBeNull();
    expect(await findPersonalValues(h.db.prisma, Object.values(c.personal))).toEqual([]);
  });

  it('records each staff view of one person’s identity, not lists; the person sees who looked', async () => {
    const c = await citizenWithData(h, t.yulia);
    const one = await h.gql(
      'query($code: String!) { serviceRequest(trackingCode: $code) { applicant { email phone } attributeValues } }',
      { code: c.trackingCode },
      { token: t.yulia },
    );
    expect(one.body.data.serviceRequest.applicant.email).toBe(c.personal.email);
    const list = await h.gql(
      '{ serviceRequests(first: 50) { edges { node { applicant { email } attributeValues } } } }',
      {},
      { token: t.yulia },
    );
    expect(list.body.errors).toBeUndefined();
    // The person's own look is not recorded.
    await h.gql(
      'query($code: String!) { serviceRequest(trackingCode: $code) { applicant { email } attributeValues } }',
      { code: c.trackingCode },
      { token: c.token },
    );
    const seen = await h.gql(
      '{ me { identityViews { what trackingCode viewerName viewerUnit } } }',
      {},
      { token: c.token },
    );
    expect(
      seen.body.data.me.identityViews.sort((a: { what: string }, b: { what: string }) =>
        a.what.localeCompare(b.what),
      ),
    ).toEqual([
      {
        what: 'REQUEST_APPLICANT',
        trackingCode: c.trackingCode,
        viewerName: expect.any(String),
        viewerUnit: 'DPMPTSP',
      },
      {
        what: 'REQUEST_ATTRIBUTES',
        trackingCode: c.trackingCode,
        viewerName: expect.any(String),
        viewerUnit: 'DPMPTSP',
      },
    ]);
    const rows = await h.db.prisma.identityView.count({ where: { subjectAccountId: c.accountId } });
    expect(rows).toBe(2);
  });

  type ViewLog = {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { at: string } }[];
  };

  it('pages the whole view log with its total (identityViewLog): no view is out of reach', async () => {
    const c = await citizenWithData(h, t.yulia);
    const viewer = await h.db.prisma.account.findFirstOrThrow({ where: { staff: { isNot: null } } });
    const base = Date.parse('2026-06-01T00:00:00Z');
    await h.db.prisma.identityView.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({
        subjectAccountId: c.accountId,
        viewerAccountId: viewer.id,
        what: 'REQUEST_APPLICANT',
        at: new Date(base + i * 60_000),
      })),
    });
    const LOG = `query($after: String) { me { identityViewLog(first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { at } } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const r = await h.gql<{ me: { identityViewLog: ViewLog } }>(LOG, { after }, { token: c.token });
      const log: ViewLog = r.body.data!.me.identityViewLog;
      expect(log.totalCount).toBe(130);
      seen.push(...log.edges.map((e) => e.node.at));
      if (!log.pageInfo.hasNextPage) break;
      after = log.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect(seen[0]).toBe(new Date(base + 129 * 60_000).toISOString());
    const anonymous = await h.gql('{ me { identityViewLog { totalCount edges { node { at } } } } }');
    expect(anonymous.body.data.me.identityViewLog).toEqual({ totalCount: 0, edges: [] });
  });
});
