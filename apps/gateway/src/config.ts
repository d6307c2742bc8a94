// Gateway configuration from environment variables. Every variable is documented in the README.
import { randomBytes } from 'node:crypto';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type SeedMode = 'auto' | 'always' | 'never';

export type GatewayConfig = {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: LogLevel;
  production: boolean;
  /** HMAC secret for access tokens (HS256). */
  jwtSecret: Uint8Array;
  /** True when the secret was generated for this process only (development). */
  jwtSecretEphemeral: boolean;
  tokenTtlSeconds: number;
  refreshTtlSeconds: number;
  devLogin: boolean;
  seed: SeedMode;
  graphiql: boolean;
  shutdownTimeoutMs: number;
  /** Redis for shared subscription events between gateway instances; in-process when unset. */
  redisUrl: string | undefined;
  /** How often the escalation job looks for overdue requests; 0 disables it. */
  escalationIntervalMs: number;
  /** The built web app served at `/`; unset = apps/web/dist beside the gateway, when present. */
  webDir: string | undefined;
};

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly messageId: string,
    readonly messageEn: string,
  ) {
    super(`${variable}: ${messageId} / ${messageEn}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(
    name,
    `harus true atau false, bukan "${env[name]}"`,
    `must be true or false, not "${env[name]}"`,
  );
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      name,
      `harus bilangan bulat antara ${min} dan ${max}, bukan "${raw}"`,
      `must be an integer between ${min} and ${max}, not "${raw}"`,
    );
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const production = env.NODE_ENV === 'production';
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `harus salah satu dari ${LOG_LEVELS.join(', ')}`,
      `must be one of ${LOG_LEVELS.join(', ')}`,
    );
  }
  const seed = (env.LAYANAN_SEED?.trim().toLowerCase() || 'auto') as SeedMode;
  if (!['auto', 'always', 'never'].includes(seed)) {
    throw new ConfigError('LAYANAN_SEED', 'harus auto, always atau never', 'must be auto, always or never');
  }
  const secret = env.LAYANAN_JWT_SECRET?.trim();
  if (production && !secret) {
    throw new ConfigError(
      'LAYANAN_JWT_SECRET',
      'wajib diisi di produksi (minimal 32 karakter)',
      'is required in production (at least 32 characters)',
    );
  }
  if (secret && secret.length < 32) {
    throw new ConfigError('LAYANAN_JWT_SECRET', 'minimal 32 karakter', 'must be at least 32 characters');
  }
  const devLogin = bool(env, 'LAYANAN_DEV_LOGIN', !production);
  if (production && devLogin) {
    throw new ConfigError(
      'LAYANAN_DEV_LOGIN',
      'login pengembangan tidak boleh aktif di produksi',
      'the development login must not be enabled in production',
    );
  }
  return {
    host: env.HOST?.trim() || '0.0.0.0',
    port: int(env, 'PORT', 4000, 0, 65535),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dataDir: env.LAYANAN_DATA_DIR?.trim() || './.data/pglite',
    logLevel,
    production,
    jwtSecret: secret ? new TextEncoder().encode(secret) : randomBytes(32),
    jwtSecretEphemeral: !secret,
    tokenTtlSeconds: int(env, 'LAYANAN_TOKEN_TTL', 900, 60, 86_400),
    refreshTtlSeconds: int(env, 'LAYANAN_REFRESH_TTL', 30 * 86_400, 3600, 365 * 86_400),
    devLogin,
    seed,
    graphiql: bool(env, 'LAYANAN_GRAPHIQL', !production),
    shutdownTimeoutMs: int(env, 'LAYANAN_SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    redisUrl: env.REDIS_URL?.trim() || undefined,
    escalationIntervalMs: int(env, 'LAYANAN_ESCALATION_INTERVAL_MS', 300_000, 0, 86_400_000),
    webDir: env.LAYANAN_WEB_DIR?.trim() || undefined,
  };
}
