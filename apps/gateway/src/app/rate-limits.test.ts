// Issue 15, kind 1: rate limits count what is executed, not what is written at the top of the
// document — once per execution, however it is reached (fragments, inline fragments, aliases,
// nesting, batches, form posts). Every operation that checks a secret and every way to submit is
// limited; API keys have their own budget with one per reporter inside it; every spelling of one
// mobile number is one account and one budget.
import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '@layanan/db/testing';
import { execute, parse } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../graphql/schema.js';
import { ANONYMOUS } from '../modules/accounts/identity.js';
import { loginAll, registeredCitizen } from '../testing/accounts.js';
import { createHarness, type Harness, TEST_ENV } from '../testing/harness.js';
import { type HttpAnswer, postForm, postGraphQL } from '../testing/http.js';
import { PBG_REQUEST } from '../testing/requests.js';
import { loadConfig } from './config.js';
import { createGateway, type Gateway } from './gateway.js';
import { DEFAULT_PRIVACY_NOTICE_VERSION } from './privacy-config.js';
import {
  memoryRateLimitStore,
  RATE_LIMITED_FIELDS,
  type RateLimitStore,
  rateLimit,
  redisRateLimitStore,
} from './rate-limits.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const codeOf = (call: HttpAnswer) => call.body?.errors?.[0]?.extensions?.code;
const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 8)}`;

/** `n` sign-ins with the same credentials, each under its own alias. */
const logins = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `a${from + i}: login(input: $input) { __typename }`).join(' ');

const PLAIN_LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { __typename } }';

/** Documents that execute `n` (≥ 2) sign-ins without writing them all at the top of the operation. */
const SHAPES: readonly [string, (n: number) => string][] = [
  [
    'a named fragment',
    (n) => `mutation($input: LoginInput!) { ...F } fragment F on Mutation { ${logins(n)} }`,
  ],
  ['an inline fragment', (n) => `mutation($input: LoginInput!) { ... on Mutation { ${logins(n)} } }`],
  [
    'an inline fragment without a type, under @include',
    (n) => `mutation($input: LoginInput!, $on: Boolean!) { ... @include(if: $on) { ${logins(n)} } }`,
  ],
  [
    'fragments nested in fragments',
    (n) =>
      `mutation($input: LoginInput!) { ...A } fragment A on Mutation { ...B ... on Mutation { ...C } } fragment B on Mutation { ${logins(1)} } fragment C on Mutation { ${logins(n - 1, 1)} }`,
  ],
  [
    'aliases at the top beside a fragment',
    (n) =>
      `mutation($input: LoginInput!) { ${logins(1)} ...F } fragment F on Mutation { ${logins(n - 1, 1)} }`,
  ],
];

describe.each(testDatabaseKinds())('rate limits on %s', (kind) => {
  let h: Harness;
  let tokens: Record<'warga' | 'yulia' | 'admin', string>;
  let forumId: string;
  const gatewayWith = (env: Record<string, string>, store: RateLimitStore = memoryRateLimitStore()) =>
    createGateway({
      db: h.db,
      config: {
        ...loadConfig({ ...TEST_ENV, LAYANAN_TRUST_PROXY: 'true', ...env }),
        jwtSecret: h.config.jwtSecret,
      },
      log: pino({ level: 'silent' }),
      rateLimitStore: store,
    });

  /** A new citizen with a password, an e-mail and a mobile number (`08…`). */
  async function citizen() {
    const password = 'gunung-singgalang-2026';
    const phone = `0812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const email = `sasaran-${randomUUID()}@example.org`;
    const session = await registeredCitizen(h, { email, phone, displayName: 'Warga Sasaran', password });
    return {
      id: session.accountId,
      globalId: (await h.gql('{ me { account { id } } }', {}, { token: session.accessToken })).body.data.me
        .account.id as string,
      email,
      phone,
      password,
      accessToken: session.accessToken,
    };
  }

  /** How many sign-ins ran against the account: each refused one is audited. */
  const guesses = (accountId: string) =>
    h.db.prisma.auditEntry.count({ where: { action: 'login', entityId: accountId } });

  const attempt = (gateway: Gateway, query: string, identifier: string, from = ip()) =>
    postGraphQL(
      gateway,
      { query, variables: { input: { identifier, password: `tebakan-${randomUUID()}` }, on: true } },
      { 'x-forwarded-for': from },
    );

  beforeAll(async () => {
    h = await createHarness(kind);
    tokens = await loginAll(h, ['warga', 'yulia', 'admin']);
    forumId = (await h.gql('{ forum(slug: "pelayanan-perizinan") { id } }')).body.data.forum.id;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  describe('counts what is executed', () => {
    it('refuses the issue’s attack: 30 sign-ins in a fragment, five times, make no guess', async () => {
      const gateway = gatewayWith({ LAYANAN_RATE_AUTH_ID: '10/300' });
      const victim = await citizen();
      const before = await guesses(victim.id);
      const attack = SHAPES[0]?.[1](30) ?? '';
      for (let i = 0; i < 5; i++) {
        const call = await attempt(gateway, attack, victim.email);
        expect(call.status).toBe(429);
        expect(codeOf(call)).toBe('RATE_LIMITED');
        expect(Number(call.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect((await guesses(victim.id)) - before).toBe(0);
      const plain = await attempt(gateway, PLAIN_LOGIN, victim.email);
      expect(plain.status).toBe(429);
    });

    it.each(SHAPES)('counts sign-ins reached through %s once per execution', async (_shape, doc) => {
      const gateway = gatewayWith({ LAYANAN_RATE_AUTH_ID: '10/300' });
      const victim = await citizen();
      const before = await guesses(victim.id);
      for (let i = 0; i < 2; i++) {
        const call = await attempt(gateway, doc(4), victim.email);
        expect(call.status, JSON.stringify(call.body)).toBe(200);
        expect(Object.values(call.body.data).map((v: any) => v.__typename)).toEqual(
          Array(4).fill('AuthenticationFailed'),
        );
      }
      // 8 ran; 4 more would make 12 of 10: nothing of the third document runs.
      const third = await attempt(gateway, doc(4), victim.email);
      expect(third.status).toBe(429);
      expect(third.body.data ?? null).toBeNull();
      expect((await guesses(victim.id)) - before).toBe(8);
    });

    it('counts what runs, not what is written: skipped fields and a repeated response key', async () => {
      const gateway = gatewayWith({ LAYANAN_RATE_AUTH_ID: '1/300' });
      const victim = await citizen();
      const doc = `mutation($input: LoginInput!, $off: Boolean!) {
        a: login(input: $input) @skip(if: true) { __typename }
        b: login(input: $input) @include(if: $off) { __typename }
        ...F @skip(if: true)
        c: login(input: $input) { __typename }
        c: login(input: $input) { __typename }
      } fragment F on Mutation { ${logins(5)} }`;
      const send = () =>
        postGraphQL(gateway, {
          query: doc,
          variables: { input: { identifier: victim.email, password: 'tebakan-salah-1' }, off: false },
        });
      const first = await send();
      expect(first.status).toBe(200);
      expect(first.body.data).toEqual({ c: { __typename: 'AuthenticationFailed' } });
      expect((await send()).status).toBe(429);
    });

    it('counts sign-ins sent as a form post and in batches like any other', async () => {
      const gateway = gatewayWith({ LAYANAN_RATE_AUTH_ID: '3/300', LAYANAN_MAX_BATCH: '5' });
      const victim = await citizen();
      const input = JSON.stringify({
        input: { identifier: victim.email, password: 'tebakan-salah-1' },
        on: true,
      });
      const form = await postForm(
        gateway,
        '/graphql',
        { query: SHAPES[1]?.[1](2) ?? '', variables: input },
        { 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
      );
      expect(form.status, JSON.stringify(form.body)).toBe(200);
      expect(Object.keys(form.body.data)).toHaveLength(2);
      const one = {
        query: `mutation($input: LoginInput!) { ...F } fragment F on Mutation { ${logins(1)} }`,
        variables: JSON.parse(input),
      };
      const batch = await postGraphQL(gateway, [one, one, one]);
      const outcomes = (batch.body as any[]).map(
        (r) => r.data?.a0?.__typename ?? r.errors?.[0]?.extensions?.code,
      );
      expect(outcomes.sort()).toEqual(['AuthenticationFailed', 'RATE_LIMITED', 'RATE_LIMITED']);
      expect(await guesses(victim.id)).toBe(3);
    });

    it.runIf(kind === 'postgresql')('shares the counts of every instance through Redis', async () => {
      const prefix = `layanan-test:${randomUUID()}:`;
      const stores = [redisRateLimitStore(REDIS_URL, prefix), redisRateLimitStore(REDIS_URL, prefix)];
      try {
        const [a, b] = stores.map((store) => gatewayWith({ LAYANAN_RATE_AUTH_ID: '3/300' }, store)) as [
          Gateway,
          Gateway,
        ];
        const victim = await citizen();
        const doc = SHAPES[3]?.[1](2) ?? '';
        expect((await attempt(a, doc, victim.email)).status).toBe(200);
        expect((await attempt(b, doc, victim.email)).status).toBe(429);
        expect(await guesses(victim.id)).toBe(2);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('counts in the resolver what the plugin did not foresee, and runs nothing without it', async () => {
      const config = {
        ...loadConfig({ ...TEST_ENV, LAYANAN_RATE_AUTH_IP: '2/300' }),
        jwtSecret: h.config.jwtSecret,
      };
      const ctx = {
        prisma: h.db.prisma,
        identity: ANONYMOUS,
        requestId: randomUUID(),
        lang: 'id',
        log: pino({ level: 'silent' }),
        config,
        calendar: async () => {
          throw new Error('not needed');
        },
      };
      const document = parse(`mutation($input: LoginInput!) { ${logins(3)} }`);
      const variableValues = { input: { identifier: 'tidak-ada@example.org', password: 'tebakan-salah-1' } };
      const bare = await execute({ schema, document, contextValue: { ...ctx }, variableValues });
      expect(bare.errors?.[0]?.message).toMatch(/without the rate-limit plugin/);

      // The plugin saw a document with no sign-in; three run: the third is refused in its resolver.
      const plugin = rateLimit(config, memoryRateLimitStore());
      await (plugin.onExecute as any)({
        args: { schema, document: parse('{ __typename }'), contextValue: ctx, variableValues: {} },
        setResultAndStopExecution: () => {
          throw new Error('nothing to refuse');
        },
      });
      const result = await execute({ schema, document, contextValue: ctx, variableValues });
      expect(result.errors?.map((e) => e.extensions.code)).toEqual(['RATE_LIMITED']);
      expect(result.errors?.[0]?.path).toEqual(['a2']);
    });
  });

  describe('limits every operation that checks a secret and every way to submit', () => {
    /** One call of each rate-limited field: sample input that reaches the field (it may fail there). */
    const CALLS: Record<
      string,
      (c: { citizen: Awaited<ReturnType<typeof citizen>> }) => {
        query: string;
        variables?: Record<string, unknown>;
        token?: string;
      }
    > = {
      login: () => ({
        query:
          'mutation { login(input: { identifier: "x@example.org", password: "tebakan-salah" }) { __typename } }',
      }),
      registerCitizen: () => ({
        query: `mutation { registerCitizen(input: { email: "${randomUUID()}@example.org", displayName: "B", password: "x", privacyNoticeVersion: "${DEFAULT_PRIVACY_NOTICE_VERSION}" }) { __typename } }`,
      }),
      refreshSession: () => ({
        query: 'mutation { refreshSession(refreshToken: "lyr_tebakan") { __typename } }',
      }),
      logout: () => ({ query: 'mutation { logout(refreshToken: "lyr_tebakan") { __typename } }' }),
      changePassword: ({ citizen: c }) => ({
        query:
          'mutation { changePassword(input: { currentPassword: "tebakan-salah", newPassword: "gunung-talang-2027" }) { __typename } }',
        token: c.accessToken,
      }),
      devLogin: () => ({ query: 'mutation { devLogin(email: "tidak-ada@layanan.test") { __typename } }' }),
      requestPasswordReset: () => ({
        query: `mutation { requestPasswordReset(input: { email: "${randomUUID()}@example.org" }) { __typename } }`,
      }),
      resetPassword: () => ({
        query:
          'mutation { resetPassword(input: { token: "tebakan", newPassword: "gunung-talang-2027" }) { __typename } }',
      }),
      verifyEmail: () => ({ query: 'mutation { verifyEmail(token: "tebakan") { __typename } }' }),
      requestEmailVerification: ({ citizen: c }) => ({
        query: 'mutation { requestEmailVerification { __typename } }',
        token: c.accessToken,
      }),
      requestPhoneVerification: ({ citizen: c }) => ({
        query: 'mutation { requestPhoneVerification { __typename } }',
        token: c.accessToken,
      }),
      verifyPhone: ({ citizen: c }) => ({
        query: 'mutation { verifyPhone(code: "000000") { __typename } }',
        token: c.accessToken,
      }),
      updateProfile: ({ citizen: c }) => ({
        query: 'mutation { updateProfile(input: { email: "bukan-alamat" }) { __typename } }',
        token: c.accessToken,
      }),
      eraseMyAccount: ({ citizen: c }) => ({
        query: 'mutation { eraseMyAccount(input: { password: "tebakan-salah" }) { __typename } }',
        token: c.accessToken,
      }),
      withdrawPrivacyConsent: ({ citizen: c }) => ({
        query: 'mutation { withdrawPrivacyConsent(input: { password: "tebakan-salah" }) { __typename } }',
        token: c.accessToken,
      }),
      submitServiceRequest: () => ({
        query:
          'mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { __typename } }',
        variables: { input: { ...PBG_REQUEST, serviceCode: 'TIDAK-ADA' } },
        token: tokens.warga,
      }),
      addServiceRequestCorrection: () => ({
        query:
          'mutation { addServiceRequestCorrection(input: { trackingCode: "SWL-0000-000000", expectedVersion: 1, text: "Tambahan." }) { __typename } }',
        token: tokens.warga,
      }),
      submitToForum: () => ({
        query:
          'mutation($forum: ID!) { submitToForum(input: { forumId: $forum, kind: ASPIRATION, title: "Lampu jalan", text: "Mohon." }) { __typename } }',
        variables: { forum: forumId },
        token: tokens.warga,
      }),
      fileAnonymousComplaint: () => ({
        query:
          'mutation { fileAnonymousComplaint(input: { serviceCode: "TIDAK-ADA", text: "Jalan rusak." }) { __typename } }',
      }),
      'Query.anonymousComplaint': () => ({
        query:
          'query { anonymousComplaint(trackingCode: "SWL-2026-000001", secret: "tebakan") { __typename } }',
      }),
      answerAnonymousComplaint: () => ({
        query:
          'mutation { answerAnonymousComplaint(input: { trackingCode: "SWL-2026-000001", secret: "tebakan", accept: true, expectedVersion: 1 }) { __typename } }',
      }),
      correctAnonymousComplaint: () => ({
        query:
          'mutation { correctAnonymousComplaint(input: { trackingCode: "SWL-2026-000001", secret: "tebakan", text: "Lubang di depan sekolah.", expectedVersion: 1 }) { __typename } }',
      }),
      withdrawAnonymousContact: () => ({
        query:
          'mutation { withdrawAnonymousContact(input: { trackingCode: "SWL-2026-000001", secret: "tebakan" }) { __typename } }',
      }),
      sendRequestClaimCode: () => ({
        query: 'mutation { sendRequestClaimCode(input: { trackingCode: "SWL-2026-000001" }) { __typename } }',
        token: tokens.warga,
      }),
      claimReportedRequest: () => ({
        query:
          'mutation { claimReportedRequest(input: { trackingCode: "SWL-2026-000001", code: "12345678" }) { __typename } }',
        token: tokens.warga,
      }),
      submitSurvey: () => ({
        query:
          'mutation { submitSurvey(input: { trackingCode: "SWL-0000-000000", answers: [{ element: WAKTU, score: 4 }] }) { __typename } }',
        token: tokens.warga,
      }),
      recordCounterSurvey: () => ({
        query:
          'mutation { recordCounterSurvey(input: { serviceCode: "TIDAK-ADA", date: "2026-03-02", answers: [{ element: WAKTU, score: 4 }] }) { __typename } }',
        token: tokens.yulia,
      }),
    };

    it('checks every rate-limited field below, and only those', () => {
      expect(Object.keys(CALLS).sort()).toEqual(
        Object.keys(RATE_LIMITED_FIELDS)
          .map((c) => c.replace(/^Mutation\./, ''))
          .sort(),
      );
    });

    it('limits every mutation that outsiders (anonymous callers, citizens, API keys) can call, or says why not', () => {
      const OUTSIDER_SCOPES = ['public', 'authenticated', 'citizen', 'system', 'apiScope'];
      const NOT_LIMITED: Record<string, string> = {
        followSubmission: 'a toggle on the caller’s own list; no secret, nothing filed',
        unfollowSubmission: 'a toggle on the caller’s own list; no secret, nothing filed',
        supportSubmission: 'once per citizen and submission (unique row); nothing filed',
        followServiceRequest:
          'a toggle on the caller’s own list (one row per account and complaint); no secret, nothing filed',
        unfollowServiceRequest: 'a toggle on the caller’s own list; no secret, nothing filed',
        markNotificationsRead: 'the caller’s own notifications; nothing filed',
        setNotificationSettings: 'the caller’s own notification settings; no secret, nothing filed',
        transitionServiceRequest:
          'a citizen only withdraws their own request, once; staff work under their own accounts',
        answerServiceRequestOutcome:
          'the reporter of a decided complaint only, once per decision: accepting closes it, contests are capped by LAYANAN_COMPLAINT_MAX_REOPENS',
      };
      const open = Object.values(schema.getMutationType()?.getFields() ?? {}).filter((field) => {
        const scopes = (field.extensions as any)?.pothosOptions?.authScopes;
        return (
          !scopes ||
          typeof scopes === 'function' ||
          Object.keys(scopes).some((s) => OUTSIDER_SCOPES.includes(s))
        );
      });
      expect(open.length).toBeGreaterThan(10);
      for (const field of open) {
        const limited = `Mutation.${field.name}` in RATE_LIMITED_FIELDS;
        expect(limited || field.name in NOT_LIMITED, `${field.name}: limit it in RATE_LIMITED_FIELDS`).toBe(
          true,
        );
        expect(limited && field.name in NOT_LIMITED, `${field.name} is limited and exempt`).toBe(false);
      }
    });

    it.each(Object.keys(CALLS))('answers %s with 429 past the budget of its address', async (name) => {
      const gateway = gatewayWith({ LAYANAN_RATE_AUTH_IP: '2/300', LAYANAN_RATE_SUBMIT_IP: '2/3600' });
      const c = await citizen();
      const from = ip();
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const { query, variables, token } = CALLS[name]?.({ citizen: c }) ?? { query: '' };
        const call = await postGraphQL(
          gateway,
          { query, variables },
          { 'x-forwarded-for': from, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        );
        // The sample reached the field (a result, a typed failure or FORBIDDEN), or the limit.
        expect(call.body.errors?.[0]?.extensions?.code ?? 'ran', JSON.stringify(call.body)).toMatch(
          /^(ran|RATE_LIMITED|FORBIDDEN|NOT_FOUND)$/,
        );
        statuses.push(call.status);
        if (i === 2) expect(call.headers.get('retry-after')).toMatch(/^\d+$/);
      }
      expect(statuses).toEqual([200, 200, 429]);
    });
  });

  describe('one account, one budget', () => {
    it('counts every spelling of a mobile number against one budget, and each spelling signs in', async () => {
      const victim = await citizen();
      const n = victim.phone.slice(1); // 812xxxxxxxx
      const spellings = [
        `+62 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
        `62${n}`,
        `0${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
        `0${n.slice(0, 3)}.${n.slice(3, 7)}.${n.slice(7)}`,
        ` 0${n.slice(0, 3)} ${n.slice(3)} `,
      ];
      const gateway = gatewayWith({ LAYANAN_RATE_AUTH_ID: '3/300' });
      const statuses = [];
      for (const spelling of spellings) statuses.push((await attempt(gateway, PLAIN_LOGIN, spelling)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(await guesses(victim.id)).toBe(3);

      const unlimited = gatewayWith({});
      for (const identifier of [...spellings, victim.email.toUpperCase()]) {
        const call = await postGraphQL(unlimited, {
          query:
            'mutation($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { account { id } } } }',
          variables: { input: { identifier, password: victim.password } },
        });
        expect(call.body.data.login.account?.id, identifier).toBe(victim.globalId);
      }
    });

    it('counts an e-mail address in any case and spacing against one budget', async () => {
      const victim = await citizen();
      const gateway = gatewayWith({ LAYANAN_RATE_AUTH_ID: '2/300' });
      const spellings = [
        victim.email,
        ` ${victim.email.toUpperCase()} `,
        victim.email.replace('sasaran', 'SASARAN'),
      ];
      const statuses = [];
      for (const spelling of spellings) statuses.push((await attempt(gateway, PLAIN_LOGIN, spelling)).status);
      expect(statuses).toEqual([200, 200, 429]);
    });
  });

  describe('API keys', () => {
    const CREATE_KEY =
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on CreateApiKeyPayload { key apiKey { id submissionsPerHour } } } }';
    const SET_BUDGET =
      'mutation($input: SetApiKeySubmissionBudgetInput!) { setApiKeySubmissionBudget(input: $input) { __typename ... on SetApiKeySubmissionBudgetPayload { apiKey { submissionsPerHour } } ... on ValidationError { fields { field code } } } }';

    async function newKey(submissionsPerHour?: number) {
      const r = await h.gql(
        CREATE_KEY,
        {
          input: {
            name: `Integrasi ${randomUUID().slice(0, 8)}`,
            scopes: ['requests:write'],
            submissionsPerHour,
          },
        },
        { token: tokens.admin },
      );
      const created = r.body.data.createApiKey;
      return {
        key: created.key as string,
        id: created.apiKey.id as string,
        budget: created.apiKey.submissionsPerHour,
      };
    }

    const report = (email: string) => ({
      service_code: 'PBG',
      description: `Laporan ${randomUUID()}`,
      address_string: 'Jl. Khatib Sulaiman No. 7, Lembah Segar',
      email,
      'attribute[nik]': '1373010101900001',
      'attribute[kecamatan]': 'LEMBAH_SEGAR',
      'attribute[luas_bangunan]': '95',
      'attribute[fungsi]': 'HUNIAN',
    });

    it('lets an admin set a key’s budget; Open311 answers 429 past it in its own format (JSON and XML)', async () => {
      const { key, id, budget } = await newKey();
      expect(budget).toBe(600);
      const refused = await h.gql(
        SET_BUDGET,
        { input: { id, submissionsPerHour: 0 } },
        { token: tokens.admin },
      );
      expect(refused.body.data.setApiKeySubmissionBudget.fields).toEqual([
        { field: 'submissionsPerHour', code: 'OUT_OF_RANGE' },
      ]);
      const set = await h.gql(SET_BUDGET, { input: { id, submissionsPerHour: 2 } }, { token: tokens.admin });
      expect(set.body.data.setApiKeySubmissionBudget.apiKey.submissionsPerHour).toBe(2);

      const gateway = gatewayWith({});
      const file = (format: 'json' | 'xml') =>
        postForm(gateway, `/open311/v2/requests.${format}`, report('warga@layanan.test'), {
          'x-api-key': key,
          'accept-language': 'en',
        });
      expect((await file('json')).status).toBe(201);
      expect((await file('json')).status).toBe(201);
      const json = await file('json');
      expect(json.status).toBe(429);
      expect(Number(json.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(json.body).toEqual([
        { code: 429, description: expect.stringMatching(/^Too many requests; try again in \d+ seconds$/) },
      ]);
      const xml = await file('xml');
      expect(xml.status).toBe(429);
      expect(xml.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(xml.body).toMatch(/<errors>\s*<error>\s*<code>429<\/code>\s*<description>Too many requests/);
    });

    it('gives a key its own budget, apart from its address and any citizen’s, with one per reporter inside it', async () => {
      const { key } = await newKey(4);
      const gateway = gatewayWith({
        LAYANAN_RATE_SUBMIT_IP: '1/3600',
        LAYANAN_RATE_SUBMIT_ID: '1/3600',
        LAYANAN_RATE_SUBMIT_REPORTER: '2/3600',
      });
      const from = ip();
      const open311 = (email: string) =>
        postForm(gateway, '/open311/v2/requests.json', report(email), {
          'x-api-key': key,
          'x-forwarded-for': from,
        });
      const graphql = (email: string) =>
        postGraphQL(
          gateway,
          {
            query:
              'mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { __typename } }',
            variables: { input: { ...PBG_REQUEST, text: `Laporan ${randomUUID()}`, citizenEmail: email } },
          },
          { 'x-api-key': key, 'x-forwarded-for': from },
        );
      // One reporter: two of the key's four, through either door; the third is the reporter's limit.
      expect((await open311('warga@layanan.test')).status).toBe(201);
      expect((await graphql('Warga@Layanan.test')).body.data.submitServiceRequest.__typename).toBe(
        'ServiceRequestPayload',
      );
      expect((await open311(' WARGA@layanan.test')).status).toBe(429);
      // Another reporter has their own; the key's four (refusals count too) end the fifth.
      expect((await open311('warga2@layanan.test')).status).toBe(201);
      const fifth = await graphql('warga2@layanan.test');
      expect(fifth.status).toBe(429);
      expect(codeOf(fifth)).toBe('RATE_LIMITED');
      // The key spent nothing of the address's budget: a citizen there files once, then is limited.
      const own = () =>
        postGraphQL(
          gateway,
          {
            query:
              'mutation($input: SubmitServiceRequestInput!) { submitServiceRequest(input: $input) { __typename } }',
            variables: { input: { ...PBG_REQUEST, text: `Sendiri ${randomUUID()}` } },
          },
          { authorization: `Bearer ${tokens.warga}`, 'x-forwarded-for': from },
        );
      expect((await own()).body.data.submitServiceRequest.__typename).toBe('ServiceRequestPayload');
      expect((await own()).status).toBe(429);
    });
  });
});
