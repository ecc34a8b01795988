import type { Command } from 'commander';
import { openDb } from '../platform/db/index.js';
import { migrate } from '../platform/db/migrate.js';
import { cliConfig, globalOpts, report } from './shared.js';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('memperbarui skema basis data')
    .action(async (_o, cmd: Command) => {
      const opts = globalOpts(cmd);
      const db = await openDb(cliConfig(opts));
      try {
        const r = await migrate(db);
        report(opts, { ok: true, ...r }, [
          r.applied.length ? `Diterapkan: ${r.applied.join(', ')}` : 'Skema sudah mutakhir.',
        ]);
      } finally {
        await db.close();
      }
    });
}
