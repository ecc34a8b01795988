import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../helpers/system.js';

/**
 * First run (issue 10): `npm run demo` ends with `serve --show-demo-logins`,
 * which prints the demo logins with the address only once the server answers,
 * so they are the last thing on the screen and the address works when read.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/jamkesda.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jk-demo-logins-'));
const port = 34000 + Math.floor(Math.random() * 2000);
let child: ReturnType<typeof spawn> | null = null;

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(ENGINE !== 'pglite')('serve --show-demo-logins', () => {
  it('prints the saved logins after the address, once the server answers', async () => {
    fs.writeFileSync(
      path.join(dataDir, 'demo-logins.txt'),
      'Wilayah contoh dimuat.\n\nAkun demo (kata sandi sekali pakai; ganti saat pertama masuk):\n  admin        admin.demo           rahasia-sekali\n',
    );
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      DATABASE_URL: '',
      JAMKESDA_NO_RESPAWN: '1',
    };
    child = spawn(process.execPath, [BIN, 'serve', '--show-demo-logins'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const answeredWhenPrinted = await new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no logins printed; output:\n${out}`)), 90_000);
      child!.stdout!.on('data', async (c) => {
        out += c;
        if (!out.includes('admin.demo')) return;
        clearTimeout(timer);
        resolve((await fetch(`http://127.0.0.1:${port}/healthz`)).ok);
      });
    });
    expect(answeredWhenPrinted).toBe(true);
    const address = out.indexOf(`Jamkesda berjalan di http://127.0.0.1:${port}`);
    const open = out.indexOf(`Buka http://127.0.0.1:${port} di peramban`);
    expect(address).toBeGreaterThanOrEqual(0);
    expect(open).toBeGreaterThan(address);
    expect(out.indexOf('admin.demo')).toBeGreaterThan(open);
    expect(out).not.toContain('Wilayah contoh dimuat');
  }, 120_000);
});
