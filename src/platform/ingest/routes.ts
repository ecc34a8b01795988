import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { App } from '../http/app.js';
import { AppError, invalid, notFound } from '../http/errors.js';
import type { Permission } from '../http/permissions.js';
import { isRealDate } from './values.js';
import type { ImportRunner } from './runner.js';
import type { AuditWriter } from '../audit/audit.js';
import { fileResponse, sendFile } from '../http/download.js';
import type { ImportHistory } from './history.js';
import { historyQuery, importHistory, reportParams, uploadAccepted, type ImportKind } from './schemas.js';

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
  deps: { history: ImportHistory; runner: ImportRunner; audit: AuditWriter },
  kind: ImportKind,
  permission: Permission,
) {
  app.post(
    `/api/v1/imports/${kind}`,
    {
      config: { permission },
      // The body is multipart (asOf, then the file), read as a stream below: no zod body.
      schema: { tags: ['imports'], consumes: ['multipart/form-data'], response: { 202: uploadAccepted } },
    },
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
    {
      config: { permission },
      schema: {
        response: fileResponse('text/csv', 'Baris yang ditolak (CSV)'),
        tags: ['imports'],
        params: reportParams,
      },
    },
    async (req, reply) => {
      const p = await deps.history.reportPath(kind, req.params.id);
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

/** History of every kind, newest first. */
export function importHistoryRoute(app: App, history: ImportHistory) {
  app.get(
    '/api/v1/imports',
    {
      config: { permission: 'import.read' },
      schema: { tags: ['imports'], querystring: historyQuery, response: { 200: importHistory } },
    },
    async (req) => history.list(req.query),
  );
}
