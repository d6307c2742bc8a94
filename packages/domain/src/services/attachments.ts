import { type DomainError, errorFactory } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import { textLength } from '../text-limits.js';
import { ATTACHMENT_ERROR_MESSAGES, type AttachmentErrorCode } from './messages.js';

/*
 * Files that citizens attach when filing or answering a return for correction, that staff attach
 * to notes and that forum submissions carry (issue 19 item 1). Each service may narrow the limits
 * in its catalogue data (`attachmentLimits` of the service version); the platform's hard limits
 * below bound every service. The type is what the gateway recognised from the content, never the
 * name; a name whose extension names another type is refused rather than silently renamed.
 */

/** Media types a service may accept: photos (re-encoded before storage) and PDF. */
export const ATTACHMENT_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/** The extensions (lower case, without the dot) a file of each type may carry in its name. */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<AttachmentMediaType, readonly string[]>> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};

/** A service's limits, per upload: bytes per file (PDF; photos as uploaded), files per upload, types. */
export type AttachmentLimits = {
  /** Bytes per PDF. */
  readonly maxBytes: number;
  /** Bytes per photo as uploaded (before re-encoding). */
  readonly maxPhotoBytes: number;
  /** Files per filing, correction answer, note or forum submission. */
  readonly maxCount: number;
  readonly acceptedTypes: readonly AttachmentMediaType[];
  /** Pixels (width × height) per photo; ATTACHMENT_HARD_LIMITS.maxPixels when absent. */
  readonly maxPixels?: number;
};

/**
 * The bounds no service may exceed: 20 MiB per PDF, 10 MiB and 40 megapixels per photo (a photo
 * is decoded to be re-encoded, so its pixels bound the memory used), 10 files per upload.
 */
export const ATTACHMENT_HARD_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxPhotoBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxCount: 10,
} as const;

/** What a service accepts when its catalogue entry says nothing: the hard limits, every type. */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxBytes: ATTACHMENT_HARD_LIMITS.maxBytes,
  maxPhotoBytes: ATTACHMENT_HARD_LIMITS.maxPhotoBytes,
  maxCount: ATTACHMENT_HARD_LIMITS.maxCount,
  acceptedTypes: ATTACHMENT_MEDIA_TYPES,
};

const attachmentError = errorFactory(ATTACHMENT_ERROR_MESSAGES);
export type AttachmentError = DomainError<AttachmentErrorCode>;

const isMediaType = (value: unknown): value is AttachmentMediaType =>
  typeof value === 'string' && (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(value);

const bounded = (value: unknown, fallback: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, max) : fallback;

/**
 * A service's limits from its catalogue data (`{ maxBytes?, maxPhotoBytes?, maxCount?,
 * acceptedTypes?, maxPixels? }`, any part may be missing, null = the defaults); values above the hard
 * limits are lowered to them, unknown types are ignored.
 */
export function attachmentLimitsOf(raw: unknown): AttachmentLimits {
  if (raw === null || typeof raw !== 'object') return DEFAULT_ATTACHMENT_LIMITS;
  const r = raw as Record<string, unknown>;
  const types = Array.isArray(r.acceptedTypes) ? r.acceptedTypes.filter(isMediaType) : [];
  return {
    maxBytes: bounded(r.maxBytes, DEFAULT_ATTACHMENT_LIMITS.maxBytes, ATTACHMENT_HARD_LIMITS.maxBytes),
    maxPhotoBytes: bounded(
      r.maxPhotoBytes,
      DEFAULT_ATTACHMENT_LIMITS.maxPhotoBytes,
      ATTACHMENT_HARD_LIMITS.maxPhotoBytes,
    ),
    maxCount: bounded(r.maxCount, DEFAULT_ATTACHMENT_LIMITS.maxCount, ATTACHMENT_HARD_LIMITS.maxCount),
    acceptedTypes: types.length > 0 ? [...new Set(types)] : DEFAULT_ATTACHMENT_LIMITS.acceptedTypes,
    ...(r.maxPixels === undefined
      ? {}
      : {
          maxPixels: bounded(r.maxPixels, ATTACHMENT_HARD_LIMITS.maxPixels, ATTACHMENT_HARD_LIMITS.maxPixels),
        }),
  };
}

/** The pixel cap of a photo under `limits`: theirs, never above the hard limit. */
export function photoPixelLimit(limits: AttachmentLimits): number {
  return Math.min(limits.maxPixels ?? ATTACHMENT_HARD_LIMITS.maxPixels, ATTACHMENT_HARD_LIMITS.maxPixels);
}

/** True for the types that are photos (decoded and re-encoded without metadata before storage). */
export function isPhotoType(type: AttachmentMediaType): boolean {
  return type !== 'application/pdf';
}

/**
 * A file name as it is kept: the last path segment only, control characters and the characters
 * Windows forbids replaced by `_`, spaces collapsed; `berkas` when nothing is left. Never
 * shortened: a name longer than MAX_FILE_NAME_LENGTH is refused by checkAttachment instead.
 * Shown to people and sent in `Content-Disposition`, never used as a path.
 */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // A lone UTF-16 surrogate (Array.from keeps one as a one-unit string) has no UTF-8 form.
  const whole = Array.from(base)
    .map((c) => (c.length === 1 && c >= '\uD800' && c <= '\uDFFF' ? '_' : c))
    .join('');
  const cleaned = whole
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\uFFFE\uFFFF]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return cleaned === '' ? 'berkas' : cleaned;
}

/** The longest file name kept, in characters people see (grapheme clusters). */
export const MAX_FILE_NAME_LENGTH = 200;

/** The lower-case extension of a name (`foto.JPG` → `jpg`), or undefined without one. */
export function fileExtension(name: string): string | undefined {
  const m = /\.([^.]{1,10})$/.exec(name);
  return m?.[1]?.toLowerCase();
}

/** One uploaded file as the gateway saw it: its name as sent, the type recognised from its bytes. */
export type UploadedFileFacts = {
  readonly name: string;
  /** The media type recognised from the content; undefined when nothing was recognised. */
  readonly detectedType: string | undefined;
  readonly size: number;
};

/** What a checked file will be stored as. */
export type CheckedAttachment = {
  readonly name: string;
  readonly type: AttachmentMediaType;
  readonly photo: boolean;
};

/**
 * Checks one file against a service's limits: its name (sanitised) is at most
 * MAX_FILE_NAME_LENGTH characters (ATTACHMENT_NAME_TOO_LONG, details `limit`, `length`, the
 * name's beginning as `name`; nothing is shortened silently), its recognised type is accepted
 * (ATTACHMENT_TYPE_NOT_ACCEPTED, details `detectedType`, `accepted`), its name's extension, if
 * any, belongs to that type (ATTACHMENT_NAME_MISMATCH, details `extension`, `detectedType`), and
 * it is within the size limit of its kind (ATTACHMENT_TOO_LARGE, details `limit` in bytes).
 */
export function checkAttachment(
  limits: AttachmentLimits,
  file: UploadedFileFacts,
): Result<CheckedAttachment, AttachmentError> {
  const name = sanitiseFileName(file.name);
  const length = textLength(name);
  if (length > MAX_FILE_NAME_LENGTH) {
    return err(
      attachmentError('ATTACHMENT_NAME_TOO_LONG', {
        name: `${Array.from(name).slice(0, 40).join('')}…`,
        limit: MAX_FILE_NAME_LENGTH,
        length,
      }),
    );
  }
  const type = file.detectedType;
  if (!isMediaType(type) || !limits.acceptedTypes.includes(type)) {
    return err(
      attachmentError('ATTACHMENT_TYPE_NOT_ACCEPTED', {
        name,
        detectedType: type ?? null,
        accepted: limits.acceptedTypes,
      }),
    );
  }
  const extension = fileExtension(name);
  if (extension !== undefined && !ATTACHMENT_EXTENSIONS[type].includes(extension)) {
    return err(attachmentError('ATTACHMENT_NAME_MISMATCH', { name, extension, detectedType: type }));
  }
  const photo = isPhotoType(type);
  const limit = photo ? limits.maxPhotoBytes : limits.maxBytes;
  if (file.size > limit)
    return err(attachmentError('ATTACHMENT_TOO_LARGE', { name, limit, size: file.size }));
  return ok({ name, type, photo });
}

/** Refuses more than `maxCount` files in one upload (ATTACHMENT_TOO_MANY, details `limit`). */
export function checkAttachmentCount(
  limits: AttachmentLimits,
  count: number,
): Result<number, AttachmentError> {
  return count > limits.maxCount
    ? err(attachmentError('ATTACHMENT_TOO_MANY', { limit: limits.maxCount, count }))
    : ok(count);
}

/** The error for a file whose bytes could not be decoded, or too large before it was checked. */
export function attachmentFailure(
  code: 'ATTACHMENT_UNREADABLE' | 'ATTACHMENT_IMAGE_TOO_LARGE' | 'ATTACHMENT_TOO_LARGE',
  details?: Readonly<Record<string, unknown>>,
): AttachmentError {
  return attachmentError(code, details);
}
