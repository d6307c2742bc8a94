// Filing a service request: one command for the GraphQL mutation (citizens, counter staff) and
// the Open311 GeoReport v2 POST (a system with an API key filing for a registered citizen). Same
// validation, idempotency, routing, status trail and audit entry either way; the rules are the
// domain's (`requestSubmitter`, `checkSubmission`, `planSubmission`).

import type { Prisma, ServiceRequest } from '@layanan/db';
import { emailSpelling, filedRequestAttached } from '@layanan/domain/accounts';
import {
  checkSubmission,
  formatTrackingCode,
  IMPLICIT_RETRY_WINDOW_MINUTES,
  implicitRetryOf,
  keyedRetry,
  OPEN_REQUEST_STATES,
  planSubmission,
  requestIdempotencyKey,
  requestSubmitter,
  type ServiceAttribute,
  type SubmissionContent,
  type SubmissionError,
} from '@layanan/domain/services';
import { isUniqueViolation, NotFoundError } from '../../../graphql/errors.js';
import { failure, validationFailed } from '../../../graphql/failures.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { forbidden } from '../../../platform/authz.js';
import { dateOnly, todayWib } from '../../../platform/calendar.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import type { StagedUpload } from '../../../platform/storage/multipart.js';
import { attachedHashes, recordAttachments, storedUploads } from '../../attachments/record-attachments.js';
import { filerOf } from '../access.js';
import {
  assignmentCandidates,
  nextTrackingSequence,
  publishUpdate,
  recordRequestChange,
} from './request-workflow.js';

export const TRACKING_PREFIX = 'SWL';

export type SubmitRequestInput = {
  serviceCode: string;
  text: string;
  attributes?: unknown;
  idempotencyKey?: string | null;
  /** Counter staff and API keys: the citizen account the request is filed for. */
  citizenEmail?: string | null;
  /** Files filed with the request (GraphQL `attachments`, Open311 `media`), checked and stored first. */
  attachments?: readonly StagedUpload[] | null;
  /** The input name of the files, for errors (`attachments`; Open311 `media`). */
  attachmentsField?: string;
  /** Rows that belong to the request (the Open311 location), written in the same transaction. */
  extra?: (tx: TransactionClient, request: ServiceRequest) => Promise<void>;
  /**
   * Filings without an idempotency key (Open311): a repeat of one of the submitter's open
   * requests of the last minutes is a retry (`implicitRetryOf`). `location` is what the filing
   * says beyond text and attributes, compared with `storedLocation` of the earlier request.
   */
  implicitRetry?: {
    location: unknown;
    storedLocation: (tx: CommandDeps['prisma'], requestIds: string[]) => Promise<Map<string, unknown>>;
  };
};

/** A domain submission error as the gateway reports it (forbidden, or the fields). */
function submissionFailure(error: SubmissionError) {
  return 'fields' in error ? validationFailed(error.fields) : forbidden();
}

async function existingByKey(deps: CommandDeps, submitterId: string, key: string | null) {
  if (!key) return null;
  return deps.prisma.serviceRequest.findUnique({
    where: {
      submittedByAccountId_idempotencyKey: { submittedByAccountId: submitterId, idempotencyKey: key },
    },
  });
}

/** What a stored request says, for comparison with a retry (`SubmissionContent`). */
const storedContent = (row: ServiceRequest, location?: unknown): SubmissionContent => ({
  serviceId: row.serviceId,
  citizenAccountId: row.citizenAccountId,
  text: row.originalText,
  attributeValues: row.attributeValues,
  location,
});

/** The earlier request a keyed retry repeats, or a ConflictError when it says something else. */
function replayOf(previous: ServiceRequest, again: SubmissionContent) {
  const retry = keyedRetry(storedContent(previous), again);
  if (!retry.ok) throw failure(retry.error);
  return { request: previous, replayed: true };
}

/** The submitter's open request of the last minutes that this keyless filing repeats, if any. */
async function implicitRetry(
  deps: CommandDeps,
  submitterId: string,
  again: SubmissionContent,
  retry: NonNullable<SubmitRequestInput['implicitRetry']>,
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
  const locations = await retry.storedLocation(
    deps.prisma,
    recent.map((r) => r.id),
  );
  const match = implicitRetryOf(
    recent.map((row) => ({
      row,
      state: row.state,
      submittedAt: row.submittedAt,
      content: storedContent(row, locations.get(row.id)),
    })),
    { ...again, location: retry.location },
    now,
  );
  return match?.row ?? null;
}

/**
 * Validates and files a request. A retry with the same idempotency key (per submitter) returns
 * the request filed first, also when two retries race; the key reused for a different request is
 * a ConflictError (IDEMPOTENCY_KEY_REUSED). Without a key, `implicitRetry` (Open311) takes a
 * repeat of an open request of the last minutes for a retry; anything else is a new request.
 */
export async function submitRequest(
  deps: CommandDeps,
  caller: Caller,
  input: SubmitRequestInput,
): Promise<{ request: ServiceRequest; replayed: boolean }> {
  const filer = filerOf(caller);
  const submitter = requestSubmitter(filer);
  if (!submitter.ok) throw submissionFailure(submitter.error);
  const key = requestIdempotencyKey(input.idempotencyKey);
  if (!key.ok) throw submissionFailure(key.error);
  const { submitterId } = submitter.value;
  const previous = await existingByKey(deps, submitterId, key.value);

  const service = await deps.prisma.service.findUnique({
    where: { code: input.serviceCode.trim().toUpperCase() },
    include: { currentVersion: { include: { requiredCompetency: true } } },
  });
  // A retry is checked against the version its first filing was checked against.
  const version = previous
    ? await deps.prisma.serviceVersion.findUniqueOrThrow({
        where: { id: previous.serviceVersionId },
        include: { requiredCompetency: true },
      })
    : service?.published
      ? service.currentVersion
      : null;
  if (!service || !version) throw new NotFoundError('Service', input.serviceCode);
  const email =
    filer.kind === 'CITIZEN' ? undefined : input.citizenEmail && emailSpelling(input.citizenEmail);
  const citizen = email ? await deps.prisma.account.findUnique({ where: { email } }) : null;
  const checked = checkSubmission({
    filer,
    serviceUnitId: service.unitId,
    citizenNamed: Boolean(email),
    citizen: citizen && { accountId: citizen.id, role: citizen.role, disabled: citizen.disabledAt !== null },
    text: input.text,
    attributes: version.attributes as unknown as ServiceAttribute[],
    values: input.attributes,
    today: todayWib(deps.now()),
  });
  if (!checked.ok) {
    // The first filing passed this check: what fails it now is another request under the same key.
    if (previous) throw failure('IDEMPOTENCY_KEY_REUSED');
    throw submissionFailure(checked.error);
  }
  const { channel, citizenAccountId, text, attributeValues } = checked.value;
  // Filed by counter staff or an API key for an address: the account sees the request only once it
  // has verified that address (issue 18); until then it waits unattached (verify-email.ts).
  const attached =
    filer.kind === 'CITIZEN' ||
    (filer.kind !== 'NONE' && citizen !== null && filedRequestAttached(filer.kind, citizen));
  const content: SubmissionContent = { serviceId: service.id, citizenAccountId, text, attributeValues };
  if (previous) return replayOf(previous, content);
  if (!key.value && input.implicitRetry) {
    const repeated = await implicitRetry(deps, submitterId, content, input.implicitRetry);
    if (repeated) return { request: repeated, replayed: true };
  }
  const competency = version.requiredCompetency;
  const requirement =
    competency && version.requiredLevel
      ? { competency: competency.code, level: version.requiredLevel }
      : null;

  // Loaded before the transaction: a single-connection database (PGlite) cannot serve a second
  // query while the transaction holds the connection. Files are checked and stored before too.
  const calendar = await deps.calendar();
  const files = await storedUploads(
    deps,
    input.attachments,
    version.attachmentLimits,
    input.attachmentsField,
  );
  try {
    const created = await audited(
      auditScope(deps, caller),
      { action: 'submitServiceRequest', entityType: 'ServiceRequest' },
      async (tx) => {
        const plan = planSubmission({
          submitter: submitter.value,
          now: deps.now(),
          calendar,
          candidates: await assignmentCandidates(
            tx,
            service.unitId,
            requirement && competency ? { competencyId: competency.id, code: competency.code } : null,
          ),
          requirement,
        });
        const trackingCode = formatTrackingCode({
          prefix: TRACKING_PREFIX,
          year: plan.trackingYear,
          sequence: await nextTrackingSequence(tx, plan.trackingYear),
        });
        const request = await tx.serviceRequest.create({
          data: {
            trackingCode,
            serviceId: service.id,
            serviceVersionId: version.id,
            unitId: service.unitId,
            citizenAccountId,
            submittedByAccountId: submitterId,
            channel,
            idempotencyKey: key.value,
            originalText: text,
            attributeValues: attributeValues as Prisma.InputJsonValue,
            assigneeStaffId: plan.assigneeStaffId,
            submittedAt: plan.submittedAt,
            citizenAttachedAt: attached ? plan.submittedAt : null,
            verificationDueOn: dateOnly(plan.verificationDueOn),
            events: { create: plan.firstEvent },
          },
        });
        if (input.extra) await input.extra(tx, request);
        await recordAttachments(tx, files, { purpose: 'FILING', uploader: caller, requestId: request.id });
        const event = await recordRequestChange(tx, null, request, {
          change: 'SUBMITTED',
          actor: filer.kind === 'CITIZEN' ? 'CITIZEN' : filer.kind === 'SYSTEM' ? 'SYSTEM' : 'STAFF',
          actorAccountId: caller.kind === 'account' ? caller.accountId : null,
          publicNote: null,
        });
        return {
          result: { request, event },
          entityId: request.id,
          after: {
            trackingCode,
            serviceVersion: version.version,
            assigneeStaffId: plan.assigneeStaffId,
            channel,
            ...attachedHashes(files),
          },
        };
      },
    );
    publishUpdate(deps.pubsub, created.request);
    await deps.events.dispatch([created.event]);
    return { request: created.request, replayed: false };
  } catch (error) {
    // A concurrent retry with the same key won the insert: answer with its request.
    if (isUniqueViolation(error)) {
      const winner = await existingByKey(deps, submitterId, key.value);
      if (winner) return replayOf(winner, content);
    }
    throw error;
  }
}
