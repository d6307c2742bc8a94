// "Lupa kata sandi" (issue 18 item 4): a reset link by e-mail, single-use and expiring (an hour
// by default). Asking answers the same whether or not the address has an account, and does the
// same work either way (a transaction with an audit entry), so that it cannot be used to find out
// who has an account. Using the link sets the new password (the registration policy), ends every
// session of the account, and — as it proves the address — verifies it.
import { checkPassword, normalizeEmail } from '@layanan/domain/accounts';
import { failure } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import type { MailSettings } from '../../../platform/mail/outbox.js';
import { checkPresentedToken, claimToken, markEmailVerified } from './account-tokens.js';
import { accessChanged, endSessions, hashPassword } from './session.js';
import { mailAccountLink } from './verify-email.js';

/** The one answer to every well-formed request, whether the address has an account or not. */
export type PasswordResetRequested = { received: true };

/**
 * Mails a reset link to the account with this e-mail address, if there is one and it is not
 * disabled; answers `{ received: true }` either way. Throws ACCOUNT_EMAIL_INVALID (field `email`)
 * only for something that is no e-mail address, which depends on the input alone.
 */
export async function requestPasswordReset(
  deps: CommandDeps,
  caller: Caller,
  input: { email: string },
  mail: MailSettings,
): Promise<PasswordResetRequested> {
  const email = normalizeEmail(input.email);
  if (!email.ok) throw failure(email.error, { field: 'email' });
  await audited(
    auditScope(deps, caller),
    { action: 'requestPasswordReset', entityType: 'Account' },
    async (tx) => {
      const account = await tx.account.findUnique({ where: { email: email.value } });
      if (!account?.email || account.disabledAt) {
        return { result: null, entityId: null, after: { outcome: 'no-account' } };
      }
      await mailAccountLink(tx, mail, deps.now(), { ...account, email: account.email }, 'PASSWORD_RESET');
      return { result: null, entityId: account.id, after: { outcome: 'mailed' } };
    },
  );
  return { received: true };
}

/**
 * Sets a new password with a reset link's token: the password policy of registration
 * (`checkPassword`, field `newPassword`), then in one transaction the token is claimed (once),
 * the password replaced, every session and refresh token of the account ended, and the e-mail
 * address marked verified. ACCOUNT_TOKEN_INVALID / _EXPIRED / _USED on the field `token`
 * (audited). The person signs in with the new password afterwards.
 */
export async function resetPassword(
  deps: CommandDeps,
  caller: Caller,
  input: { token: string; newPassword: string },
): Promise<{ accountId: string }> {
  const checked = await checkPresentedToken(deps, caller, {
    purpose: 'PASSWORD_RESET',
    token: input.token,
    action: 'resetPassword',
  });
  const policy = checkPassword(input.newPassword, checked.account);
  if (!policy.ok) throw failure(policy.error, { field: 'newPassword' });
  const passwordHash = await hashPassword(input.newPassword);
  const accountId = checked.accountId;
  await audited(auditScope(deps, caller), { action: 'resetPassword', entityType: 'Account' }, async (tx) => {
    const now = deps.now();
    await claimToken(tx, checked, 'PASSWORD_RESET', now);
    await tx.account.update({ where: { id: accountId }, data: { passwordHash, passwordChangedAt: now } });
    const ended = await endSessions(tx, { accountId }, now, 'password-reset');
    const account = await tx.account.findUniqueOrThrow({ where: { id: accountId } });
    const attached = account.emailVerifiedAt ? 0 : await markEmailVerified(tx, accountId, now);
    return { result: null, entityId: accountId, after: { sessionsEnded: ended, attachedRequests: attached } };
  });
  accessChanged(deps, accountId);
  return { accountId };
}
