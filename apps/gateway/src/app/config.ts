// Gateway configuration from environment variables. Every variable is documented in the README.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { isDevelopmentMode } from '@layanan/db';
import type { Message } from '@layanan/domain';
import {
  COUNTER_SURVEY_DEFAULTS,
  type CounterSurveyPolicy,
  SKM_PERIOD_KINDS,
} from '@layanan/domain/feedback';
import {
  COMPLAINT_DEFAULT_MAX_REOPENS,
  DEFAULT_ESCALATION_LADDER,
  DEFAULT_SIMILAR_COMPLAINT_SETTINGS,
  type EscalationLadder,
  REPORTER_RESPONSE_DEFAULT_WORKING_DAYS,
  SIMILAR_COMPLAINT_SETTING_RANGES,
  type SimilarComplaintSettings,
  similarSettingAllowed,
  TRANSFER_CLOCK_RULES,
  type TransferClockRule,
} from '@layanan/domain/services';
import { bilingual, CONFIG_MESSAGES } from '../graphql/gateway-errors.js';
import { parseS3Url, type S3Settings } from '../platform/storage/s3-store.js';
import { type MailConfig, mailConfig } from './mail-config.js';
import { type OpenDataConfig, openDataConfig } from './open-data-config.js';
import { type PrivacyConfig, privacyConfig } from './privacy-config.js';
import { type SigningConfig, signingConfig } from './signing-config.js';
import { stateDir } from './state-dir.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type SeedMode = 'auto' | 'always' | 'never';

export type GatewayConfig = {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: LogLevel;
  /** True unless NODE_ENV is exactly `development` or `test`: an unset, misspelt or other value
   * (`staging`) is production, with no dev login, no demo data and no GraphiQL. */
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
  /** How often a live subscription checks that its caller still has access (live-access.ts);
   * sign-outs and password changes are also announced at once. */
  liveRecheckSeconds: number;
  /** GraphQL limits, abuse protection and browser rules (security.ts). */
  security: SecurityConfig;
  /** The built web app served at `/`; unset = apps/web/dist beside the gateway, when present. */
  webDir: string | undefined;
  /** Counter (walk-in) survey entries: per-staff daily cap and the open period (issue 15 kind 7). */
  counterSurvey: CounterSurveyPolicy;
  /** Complaint handling (issue 20): the reporter's answer window, reopen limit, transfer clock. */
  complaints: ComplaintPolicy;
  /** E-mail: SMTP or `.eml` files, sender, public links, the outbox worker (mail-config.ts). */
  mail: MailConfig;
  /** Uploaded and issued files (platform/storage): `files/` beside the data directory by default
   * (in the process's temporary directory for a `memory://` database: state-dir.ts).
   * Upload bodies are staged in `<filesDir>/.incoming` also when the files go to S3. */
  filesDir: string;
  /** Open data downloads: suppression threshold, licence, page size (open-data-config.ts). */
  openData: OpenDataConfig;
  /** Privacy notice version, data-protection officer, retention schedule (privacy-config.ts). */
  privacy: PrivacyConfig;
  /** S3-compatible object storage for the files instead of `filesDir` (LAYANAN_S3_URL). */
  s3: S3Settings | undefined;
  /** The key that signs issued documents (signing-config.ts). */
  signing: SigningConfig;
};

function s3Settings(env: NodeJS.ProcessEnv): S3Settings | undefined {
  const raw = env.LAYANAN_S3_URL?.trim();
  if (!raw) return undefined;
  try {
    return parseS3Url(raw);
  } catch (error) {
    throw new ConfigError('LAYANAN_S3_URL', CONFIG_MESSAGES.s3Url((error as Error).message));
  }
}

export type IntrospectionMode = 'auto' | 'on' | 'off';

/** A fixed-window budget: at most `max` calls per `windowSeconds`. */
export type RateBudget = { max: number; windowSeconds: number };

export type SecurityConfig = {
  /** auto: on outside production, and in production for staff, supervisors, admins and API keys. */
  introspection: IntrospectionMode;
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Operations per batched request; 0 disables batching. */
  maxBatch: number;
  maxBodyBytes: number;
  /** Allowed browser origins; '*' for any; empty = same origin only. */
  corsOrigins: readonly string[];
  /** Also allow http(s)://localhost and 127.0.0.1 on any port (development default). */
  corsLocalhost: boolean;
  /** Take the client address from the first X-Forwarded-For entry (behind a trusted proxy only). */
  trustProxy: boolean;
  rateLimits: {
    authPerIp: RateBudget;
    authPerIdentity: RateBudget;
    submitPerIp: RateBudget;
    submitPerIdentity: RateBudget;
    /** Per reporter an API key files for, inside the key's own budget (ApiKey.submissionsPerHour). */
    submitPerReporter: RateBudget;
  };
  /** Key prefix in Redis, so that several deployments can share one server. */
  rateLimitPrefix: string;
};

export class ConfigError extends Error {
  readonly messageId: string;
  readonly messageEn: string;
  constructor(
    readonly variable: string,
    message: Message,
  ) {
    super(`${variable}: ${bilingual(message)}`);
    this.messageId = message.id;
    this.messageEn = message.en;
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, CONFIG_MESSAGES.notBoolean(env[name]));
}

export function int(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, CONFIG_MESSAGES.notIntegerBetween(min, max, raw));
  }
  return value;
}

/** `count/seconds`, e.g. `10/300`; `off` for no limit. */
function budget(env: NodeJS.ProcessEnv, name: string, fallback: RateBudget): RateBudget {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'off') return { max: Number.POSITIVE_INFINITY, windowSeconds: 1 };
  const match = /^(\d{1,9})\/(\d{1,7})$/.exec(raw);
  const max = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || max < 1 || windowSeconds < 1) {
    throw new ConfigError(name, CONFIG_MESSAGES.notBudget(env[name]));
  }
  return { max, windowSeconds };
}

function securityConfig(env: NodeJS.ProcessEnv, production: boolean): SecurityConfig {
  const introspection = (env.LAYANAN_INTROSPECTION?.trim().toLowerCase() || 'auto') as IntrospectionMode;
  if (!['auto', 'on', 'off'].includes(introspection)) {
    throw new ConfigError('LAYANAN_INTROSPECTION', CONFIG_MESSAGES.introspection);
  }
  const origins = env.LAYANAN_CORS_ORIGINS?.trim();
  const corsOrigins = origins
    ? origins
        .split(',')
        .map((o) => o.trim().replace(/\/+$/, ''))
        .filter((o) => o !== '')
    : [];
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError('LAYANAN_CORS_ORIGINS', CONFIG_MESSAGES.corsOrigin(origin));
    }
  }
  return {
    introspection,
    maxDepth: int(env, 'LAYANAN_MAX_DEPTH', 12, 2, 100),
    maxCost: int(env, 'LAYANAN_MAX_COST', 500_000, 100, 10_000_000),
    maxAliases: int(env, 'LAYANAN_MAX_ALIASES', 30, 1, 1000),
    maxDirectives: int(env, 'LAYANAN_MAX_DIRECTIVES', 50, 1, 1000),
    maxTokens: int(env, 'LAYANAN_MAX_TOKENS', 5000, 100, 1_000_000),
    maxBatch: int(env, 'LAYANAN_MAX_BATCH', 0, 0, 100),
    maxBodyBytes: int(env, 'LAYANAN_MAX_BODY_BYTES', 1_048_576, 1024, 1_073_741_824),
    corsOrigins,
    corsLocalhost: !production && !origins,
    trustProxy: bool(env, 'LAYANAN_TRUST_PROXY', false),
    rateLimits: {
      authPerIp: budget(env, 'LAYANAN_RATE_AUTH_IP', { max: 30, windowSeconds: 300 }),
      authPerIdentity: budget(env, 'LAYANAN_RATE_AUTH_ID', { max: 10, windowSeconds: 300 }),
      submitPerIp: budget(env, 'LAYANAN_RATE_SUBMIT_IP', { max: 120, windowSeconds: 3600 }),
      submitPerIdentity: budget(env, 'LAYANAN_RATE_SUBMIT_ID', { max: 30, windowSeconds: 3600 }),
      submitPerReporter: budget(env, 'LAYANAN_RATE_SUBMIT_REPORTER', { max: 30, windowSeconds: 3600 }),
    },
    rateLimitPrefix: env.LAYANAN_RATE_LIMIT_PREFIX?.trim() || 'layanan:rate:',
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  // Fail closed (issue 15, kind 9): only `development` and `test` are development mode.
  const production = !isDevelopmentMode(env.NODE_ENV);
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', CONFIG_MESSAGES.oneOf(LOG_LEVELS));
  }
  const seed = (env.LAYANAN_SEED?.trim().toLowerCase() || 'auto') as SeedMode;
  if (!['auto', 'always', 'never'].includes(seed)) {
    throw new ConfigError('LAYANAN_SEED', CONFIG_MESSAGES.seed);
  }
  // The demo data includes accounts without a password: never in production.
  if (production && seed === 'always') {
    throw new ConfigError('LAYANAN_SEED', CONFIG_MESSAGES.seedInProduction);
  }
  const secret = env.LAYANAN_JWT_SECRET?.trim();
  if (production && !secret) {
    throw new ConfigError('LAYANAN_JWT_SECRET', CONFIG_MESSAGES.jwtSecretRequired);
  }
  if (secret && secret.length < 32) {
    throw new ConfigError('LAYANAN_JWT_SECRET', CONFIG_MESSAGES.jwtSecretShort);
  }
  const devLogin = bool(env, 'LAYANAN_DEV_LOGIN', !production);
  if (production && devLogin) {
    throw new ConfigError('LAYANAN_DEV_LOGIN', CONFIG_MESSAGES.devLoginInProduction);
  }
  const dataDir = env.LAYANAN_DATA_DIR?.trim() || './.data/pglite';
  return {
    // Development mode listens on this machine only unless HOST says otherwise.
    host: env.HOST?.trim() || (production ? '0.0.0.0' : '127.0.0.1'),
    port: int(env, 'PORT', 4000, 0, 65535),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    dataDir,
    logLevel,
    production,
    jwtSecret: secret ? new TextEncoder().encode(secret) : randomBytes(32),
    jwtSecretEphemeral: !secret,
    tokenTtlSeconds: int(env, 'LAYANAN_TOKEN_TTL', 900, 60, 86_400),
    refreshTtlSeconds: int(env, 'LAYANAN_REFRESH_TTL', 30 * 86_400, 3600, 365 * 86_400),
    devLogin,
    seed: production ? 'never' : seed,
    graphiql: bool(env, 'LAYANAN_GRAPHIQL', !production),
    shutdownTimeoutMs: int(env, 'LAYANAN_SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    redisUrl: env.REDIS_URL?.trim() || undefined,
    escalationIntervalMs: int(env, 'LAYANAN_ESCALATION_INTERVAL_MS', 300_000, 0, 86_400_000),
    liveRecheckSeconds: int(env, 'LAYANAN_LIVE_RECHECK_SECONDS', 30, 1, 3600),
    security: securityConfig(env, production),
    webDir: env.LAYANAN_WEB_DIR?.trim() || undefined,
    filesDir: env.LAYANAN_FILES_DIR?.trim() || join(stateDir(dataDir), 'files'),
    s3: s3Settings(env),
    signing: signingConfig(env, {
      production,
      dataDir,
      required: (message) => {
        throw new ConfigError('LAYANAN_SIGNING_KEY', message);
      },
    }),
    counterSurvey: counterSurveyPolicy(env),
    complaints: complaintPolicy(env),
    mail: mailConfig(env, {
      dataDir,
      port: int(env, 'PORT', 4000, 0, 65535),
      int,
      jwtSecret: secret,
    }),
    openData: openDataConfig(env, int),
    privacy: privacyConfig(env, int),
  };
}

/**
 * The rules for counter survey entries: `LAYANAN_COUNTER_DAILY_CAP` (entries one staff member may
 * type per WIB day, 1–10000, default 20) and `LAYANAN_COUNTER_PERIOD` (MONTH, QUARTER, SEMESTER
 * or YEAR: entries are dated only inside the period of that kind containing today; default
 * QUARTER). Throws ConfigError on other values; read at start-up and by recordCounterSurvey.
 */
export function counterSurveyPolicy(env: NodeJS.ProcessEnv = process.env): CounterSurveyPolicy {
  const period = (env.LAYANAN_COUNTER_PERIOD?.trim().toUpperCase() ||
    COUNTER_SURVEY_DEFAULTS.period) as CounterSurveyPolicy['period'];
  if (!SKM_PERIOD_KINDS.includes(period)) {
    throw new ConfigError('LAYANAN_COUNTER_PERIOD', CONFIG_MESSAGES.oneOf(SKM_PERIOD_KINDS));
  }
  return {
    dailyCap: int(env, 'LAYANAN_COUNTER_DAILY_CAP', COUNTER_SURVEY_DEFAULTS.dailyCap, 1, 10_000),
    period,
  };
}

export type ComplaintPolicy = {
  /** Working days the reporter has to accept or contest an outcome (SP4N-LAPOR!: 10). */
  answerWorkingDays: number;
  /** How often a reporter may reopen one complaint. */
  maxReopens: number;
  /** What a transfer (disposisi) does to the deadlines. */
  transferClock: TransferClockRule;
  /** Working days each level of the escalation ladder has before an overdue complaint climbs. */
  escalationLadder: EscalationLadder;
  /** When an open complaint counts as "the same" before filing (similarComplaints). */
  similar: SimilarComplaintSettings;
};

/**
 * Complaint handling: `LAYANAN_COMPLAINT_ANSWER_DAYS` (working days to accept or contest an
 * outcome, 1–60, default 10 as SP4N-LAPOR!), `LAYANAN_COMPLAINT_MAX_REOPENS` (0–20, default 3) and
 * `LAYANAN_TRANSFER_CLOCK` (`RESTART_AT_TRANSFER`, the default: the new unit's deadline starts at
 * the transfer; `KEEP_DEADLINES`), and the escalation ladder: `LAYANAN_ESCALATION_SUPERVISOR_DAYS`,
 * `LAYANAN_ESCALATION_AGENCY_DAYS`, `LAYANAN_ESCALATION_COORDINATOR_DAYS` (working days each level
 * has before an overdue complaint climbs to the next, 1–60; defaults 3, 3, 5, the domain's
 * `DEFAULT_ESCALATION_LADDER`), and what counts as the same complaint before filing:
 * `LAYANAN_SIMILAR_RADIUS_METRES` (whole metres, 10–5000, default 150) and
 * `LAYANAN_SIMILAR_TEXT_THRESHOLD` (pg_trgm similarity, 0.1–1, default 0.35; the domain's
 * `SIMILAR_COMPLAINT_SETTING_RANGES`). Throws ConfigError on other values.
 */
export function complaintPolicy(env: NodeJS.ProcessEnv = process.env): ComplaintPolicy {
  const transferClock = (env.LAYANAN_TRANSFER_CLOCK?.trim().toUpperCase() ||
    'RESTART_AT_TRANSFER') as TransferClockRule;
  if (!TRANSFER_CLOCK_RULES.includes(transferClock)) {
    throw new ConfigError('LAYANAN_TRANSFER_CLOCK', CONFIG_MESSAGES.oneOf(TRANSFER_CLOCK_RULES));
  }
  return {
    answerWorkingDays: int(
      env,
      'LAYANAN_COMPLAINT_ANSWER_DAYS',
      REPORTER_RESPONSE_DEFAULT_WORKING_DAYS,
      1,
      60,
    ),
    maxReopens: int(env, 'LAYANAN_COMPLAINT_MAX_REOPENS', COMPLAINT_DEFAULT_MAX_REOPENS, 0, 20),
    transferClock,
    escalationLadder: {
      UNIT_SUPERVISOR: int(
        env,
        'LAYANAN_ESCALATION_SUPERVISOR_DAYS',
        DEFAULT_ESCALATION_LADDER.UNIT_SUPERVISOR,
        1,
        60,
      ),
      AGENCY_HEAD: int(env, 'LAYANAN_ESCALATION_AGENCY_DAYS', DEFAULT_ESCALATION_LADDER.AGENCY_HEAD, 1, 60),
      COORDINATOR: int(
        env,
        'LAYANAN_ESCALATION_COORDINATOR_DAYS',
        DEFAULT_ESCALATION_LADDER.COORDINATOR,
        1,
        60,
      ),
    },
    similar: {
      ...DEFAULT_SIMILAR_COMPLAINT_SETTINGS,
      radiusMetres: similarSetting(env, 'LAYANAN_SIMILAR_RADIUS_METRES', 'radiusMetres'),
      textThreshold: similarSetting(env, 'LAYANAN_SIMILAR_TEXT_THRESHOLD', 'textThreshold'),
    },
  };
}

/** One setting of similar complaints from `name`, its default when unset; ConfigError outside its range. */
function similarSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  setting: keyof typeof SIMILAR_COMPLAINT_SETTING_RANGES,
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return DEFAULT_SIMILAR_COMPLAINT_SETTINGS[setting];
  const value = Number(raw);
  if (!similarSettingAllowed(setting, value)) {
    const { min, max } = SIMILAR_COMPLAINT_SETTING_RANGES[setting];
    throw new ConfigError(
      name,
      setting === 'radiusMetres'
        ? CONFIG_MESSAGES.notIntegerBetween(min, max, raw)
        : CONFIG_MESSAGES.notNumberBetween(min, max, raw),
    );
  }
  return value;
}
