// Retries of a filing (submit-request.ts): a keyed retry returns the request filed first when it
// says the same (`keyedRetry`), and a keyless Open311 filing repeating an open request of the last
// minutes is taken for a retry (`implicitRetryOf`). What is compared: text, attributes, location,
// the files' hashes and whom the request is for (`reporterKey`).
import type { ServiceRequest } from '@layanan/db';
import {
  IMPLICIT_RETRY_WINDOW_MINUTES,
  implicitRetryOf,
  keyedRetry,
  OPEN_REQUEST_STATES,
  type ReporterContact,
  type SubmissionContent,
} from '@layanan/domain/services';
import { failure } from '../../../graphql/failures.js';
import type { CommandDeps } from '../../../platform/command.js';
import type { SubmitRequestInput } from './submit-request.js';

/** The request the submitter filed first under `key`, if any. */
export async function existingByKey(deps: CommandDeps, submitterId: string, key: string | null) {
  if (!key) return null;
  return deps.prisma.serviceRequest.findUnique({
    where: {
      submittedByAccountId_idempotencyKey: { submittedByAccountId: submitterId, idempotencyKey: key },
    },
  });
}

/**
 * What stored requests say, for comparison with a retry (`SubmissionContent`): their text,
 * attributes, location (when the route has one) and the hashes of the files filed with them.
 */
async function storedContents(
  deps: CommandDeps,
  rows: readonly ServiceRequest[],
  location: SubmitRequestInput['location'],
): Promise<Map<string, SubmissionContent>> {
  const ids = rows.map((r) => r.id);
  const locations = location ? await location.stored(deps.prisma, ids) : new Map<string, unknown>();
  const contacts = new Map(
    (await deps.prisma.requestReporterContact.findMany({ where: { requestId: { in: ids } } })).map((c) => [
      c.requestId,
      c,
    ]),
  );
  const files = await deps.prisma.attachment.findMany({
    where: { requestId: { in: ids }, purpose: 'FILING' },
    select: { requestId: true, sha256: true },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        serviceId: row.serviceId,
        citizenAccountId: reporterKey(row.citizenAccountId, contacts.get(row.id) ?? null),
        text: row.originalText,
        attributeValues: row.attributeValues,
        location: locations.get(row.id),
        files: files.filter((f) => f.requestId === row.id).map((f) => f.sha256),
      },
    ]),
  );
}

/**
 * Who a request is for, as a retry compares it: the account, and for a reporter without one
 * their addresses (two people's same report through one API key are two requests).
 */
export function reporterKey(
  accountId: string,
  contact: Pick<ReporterContact, 'email' | 'phone'> | null,
): string {
  return contact ? `${accountId} ${contact.email ?? ''} ${contact.phone ?? ''}` : accountId;
}

/** The earlier request a keyed retry repeats, or a ConflictError when it says something else. */
export async function replayOf(
  deps: CommandDeps,
  previous: ServiceRequest,
  again: SubmissionContent,
  location: SubmitRequestInput['location'],
) {
  const first = (await storedContents(deps, [previous], location)).get(previous.id);
  const retry = keyedRetry(first ?? again, again);
  if (!retry.ok) throw failure(retry.error);
  return { request: previous, replayed: true };
}

/** The submitter's open request of the last minutes that this keyless filing repeats, if any. */
export async function implicitRetry(
  deps: CommandDeps,
  submitterId: string,
  again: SubmissionContent,
  location: SubmitRequestInput['location'],
) {
  const now = deps.now();
  const recent = await deps.prisma.serviceRequest.findMany({
    where: {
      submittedByAccountId: submitterId,
      serviceId: again.serviceId,
      state: { in: [...OPEN_REQUEST_STATES] },
      submittedAt: { gte: new Date(now.getTime() - IMPLICIT_RETRY_WINDOW_MINUTES * 60_000) },
    },
    orderBy: { submittedAt: 'desc' },
  });
  if (recent.length === 0) return null;
  const contents = await storedContents(deps, recent, location);
  const match = implicitRetryOf(
    recent.flatMap((row) => {
      const content = contents.get(row.id);
      return content ? [{ row, state: row.state, submittedAt: row.submittedAt, content }] : [];
    }),
    again,
    now,
  );
  return match?.row ?? null;
}
