import { formatDateId } from '../../platform/calendar/format.js';
import { jakartaDate, jakartaDateTime } from '../../platform/calendar/index.js';
import { drawLetterhead, signatureLines, type Letterhead, type Signer } from '../../platform/documents/letterhead.js';
import { LETTER, groupedCode, renderVerifiableLetter } from '../../platform/documents/letter.js';
import type { Pdf } from '../../platform/documents/pdf.js';
import { BASIS_LETTER_LABELS, CARE_LABELS } from './labels.js';
import type { SjpView } from './service.js';

const { left: LEFT, right: RIGHT, width: WIDTH } = LETTER;

/**
 * The printable guarantee letter (SJP-3): number, patient, facility, care type,
 * class III (SJP-7), diagnosis, validity, the deciding officer and a QR code to
 * the public verification page.
 */
export type LetterData = SjpView & {
  costCutoffAt?: string | null;
  placedClass?: string | null;
  placedSince?: string | null;
  diagnosisTitle?: string | null;
};

export async function renderSjpLetter(
  s: LetterData,
  verifyUrl: string,
  head: Letterhead,
  signer: Signer | null,
): Promise<Buffer> {
  return renderVerifiableLetter(
    { title: `SJP ${s.number}`, subject: 'Surat Jaminan Pelayanan Jamkesda' },
    verifyUrl,
    (doc, qr) => draw(doc, s, verifyUrl, qr, head, signer),
  );
}

function row(doc: Pdf, label: string, value: string) {
  const y = doc.y;
  doc.font('Helvetica').fontSize(10.5).fillColor('#555555').text(label, LEFT, y, { width: 170 });
  doc.fillColor('#111111').text(`: ${value}`, LEFT + 170, y, { width: WIDTH - 170 });
  doc.moveDown(0.35);
}

function draw(doc: Pdf, s: LetterData, verifyUrl: string, qr: Buffer, head: Letterhead, signer: Signer | null) {
  const y = drawLetterhead(doc, head, { left: LEFT, width: WIDTH }) - 3.5;
  doc
    .fillColor('#111111')
    .font('Helvetica-Bold')
    .fontSize(13)
    .text('SURAT JAMINAN PELAYANAN (SJP)', LEFT, y + 24, { width: WIDTH, align: 'center', underline: true });
  doc.font('Helvetica').fontSize(11).text(`Nomor: ${s.number}`, { width: WIDTH, align: 'center' });
  doc.moveDown(1.2);
  doc
    .fontSize(10.5)
    .text(
      `Dinas Kesehatan${head.region ? ` ${head.region}` : ''} menjamin biaya pelayanan kesehatan peserta Jamkesda berikut:`,
      LEFT,
      doc.y,
      { width: WIDTH },
    );
  doc.moveDown(0.6);
  row(doc, 'Nama pasien', s.patientName);
  row(doc, 'NIK', s.nik ?? '(bayi baru lahir, belum ber-NIK)');
  row(doc, 'Dasar kepesertaan', BASIS_LETTER_LABELS[s.basis] ?? s.basis);
  row(doc, 'Fasilitas kesehatan', `${s.facilityName} (${s.facilityCode})`);
  row(doc, 'Jenis pelayanan', CARE_LABELS[s.careType] ?? s.careType);
  row(doc, 'Kelas perawatan', `Kelas ${s.careClass}`);
  const adm = jakartaDateTime(new Date(s.admittedAt));
  row(doc, 'Tanggal/jam masuk', `${formatDateId(adm.date)} pukul ${adm.time} WIB`);
  // The ICD-10 name where the table has the code; the hospital's own words otherwise.
  const diagnosisName = s.diagnosisTitle ?? s.diagnosisText;
  row(doc, 'Diagnosis (ICD-10)', diagnosisName ? `${s.diagnosisCode} — ${diagnosisName}` : s.diagnosisCode);
  row(doc, 'Masa berlaku', `${formatDateId(s.validFrom!)} s.d. ${formatDateId(s.validTo!)}`);
  if (s.lateHours && s.lateHours > 0) row(doc, 'Catatan', `Berkas diajukan terlambat ${s.lateHours} jam kerja.`);
  if (s.costCutoffAt) {
    const c = jakartaDateTime(new Date(s.costCutoffAt));
    row(
      doc,
      'Batas biaya (cut-off)',
      `Biaya sebelum ${formatDateId(c.date)} pukul ${c.time} WIB ditanggung pasien (umum).`,
    );
  }
  if (s.placedClass && s.placedSince) {
    row(
      doc,
      'Penempatan kelas',
      `Kelas ${s.placedClass} sejak ${formatDateId(jakartaDate(new Date(s.placedSince)))} karena kelas III penuh (tarif insidentil).`,
    );
  }
  doc.moveDown(0.8);
  doc
    .fontSize(9.5)
    .fillColor('#333333')
    .text(
      'Jaminan berlaku untuk perawatan kelas III. Penempatan di atas kelas III atas permintaan pasien tidak dijamin; penempatan di atas kelas III karena kelas III penuh wajib dilaporkan rumah sakit.',
      LEFT,
      doc.y,
      { width: WIDTH },
    );
  const top = doc.y + 24;
  doc.image(qr, LEFT, top, { width: 110 });
  doc
    .fontSize(9)
    .fillColor('#555555')
    .text('Verifikasi keabsahan surat ini:', LEFT + 124, top + 8, { width: 145 });
  doc.fillColor('#111111').font('Helvetica-Bold').text(groupedCode(s.trackingCode), { width: 145 });
  doc.font('Helvetica').fillColor('#555555').fontSize(8).text(verifyUrl, { width: 145 });
  const decided = s.decidedAt ? formatDateId(jakartaDate(new Date(s.decidedAt))) : '';
  doc
    .fontSize(10.5)
    .fillColor('#111111')
    .text(`${head.place ? `${head.place}, ` : 'Ditetapkan '}${decided}`, RIGHT - 190, top + 8, {
      width: 190,
      align: 'center',
    });
  doc.text(signer?.position ?? 'Petugas SJP Dinas Kesehatan', { width: 190, align: 'center' });
  doc.moveDown(3);
  const sig = signatureLines(signer, s.decidedBy);
  doc.font('Helvetica-Bold').text(sig.name, { width: 190, align: 'center', underline: true });
  doc.font('Helvetica').fontSize(9.5).text(sig.nip, { width: 190, align: 'center' });
}
