// Correcting one's profile (UU 27/2022 art. 6; art. 30: done at once, well within 3 × 24 hours):
// name, e-mail, mobile number. A changed e-mail is unproved until its new link is used, and gets
// that link at once; a changed number is unproved until verified by SMS.
import { validateProfileUpdate } from '@layanan/domain/accounts';
import { isUniqueViolation } from '../../../graphql/errors.js';
import { failure, validationFailed } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import type { MailSettings } from '../../../platform/mail/outbox.js';
import { requireAccount } from '../../accounts/access.js';
import { mailAccountLink } from '../../accounts/commands/verify-email.js';

export type UpdateProfileInput = {
  displayName?: string | null;
  email?: string | null;
  phone?: string | null;
};

/**
 * Updates the caller's profile and returns the account id. FORBIDDEN unless an account;
 * ValidationError PROFILE_UPDATE_INVALID (fields) for a bad change (`validateProfileUpdate`), and
 * ACCOUNT_EXISTS when the new e-mail or number belongs to another account (rate-limited as
 * `auth`, so it cannot be used to list accounts). Audited with the before and after values.
 */
export async function updateProfile(
  deps: CommandDeps,
  caller: Caller,
  input: UpdateProfileInput,
  mail: MailSettings,
): Promise<{ accountId: string; emailVerificationSent: boolean }> {
  const accountId = requireAccount(caller);
  const current = await deps.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  const checked = validateProfileUpdate(current, input);
  if (!checked.ok) throw validationFailed(checked.error.fields);
  const { displayName, email, phone, emailChanged, phoneChanged } = checked.value;
  try {
    return await audited(
      auditScope(deps, caller),
      { action: 'updateProfile', entityType: 'Account' },
      async (tx) => {
        const now = deps.now();
        const after = await tx.account.update({
          where: { id: accountId },
          data: {
            displayName,
            email,
            phone,
            ...(emailChanged ? { emailVerifiedAt: null } : {}),
            ...(phoneChanged ? { phoneVerifiedAt: null } : {}),
          },
        });
        if (emailChanged) {
          // Links sent to the old address stop working: they name it, not the account's address now.
          await tx.accountToken.updateMany({
            where: { accountId, purpose: 'EMAIL_VERIFICATION', usedAt: null },
            data: { usedAt: now },
          });
        }
        if (emailChanged && email)
          await mailAccountLink(tx, mail, now, { ...after, email }, 'EMAIL_VERIFICATION');
        return {
          result: { accountId, emailVerificationSent: emailChanged && email !== null },
          entityId: accountId,
          before: { displayName: current.displayName, email: current.email, phone: current.phone },
          after: { displayName, email, phone },
        };
      },
    );
  } catch (error) {
    if (isUniqueViolation(error))
      throw failure('ACCOUNT_EXISTS', { field: email !== current.email ? 'email' : 'phone' });
    throw error;
  }
}
