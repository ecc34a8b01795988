import type { App } from '../http/app.js';
import { DOCUMENT_TYPES, fileResponse, sendFile } from '../http/download.js';
import { invalid } from '../http/errors.js';
import { idParams, storedDocument } from './schemas.js';
import type { DocumentStore } from './store.js';

/** Upload one supporting document (multipart field "file"); attach its id to a record afterwards. */
export function documentRoutes(app: App, store: DocumentStore) {
  app.post(
    '/api/v1/documents',
    {
      config: { permission: 'document.upload' },
      schema: {
        tags: ['documents'],
        summary: 'Unggah dokumen pendukung (PDF, JPEG, PNG)',
        consumes: ['multipart/form-data'],
        response: { 201: storedDocument },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw invalid('NOT_MULTIPART', 'Kirim berkas sebagai multipart/form-data (kolom file).');
      for await (const part of req.parts()) {
        if (part.type === 'file' && part.fieldname === 'file') {
          const doc = await store.save(part.file, part.filename || 'dokumen');
          return reply.status(201).send(doc);
        }
        if (part.type === 'file') part.file.resume();
      }
      throw invalid('FILE_MISSING', 'Berkas belum dipilih (kolom "file").');
    },
  );

  app.get(
    '/api/v1/documents/:id',
    {
      config: { permission: 'document.read' },
      schema: { response: fileResponse(DOCUMENT_TYPES, 'Dokumen pendukung'), tags: ['documents'], params: idParams },
    },
    async (req, reply) => {
      const { doc, stream } = await store.open(req.params.id);
      return sendFile(reply, { type: doc.mediaType, fileName: doc.fileName, body: stream, inline: true });
    },
  );
}
