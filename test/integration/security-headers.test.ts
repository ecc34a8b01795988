import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartRequest, sessionFor, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

/** The probe's findings on what the server sends back: framing, caching, file names, one-time passwords. */
let t: TestEnv;
beforeAll(async () => {
  t = await testEnv();
});
afterAll(async () => {
  await t?.close();
});

describe('response headers', () => {
  it('forbids framing by other sites and caching of API answers', async () => {
    const admin = await tokenFor(t.sys, 'admin');
    for (const r of [
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { authorization: admin.authorization } }),
      await t.app.inject({ method: 'GET', url: '/api/v1/tidak-ada' }),
    ]) {
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.headers['content-security-policy']).toContain("script-src 'self'");
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('uploaded documents', () => {
  // A valid PDF header followed by a web page: the probe's polyglot.
  const polyglot = Buffer.from('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n');

  it('names and serves a PDF/HTML polyglot uploaded as .html by its detected type', async () => {
    const hospital = await tokenFor(t.sys, 'rumahsakit', 'RS-SEC-01');
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      ...multipartRequest({}, { name: 'poly.html', content: polyglot, type: 'text/html' }, hospital.authorization),
    });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ mediaType: 'application/pdf', fileName: 'poly.pdf' });
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/v1/documents/${up.json().id}`,
      headers: { authorization: hospital.authorization },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe('inline; filename="poly.pdf"');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');
    // Our own pages may preview it in a frame; other sites may not, and it runs no script.
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(r.headers['content-security-policy']).toContain("script-src 'none'");

    // A document stored under its uploaded name before this rule is still served by its type.
    await t.sys.db.query(`UPDATE stored_document SET file_name = 'lama.html' WHERE id = $1`, [up.json().id]);
    const old = await t.app.inject({
      method: 'GET',
      url: `/api/v1/documents/${up.json().id}`,
      headers: { authorization: hospital.authorization },
    });
    expect(old.headers['content-disposition']).toBe('inline; filename="lama.pdf"');
  });
});

describe('one-time password', () => {
  it('answers every API route but session info, password change and logout with PASSWORD_CHANGE_REQUIRED', async () => {
    const s = await sessionFor(t, 'admin');
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const exempt = new Set(['GET /api/v1/auth/me', 'POST /api/v1/auth/password', 'POST /api/v1/auth/logout']);
    const wrong: string[] = [];
    let checked = 0;
    for (const [p, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
        const url = p.replace(/\{[^}]+\}/g, '1');
        const key = `${method} ${p}`;
        if (exempt.has(key)) continue;
        // Public routes (login, the citizen's checks) need no account at all.
        const anonymous = await t.app.inject({
          method: method as 'GET',
          url,
          payload: method === 'GET' ? undefined : {},
        });
        if (anonymous.statusCode !== 401) continue;
        const r = await t.app.inject({
          method: method as 'GET',
          url,
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
          payload: method === 'GET' ? undefined : {},
        });
        checked++;
        if (r.statusCode !== 403 || r.json().error.code !== 'PASSWORD_CHANGE_REQUIRED')
          wrong.push(`${key}: ${r.statusCode}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
    for (const key of exempt) {
      const [method, url] = key.split(' ') as ['GET', string];
      const r = await t.app.inject({
        method,
        url,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: method === 'GET' ? undefined : {},
      });
      expect(r.statusCode, key).not.toBe(403);
    }
  });
});
