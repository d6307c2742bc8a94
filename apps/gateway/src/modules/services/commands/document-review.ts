// Staff verify each requirement document (issue 19 item 4): accepted, or refused with a reason
// shown to the citizen. Staff of the request's handling unit (and admins); the rule is the
// domain's checkDocumentReview over the checklist read in the review's transaction. Reviews are
// appended (document_review is append-only), the latest counts.
import type { DocumentReviewDecision, ServiceRequest } from '@layanan/db';
import { checkDocumentReview } from '@layanan/domain/services';
import { NotFoundError } from '../../../graphql/errors.js';
import { audited } from '../../../platform/audited.js';
import { forbidden } from '../../../platform/authz.js';
import { auditScope, type Caller, type CommandDeps } from '../../../platform/command.js';
import { isUuid } from '../../../platform/uuid.js';
import { loadChecklist } from '../../attachments/document-checklist.js';
import { actorOrRefuse, refusal } from './change-request.js';
import { publishUpdate } from './request-workflow.js';

export type ReviewRequestDocumentInput = {
  attachmentId: string;
  decision: DocumentReviewDecision;
  reason?: string | null;
};

/**
 * Records a review of one document of a request. Errors: NotFoundError (no such attachment on a
 * request; a citizen's foreign request), FORBIDDEN (citizens, staff of another unit),
 * ValidationError (DOCUMENT_NOT_IN_SLOT; reason REQUIRED for a refusal, TOO_LONG), ConflictError
 * (DOCUMENT_SUPERSEDED, DOCUMENT_REVIEW_REQUEST_CLOSED).
 */
export async function reviewRequestDocument(
  deps: CommandDeps,
  caller: Caller,
  input: ReviewRequestDocumentInput,
): Promise<ServiceRequest> {
  const id = input.attachmentId.trim();
  const attachment = isUuid(id)
    ? await deps.prisma.attachment.findUnique({ where: { id }, include: { request: true } })
    : null;
  if (!attachment?.request || attachment.erasedAt) throw new NotFoundError('Attachment', id);
  const actor = actorOrRefuse(caller, attachment.request, attachment.request.trackingCode);
  if (actor.actor === 'CITIZEN') throw forbidden();
  const requestId = attachment.request.id;
  const request = await audited(
    auditScope(deps, caller),
    { action: 'reviewRequestDocument', entityType: 'ServiceRequest' },
    async (tx) => {
      const row = await tx.serviceRequest.findUniqueOrThrow({
        where: { id: requestId },
        include: { serviceVersion: { select: { documentSlots: true } } },
      });
      const { serviceVersion, ...current } = row;
      const checked = checkDocumentReview(input, {
        requestState: current.state,
        document: { id: attachment.id, slot: attachment.slot },
        checklist: await loadChecklist(tx, requestId, serviceVersion.documentSlots),
      });
      if (!checked.ok) throw refusal(checked.error);
      await tx.documentReview.create({
        data: {
          attachmentId: attachment.id,
          requestId,
          decision: checked.value.decision,
          reason: checked.value.reason,
          reviewedByAccountId: actor.accountId,
          createdAt: deps.now(),
        },
      });
      return {
        result: current,
        entityId: requestId,
        after: { attachmentId: attachment.id, slot: attachment.slot, ...checked.value },
      };
    },
  );
  publishUpdate(deps.pubsub, request);
  return request;
}
