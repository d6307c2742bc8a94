// The `attachments: [Upload!]` input field of the mutations that take files.
import { ATTACHMENT_HARD_LIMITS } from '@layanan/domain/services';
import type { InputFields } from '../../../graphql/input-fields.js';

const MIB = 1024 * 1024;

/** `attachments: [Upload!]`, described with what it is for and the limits. */
export const attachmentsField = (t: InputFields, what: string) =>
  t.field({
    type: ['Upload'],
    required: false,
    description: `${what}, by the GraphQL multipart request specification. Accepted by content (never by name): JPEG, PNG and WebP photos (re-encoded without EXIF/GPS metadata; at most ${ATTACHMENT_HARD_LIMITS.maxPhotoBytes / MIB} MB and ${ATTACHMENT_HARD_LIMITS.maxPixels / 1_000_000} megapixels) and PDF (at most ${ATTACHMENT_HARD_LIMITS.maxBytes / MIB} MB), at most ${ATTACHMENT_HARD_LIMITS.maxCount} files, or less as the service's attachment limits say. A refused file gives ValidationError with the field attachments[i] and code ATTACHMENT_TYPE_NOT_ACCEPTED, ATTACHMENT_NAME_MISMATCH, ATTACHMENT_NAME_TOO_LONG (over 200 characters), ATTACHMENT_TOO_LARGE, ATTACHMENT_TOO_MANY, ATTACHMENT_IMAGE_TOO_LARGE or ATTACHMENT_UNREADABLE.`,
  });
