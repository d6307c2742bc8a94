// Changing one's password ends every other session of the account.
import { checkPassword } from '@layanan/domain';
import { failure } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { requireAccount } from '../access.js';
import {
  auditFailedAttempt,
  hashPassword,
  issueSession,
  passwordMatches,
  type Session,
  type SessionSettings,
} from './session.js';

/** Replaces the caller's password, revokes every refresh token of the account and returns a new
 * session. FORBIDDEN unless the caller is an account; CURRENT_PASSWORD_WRONG (audited) for a
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
  return audited(
    auditScope(deps, caller),
    { action: 'changePassword', entityType: 'Account' },
    async (tx) => {
      const now = deps.now();
      // Whole seconds: access tokens carry their issue time in seconds.
      const changedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
      await tx.account.update({
        where: { id: accountId },
        data: { passwordHash, passwordChangedAt: changedAt },
      });
      await tx.refreshToken.updateMany({ where: { accountId, revokedAt: null }, data: { revokedAt: now } });
      return { result: await issueSession(tx, now, sessions, accountId), entityId: accountId };
    },
  );
}
