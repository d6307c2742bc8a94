// What every sign-in command shares: password hashing, issuing a session (a signed access token
// plus a rotating refresh token) and the audit entry of a refused attempt.
import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { GatewayConfig } from '../../../app/config.js';
import { actorOf } from '../../../app/context.js';
import { auditSummary, type TransactionClient } from '../../../platform/audited.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { generateRefreshToken, issueAccessToken } from '../identity.js';

/** How sessions are signed and how long they last; the resolver builds it from the gateway config. */
export type SessionSettings = {
  /** HS256 key of the access tokens. */
  jwtSecret: Uint8Array;
  /** Lifetime of an access token, in seconds. */
  accessTtlSeconds: number;
  /** Lifetime of a refresh token, in seconds. */
  refreshTtlSeconds: number;
};

/** The session settings of the gateway's configuration. */
export function sessionSettings(config: GatewayConfig): SessionSettings {
  return {
    jwtSecret: config.jwtSecret,
    accessTtlSeconds: config.tokenTtlSeconds,
    refreshTtlSeconds: config.refreshTtlSeconds,
  };
}

/** A new session, as returned by registerCitizen, login, refreshSession and changePassword. */
export type Session = {
  accountId: string;
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
};

// Argon2id with the library defaults (m = 19 MiB, t = 2, p = 1: OWASP's recommended minimum).
export const hashPassword = (password: string) => hash(password, { algorithm: 2 });
// Verified when no account matches, so a wrong identifier costs as much time as a wrong password.
const DUMMY_HASH = hashPassword('layanan-timing-equaliser');

/** Whether `password` matches `passwordHash`; with no hash, false after the same work as a check. */
export async function passwordMatches(passwordHash: string | null, password: string): Promise<boolean> {
  return passwordHash
    ? verify(passwordHash, password).catch(() => false)
    : verify(await DUMMY_HASH, password).then(() => false);
}

/** Issues a session for the account: a new AccountSession (whose id is the refresh-token family)
 * unless `familyId` continues one, with an access token naming it and a new refresh token. */
export async function issueSession(
  tx: TransactionClient,
  now: Date,
  settings: SessionSettings,
  accountId: string,
  familyId?: string,
): Promise<Session> {
  const sessionId = familyId ?? (await startSession(tx, now, accountId));
  const { token: accessToken, expiresAt } = await issueAccessToken(
    { accountId, sessionId },
    settings.jwtSecret,
    settings.accessTtlSeconds,
    now,
  );
  const { token: refreshToken, tokenHash } = generateRefreshToken();
  const refreshExpiresAt = new Date(now.getTime() + settings.refreshTtlSeconds * 1000);
  await tx.refreshToken.create({
    data: { accountId, familyId: sessionId, tokenHash, expiresAt: refreshExpiresAt },
  });
  return { accountId, accessToken, expiresAt, refreshToken, refreshExpiresAt };
}

/** Records a new session of the account (begun `now`) and returns its id. */
export async function startSession(
  tx: Pick<TransactionClient, 'accountSession'>,
  now: Date,
  accountId: string,
): Promise<string> {
  const { id } = await tx.accountSession.create({ data: { id: randomUUID(), accountId, createdAt: now } });
  return id;
}

/** Why sessions end; stored as AccountSession.endReason. */
export type SessionEndReason =
  | 'logout'
  | 'refresh-replayed'
  | 'password-changed'
  | 'password-reset'
  | 'erased';

/**
 * Ends sessions at once: one session (`{ sessionId }`, a refresh-token family) or every session of
 * an account (`{ accountId }`). Their refresh tokens are revoked and their access tokens are
 * refused from the next request on, by every gateway instance (identity.ts checks the session on
 * each request). Returns how many sessions or refresh tokens were still live.
 */
export async function endSessions(
  tx: Pick<TransactionClient, 'accountSession' | 'refreshToken'>,
  which: { sessionId: string } | { accountId: string },
  now: Date,
  reason: SessionEndReason,
): Promise<number> {
  const tokens = await tx.refreshToken.updateMany({
    where: { ...('sessionId' in which ? { familyId: which.sessionId } : which), revokedAt: null },
    data: { revokedAt: now },
  });
  const sessions = await tx.accountSession.updateMany({
    where: { ...('sessionId' in which ? { id: which.sessionId } : which), endedAt: null },
    data: { endedAt: now, endReason: reason },
  });
  return tokens.count + sessions.count;
}

/** After a commit that ended sessions or changed an account's access: tells the account's live
 * subscriptions, on every gateway instance, to check their access again (app/live-access.ts). */
export function accessChanged(deps: Pick<CommandDeps, 'pubsub'>, accountId: string): void {
  deps.pubsub.publish('account:access-changed', { accountId });
}

/** Failed sign-ins are audited in their own transaction (the attempt itself changes nothing). */
export async function auditFailedAttempt(
  deps: CommandDeps,
  caller: Caller,
  attempt: { action: string; entityId: string | null; reason: string },
): Promise<void> {
  await deps.prisma.auditEntry.create({
    data: {
      ...actorOf(caller),
      action: attempt.action,
      entityType: 'Account',
      entityId: attempt.entityId,
      after: auditSummary({ outcome: 'failed', reason: attempt.reason }),
      requestId: deps.requestId,
    },
  });
}
