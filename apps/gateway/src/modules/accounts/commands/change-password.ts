// Changing one's password ends every session of the account and starts a new one.
import { checkPassword } from '@layanan/domain';
import { failure } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { requireAccount } from '../access.js';
import {
  accessChanged,
  auditFailedAttempt,
  endSessions,
  hashPassword,
  issueSession,
  passwordMatches,
  type Session,
  type SessionSettings,
} from './session.js';

/** Replaces the caller's password, ends every session of the account (refresh and access tokens,
 * live subscriptions) and returns a new session. FORBIDDEN unless the caller is an account; CURRENT_PASSWORD_WRONG (audited) for a
 * wrong current password; the domain's password-policy code on `newPassword` (`checkPassword`). */
export async function changePassword(
  deps: CommandDeps,
  caller: Caller,
  input: { currentPassword: string; newPassword: string },
  sessions: SessionSettings,
): Promise<Session> {
  const accountId = requireAccount(caller);
  const account = await deps.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  if (!(await passwordMatches(account.passwordHash, input.currentPassword))) {
    await auditFailedAttempt(deps, caller, {
      action: 'changePassword',
      entityId: accountId,
      reason: 'current password',
    });
    throw failure('CURRENT_PASSWORD_WRONG');
  }
  const policy = checkPassword(input.newPassword, { email: account.email, displayName: account.displayName });
  if (!policy.ok) throw failure(policy.error, { field: 'newPassword' });
  const passwordHash = await hashPassword(input.newPassword);
  const session = await audited(
    auditScope(deps, caller),
    { action: 'changePassword', entityType: 'Account' },
    async (tx) => {
      const now = deps.now();
      // To the millisecond: a session begun before this moment is refused even within the same
      // second (identity.ts compares with AccountSession.createdAt), and every session is ended.
      await tx.account.update({ where: { id: accountId }, data: { passwordHash, passwordChangedAt: now } });
      await endSessions(tx, { accountId }, now, 'password-changed');
      return { result: await issueSession(tx, now, sessions, accountId), entityId: accountId };
    },
  );
  accessChanged(deps, accountId);
  return session;
}
