import { Command, CommanderError } from 'commander';
import { AppError } from '../platform/http/errors.js';
import { registerServe } from './serve.js';
import { registerMigrate } from './migrate.js';
import { registerUsers } from './users.js';
import { registerImport } from './import.js';
import { registerGenerate } from './generate.js';
import { registerDemo } from './demo.js';
import { registerReconcile } from './reconcile.js';

/** `jamkesda` — one file per command, each thin over the services (docs/contracts/cli.md). */
export async function main(argv: string[]): Promise<void> {
  const program = new Command('jamkesda')
    .description('Jamkesda — Jaminan Kesehatan Daerah')
    .option('--data-dir <dir>', 'folder basis data tertanam (bila DATABASE_URL tidak diisi)')
    .option('--json', 'cetak satu objek JSON sebagai ringkasan')
    .exitOverride();
  registerServe(program);
  registerMigrate(program);
  registerUsers(program);
  registerImport(program);
  registerGenerate(program);
  registerDemo(program);
  registerReconcile(program);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    const json = program.opts().json;
    const message = err instanceof AppError ? err.message : (err as Error).message;
    const code = err instanceof AppError ? err.code : 'ERROR';
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: { code, message } })}\n`);
    else process.stderr.write(`Gagal: ${message}\n`);
    if (!(err instanceof AppError) && process.env.DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    process.exitCode = 1;
  }
}
