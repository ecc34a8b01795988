import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv, type TestEnv } from '../helpers/system.js';

/**
 * Issue 11: every route declares what it answers. The OpenAPI document is built from the routes' zod
 * schemas, so a route without a response schema shows here as an operation without a described answer.
 */
let t: TestEnv;
beforeAll(async () => {
  t = await testEnv();
});
afterAll(async () => {
  await t?.close();
});

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

describe('the API contract', () => {
  it('describes the answer of every route, JSON or file, in the OpenAPI document', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(120);
    const undescribed = operations
      .filter(({ op }) => {
        const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        return !ok.some(([, res]) => Object.values(res.content ?? {}).some((c) => c.schema !== undefined));
      })
      .map((o) => o.route);
    expect(undescribed).toEqual([]);
  });

  it('names the media type of each file a route sends', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const typesOf = (path: string) => Object.keys(doc.paths[path]?.get?.responses?.['200']?.content ?? {});
    expect(typesOf('/api/v1/sjp/{id}/letter.pdf')).toEqual(['application/pdf']);
    expect(typesOf('/api/v1/audit.xlsx')).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(typesOf('/api/v1/documents/{id}')).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
  });
});
