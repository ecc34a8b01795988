import type { Command } from 'commander';
import { loadConfig, type Config } from '../platform/config.js';
import { runWithContext, systemContext } from '../platform/http/context.js';
import { createSystem, type System } from '../system.js';

export interface GlobalOpts {
  dataDir?: string;
  json?: boolean;
}

export function globalOpts(cmd: Command): GlobalOpts {
  return cmd.optsWithGlobals() as GlobalOpts;
}

export function cliConfig(opts: GlobalOpts): Config {
  const env = { ...process.env };
  if (opts.dataDir) env.DATA_DIR = opts.dataDir;
  return loadConfig(env);
}

/** Opens the system for one command, runs it as the local operator, and always closes. */
export async function withSystem<T>(opts: GlobalOpts, fn: (sys: System) => Promise<T>): Promise<T> {
  const sys = await createSystem(cliConfig(opts));
  try {
    return await runWithContext(systemContext(`cli:${process.env.USER ?? 'operator'}`), () => fn(sys));
  } finally {
    await sys.close();
  }
}

/** Prints the JSON summary with --json, else the human lines. */
export function report(opts: GlobalOpts, summary: Record<string, unknown>, human: string[]) {
  if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else process.stdout.write(`${human.join('\n')}\n`);
}
