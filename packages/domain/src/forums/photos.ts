import type { AttachmentLimits } from '../services/attachments.js';

/*
 * Photos with a forum submission (issue 19 item 1): a citizen may show what an aspiration or a
 * critique is about (a broken road, a crowded counter). Only photos — no PDF: a submission is
 * public once posted, and a photo is re-encoded without its metadata (EXIF, GPS position, camera
 * serial) before storage, which a PDF is not. Forum photos pass the same checks as request files
 * (`checkAttachment`, `checkAttachmentCount`), under these tighter limits.
 */

/** The photo types a forum submission takes. */
export const FORUM_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * Limits per submission: at most 4 photos, each at most 5 MiB as uploaded and 24 megapixels (a
 * photo is decoded to be re-encoded); JPEG, PNG or WebP, recognised from the content.
 */
export const FORUM_PHOTO_LIMITS: AttachmentLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxPhotoBytes: 5 * 1024 * 1024,
  maxPixels: 24_000_000,
  maxCount: 4,
  acceptedTypes: FORUM_PHOTO_TYPES,
};
