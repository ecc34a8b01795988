import type { App } from '../../platform/http/app.js';
import { SESSION_COOKIE } from '../../platform/http/app.js';
import { requireActor } from '../../platform/http/actor.js';
import { unauthenticated } from '../../platform/http/errors.js';
import { permissionsOf } from '../../platform/http/permissions.js';
import {
  createdToken,
  createdUser,
  createTokenBody,
  createUserBody,
  csrfAnswer,
  idParams,
  loginBody,
  me,
  ok,
  passwordBody,
  passwordReset,
  tokenList,
  userList,
} from './schemas.js';
import type { AccessService } from './service.js';

export function accessRoutes(app: App, access: AccessService, opts: { secureCookies: boolean; sessionHours: number }) {
  app.get(
    '/api/v1/auth/csrf',
    { config: { permission: 'public' }, schema: { tags: ['auth'], response: { 200: csrfAnswer } } },
    async (_req, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { permission: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: loginBody, response: { 200: me } },
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
    {
      config: { permission: 'authenticated', duringPasswordChange: true },
      schema: { tags: ['auth'], response: { 200: ok } },
    },
    async (req, reply) => {
      if (req.sessionId) await access.logout(req.sessionId, requireActor().id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { permission: 'authenticated', duringPasswordChange: true },
      schema: { tags: ['auth'], response: { 200: me } },
    },
    async (req) => {
      const actor = await access.resolve(requireActor().via === 'token' ? 'token' : 'session', secretOf(req));
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
      schema: { tags: ['auth'], body: passwordBody, response: { 200: ok } },
    },
    async (req) => {
      await access.changePassword(
        requireActor().id,
        req.body.currentPassword,
        req.body.newPassword,
        req.sessionId ?? null,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/users',
    { config: { permission: 'users.manage' }, schema: { tags: ['users'], response: { 200: userList } } },
    async () => ({ users: await access.listUsers() }),
  );

  app.post(
    '/api/v1/users',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['users'], body: createUserBody, response: { 200: createdUser } },
    },
    async (req) => access.createUser(req.body),
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { permission: 'users.manage' },
      schema: { tags: ['users'], params: idParams, response: { 200: passwordReset } },
    },
    async (req) => access.resetPassword(req.params.id),
  );

  app.get(
    '/api/v1/tokens',
    { config: { permission: 'tokens.manage' }, schema: { tags: ['users'], response: { 200: tokenList } } },
    async () => ({ tokens: await access.listTokens() }),
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { permission: 'tokens.manage' },
      schema: { tags: ['users'], body: createTokenBody, response: { 200: createdToken } },
    },
    async (req) => access.createToken(req.body.username, req.body.label),
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { permission: 'tokens.manage' },
      schema: { tags: ['users'], params: idParams, response: { 200: ok } },
    },
    async (req) => {
      await access.revokeToken(req.params.id);
      return { ok: true as const };
    },
  );
}

function secretOf(req: { headers: { authorization?: string }; sessionId?: string }): string {
  const h = req.headers.authorization;
  if (h) return h.replace(/^Bearer\s+/i, '');
  return req.sessionId ?? '';
}
