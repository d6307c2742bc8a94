import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_HARD_LIMITS,
  attachmentLimitsOf,
  checkAttachment,
  checkAttachmentCount,
  DEFAULT_ATTACHMENT_LIMITS,
  sanitiseFileName,
} from './attachments.js';

describe('attachment limits', () => {
  it('defaults when the catalogue says nothing, and never exceeds the hard limits', () => {
    expect(attachmentLimitsOf(null)).toEqual(DEFAULT_ATTACHMENT_LIMITS);
    const limits = attachmentLimitsOf({
      maxBytes: 10 ** 9,
      maxCount: 3,
      acceptedTypes: ['application/pdf', 'text/html'],
    });
    expect(limits.maxBytes).toBe(ATTACHMENT_HARD_LIMITS.maxBytes);
    expect(limits.maxCount).toBe(3);
    expect(limits.acceptedTypes).toEqual(['application/pdf']);
  });

  it('takes a file by its content type and a name that matches it', () => {
    const r = checkAttachment(DEFAULT_ATTACHMENT_LIMITS, {
      name: 'KTP.JPG',
      detectedType: 'image/jpeg',
      size: 1000,
    });
    expect(r).toEqual({ ok: true, value: { name: 'KTP.JPG', type: 'image/jpeg', photo: true } });
    expect(
      checkAttachment(DEFAULT_ATTACHMENT_LIMITS, { name: 'scan', detectedType: 'application/pdf', size: 1 })
        .ok,
    ).toBe(true);
  });

  it('refuses a PDF named .jpg, an executable named .pdf, unknown content and an oversize file', () => {
    const code = (name: string, detectedType: string | undefined, size = 10) => {
      const r = checkAttachment(DEFAULT_ATTACHMENT_LIMITS, { name, detectedType, size });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('foto.jpg', 'application/pdf')).toBe('ATTACHMENT_NAME_MISMATCH');
    expect(code('surat.pdf', 'application/x-msdownload')).toBe('ATTACHMENT_TYPE_NOT_ACCEPTED');
    expect(code('surat.pdf', undefined)).toBe('ATTACHMENT_TYPE_NOT_ACCEPTED');
    expect(code('besar.pdf', 'application/pdf', ATTACHMENT_HARD_LIMITS.maxBytes + 1)).toBe(
      'ATTACHMENT_TOO_LARGE',
    );
    expect(code('foto.png', 'image/png', ATTACHMENT_HARD_LIMITS.maxPhotoBytes + 1)).toBe(
      'ATTACHMENT_TOO_LARGE',
    );
    const pdfOnly = attachmentLimitsOf({ acceptedTypes: ['application/pdf'] });
    const r = checkAttachment(pdfOnly, { name: 'a.png', detectedType: 'image/png', size: 1 });
    expect(r.ok ? '' : r.error.code).toBe('ATTACHMENT_TYPE_NOT_ACCEPTED');
  });

  it('counts files per upload', () => {
    expect(checkAttachmentCount(attachmentLimitsOf({ maxCount: 2 }), 3)).toMatchObject({
      ok: false,
      error: { code: 'ATTACHMENT_TOO_MANY', details: { limit: 2 } },
    });
    expect(checkAttachmentCount(DEFAULT_ATTACHMENT_LIMITS, 2).ok).toBe(true);
  });

  it('keeps a file name as text: last segment, no control characters, bounded', () => {
    expect(sanitiseFileName('C:\\Users\\x\\..\\KTP saya.pdf')).toBe('KTP saya.pdf');
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('a\u0000b\nc.pdf')).toBe('a_b_c.pdf');
    expect(sanitiseFileName('\ud800x.pdf')).toBe('_x.pdf');
    expect(sanitiseFileName('...')).toBe('berkas');
    // Never shortened (issue 16, kind 8): a long name is kept whole by the sanitiser…
    expect(sanitiseFileName(`${'é'.repeat(300)}.pdf`)).toBe(`${'é'.repeat(300)}.pdf`);
  });

  it('refuses a file name over 200 characters people see instead of cutting it', () => {
    const pdf = { detectedType: 'application/pdf', size: 1000 };
    // 196 flags + '.pdf' = 200 characters (392 + 4 UTF-16 units): accepted whole.
    const flags = `${'🇮🇩'.repeat(196)}.pdf`;
    const accepted = checkAttachment(DEFAULT_ATTACHMENT_LIMITS, { ...pdf, name: flags });
    expect(accepted.ok && accepted.value.name).toBe(flags);
    const refused = checkAttachment(DEFAULT_ATTACHMENT_LIMITS, { ...pdf, name: `${'é'.repeat(300)}.pdf` });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('ATTACHMENT_NAME_TOO_LONG');
      expect(refused.error.details).toMatchObject({ limit: 200, length: 304 });
    }
  });
});
