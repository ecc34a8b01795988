import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './platform/config.js';
import { openDb, type Db } from './platform/db/index.js';
import { migrate } from './platform/db/migrate.js';
import { AuditWriter } from './platform/audit/audit.js';
import { buildApp, type App } from './platform/http/app.js';
import { createAccessService } from './modules/access/service.js';
import { accessRoutes } from './modules/access/routes.js';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The composition root: opens the database, brings its schema up to date and
 * wires every module's service with exactly what it needs.
 */
export async function createSystem(config: Config, existingDb?: Db) {
  const db = existingDb ?? (await openDb(config));
  await migrate(db);
  const audit = new AuditWriter(db);
  const access = createAccessService(db, config);
  const cookieSecret = config.cookieSecret ?? loadOrCreateSecret(config.dataDir);

  async function close() {
    await audit.flush();
    if (!existingDb) await db.close();
  }

  return { config: { ...config, cookieSecret }, db, audit, access, close };
}

export type System = Awaited<ReturnType<typeof createSystem>>;

export async function createServer(sys: System): Promise<App> {
  const app = await buildApp({
    config: sys.config,
    auth: sys.access,
    health: async () => {
      await sys.db.query('SELECT 1');
    },
    webDist: path.join(ROOT_DIR, 'web', 'dist'),
    routes: (api) => {
      accessRoutes(api, sys.access, sys.config);
    },
  });
  app.addHook('onClose', async () => {
    await sys.audit.flush();
  });
  return app;
}

/** Cookie-signing secret kept beside the data, created on first start; never in the repository. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'cookie-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString('hex');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
