// The retention schedule (UU 27/2022 art. 16(2), docs/personal-data.md): the personal data of a
// request closed more than LAYANAN_RETENTION_YEARS ago is erased as for an erased account (texts,
// identifying attributes, location, the citizen's files and notes); the request stays countable.
// Run by the gateway's job tick; safe in every instance (each batch only takes rows still held).
import type { PrismaClient } from '@layanan/db';
import { retentionCutoff } from '@layanan/domain/accounts';
import type { BlobStore } from '../../../platform/storage/blob-store.js';
import { deleteUnusedBlobs, eraseRequestPersonalData } from './erase-request-data.js';

/** Request states after which nothing more happens to a request (its closure is `closedAt`). */
const CLOSED_STATES = ['COMPLETED', 'REJECTED', 'WITHDRAWN'] as const;

/**
 * Erases the personal data of every closed request whose `closedAt` (and final closure, for a
 * complaint) lies more than `years` before `now`, `batch` requests per transaction, paging past
 * the rows it has done by id. Each batch writes one audit entry (actor: the system) with the
 * count and the cutoff, never a personal value. Returns how many requests it erased.
 */
export async function applyRetentionSchedule(
  prisma: PrismaClient,
  deps: { now: Date; years: number; batch: number; storage?: BlobStore },
): Promise<number> {
  const cutoff = retentionCutoff(deps.now, deps.years);
  let erased = 0;
  let afterId: string | null = null;
  for (;;) {
    const rows: { id: string }[] = await prisma.serviceRequest.findMany({
      where: {
        personalDataErasedAt: null,
        state: { in: [...CLOSED_STATES] },
        closedAt: { lt: cutoff },
        OR: [{ finalClosedAt: null }, { finalClosedAt: { lt: cutoff } }],
        ...(afterId ? { id: { gt: afterId } } : {}),
      },
      orderBy: { id: 'asc' },
      take: deps.batch,
      select: { id: true },
    });
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]?.id ?? null;
    const files = await prisma.$transaction(async (tx) => {
      const sha256s = await eraseRequestPersonalData(
        tx,
        rows.map((r) => r.id),
        deps.now,
      );
      await tx.auditEntry.create({
        data: {
          actorKind: 'SYSTEM',
          actorId: null,
          action: 'applyRetentionSchedule',
          entityType: 'ServiceRequest',
          entityId: null,
          after: { requests: rows.length, closedBefore: cutoff.toISOString(), years: deps.years },
        },
      });
      return sha256s;
    });
    await deleteUnusedBlobs(prisma, deps.storage, files);
    erased += rows.length;
    if (rows.length < deps.batch) break;
  }
  return erased;
}
