import path from 'node:path';
import type { DocumentMediaType } from './sniff.js';

const EXTENSION: Record<DocumentMediaType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/**
 * The name a stored document is saved and served under: the uploader's stem
 * with the extension of the type read from its bytes. A PDF/HTML polyglot
 * uploaded as "poly.html" is served as "poly.pdf", so no browser or desktop
 * program ever opens it as a web page.
 */
export function documentFileName(uploaded: string, mediaType: DocumentMediaType): string {
  const base = path.basename(uploaded.replaceAll('\\', '/'));
  const stem = base
    .replace(/\.[^.]*$/, '')
    .replace(/[^\w .()-]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return `${stem || 'dokumen'}.${EXTENSION[mediaType]}`;
}
