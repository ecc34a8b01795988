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
  return reply
    .type(file.type)
    .header('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}
