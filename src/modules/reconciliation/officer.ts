import { authorId, requireActor } from '../../platform/http/actor.js';
import { currentContext } from '../../platform/http/context.js';

/**
 * Who proposes or decides, as the change set records it: the user id (none for the system) and
 * username. Not requireActor(): a proposal runs inside an import job, which a script or a test
 * harness may start with no request context at all, and it must still be recorded (by nobody).
 */
export function officer(): { id: number | null; username: string | null } {
  const actor = currentContext()?.actor;
  return actor ? { id: authorId(actor), username: actor.username } : { id: null, username: null };
}

/** Who approves, declines or rejects: a decision is always somebody's (an officer, or the CLI's system user). */
export function decider(): { id: number | null; username: string } {
  const actor = requireActor();
  return { id: authorId(actor), username: actor.username };
}
