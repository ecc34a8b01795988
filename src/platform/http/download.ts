import { z } from 'zod';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A file for the browser to save (or, `inline`, to show): letters, cards,
 * reports and uploaded documents. All of them hold personal data, so none is
 * cached on the way, and the browser takes the declared type as given.
 */
export function sendFile(
  reply: FastifyReply,
  file: { type: string; fileName: string; body: Buffer | NodeJS.ReadableStream; inline?: boolean },
) {
  if (file.inline) {
    // Our own pages may show a document in a frame (preview); no other site may.
    reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'none'; object-src 'self'; frame-ancestors 'self'",
    );
    reply.header('x-frame-options', 'SAMEORIGIN');
  }
  return reply
    .type(file.type)
    .header('content-disposition', contentDisposition(file.inline ? 'inline' : 'attachment', file.fileName))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

/** A header value no file name can break out of: an ASCII fallback and the exact name in RFC 5987 form. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (ascii === fileName) return `${kind}; filename="${fileName}"`;
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The stored documents' types (see documents/sniff.ts): a scan is a PDF or a photo. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/**
 * The response schema of a route that sends a file: its media types and what it is, for the OpenAPI
 * document. A Buffer or stream is sent as it is (Fastify serialises only objects), so nothing is checked.
 */
export function fileResponse(types: string | readonly string[], description: string) {
  const schema = z.string().meta({ format: 'binary' });
  const content = Object.fromEntries((typeof types === 'string' ? [types] : types).map((t) => [t, { schema }]));
  return { 200: { description, content } };
}
