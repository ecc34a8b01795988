import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths.js';
import type { Db } from './types.js';

export const MIGRATIONS_DIR = path.join(projectRoot(), 'migrations');

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies every migrations/NNNN_*.sql not yet recorded, in order, each in its
 * own transaction, under one lock so that processes starting together do not
 * race. A recorded migration whose file has changed stops everything: the
 * files are forward-only.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const release = await db.lock('jamkesda:migrate');
  try {
    await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
      id text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
      .sort();
    const done = new Map(
      (await db.query<{ id: string; checksum: string }>('SELECT id, checksum FROM schema_migration')).rows.map((r) => [
        r.id,
        r.checksum,
      ]),
    );
    const applied: string[] = [];
    for (const file of files) {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      const checksum = crypto.createHash('sha256').update(sql).digest('hex');
      const id = file.replace(/\.sql$/, '');
      const known = done.get(id);
      if (known) {
        if (known !== checksum)
          throw new Error(`Migration ${file} was changed after it was applied; add a new migration instead.`);
        continue;
      }
      await db.tx(async (tx) => {
        await tx.exec(sql);
        await tx.query('INSERT INTO schema_migration (id, checksum) VALUES ($1, $2)', [id, checksum]);
      });
      applied.push(id);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await release();
  }
}
