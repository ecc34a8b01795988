import { currentContext, type Actor } from './context.js';
import { forbidden, unauthenticated } from './errors.js';

/**
 * Which rows a caller may see: every facility's (Dinkes offices, the system) or one facility's
 * (hospital and puskesmas staff). A repository function that reads or writes facility data takes
 * one, so no query can be written without saying which.
 */
export type Scope = { readonly all: true } | { readonly facility: string };

export const ALL_FACILITIES: Scope = Object.freeze({ all: true });

/** The actor of the current request or job; a call without one is refused, never treated as the system. */
export function requireActor(): Actor {
  const actor = currentContext()?.actor;
  if (!actor) throw unauthenticated();
  return actor;
}

/** Facility staff act for their facility only; everyone else sees all facilities. */
export function scopeOf(actor: Actor): Scope {
  return actor.facilityCode ? { facility: actor.facilityCode } : ALL_FACILITIES;
}

/** The current actor's scope. */
export function requireScope(): Scope {
  return scopeOf(requireActor());
}

/** The facility code a scope is limited to, or null for all: the form SQL takes (`$1::text IS NULL OR facility_code = $1`). */
export function scopeFacility(scope: Scope): string | null {
  return 'facility' in scope ? scope.facility : null;
}

/** The facility an actor works at; office roles have none and are refused with the given reason. */
export function requireOwnFacility(message: string): string {
  const code = requireActor().facilityCode;
  if (!code) throw forbidden(message);
  return code;
}

/** The user id to record as the author of a write; work run by the system (id 0) records none. */
export function authorId(actor: Actor): number | null {
  return actor.id > 0 ? actor.id : null;
}
