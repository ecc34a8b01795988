import { PAGE, qrPng, renderPdf, type Pdf } from './pdf.js';

/**
 * The parts every verifiable A4 letter shares (Dinsos recommendation, referral, back-referral,
 * SJP): one page geometry, the QR code to the public verification page with its code, the
 * footer naming that page, and the "label : value" table. Each module draws its own text.
 */

const [PAGE_W, PAGE_H] = PAGE.A4;
export const LETTER = { left: 64, right: PAGE_W - 64, width: PAGE_W - 128, pageW: PAGE_W, pageH: PAGE_H } as const;
const INK = '#111111';
const MUTED = '#555555';

/** The verification code in groups of four, as it is easier to read aloud: "ABCD-EFGH-JKMN". */
export function groupedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** Renders an A4 letter whose `draw` gets the QR code (PNG) of `verifyUrl`. */
export async function renderVerifiableLetter(
  meta: { title: string; subject: string },
  verifyUrl: string,
  draw: (doc: Pdf, qr: Buffer) => void,
): Promise<Buffer> {
  const qr = await qrPng(verifyUrl, 360);
  return renderPdf(meta, (doc) => draw(doc, qr), { size: PAGE.A4, margin: 56 });
}

/** The QR code at the left margin from `top`, with the words to scan it and the code to type instead. */
export function verificationCode(doc: Pdf, qr: Buffer, top: number, code: string) {
  doc.image(qr, LETTER.left, top, { fit: [96, 96] });
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text('Pindai untuk memeriksa keabsahan', LETTER.left, top + 100, { width: 150 });
  doc
    .font('Helvetica-Bold')
    .fontSize(8.5)
    .fillColor(INK)
    .text(`Kode: ${code}`, LETTER.left, doc.y + 1, { width: 150 });
}

/**
 * The footer line naming the verification page, inside the bottom margin (so it never starts a
 * second page); `rule` draws a thin line above it.
 */
export function verificationFooter(doc: Pdf, verifyUrl: string, opts: { rule?: boolean } = {}) {
  doc.page.margins.bottom = 0;
  if (opts.rule) {
    doc
      .moveTo(LETTER.left, PAGE_H - 52)
      .lineTo(LETTER.right, PAGE_H - 52)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
  }
  doc
    .font('Helvetica')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(`Diterbitkan melalui sistem Jamkesda. Verifikasi: ${verifyUrl}`, LETTER.left, PAGE_H - 44, {
      width: LETTER.width,
      align: 'center',
      lineBreak: false,
    });
}

/** Label : value rows, the value wrapping in its own column; `bold` picks the rows whose value is set in bold. */
export function labelValueTable(doc: Pdf, rows: [string, string][], bold: (label: string) => boolean = () => false) {
  const labelX = LETTER.left + 18;
  const colonX = LETTER.left + 148;
  const valueX = LETTER.left + 158;
  doc.font('Helvetica').fontSize(11);
  for (const [label, value] of rows) {
    const top = doc.y;
    doc.text(label, labelX, top, { width: colonX - labelX - 4 });
    const afterLabel = doc.y;
    doc.text(':', colonX, top);
    doc.font(bold(label) ? 'Helvetica-Bold' : 'Helvetica').text(value, valueX, top, { width: LETTER.right - valueX });
    doc.font('Helvetica');
    doc.y = Math.max(afterLabel, doc.y) + 3;
  }
  doc.x = LETTER.left;
}
