// E-mail verification (issue 18 item 4): a single-use, expiring link mailed at registration and on
// request; using it sets `Account.emailVerifiedAt` and attaches the requests filed for the address
// by counter staff or API keys. Phone numbers follow the same flow with a code by SMS, behind the
// `SmsSender` interface; none is configured by default.
import { type AccountTokenPurpose, verificationRequestable } from '@layanan/domain/accounts';
import { ACCOUNT_MAIL_TEXTS, inLanguage } from '@layanan/domain/notifications';
import { isUniqueViolation } from '../../../graphql/errors.js';
import { failure } from '../../../graphql/failures.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { type MailSettings, queueMail } from '../../../platform/mail/outbox.js';
import { composeMail } from '../../../platform/mail/render.js';
import type { SmsSender } from '../../../platform/sms.js';
import { requireAccount } from '../access.js';
import { checkPresentedToken, claimToken, issueAccountToken, markEmailVerified } from './account-tokens.js';

type MailAccount = { id: string; email: string; displayName: string; language: string };

/** Issues a token of `purpose` and queues the e-mail carrying its link, in `tx`. */
export async function mailAccountLink(
  tx: TransactionClient,
  mail: MailSettings,
  now: Date,
  account: MailAccount,
  purpose: Extract<AccountTokenPurpose, 'EMAIL_VERIFICATION' | 'PASSWORD_RESET'>,
): Promise<{ expiresAt: Date }> {
  const { secret, expiresAt } = await issueAccountToken(tx, now, {
    accountId: account.id,
    purpose,
    address: account.email,
    lifetimeSeconds: mail.tokenLifetimes?.[purpose],
  });
  const language = account.language === 'en' ? 'en' : 'id';
  const texts =
    purpose === 'PASSWORD_RESET' ? ACCOUNT_MAIL_TEXTS.passwordReset : ACCOUNT_MAIL_TEXTS.emailVerification;
  const seconds = (expiresAt.getTime() - now.getTime()) / 1000;
  const body =
    purpose === 'PASSWORD_RESET'
      ? ACCOUNT_MAIL_TEXTS.passwordReset.body(Math.round(seconds / 60))
      : ACCOUNT_MAIL_TEXTS.emailVerification.body(Math.round(seconds / 3600));
  const message = composeMail(language, {
    name: account.displayName,
    subject: inLanguage(texts.subject, language),
    body: inLanguage(body, language),
    link: `${mail.publicUrl}${texts.linkPath}${secret}`,
  });
  await queueMail(tx, mail, {
    ...message,
    to: account.email,
    purpose: purpose === 'PASSWORD_RESET' ? 'account:password-reset' : 'account:email-verification',
    accountId: account.id,
  });
  return { expiresAt };
}

/** A link or code was sent; when it stops working. */
export type VerificationSent = { expiresAt: Date };

/**
 * Mails a new verification link to the caller's e-mail address (earlier links stop working).
 * FORBIDDEN unless the caller is an account; ACCOUNT_EMAIL_MISSING, ACCOUNT_ALREADY_VERIFIED.
 */
export async function requestEmailVerification(
  deps: CommandDeps,
  caller: Caller,
  mail: MailSettings,
): Promise<VerificationSent> {
  const accountId = requireAccount(caller);
  const account = await deps.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  const requestable = verificationRequestable('email', account);
  if (!requestable.ok) throw failure(requestable.error);
  return audited(
    auditScope(deps, caller),
    { action: 'requestEmailVerification', entityType: 'Account' },
    async (tx) => ({
      result: await mailAccountLink(
        tx,
        mail,
        deps.now(),
        { ...account, email: requestable.value.address },
        'EMAIL_VERIFICATION',
      ),
      entityId: accountId,
    }),
  );
}

/** A verified address, and how many requests filed for it were attached to the account. */
export type EmailVerified = { accountId: string; attachedRequests: number };

/**
 * Uses a verification link's token (no sign-in needed: the link may be opened anywhere). Sets
 * `emailVerifiedAt` and attaches the requests filed for the address; a link for a new address
 * asked for in `updateProfile` first moves the account to it. ACCOUNT_TOKEN_INVALID (wrong, of a
 * disabled account, or a new address another account took meanwhile), ACCOUNT_TOKEN_EXPIRED,
 * ACCOUNT_TOKEN_USED (replayed), on the field `token`; every refusal is audited.
 */
export async function verifyEmail(deps: CommandDeps, caller: Caller, token: string): Promise<EmailVerified> {
  const checked = await checkPresentedToken(deps, caller, {
    purpose: 'EMAIL_VERIFICATION',
    token,
    action: 'verifyEmail',
  });
  try {
    return await audited(
      auditScope(deps, caller),
      { action: 'verifyEmail', entityType: 'Account' },
      async (tx) => {
        const now = deps.now();
        await claimToken(tx, checked, 'EMAIL_VERIFICATION', now);
        const newEmail = checked.change ? checked.address : undefined;
        const attachedRequests = await markEmailVerified(tx, checked.accountId, now, newEmail);
        return {
          result: { accountId: checked.accountId, attachedRequests },
          entityId: checked.accountId,
          before: checked.change ? { email: checked.account.email } : undefined,
          after: { emailVerified: true, attachedRequests, ...(newEmail ? { email: newEmail } : {}) },
        };
      },
    );
  } catch (error) {
    throw addressTaken(error);
  }
}

/** A pending change to an address another account took meanwhile: refused as an invalid link. */
function addressTaken(error: unknown, field = 'token'): unknown {
  return isUniqueViolation(error) ? failure('ACCOUNT_TOKEN_INVALID', { field }) : error;
}

/**
 * Sends a verification code to the caller's mobile number through the configured SMS provider.
 * SMS_NOT_CONFIGURED when there is none (the default: nothing is stored or queued then);
 * ACCOUNT_PHONE_MISSING, ACCOUNT_ALREADY_VERIFIED; FORBIDDEN unless the caller is an account.
 */
export async function requestPhoneVerification(
  deps: CommandDeps,
  caller: Caller,
  sms: SmsSender | null,
): Promise<VerificationSent> {
  const accountId = requireAccount(caller);
  const account = await deps.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  const requestable = verificationRequestable('phone', account);
  if (!requestable.ok) throw failure(requestable.error);
  if (!sms) throw failure('SMS_NOT_CONFIGURED');
  const issued = await audited(
    auditScope(deps, caller),
    { action: 'requestPhoneVerification', entityType: 'Account' },
    async (tx) => ({
      result: await issueAccountToken(tx, deps.now(), {
        accountId,
        purpose: 'PHONE_VERIFICATION',
        address: requestable.value.address,
      }),
      entityId: accountId,
    }),
  );
  const text =
    account.language === 'en'
      ? `Layanan: your verification code is ${issued.secret}. Do not share it.`
      : `Layanan: kode verifikasi Anda ${issued.secret}. Jangan berikan kepada siapa pun.`;
  await sms.send({ to: requestable.value.address, text });
  return { expiresAt: issued.expiresAt };
}

/**
 * Uses the six-digit code sent to the caller's mobile number: sets `phoneVerifiedAt` (a code sent
 * to a new number asked for in `updateProfile` first moves the account to it).
 * ACCOUNT_TOKEN_INVALID (also: the new number was taken meanwhile) / _EXPIRED / _USED on the field
 * `code`; FORBIDDEN unless an account.
 */
export async function verifyPhone(
  deps: CommandDeps,
  caller: Caller,
  code: string,
): Promise<{ accountId: string }> {
  const accountId = requireAccount(caller);
  const checked = await checkPresentedToken(deps, caller, {
    purpose: 'PHONE_VERIFICATION',
    token: code,
    accountId,
    action: 'verifyPhone',
    field: 'code',
  });
  try {
    return await audited(
      auditScope(deps, caller),
      { action: 'verifyPhone', entityType: 'Account' },
      async (tx) => {
        const now = deps.now();
        await claimToken(tx, checked, 'PHONE_VERIFICATION', now);
        const phone = checked.change ? { phone: checked.address } : {};
        await tx.account.update({ where: { id: accountId }, data: { phoneVerifiedAt: now, ...phone } });
        return { result: { accountId }, entityId: accountId, after: { phoneVerified: true, ...phone } };
      },
    );
  } catch (error) {
    throw addressTaken(error, 'code');
  }
}
