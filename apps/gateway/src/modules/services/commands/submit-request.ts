// Filing a service request: one command for the GraphQL mutation (citizens, counter staff) and
// the Open311 GeoReport v2 POST (a system with an API key filing for a registered citizen). Same
// validation, idempotency, routing, status trail and audit entry either way; the rules are the
// domain's (`requestSubmitter`, `checkSubmission`, `planSubmission`).

import { randomBytes } from 'node:crypto';
import type { Prisma, ServiceRequest } from '@layanan/db';
import type { InvalidInputError, Result } from '@layanan/domain';
import { emailSpelling, filedRequestAttached } from '@layanan/domain/accounts';
import {
  attributesForPrivacy,
  type ClientAttributes,
  type ComplaintPrivacy,
  checkReporterContact,
  checkReporterPrivacy,
  checkSubmission,
  formatTrackingCode,
  type Open311AttributeInput,
  planSubmission,
  type ReporterContact,
  type ReporterContactInput,
  type RequestFiler,
  reporterPseudonym,
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
import { slotsOfUploads } from '../../attachments/document-checklist.js';
import { attachedHashes, recordAttachments, storedUploads } from '../../attachments/record-attachments.js';
import { filerOf } from '../access.js';
import { ANONYMOUS_REPORTER_ACCOUNT_ID, ensureAnonymousReporter } from './anonymous-reporter.js';
import {
  assignmentCandidates,
  nextTrackingSequence,
  publishUpdate,
  recordRequestChange,
} from './request-workflow.js';
import { existingByKey, implicitRetry, replayOf, reporterKey } from './submission-retry.js';
import { ensureUnregisteredReporter, UNREGISTERED_REPORTER_ACCOUNT_ID } from './unregistered-reporter.js';

export const TRACKING_PREFIX = 'SWL';

export type SubmitRequestInput = {
  serviceCode: string;
  text: string;
  attributes?: unknown;
  /**
   * How the route's attribute parameters read against the definition the request is checked
   * against (Open311: `open311AttributeValues`: a form's single value of a list, codes the
   * definition does not know kept as `extra`); as given, and nothing extra, when absent.
   */
  readAttributes?: (
    definition: readonly ServiceAttribute[],
    sent: Readonly<Record<string, Open311AttributeInput>>,
  ) => Result<{ values: Record<string, unknown>; extra: ClientAttributes }, InvalidInputError<string>>;
  idempotencyKey?: string | null;
  /** Counter staff and API keys: the citizen account the request is filed for. */
  citizenEmail?: string | null;
  /**
   * API keys only (issue 17): the person filed for, by contact details, when no account has the
   * e-mail given (`citizenEmail`, else `reporter.email`). The request keeps them and belongs to
   * the unregistered-reporter placeholder until the person claims it (claim-request.ts).
   */
  reporter?: ReporterContactInput | null;
  /** The language of mail to the reporter's contact address (`id` by default). */
  reporterLanguage?: 'id' | 'en';
  /** Files filed with the request (GraphQL `attachments`, Open311 `media`), checked and stored first. */
  attachments?: readonly StagedUpload[] | null;
  /** The document slot each file fills, by position (GraphQL `attachmentSlots`); none when absent. */
  attachmentSlots?: readonly (string | null | undefined)[] | null;
  /** The input name of the files, for errors (`attachments`; Open311 `media`). */
  attachmentsField?: string;
  /**
   * Rows that belong to the request (the Open311 location), written in the same transaction, with
   * the attribute parameters `readAttributes` set aside as the client's own.
   */
  extra?: (
    tx: TransactionClient,
    request: ServiceRequest,
    clientAttributes: ClientAttributes,
  ) => Promise<void>;
  /**
   * What the filing says beyond text, attributes and files (the Open311 location): compared with
   * what `stored` reads of the earlier request whenever a filing is taken for a retry of it.
   */
  location?: {
    value: unknown;
    stored: (db: CommandDeps['prisma'], requestIds: string[]) => Promise<Map<string, unknown>>;
  };
  /**
   * Filings without an idempotency key (Open311): a repeat of one of the submitter's open
   * requests of the last minutes is a retry (`implicitRetryOf`).
   */
  implicitRetry?: boolean;
  /** How the reporter of a complaint is known (issue 20); IDENTIFIED when absent. */
  reporterPrivacy?: ComplaintPrivacy | null;
  /**
   * ANONYMOUS only (`fileAnonymousComplaint`): the hash of the secret given to the reporter, and
   * an optional contact address. The caller is then nobody and the request id is not kept.
   */
  anonymous?: { secretHash: string; contactEmail?: string | null; contactLanguage?: 'id' | 'en' };
};

/** A domain submission error as the gateway reports it (forbidden, or the fields). */
function submissionFailure(error: SubmissionError) {
  return 'fields' in error ? validationFailed(error.fields) : forbidden();
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
  const privacy: ComplaintPrivacy = input.anonymous ? 'ANONYMOUS' : (input.reporterPrivacy ?? 'IDENTIFIED');
  // An anonymous complaint is filed for the shared placeholder account, never for the caller.
  const filer: RequestFiler =
    privacy === 'ANONYMOUS' ? { kind: 'CITIZEN', accountId: ANONYMOUS_REPORTER_ACCOUNT_ID } : filerOf(caller);
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
  const attributes = version.attributes as unknown as ServiceAttribute[];
  const read =
    input.readAttributes && input.attributes && typeof input.attributes === 'object'
      ? input.readAttributes(attributes, input.attributes as Record<string, Open311AttributeInput>)
      : null;
  if (read && !read.ok) throw validationFailed(read.error.fields);
  const values = read ? read.value.values : input.attributes;
  const reporter = checkReporterPrivacy({
    serviceKind: service.kind,
    privacy,
    filer: filerOf(caller).kind,
    attributes,
    values,
    contactEmail: input.anonymous?.contactEmail,
  });
  if (!reporter.ok) {
    // Confidential filing names its choice; an anonymous filing (no such field) names the service.
    const field =
      reporter.error.code !== 'COMPLAINT_PRIVACY_NOT_COMPLAINT'
        ? undefined
        : input.anonymous
          ? 'serviceCode'
          : 'reporterPrivacy';
    throw failure(reporter.error, { field });
  }
  const email =
    filer.kind === 'CITIZEN' ? undefined : input.citizenEmail && emailSpelling(input.citizenEmail);
  const citizen = email ? await deps.prisma.account.findUnique({ where: { email } }) : null;
  // An API key naming nobody with an account files for the person by contact details (issue 17).
  let contact: { details: ReporterContact; placeholderAccountId: string } | null = null;
  if (filer.kind === 'SYSTEM' && !citizen) {
    const details = checkReporterContact({
      ...input.reporter,
      email: input.citizenEmail ?? input.reporter?.email,
    });
    if (!details.ok) throw validationFailed(details.error);
    contact = { details: details.value, placeholderAccountId: UNREGISTERED_REPORTER_ACCOUNT_ID };
  }
  const checked = checkSubmission({
    filer,
    serviceUnitId: service.unitId,
    citizenNamed: Boolean(email),
    citizen: citizen && { accountId: citizen.id, role: citizen.role, disabled: citizen.disabledAt !== null },
    contact,
    text: input.text,
    attributes: attributesForPrivacy(attributes, privacy),
    values,
    today: todayWib(deps.now()),
  });
  if (!checked.ok) {
    // The first filing passed this check: what fails it now is another request under the same key.
    if (previous) throw failure('IDEMPOTENCY_KEY_REUSED');
    throw submissionFailure(checked.error);
  }
  const { channel, citizenAccountId, text, attributeValues } = checked.value;
  const reporterContact = checked.value.contact;
  // Filed by counter staff or an API key for an address: the account sees the request only once it
  // has verified that address (issue 18); until then it waits unattached (verify-email.ts).
  const attached =
    filer.kind === 'CITIZEN' ||
    (filer.kind !== 'NONE' && citizen !== null && filedRequestAttached(filer.kind, citizen));
  // Files are checked and stored (content-addressed) first: a retry is the same request only
  // with the same files, compared by the hashes of what was stored.
  const files = await storedUploads(
    deps,
    input.attachments,
    version.attachmentLimits,
    input.attachmentsField,
  );
  const slots = slotsOfUploads(version.documentSlots, files, input.attachmentSlots);
  const content: SubmissionContent = {
    serviceId: service.id,
    citizenAccountId: reporterKey(citizenAccountId, reporterContact),
    text,
    attributeValues,
    location: input.location?.value,
    files: files.map((f) => f.sha256),
  };
  if (previous) return replayOf(deps, previous, content, input.location);
  if (!key.value && input.implicitRetry) {
    const repeated = await implicitRetry(deps, submitterId, content, input.location);
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
  if (reporter.value.anonymous) await ensureAnonymousReporter(deps.prisma);
  if (reporterContact) await ensureUnregisteredReporter(deps.prisma);
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
            citizenAttachedAt: attached && !reporter.value.anonymous ? plan.submittedAt : null,
            reporterPrivacy: privacy,
            reporterPseudonym: reporter.value.pseudonymous ? reporterPseudonym(randomBytes(6)) : null,
            anonymousSecretHash: input.anonymous?.secretHash ?? null,
            anonymousContactEmail: reporter.value.contactEmail,
            anonymousContactLanguage: reporter.value.contactEmail
              ? (input.anonymous?.contactLanguage ?? 'id')
              : null,
            verificationDueOn: dateOnly(plan.verificationDueOn),
            events: { create: plan.firstEvent },
          },
        });
        if (reporterContact)
          await tx.requestReporterContact.create({
            data: { requestId: request.id, ...reporterContact, language: input.reporterLanguage ?? 'id' },
          });
        if (input.extra) await input.extra(tx, request, read?.value.extra ?? {});
        await recordAttachments(tx, files, {
          purpose: 'FILING',
          uploader: caller,
          requestId: request.id,
          slots,
        });
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
            reporterPrivacy: privacy,
            reporterWithoutAccount: reporterContact !== null,
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
      if (winner) return replayOf(deps, winner, content, input.location);
    }
    throw error;
  }
}
