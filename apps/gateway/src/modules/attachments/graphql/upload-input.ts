// The `attachments: [Upload!]` input field of the mutations that take files.
import { FORUM_PHOTO_LIMITS } from '@layanan/domain/forums';
import { ATTACHMENT_HARD_LIMITS, photoPixelLimit } from '@layanan/domain/services';
import type { InputFields } from '../../../graphql/input-fields.js';

const MIB = 1024 * 1024;

/** `attachments: [Upload!]`, described with what it is for and the limits. */
export const attachmentsField = (t: InputFields, what: string) =>
  t.field({
    type: ['Upload'],
    required: false,
    description: `${what}, by the GraphQL multipart request specification. Accepted by content (never by name): JPEG, PNG and WebP photos (re-encoded without EXIF/GPS metadata; at most ${ATTACHMENT_HARD_LIMITS.maxPhotoBytes / MIB} MB and ${ATTACHMENT_HARD_LIMITS.maxPixels / 1_000_000} megapixels) and PDF (at most ${ATTACHMENT_HARD_LIMITS.maxBytes / MIB} MB), at most ${ATTACHMENT_HARD_LIMITS.maxCount} files, or less as the service's attachment limits say. A refused file gives ValidationError with the field attachments[i] and code ATTACHMENT_TYPE_NOT_ACCEPTED, ATTACHMENT_NAME_MISMATCH, ATTACHMENT_NAME_TOO_LONG (over 200 characters), ATTACHMENT_TOO_LARGE, ATTACHMENT_TOO_MANY, ATTACHMENT_IMAGE_TOO_LARGE or ATTACHMENT_UNREADABLE.`,
  });

/** `attachmentSlots: [String]`: the document slot of each file of `attachments`, by position. */
export const attachmentSlotsField = (t: InputFields) =>
  t.field({
    type: ['String'],
    required: { list: false, items: false },
    description:
      'The document slot (DocumentSlot.key of the request’s service version) each file of attachments fills, by position; null or left out for a file that fills none (a photo). A new upload into a slot replaces its current documents on the checklist; the old ones stay in the trail. Errors: ValidationError on attachmentSlots[i]: DOCUMENT_SLOT_UNKNOWN, DOCUMENT_SLOT_TYPE_NOT_ACCEPTED, DOCUMENT_SLOT_TOO_MANY; OUT_OF_RANGE on attachmentSlots when it is longer than attachments.',
  });

/** `attachments: [Upload!]` of a forum submission: photos only, under FORUM_PHOTO_LIMITS. */
export const forumPhotosField = (t: InputFields) =>
  t.field({
    type: ['Upload'],
    required: false,
    description: `Photos showing what the submission is about, by the GraphQL multipart request specification: JPEG, PNG or WebP only, recognised by content (never by name; a PDF or any other file is refused), at most ${FORUM_PHOTO_LIMITS.maxCount} photos of at most ${FORUM_PHOTO_LIMITS.maxPhotoBytes / MIB} MB and ${photoPixelLimit(FORUM_PHOTO_LIMITS) / 1_000_000} megapixels each. Each photo is re-encoded without its metadata (EXIF: GPS position, camera serial) and stored once by its SHA-256. Shown to whoever may see the submission. A refused photo gives ValidationError with the field attachments[i] and code ATTACHMENT_TYPE_NOT_ACCEPTED, ATTACHMENT_NAME_MISMATCH, ATTACHMENT_NAME_TOO_LONG, ATTACHMENT_TOO_LARGE, ATTACHMENT_TOO_MANY, ATTACHMENT_IMAGE_TOO_LARGE or ATTACHMENT_UNREADABLE; nothing is submitted then.`,
  });
