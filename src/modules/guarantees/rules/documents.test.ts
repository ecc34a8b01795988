import { describe, expect, it } from 'vitest';
import { documentList } from './documents.js';

const at = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
const doc = (requirement: string, documentId: number, h: number) => ({
  requirement,
  documentId,
  fileName: `${documentId}.pdf`,
  mediaType: 'application/pdf',
  addedAt: at(h),
});

describe('documentList', () => {
  it('marks the earlier upload of a requirement as replaced by the newer one', () => {
    const list = documentList([doc('KK', 1, 1), doc('KTP', 2, 1), doc('KK', 3, 5)], [], null);
    expect(list.map((d) => [d.documentId, d.replacedBy])).toEqual([
      [1, 3],
      [2, null],
      [3, null],
    ]);
  });
  it('flags the copies that predate an open completion request for that requirement', () => {
    const list = documentList([doc('KK', 1, 1), doc('KTP', 2, 1)], ['KK'], at(3));
    expect(list.map((d) => [d.documentId, d.flagged])).toEqual([
      [1, true],
      [2, false],
    ]);
    const after = documentList([doc('KK', 1, 1), doc('KK', 4, 4)], ['KK'], at(3));
    expect(after.map((d) => [d.documentId, d.flagged, d.replacedBy])).toEqual([
      [1, true, 4],
      [4, false, null],
    ]);
  });
});
