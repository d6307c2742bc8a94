// Correcting one's profile (UU 27/2022 art. 6; art. 30: done at once, well within 3 × 24 hours):
// name, e-mail, mobile number. A new e-mail or number is a pending change: the account keeps its
// address until the link mailed to the new one (or the code sent to the new number) is used
// (commands/verify-email.ts). The answer never says whether the new address belongs to another
// account (issue 15 kind 8): its owner is told instead, as when someone registers with it.
import { validateProfileUpdate } from '@layanan/domain/accounts';
import { validationFailed } from '../../../graphql/failures.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { recordEvent } from '../../../platform/events.js';
import type { MailSettings } from '../../../platform/mail/outbox.js';
import type { SmsSender } from '../../../platform/sms.js';
import { requireAccount } from '../../accounts/access.js';
import { issueAccountToken } from '../../accounts/commands/account-tokens.js';
import { mailAccountLink } from '../../accounts/commands/verify-email.js';

export type UpdateProfileInput = {
  displayName?: string | null;
  email?: string | null;
  phone?: string | null;
};

/**
 * Updates the caller's profile and returns the account id. The name and the removal of a contact
 * (while the other stays) take effect at once; a new e-mail gets a verification link and a new
 * number a code by SMS (none without an SMS provider: the change then cannot complete), and the
 * account keeps its address until that is used. When another account has the new address, nothing
 * is sent to it: its owner gets the event `accounts.registration-attempted-for-existing`, and the
 * caller the same answer as for a free address (`emailVerificationSent: true`). FORBIDDEN unless
 * an account; ValidationError PROFILE_UPDATE_INVALID (fields) for a bad change
 * (`validateProfileUpdate`, checked against the contacts the account keeps meanwhile). Audited.
 */
export async function updateProfile(
  deps: CommandDeps,
  caller: Caller,
  input: UpdateProfileInput,
  mail: MailSettings,
  sms: SmsSender | null = null,
): Promise<{ accountId: string; emailVerificationSent: boolean }> {
  const accountId = requireAccount(caller);
  const current = await deps.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  const checked = validateProfileUpdate(current, input);
  if (!checked.ok) throw validationFailed(checked.error.fields);
  const { displayName, email, phone, emailChanged, phoneChanged } = checked.value;
  // What is stored now: removals at once, new addresses only once proved.
  const stored = {
    displayName,
    email: emailChanged && email !== null ? current.email : email,
    phone: phoneChanged && phone !== null ? current.phone : phone,
  };
  if (!stored.email && !stored.phone) {
    // Removing the only proved contact for one not yet proved would leave none meanwhile.
    const kept = validateProfileUpdate(current, { email: '', phone: '' });
    if (!kept.ok) throw validationFailed(kept.error.fields);
  }
  const events: string[] = [];
  let code: { to: string; secret: string } | null = null;
  const result = await audited(
    auditScope(deps, caller),
    { action: 'updateProfile', entityType: 'Account' },
    async (tx) => {
      const now = deps.now();
      const after = await tx.account.update({
        where: { id: accountId },
        data: {
          ...stored,
          ...(stored.email !== current.email ? { emailVerifiedAt: null } : {}),
          ...(stored.phone !== current.phone ? { phoneVerifiedAt: null } : {}),
        },
      });
      const purposes = [
        ...(emailChanged ? (['EMAIL_VERIFICATION'] as const) : []),
        ...(phoneChanged ? (['PHONE_VERIFICATION'] as const) : []),
      ];
      // Links and codes sent before stop working: only the newest change can complete.
      if (purposes.length > 0)
        await tx.accountToken.updateMany({
          where: { accountId, purpose: { in: [...purposes] }, usedAt: null },
          data: { usedAt: now },
        });
      if (emailChanged && email) {
        const owner = await ownerOf(tx, { email }, accountId);
        if (owner) events.push(await attempted(tx, owner, 'email', now));
        else await mailAccountLink(tx, mail, now, { ...after, email }, 'EMAIL_VERIFICATION');
      }
      if (phoneChanged && phone) {
        const owner = await ownerOf(tx, { phone }, accountId);
        if (owner) events.push(await attempted(tx, owner, 'phone', now));
        else if (sms) {
          const issued = await issueAccountToken(tx, now, {
            accountId,
            purpose: 'PHONE_VERIFICATION',
            address: phone,
          });
          code = { to: phone, secret: issued.secret };
        }
      }
      return {
        result: { accountId, emailVerificationSent: emailChanged && email !== null },
        entityId: accountId,
        before: { displayName: current.displayName, email: current.email, phone: current.phone },
        after: {
          ...stored,
          pendingEmail: emailChanged ? email : null,
          pendingPhone: phoneChanged ? phone : null,
        },
      };
    },
  );
  if (events.length > 0) void deps.events.dispatch(events);
  if (sms && code) {
    const { to, secret } = code as { to: string; secret: string };
    const text =
      current.language === 'en'
        ? `Layanan: your verification code is ${secret}. Do not share it.`
        : `Layanan: kode verifikasi Anda ${secret}. Jangan berikan kepada siapa pun.`;
    await sms.send({ to, text });
  }
  return result;
}

/** The other account that has the address, if any. */
async function ownerOf(tx: TransactionClient, where: { email: string } | { phone: string }, self: string) {
  const owner = await tx.account.findFirst({ where: { ...where, id: { not: self } }, select: { id: true } });
  return owner?.id ?? null;
}

/** Tells the owner of a taken address, as when someone registers with it. */
function attempted(tx: TransactionClient, accountId: string, by: 'email' | 'phone', now: Date) {
  return recordEvent(tx, 'accounts.registration-attempted-for-existing', {
    accountId,
    by,
    at: now.toISOString(),
  });
}
