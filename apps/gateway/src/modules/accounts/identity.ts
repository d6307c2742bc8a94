// Who is calling: resolved once per request from a bearer token or an API key.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccountRole, PrismaClient } from '@layanan/db';
import { jwtVerify, SignJWT } from 'jose';
import { GATEWAY_ERROR_MESSAGES } from '../../graphql/gateway-errors.js';

export type Identity =
  | { kind: 'anonymous' }
  | {
      kind: 'account';
      accountId: string;
      role: AccountRole;
      /** Set for staff, supervisors and admins linked to the staff register. */
      staffId: string | null;
      unitId: string | null;
      /** The session (AccountSession) the access token belongs to. */
      sessionId: string;
    }
  | {
      kind: 'system';
      apiKeyId: string;
      name: string;
      scopes: readonly string[];
      /** The key's own budget of submissions per hour (app/rate-limits.ts). */
      submissionsPerHour: number;
    };

export const ANONYMOUS: Identity = { kind: 'anonymous' };

const ISSUER = 'layanan';
const AUDIENCE = 'layanan-gateway';
/** The only algorithm access tokens are signed and accepted with (RFC 7518 §3.2, HMAC SHA-256). */
export const ACCESS_TOKEN_ALGORITHM = 'HS256';

/** Signs an access token for a session of the account (`sub` the account, `sid` the session),
 * issued at `issuedAt` (whole seconds, as JWT `iat`) and valid for `ttlSeconds` (`exp`). */
export async function issueAccessToken(
  session: { accountId: string; sessionId: string },
  secret: Uint8Array,
  ttlSeconds: number,
  issuedAt: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor(issuedAt.getTime() / 1000);
  const token = await new SignJWT({ sid: session.sessionId })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM })
    .setSubject(session.accountId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(secret);
  return { token, expiresAt: new Date((now + ttlSeconds) * 1000) };
}

// API keys look like `lyn_<prefix>_<secret>`: the prefix finds the row, the secret is compared
// by hash, so the database never holds a usable key.
const API_KEY_PATTERN = /^lyn_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** Refresh tokens: random, shown once, stored as a SHA-256 hash. */
export function generateRefreshToken(): { token: string; tokenHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `lyr_${secret}`, tokenHash: hashSecret(secret) };
}

export function refreshTokenHash(token: string): string | null {
  const match = /^lyr_([A-Za-z0-9_-]{43})$/.exec(token.trim());
  return match?.[1] ? hashSecret(match[1]) : null;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  return { key: `lyn_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

/** The caller's credentials were refused; messages from the gateway catalogue. */
export class AuthenticationError extends Error {
  readonly messageId: string;
  readonly messageEn: string;
  constructor(readonly code: 'INVALID_TOKEN' | 'INVALID_API_KEY' | 'ACCOUNT_DISABLED') {
    const message = GATEWAY_ERROR_MESSAGES[code];
    super(message.en);
    this.messageId = message.id;
    this.messageEn = message.en;
    this.name = 'AuthenticationError';
  }
}

const invalidToken = () => new AuthenticationError('INVALID_TOKEN');
const invalidKey = () => new AuthenticationError('INVALID_API_KEY');

export async function resolveIdentity(
  request: Request,
  prisma: PrismaClient,
  secret: Uint8Array,
): Promise<Identity> {
  const apiKey = request.headers.get('x-api-key');
  if (apiKey) return resolveApiKey(apiKey.trim(), prisma);

  const authorization = request.headers.get('authorization');
  if (!authorization) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) throw invalidToken();
  let claims: { sub?: unknown; sid?: unknown };
  try {
    // Only the configured algorithm (never `none` or another one), and a token without an expiry
    // is refused like an expired one (issue 15, kind 6).
    ({ payload: claims } = await jwtVerify(match[1], secret, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: [ACCESS_TOKEN_ALGORITHM],
      requiredClaims: ['exp', 'iat', 'sub', 'sid'],
    }));
  } catch {
    throw invalidToken();
  }
  const { sub, sid } = claims;
  if (typeof sub !== 'string' || typeof sid !== 'string' || !UUID.test(sub) || !UUID.test(sid)) {
    throw invalidToken();
  }
  const session = await liveSession(prisma, sub, sid);
  if (!session?.live) throw invalidToken();
  if (session.disabled) throw new AuthenticationError('ACCOUNT_DISABLED');
  return {
    kind: 'account',
    accountId: session.id,
    role: session.role,
    staffId: session.staffId,
    unitId: session.unitId,
    sessionId: sid,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type SessionRow = {
  id: string;
  role: AccountRole;
  staffId: string | null;
  unitId: string | null;
  disabled: boolean;
  live: boolean;
};

/**
 * The account of session `sessionId`, and whether the session is live: not ended (logout, a
 * replayed refresh token, a password change) and begun no earlier than the account's last
 * password change (milliseconds, so a change within the same second still ends it). One SQL
 * query per request, against the database every gateway instance shares, so an ended session is
 * refused everywhere at once. Null when there is no such session of that account.
 */
async function liveSession(
  prisma: PrismaClient,
  accountId: string,
  sessionId: string,
): Promise<SessionRow | null> {
  const rows = await prisma.$queryRaw<SessionRow[]>`
    SELECT a."id", a."role"::text AS "role", a."staffId", st."unitId",
           a."disabledAt" IS NOT NULL AS "disabled",
           (s."endedAt" IS NULL
             AND (a."passwordChangedAt" IS NULL OR s."createdAt" >= a."passwordChangedAt")) AS "live"
      FROM "account_session" s
      JOIN "account" a ON a."id" = s."accountId"
      LEFT JOIN "staff" st ON st."id" = a."staffId"
     WHERE s."id" = ${sessionId}::uuid AND s."accountId" = ${accountId}::uuid`;
  return rows[0] ?? null;
}

/** The system identity of an API key (`lyn_<prefix>_<secret>`); throws INVALID_API_KEY. */
export async function resolveApiKey(raw: string, prisma: PrismaClient): Promise<Identity> {
  const match = API_KEY_PATTERN.exec(raw);
  if (!match?.[1] || !match[2]) throw invalidKey();
  const row = await prisma.apiKey.findUnique({ where: { prefix: match[1] } });
  if (!row || row.revokedAt) throw invalidKey();
  const given = Buffer.from(hashSecret(match[2]), 'hex');
  const stored = Buffer.from(row.secretHash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) throw invalidKey();
  // Recorded at most once a minute so that busy integrations do not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return {
    kind: 'system',
    apiKeyId: row.id,
    name: row.name,
    scopes: row.scopes,
    submissionsPerHour: row.submissionsPerHour,
  };
}
