import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Running {
  url: string;
  stop: () => Promise<void>;
  proc: ChildProcess;
}

/** Runs `jamkesda serve` in its own process, as production does, so the load generator never shares its event loop. */
export async function startServer(env: Record<string, string>): Promise<Running> {
  return startProcess([path.join(ROOT, 'bin/jamkesda.js'), 'serve'], env, 'Jamkesda berjalan');
}

/** The eligibility floor of bench/floor-server.ts (no framework), audited or not. */
export async function startFloorServer(env: Record<string, string>, audit: boolean): Promise<Running> {
  return startProcess(
    ['--max-semi-space-size=64', '--import', 'tsx', path.join(ROOT, 'bench/floor-server.ts')],
    { ...env, FLOOR_AUDIT: audit ? 'on' : 'off' },
    'floor ready',
  );
}

async function startProcess(args: string[], env: Record<string, string>, readyText: string): Promise<Running> {
  const port = await freePort();
  const proc = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 120 s')), 120_000);
    proc.stdout!.on('data', (c) => {
      if (String(c).includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    proc,
    stop: () =>
      new Promise((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
