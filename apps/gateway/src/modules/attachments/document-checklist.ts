// The requirements checklist of a request (issue 19 item 4): the slots named for uploaded files,
// checked against the request's version, and the checklist loaded from the attachment rows, the
// document reviews and the latest return to the citizen, for the domain's documentChecklist.
import { fieldError } from '@layanan/domain';
import {
  type ChecklistEntry,
  checkSlotUploads,
  documentChecklist,
  documentSlotsOf,
} from '@layanan/domain/services';
import { fieldProblem, inputPath, invalidInput } from '../../graphql/failures.js';
import type { TransactionClient } from '../../platform/audited.js';
import type { PreparedAttachment } from './prepare-attachments.js';

/**
 * The slot of each stored file (`given[i]` names the slot of file i; missing or empty: none),
 * checked against the version's slots (`versionSlots`, stored JSON). Throws one ValidationError
 * naming every refused position of `field` (DOCUMENT_SLOT_UNKNOWN, DOCUMENT_SLOT_TYPE_NOT_ACCEPTED,
 * DOCUMENT_SLOT_TOO_MANY), or OUT_OF_RANGE on `field` when it names more slots than files.
 */
export function slotsOfUploads(
  versionSlots: unknown,
  stored: readonly PreparedAttachment[],
  given: readonly (string | null | undefined)[] | null | undefined,
  field = 'attachmentSlots',
): (string | null)[] {
  const list = given ?? [];
  if (list.length > stored.length)
    throw invalidInput([fieldProblem(field, fieldError(field, 'OUT_OF_RANGE', { max: stored.length }))]);
  const slots = stored.map((_f, i) => list[i]?.trim() || null);
  const problems = checkSlotUploads(
    documentSlotsOf(versionSlots),
    stored.map((f, i) => ({ slot: slots[i] ?? null, type: f.mediaType })),
  );
  if (problems.length > 0)
    throw invalidInput(problems.map((p) => fieldProblem(inputPath(field, p.index), p.error)));
  return slots;
}

type Reader = Pick<TransactionClient, 'attachment' | 'documentReview' | 'requestEvent'>;

/**
 * The checklist of a request under its version's slots (`versionSlots`, stored JSON): its
 * slot-filling attachments that were not erased (grouped by upload: the filing, or the trail
 * entry a correction came with), their reviews, and the latest return to the citizen.
 */
export async function loadChecklist(
  db: Reader,
  requestId: string,
  versionSlots: unknown,
): Promise<ChecklistEntry[]> {
  const slots = documentSlotsOf(versionSlots);
  if (slots.length === 0) return [];
  // One after another: inside a transaction on a single connection (PGlite) queries queue anyway.
  const files = await db.attachment.findMany({
    where: { requestId, slot: { not: null }, erasedAt: null },
    select: { id: true, slot: true, requestEventId: true, createdAt: true, position: true, purpose: true },
  });
  const reviews = await db.documentReview.findMany({
    where: { requestId },
    select: { attachmentId: true, decision: true, reason: true, createdAt: true },
  });
  const lastReturn = await db.requestEvent.findFirst({
    where: { requestId, toState: 'RETURNED_TO_CITIZEN', kind: 'TRANSITION' },
    orderBy: { sequence: 'desc' },
    select: { at: true, redoSlots: true },
  });
  return documentChecklist(
    slots,
    files.map((f) => ({
      id: f.id,
      slot: f.slot,
      upload: f.requestEventId ?? `${f.purpose}:${f.createdAt.toISOString()}`,
      uploadedAt: f.createdAt,
      position: f.position,
    })),
    reviews.map((r) => ({
      attachmentId: r.attachmentId,
      decision: r.decision,
      reason: r.reason,
      at: r.createdAt,
    })),
    lastReturn ? { at: lastReturn.at, slots: lastReturn.redoSlots } : null,
  );
}
