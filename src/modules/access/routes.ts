import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import { SESSION_COOKIE } from '../../platform/http/app.js';
import { unauthenticated } from '../../platform/http/errors.js';
import { ROLES, permissionsOf } from '../../platform/http/permissions.js';
import type { AccessService } from './service.js';

const me = z.object({
  id: z.number(),
  username: z.string(),
  role: z.enum(ROLES),
  facilityCode: z.string().nullable(),
  mustChangePassword: z.boolean(),
  permissions: z.array(z.string()),
});

export function accessRoutes(app: App, access: AccessService, opts: { secureCookies: boolean; sessionHours: number }) {
  app.get(
    '/api/v1/auth/csrf',
    {
      config: { permission: 'public' },
      schema: { tags: ['auth'], response: { 200: z.object({ token: z.string() }) } },
    },
    async (_req, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { permission: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
        response: { 200: me },
      },
    },
    async (req, reply) => {
      const { sessionId, user } = await access.login(req.body.username, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, sessionId, {
        httpOnly: true,
        sameSite: 'strict',
        secure: opts.secureCookies,
        path: '/',
        signed: true,
        maxAge: opts.sessionHours * 3600,
      });
      return { ...user, permissions: permissionsOf(user.role) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { permission: 'authenticated', duringPasswordChange: true }, schema: { tags: ['auth'] } },
    async (req, reply) => {
      if (req.sessionId) await access.logout(req.sessionId, req.ctx.actor!.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { permission: 'authenticated', duringPasswordChange: true },
      schema: { tags: ['auth'], response: { 200: me } },
    },
    async (req) => {
      const actor = await access.resolve(req.ctx.actor!.via === 'token' ? 'token' : 'session', secretOf(req));
      if (!actor) throw unauthenticated();
      return {
        id: actor.id,
        username: actor.username,
        role: actor.role,
        facilityCode: actor.facilityCode,
        mustChangePassword: actor.mustChangePassword,
        permissions: permissionsOf(actor.role),
      };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: {
        permission: 'authenticated',
        duringPasswordChange: true,
        rateLimit: { max: 10, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
      },
    },
    async (req) => {
      await access.changePassword(
        req.ctx.actor!.id,
        req.body.currentPassword,
        req.body.newPassword,
        req.sessionId ?? null,
      );
      return { ok: true };
    },
  );

  app.get('/api/v1/users', { config: { permission: 'users.manage' }, schema: { tags: ['users'] } }, async () => ({
    users: await access.listUsers(),
  }));

  app.post(
    '/api/v1/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags: ['users'],
        body: z.object({
          username: z.string(),
          role: z.enum(ROLES),
          facilityCode: z.string().nullable().optional(),
          fullName: z.string().max(200).optional(),
        }),
      },
    },
    async (req) => access.createUser(req.body),
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['users'], params: z.object({ id: z.coerce.number().int() }) },
    },
    async (req) => access.resetPassword(req.params.id),
  );

  app.get('/api/v1/tokens', { config: { permission: 'tokens.manage' }, schema: { tags: ['users'] } }, async () => ({
    tokens: await access.listTokens(),
  }));

  app.post(
    '/api/v1/tokens',
    {
      config: { permission: 'tokens.manage' },
      schema: { tags: ['users'], body: z.object({ username: z.string(), label: z.string().max(100).optional() }) },
    },
    async (req) => access.createToken(req.body.username, req.body.label),
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { permission: 'tokens.manage' },
      schema: { tags: ['users'], params: z.object({ id: z.coerce.number().int() }) },
    },
    async (req) => {
      await access.revokeToken(req.params.id);
      return { ok: true };
    },
  );
}

function secretOf(req: { headers: { authorization?: string }; sessionId?: string }): string {
  const h = req.headers.authorization;
  if (h) return h.replace(/^Bearer\s+/i, '');
  return req.sessionId ?? '';
}
