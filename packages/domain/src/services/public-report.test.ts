import { describe, expect, it } from 'vitest';
import { checkPublicDescription, PUBLIC_DESCRIPTION_MAX, publicReportView } from './public-report.js';

const codes = (r: ReturnType<typeof checkPublicDescription>) =>
  r.ok ? [] : r.error.fields.map((f) => f.code);

describe('public reports (issue 17 item 6)', () => {
  it('publishes a checked text of a public-report service, trimmed', () => {
    expect(
      checkPublicDescription({ servicePublicReport: true, text: '  Lubang besar di depan pasar.  ' }),
    ).toEqual({
      ok: true,
      value: 'Lubang besar di depan pasar.',
    });
  });

  it('never publishes for a personal service', () => {
    expect(codes(checkPublicDescription({ servicePublicReport: false, text: 'Lubang.' }))).toEqual([
      'NOT_ALLOWED',
    ]);
  });

  it('refuses an empty, too long or unprintable text', () => {
    expect(codes(checkPublicDescription({ servicePublicReport: true, text: ' ' }))).toEqual(['REQUIRED']);
    expect(
      codes(
        checkPublicDescription({ servicePublicReport: true, text: 'x'.repeat(PUBLIC_DESCRIPTION_MAX + 1) }),
      ),
    ).toEqual(['TOO_LONG']);
    expect(codes(checkPublicDescription({ servicePublicReport: true, text: 'Lubang\u0000' }))).toEqual([
      'INVALID_CHARACTER',
    ]);
  });

  it('refuses a text that still holds an e-mail address, a phone number or a NIK', () => {
    for (const text of [
      'Hubungi budi@contoh.id soal lubang ini.',
      'Lubang besar, telp 0812-3456-7890.',
      'Lubang besar, WA +62 812 3456 7890.',
      'Pelapor NIK 1373010101900001.',
      'Pelapor NIK 1373 0101 0190 0001.',
    ])
      expect(codes(checkPublicDescription({ servicePublicReport: true, text }))).toEqual(['INVALID_FORMAT']);
    // Ordinary numbers (a house number, a distance, a date) are fine.
    expect(
      checkPublicDescription({
        servicePublicReport: true,
        text: 'Jl. Soekarno-Hatta No. 12, lubang 2 m, sejak 1/12/2026.',
      }).ok,
    ).toBe(true);
  });

  it('shows the published text and the location only of a published public report', () => {
    expect(publicReportView({ servicePublicReport: true, publicDescription: 'Lubang.' })).toEqual({
      description: 'Lubang.',
      showLocation: true,
    });
    expect(publicReportView({ servicePublicReport: true, publicDescription: null })).toBeNull();
    expect(publicReportView({ servicePublicReport: false, publicDescription: 'Lubang.' })).toBeNull();
  });
});
