// Password sign-in and the life of a session: refresh-token rotation with reuse detection, and
// sign-out of a whole refresh-token family.
import { accountIdentifier } from '@layanan/domain';
import { actorOf } from '../../../app/context.js';
import { failure } from '../../../graphql/failures.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { refreshTokenHash } from '../identity.js';
import {
  accessChanged,
  auditFailedAttempt,
  endSessions,
  issueSession,
  passwordMatches,
  type Session,
  type SessionSettings,
} from './session.js';

/** Finds the account for an email or a phone number, whichever the identifier is (the domain's
 * `accountIdentifier`, which also keys the per-account sign-in budget in app/rate-limits.ts). */
async function accountByIdentifier(db: Pick<TransactionClient, 'account'>, identifier: string) {
  const named = accountIdentifier(identifier);
  if (!named.ok) return null;
  const { kind, value } = named.value;
  return db.account.findUnique({ where: kind === 'email' ? { email: value } : { phone: value } });
}

/** Signs in with an e-mail or a mobile number and a password. Throws INVALID_CREDENTIALS (after
 * auditing the attempt) for an unknown identifier, a wrong password or a disabled account alike. */
export async function login(
  deps: CommandDeps,
  caller: Caller,
  input: { identifier: string; password: string },
  sessions: SessionSettings,
): Promise<Session> {
  const account = await accountByIdentifier(deps.prisma, input.identifier);
  const valid = await passwordMatches(account?.passwordHash ?? null, input.password);
  if (!account || !valid || account.disabledAt) {
    await auditFailedAttempt(deps, caller, {
      action: 'login',
      entityId: account?.id ?? null,
      reason: account?.disabledAt ? 'disabled' : 'credentials',
    });
    throw failure('INVALID_CREDENTIALS');
  }
  return audited(auditScope(deps, caller), { action: 'login', entityType: 'Account' }, async (tx) => ({
    result: await issueSession(tx, deps.now(), sessions, account.id),
    entityId: account.id,
  }));
}

type RefreshOutcome =
  | { failed: 'unknown' | 'reused' | 'ended'; accountId: string | null }
  | { failed: null; accountId: string; session: Session };

/** Exchanges a refresh token for a new session in the same family. A token that was already
 * rotated ends the whole family (it was stolen or replayed). Throws REFRESH_TOKEN_INVALID (after
 * auditing the attempt) for an unknown, reused, revoked or expired token or a disabled account. */
export async function refreshSession(
  deps: CommandDeps,
  caller: Caller,
  refreshToken: string,
  sessions: SessionSettings,
): Promise<Session> {
  const tokenHash = refreshTokenHash(refreshToken);
  const now = deps.now();
  const outcome = await deps.prisma.$transaction(async (tx): Promise<RefreshOutcome> => {
    const row = tokenHash
      ? await tx.refreshToken.findUnique({ where: { tokenHash }, include: { account: true } })
      : null;
    if (!row) return { failed: 'unknown', accountId: null };
    if (row.rotatedAt) {
      // A rotated token came back: it was stolen or replayed. End the whole family, access
      // tokens included.
      await endSessions(tx, { sessionId: row.familyId }, now, 'refresh-replayed');
      return { failed: 'reused', accountId: row.accountId };
    }
    // Its session must be live too (a family from before sessions were recorded has none).
    const family = await tx.accountSession.findUnique({ where: { id: row.familyId } });
    if (row.revokedAt || row.expiresAt < now || row.account.disabledAt || !family || family.endedAt) {
      return { failed: 'ended', accountId: row.accountId };
    }
    const claimed = await tx.refreshToken.updateMany({
      where: { id: row.id, rotatedAt: null, revokedAt: null },
      data: { rotatedAt: now },
    });
    if (claimed.count !== 1) return { failed: 'reused', accountId: row.accountId };
    const session = await issueSession(tx, now, sessions, row.accountId, row.familyId);
    await tx.auditEntry.create({
      data: {
        ...actorOf(caller),
        action: 'refreshSession',
        entityType: 'Account',
        entityId: row.accountId,
        requestId: deps.requestId,
      },
    });
    return { failed: null, accountId: row.accountId, session };
  });
  if (outcome.failed !== null) {
    if (outcome.failed === 'reused' && outcome.accountId) accessChanged(deps, outcome.accountId);
    await auditFailedAttempt(deps, caller, {
      action: 'refreshSession',
      entityId: outcome.accountId,
      reason: outcome.failed,
    });
    throw failure('REFRESH_TOKEN_INVALID');
  }
  return outcome.session;
}

/** Ends the session of this refresh token (its whole family): its refresh tokens and its access
 * tokens stop working from the next request on, on every gateway instance, and its live
 * subscriptions end. `revoked` is false when the token is unknown or its session had already
 * ended. */
export async function logout(
  deps: CommandDeps,
  caller: Caller,
  refreshToken: string,
): Promise<{ revoked: boolean }> {
  const tokenHash = refreshTokenHash(refreshToken);
  const ended = await audited<{ revoked: boolean; accountId: string | null }>(
    auditScope(deps, caller),
    { action: 'logout', entityType: 'Account' },
    async (tx) => {
      const row = tokenHash ? await tx.refreshToken.findUnique({ where: { tokenHash } }) : null;
      if (!row) return { result: { revoked: false, accountId: null }, entityId: null };
      const count = await endSessions(tx, { sessionId: row.familyId }, deps.now(), 'logout');
      return { result: { revoked: count > 0, accountId: row.accountId }, entityId: row.accountId };
    },
  );
  if (ended.accountId) accessChanged(deps, ended.accountId);
  return { revoked: ended.revoked };
}
