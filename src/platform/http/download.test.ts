import Fastify from 'fastify';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { contentDisposition, sendFile } from './download.js';

describe('sendFile', () => {
  const app = Fastify();
  app.get('/letter', (_req, reply) =>
    sendFile(reply, { type: 'application/pdf', fileName: 'surat.pdf', body: Buffer.from('%PDF-1.4') }),
  );
  app.get('/doc', (_req, reply) =>
    sendFile(reply, { type: 'image/png', fileName: 'kk.png', body: Readable.from([Buffer.from('png')]), inline: true }),
  );

  it('answers a download that is never cached and keeps its declared type', async () => {
    const r = await app.inject('/letter');
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe('attachment; filename="surat.pdf"');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.body).toBe('%PDF-1.4');
  });

  it('shows a document inline, streamed', async () => {
    const r = await app.inject('/doc');
    expect(r.headers['content-disposition']).toBe('inline; filename="kk.png"');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body).toBe('png');
  });

  it('keeps a file name from breaking out of the header', () => {
    expect(contentDisposition('attachment', 'a"b\\c.pdf')).toBe(
      `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`,
    );
    expect(contentDisposition('inline', 'Surat Ø.pdf')).toBe(
      `inline; filename="Surat _.pdf"; filename*=UTF-8''Surat%20%C3%98.pdf`,
    );
    expect(contentDisposition('inline', 'x\r\nSet-Cookie: a=b.pdf')).toMatch(
      /^inline; filename="x__Set-Cookie: a=b.pdf"; filename\*=UTF-8''x%0D%0ASet-Cookie/,
    );
  });

  it('lets only our own pages frame a file shown inline', async () => {
    const r = await app.inject('/doc');
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
