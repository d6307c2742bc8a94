// From staged upload to stored blob (issue 19 items 1 and 3): the type is recognised from the
// content (`file-type` reads the first bytes; the name and the declared Content-Type are never
// trusted), the domain checks it against the service's limits, photos are decoded and re-encoded
// by `sharp` (which writes no metadata unless asked: EXIF with GPS position and camera serial,
// XMP and IPTC are dropped; the EXIF orientation is applied to the pixels first), and the bytes
// stream into the BlobStore. Runs before the database transaction that records the rows: a blob
// whose transaction then fails stays unreferenced (content-addressed, harmless, swept by the
// retention rules).
import { createReadStream } from 'node:fs';
import {
  ATTACHMENT_HARD_LIMITS,
  type AttachmentError,
  type AttachmentLimits,
  type AttachmentMediaType,
  attachmentFailure,
  checkAttachment,
  checkAttachmentCount,
  photoPixelLimit,
} from '@layanan/domain/services';
import { fileTypeFromFile } from 'file-type';
import sharp, { type Sharp } from 'sharp';
import { fieldProblem, inputPath, invalidInput as invalid } from '../../graphql/failures.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import type { StagedUpload } from '../../platform/storage/multipart.js';

/** A checked, stored file, ready for its Attachment row. */
export type PreparedAttachment = {
  sha256: string;
  size: number;
  mediaType: AttachmentMediaType;
  fileName: string;
};

const ENCODERS: Record<Exclude<AttachmentMediaType, 'application/pdf'>, (image: Sharp) => Sharp> = {
  'image/jpeg': (image) => image.jpeg({ quality: 85 }),
  'image/png': (image) => image.png(),
  'image/webp': (image) => image.webp({ quality: 85 }),
};

const TYPE_NAMES: Record<AttachmentMediaType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
};

/** What a refusal adds to the domain's message: the limit broken, or the types accepted here. */
function refusalSuffix(error: AttachmentError): { id: string; en: string } {
  const limit = Number(error.details?.limit);
  const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (error.code === 'ATTACHMENT_TOO_LARGE' && limit > 0)
    return { id: ` (batas ${mib(limit)})`, en: ` (limit ${mib(limit)})` };
  if (error.code === 'ATTACHMENT_TOO_MANY' && limit > 0)
    return { id: ` (paling banyak ${limit})`, en: ` (at most ${limit})` };
  if (error.code === 'ATTACHMENT_IMAGE_TOO_LARGE' && limit > 0) {
    const mp = `${Math.round(limit / 100_000) / 10}`;
    return { id: ` (batas ${mp.replace('.', ',')} megapiksel)`, en: ` (limit ${mp} megapixels)` };
  }
  const accepted = error.details?.accepted;
  if (error.code === 'ATTACHMENT_TYPE_NOT_ACCEPTED' && Array.isArray(accepted)) {
    const names = accepted.map((t) => TYPE_NAMES[t as AttachmentMediaType] ?? String(t)).join(', ');
    return { id: ` Yang diterima: ${names}.`, en: ` Accepted: ${names}.` };
  }
  return { id: '', en: '' };
}

/** Where a refused file sits in the input, and why, in both languages with the limit stated. */
function refusal(field: string, error: AttachmentError) {
  const suffix = refusalSuffix(error);
  return fieldProblem(field, {
    code: error.code,
    message: { id: error.message.id + suffix.id, en: error.message.en + suffix.en },
  });
}

/** Re-encodes a staged photo without metadata, within the pixel cap; an AttachmentError if not. */
async function storePhoto(
  store: BlobStore,
  upload: StagedUpload,
  type: Exclude<AttachmentMediaType, 'application/pdf'>,
  maxPixels: number,
) {
  const options = { limitInputPixels: maxPixels, failOn: 'error' as const };
  let pixels: number;
  try {
    // Only the header is read here; with the pixel cap set, sharp would refuse an oversize photo
    // as unreadable instead of as too large.
    const meta = await sharp(upload.path, { ...options, limitInputPixels: false }).metadata();
    pixels = (meta.width ?? 0) * (meta.height ?? 0);
  } catch {
    return attachmentFailure('ATTACHMENT_UNREADABLE');
  }
  if (pixels > maxPixels) return attachmentFailure('ATTACHMENT_IMAGE_TOO_LARGE', { limit: maxPixels });
  const encoder = ENCODERS[type];
  try {
    // rotate() without an angle applies the EXIF orientation, so dropping EXIF keeps the photo upright.
    return await store.put(encoder(sharp(upload.path, options).rotate()), {
      maxBytes: ATTACHMENT_HARD_LIMITS.maxBytes,
      contentType: type,
    });
  } catch {
    return attachmentFailure('ATTACHMENT_UNREADABLE');
  }
}

/**
 * Checks and stores `uploads` (in input order) under `limits`; `field` names the input list
 * (`attachments` → `attachments[1]` in errors). Throws one ValidationError naming every refused
 * file (ATTACHMENT_* codes, the limit stated in the message); nothing is stored when a check of
 * the type, name, size or count fails. A photo that cannot be decoded is found while storing.
 */
export async function prepareAttachments(
  store: BlobStore,
  limits: AttachmentLimits,
  uploads: readonly StagedUpload[],
  field: string,
): Promise<PreparedAttachment[]> {
  const count = checkAttachmentCount(limits, uploads.length);
  if (!count.ok) throw invalid([refusal(field, count.error)]);
  const checked = await Promise.all(
    uploads.map(async (upload) => {
      const detected = upload.truncated ? undefined : await fileTypeFromFile(upload.path);
      const result = upload.truncated
        ? checkAttachment(limits, { name: upload.name, detectedType: 'application/pdf', size: upload.size })
        : checkAttachment(limits, { name: upload.name, detectedType: detected?.mime, size: upload.size });
      // A cut-off file is too large whatever it is.
      if (upload.truncated && (result.ok || result.error.code !== 'ATTACHMENT_TOO_LARGE'))
        return { upload, result: { ok: false as const, error: tooLarge(limits) } };
      return { upload, result };
    }),
  );
  const problems = checked.flatMap(({ result }, i) =>
    result.ok ? [] : [refusal(inputPath(field, i), result.error)],
  );
  if (problems.length > 0) throw invalid(problems);
  const prepared: PreparedAttachment[] = [];
  for (const [i, { upload, result }] of checked.entries()) {
    if (!result.ok) continue;
    const { type, name, photo } = result.value;
    const stored = photo
      ? await storePhoto(
          store,
          upload,
          type as Exclude<AttachmentMediaType, 'application/pdf'>,
          photoPixelLimit(limits),
        )
      : await store.put(createReadStream(upload.path), { maxBytes: limits.maxBytes, contentType: type });
    if ('code' in stored) throw invalid([refusal(inputPath(field, i), stored)]);
    prepared.push({ sha256: stored.sha256, size: stored.size, mediaType: type, fileName: name });
  }
  return prepared;
}

const tooLarge = (limits: AttachmentLimits) =>
  attachmentFailure('ATTACHMENT_TOO_LARGE', { limit: Math.max(limits.maxBytes, limits.maxPhotoBytes) });
