// Compiles src/ to dist/src/ with esbuild, file by file (same layout, so paths
// relative to a module stay valid). Runs in a fraction of a second; the CLI
// calls ensureBuilt() so a fresh clone or an edited source never runs stale code.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const OUT = path.join(ROOT, 'dist');
const STAMP = path.join(OUT, '.built');

function sources(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function newestMtime(files) {
  let m = fs.statSync(path.join(ROOT, 'scripts', 'build.mjs')).mtimeMs;
  for (const f of files) m = Math.max(m, fs.statSync(f).mtimeMs);
  return m;
}

export async function build() {
  const files = sources(SRC);
  const tmp = `${OUT}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: files,
    outdir: path.join(tmp, 'src'),
    outbase: SRC,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(tmp, '.built'), new Date().toISOString());
  // Swap in whole, so a process starting meanwhile never sees half a build.
  const old = `${OUT}.old-${process.pid}`;
  if (fs.existsSync(OUT)) fs.renameSync(OUT, old);
  fs.renameSync(tmp, OUT);
  fs.rmSync(old, { recursive: true, force: true });
}

export async function ensureBuilt() {
  const files = sources(SRC);
  const fresh = fs.existsSync(STAMP) && fs.statSync(STAMP).mtimeMs >= newestMtime(files);
  if (!fresh) await build();
  return path.join(OUT, 'src', 'cli', 'main.js');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build();
}
