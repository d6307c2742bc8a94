import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_HARD_LIMITS,
  checkAttachment,
  checkAttachmentCount,
  photoPixelLimit,
} from '../services/attachments.js';
import { FORUM_PHOTO_LIMITS } from './photos.js';

describe('forum photo limits', () => {
  const code = (name: string, detectedType: string | undefined, size = 1000) => {
    const r = checkAttachment(FORUM_PHOTO_LIMITS, { name, detectedType, size });
    return r.ok ? r.value.type : r.error.code;
  };

  it('takes JPEG, PNG and WebP photos, never a PDF or an executable', () => {
    expect(code('jalan.jpg', 'image/jpeg')).toBe('image/jpeg');
    expect(code('antrian.png', 'image/png')).toBe('image/png');
    expect(code('foto.webp', 'image/webp')).toBe('image/webp');
    expect(code('surat.pdf', 'application/pdf')).toBe('ATTACHMENT_TYPE_NOT_ACCEPTED');
    expect(code('foto.jpg', 'application/x-msdownload')).toBe('ATTACHMENT_TYPE_NOT_ACCEPTED');
  });

  it('caps a photo at 5 MiB, 24 megapixels and 4 per submission', () => {
    expect(code('besar.jpg', 'image/jpeg', 5 * 1024 * 1024 + 1)).toBe('ATTACHMENT_TOO_LARGE');
    expect(code('pas.jpg', 'image/jpeg', 5 * 1024 * 1024)).toBe('image/jpeg');
    expect(photoPixelLimit(FORUM_PHOTO_LIMITS)).toBe(24_000_000);
    expect(checkAttachmentCount(FORUM_PHOTO_LIMITS, 4).ok).toBe(true);
    const five = checkAttachmentCount(FORUM_PHOTO_LIMITS, 5);
    expect(five.ok ? null : five.error.details).toEqual({ limit: 4, count: 5 });
  });

  it('never lets limits raise the pixel cap above the hard limit', () => {
    expect(photoPixelLimit({ ...FORUM_PHOTO_LIMITS, maxPixels: 10 ** 12 })).toBe(
      ATTACHMENT_HARD_LIMITS.maxPixels,
    );
    expect(photoPixelLimit({ ...FORUM_PHOTO_LIMITS, maxPixels: undefined })).toBe(
      ATTACHMENT_HARD_LIMITS.maxPixels,
    );
  });
});
