import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The repository root (where package.json says "jamkesda"), found from this file whether it runs from src/ or dist/src/. */
export function projectRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'jamkesda') return (root = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Jamkesda project root (package.json) not found');
    dir = up;
  }
}
