import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_GROUPS, ACTION_LABELS, ENTITY_LABELS, PREFIX_LABELS } from '../../src/platform/audit/labels.js';

/**
 * Every audit action code written anywhere in src has words in the audit log
 * (src/platform/audit/labels.ts). The codes are found by scanning the source:
 * literals after `action:`, and every dotted literal in a file that passes an
 * action on by shorthand (`{ action, ... }`). A code built from a template must
 * be listed below with what it expands to, so a new template fails here until
 * it is both expanded and labelled.
 */
const TEMPLATES: Record<string, string[]> = {
  'referral.${action.toLowerCase()}': [
    'referral.confirm_bed',
    'referral.decline',
    'referral.arrive',
    'referral.admit',
    'referral.return',
  ],
  "${list === 'icd10' ? 'icd' : 'competency'}.load": ['icd.load', 'competency.load'],
  '${kind}.import.report_download': [
    'population.import.report_download',
    'jkn.import.report_download',
    'poverty.import.report_download',
  ],
  '${spec.kind}.import': ['population.import', 'jkn.import', 'poverty.import'],
};
const ENTITY_TEMPLATES: Record<string, string[]> = {
  '${kind}_import': ['population_import', 'jkn_import', 'poverty_import'],
  '${spec.kind}_import': ['population_import', 'jkn_import', 'poverty_import'],
};

const SRC = path.resolve(__dirname, '../../src');
const CODE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

interface Found {
  codes: Map<string, string>;
  unknownTemplates: string[];
}

/** Codes of one property (`action` or `entityType`) across the source, with the file each was first seen in. */
function scan(property: string, templates: Record<string, string[]>): Found {
  const codes = new Map<string, string>();
  const unknownTemplates: string[] = [];
  const add = (code: string, file: string) => {
    if (CODE.test(code) && !codes.has(code)) codes.set(code, path.relative(SRC, file));
  };
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(new RegExp(`\\b${property}:\\s*(\`[^\`]*\`|[^,}\\n]+)`, 'g'))) {
      const expr = m[1]!.trim();
      // A type annotation (`action: 'reissue' | 'revoke'`) names values of a parameter, not audit codes.
      if (/^'[^']*'\s*\|/.test(expr)) continue;
      const tpl = /^`([^`]*)`/.exec(expr);
      if (tpl) {
        const key = tpl[1]!;
        if (!key.includes('${')) add(key, file);
        else if (templates[key]) templates[key].forEach((c) => add(c, file));
        else unknownTemplates.push(`${path.relative(SRC, file)}: \`${key}\``);
        continue;
      }
      for (const lit of expr.matchAll(/'([^']+)'/g)) add(lit[1]!, file);
    }
    // An action handed on by shorthand: the file's dotted literals are the codes it may carry.
    if (property === 'action' && /\{\s*action\s*,/.test(text)) {
      for (const lit of text.matchAll(/'([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)'/g)) add(lit[1]!, file);
    }
  }
  return { codes, unknownTemplates };
}

describe('audit labels', () => {
  it('has words for every action code written in src', () => {
    const { codes, unknownTemplates } = scan('action', { ...TEMPLATES });
    expect(unknownTemplates, 'action codes built from a template not listed in TEMPLATES').toEqual([]);
    // The scan itself must find the codes we know are there, or it proves nothing.
    expect(codes.size).toBeGreaterThan(80);
    for (const known of [
      'sjp.approve',
      'user.deactivate',
      'referral.return',
      'reconciliation.items.read',
      'selfcheck',
      'jkn.import',
    ]) {
      expect([...codes.keys()]).toContain(known);
    }
    const missing = [...codes].filter(([c]) => !ACTION_LABELS[c]).map(([c, f]) => `${c} (${f})`);
    expect(missing, 'audit actions without a label in src/platform/audit/labels.ts').toEqual([]);
  });

  it('has words for every record type written in src', () => {
    const { codes, unknownTemplates } = scan('entityType', { ...ENTITY_TEMPLATES });
    expect(unknownTemplates, 'record types built from a template not listed in ENTITY_TEMPLATES').toEqual([]);
    expect(codes.size).toBeGreaterThan(20);
    const missing = [...codes].filter(([c]) => !ENTITY_LABELS[c]).map(([c, f]) => `${c} (${f})`);
    expect(missing, 'record types without a label in src/platform/audit/labels.ts').toEqual([]);
  });

  it('puts every labelled action in a group of the pick-list, and every "all of" entry matches some action', () => {
    const orphans = Object.keys(ACTION_LABELS).filter((c) => !ACTION_GROUPS[c.split('.')[0]!]);
    expect(orphans).toEqual([]);
    const empty = Object.keys(PREFIX_LABELS).filter((p) => !Object.keys(ACTION_LABELS).some((c) => c.startsWith(p)));
    expect(empty).toEqual([]);
  });
});
