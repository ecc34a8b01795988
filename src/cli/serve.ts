import type { Command } from 'commander';
import { createServer, createSystem } from '../system.js';
import { cliConfig, globalOpts } from './shared.js';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('menjalankan server (API + antarmuka web); PORT, HOST')
    .action(async (_o, cmd: Command) => {
      const sys = await createSystem(cliConfig(globalOpts(cmd)));
      const app = await createServer(sys);
      const stop = async () => {
        await app.close();
        await sys.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const address = await app.listen({ port: sys.config.port, host: sys.config.host });
      app.log.info({ address, database: sys.db.kind }, 'Jamkesda siap');
      process.stdout.write(`Jamkesda berjalan di ${address} (basis data: ${sys.db.kind === 'pg' ? 'PostgreSQL' : 'tertanam'})\n`);
    });
}
