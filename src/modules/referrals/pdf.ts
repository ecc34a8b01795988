import { formatDateId } from '../../platform/calendar/format.js';
import { PAGE, qrPng, renderPdf, type Pdf } from '../../platform/documents/pdf.js';
import type { Referral } from './repo.js';

const [PAGE_W, PAGE_H] = PAGE.A4;
const LEFT = 64;
const RIGHT = PAGE_W - 64;
const WIDTH = RIGHT - LEFT;
const MUTED = '#555555';

const BASIS_LABEL: Record<string, string> = {
  RESIDENT: 'penduduk terdaftar',
  NEWBORN: 'bayi baru lahir dari peserta',
  DINSOS_RECOMMENDATION: 'rekomendasi Dinas Sosial',
  POOR: 'penduduk miskin terverifikasi',
};
const KIND_LABEL = { MEDICAL: 'Medis (memerlukan layanan spesialistik)', NON_MEDICAL: 'Non-medis (keterbatasan tempat tidur/sarana)' } as const;

/** The printable referral letter (surat rujukan) with a QR code to the public verification page. */
export async function renderReferralPdf(r: Referral, verifyUrl: string): Promise<Buffer> {
  const qr = await qrPng(verifyUrl, 360);
  return renderPdf({ title: `Surat Rujukan ${r.number}`, subject: 'Surat Rujukan Jamkesda' }, (doc) => draw(doc, r, verifyUrl, qr), { size: PAGE.A4, margin: 56 });
}

function draw(doc: Pdf, r: Referral, verifyUrl: string, qr: Buffer) {
  doc.font('Helvetica-Bold').fontSize(14).text(r.fromFacilityName ?? r.toFacilityName, LEFT, 50, { width: WIDTH, align: 'center' });
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text('Program Jaminan Kesehatan Daerah (Jamkesda)', { width: WIDTH, align: 'center' });
  const y = doc.y + 8;
  doc.moveTo(LEFT, y).lineTo(RIGHT, y).lineWidth(1.5).strokeColor('#111111').stroke();
  doc.fillColor('#111111').font('Helvetica-Bold').fontSize(13).text(r.fromFacilityCode ? 'SURAT RUJUKAN' : 'CATATAN PENERIMAAN GAWAT DARURAT TANPA RUJUKAN', LEFT, y + 20, {
    width: WIDTH,
    align: 'center',
    underline: true,
  });
  doc.font('Helvetica').fontSize(11).text(`Nomor: ${r.number}`, { width: WIDTH, align: 'center' });
  doc.moveDown(1.2);
  doc.text(`Kepada Yth. ${r.toFacilityName}`, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.5);
  doc.text('Mohon pemeriksaan dan penanganan lebih lanjut atas pasien:', { width: WIDTH });
  doc.moveDown(0.5);
  const rows: [string, string][] = [
    ['Nama', r.personName],
    ['NIK', r.nik],
    ['Kepesertaan', r.eligible ? `Peserta Jamkesda${r.eligibilityBasis ? ` (${BASIS_LABEL[r.eligibilityBasis] ?? r.eligibilityBasis})` : ''}` : 'Bukan peserta pada tanggal rujukan'],
    ['Diagnosis (ICD-10)', `${r.diagnosisCode} — ${r.diagnosisTitle}`],
    ['Jenis rujukan', KIND_LABEL[r.kind]],
  ];
  if (r.emergency) rows.push(['Keadaan', 'GAWAT DARURAT']);
  if (r.clinicalNotes) rows.push(['Catatan klinis', r.clinicalNotes]);
  rows.push(['Tanggal', formatDateId(r.createdOn)]);
  table(doc, rows);

  const sy = doc.y + 28;
  const sigX = LEFT + WIDTH * 0.52;
  doc.font('Helvetica').fontSize(11).text(`${formatDateId(r.createdOn)}`, sigX, sy, { width: RIGHT - sigX });
  doc.text('Petugas,', sigX, doc.y, { width: RIGHT - sigX });
  doc.font('Helvetica-Bold').text(r.creatorName, sigX, doc.y + 48, { width: RIGHT - sigX, underline: true });
  doc.image(qr, LEFT, sy, { fit: [96, 96] });
  doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text('Pindai untuk memeriksa keabsahan', LEFT, sy + 100, { width: 150 });
  doc.font('Helvetica-Bold').fontSize(8.5).fillColor('#111111').text(`Kode: ${r.verifyCode}`, LEFT, doc.y + 1, { width: 150 });

  doc.page.margins.bottom = 0;
  doc.font('Helvetica').fontSize(7.5).fillColor(MUTED).text(`Diterbitkan melalui sistem Jamkesda. Verifikasi: ${verifyUrl}`, LEFT, PAGE_H - 44, {
    width: WIDTH,
    align: 'center',
    lineBreak: false,
  });
}

function table(doc: Pdf, rows: [string, string][]) {
  const labelX = LEFT + 18;
  const colonX = LEFT + 148;
  const valueX = LEFT + 158;
  doc.font('Helvetica').fontSize(11);
  for (const [label, value] of rows) {
    const top = doc.y;
    doc.text(label, labelX, top, { width: colonX - labelX - 4 });
    const after = doc.y;
    doc.text(':', colonX, top);
    doc.text(value, valueX, top, { width: RIGHT - valueX });
    doc.y = Math.max(after, doc.y) + 3;
  }
  doc.x = LEFT;
}
