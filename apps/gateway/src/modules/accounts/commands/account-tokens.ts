// Single-use account tokens (issue 18 item 4): issued into the database as a SHA-256 hash with the
// address and expiry (the domain's `accountTokenExpiry`), checked by the domain's
// `checkAccountToken`, and claimed once (a concurrent second use finds it claimed). The secret
// itself only ever travels in the message to the address.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  type AccountTokenPurpose,
  accountTokenExpiry,
  checkAccountToken,
  filedRequestAttached,
} from '@layanan/domain/accounts';
import { failure } from '../../../graphql/failures.js';
import type { TransactionClient } from '../../../platform/audited.js';
import type { Caller, CommandDeps } from '../../../platform/command.js';
import { auditFailedAttempt } from './session.js';

type Db = Pick<TransactionClient, 'accountToken'>;

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** The stored form of a link token: SHA-256, hex. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A phone code is six digits, so its stored form names the account (codes repeat across accounts). */
const hashCode = (accountId: string, code: string) => hashToken(`phone:${accountId}:${code}`);

/**
 * Issues a new token of `purpose` for the account, sent to `address`, valid from `now` for
 * `lifetimeSeconds` (unset: the domain's default). Earlier open tokens of the same purpose end at
 * once: only the newest link works. Returns the secret (a 43-character base64url link token, or a
 * six-digit code for PHONE_VERIFICATION) and its expiry.
 */
export async function issueAccountToken(
  tx: Db,
  now: Date,
  token: { accountId: string; purpose: AccountTokenPurpose; address: string; lifetimeSeconds?: number },
): Promise<{ secret: string; expiresAt: Date }> {
  const expiresAt = accountTokenExpiry(token.purpose, now, token.lifetimeSeconds);
  await tx.accountToken.updateMany({
    where: { accountId: token.accountId, purpose: token.purpose, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const phone = token.purpose === 'PHONE_VERIFICATION';
  const secret = phone
    ? String(randomInt(0, 1_000_000)).padStart(6, '0')
    : randomBytes(32).toString('base64url');
  await tx.accountToken.create({
    data: {
      accountId: token.accountId,
      purpose: token.purpose,
      tokenHash: phone ? hashCode(token.accountId, secret) : hashToken(secret),
      address: token.address,
      createdAt: now,
      expiresAt,
    },
  });
  return { secret, expiresAt };
}

/**
 * What a successful check hands on: the token's row id, its account, the address it proves and
 * whether that is a pending change (an address other than the account's, asked for in the profile).
 */
export type CheckedToken = {
  tokenId: string;
  accountId: string;
  address: string;
  change: boolean;
  account: { email: string | null; displayName: string };
};

/**
 * Finds and checks a presented token: a link token, or for PHONE_VERIFICATION a code of the
 * `accountId` given. A refusal is audited (as `action`, without the token) and thrown as the
 * domain's ACCOUNT_TOKEN_INVALID / _EXPIRED / _USED on the field `field` (default `token`).
 */
export async function checkPresentedToken(
  deps: CommandDeps,
  caller: Caller,
  presented: {
    purpose: AccountTokenPurpose;
    token: string;
    accountId?: string;
    action: string;
    field?: string;
  },
): Promise<CheckedToken> {
  const given = presented.token.trim();
  const tokenHash =
    presented.purpose === 'PHONE_VERIFICATION'
      ? presented.accountId && /^\d{6}$/.test(given)
        ? hashCode(presented.accountId, given)
        : null
      : TOKEN_FORMAT.test(given)
        ? hashToken(given)
        : null;
  const row = tokenHash
    ? await deps.prisma.accountToken.findUnique({
        where: { tokenHash },
        include: { account: { select: { email: true, phone: true, disabledAt: true, displayName: true } } },
      })
    : null;
  const checked = checkAccountToken(
    row && {
      purpose: row.purpose as AccountTokenPurpose,
      address: row.address,
      expiresAt: row.expiresAt,
      usedAt: row.usedAt,
      account: {
        email: row.account.email,
        phone: row.account.phone,
        disabled: row.account.disabledAt !== null,
      },
    },
    presented.purpose,
    deps.now(),
  );
  if (!checked.ok || !row) {
    const code = checked.ok ? 'ACCOUNT_TOKEN_INVALID' : checked.error.code;
    await auditFailedAttempt(deps, caller, {
      action: presented.action,
      entityId: row?.accountId ?? null,
      reason: code,
    });
    throw failure(checked.ok ? 'ACCOUNT_TOKEN_INVALID' : checked.error, {
      field: presented.field ?? 'token',
    });
  }
  return {
    tokenId: row.id,
    accountId: row.accountId,
    address: checked.value.address,
    change: checked.value.change,
    account: { email: row.account.email, displayName: row.account.displayName },
  };
}

/**
 * Claims a checked token in `tx`: exactly one of two concurrent uses succeeds; the other gets
 * ACCOUNT_TOKEN_USED. The other open tokens of its purpose end with it.
 */
export async function claimToken(tx: Db, checked: CheckedToken, purpose: AccountTokenPurpose, now: Date) {
  const claimed = await tx.accountToken.updateMany({
    where: { id: checked.tokenId, usedAt: null },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) throw failure('ACCOUNT_TOKEN_USED', { field: 'token' });
  await tx.accountToken.updateMany({
    where: { accountId: checked.accountId, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
}

/**
 * Records that the account proved its e-mail address `now` (with `newEmail`, a pending change: the
 * account moves to that address; a unique violation if another account took it meanwhile), and
 * attaches the requests filed for it by counter staff or API keys while it was unverified (the
 * domain's `filedRequestAttached`). Returns how many requests were attached.
 */
export async function markEmailVerified(
  tx: Pick<TransactionClient, 'account' | 'serviceRequest'>,
  accountId: string,
  now: Date,
  newEmail?: string,
): Promise<number> {
  const account = await tx.account.update({
    where: { id: accountId },
    data: { emailVerifiedAt: now, ...(newEmail ? { email: newEmail } : {}) },
    select: { email: true, emailVerifiedAt: true },
  });
  if (!filedRequestAttached('OFFICER', account)) return 0;
  const attached = await tx.serviceRequest.updateMany({
    where: { citizenAccountId: accountId, citizenAttachedAt: null },
    data: { citizenAttachedAt: now },
  });
  return attached.count;
}
