// Anonymous complaints (issue 20 item 1; Perpres 76/2013 art. 4, SP4N-LAPOR! Anonim): no identity
// is stored. The request belongs to one shared placeholder account that nobody can sign in to;
// the audit entries of its changes name no actor and no request id; the only handle is the
// tracking code with the secret given once at filing (stored as a SHA-256 hash). The rules are
// the domain's (checkReporterPrivacy, anonymousSecret, anonymousAccess).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PrismaClient, ServiceRequest } from '@layanan/db';
import {
  ANONYMOUS_REPORTER_NAME,
  ANONYMOUS_SECRET_LENGTH,
  anonymousAccess,
  anonymousSecret,
  anonymousSecretSpelling,
  checkCorrection,
  type LatLong,
} from '@layanan/domain/services';
import type { ComplaintPolicy } from '../../../app/config.js';
import { failure } from '../../../graphql/failures.js';
import { audited } from '../../../platform/audited.js';
import { auditScope, type CommandDeps } from '../../../platform/command.js';
import { eraseAnonymousContactMail } from '../../../platform/mail/render.js';
import { ANONYMOUS } from '../../accounts/identity.js';
import { normalizedCode } from '../queries/tracking-code.js';
import { changeInTrail, refusal, transitionAs } from './change-request.js';
import { answerOutcome } from './complaint-handling.js';
import { placeOfFiling } from './duplicates.js';
import { type SubmitRequestInput, submitRequest } from './submit-request.js';

/** The placeholder citizen every anonymous complaint belongs to: no address, no password, disabled. */
export const ANONYMOUS_REPORTER_ACCOUNT_ID = 'a0000000-0000-4000-8000-00000000a000';

/** Creates the placeholder account if it is missing (a fresh database, a test's). */
export async function ensureAnonymousReporter(prisma: Pick<PrismaClient, 'account'>): Promise<void> {
  await prisma.account.upsert({
    where: { id: ANONYMOUS_REPORTER_ACCOUNT_ID },
    create: {
      id: ANONYMOUS_REPORTER_ACCOUNT_ID,
      displayName: ANONYMOUS_REPORTER_NAME.id,
      role: 'CITIZEN',
      disabledAt: new Date(0),
    },
    update: {},
  });
}

/** The stored form of a secret: SHA-256 (hex) of its one spelling. */
export function anonymousSecretHash(spelling: string): string {
  return createHash('sha256').update(spelling).digest('hex');
}

/** What an anonymous command runs with: nobody as the caller, and no request id in the audit. */
const withoutTrace = (deps: CommandDeps): CommandDeps => ({ ...deps, requestId: '' });

export type FileAnonymousComplaintInput = Pick<SubmitRequestInput, 'serviceCode' | 'text' | 'attributes'> & {
  /** Where the complaint is about, as the reporter chose to give it (checkCoordinates), or null. */
  place?: LatLong | null;
  contactEmail?: string | null;
  /** The language of the mail to contactEmail (`id` or `en`). */
  contactLanguage: 'id' | 'en';
};

/**
 * Files an anonymous complaint for whoever calls (signed in or not: the account is never
 * used). Returns the request and its secret — the only time the secret is known in the clear.
 */
export async function fileAnonymousComplaint(
  deps: CommandDeps,
  input: FileAnonymousComplaintInput,
): Promise<{ request: ServiceRequest; secret: string }> {
  const secret = anonymousSecret(randomBytes(ANONYMOUS_SECRET_LENGTH));
  const spelling = anonymousSecretSpelling(secret) as string;
  const { request } = await submitRequest(withoutTrace(deps), ANONYMOUS, {
    serviceCode: input.serviceCode,
    text: input.text,
    attributes: input.attributes,
    // The place the complaint is about, kept as its Open311 location like a signed-in filing's
    // (similarComplaints, the public trail); only what the reporter typed or chose to share.
    ...placeOfFiling(input.place ?? null),
    anonymous: {
      secretHash: anonymousSecretHash(spelling),
      contactEmail: input.contactEmail,
      contactLanguage: input.contactLanguage,
    },
  });
  return { request, secret };
}

// Compared even for an unknown code, so that the time taken does not tell which codes exist.
const NO_HASH = anonymousSecretHash('');

/**
 * The anonymous complaint named by the code, if the secret is its own; else
 * AuthenticationFailed ANONYMOUS_ACCESS_REFUSED — alike for an unknown code, a request that is
 * not anonymous, a missing and a wrong secret.
 */
export async function loadAnonymousComplaint(
  prisma: PrismaClient,
  trackingCode: string,
  secret: string | null | undefined,
): Promise<ServiceRequest> {
  const code = normalizedCode(trackingCode);
  const request = code ? await prisma.serviceRequest.findUnique({ where: { trackingCode: code } }) : null;
  const spelling = anonymousSecretSpelling(secret);
  const stored = Buffer.from(request?.anonymousSecretHash ?? NO_HASH, 'hex');
  const given = Buffer.from(anonymousSecretHash(spelling ?? ''), 'hex');
  const access = anonymousAccess({
    exists: request !== null,
    anonymous: request?.reporterPrivacy === 'ANONYMOUS' && request.anonymousSecretHash !== null,
    secretMatches: spelling !== null && timingSafeEqual(stored, given),
  });
  if (!access.ok || !request) throw failure(access.ok ? 'ANONYMOUS_ACCESS_REFUSED' : access.error);
  return request;
}

export type AnonymousAnswerInput = {
  trackingCode: string;
  secret: string;
  accept: boolean;
  reason?: string | null;
  expectedVersion: number;
};

/** The anonymous reporter accepts or contests the outcome, with the code and its secret. */
export async function answerAnonymousOutcome(
  deps: CommandDeps,
  input: AnonymousAnswerInput,
  policy: Pick<ComplaintPolicy, 'answerWorkingDays' | 'maxReopens'>,
): Promise<ServiceRequest> {
  const request = await loadAnonymousComplaint(deps.prisma, input.trackingCode, input.secret);
  return answerOutcome(
    withoutTrace(deps),
    ANONYMOUS,
    request,
    { actorKind: 'CITIZEN', accountId: null },
    input,
    policy,
  );
}

export type AnonymousCorrectionInput = {
  trackingCode: string;
  secret: string;
  text: string;
  expectedVersion: number;
};

/**
 * The anonymous reporter answers staff (a return for correction, a question in a public note)
 * with the code and its secret: a correction in the trail, as a signed-in reporter's
 * `addServiceRequestCorrection`, text only (no files: a photo's metadata can name a person).
 * An answer to a return hands the complaint back (RETURNED_TO_CITIZEN → SUBMITTED), so its clock
 * resumes. The trail entries and the audit entries name no actor. Errors:
 * ANONYMOUS_ACCESS_REFUSED; a `text` field error; REQUEST_ALREADY_CLOSED; a stale version.
 */
export async function correctAnonymousComplaint(
  deps: CommandDeps,
  input: AnonymousCorrectionInput,
): Promise<ServiceRequest> {
  const request = await loadAnonymousComplaint(deps.prisma, input.trackingCode, input.secret);
  const checked = checkCorrection(request.state, input.text);
  if (!checked.ok) throw refusal(checked.error);
  const text = checked.value;
  const corrected = await changeInTrail(withoutTrace(deps), ANONYMOUS, {
    action: 'addServiceRequestCorrection',
    request,
    expectedVersion: input.expectedVersion,
    entry: { kind: 'CORRECTION', actorKind: 'CITIZEN', actorAccountId: null, publicNote: text },
    change: { change: 'CORRECTION', actor: 'CITIZEN', actorAccountId: null, publicNote: text },
    audit: (row) => ({ after: { version: row.version, correction: text } }),
  });
  if (corrected.state !== 'RETURNED_TO_CITIZEN') return corrected;
  // The answer to a return hands the complaint back, as a signed-in reporter's resubmission: the
  // clock resumes now, not when staff happen to read it.
  return transitionAs(
    withoutTrace(deps),
    ANONYMOUS,
    corrected,
    { actor: 'CITIZEN', actorKind: 'CITIZEN', accountId: null },
    { to: 'SUBMITTED', expectedVersion: corrected.version },
  );
}

/**
 * The anonymous reporter withdraws their contact address; from then on nothing is sent to it,
 * what was queued for it is dropped and the address of what was sent is erased. No trail entry
 * (the trail is public); an audit entry without actor or request id.
 */
export async function withdrawAnonymousContact(
  deps: CommandDeps,
  input: { trackingCode: string; secret: string },
): Promise<ServiceRequest> {
  const request = await loadAnonymousComplaint(deps.prisma, input.trackingCode, input.secret);
  if (request.anonymousContactEmail === null) return request;
  return audited(
    auditScope(withoutTrace(deps), ANONYMOUS),
    { action: 'withdrawAnonymousContact', entityType: 'ServiceRequest' },
    async (tx) => {
      await eraseAnonymousContactMail(tx, request.id);
      return {
        result: await tx.serviceRequest.update({
          where: { id: request.id },
          data: { anonymousContactEmail: null, anonymousContactLanguage: null },
        }),
        entityId: request.id,
        after: { anonymousContactEmail: null },
      };
    },
  );
}
