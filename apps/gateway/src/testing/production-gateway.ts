// A gateway in production mode for the tests of what production hides (error disclosure, failing
// plugins): over a harness's database, with what it logs kept for the test to read.
import type { Plugin } from 'graphql-yoga';
import pino from 'pino';
import { loadConfig } from '../app/config.js';
import { createGateway, type Gateway } from '../app/gateway.js';
import { memoryRateLimitStore } from '../app/rate-limits.js';
import { generateSigningKeyPem } from '../platform/signing/ed25519-signer.js';
import { type Harness, TEST_ENV } from './harness.js';

/**
 * A gateway with NODE_ENV=production (through the configuration), dev login off and a signing key
 * of its own (`signingKey`, else a new one), on the harness's database and JWT secret (so the
 * harness's tokens are valid); `env` adds to its environment, `plugins` and `webRoot` go to
 * createGateway. `lines` (given, or a new array) fills with each JSON line it logs at level info
 * and above.
 */
export function productionGateway(
  h: Pick<Harness, 'db' | 'config'>,
  options: {
    env?: Record<string, string>;
    signingKey?: string;
    plugins?: Plugin[];
    webRoot?: string;
    lines?: Record<string, unknown>[];
  } = {},
): { gateway: Gateway; lines: Record<string, unknown>[] } {
  const lines = options.lines ?? [];
  const gateway = createGateway({
    db: h.db,
    config: {
      ...loadConfig({
        ...TEST_ENV,
        NODE_ENV: 'production',
        LAYANAN_JWT_SECRET: 'a'.repeat(40),
        LAYANAN_SIGNING_KEY: options.signingKey ?? generateSigningKeyPem(),
        LAYANAN_DEV_LOGIN: 'false',
        ...options.env,
      }),
      jwtSecret: h.config.jwtSecret,
    },
    log: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) }),
    rateLimitStore: memoryRateLimitStore(),
    ...(options.plugins ? { tuning: { plugins: options.plugins } } : {}),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  return { gateway, lines };
}
