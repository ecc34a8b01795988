import path from 'node:path';
import { ensureBuilt } from '../scripts/build.mjs';

/**
 * The product's modules as production runs them: compiled by esbuild (tsx,
 * which runs the bench script itself, wraps every closure to keep its name,
 * which would slow the import being measured).
 */
export async function compiled() {
  const main = await ensureBuilt();
  const dist = path.resolve(path.dirname(main), '..');
  const load = (p: string) => import(path.join(dist, p));
  return {
    config: (await load('platform/config.js')) as typeof import('../src/platform/config.js'),
    context: (await load('platform/http/context.js')) as typeof import('../src/platform/http/context.js'),
    system: (await load('system.js')) as typeof import('../src/system.js'),
    synthetic: (await load('modules/synthetic/index.js')) as typeof import('../src/modules/synthetic/index.js'),
  };
}
