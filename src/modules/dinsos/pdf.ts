import { formatDateId } from '../../platform/calendar/format.js';
import {
  LETTER,
  groupedCode,
  labelValueTable,
  renderVerifiableLetter,
  verificationCode,
  verificationFooter,
} from '../../platform/documents/letter.js';
import type { Pdf } from '../../platform/documents/pdf.js';
import { drawLetterhead, signatureLines, type Signer } from '../../platform/documents/letterhead.js';
import type { Letterhead } from './letterhead.js';
import type { Letter } from './repo.js';
import { CATEGORY_BASIS, CATEGORY_LABEL, INSTITUTION_LABEL } from './rules/categories.js';

const { left: LEFT, right: RIGHT, width: WIDTH, pageW: PAGE_W, pageH: PAGE_H } = LETTER;
const INK = '#111111';

/**
 * The printable letter (DIN-1): letterhead, number, the person, category,
 * reason, validity, issuing officer and a QR code to the public verification
 * page. A revoked letter prints with a "DICABUT" mark and the date.
 */
export async function renderLetterPdf(
  l: Letter,
  head: Letterhead,
  verifyUrl: string,
  signer: Signer | null = null,
): Promise<Buffer> {
  return renderVerifiableLetter(
    { title: `Surat Rekomendasi ${l.number}`, subject: 'Surat Rekomendasi Jaminan Kesehatan Daerah' },
    verifyUrl,
    (doc, qr) => draw(doc, l, head, verifyUrl, qr, signer),
  );
}

function draw(doc: Pdf, l: Letter, head: Letterhead, verifyUrl: string, qr: Buffer, signer: Signer | null) {
  // A revoked letter carries a large mark beneath the text.
  if (l.status === 'REVOKED') {
    doc.save();
    // Centred over the person's details, clear of the QR code.
    const cy = PAGE_H * 0.4;
    doc.rotate(-30, { origin: [PAGE_W / 2, cy] });
    doc
      .fillColor('#b42318')
      .opacity(0.13)
      .font('Helvetica-Bold')
      .fontSize(100)
      .text('DICABUT', 0, cy - 50, {
        width: PAGE_W,
        align: 'center',
        lineBreak: false,
      });
    doc.restore();
  }
  doc.fillColor(INK).opacity(1);

  // Letterhead (kop surat)
  let y = drawLetterhead(doc, head, { left: LEFT, width: WIDTH }) - 3.5;

  // Title and number
  doc
    .fillColor(INK)
    .font('Helvetica-Bold')
    .fontSize(13)
    .text('SURAT REKOMENDASI JAMINAN KESEHATAN DAERAH', LEFT, y + 24, {
      width: WIDTH,
      align: 'center',
      underline: true,
    });
  doc.font('Helvetica').fontSize(11).text(`Nomor: ${l.number}`, { width: WIDTH, align: 'center' });

  if (l.status === 'REVOKED' && l.revokedOn) {
    doc.moveDown(0.6);
    const boxY = doc.y;
    doc.rect(LEFT, boxY, WIDTH, 24).lineWidth(1).strokeColor('#b42318').stroke();
    doc
      .fillColor('#b42318')
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`DICABUT: surat ini tidak berlaku mulai ${formatDateId(l.revokedOn)}.`, LEFT, boxY + 7, {
        width: WIDTH,
        align: 'center',
      });
    doc.fillColor(INK);
    doc.y = boxY + 24;
  }

  doc.moveDown(1.2);
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(
      `Yang bertanda tangan di bawah ini, atas nama ${head.head}, memberikan rekomendasi jaminan pelayanan kesehatan melalui program Jaminan Kesehatan Daerah (Jamkesda) kepada:`,
      LEFT,
      doc.y,
      { width: WIDTH, align: 'justify', lineGap: 2 },
    );
  doc.moveDown(0.6);

  const rows: [string, string][] = [
    ['Nama', l.personName],
    ['NIK', l.nik],
    ['Tanggal lahir', formatDateId(l.birthDate)],
    ['Jenis kelamin', l.sex === 'L' ? 'Laki-laki' : 'Perempuan'],
  ];
  if (l.noKk) rows.push(['Nomor KK', l.noKk]);
  rows.push(['Alamat', l.address ?? (l.institution ? `d/a ${l.institution}` : '-')]);
  rows.push(['Kategori', CATEGORY_LABEL[l.category]]);
  if (l.institution) rows.push([INSTITUTION_LABEL[l.category], l.institution]);
  rows.push(['Alasan', l.reason]);
  rows.push(['Masa berlaku', `${formatDateId(l.validFrom)} s.d. ${formatDateId(l.validTo)}`]);
  labelValueTable(doc, rows, (label) => label === 'Nama' || label === 'NIK');

  doc.moveDown(0.8);
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(
      `Rekomendasi ini diberikan berdasarkan ${CATEGORY_BASIS[l.category]} dan berlaku sebagai pengganti Kartu Sehat untuk pengurusan Surat Jaminan Pelayanan (SJP) di Dinas Kesehatan, dilampiri fotokopi KTP dan Kartu Keluarga bila ada. Rekomendasi tidak berlaku lagi bila masa berlakunya habis atau dicabut oleh Dinas Sosial; keabsahannya dapat diperiksa dengan memindai kode QR pada surat ini.`,
      LEFT,
      doc.y,
      { width: WIDTH, align: 'justify', lineGap: 2 },
    );

  // Signature block on the right, QR code on the left, side by side.
  y = doc.y + 24;
  const sigX = LEFT + WIDTH * 0.52;
  const sigW = RIGHT - sigX;
  doc.font('Helvetica').fontSize(11);
  doc.text(`${head.place ?? '....................'}, ${formatDateId(l.issuedOn)}`, sigX, y, { width: sigW });
  doc.text(`a.n. ${head.head}`, sigX, doc.y, { width: sigW });
  doc.text('Petugas penerbit,', sigX, doc.y, { width: sigW });
  const sig = signatureLines(signer, l.issuerName);
  doc.font('Helvetica-Bold').text(sig.name, sigX, doc.y + 52, { width: sigW, underline: true });
  doc.font('Helvetica').text(sig.nip, sigX, doc.y, { width: sigW });

  verificationCode(doc, qr, y, groupedCode(l.verifyCode));
  verificationFooter(doc, verifyUrl, { rule: true });
}
