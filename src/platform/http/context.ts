import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from './permissions.js';

export interface Actor {
  id: number;
  username: string;
  role: Role;
  facilityCode: string | null;
  /** How the request authenticated. */
  via: 'session' | 'token' | 'system';
}

export interface RequestContext {
  requestId: string;
  ip: string;
  actor: Actor | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The context of work not started by a request (CLI, jobs started by the system). */
export function systemContext(username = 'system'): RequestContext {
  return {
    requestId: `cli-${process.pid}`,
    ip: 'local',
    actor: { id: 0, username, role: 'admin', facilityCode: null, via: 'system' },
  };
}
