// What every sign-in command shares: password hashing, issuing a session (a signed access token
// plus a rotating refresh token) and the audit entry of a refused attempt.
import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
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

/** Issues a session for the account: a new refresh-token family unless `familyId` continues one. */
export async function issueSession(
  tx: TransactionClient,
  now: Date,
  settings: SessionSettings,
  accountId: string,
  familyId: string = randomUUID(),
): Promise<Session> {
  const { token: accessToken, expiresAt } = await issueAccessToken(
    accountId,
    settings.jwtSecret,
    settings.accessTtlSeconds,
    now,
  );
  const { token: refreshToken, tokenHash } = generateRefreshToken();
  const refreshExpiresAt = new Date(now.getTime() + settings.refreshTtlSeconds * 1000);
  await tx.refreshToken.create({ data: { accountId, familyId, tokenHash, expiresAt: refreshExpiresAt } });
  return { accountId, accessToken, expiresAt, refreshToken, refreshExpiresAt };
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
