import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import { type RequestContext, runWithContext } from './context.js';
import { AppError, statusFor } from './errors.js';
import { installAuth, type AuthResolver } from './auth.js';
import { loggerOptions } from './logging.js';
import { health } from './schemas.js';

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

export const SESSION_COOKIE = 'jk_session';

export interface AppOptions {
  config: Config;
  auth: AuthResolver;
  /** Checks the database; /healthz answers 503 when it throws. */
  health: () => Promise<void>;
  webDist?: string | null;
  /** Where log lines go (default stdout); tests read it to prove no personal data is logged. */
  logStream?: NodeJS.WritableStream;
  /** Registers every module's routes. */
  routes: (app: App) => Promise<void> | void;
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const { config } = opts;
  const app = Fastify({
    logger: opts.logStream
      ? { ...loggerOptions(config.logLevel), stream: opts.logStream }
      : loggerOptions(config.logLevel, Boolean(process.stdout.isTTY)),
    // Fastify's own request lines would log raw URLs; ours (onResponse below) log the route pattern.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 5 * 1024 * 1024,
    // X-Forwarded-For is believed only from the configured proxies: from anyone else it would let a
    // client choose its own address, defeating every per-address limit and the audit's address.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', (req, _reply, done) => {
    const ctx: RequestContext = { requestId: req.id, ip: req.ip, actor: null };
    req.ctx = ctx;
    runWithContext(ctx, done);
  });
  app.addHook('onSend', (req, reply, _payload, done) => {
    securityHeaders(req.url, reply);
    done();
  });
  // One line per request; the route pattern, never the raw URL (its query may hold a NIK).
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(
      {
        method: req.method,
        route: req.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        user: req.ctx?.actor?.username,
      },
      'request',
    );
    done();
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) {
      return reply
        .status(statusFor(err.kind))
        .send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field: fieldOf(v.instancePath, err.validationContext ?? 'body'),
        message: v.message,
      }));
      return reply.status(400).send({
        error: {
          code: 'INVALID_REQUEST',
          message: `Permintaan tidak valid: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`,
          details,
        },
      });
    }
    const e = err as { statusCode?: number; code?: string; message: string };
    if (e.statusCode === 429) {
      return reply
        .status(429)
        .send({ error: { code: 'RATE_LIMITED', message: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.' } });
    }
    if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'TOO_LARGE', message: 'Berkas atau permintaan terlalu besar.' } });
    }
    if (e.code?.startsWith('FST_CSRF')) {
      return reply.status(403).send({
        error: { code: 'CSRF', message: 'Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman.' },
      });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply
        .status(e.statusCode)
        .send({ error: { code: e.code ?? 'BAD_REQUEST', message: `Permintaan tidak valid: ${e.message}` } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: 'Terjadi kesalahan pada server. Kejadian ini telah dicatat.' } });
  });

  await app.register(cookie, { secret: config.cookieSecret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/', signed: true },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Jamkesda API', version: '1.0.0', description: 'API program Jaminan Kesehatan Daerah' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installAuth(app, opts.auth);

  app.get(
    '/healthz',
    { config: { permission: 'public' }, schema: { hide: true, response: { 200: health, 503: health } } },
    async (_req, reply) => {
      try {
        await opts.health();
        return { status: 'ok' };
      } catch {
        return reply.status(503).send({ status: 'database unavailable' });
      }
    },
  );

  await app.register(async (api) => {
    await opts.routes(api as App);
  });

  const webDist = opts.webDist;
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    // The web app's files are public (the login page must load): declared here, so the auth hook stays fail-closed.
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/')) route.config = { ...(route.config ?? {}), permission: 'public' };
    });
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Alamat tidak ditemukan.' } });
    });
  } else {
    app.setNotFoundHandler((_req, reply) =>
      reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'Alamat tidak ditemukan.' } }),
    );
  }
  return app;
}

/**
 * The web app loads only its own scripts (Vite emits no inline script); Mantine injects its CSS
 * variables as <style> elements, so inline styles stay allowed. No page may be framed by another
 * site (clickjacking); a file shown inline may be framed by our own pages (document preview), and
 * sendFile says so by setting its own frame headers first. API answers hold personal data: no
 * cache keeps them. Swagger UI brings its own inline bootstrap and keeps its defaults.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(url: string, reply: { hasHeader(n: string): boolean; header(n: string, v: string): unknown }) {
  const set = (name: string, value: string) => {
    if (!reply.hasHeader(name)) reply.header(name, value);
  };
  const docs = url.startsWith('/api/docs');
  if (!docs) {
    set('content-security-policy', CONTENT_SECURITY_POLICY);
    set('x-frame-options', 'DENY');
  }
  set('x-content-type-options', 'nosniff');
  set('referrer-policy', 'same-origin');
  if (url.startsWith('/api/') && !docs) set('cache-control', 'no-store');
}

function fieldOf(instancePath: string, context: string) {
  const p = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return p ? `${context}.${p}` : context;
}
