// Erasing the personal data of requests (docs/personal-data.md): what the citizen wrote and
// uploaded, their identifying attributes, the location they gave, their survey suggestion and
// comments. The request itself — service, unit, channel, states, dates, working days, staff notes —
// stays, so statistics count it as before (UU 25/2009 art. 21). Used by the erasure of an account
// and by the retention schedule.
import { Prisma } from '@layanan/db';
import { ERASED_TEXT, erasedAttributeValues, erasedFileName } from '@layanan/domain/accounts';
import type { ServiceAttribute } from '@layanan/domain/services';
import type { TransactionClient } from '../../../platform/audited.js';
import { eraseAnonymousContactMail, eraseReporterContactMail } from '../../../platform/mail/render.js';
import type { BlobStore } from '../../../platform/storage/blob-store.js';

/**
 * Erases the personal data of requests `requestIds` in `tx` at `now` and marks them
 * (`personalDataErasedAt`). Returns the SHA-256 of the files it erased, to delete from the blob
 * store after commit (`deleteUnusedBlobs`).
 */
export async function eraseRequestPersonalData(
  tx: TransactionClient,
  requestIds: readonly string[],
  now: Date,
): Promise<string[]> {
  if (requestIds.length === 0) return [];
  const requests = await tx.serviceRequest.findMany({
    where: { id: { in: [...requestIds] } },
    select: {
      id: true,
      citizenAccountId: true,
      attributeValues: true,
      serviceVersion: { select: { attributes: true } },
    },
  });
  for (const r of requests) {
    const definitions = (r.serviceVersion.attributes ?? []) as unknown as ServiceAttribute[];
    await tx.serviceRequest.update({
      where: { id: r.id },
      data: {
        originalText: ERASED_TEXT,
        // The published text of a public report derives from the reporter's (issue 17 item 6).
        publicDescription: null,
        publicDescriptionAt: null,
        publicDescriptionByAccountId: null,
        attributeValues: erasedAttributeValues(
          definitions,
          (r.attributeValues ?? {}) as Record<string, unknown>,
        ) as Prisma.InputJsonObject,
        personalDataErasedAt: now,
        // An anonymous complaint's only personal value: its reporter's contact address.
        anonymousContactEmail: null,
        anonymousContactLanguage: null,
      },
    });
    // The mail sent to that address, as withdrawAnonymousContact does.
    await eraseAnonymousContactMail(tx, r.id);
    // A reporter without an account (issue 17): their contact details, and the mail sent to them.
    await eraseReporterContactMail(tx, r.id);
    // What the citizen wrote in the trail (answers to a return, contests; a comment a client such
    // as FixMyStreet posted for its user, recorded as the citizen's without an account); staff
    // notes stay.
    const byCitizen = { OR: [{ actorAccountId: r.citizenAccountId }, { actorKind: 'CITIZEN' }] };
    await tx.requestEvent.updateMany({
      where: { requestId: r.id, ...byCitizen, publicNote: { not: null } },
      data: { publicNote: ERASED_TEXT },
    });
    await tx.requestEvent.updateMany({
      where: { requestId: r.id, ...byCitizen, internalNote: { not: null } },
      data: { internalNote: ERASED_TEXT },
    });
  }
  const ids = requests.map((r) => r.id);
  await tx.requestReporterContact.deleteMany({ where: { requestId: { in: ids } } });
  await tx.requestLocation.updateMany({
    where: { requestId: { in: ids } },
    data: {
      lat: null,
      long: null,
      addressString: null,
      addressId: null,
      deviceId: null,
      mediaUrl: null,
      mediaUrls: [],
      clientAttributes: Prisma.DbNull,
    },
  });
  const surveys = await tx.surveyResponse.findMany({
    where: { requestId: { in: ids } },
    select: { id: true },
  });
  await tx.surveyResponse.updateMany({
    where: { id: { in: surveys.map((s) => s.id) } },
    data: { suggestion: null, profileLegacyText: Prisma.DbNull },
  });
  await tx.staffCitizenRating.updateMany({
    where: { responseId: { in: surveys.map((s) => s.id) } },
    data: { comment: null },
  });
  return eraseAttachments(tx, { requestId: { in: ids }, purpose: { not: 'STAFF_NOTE' } }, now);
}

/** Erases the files `where` selects (name replaced, marked); returns their SHA-256. */
export async function eraseAttachments(
  tx: TransactionClient,
  where: Prisma.AttachmentWhereInput,
  now: Date,
): Promise<string[]> {
  const files = await tx.attachment.findMany({
    where: { ...where, erasedAt: null },
    select: { id: true, fileName: true, sha256: true },
  });
  for (const f of files) {
    await tx.attachment.update({
      where: { id: f.id },
      data: { fileName: erasedFileName(f.fileName), erasedAt: now },
    });
  }
  return [...new Set(files.map((f) => f.sha256))];
}

/**
 * Deletes from `storage` the blobs of `sha256s` that no file still held (not erased) and no issued
 * document uses; after commit, so a rolled-back erasure never loses a file.
 */
export async function deleteUnusedBlobs(
  prisma: Pick<TransactionClient, 'attachment' | 'issuedDocument'>,
  storage: BlobStore | undefined,
  sha256s: readonly string[],
): Promise<number> {
  if (!storage || sha256s.length === 0) return 0;
  const [held, issued] = await Promise.all([
    prisma.attachment.findMany({
      where: { sha256: { in: [...sha256s] }, erasedAt: null },
      select: { sha256: true },
    }),
    prisma.issuedDocument.findMany({ where: { sha256: { in: [...sha256s] } }, select: { sha256: true } }),
  ]);
  const used = new Set([...held, ...issued].map((r) => r.sha256));
  const unused = sha256s.filter((s) => !used.has(s));
  for (const sha256 of unused) await storage.delete(sha256);
  return unused.length;
}
