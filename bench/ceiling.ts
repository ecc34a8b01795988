import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eligibilityLoad, type LoadResult } from './load.js';

/**
 * What this machine allows at all: a bare Node HTTP server answering a
 * constant JSON body of the same size, under the same load generator. The
 * eligibility figures are read against this.
 */
export async function httpCeiling(o: { connections: number; seconds: number; workDir: string }): Promise<LoadResult> {
  const body = JSON.stringify({
    nik: '3275011503800001',
    date: '2026-11-15',
    eligible: true,
    basis: 'RESIDENT',
    reasons: [],
  }).padEnd(420);
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    return await eligibilityLoad({ url, token: 'x', niks: ['3275011503800001'], date: '2026-11-15', ...o });
  } finally {
    server.close();
  }
}
