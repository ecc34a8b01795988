import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './context.js';
import { AppError, forbidden, unauthenticated } from './errors.js';
import { can, type Permission } from './permissions.js';

/** What a route declares: a permission, 'authenticated' (any logged-in user) or 'public'. */
export type Access = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Access;
    /** Reachable while the user must still replace a one-time password. */
    duringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    ctx: import('./context.js').RequestContext;
    sessionId?: string;
  }
}

export type ResolvedActor = Actor & { mustChangePassword: boolean };

export interface AuthResolver {
  resolve(kind: 'session' | 'token', secret: string): Promise<ResolvedActor | null>;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every route must declare its access; one that does not is refused, so a
 * forgotten declaration fails closed. Session requests that change state also
 * carry a CSRF token; API-token requests do not need one (no ambient credential).
 */
export function installAuth(app: FastifyInstance, resolver: AuthResolver) {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const access = req.routeOptions.config?.permission;
    if (!req.routeOptions.url) return; // 404s go to the not-found handler
    if (access === undefined) {
      // Third-party routes (API docs) are public by design; ours must declare.
      if (req.routeOptions.url.startsWith('/api/docs')) return;
      throw new AppError('forbidden', 'ROUTE_WITHOUT_PERMISSION', 'Rute ini belum dinyatakan hak aksesnya.');
    }
    const actor = await authenticate(req, resolver);
    if (access === 'public') return;
    if (!actor) throw unauthenticated();
    if (actor.mustChangePassword && !req.routeOptions.config.duringPasswordChange) {
      throw new AppError(
        'forbidden',
        'PASSWORD_CHANGE_REQUIRED',
        'Ganti kata sandi sekali pakai Anda terlebih dahulu.',
      );
    }
    if (access !== 'authenticated' && !can(actor.role, access)) throw forbidden();
    if (actor.via === 'session' && UNSAFE.has(req.method)) {
      await new Promise<void>((resolve, reject) => {
        (
          app as unknown as { csrfProtection: (r: FastifyRequest, s: FastifyReply, next: (e?: Error) => void) => void }
        ).csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve()));
      });
    }
  });
}

async function authenticate(req: FastifyRequest, resolver: AuthResolver): Promise<ResolvedActor | null> {
  const header = req.headers.authorization;
  let actor: ResolvedActor | null = null;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw unauthenticated('Header Authorization harus berbentuk "Bearer <token>".');
    actor = await resolver.resolve('token', m[1]!);
    if (!actor) throw unauthenticated('Token API tidak dikenal atau sudah dicabut.');
  } else {
    const raw = req.cookies?.jk_session;
    if (raw) {
      const unsigned = req.unsignCookie(raw);
      if (unsigned.valid && unsigned.value) {
        actor = await resolver.resolve('session', unsigned.value);
        if (actor) req.sessionId = unsigned.value;
      }
    }
  }
  if (actor)
    req.ctx.actor = {
      id: actor.id,
      username: actor.username,
      role: actor.role,
      facilityCode: actor.facilityCode,
      via: actor.via,
    };
  return actor;
}
