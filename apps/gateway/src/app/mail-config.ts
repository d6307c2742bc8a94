// E-mail configuration (issue 18). Every variable is documented in the README.
import { dirname, join } from 'node:path';
import { CONFIG_MESSAGES } from '../graphql/gateway-errors.js';
import { ConfigError } from './config.js';

export type MailConfig = {
  /** `smtp://user:pass@host:port` or `smtps://…`; unset = write `.eml` files to `dir`. */
  smtpUrl: string | undefined;
  /** Where `.eml` files go without SMTP: `mail/` beside the data directory (`.data/mail`). */
  dir: string;
  /** The From header, e.g. `Layanan Sawahlunto <layanan@sawahluntokota.go.id>`. */
  from: string;
  /** The base of every link in a message (no trailing slash), e.g. `https://layanan.sawahluntokota.go.id`. */
  publicUrl: string;
  /** How often the outbox worker looks for mail to send; 0 disables it. */
  intervalMs: number;
  /** Attempts before a message is given up (failedAt set). */
  maxAttempts: number;
  /** How long a worker's claim on a batch lasts; a crashed worker's rows wait this long. */
  leaseMs: number;
  /** The first retry's delay; each further one doubles (worker.ts `backoffMs`). */
  retryBaseMs: number;
  /** Lifetimes of single-use account tokens in seconds (e-mail verification, password reset). */
  tokenLifetimes: { EMAIL_VERIFICATION: number; PASSWORD_RESET: number };
};

type Int = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) => number;

function url(env: NodeJS.ProcessEnv, name: string, schemes: readonly string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL | null = null;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = null;
  }
  if (!parsed || !schemes.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new ConfigError(name, CONFIG_MESSAGES.mailUrl(schemes.join('/'), raw));
  }
  return raw.replace(/\/+$/, '');
}

/**
 * `LAYANAN_SMTP_URL`, `LAYANAN_MAIL_FROM`, `LAYANAN_PUBLIC_URL`, `LAYANAN_MAIL_DIR`,
 * `LAYANAN_MAIL_INTERVAL_MS` (default 5000), `LAYANAN_MAIL_MAX_ATTEMPTS` (default 10),
 * `LAYANAN_MAIL_LEASE_MS` (default 60000), `LAYANAN_MAIL_RETRY_BASE_MS` (default 30000),
 * `LAYANAN_EMAIL_VERIFICATION_TTL` (seconds, default 86400), `LAYANAN_PASSWORD_RESET_TTL` (seconds,
 * default 3600).
 */
export function mailConfig(
  env: NodeJS.ProcessEnv,
  base: { dataDir: string; port: number; int: Int },
): MailConfig {
  const publicUrl = url(env, 'LAYANAN_PUBLIC_URL', ['http', 'https']) ?? `http://localhost:${base.port}`;
  return {
    smtpUrl: url(env, 'LAYANAN_SMTP_URL', ['smtp', 'smtps']),
    dir: env.LAYANAN_MAIL_DIR?.trim() || join(dirname(base.dataDir), 'mail'),
    from: env.LAYANAN_MAIL_FROM?.trim() || `Layanan <no-reply@${new URL(publicUrl).hostname}>`,
    publicUrl,
    intervalMs: base.int(env, 'LAYANAN_MAIL_INTERVAL_MS', 5000, 0, 3_600_000),
    maxAttempts: base.int(env, 'LAYANAN_MAIL_MAX_ATTEMPTS', 10, 1, 100),
    leaseMs: base.int(env, 'LAYANAN_MAIL_LEASE_MS', 60_000, 1000, 3_600_000),
    retryBaseMs: base.int(env, 'LAYANAN_MAIL_RETRY_BASE_MS', 30_000, 10, 3_600_000),
    tokenLifetimes: {
      EMAIL_VERIFICATION: base.int(env, 'LAYANAN_EMAIL_VERIFICATION_TTL', 86_400, 60, 30 * 86_400),
      PASSWORD_RESET: base.int(env, 'LAYANAN_PASSWORD_RESET_TTL', 3600, 60, 86_400),
    },
  };
}

/** What mail writers need (platform/mail/outbox.ts): links, the unsubscribe signing key and the
 * lifetimes of the tokens that links carry. */
export function mailSettings(config: { mail: MailConfig; jwtSecret: Uint8Array }) {
  return {
    publicUrl: config.mail.publicUrl,
    secret: config.jwtSecret,
    tokenLifetimes: config.mail.tokenLifetimes,
  };
}
