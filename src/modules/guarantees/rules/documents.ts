/**
 * The documents of a request as the page lists them. A requirement may hold
 * several uploads: when the officer asks for a document again (completion) and
 * the hospital uploads a new one, the newest counts and the earlier ones are
 * kept for the record but marked as replaced, so nobody reads the flagged copy
 * by mistake.
 */
export interface StoredDoc {
  requirement: string;
  documentId: number;
  fileName: string;
  mediaType: string;
  addedAt: Date;
}

export interface ListedDoc extends StoredDoc {
  /** The newer upload for the same requirement that replaces this one; null for the one in force. */
  replacedBy: number | null;
  /** The officer asked for this requirement again (open completion request) and this copy predates the request. */
  flagged: boolean;
}

export function documentList(
  docs: readonly StoredDoc[],
  missing: readonly string[],
  completionAskedAt: Date | null,
): ListedDoc[] {
  const latest = new Map<string, StoredDoc>();
  for (const d of docs) {
    const cur = latest.get(d.requirement);
    if (
      !cur ||
      d.addedAt.getTime() > cur.addedAt.getTime() ||
      (d.addedAt.getTime() === cur.addedAt.getTime() && d.documentId > cur.documentId)
    ) {
      latest.set(d.requirement, d);
    }
  }
  return docs.map((d) => {
    const newest = latest.get(d.requirement)!;
    return {
      ...d,
      replacedBy: newest.documentId === d.documentId ? null : newest.documentId,
      flagged:
        missing.includes(d.requirement) &&
        completionAskedAt !== null &&
        d.addedAt.getTime() <= completionAskedAt.getTime(),
    };
  });
}
