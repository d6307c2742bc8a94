// The PDFs Layanan makes (issued documents, filing receipts), with pdfkit and the qrcode package.
// Deterministic: the same inputs give the same bytes (a fixed CreationDate, from which pdfkit
// derives the file ID, and no other clock or random value), so a stored document's SHA-256 can
// be reproduced from its data.
//
// Every text is set in DejaVu Sans (regular, bold, Mono; from the npm package `dejavu-fonts-ttf`;
// Bitstream Vera licence with public-domain DejaVu changes, redistribution allowed), embedded as
// a subset, so names outside Latin-1 print as written: Latin Extended (Ṣāliḥ, Łódź), Vietnamese
// (Nguyễn), Greek, Cyrillic, ₹ and typographic punctuation. pdfkit's built-in fonts (Helvetica…)
// cover WinAnsi only. Not covered: CJK and emoji (no glyph, an empty box prints); Arabic-script
// letters have glyphs, but pdfkit does no bidirectional layout, so mixed RTL/LTR lines may misorder.
// fontkit's subsetting is deterministic, so the bytes stay reproducible.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);

/** The TTF files of the faces every PDF uses, read once. */
const FONTS = {
  regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
  bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  mono: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf')),
} as const;

/** A QR code of `text` as PNG (error correction M, 4 px per module, a 2-module quiet zone). */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 4 });
}

export type PdfPage = {
  /** The document's date (its CreationDate): the issue or filing instant. */
  createdAt: Date;
  title: string;
  subject: string;
  /** Printed at the top: the city and the unit. */
  header: { city: string; unit: string };
  /** Bold title of the page. */
  heading: string;
  /** Label–value rows under the heading. */
  rows: readonly (readonly [label: string, value: string])[];
  /** Paragraphs after the rows. */
  paragraphs: readonly string[];
  /** The QR code's text (a URL) and the caption printed beside it. */
  qr: { url: string; caption: string };
  /** Small print at the bottom. */
  footer: string;
};

/** Draws one A4 page and answers the PDF's bytes. */
export async function renderPdf(page: PdfPage): Promise<Buffer> {
  const qr = await qrPng(page.qr.url);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: page.title,
      Subject: page.subject,
      Author: page.header.unit,
      Creator: 'Layanan',
      Producer: 'Layanan (PDFKit)',
      CreationDate: page.createdAt,
    },
  });
  doc.registerFont('Body', FONTS.regular);
  doc.registerFont('Body-Bold', FONTS.bold);
  doc.registerFont('Mono', FONTS.mono);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 112;
  doc.font('Body-Bold').fontSize(13).text(page.header.city.toUpperCase(), { align: 'center', width });
  doc.font('Body').fontSize(11).text(page.header.unit, { align: 'center', width });
  doc.moveDown(0.4);
  const lineY = doc.y;
  doc
    .moveTo(56, lineY)
    .lineTo(56 + width, lineY)
    .lineWidth(1.2)
    .stroke();
  doc.moveDown(1.2);
  doc.font('Body-Bold').fontSize(14).text(page.heading, { align: 'center', width });
  doc.moveDown(1);
  doc.fontSize(10.5);
  for (const [label, value] of page.rows) {
    const y = doc.y;
    doc.font('Body-Bold').text(label, 56, y, { width: 150 });
    const labelBottom = doc.y;
    doc.font('Body').text(value, 216, y, { width: width - 160 });
    doc.y = Math.max(doc.y, labelBottom) + 3;
  }
  doc.moveDown(0.8);
  doc.font('Body');
  for (const paragraph of page.paragraphs) {
    doc.text(paragraph, 56, doc.y, { width });
    doc.moveDown(0.4);
  }
  doc.moveDown(1);
  const qrY = Math.min(doc.y, doc.page.height - 56 - 190);
  doc.image(qr, 56, qrY, { width: 110 });
  doc.fontSize(9).text(page.qr.caption, 180, qrY + 8, { width: width - 124 });
  doc
    .font('Mono')
    .fontSize(8)
    .text(page.qr.url, 180, doc.y + 4, { width: width - 124 });
  doc
    .font('Body')
    .fontSize(8)
    .text(page.footer, 56, doc.page.height - 56 - 40, { width, align: 'left' });
  doc.end();
  return done;
}
