import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POP_HEADER, csv, family, popLine } from '../helpers/fixtures.js';
import { multipartRequest, testEnv, tokenFor, type TestEnv } from '../helpers/system.js';

/** Issue 10, the attack probe's findings on imports: each attack file is generated here, never committed. */

let t: TestEnv;
let auth: string;
beforeAll(async () => {
  t = await testEnv();
  auth = (await tokenFor(t.sys, 'kepesertaan')).authorization;
});
afterAll(async () => {
  await t?.close();
});

async function upload(name: string, content: string | Buffer) {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/imports/population',
    ...multipartRequest({ asOf: '2026-11-01' }, { name, content }, auth),
  });
  expect(r.statusCode).toBe(202);
  return r.json().jobId as number;
}

/** Waits for the job while checking that /healthz keeps answering fast: the slowest answer is returned. */
async function waitWatchingHealth(jobId: number) {
  let slowest = 0;
  for (;;) {
    const started = Date.now();
    const h = await t.app.inject({ method: 'GET', url: '/healthz' });
    slowest = Math.max(slowest, Date.now() - started);
    expect(h.statusCode).toBe(200);
    const job = (
      await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers: { authorization: auth } })
    ).json();
    if (job.status === 'succeeded' || job.status === 'failed') return { job, slowest };
    await new Promise((res) => setTimeout(res, 20));
  }
}

describe('hostile files through the upload (issue 10)', () => {
  it('a 50 MB line without a line end fails the import with the row and limit, while /healthz answers within a second', async () => {
    const jobId = await upload('satu-baris.csv', Buffer.alloc(50 * 1024 * 1024, 'a'));
    const { job, slowest } = await waitWatchingHealth(jobId);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^Baris 1 memuat sel lebih panjang dari 32\.768 karakter \(batas\)/);
    expect(slowest).toBeLessThan(1000);
    expect(fs.readdirSync(path.join(t.dataDir, 'uploads'))).toEqual([]);
  });

  it('a header of 1,000,000 columns fails the import at once and the server carries on', async () => {
    const header = Array.from({ length: 1_000_000 }, (_, i) => `k${i % 10}`).join(',');
    const jobId = await upload('lebar.csv', `${header}\n${'1,2,3\n'.repeat(5000)}`);
    const { job, slowest } = await waitWatchingHealth(jobId);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^Baris 1 memiliki lebih dari 500 kolom \(batas 500\)/);
    expect(slowest).toBeLessThan(1000);
  });

  it('writes a formula cell of the file into the rejected-rows report as text, and names no server path in the job', async () => {
    const good = ['3275010101300001', '3275010101300002', '3275010101300003'].flatMap((kk) =>
      family(kk, 'FORMULA').map(popLine),
    );
    const bad = popLine({ ...family('3275010101300004', 'X')[0]!, nik: '=1+2' });
    const jobId = await upload('formula.csv', csv(POP_HEADER, [...good, bad, '@SUM(A1),-1,+1']));
    const { job } = await waitWatchingHealth(jobId);
    expect(job.status).toBe('succeeded');
    expect(job.result.reportPath).toBeUndefined();
    expect(JSON.stringify(job)).not.toContain(t.dataDir);
    expect(JSON.stringify(job)).not.toContain(os.tmpdir());
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/v1/imports/population/${job.result.importId}/report`,
      headers: { authorization: auth },
    });
    expect(report.statusCode).toBe(200);
    const lines = report.body.split('\n');
    expect(lines.find((l) => l.startsWith('11,nik,'))).toMatch(/^11,nik,'=1\+2,/);
    expect(lines.find((l) => l.startsWith('12,nik,'))).toMatch(/^12,nik,'@SUM\(A1\),/);
    for (const l of lines) expect(l.split(',').every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
  });
});

describe('uploads leave nothing behind', () => {
  it('refuses a second file in one upload (multipart allows one) and keeps neither', async () => {
    const b = '----jk-two';
    const part = (name: string) =>
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${POP_HEADER}\n\r\n`;
    const payload = `--${b}\r\nContent-Disposition: form-data; name="asOf"\r\n\r\n2026-11-01\r\n${part('a.csv')}${part('b.csv')}--${b}--\r\n`;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/population',
      payload,
      headers: { authorization: auth, 'content-type': `multipart/form-data; boundary=${b}` },
    });
    expect(r.statusCode).toBe(413);
    expect(fs.readdirSync(path.join(t.dataDir, 'uploads'))).toEqual([]);
  });
});

describe('recovery after a crash (issue 10)', () => {
  /** A process id that existed and is gone: a child that ran and exited. */
  function deadPid(): number {
    const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    return Number(r.stdout.toString());
  }

  it("fails the dead process's job and import at once, removes its upload, and leaves a live process's work alone", async () => {
    const host = os.hostname();
    const dead = `${host}:${deadPid()}`;
    const live = `${host}:${process.ppid}`;
    // Raw job and import rows on purpose: the state under test is another process's work cut off by a crash
    // (an owner that is dead, a heartbeat minutes old), which no service of this process can make.
    const job = async (owner: string, beatSecondsAgo = 0) =>
      (
        await t.sys.db.query<{ id: number }>(
          `INSERT INTO job (kind, status, started_at, heartbeat_at, owner)
           VALUES ('import.population', 'running', now(), now() - make_interval(secs => $2), $1) RETURNING id`,
          [owner, beatSecondsAgo],
        )
      ).rows[0]!.id;
    const deadJob = await job(dead);
    // A live process's beat may lag (a long transaction on the embedded database): it is still not failed.
    const liveJob = await job(live, 300);
    // Another host's process is known only by its beat.
    const remoteStale = await job('host-lain.example:4242', 300);
    const remoteFresh = await job('host-lain.example:4243');
    const imp = async (jobId: number) =>
      (
        await t.sys.db.query<{ id: number }>(
          `INSERT INTO population_import (as_of, file_name, file_sha256, job_id) VALUES ('2026-11-01', 'p.csv', 'x', $1) RETURNING id`,
          [jobId],
        )
      ).rows[0]!.id;
    const deadImport = await imp(deadJob);
    const liveImport = await imp(liveJob);
    const uploads = path.join(t.dataDir, 'uploads');
    const name = (owner: string) => `${Buffer.from(owner).toString('base64url')}.${crypto.randomUUID()}.csv`;
    const deadUpload = path.join(uploads, name(dead));
    const liveUpload = path.join(uploads, name(live));
    fs.writeFileSync(deadUpload, 'nik\n1\n');
    fs.writeFileSync(liveUpload, 'nik\n1\n');

    // The heartbeats are fresh: only knowing the owner is gone tells the crash apart (restart within 60 s).
    await t.sys.jobs.recoverInterrupted();

    const status = async (table: string, id: number) =>
      (await t.sys.db.query<{ status: string }>(`SELECT status FROM ${table} WHERE id = $1`, [id])).rows[0]!.status;
    expect(await status('job', deadJob)).toBe('failed');
    expect(await status('population_import', deadImport)).toBe('failed');
    expect(fs.existsSync(deadUpload)).toBe(false);
    expect(await status('job', liveJob)).toBe('running');
    expect(await status('population_import', liveImport)).toBe('running');
    expect(fs.existsSync(liveUpload)).toBe(true);
    expect(await status('job', remoteStale)).toBe('failed');
    expect(await status('job', remoteFresh)).toBe('running');
    const failed = await t.sys.jobs.get(deadJob);
    expect(failed!.error).toMatch(/Terhenti karena server dimulai ulang/);

    // Clean up for the other tests: the "live" job ends.
    await t.sys.db.query(`UPDATE job SET status = 'failed' WHERE id = ANY($1::bigint[])`, [[liveJob, remoteFresh]]);
    await t.sys.db.query(`UPDATE population_import SET status = 'failed' WHERE id = $1`, [liveImport]);
    fs.rmSync(liveUpload);
  });
});
