// The two PDFs of a request: the filing receipt (tanda terima) and the issued document. Their
// texts are in Indonesian, the language of the city's documents; each QR code links to a public
// page (the request's status trail, the document's verification).
import { type DocumentTemplate, fillTemplateLine } from '@layanan/domain/services';
import { renderPdf } from './pdf.js';

/** The issuer printed at the top of every PDF. */
const CITY = 'Pemerintah Kota Sawahlunto';

const longDate = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'Asia/Jakarta' });
const dateTime = new Intl.DateTimeFormat('id-ID', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Asia/Jakarta',
});

/** `1 Desember 2026` for an instant or a `YYYY-MM-DD` day, read in WIB. */
export function wibDate(day: Date | string): string {
  return longDate.format(typeof day === 'string' ? new Date(`${day}T12:00:00+07:00`) : day);
}

/** `1 Desember 2026 pukul 09.30 WIB`. */
export function wibDateTime(at: Date): string {
  return `${dateTime.format(at)} WIB`;
}

/** The public page a QR code of a document points to. */
export function verificationUrl(publicUrl: string, number: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/verifikasi/${number.split('/').map(encodeURIComponent).join('/')}`;
}

/** The public status trail of a request. */
export function trackingUrl(publicUrl: string, trackingCode: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/lacak?kode=${encodeURIComponent(trackingCode)}`;
}

export type ReceiptInput = {
  trackingCode: string;
  serviceName: string;
  unitName: string;
  submittedAt: Date;
  /** The standard's completion time in working days (UU 25/2009), of the version filed under. */
  completionDays: number;
  /** Verification deadline (WIB day). */
  verificationDueOn: string;
  publicUrl: string;
};

/** The filing receipt (tanda terima): what was filed, when, and how long the standard allows. */
export function receiptPdf(r: ReceiptInput): Promise<Buffer> {
  const url = trackingUrl(r.publicUrl, r.trackingCode);
  return renderPdf({
    createdAt: r.submittedAt,
    title: `Tanda terima ${r.trackingCode}`,
    subject: `Tanda terima permohonan ${r.serviceName}`,
    header: { city: CITY, unit: r.unitName },
    heading: 'TANDA TERIMA PERMOHONAN',
    rows: [
      ['Kode lacak', r.trackingCode],
      ['Layanan', r.serviceName],
      ['Diterima', wibDateTime(r.submittedAt)],
      ['Verifikasi berkas paling lambat', wibDate(r.verificationDueOn)],
      [
        'Waktu penyelesaian (standar pelayanan)',
        `${r.completionDays} hari kerja sejak berkas dinyatakan lengkap`,
      ],
    ],
    paragraphs: [
      'Permohonan Anda telah diterima. Simpan kode lacak ini untuk mengikuti perkembangan permohonan.',
      'Your request has been received. Keep this tracking code to follow its progress.',
    ],
    qr: { url, caption: 'Pindai untuk melihat status permohonan / Scan to see the request status:' },
    footer: 'Tanda terima ini dibuat otomatis oleh Layanan dan bukan merupakan dokumen perizinan.',
  });
}

export type IssuedPdfInput = {
  number: string;
  template: DocumentTemplate;
  /** Placeholder values (fillTemplateLine). */
  values: Readonly<Record<string, string>>;
  trackingCode: string;
  serviceName: string;
  unitName: string;
  officerName: string;
  issuedAt: Date;
  validUntil: string | null;
  publicUrl: string;
};

/** The issued document: number, facts from the template, unit and officer, dates, the verification QR. */
export function issuedDocumentPdf(d: IssuedPdfInput): Promise<Buffer> {
  const url = verificationUrl(d.publicUrl, d.number);
  return renderPdf({
    createdAt: d.issuedAt,
    title: `${d.template.title} ${d.number}`,
    subject: d.serviceName,
    header: { city: CITY, unit: d.unitName },
    heading: d.template.title.toUpperCase(),
    rows: [
      ['Nomor', d.number],
      ['Layanan', d.serviceName],
      ['Nomor permohonan', d.trackingCode],
      ['Tanggal terbit', wibDate(d.issuedAt)],
      ['Berlaku sampai', d.validUntil ? wibDate(d.validUntil) : 'Tidak ditentukan'],
      ['Diterbitkan oleh', d.unitName],
      ['Petugas', d.officerName],
    ],
    paragraphs: d.template.lines.map((line) => fillTemplateLine(line, d.values)),
    qr: {
      url,
      caption:
        'Pindai untuk memeriksa keaslian dan status dokumen ini / Scan to check that this document is authentic and current:',
    },
    footer:
      'Dokumen ini ditandatangani secara digital dengan kunci milik Pemerintah Kota sendiri (Ed25519); ' +
      'ini bukan tanda tangan elektronik tersertifikasi (TTE) menurut PP 71/2019. ' +
      'Signed with the city’s own key, not a certified electronic signature (TTE, PP 71/2019).',
  });
}
