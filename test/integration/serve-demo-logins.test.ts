import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../helpers/system.js';
import { BIN, cliServerEnv, stopCliServer } from '../helpers/cli.js';

/**
 * First run (issue 10): `npm run demo` ends with `serve --show-demo-logins`,
 * which prints the demo logins with the address only once the server answers,
 * so they are the last thing on the screen and the address works when read.
 */
const { dataDir, port, env } = cliServerEnv('jk-demo-logins-', 34000);
let child: ReturnType<typeof spawn> | null = null;

afterAll(() => stopCliServer(child, dataDir));

describe.skipIf(ENGINE !== 'pglite')('serve --show-demo-logins', () => {
  it('prints the saved logins after the address, once the server answers', async () => {
    fs.writeFileSync(
      path.join(dataDir, 'demo-logins.txt'),
      'Wilayah contoh dimuat.\n\nAkun demo (kata sandi sekali pakai; ganti saat pertama masuk):\n  admin        admin.demo           rahasia-sekali\n',
    );
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
