import { formatDateId } from '../../platform/calendar/format.js';
import QRCode from 'qrcode';
import { PAGE, renderPdf, type Pdf } from '../../platform/documents/pdf.js';
import type { Letterhead } from '../../platform/documents/letterhead.js';

/**
 * The KS-NIK card as a PDF: a front (program, city, card number, KK, head of
 * family, village, issue date, QR to the public verification page) and a back
 * (every member with NIK and relation; members pending e-KTP marked so, and
 * members listed only as JKN-PBI marked "dijamin JKN-PBI", decision 0020).
 *
 * Two layouts: CARD — ID-1 pages (85.6 × 54 mm), front then back, for card
 * printers; A4 — eight cards a sheet, a sheet of fronts followed by a sheet of
 * backs mirrored left–right, so a duplex print flipped on the long edge puts
 * each back behind its front, with cut marks.
 *
 * Text is placed without pdfkit's line wrapping (which adds pages on its own)
 * and shrunk to fit its box.
 */

export type CardLayout = 'CARD' | 'A4';

export interface PrintableCard {
  number: string;
  noKk: string;
  issuedOn: string;
  headName: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  villageName: string | null;
  districtName: string | null;
  regencyName: string | null;
  verifyUrl: string;
  verifyCode: string;
  /** `coverage` on the issue date (decision 0020): a JKN-PBI member is listed, marked, never covered by the card. */
  members: readonly {
    nik: string;
    name: string;
    relation: string;
    included: boolean;
    coverage?: 'COVERED' | 'PBI_JKN' | null;
  }[];
}

const [W, H] = PAGE.CARD;
const GREEN = '#0b7a5a';
const GREEN_DARK = '#03563e';
const GREEN_PALE = '#e7f7f1';
const INK = '#1d2a24';
const MUTED = '#5f6b66';
const PENDING = '#a4540a';
/** What the back says of a member listed but not yet covered (MEM-5). */
const PENDING_NOTE = 'menunggu perekaman e-KTP';
const PBI = '#1f5fa8';
/** What the back says of a member listed only to mirror the KK: government-paid JKN, not Jamkesda (Perda 9/2018 ps. 7). */
const PBI_NOTE = 'dijamin JKN-PBI';
const isPbi = (m: PrintableCard['members'][number]) => m.coverage === 'PBI_JKN';

type Font = 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique' | 'Courier' | 'Courier-Bold';

/** Writes one line at (x, y), shrinking the size until it fits maxWidth; align relative to x (right: x is the right edge). */
function put(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  o: {
    font: Font;
    size: number;
    color?: string;
    maxWidth?: number;
    align?: 'left' | 'right' | 'center';
    minSize?: number;
  },
) {
  let size = o.size;
  doc.font(o.font).fontSize(size);
  if (o.maxWidth) {
    const min = o.minSize ?? Math.max(3.5, o.size * 0.6);
    while (size > min && doc.widthOfString(text) > o.maxWidth) {
      size -= 0.25;
      doc.fontSize(size);
    }
    if (doc.widthOfString(text) > o.maxWidth) {
      let t = text;
      while (t.length > 1 && doc.widthOfString(`${t}…`) > o.maxWidth) t = t.slice(0, -1);
      text = `${t.trimEnd()}…`;
    }
  }
  const w = doc.widthOfString(text);
  const left = o.align === 'right' ? x - w : o.align === 'center' ? x - w / 2 : x;
  doc.fillColor(o.color ?? INK).text(text, left, y, { lineBreak: false });
}

function group(digits: string): string {
  return /^\d{16}$/.test(digits) ? `${digits.slice(0, 6)} ${digits.slice(6, 12)} ${digits.slice(12)}` : digits;
}

/** 'KOTA BEKASI' → 'Kota Bekasi'. */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

function cityOf(c: PrintableCard): string {
  return c.regencyName ? titleCase(c.regencyName) : `Daerah ${c.number.slice(3, 7)}`;
}

function healthCross(doc: Pdf, cx: number, cy: number, r: number) {
  doc.circle(cx, cy, r).fill('#ffffff');
  const arm = r * 0.36;
  const len = r * 1.3;
  doc.rect(cx - arm / 2, cy - len / 2, arm, len).fill(GREEN);
  doc.rect(cx - len / 2, cy - arm / 2, len, arm).fill(GREEN);
}

type QrMatrix = { size: number; dark: (row: number, col: number) => boolean };

/** The QR symbol of a text (error correction M survives a worn card). */
function qrMatrix(text: string): QrMatrix {
  const m = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  return { size: m.size, dark: (r, c) => m.data[r * m.size + c] === 1 };
}

/**
 * Draws a QR symbol as vector squares (runs of dark modules merged): sharp at
 * any printer resolution, and far lighter than an embedded image per card.
 */
function drawQr(doc: Pdf, qr: QrMatrix, x: number, y: number, size: number) {
  const cell = size / qr.size;
  for (let r = 0; r < qr.size; r++) {
    let c = 0;
    while (c < qr.size) {
      if (!qr.dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < qr.size && qr.dark(r, c)) c++;
      // A hair of overlap so no white seams show between rows.
      doc.rect(x + start * cell, y + r * cell, (c - start) * cell, cell + 0.05);
    }
  }
  doc.fill('#000000');
}

function front(doc: Pdf, c: PrintableCard, qr: QrMatrix, head?: Letterhead) {
  // Header band with the issuing office.
  doc.rect(0, 0, W, 36).fill(GREEN);
  doc.rect(0, 36, W, 2).fill(GREEN_DARK);
  healthCross(doc, 19, 18, 10.5);
  // The issuing government from the one letterhead setting when there is one; else the family's own regency.
  put(doc, head?.region ? head.government : `PEMERINTAH ${cityOf(c).toUpperCase()}`, 35, 8.5, {
    font: 'Helvetica-Bold',
    size: 7.4,
    color: '#ffffff',
    maxWidth: 150,
  });
  put(doc, 'DINAS KESEHATAN', 35, 18.5, { font: 'Helvetica', size: 6.4, color: '#ffffff', maxWidth: 150 });
  put(doc, 'KS-NIK', W - 10, 9, { font: 'Helvetica-Bold', size: 12, color: '#ffffff', align: 'right' });
  put(doc, 'JAMKESDA', W - 10, 23, { font: 'Helvetica', size: 5.6, color: '#d9f1e7', align: 'right' });

  // A pale seal behind the fields, so a photocopy looks different from the card.
  doc
    .circle(W - 44, H - 40, 58)
    .fillOpacity(0.55)
    .fill(GREEN_PALE)
    .fillOpacity(1);

  put(doc, 'Jamkesda — Kartu Sehat Berbasis NIK', 10, 44, {
    font: 'Helvetica-Bold',
    size: 7.2,
    color: GREEN_DARK,
    maxWidth: W - 20,
  });
  put(doc, c.number, 10, 55, { font: 'Courier-Bold', size: 13.5, color: INK, maxWidth: 150 });

  const fields: [string, string][] = [
    ['Nomor KK', group(c.noKk)],
    ['Kepala keluarga', c.headName],
    [
      'Kelurahan/desa',
      [c.villageName, c.districtName ? `Kec. ${c.districtName}` : null].filter(Boolean).join(', ') || '-',
    ],
    ['Tanggal terbit', formatDateId(c.issuedOn)],
  ];
  let y = 73;
  for (const [label, value] of fields) {
    put(doc, label.toUpperCase(), 10, y, { font: 'Helvetica', size: 4.6, color: MUTED });
    put(doc, value, 10, y + 5.6, {
      font: label === 'Nomor KK' ? 'Courier-Bold' : 'Helvetica-Bold',
      size: 7,
      color: INK,
      maxWidth: 150,
    });
    y += 15;
  }

  // QR to the public verification page, with the code for those who type it.
  const q = 66;
  const qx = W - q - 9;
  const qy = 46;
  doc.roundedRect(qx - 6, qy - 6, q + 12, q + 12, 3).fill('#ffffff');
  drawQr(doc, qr, qx, qy, q);
  put(doc, 'Pindai untuk verifikasi', qx + q / 2, qy + q + 5, {
    font: 'Helvetica',
    size: 4.6,
    color: MUTED,
    align: 'center',
  });
  put(doc, c.verifyCode.replace(/(.{4})(?=.)/g, '$1 '), qx + q / 2, qy + q + 11, {
    font: 'Courier-Bold',
    size: 5.6,
    color: INK,
    align: 'center',
  });

  doc.rect(0, H - 12, W, 12).fill(GREEN);
  put(doc, 'Dilarang meminjamkan kartu ini kepada orang lain (Perda 9/2018 ps. 13).', W / 2, H - 8.6, {
    font: 'Helvetica',
    size: 4.8,
    color: '#ffffff',
    align: 'center',
    maxWidth: W - 16,
  });
}

function back(doc: Pdf, c: PrintableCard) {
  doc.rect(0, 0, W, 20).fill(GREEN);
  put(doc, 'DAFTAR ANGGOTA KELUARGA', 9, 7, { font: 'Helvetica-Bold', size: 7, color: '#ffffff' });
  put(doc, c.number, W - 9, 7.2, { font: 'Courier-Bold', size: 6.8, color: '#ffffff', align: 'right' });

  const top = 25;
  const bottom = H - 22;
  const n = c.members.length;
  const anyPbi = c.members.some(isPbi);
  const anyPending = c.members.some((m) => !m.included && !isPbi(m));
  if (n <= 7) {
    // One column: name and relation on the first line, NIK and any pending note under them.
    const rowH = Math.min(15.5, (bottom - top) / Math.max(n, 1));
    c.members.forEach((m, i) => {
      const y = top + i * rowH;
      if (i % 2 === 1) doc.rect(6, y - 1.5, W - 12, rowH).fill('#f3f7f5');
      const color = m.included ? INK : MUTED;
      put(doc, `${i + 1}.`, 9, y, { font: 'Helvetica', size: 6.2, color: MUTED });
      put(doc, m.name, 19, y, { font: 'Helvetica-Bold', size: 6.6, color, maxWidth: 140 });
      put(doc, m.relation, W - 9, y + 0.4, {
        font: 'Helvetica',
        size: 5.6,
        color: MUTED,
        align: 'right',
        maxWidth: 64,
      });
      put(doc, `NIK ${group(m.nik)}`, 19, y + 7.3, { font: 'Courier', size: 5.8, color });
      if (!m.included)
        put(doc, isPbi(m) ? PBI_NOTE : PENDING_NOTE, W - 9, y + 7.4, {
          font: isPbi(m) ? 'Helvetica-Bold' : 'Helvetica-Oblique',
          size: 5.4,
          color: isPbi(m) ? PBI : PENDING,
          align: 'right',
          maxWidth: 80,
        });
    });
  } else {
    // Two columns for large families; a pending member carries a mark explained below the list.
    const perCol = Math.ceil(n / 2);
    const rowH = (bottom - top) / perCol;
    const colW = (W - 18) / 2;
    const size = Math.min(5.8, rowH * 0.42);
    c.members.forEach((m, i) => {
      const x = 9 + Math.floor(i / perCol) * (colW + 4);
      const y = top + (i % perCol) * rowH;
      const color = m.included ? INK : MUTED;
      put(doc, `${i + 1}. ${m.name}${m.included ? '' : isPbi(m) ? ' **' : ' *'}`, x, y, {
        font: 'Helvetica-Bold',
        size,
        color,
        maxWidth: colW - 4,
      });
      put(doc, `${group(m.nik)} · ${m.relation}`, x + 7, y + size + 1.1, {
        font: 'Courier',
        size: size * 0.92,
        color,
        maxWidth: colW - 11,
      });
    });
  }

  doc
    .moveTo(9, H - 19)
    .lineTo(W - 9, H - 19)
    .lineWidth(0.4)
    .strokeColor('#b9d8cb')
    .stroke();
  const notes = [
    anyPending
      ? n <= 7
        ? 'Menunggu e-KTP: belum tercakup kartu ini.'
        : '* menunggu e-KTP: belum tercakup kartu ini.'
      : null,
    anyPbi
      ? n <= 7
        ? 'Dijamin JKN-PBI: ditanggung BPJS Kesehatan, bukan kartu ini.'
        : '** dijamin JKN-PBI: ditanggung BPJS Kesehatan, bukan kartu ini.'
      : null,
  ].filter((x) => x !== null);
  const note = notes.length ? notes.join(' ') : 'Bukti kepesertaan Jamkesda (Perda 9/2018 ps. 9). Bawa bersama KTP/KK.';
  const flagged = notes.length > 0;
  put(doc, note, 9, H - 16, {
    font: flagged ? 'Helvetica-Oblique' : 'Helvetica',
    size: 4.8,
    color: anyPending ? PENDING : anyPbi ? PBI : MUTED,
    maxWidth: W - 18,
    minSize: 3.6,
  });
  put(
    doc,
    `Bila menemukan kartu ini, serahkan ke Dinas Kesehatan ${cityOf(c)}. Verifikasi: ${c.verifyUrl.replace(/^https?:\/\//, '')}`,
    9,
    H - 9.5,
    {
      font: 'Helvetica',
      size: 4.4,
      color: MUTED,
      maxWidth: W - 18,
      minSize: 3.2,
    },
  );
}

function atOffset(doc: Pdf, x: number, y: number, draw: () => void) {
  doc.save();
  doc.translate(x, y);
  // Clip to the card so nothing bleeds into a neighbour on a sheet.
  doc.rect(0, 0, W, H).clip();
  draw();
  doc.restore();
}

const SHEET = { cols: 2, rows: 4, gapX: 20, gapY: 18 };
export const CARDS_PER_SHEET = SHEET.cols * SHEET.rows;

function cutMarks(doc: Pdf, x: number, y: number) {
  const m = 7;
  doc.lineWidth(0.3).strokeColor('#9aa5a0');
  for (const [cx, cy] of [
    [x, y],
    [x + W, y],
    [x, y + H],
    [x + W, y + H],
  ] as const) {
    const sx = cx === x ? -1 : 1;
    const sy = cy === y ? -1 : 1;
    doc
      .moveTo(cx + sx * 2, cy)
      .lineTo(cx + sx * (2 + m), cy)
      .stroke();
    doc
      .moveTo(cx, cy + sy * 2)
      .lineTo(cx, cy + sy * (2 + m))
      .stroke();
  }
}

function sheetHeader(doc: Pdf, text: string) {
  put(doc, text, PAGE.A4[0] / 2, 28, {
    font: 'Helvetica',
    size: 8,
    color: MUTED,
    align: 'center',
    maxWidth: PAGE.A4[0] - 80,
  });
}

/** The cards as one PDF in the layout asked for; page count: 2 per card (CARD) or 2 per 8 cards (A4). */
export async function renderCardsPdf(
  cards: readonly PrintableCard[],
  layout: CardLayout,
  title: string,
  head?: Letterhead,
): Promise<Buffer> {
  const qrs = cards.map((c) => qrMatrix(c.verifyUrl));
  return renderPdf(
    { title, subject: 'Kartu Sehat Berbasis NIK (KS-NIK)' },
    (doc) => {
      if (layout === 'CARD') {
        cards.forEach((c, i) => {
          doc.addPage({ size: PAGE.CARD, margin: 0 });
          atOffset(doc, 0, 0, () => front(doc, c, qrs[i]!, head));
          doc.addPage({ size: PAGE.CARD, margin: 0 });
          atOffset(doc, 0, 0, () => back(doc, c));
        });
        return;
      }
      const [pw, ph] = PAGE.A4;
      const left = (pw - SHEET.cols * W - (SHEET.cols - 1) * SHEET.gapX) / 2;
      const topY = (ph - SHEET.rows * H - (SHEET.rows - 1) * SHEET.gapY) / 2;
      const sheets = Math.ceil(cards.length / CARDS_PER_SHEET);
      for (let s = 0; s < sheets; s++) {
        const part = cards.slice(s * CARDS_PER_SHEET, (s + 1) * CARDS_PER_SHEET);
        for (const side of ['front', 'back'] as const) {
          doc.addPage({ size: PAGE.A4, margin: 0 });
          sheetHeader(
            doc,
            side === 'front'
              ? `${title} · lembar ${s + 1}/${sheets} · sisi depan`
              : `${title} · lembar ${s + 1}/${sheets} · sisi belakang (cetak bolak-balik, balik pada sisi panjang)`,
          );
          part.forEach((c, i) => {
            const col = i % SHEET.cols;
            const row = Math.floor(i / SHEET.cols);
            // Backs mirror left and right so each lands behind its front.
            const slot = side === 'front' ? col : SHEET.cols - 1 - col;
            const x = left + slot * (W + SHEET.gapX);
            const y = topY + row * (H + SHEET.gapY);
            cutMarks(doc, x, y);
            atOffset(doc, x, y, () =>
              side === 'front' ? front(doc, c, qrs[s * CARDS_PER_SHEET + i]!, head) : back(doc, c),
            );
          });
        }
      }
    },
    { size: layout === 'CARD' ? PAGE.CARD : PAGE.A4, margin: 0, autoFirstPage: false },
  );
}

/** Pages in a PDF, counted from its page objects (used by tests and checks). */
export function pdfPageCount(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
