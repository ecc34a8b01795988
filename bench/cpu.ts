import fs from 'node:fs';
import os from 'node:os';

/**
 * CPU time (user + system) spent by groups of processes, read from /proc
 * (Linux only; elsewhere the figures are null). Used to say how much CPU one
 * eligibility check costs in the server and in PostgreSQL during a load run.
 */
const TICK_MS = 10; // USER_HZ is 100 on every Linux the bench runs on

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  ticks: number;
}

function processes(): Proc[] | null {
  if (os.platform() !== 'linux') return null;
  const out: Proc[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const f = stat.slice(close + 2).split(' ');
    // utime + stime, plus cutime + cstime: the time of children that ended and were
    // waited for (PostgreSQL backends closing, autovacuum workers) moves to their parent.
    out.push({
      pid: Number(name),
      ppid: Number(f[1]),
      comm,
      ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
    });
  }
  return out;
}

/** The process and all its descendants (a cluster's workers). */
function treeOf(all: Proc[], root: number): Proc[] {
  const pids = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!pids.has(p.pid) && pids.has(p.ppid)) {
        pids.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => pids.has(p.pid));
}

export interface CpuSample {
  serverMs: number;
  postgresMs: number;
}

/** CPU so far of the server process tree and of every PostgreSQL process on this machine. */
export function sampleCpu(serverPid: number): CpuSample | null {
  const all = processes();
  if (!all) return null;
  const sum = (ps: Proc[]) => ps.reduce((s, p) => s + p.ticks, 0) * TICK_MS;
  return { serverMs: sum(treeOf(all, serverPid)), postgresMs: sum(all.filter((p) => p.comm === 'postgres')) };
}

export interface CpuPerCheck {
  /** Microseconds of CPU per request in the server's processes. */
  serverUs: number;
  /** Microseconds of CPU per request in PostgreSQL (backends, WAL writer, checkpointer…); null for the embedded database, which runs inside the server. */
  postgresUs: number | null;
}

export function perRequest(
  before: CpuSample | null,
  after: CpuSample | null,
  requests: number,
  embedded: boolean,
): CpuPerCheck | null {
  if (!before || !after || requests === 0) return null;
  return {
    serverUs: Math.round(((after.serverMs - before.serverMs) * 1000) / requests),
    postgresUs: embedded ? null : Math.round(((after.postgresMs - before.postgresMs) * 1000) / requests),
  };
}
