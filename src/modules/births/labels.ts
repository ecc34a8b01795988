/**
 * The words of the births module that the server and the web app both show (MEM-3.2). Plain
 * records; this file imports nothing, so the web app may import it as values.
 */

export const BIRTH_DOCUMENT_KINDS = ['AKTA_KELAHIRAN', 'SURAT_KETERANGAN_LAHIR'] as const;
export type BirthDocumentKind = (typeof BIRTH_DOCUMENT_KINDS)[number];

export const BIRTH_DOCUMENT_LABELS: Record<BirthDocumentKind, string> = {
  AKTA_KELAHIRAN: 'Akta kelahiran',
  SURAT_KETERANGAN_LAHIR: 'Surat keterangan lahir',
};

export const BIRTH_STATUSES = ['ACTIVE', 'CANCELLED'] as const;
export type BirthStatus = (typeof BIRTH_STATUSES)[number];

export const BIRTH_STATUS_LABELS: Record<BirthStatus, string> = { ACTIVE: 'Berlaku', CANCELLED: 'Dibatalkan' };
