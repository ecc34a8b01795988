import type { Queryable } from './types.js';

/**
 * Loads into an empty table the way PostgreSQL loads fastest: drop its
 * indexes and unique/primary-key constraints, insert, then build them again
 * by sorting. The definitions are read from the catalogue, so indexes added
 * by later migrations are rebuilt too. Run inside the loading transaction.
 */
export async function withIndexesRebuilt<T>(tx: Queryable, table: string, load: () => Promise<T>): Promise<T> {
  const constraints = (
    await tx.query<{ name: string; def: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid = $1::regclass AND contype IN ('p', 'u') ORDER BY contype, conname`,
      [table],
    )
  ).rows;
  const indexes = (
    await tx.query<{ name: string; def: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      [table],
    )
  ).rows;
  for (const i of indexes) await tx.exec(`DROP INDEX ${quoteIdent(i.name)}`);
  for (const c of constraints) await tx.exec(`ALTER TABLE ${quoteIdent(table)} DROP CONSTRAINT ${quoteIdent(c.name)}`);
  const result = await load();
  for (const c of constraints)
    await tx.exec(`ALTER TABLE ${quoteIdent(table)} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.def}`);
  for (const i of indexes) await tx.exec(i.def);
  return result;
}

export async function isEmpty(q: Queryable, table: string): Promise<boolean> {
  const r = await q.query(`SELECT 1 FROM ${quoteIdent(table)} LIMIT 1`);
  return r.rows.length === 0;
}

/** Memory for the sorts and hashes of one bulk transaction (the defaults are sized for many small queries). */
export async function bulkSessionSettings(q: Queryable, kind: 'pg' | 'pglite') {
  const mem = kind === 'pg' ? { work: '256MB', maintenance: '1GB' } : { work: '64MB', maintenance: '256MB' };
  await q.exec(`SET LOCAL work_mem = '${mem.work}'; SET LOCAL maintenance_work_mem = '${mem.maintenance}'`);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
