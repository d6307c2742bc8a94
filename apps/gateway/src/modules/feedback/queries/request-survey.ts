// The request a citizen answers the survey for, and the staff they may rate on it.
import type { PrismaClient } from '@layanan/db';
import { staffWhoActedOnRequest } from '@layanan/domain/feedback';
import { accountIdOf } from '../../../platform/authz.js';
import type { Caller } from '../../../platform/command.js';

type Db = Pick<PrismaClient, 'serviceRequest' | 'requestEvent' | 'account'>;

/** The staff who acted on a request (domain `staffWhoActedOnRequest`), from its trail. */
export async function staffOnRequest(
  db: Db,
  requestId: string,
  assigneeStaffId: string | null,
): Promise<string[]> {
  const events = await db.requestEvent.findMany({
    where: { requestId },
    select: { actorAccountId: true, assigneeStaffId: true },
  });
  const accountIds = [...new Set(events.map((e) => e.actorAccountId).filter((x): x is string => !!x))];
  const accounts = accountIds.length
    ? await db.account.findMany({
        where: { id: { in: accountIds }, staffId: { not: null } },
        select: { id: true, staffId: true },
      })
    : [];
  const staffOf = new Map(accounts.map((a) => [a.id, a.staffId]));
  return staffWhoActedOnRequest({
    assigneeStaffId,
    trail: events.map((e) => ({
      byAccount: e.actorAccountId !== null,
      actorStaffId: e.actorAccountId ? (staffOf.get(e.actorAccountId) ?? null) : null,
      assigneeStaffId: e.assigneeStaffId,
    })),
  });
}

/** The caller's own request by tracking code; null for anyone else's (tracking codes are guessable). */
export async function loadOwnRequest(db: Db, caller: Caller, trackingCode: string) {
  const code = trackingCode.trim().toUpperCase();
  const accountId = accountIdOf(caller);
  const request = await db.serviceRequest.findUnique({
    where: { trackingCode: code },
    select: {
      id: true,
      trackingCode: true,
      state: true,
      serviceId: true,
      serviceVersionId: true,
      unitId: true,
      citizenAccountId: true,
      citizenAttachedAt: true,
      assigneeStaffId: true,
      completedAt: true,
      surveyResponse: { select: { id: true } },
    },
  });
  // A request filed for the account by others is its own only once attached (issue 18).
  if (!request || !accountId || request.citizenAccountId !== accountId || !request.citizenAttachedAt)
    return null;
  return request;
}
