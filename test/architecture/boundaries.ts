import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLISHED_READS, TABLE_OWNERS } from './tables.js';

/**
 * The module boundaries (decision 0023), checked from the source text: a module reaches another only
 * through its index.ts, the platform knows no module, the web app takes only types from the server's
 * schema files, and SQL touches another module's table only to read it where the owner publishes it.
 * Hand-written because dependency-cruiser cannot read TypeScript 7 and no tool knows our table owners.
 */

export const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '../..'));

export interface Violation {
  file: string;
  line: number;
  rule: 'module-through-index' | 'platform-knows-no-module' | 'web-takes-types-only' | 'foreign-table';
  message: string;
}

export interface SourceFile {
  /** Path from the repository root, with forward slashes. */
  path: string;
  text: string;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE_IMPORT = /(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

interface ImportRef {
  target: string;
  typeOnly: boolean;
  line: number;
}

function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The repository path an import specifier points at, or null for a package. */
function resolveTarget(from: string, spec: string): string | null {
  if (spec.startsWith('@server/')) return normalize(join('src', spec.slice('@server/'.length)));
  if (!spec.startsWith('.')) return null;
  return normalize(join(dirname(from), spec)).replace(/\\/g, '/');
}

export function importsOf(file: SourceFile): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const m of file.text.matchAll(IMPORT)) {
    const target = resolveTarget(file.path, m[4]!);
    if (!target) continue;
    const clause = m[3]!.trim();
    const named = clause.match(/^\{([\s\S]*)\}$/);
    const allTypeSpecifiers =
      named !== null &&
      named[1]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '));
    refs.push({ target, typeOnly: Boolean(m[2]) || allTypeSpecifiers, line: lineAt(file.text, m.index! + 1) });
  }
  for (const re of [BARE_IMPORT, DYNAMIC_IMPORT])
    for (const m of file.text.matchAll(re)) {
      const target = resolveTarget(file.path, m[1]!);
      if (target) refs.push({ target, typeOnly: false, line: lineAt(file.text, m.index! + 1) });
    }
  return refs;
}

function moduleOf(path: string): string | null {
  return path.match(/^src\/modules\/([^/]+)\//)?.[1] ?? null;
}

/** Where a file belongs for table ownership: a module's name, or the platform part (`platform/audit`). */
function ownerOf(path: string): string | null {
  return moduleOf(path) ?? path.match(/^src\/(platform\/[^/.]+)/)?.[1] ?? null;
}

const stripExt = (p: string) => p.replace(/\.(js|ts|tsx)$/, '');

export function checkImports(file: SourceFile): Violation[] {
  const out: Violation[] = [];
  const from = file.path;
  const fromModule = moduleOf(from);
  const isTest = /\.test\.tsx?$/.test(from);
  for (const ref of importsOf(file)) {
    const toModule = moduleOf(ref.target);
    const target = stripExt(ref.target);
    if (from.startsWith('web/src/')) {
      if (!ref.target.startsWith('src/')) continue;
      // Types from a schema file; values only from a labels file (plain records, no server code behind them).
      const schemaFile = /^src\/(modules|platform)\/[^/]+\/schemas$/.test(target) || target === 'src/platform/schemas';
      const labelsFile = /^src\/(modules|platform)\/[^/]+\/labels$/.test(target);
      if (!labelsFile && !(ref.typeOnly && schemaFile))
        out.push({
          file: from,
          line: ref.line,
          rule: 'web-takes-types-only',
          message: `web imports ${ref.target}: only \`import type\` from a schemas.ts, or labels from a labels.ts`,
        });
      continue;
    }
    if (/\/labels\.ts$/.test(from) && from.startsWith('src/') && !/\/labels$/.test(target)) {
      out.push({
        file: from,
        line: ref.line,
        rule: 'web-takes-types-only',
        message: `a labels file is shared with the web bundle and imports only other labels files, not ${ref.target}`,
      });
      continue;
    }
    if (!toModule) continue;
    if (from.startsWith('src/platform/')) {
      out.push({
        file: from,
        line: ref.line,
        rule: 'platform-knows-no-module',
        message: `the platform imports ${ref.target}`,
      });
      continue;
    }
    const inSrc = from.startsWith('src/');
    if (!inSrc || isTest || toModule === fromModule) continue;
    // A schema file may build on another module's schemas and labels: they are the published contract too,
    // and importing them through index.ts would pull server code into the web app's typecheck.
    const contractToContract =
      /\/(schemas|labels)\.ts$/.test(from) && (target.endsWith('/schemas') || target.endsWith('/labels'));
    if (target !== `src/modules/${toModule}/index` && !contractToContract)
      out.push({
        file: from,
        line: ref.line,
        rule: 'module-through-index',
        message: `reaches into ${ref.target}: import src/modules/${toModule}/index.ts`,
      });
  }
  return out;
}

const SQL_TABLE = /\b(from|join|into|update|truncate(?:\s+table)?|delete\s+from)\s+(?:only\s+)?([a-z_][a-z0-9_]*)\b/gi;

/** SQL in a module that names a table another module owns: a write always, a read unless published to it. */
export function checkTables(file: SourceFile): Violation[] {
  const owner = ownerOf(file.path);
  if (!owner || owner === 'synthetic' || /\.test\.tsx?$/.test(file.path)) return [];
  const out: Violation[] = [];
  for (const m of file.text.matchAll(SQL_TABLE)) {
    const table = m[2]!.toLowerCase();
    const tableOwner = TABLE_OWNERS[table];
    if (!tableOwner || tableOwner === owner) continue;
    const verb = m[1]!.toLowerCase();
    const write = verb !== 'from' && verb !== 'join';
    const readers = PUBLISHED_READS[table]?.readers ?? [];
    if (!write && (readers.includes('*') || readers.includes(owner))) continue;
    out.push({
      file: file.path,
      line: lineAt(file.text, m.index!),
      rule: 'foreign-table',
      message: write
        ? `writes ${table}, owned by ${tableOwner}: call its service`
        : `reads ${table}, owned by ${tableOwner} and not published to ${owner}: call its service or a view it owns`,
    });
  }
  return out;
}

function walk(dir: string, out: string[]) {
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
}

export function sourceFiles(): SourceFile[] {
  const paths: string[] = [];
  walk('src', paths);
  walk('web/src', paths);
  return paths.map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
}

export function checkAll(files = sourceFiles()): Violation[] {
  return files.flatMap((f) => [...checkImports(f), ...checkTables(f)]);
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const found = checkAll();
  for (const v of found) console.log(`${v.file}:${v.line}  ${v.rule}  ${v.message}`);
  console.log(found.length ? `${found.length} boundary violation(s)` : 'module boundaries hold');
  process.exitCode = found.length ? 1 : 0;
}
