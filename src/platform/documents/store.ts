import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { auditInTx } from '../audit/audit.js';
import type { Db, Queryable } from '../db/index.js';
import { requireScope, scopeFacility } from '../http/actor.js';
import { currentContext } from '../http/context.js';
import { AppError, forbidden, invalid, notFound } from '../http/errors.js';
import { documentFileName } from './names.js';
import { sniffMediaType, type DocumentMediaType } from './sniff.js';

export interface StoredDocument {
  id: number;
  sha256: string;
  mediaType: DocumentMediaType;
  sizeBytes: number;
  fileName: string;
  facilityCode: string | null;
}

/**
 * Supporting documents kept outside the database under their SHA-256. The
 * type is read from the content (an executable renamed .pdf is refused), the
 * size is capped while streaming, and a document uploaded by a facility is
 * served only to that facility and to office staff.
 */
export function createDocumentStore(db: Db, dir: string, maxBytes: number) {
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });

  function fileOf(sha256: string) {
    return path.join(dir, sha256.slice(0, 2), sha256);
  }

  /** Streams an upload to disk, checks it, and records it. Nothing is kept when a check fails. */
  async function save(stream: Readable, fileName: string): Promise<StoredDocument> {
    const tmp = path.join(dir, 'tmp', `${process.pid}-${crypto.randomBytes(8).toString('hex')}`);
    const hash = crypto.createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const out = fs.createWriteStream(tmp);
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) {
          stream.resume();
          throw new AppError(
            'too_large',
            'DOCUMENT_TOO_LARGE',
            `Berkas "${fileName}" melebihi ${Math.round(maxBytes / 1024 / 1024)} MB.`,
          );
        }
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16)]);
        hash.update(chunk);
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      if (size === 0) throw invalid('DOCUMENT_EMPTY', `Berkas "${fileName}" kosong.`);
      const mediaType = sniffMediaType(head);
      if (!mediaType) {
        throw invalid(
          'DOCUMENT_TYPE',
          `Isi berkas "${fileName}" bukan PDF, JPEG atau PNG. Unggah hasil pindai dokumen dalam salah satu format itu.`,
        );
      }
      const sha256 = hash.digest('hex');
      const target = fileOf(sha256);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(tmp, target);
      // An upload outside any request (a seed script, a test) is stored without owner or facility.
      const actor = currentContext()?.actor;
      const cleanName = documentFileName(fileName, mediaType);
      return await db.tx(async (tx) => {
        const r = await tx.query<{ id: number }>(
          `INSERT INTO stored_document (sha256, media_type, size_bytes, file_name, facility_code, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [sha256, mediaType, size, cleanName, actor?.facilityCode ?? null, actor && actor.id > 0 ? actor.id : null],
        );
        const id = Number(r.rows[0]!.id);
        await auditInTx(tx, {
          action: 'document.upload',
          entityType: 'document',
          entityId: String(id),
          details: { mediaType, sizeBytes: size },
        });
        return {
          id,
          sha256,
          mediaType,
          sizeBytes: size,
          fileName: cleanName,
          facilityCode: actor?.facilityCode ?? null,
        };
      });
    } finally {
      out.destroy();
      fs.rmSync(tmp, { force: true });
    }
  }

  /** The document's record, if the current actor may see it. `q` is the caller's transaction, when it has one. */
  async function get(id: number, q: Queryable = db): Promise<StoredDocument> {
    const r = await q.query<{
      id: number;
      sha256: string;
      media_type: DocumentMediaType;
      size_bytes: number;
      file_name: string;
      facility_code: string | null;
    }>('SELECT id, sha256, media_type, size_bytes, file_name, facility_code FROM stored_document WHERE id = $1', [id]);
    const row = r.rows[0];
    const facility = scopeFacility(requireScope());
    // A facility user asking for another facility's document learns nothing, not even that it exists.
    if (!row || (facility !== null && row.facility_code !== facility))
      throw notFound('DOCUMENT_NOT_FOUND', 'Dokumen tidak ditemukan.');
    return {
      id: Number(row.id),
      sha256: row.sha256,
      mediaType: row.media_type,
      sizeBytes: Number(row.size_bytes),
      fileName: documentFileName(row.file_name, row.media_type),
      facilityCode: row.facility_code,
    };
  }

  /** Opens the bytes for download; the read is audited. */
  async function open(id: number): Promise<{ doc: StoredDocument; stream: Readable }> {
    const doc = await get(id);
    await db.tx((tx) => auditInTx(tx, { action: 'document.read', entityType: 'document', entityId: String(id) }));
    return { doc, stream: fs.createReadStream(fileOf(doc.sha256)) };
  }

  /** Throws unless every id is a document the current actor may use (for attaching to a record). */
  async function requireUsable(ids: number[], q: Queryable = db): Promise<void> {
    for (const id of ids) {
      try {
        await get(id, q);
      } catch {
        throw forbidden(`Dokumen ${id} tidak ada atau bukan milik fasilitas Anda.`);
      }
    }
  }

  /**
   * The stored name and type of documents a record already holds, by id, for listing them beside the
   * record (the record's own access rule decides who sees the list, so no actor check here).
   */
  async function describe(ids: readonly number[]): Promise<Map<number, { fileName: string; mediaType: string }>> {
    const out = new Map<number, { fileName: string; mediaType: string }>();
    if (ids.length === 0) return out;
    const r = await db.query<{ id: number; file_name: string; media_type: string }>(
      'SELECT id, file_name, media_type FROM stored_document WHERE id = ANY($1::bigint[])',
      [ids],
    );
    for (const row of r.rows) out.set(Number(row.id), { fileName: row.file_name, mediaType: row.media_type });
    return out;
  }

  return { save, get, open, requireUsable, describe };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
