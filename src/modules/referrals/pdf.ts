import { formatDateId } from '../../platform/calendar/format.js';
import { jakartaDate } from '../../platform/calendar/index.js';
import { drawLetterhead, signatureLines, type Letterhead, type Signer } from '../../platform/documents/letterhead.js';
import {
  LETTER,
  labelValueTable,
  renderVerifiableLetter,
  verificationCode,
  verificationFooter,
} from '../../platform/documents/letter.js';
import type { Pdf } from '../../platform/documents/pdf.js';
import { BASIS_LABEL, KIND_LETTER_LABEL } from './labels.js';
import type { Referral } from './repo.js';

const { left: LEFT, right: RIGHT, width: WIDTH } = LETTER;

/** The printable referral letter (surat rujukan) with a QR code to the public verification page. */
export async function renderReferralPdf(
  r: Referral,
  verifyUrl: string,
  head: Letterhead,
  signer: Signer | null,
): Promise<Buffer> {
  return renderVerifiableLetter(
    { title: `Surat Rujukan ${r.number}`, subject: 'Surat Rujukan Jamkesda' },
    verifyUrl,
    (doc, qr) => draw(doc, r, verifyUrl, qr, head, signer),
  );
}

function draw(doc: Pdf, r: Referral, verifyUrl: string, qr: Buffer, head: Letterhead, signer: Signer | null) {
  const y = drawLetterhead(doc, head, { left: LEFT, width: WIDTH, issuer: r.fromFacilityName ?? r.toFacilityName });
  doc
    .fillColor('#111111')
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(r.fromFacilityCode ? 'SURAT RUJUKAN' : 'CATATAN PENERIMAAN GAWAT DARURAT TANPA RUJUKAN', LEFT, y + 20, {
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
    [
      'Kepesertaan',
      r.eligible
        ? `Peserta Jamkesda${r.eligibilityBasis ? ` (${BASIS_LABEL[r.eligibilityBasis] ?? r.eligibilityBasis})` : ''}`
        : 'Bukan peserta pada tanggal rujukan',
    ],
    ['Diagnosis (ICD-10)', `${r.diagnosisCode} — ${r.diagnosisTitle}`],
    ['Jenis rujukan', KIND_LETTER_LABEL[r.kind]],
  ];
  if (r.emergency) rows.push(['Keadaan', 'GAWAT DARURAT']);
  if (r.clinicalNotes) rows.push(['Catatan klinis', r.clinicalNotes]);
  rows.push(['Tanggal', formatDateId(r.createdOn)]);
  labelValueTable(doc, rows);
  signatureAndCode(doc, {
    date: r.createdOn,
    head,
    signer,
    fallbackName: r.creatorName,
    qr,
    verifyCode: r.verifyCode,
    verifyUrl,
  });
}

/** Date, signer (full name and NIP from the profile) on the right; the QR code and footer on the left and bottom. */
function signatureAndCode(
  doc: Pdf,
  o: {
    date: string;
    head: Letterhead;
    signer: Signer | null;
    fallbackName: string | null;
    qr: Buffer;
    verifyCode: string;
    verifyUrl: string;
  },
) {
  const { head, qr, verifyUrl } = o;
  const sy = doc.y + 28;
  const sigX = LEFT + WIDTH * 0.52;
  const sig = signatureLines(o.signer, o.fallbackName);
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(`${head.place ? `${head.place}, ` : ''}${formatDateId(o.date)}`, sigX, sy, { width: RIGHT - sigX });
  doc.text(o.signer?.position ? `${o.signer.position},` : 'Petugas,', sigX, doc.y, { width: RIGHT - sigX });
  doc.font('Helvetica-Bold').text(sig.name, sigX, doc.y + 48, { width: RIGHT - sigX, underline: true });
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(sig.nip, sigX, doc.y, { width: RIGHT - sigX });
  verificationCode(doc, qr, sy, o.verifyCode);
  verificationFooter(doc, verifyUrl);
}

/**
 * REF-5: the back-referral letter (surat rujukan balik) from the receiving
 * hospital to the referring facility: the patient's condition on return and
 * the follow-up asked of the referrer, signed by the officer who recorded it.
 */
export async function renderBackReferralPdf(
  r: Referral,
  verifyUrl: string,
  head: Letterhead,
  signer: Signer | null,
  fallbackName: string | null,
): Promise<Buffer> {
  return renderVerifiableLetter(
    { title: `Surat Rujukan Balik ${r.number}`, subject: 'Surat Rujukan Balik Jamkesda' },
    verifyUrl,
    (doc, qr) => {
      const y = drawLetterhead(doc, head, { left: LEFT, width: WIDTH, issuer: r.toFacilityName });
      doc
        .fillColor('#111111')
        .font('Helvetica-Bold')
        .fontSize(13)
        .text('SURAT RUJUKAN BALIK', LEFT, y + 20, { width: WIDTH, align: 'center', underline: true });
      doc.font('Helvetica').fontSize(11).text(`Atas rujukan nomor: ${r.number}`, { width: WIDTH, align: 'center' });
      doc.moveDown(1.2);
      doc.text(`Kepada Yth. ${r.fromFacilityName ?? 'Fasilitas kesehatan tingkat pertama pasien'}`, LEFT, doc.y, {
        width: WIDTH,
      });
      doc.moveDown(0.5);
      doc.text('Bersama ini kami kembalikan pasien berikut untuk perawatan lanjutan di fasilitas Saudara:', {
        width: WIDTH,
      });
      doc.moveDown(0.5);
      const day = (iso: string | null) => (iso ? formatDateId(jakartaDate(new Date(iso))) : '-');
      labelValueTable(doc, [
        ['Nama', r.personName],
        ['NIK', r.nik],
        ['Diagnosis (ICD-10)', `${r.diagnosisCode} — ${r.diagnosisTitle}`],
        [
          'Dirujuk',
          r.fromFacilityName
            ? `${formatDateId(r.createdOn)} oleh ${r.fromFacilityName}`
            : 'Gawat darurat tanpa rujukan',
        ],
        ['Dirawat', `${day(r.admittedAt)} s.d. ${day(r.returnedAt)}`],
        ['Kondisi saat kembali', r.returnCondition ?? '-'],
        ['Tindak lanjut', r.returnFollowUp ?? '-'],
      ]);
      const on = r.returnedAt ? jakartaDate(new Date(r.returnedAt)) : r.createdOn;
      signatureAndCode(doc, { date: on, head, signer, fallbackName, qr, verifyCode: r.verifyCode, verifyUrl });
    },
  );
}
