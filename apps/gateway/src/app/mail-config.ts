// E-mail configuration (issue 18). Every variable is documented in the README.
import { join } from 'node:path';
import { CONFIG_MESSAGES } from '../graphql/gateway-errors.js';
import { loadMailLinkKey, type MailLinkKeySource } from '../platform/mail/link-key.js';
import { ConfigError } from './config.js';
import { stateDir } from './state-dir.js';

export type MailConfig = {
  /** `smtp://user:pass@host:port` or `smtps://…`; unset = write `.eml` files to `dir`. */
  smtpUrl: string | undefined;
  /** Where `.eml` files go without SMTP: `mail/` beside the data directory (`.data/mail`), or in
   * the process's temporary directory for a `memory://` database (state-dir.ts). */
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
  /** Where the key signing unsubscribe links comes from (platform/mail/link-key.ts). */
  linkKey: MailLinkKeySource;
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
 * default 3600), `LAYANAN_MAIL_LINK_SECRET` (at least 32 characters; default: derived from
 * `jwtSecret`, the set LAYANAN_JWT_SECRET, else a key file `mail-link.key` beside the data directory).
 */
export function mailConfig(
  env: NodeJS.ProcessEnv,
  base: { dataDir: string; port: number; int: Int; jwtSecret: string | undefined },
): MailConfig {
  const linkSecret = env.LAYANAN_MAIL_LINK_SECRET?.trim();
  if (linkSecret && linkSecret.length < 32) {
    throw new ConfigError('LAYANAN_MAIL_LINK_SECRET', CONFIG_MESSAGES.jwtSecretShort);
  }
  const publicUrl = url(env, 'LAYANAN_PUBLIC_URL', ['http', 'https']) ?? `http://localhost:${base.port}`;
  return {
    smtpUrl: url(env, 'LAYANAN_SMTP_URL', ['smtp', 'smtps']),
    dir: env.LAYANAN_MAIL_DIR?.trim() || join(stateDir(base.dataDir), 'mail'),
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
    linkKey: linkSecret
      ? { kind: 'secret', secret: linkSecret }
      : base.jwtSecret
        ? { kind: 'derived', jwtSecret: base.jwtSecret }
        : { kind: 'file', path: join(stateDir(base.dataDir), 'mail-link.key') },
  };
}

/** Each configuration's link key, loaded once (reading or creating its file). */
const linkKeys = new WeakMap<MailConfig, Uint8Array>();

/** The key signing unsubscribe links under `mail` (the same after a restart). */
export function mailLinkKey(mail: MailConfig): Uint8Array {
  let key = linkKeys.get(mail);
  if (!key) {
    key = loadMailLinkKey(mail.linkKey);
    linkKeys.set(mail, key);
  }
  return key;
}

/** What mail writers need (platform/mail/outbox.ts): links, the unsubscribe signing key and the
 * lifetimes of the tokens that links carry. */
export function mailSettings(config: { mail: MailConfig }) {
  return {
    publicUrl: config.mail.publicUrl,
    secret: mailLinkKey(config.mail),
    tokenLifetimes: config.mail.tokenLifetimes,
  };
}
