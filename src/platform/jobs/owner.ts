import os from 'node:os';

/**
 * Who runs a job or holds an upload: this host and process. Another process
 * on the same host can then tell a dead owner from a live one at once.
 */
export const OWNER = `${os.hostname()}:${process.pid}`;

/**
 * What this process can tell about an owner: `dead` (a process of this host
 * that no longer exists), `alive` (one that does), or `unknown` (another
 * host: its heartbeat tells). `atStart`: this process has run nothing yet,
 * so an owner with its own pid is a previous life (a container restarts with
 * the same pid).
 */
export function ownerState(owner: string, atStart: boolean): 'dead' | 'alive' | 'unknown' {
  const at = owner.lastIndexOf(':');
  if (at <= 0 || owner.slice(0, at) !== os.hostname()) return 'unknown';
  const pid = Number(owner.slice(at + 1));
  if (!Number.isInteger(pid) || pid <= 0) return 'unknown';
  if (pid === process.pid) return atStart ? 'dead' : 'alive';
  try {
    process.kill(pid, 0);
    return 'alive';
  } catch (err) {
    // EPERM: the process exists, it is only someone else's.
    return (err as NodeJS.ErrnoException).code === 'ESRCH' ? 'dead' : 'alive';
  }
}

export function isDeadOwner(owner: string, atStart: boolean): boolean {
  return ownerState(owner, atStart) === 'dead';
}
