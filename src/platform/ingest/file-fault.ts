/**
 * Issue 10: a file whose rows are (nearly) all rejected is a broken file, not
 * a statement that every resident left. It ends the import as failed, with no
 * change set and nothing applied; the rejected-rows report stays downloadable.
 * Pure, so the threshold's edge is tested without a database.
 */

/** Share (percent) of a file's rows that may be rejected before the whole file is refused. */
export const DEFAULT_MAX_REJECTED_PERCENT = 20;

export interface FileCounts {
  rowsRead: number;
  accepted: number;
  /** Rows rejected by the row rule or as duplicate NIKs. */
  rejected: number;
}

/** The message of a file-level fault, or null when the file may go on. */
export function fileFaultProblem(
  label: string,
  c: FileCounts,
  maxRejectedPercent = DEFAULT_MAX_REJECTED_PERCENT,
): string | null {
  const after =
    'Tidak ada data yang diubah dan tidak ada daftar perubahan yang dibuat; unduh laporan baris yang ditolak, perbaiki berkasnya, lalu impor lagi.';
  if (c.rowsRead === 0) return `Berkas ${label} tidak berisi satu baris data pun (hanya judul kolom). ${after}`;
  if (c.accepted === 0) {
    return `Tidak ada satu baris pun yang diterima dari ${c.rowsRead.toLocaleString('id-ID')} baris berkas ${label} (periksa pemisah kolom dan formatnya). ${after}`;
  }
  const share = (c.rejected / c.rowsRead) * 100;
  if (share > maxRejectedPercent) {
    return (
      `${c.rejected.toLocaleString('id-ID')} dari ${c.rowsRead.toLocaleString('id-ID')} baris berkas ${label} ditolak ` +
      `(${share.toLocaleString('id-ID', { maximumFractionDigits: 1 })} %, batas ${maxRejectedPercent} %): berkas dianggap rusak. ${after}`
    );
  }
  return null;
}
