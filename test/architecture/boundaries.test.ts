import { describe, expect, it } from 'vitest';
import { checkAll, checkImports, checkTables } from './boundaries.js';

describe('module boundaries (decision 0023)', () => {
  it('hold across src and web/src', () => {
    const found = checkAll().map((v) => `${v.file}:${v.line} ${v.rule} ${v.message}`);
    expect(found).toEqual([]);
  });

  it("refuse a module reaching into another module's file, and accept its index", () => {
    const file = (text: string) => ({ path: 'src/modules/cards/service.ts', text });
    expect(checkImports(file("import { x } from '../membership/eligibility.js';"))).toMatchObject([
      { rule: 'module-through-index', line: 1 },
    ]);
    expect(checkImports(file("import { x } from '../membership/index.js';"))).toEqual([]);
    expect(checkImports(file("import { x } from './repo.js';"))).toEqual([]);
    const schemas = (text: string) => checkImports({ path: 'src/modules/guarantees/schemas.ts', text });
    expect(schemas("import { birthBody } from '../births/schemas.js';")).toEqual([]);
    expect(schemas("import { record } from '../births/service.js';")).toMatchObject([{ rule: 'module-through-index' }]);
    expect(
      checkImports({ path: 'src/system.ts', text: "\nimport type { A } from './modules/cards/service.js';" }),
    ).toMatchObject([{ rule: 'module-through-index', line: 2 }]);
  });

  it('refuse the platform importing a module', () => {
    const v = checkImports({
      path: 'src/platform/ingest/routes.ts',
      text: "import { a } from '../../modules/reconciliation/index.js';",
    });
    expect(v).toMatchObject([{ rule: 'platform-knows-no-module' }]);
  });

  it('let the web app take only types, only from schema files', () => {
    const web = (text: string) => checkImports({ path: 'web/src/modules/cards/CardPage.tsx', text });
    expect(web("import type { Card } from '@server/modules/cards/schemas';")).toEqual([]);
    expect(web("import { type Card } from '@server/modules/cards/schemas';")).toEqual([]);
    expect(web("import { cardSchema } from '@server/modules/cards/schemas';")).toMatchObject([
      { rule: 'web-takes-types-only' },
    ]);
    expect(web("import { STATUS_LABELS } from '@server/modules/cards/labels';")).toEqual([]);
    expect(
      checkImports({ path: 'src/modules/cards/labels.ts', text: "import { x } from './rules/status.js';" }),
    ).toMatchObject([{ rule: 'web-takes-types-only' }]);
    expect(web("import type { Row } from '@server/modules/cards/repo';")).toMatchObject([
      { rule: 'web-takes-types-only' },
    ]);
  });

  it("refuse SQL writing another module's table, and reading one its owner does not publish", () => {
    const sql = (path: string, text: string) => checkTables({ path, text });
    expect(sql('src/modules/cards/repo.ts', "q.query('UPDATE person SET x = 1')")).toMatchObject([
      { rule: 'foreign-table', message: expect.stringContaining('writes person') },
    ]);
    expect(sql('src/modules/cards/repo.ts', "q.query('SELECT name FROM person')")).toEqual([]);
    expect(sql('src/modules/guarantees/repo.ts', "q.query('SELECT 1 FROM facility_agreement a')")).toMatchObject([
      { rule: 'foreign-table', message: expect.stringContaining('not published to guarantees') },
    ]);
    expect(sql('src/modules/facilities/repo.ts', "q.query('SELECT 1 FROM facility_agreement a')")).toEqual([]);
  });
});
