// Erasing one's account (UU 27/2022 art. 8, 43; docs/personal-data.md): the person's name,
// contacts and password, what they wrote and uploaded, their notifications, mail and tokens are
// removed; their requests and forum submissions stay, anonymised, so the city's statistics and
// accountability count them as before. Sessions end at once. The erasure is audited without any
// personal value, and every earlier audit entry and outbox event about the person loses theirs.

import type { Prisma } from '@layanan/db';
import {
  checkErasure,
  ERASED_DISPLAY_NAME,
  ERASED_TEXT,
  personalValuesOf,
  redactValues,
} from '@layanan/domain/accounts';
import { failure } from '../../../graphql/failures.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { requireAccount } from '../../accounts/access.js';
import {
  accessChanged,
  auditFailedAttempt,
  endSessions,
  passwordMatches,
} from '../../accounts/commands/session.js';
import { deleteUnusedBlobs, eraseAttachments, eraseRequestPersonalData } from './erase-request-data.js';

export type ErasureDone = { erasedAt: Date; requests: number; submissions: number };

/**
 * Erases the caller's account after checking `password`. FORBIDDEN unless an account;
 * CURRENT_PASSWORD_WRONG (AuthenticationFailed, audited) for a wrong password;
 * ERASURE_NOT_CITIZEN for staff accounts (their records are the ASN register's);
 * ERASURE_ALREADY_DONE. `reason` is recorded in the audit entry (`erase` or `consent-withdrawn`).
 */
export async function eraseAccount(
  deps: CommandDeps,
  caller: Caller,
  input: { password: string },
  reason: 'erase' | 'consent-withdrawn' = 'erase',
): Promise<ErasureDone> {
  const accountId = requireAccount(caller);
  const action = reason === 'erase' ? 'eraseMyAccount' : 'withdrawPrivacyConsent';
  const account = await deps.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  if (!(await passwordMatches(account.passwordHash, input.password))) {
    await auditFailedAttempt(deps, caller, { action, entityId: accountId, reason: 'password' });
    throw failure('CURRENT_PASSWORD_WRONG');
  }
  const allowed = checkErasure(account);
  if (!allowed.ok) throw failure(allowed.error);
  const erased: string[] = [];
  const done = await audited(auditScope(deps, caller), { action, entityType: 'Account' }, async (tx) => {
    const now = deps.now();
    const requests = await tx.serviceRequest.findMany({
      where: { citizenAccountId: accountId },
      select: { id: true, originalText: true, attributeValues: true },
    });
    const submissions = await tx.submission.findMany({
      where: { authorId: accountId },
      select: { id: true, title: true, text: true },
    });
    const files = await tx.attachment.findMany({
      where: { OR: [{ requestId: { in: requests.map((r) => r.id) } }, { uploadedByAccountId: accountId }] },
      select: { fileName: true },
    });
    // Every value that names the person, to take out of the audit trail and the event outbox.
    const values = [
      ...personalValuesOf(account),
      ...requests.flatMap((r) => [r.originalText, ...stringsOf(r.attributeValues)]),
      ...submissions.flatMap((s) => [s.title, s.text]),
      ...files.map((f) => f.fileName),
    ].filter((v) => v.length >= 6 && v !== ERASED_TEXT);
    const ids = [accountId, ...requests.map((r) => r.id), ...submissions.map((s) => s.id)];

    erased.push(
      ...(await eraseRequestPersonalData(
        tx,
        requests.map((r) => r.id),
        now,
      )),
    );
    await tx.submission.updateMany({
      where: { authorId: accountId },
      data: { title: ERASED_TEXT, text: ERASED_TEXT, hideAuthorName: true },
    });
    erased.push(
      ...(await eraseAttachments(
        tx,
        {
          OR: [
            { submissionId: { in: submissions.map((s) => s.id) } },
            { uploadedByAccountId: accountId, purpose: { not: 'STAFF_NOTE' } },
          ],
        },
        now,
      )),
    );
    await tx.submissionFollow.deleteMany({ where: { accountId } });
    await tx.requestFollower.deleteMany({ where: { accountId } });
    await tx.notification.deleteMany({ where: { accountId } });
    await tx.notificationPreference.deleteMany({ where: { accountId } });
    await tx.mailMessage.deleteMany({
      where: { OR: [{ accountId }, ...(account.email ? [{ toAddress: account.email }] : [])] },
    });
    await endSessions(tx, { accountId }, now, 'erased');
    await tx.refreshToken.deleteMany({ where: { accountId } });
    await tx.accountToken.deleteMany({ where: { accountId } });
    await tx.privacyConsent.updateMany({
      where: { accountId, withdrawnAt: null },
      data: { withdrawnAt: now },
    });
    await redactHistory(tx, ids, values);
    await tx.account.update({
      where: { id: accountId },
      data: {
        displayName: ERASED_DISPLAY_NAME,
        email: null,
        phone: null,
        passwordHash: null,
        emailVerifiedAt: null,
        phoneVerifiedAt: null,
        erasedAt: now,
        disabledAt: now,
      },
    });
    const result = { erasedAt: now, requests: requests.length, submissions: submissions.length };
    return {
      result,
      entityId: accountId,
      after: { reason, requests: result.requests, submissions: result.submissions },
    };
  });
  accessChanged(deps, accountId);
  await deleteUnusedBlobs(deps.prisma, deps.storage, erased);
  return done;
}

function stringsOf(json: Prisma.JsonValue): string[] {
  if (typeof json === 'string') return [json];
  if (Array.isArray(json)) return json.flatMap(stringsOf);
  if (json && typeof json === 'object') return Object.values(json).flatMap((v) => stringsOf(v ?? null));
  return [];
}

/**
 * Replaces the person's values in the audit entries about or by any of `ids` and in the outbox
 * events that name one of them (the acts and their times stay: PP 71/2019 art. 14).
 */
async function redactHistory(tx: TransactionClient, ids: readonly string[], values: readonly string[]) {
  const entries = await tx.auditEntry.findMany({
    where: { OR: [{ entityId: { in: [...ids] } }, { actorId: { in: [...ids] } }] },
    select: { id: true, before: true, after: true },
  });
  for (const e of entries) {
    const before = e.before === null ? undefined : (redactValues(e.before, values) as Prisma.InputJsonValue);
    const after = e.after === null ? undefined : (redactValues(e.after, values) as Prisma.InputJsonValue);
    await tx.auditEntry.update({ where: { id: e.id }, data: { before, after } });
  }
  const patterns = ids.map((id) => `%${id}%`);
  const events = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "domain_event" WHERE "payload"::text ILIKE ANY (${patterns}::text[])`;
  for (const { id } of events) {
    const event = await tx.domainEvent.findUniqueOrThrow({ where: { id }, select: { payload: true } });
    await tx.domainEvent.update({
      where: { id },
      data: { payload: redactValues(event.payload, values) as Prisma.InputJsonValue },
    });
  }
}
