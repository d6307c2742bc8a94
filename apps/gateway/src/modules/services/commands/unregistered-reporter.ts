// Reporters without a Layanan account (issue 17 item 1): an API key files for a person named by
// contact details only (submit-request.ts keeps them in request_reporter_contact). Such a request
// belongs to one shared placeholder account nobody can sign in to, until a citizen claims it by
// a one-time code sent to the reporter's e-mail address (or by SMS to their phone, when an SMS
// provider is configured). The rules are the domain's (claimCodeIssue, checkClaimCode).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '@layanan/db';
import { ACCOUNT_MAIL_TEXTS, inLanguage, MAIL_TEXTS } from '@layanan/domain/notifications';
import {
  CLAIM_CODE_DIGITS,
  CLAIM_CODE_TTL_MINUTES,
  checkClaimCode,
  claimCode,
  claimCodeIssue,
  claimCodeSpelling,
} from '@layanan/domain/services';
import { failure } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { type MailSettings, queueMail } from '../../../platform/mail/outbox.js';
import { composeMail, reporterContactPurpose } from '../../../platform/mail/render.js';
import type { SmsSender } from '../../../platform/sms.js';
import { normalizedCode } from '../queries/tracking-code.js';

/** The placeholder citizen of requests filed for people without an account: disabled, no address. */
export const UNREGISTERED_REPORTER_ACCOUNT_ID = 'a0000000-0000-4000-8000-00000000a001';
const PLACEHOLDER_NAME = 'Pelapor tanpa akun';

/** Creates the placeholder account if it is missing (a fresh database, a test's). */
export async function ensureUnregisteredReporter(prisma: Pick<PrismaClient, 'account'>): Promise<void> {
  await prisma.account.upsert({
    where: { id: UNREGISTERED_REPORTER_ACCOUNT_ID },
    create: {
      id: UNREGISTERED_REPORTER_ACCOUNT_ID,
      displayName: PLACEHOLDER_NAME,
      role: 'CITIZEN',
      disabledAt: new Date(0),
    },
    update: {},
  });
}

const codeHash = (code: string) => createHash('sha256').update(code).digest('hex');

/** The request and its reporter contact by tracking code, or a REQUEST_CLAIM_NOT_POSSIBLE refusal. */
async function claimable(deps: CommandDeps, trackingCode: string) {
  const code = normalizedCode(trackingCode);
  const request = code
    ? await deps.prisma.serviceRequest.findUnique({
        where: { trackingCode: code },
        include: { reporterContact: true, service: { select: { kind: true } } },
      })
    : null;
  return request && request.citizenAccountId === UNREGISTERED_REPORTER_ACCOUNT_ID ? request : null;
}

const callerAccount = async (deps: CommandDeps, caller: Caller) => {
  if (caller.kind !== 'account' || caller.role !== 'CITIZEN') return null;
  const account = await deps.prisma.account.findUnique({ where: { id: caller.accountId } });
  return account && !account.disabledAt && !account.erasedAt ? account : null;
};

export type ClaimCodeSent = { channel: 'email' | 'sms'; expiresAt: Date };

/**
 * A signed-in citizen asks to claim the request `trackingCode` filed for a reporter without an
 * account: a new code (CLAIM_CODE_DIGITS digits, CLAIM_CODE_TTL_MINUTES minutes, bound to the
 * caller's account; earlier codes stop working) goes to the reporter's e-mail, else by SMS to
 * their phone when an SMS provider is configured. The answer never shows the address.
 * Errors: REQUEST_CLAIM_NOT_POSSIBLE (ConflictError: unknown code, not such a request, already
 * claimed, or the caller is not an active citizen), REQUEST_CLAIM_NO_CHANNEL (phone only, no
 * SMS), REQUEST_CLAIM_CODES_EXHAUSTED.
 */
export async function sendRequestClaimCode(
  deps: CommandDeps,
  caller: Caller,
  input: { trackingCode: string },
  mail: MailSettings,
  sms: SmsSender | null,
): Promise<ClaimCodeSent> {
  const request = await claimable(deps, input.trackingCode);
  const account = await callerAccount(deps, caller);
  const contact = request?.reporterContact ?? null;
  const issue = claimCodeIssue({
    contact: contact && { email: contact.email, phone: contact.phone, codesSent: contact.claimCodesSent },
    callerIsCitizen: account !== null,
    smsAvailable: sms !== null,
    now: deps.now(),
  });
  if (!issue.ok) throw failure(issue.error.code);
  if (!request || !contact || !account) throw failure('REQUEST_CLAIM_NOT_POSSIBLE');
  const code = claimCode(randomBytes(CLAIM_CODE_DIGITS));
  const { channel, address, expiresAt } = issue.value;
  const language = contact.language === 'en' ? 'en' : 'id';
  const texts = ACCOUNT_MAIL_TEXTS.requestClaim;
  await audited(
    auditScope(deps, caller),
    { action: 'sendRequestClaimCode', entityType: 'ServiceRequest' },
    async (tx) => {
      await tx.requestReporterContact.update({
        where: { requestId: request.id },
        data: {
          claimCodeHash: codeHash(code),
          claimAccountId: account.id,
          claimCodeExpiresAt: expiresAt,
          claimAttempts: 0,
          claimCodesSent: { increment: 1 },
        },
      });
      if (channel === 'email') {
        const message = composeMail(language, {
          name: [contact.firstName, contact.lastName].filter(Boolean).join(' ') || PLACEHOLDER_NAME,
          subject: inLanguage(texts.subject(request.trackingCode), language),
          body: inLanguage(texts.body(request.trackingCode, code, CLAIM_CODE_TTL_MINUTES), language),
          link: `${mail.publicUrl}${texts.linkPath}${request.trackingCode}`,
          // The address is the reporter's contact given at filing, not an account's.
          footer: { why: MAIL_TEXTS.whyReporterContact(request.trackingCode, request.service.kind) },
        });
        await queueMail(tx, mail, {
          ...message,
          to: address,
          purpose: reporterContactPurpose(request.id),
          accountId: null,
        });
      }
      return { result: null, entityId: request.id, after: { channel, expiresAt } };
    },
  );
  if (channel === 'sms' && sms)
    await sms.send({ to: address, text: inLanguage(texts.sms(request.trackingCode, code), language) });
  return { channel, expiresAt };
}

/**
 * The signed-in citizen presents the claim code: the request becomes theirs (citizen account,
 * attached now, as if they had filed it) and the reporter's contact details are deleted (the
 * account holds its own). Errors: REQUEST_CLAIM_NOT_POSSIBLE (ConflictError),
 * REQUEST_CLAIM_CODE_EXPIRED (no code for this account in force, expired, or tries spent),
 * REQUEST_CLAIM_CODE_WRONG (a wrong try is counted) — both ValidationError on `code`.
 */
export async function claimReportedRequest(
  deps: CommandDeps,
  caller: Caller,
  input: { trackingCode: string; code: string },
): Promise<{ trackingCode: string; requestId: string }> {
  const request = await claimable(deps, input.trackingCode);
  const account = await callerAccount(deps, caller);
  const contact = request?.reporterContact ?? null;
  if (!request || !contact || !account) throw failure('REQUEST_CLAIM_NOT_POSSIBLE');
  const typed = claimCodeSpelling(input.code);
  const given = Buffer.from(typed ? codeHash(typed) : '');
  const stored = Buffer.from(contact.claimCodeHash ?? '');
  const now = deps.now();
  const checked = checkClaimCode({
    contact: {
      codeAccountId: contact.claimAccountId,
      expiresAt: contact.claimCodeExpiresAt,
      attempts: contact.claimAttempts,
    },
    accountId: account.id,
    matches: given.length === stored.length && given.length > 0 && timingSafeEqual(given, stored),
    now,
  });
  if (!checked.ok) {
    const { attempts } = checked.error;
    if (attempts !== undefined)
      await deps.prisma.requestReporterContact.update({
        where: { requestId: request.id },
        data: { claimAttempts: attempts },
      });
    throw failure(checked.error.code, { field: 'code' });
  }
  await audited(
    auditScope(deps, caller),
    { action: 'claimReportedRequest', entityType: 'ServiceRequest' },
    async (tx) => {
      const moved = await tx.serviceRequest.updateMany({
        where: { id: request.id, citizenAccountId: request.citizenAccountId },
        data: { citizenAccountId: account.id, citizenAttachedAt: now },
      });
      if (moved.count !== 1) throw failure('REQUEST_CLAIM_NOT_POSSIBLE');
      await tx.requestReporterContact.delete({ where: { requestId: request.id } });
      return { result: null, entityId: request.id, after: { claimedBy: account.id } };
    },
  );
  return { trackingCode: request.trackingCode, requestId: request.id };
}
