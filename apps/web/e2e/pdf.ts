// Reads the PDFs the gateway makes as a stranger would: the text through PDF.js (Mozilla's
// reader) and the QR codes decoded by jsQR from the images embedded in the page, so a test checks
// what the printed document carries, not the payload the gateway meant to draw.
import jsQR from 'jsqr';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfImage = { width: number; height: number; kind: number; data: Uint8Array | Uint8ClampedArray };

/** PDF.js's pixel layouts (ImageKind): 1 bit grey (rows padded to bytes), RGB, RGBA. */
function toRgba(image: PdfImage): Uint8ClampedArray {
  const { width, height, kind, data } = image;
  if (kind === 3) return new Uint8ClampedArray(data);
  const rgba = new Uint8ClampedArray(width * height * 4);
  const rowBytes = (width + 7) >> 3;
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      if (kind === 1) {
        const v = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
        rgba.set([v, v, v, 255], i);
      } else {
        const j = (y * width + x) * 3;
        rgba.set([data[j]!, data[j + 1]!, data[j + 2]!, 255], i);
      }
    }
  return rgba;
}

/** The text of every page (its text items joined by newlines) and what each QR code image says. */
export async function readPdf(bytes: Uint8Array): Promise<{ text: string; qrCodes: string[] }> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
  }).promise;
  const lines: string[] = [];
  const qrCodes: string[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      for (const item of (await page.getTextContent()).items) if ('str' in item) lines.push(item.str);
      const operators = await page.getOperatorList();
      for (const [i, op] of operators.fnArray.entries()) {
        if (op !== OPS.paintImageXObject) continue;
        const name = operators.argsArray[i]?.[0] as string;
        const image = (await new Promise((resolve) => page.objs.get(name, resolve))) as PdfImage;
        const decoded = jsQR(toRgba(image), image.width, image.height);
        if (decoded) qrCodes.push(decoded.data);
      }
    }
  } finally {
    await pdf.destroy();
  }
  return { text: lines.join('\n'), qrCodes };
}
