// Issue 15, kind 9: safe by default. Only NODE_ENV `development` or `test` is development mode;
// any other value (unset in a deployed build, `staging`, a typo) behaves as production. Request
// ids in the audit trail are the gateway's own, never a client's.
import { Writable } from 'node:stream';
import { testDatabaseKinds } from '@layanan/db/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPem } from '../platform/signing/ed25519-signer.js';
import { TEST_ENV } from '../testing/harness.js';
import { useHarness } from '../testing/use-harness.js';
import { loadConfig } from './config.js';
import { createGateway } from './gateway.js';
import { memoryRateLimitStore } from './rate-limits.js';

const SECRET = 'a-production-secret-of-at-least-32-characters';
const SIGNING_KEY = generateSigningKeyPem();
const NOT_DEVELOPMENT = [undefined, '', 'production', 'staging', 'Production', 'prod', 'developement', 'dev'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('NODE_ENV fails closed', () => {
  it.each(NOT_DEVELOPMENT)(
    'NODE_ENV=%s is production: no dev login, no demo data, no GraphiQL',
    (nodeEnv) => {
      const env = {
        LAYANAN_JWT_SECRET: SECRET,
        LAYANAN_SIGNING_KEY: SIGNING_KEY,
        ...(nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv }),
      };
      const config = loadConfig(env);
      expect(config.production).toBe(true);
      expect(config.devLogin).toBe(false);
      expect(config.graphiql).toBe(false);
      expect(config.seed).toBe('never');
      expect(config.host).toBe('0.0.0.0');
      expect(() => loadConfig({ ...env, LAYANAN_DEV_LOGIN: 'true' })).toThrow(/LAYANAN_DEV_LOGIN/);
      expect(() => loadConfig({ ...env, LAYANAN_SEED: 'always' })).toThrow(/LAYANAN_SEED/);
      expect(() => loadConfig({ ...env, LAYANAN_JWT_SECRET: '' })).toThrow(/LAYANAN_JWT_SECRET/);
      expect(() => loadConfig({ ...env, LAYANAN_SIGNING_KEY: '' })).toThrow(/LAYANAN_SIGNING_KEY.*Ed25519/);
    },
  );

  it.each(['development', 'test'])(
    'NODE_ENV=%s is development mode, on localhost unless HOST says otherwise',
    (nodeEnv) => {
      const config = loadConfig({ NODE_ENV: nodeEnv });
      expect(config.production).toBe(false);
      expect(config.devLogin).toBe(true);
      expect(config.host).toBe('127.0.0.1');
      expect(loadConfig({ NODE_ENV: nodeEnv, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
      expect(loadConfig({ NODE_ENV: nodeEnv, LAYANAN_SEED: 'always' }).seed).toBe('always');
    },
  );
});

describe.each(testDatabaseKinds())('safe defaults on %s', (kind) => {
  describe('a gateway with NODE_ENV=staging', () => {
    const { h } = useHarness(kind, {
      env: { NODE_ENV: 'staging', LAYANAN_JWT_SECRET: SECRET, LAYANAN_SIGNING_KEY: SIGNING_KEY },
    });

    it('has no devLogin, and tells the web app so', async () => {
      const { body } = await h.gql(
        'mutation { devLogin(email: "admin@layanan.test") { __typename ... on DevLoginPayload { token } } }',
      );
      expect(body.data?.devLogin ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('DEV_LOGIN_DISABLED');
    });
  });

  describe('request ids', () => {
    const { h } = useHarness(kind);

    it('never takes a client-chosen x-request-id into the audit trail; it is logged as clientRequestId', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const gateway = createGateway({
        db: h.db,
        config: { ...loadConfig({ ...TEST_ENV, LOG_LEVEL: 'info' }), jwtSecret: h.config.jwtSecret },
        log: pino({ level: 'info' }, sink),
        rateLimitStore: memoryRateLimitStore(),
      });
      const chosen = 'forged-request-id-0001';
      const response = await gateway.fetch('http://layanan.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': chosen },
        body: JSON.stringify({
          query:
            'mutation { login(input: { identifier: "warga@layanan.test", password: "bukan kata sandinya" }) { __typename } }',
        }),
      });
      expect(((await response.json()) as any).data.login.__typename).toBe('AuthenticationFailed');
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(UUID);
      expect(await h.db.prisma.auditEntry.count({ where: { requestId: chosen } })).toBe(0);
      expect(await h.db.prisma.auditEntry.count({ where: { requestId: requestId ?? '' } })).toBe(1);
      const access = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request');
      expect(access).toMatchObject({ requestId, clientRequestId: chosen });
    });
  });
});
