import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export type Pdf = PDFKit.PDFDocument;

/** A4 in PDF points, and the ID-1 card size (85.6 × 54 mm) used by KS-NIK cards. */
export const PAGE = {
  A4: [595.28, 841.89] as [number, number],
  CARD: [242.65, 153.07] as [number, number],
};

/**
 * Renders a PDF in memory with the standard Helvetica fonts (no font files,
 * no network). `draw` adds the pages; the first page is created with `size`.
 */
export async function renderPdf(
  meta: { title: string; subject?: string },
  draw: (doc: Pdf) => void | Promise<void>,
  opts: { size?: [number, number]; margin?: number; autoFirstPage?: boolean } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: opts.size ?? PAGE.A4,
    margin: opts.margin ?? 50,
    autoFirstPage: opts.autoFirstPage ?? true,
    info: { Title: meta.title, Subject: meta.subject ?? meta.title, Author: 'Jamkesda', Creator: 'Jamkesda' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  await draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A QR code as PNG bytes, for `doc.image(...)`. Error correction M survives a worn card. */
export function qrPng(text: string, widthPx = 300): Promise<Buffer> {
  return QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 1, width: widthPx, type: 'png' });
}

/** The public URL a QR code points to, e.g. verificationUrl(base, 'kartu', code). */
export function verificationUrl(
  publicUrl: string,
  kind: 'kartu' | 'rekomendasi' | 'sjp' | 'rujukan',
  code: string,
): string {
  return `${publicUrl}/verifikasi/${kind}/${code}`;
}
