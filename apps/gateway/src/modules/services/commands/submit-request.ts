// Filing a service request: one command for the GraphQL mutation (citizens, counter staff) and
// the Open311 GeoReport v2 POST (a system with an API key filing for a registered citizen). Same
// validation, idempotency, routing, status trail and audit entry either way; the rules are the
// domain's (`requestSubmitter`, `checkSubmission`, `planSubmission`).

import type { Prisma, ServiceRequest } from '@layanan/db';
import { emailSpelling } from '@layanan/domain/accounts';
import {
  checkSubmission,
  formatTrackingCode,
  planSubmission,
  requestIdempotencyKey,
  requestSubmitter,
  type ServiceAttribute,
  type SubmissionError,
} from '@layanan/domain/services';
import { isUniqueViolation, NotFoundError } from '../../../graphql/errors.js';
import { validationFailed } from '../../../graphql/failures.js';
import { audited, type TransactionClient } from '../../../platform/audited.js';
import { forbidden } from '../../../platform/authz.js';
import { dateOnly } from '../../../platform/calendar.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { filerOf } from '../access.js';
import { assignmentCandidates, nextTrackingSequence, publishUpdate } from './request-workflow.js';

export const TRACKING_PREFIX = 'SWL';

export type SubmitRequestInput = {
  serviceCode: string;
  text: string;
  attributes?: unknown;
  idempotencyKey?: string | null;
  /** Counter staff and API keys: the citizen account the request is filed for. */
  citizenEmail?: string | null;
  /** Rows that belong to the request (the Open311 location), written in the same transaction. */
  extra?: (tx: TransactionClient, request: ServiceRequest) => Promise<void>;
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

/**
 * Validates and files a request. A retry with the same idempotency key (per submitter) returns
 * the request filed first, also when two retries race.
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
  if (previous) return { request: previous, replayed: true };

  const service = await deps.prisma.service.findUnique({
    where: { code: input.serviceCode.trim().toUpperCase() },
    include: { currentVersion: { include: { requiredCompetency: true } } },
  });
  if (!service?.published || !service.currentVersion) throw new NotFoundError('Service', input.serviceCode);
  const version = service.currentVersion;
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
  });
  if (!checked.ok) throw submissionFailure(checked.error);
  const { channel, citizenAccountId, text, attributeValues } = checked.value;
  const competency = version.requiredCompetency;
  const requirement =
    competency && version.requiredLevel
      ? { competency: competency.code, level: version.requiredLevel }
      : null;

  // Loaded before the transaction: a single-connection database (PGlite) cannot serve a second
  // query while the transaction holds the connection.
  const calendar = await deps.calendar();
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
            verificationDueOn: dateOnly(plan.verificationDueOn),
            events: { create: plan.firstEvent },
          },
        });
        if (input.extra) await input.extra(tx, request);
        return {
          result: request,
          entityId: request.id,
          after: {
            trackingCode,
            serviceVersion: version.version,
            assigneeStaffId: plan.assigneeStaffId,
            channel,
          },
        };
      },
    );
    publishUpdate(deps.pubsub, created);
    return { request: created, replayed: false };
  } catch (error) {
    // A concurrent retry with the same key won the insert: answer with its request.
    if (isUniqueViolation(error)) {
      const winner = await existingByKey(deps, submitterId, key.value);
      if (winner) return { request: winner, replayed: true };
    }
    throw error;
  }
}
