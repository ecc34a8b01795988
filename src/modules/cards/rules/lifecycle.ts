/**
 * A family card's life (SPEC MEM-5): issued ACTIVE; printed once in a print
 * batch; handed over to the family; ended either by a reissue (the card
 * becomes REPLACED and a new number is issued) or by revocation (REVOKED).
 * An ended card never becomes active again. At most one card per KK is active.
 *
 * Pure: each function says why an action is refused, or null when allowed.
 */

import { STATUS_LABEL, type CardStatus, type PrintState } from '../labels.js';

export {
  REISSUE_REASONS,
  REVOKE_REASONS,
  type CardStatus,
  type EndReason,
  type IssueReason,
  type PrintState,
  type ReissueReason,
  type RevokeReason,
} from '../labels.js';

export interface Refusal {
  code: string;
  message: string;
}

export interface CardState {
  number: string;
  status: CardStatus;
  issuedOn: string;
  printedOn: string | null;
  handedOverOn: string | null;
}

export function printState(c: Pick<CardState, 'printedOn' | 'handedOverOn'>): PrintState {
  if (c.handedOverOn) return 'SUDAH_DISERAHKAN';
  return c.printedOn ? 'SUDAH_CETAK' : 'BELUM_CETAK';
}

function notActive(c: CardState): Refusal | null {
  if (c.status === 'ACTIVE') return null;
  return {
    code: 'CARD_NOT_ACTIVE',
    message: `Kartu ${c.number} ${STATUS_LABEL[c.status].toLowerCase()}; hanya kartu aktif yang dapat diproses.`,
  };
}

/** A reason note: required, so the register says in words why a card ended. */
export function noteProblem(note: string | undefined | null, what: string): Refusal | null {
  const n = (note ?? '').trim();
  if (n.length < 5) return { code: 'REASON_REQUIRED', message: `Keterangan ${what} wajib diisi (minimal 5 karakter).` };
  if (n.length > 500) return { code: 'REASON_TOO_LONG', message: `Keterangan ${what} paling banyak 500 karakter.` };
  return null;
}

/** Reissue (lost, damaged, family changed) or revoke: only an active card. */
export function endProblem(
  c: CardState,
  note: string | undefined | null,
  action: 'reissue' | 'revoke',
): Refusal | null {
  return notActive(c) ?? noteProblem(note, action === 'reissue' ? 'penerbitan ulang' : 'pencabutan');
}

/** A card goes into one print batch, once: a spoiled print is re-downloaded from its batch, a worn card is reissued. */
export function printProblem(c: CardState & { printBatchId: number | null }): Refusal | null {
  const inactive = notActive(c);
  if (inactive) return inactive;
  if (c.printedOn) {
    return {
      code: 'CARD_ALREADY_PRINTED',
      message: `Kartu ${c.number} sudah dicetak (batch ${c.printBatchId ?? '-'}); unduh ulang PDF batch tersebut bila perlu mencetak lagi.`,
    };
  }
  return null;
}

/** Handing a printed, active card to the family, on a day between printing and today. */
export function handoverProblem(c: CardState, on: string, today: string, recipient: string): Refusal | null {
  const inactive = notActive(c);
  if (inactive) return inactive;
  if (!c.printedOn)
    return {
      code: 'CARD_NOT_PRINTED',
      message: `Kartu ${c.number} belum ditandai sudah dicetak; catat batch cetaknya terlebih dahulu.`,
    };
  if (c.handedOverOn)
    return { code: 'CARD_ALREADY_HANDED_OVER', message: `Kartu ${c.number} sudah diserahkan pada ${c.handedOverOn}.` };
  if (on > today) return { code: 'HANDOVER_DATE_FUTURE', message: 'Tanggal penyerahan tidak boleh setelah hari ini.' };
  if (on < c.printedOn)
    return {
      code: 'HANDOVER_BEFORE_PRINT',
      message: `Tanggal penyerahan tidak boleh sebelum tanggal cetak (${c.printedOn}).`,
    };
  const r = recipient.trim();
  if (r.length < 3 || r.length > 120)
    return { code: 'RECIPIENT_REQUIRED', message: 'Nama penerima kartu wajib diisi (3–120 karakter).' };
  return null;
}
