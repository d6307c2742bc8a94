// The rows of stored files, written in the transaction of what they are attached to; and the
// preparation (check, re-encode, store) of a command's uploads under its service's limits.
import type { AttachmentPurpose, Prisma } from '@layanan/db';
import { attachmentLimitsOf } from '@layanan/domain/services';
import type { TransactionClient } from '../../platform/audited.js';
import type { Caller, CommandDeps } from '../../platform/command.js';
import type { StagedUpload } from '../../platform/storage/multipart.js';
import { type PreparedAttachment, prepareAttachments } from './prepare-attachments.js';

/**
 * Checks and stores a command's uploads under a service version's limits (`versionLimits`, its
 * `attachmentLimits` catalogue data); nothing when there are none. `field` names the input
 * list in errors.
 */
export async function storedUploads(
  deps: Pick<CommandDeps, 'storage'>,
  uploads: readonly StagedUpload[] | null | undefined,
  versionLimits: unknown,
  field = 'attachments',
): Promise<PreparedAttachment[]> {
  if (!uploads || uploads.length === 0) return [];
  if (!deps.storage) throw new Error('uploads given without a store');
  return prepareAttachments(deps.storage, attachmentLimitsOf(versionLimits), uploads, field);
}

/** The attachment limits and document slots of the service version a request was filed under. */
export async function requestVersionFiles(deps: CommandDeps, serviceVersionId: string) {
  const version = await deps.prisma.serviceVersion.findUnique({
    where: { id: serviceVersionId },
    select: { attachmentLimits: true, documentSlots: true },
  });
  return { limits: version?.attachmentLimits ?? null, slots: version?.documentSlots ?? [] };
}

/** Writes one Attachment row per stored file, with its uploader and what it is attached to. */
export async function recordAttachments(
  tx: TransactionClient,
  prepared: readonly PreparedAttachment[],
  target: {
    purpose: AttachmentPurpose;
    uploader: Caller;
    requestId?: string;
    requestEventId?: string;
    submissionId?: string;
    /** The document slot each file fills, by position (`slotsOfUploads`); none when absent. */
    slots?: readonly (string | null)[];
  },
): Promise<void> {
  if (prepared.length === 0) return;
  const { purpose, uploader, requestId, requestEventId, submissionId, slots } = target;
  const rows: Prisma.AttachmentCreateManyInput[] = prepared.map((file, position) => ({
    ...file,
    position,
    purpose,
    uploadedByAccountId: uploader.kind === 'account' ? uploader.accountId : null,
    uploadedByApiKeyId: uploader.kind === 'system' ? uploader.apiKeyId : null,
    requestId: requestId ?? null,
    requestEventId: requestEventId ?? null,
    submissionId: submissionId ?? null,
    slot: slots?.[position] ?? null,
  }));
  await tx.attachment.createMany({ data: rows });
}

/** What the audit entry says of stored files: their hashes, when there are any. */
export function attachedHashes(stored: readonly PreparedAttachment[]): { attachments?: string[] } {
  return stored.length > 0 ? { attachments: stored.map((f) => f.sha256) } : {};
}
