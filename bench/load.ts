import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

export interface LoadResult {
  tool: 'wrk' | 'autocannon';
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

function hasWrk(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

/**
 * Random eligibility checks from `connections` concurrent clients. wrk (a C
 * load generator, Debian package `wrk`) is preferred: it leaves the CPU to the
 * server; autocannon runs in Node when wrk is missing.
 */
export async function eligibilityLoad(o: {
  url: string;
  token: string;
  niks: string[];
  date: string;
  connections: number;
  seconds: number;
  workDir: string;
}): Promise<LoadResult> {
  if (hasWrk()) return wrkLoad(o);
  return autocannonLoad(o);
}

async function wrkLoad(o: Parameters<typeof eligibilityLoad>[0]): Promise<LoadResult> {
  const script = path.join(o.workDir, 'eligibility.lua');
  const list = o.niks.map((n) => `"${n}"`).join(',');
  fs.writeFileSync(
    script,
    `local niks = {${list}}
math.randomseed(20261122)
wrk.headers["Authorization"] = "Bearer ${o.token}"
request = function()
  return wrk.format("GET", "/api/v1/eligibility?nik=" .. niks[math.random(#niks)] .. "&date=${o.date}")
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests":%d,"us":%d,"errors":%d,"non2xx":%d,"p50":%d,"p99":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status, latency:percentile(50), latency:percentile(99)))
end
`,
  );
  // Asynchronous: the server under test may live in this very process (the HTTP ceiling).
  const { stdout: out } = await promisify(execFile)(
    'wrk',
    ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '--timeout', '5s', '-s', script, o.url],
    { encoding: 'utf8' },
  );
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`wrk printed no result:\n${out}`);
  const r = JSON.parse(line.slice(7)) as {
    requests: number;
    us: number;
    errors: number;
    non2xx: number;
    p50: number;
    p99: number;
  };
  const seconds = r.us / 1e6;
  return {
    tool: 'wrk',
    requests: r.requests,
    seconds,
    reqPerSec: r.requests / seconds,
    p50Ms: r.p50 / 1000,
    p99Ms: r.p99 / 1000,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

async function autocannonLoad(o: Parameters<typeof eligibilityLoad>[0]): Promise<LoadResult> {
  let seed = 20261122;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const r = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    headers: { authorization: `Bearer ${o.token}` },
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          path: `/api/v1/eligibility?nik=${o.niks[Math.floor(next() * o.niks.length)]}&date=${o.date}`,
        }),
      },
    ],
  });
  return {
    tool: 'autocannon',
    requests: r.requests.total,
    seconds: r.duration,
    reqPerSec: r.requests.total / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}
