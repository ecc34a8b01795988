import os from 'node:os';

/**
 * Who runs a job or holds an upload: this host and process. Another process
 * on the same host can then tell a dead owner from a live one at once.
 */
export const OWNER = `${os.hostname()}:${process.pid}`;

/**
 * Whether an owner is known to be gone: a process of this host that no longer
 * exists. `atStart`: this process has run nothing yet, so an owner with its
 * own pid is a previous life (a container restarts with the same pid).
 * Owners on other hosts are never known dead here; their heartbeat tells.
 */
export function isDeadOwner(owner: string, atStart: boolean): boolean {
  const at = owner.lastIndexOf(':');
  if (at <= 0 || owner.slice(0, at) !== os.hostname()) return false;
  const pid = Number(owner.slice(at + 1));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return atStart;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: the process exists, it is only someone else's.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
