import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { App } from '../http/app.js';
import { AppError, invalid, notFound } from '../http/errors.js';
import type { Permission } from '../http/permissions.js';
import { isRealDate } from './values.js';
import type { ImportKind, ImportRunner } from './runner.js';
import type { Db } from '../db/index.js';
import type { AuditWriter } from '../audit/audit.js';
import { sendFile } from '../http/download.js';

const TABLE: Record<ImportKind, string> = {
  population: 'population_import',
  jkn: 'jkn_import',
  poverty: 'poverty_import',
};

function checkAsOf(asOf: string | undefined): string {
  const m = asOf ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf) : null;
  if (!m || !isRealDate(+m[1]!, +m[2]!, +m[3]!))
    throw invalid('INVALID_DATE', 'Tanggal data (asOf) wajib diisi dengan format YYYY-MM-DD.');
  return asOf!;
}

/**
 * Upload, history and rejected-rows report for one kind of snapshot import.
 * The upload streams to disk (size-limited) and the import runs as a job.
 */
export function importRoutes(
  app: App,
  deps: { db: Db; runner: ImportRunner; audit: AuditWriter },
  kind: ImportKind,
  permission: Permission,
) {
  app.post(
    `/api/v1/imports/${kind}`,
    { config: { permission }, schema: { tags: ['imports'], consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      if (!req.isMultipart())
        throw invalid('NOT_MULTIPART', 'Kirim berkas sebagai multipart/form-data (kolom asOf lalu file).');
      const release = await deps.runner.lock(kind);
      let filePath: string | null = null;
      try {
        let asOf: string | undefined;
        let fileName = '';
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'asOf') asOf = String(part.value);
            continue;
          }
          if (part.fieldname !== 'file') {
            part.file.resume();
            continue;
          }
          fileName = part.filename || 'berkas';
          const lower = fileName.toLowerCase();
          if (!lower.endsWith('.csv') && !lower.endsWith('.xlsx') && !lower.endsWith('.txt')) {
            part.file.resume();
            throw invalid('FILE_TYPE', 'Berkas harus CSV (.csv) atau Excel (.xlsx).');
          }
          filePath = deps.runner.uploadPath(fileName);
          await pipeline(part.file, fs.createWriteStream(filePath));
          if (part.file.truncated)
            throw new AppError('too_large', 'TOO_LARGE', 'Berkas melebihi batas ukuran unggahan.');
        }
        if (!filePath) throw invalid('FILE_MISSING', 'Berkas belum dipilih (kolom "file").');
        const date = checkAsOf(asOf);
        const { jobId, done } = await deps.runner.start(
          { kind, filePath, fileName, asOf: date, ownsFile: true },
          release,
        );
        done.catch(() => undefined); // the job row records the failure
        return reply.status(202).send({ jobId, importId: null });
      } catch (err) {
        await release();
        if (filePath) await fs.promises.rm(filePath, { force: true });
        throw err;
      }
    },
  );

  app.get(
    `/api/v1/imports/${kind}/:id/report`,
    { config: { permission }, schema: { tags: ['imports'], params: z.object({ id: z.coerce.number().int() }) } },
    async (req, reply) => {
      const r = await deps.db.query<{ report_path: string | null }>(
        `SELECT report_path FROM ${TABLE[kind]} WHERE id = $1`,
        [req.params.id],
      );
      const p = r.rows[0]?.report_path;
      if (!p || !fs.existsSync(p)) throw notFound('REPORT_NOT_FOUND', 'Laporan impor tidak ditemukan.');
      await deps.audit.record({
        action: `${kind}.import.report_download`,
        entityType: `${kind}_import`,
        entityId: String(req.params.id),
      });
      return sendFile(reply, {
        type: 'text/csv; charset=utf-8',
        fileName: `laporan-impor-${kind}-${req.params.id}.csv`,
        body: fs.createReadStream(p),
      });
    },
  );
}

/** History of both kinds, newest first. */
export function importHistoryRoute(app: App, db: Db) {
  app.get(
    '/api/v1/imports',
    {
      config: { permission: 'import.read' },
      schema: {
        tags: ['imports'],
        querystring: z.object({
          kind: z.enum(['population', 'jkn', 'poverty']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => {
      const kinds = req.query.kind ? [req.query.kind] : (['population', 'jkn', 'poverty'] as const);
      // Population and JKN imports after the first are reviewed as change sets (MEM-7); the history links to them.
      const changeSet = (k: ImportKind) =>
        k === 'poverty'
          ? 'NULL::bigint'
          : `(SELECT c.id FROM reconciliation_change_set c WHERE c.kind = '${k}' AND c.import_id = x.id)`;
      const parts = kinds.map(
        (
          k,
        ) => `SELECT id, '${k}' AS kind, as_of, file_name, status, rows_read, accepted, rejected, warnings, inserted, updated, unchanged,
                 created_at, finished_at, job_id, report_path IS NOT NULL AS has_report, ${changeSet(k)} AS change_set_id FROM ${TABLE[k]} x`,
      );
      const r = await db.query<Record<string, unknown>>(
        `${parts.join(' UNION ALL ')} ORDER BY created_at DESC LIMIT $1`,
        [req.query.limit],
      );
      return {
        items: r.rows.map((x) => ({
          id: x.id,
          kind: x.kind,
          asOf: x.as_of,
          fileName: x.file_name,
          status: x.status,
          rowsRead: x.rows_read,
          accepted: x.accepted,
          rejected: x.rejected,
          warnings: x.warnings,
          inserted: x.inserted,
          updated: x.updated,
          unchanged: x.unchanged,
          createdAt: x.created_at,
          finishedAt: x.finished_at,
          jobId: x.job_id,
          hasReport: x.has_report,
          changeSetId: x.change_set_id === null ? null : Number(x.change_set_id),
        })),
      };
    },
  );
}
