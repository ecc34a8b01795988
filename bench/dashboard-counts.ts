/**
 * Times the home page's counts (src/modules/dashboard) on a large synthetic
 * register: N/2 SJP requests (3 % open) and N family cards (2 % unprinted, 1 %
 * printed but not handed over). PGlite by default, PostgreSQL with BENCH_PG=url.
 *   N=200000 node --import tsx bench/dashboard-counts.ts
 *   NOIDX=1 N=200000 node --import tsx bench/dashboard-counts.ts   (without the 0023 indexes)
 */
import { ALL_FACILITIES } from '../src/platform/http/actor.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/platform/config.js';
import { createSystem } from '../src/system.js';
import { sjpCounts } from '../src/modules/guarantees/counts.js';
import { cardQueue } from '../src/modules/cards/counts.js';
import { lettersExpiring } from '../src/modules/dinsos/counts.js';
import { agreementsExpiring } from '../src/modules/facilities/counts.js';
import { flaggedUnreviewed, facilityReferralCounts } from '../src/modules/referrals/counts.js';
import { pendingChangeSets } from '../src/modules/reconciliation/counts.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desks-bench-'));
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'test' } as NodeJS.ProcessEnv;
if (!process.env.BENCH_PG) delete env.DATABASE_URL;
else env.DATABASE_URL = process.env.BENCH_PG;
const sys = await createSystem(loadConfig(env));
const db = sys.db;
const N = Number(process.env.N ?? 200000);
await db.query(
  `INSERT INTO facility (code, name, level) SELECT 'RS-' || g, 'RS ' || g, 'PPK2' FROM generate_series(1, 50) g ON CONFLICT DO NOTHING`,
);
await db.query(
  `INSERT INTO sjp_request (tracking_code, nik, patient_name, facility_code, care_type, admitted_at, admission_date, diagnosis_code, basis, origin, status, due_at)
  SELECT 'B' || g, '3275' || lpad(g::text, 12, '0'), 'P', 'RS-' || (g % 50 + 1), 'INPATIENT', now() - interval '400 days' + g * interval '1 minute', current_date, 'A09', 'CARD', 'FACILITY',
         CASE WHEN g % 100 = 0 THEN 'SUBMITTED' WHEN g % 100 = 1 THEN 'NEEDS_COMPLETION' WHEN g % 100 = 2 THEN 'DRAFT' ELSE 'APPROVED' END,
         now() + (g % 200 - 100) * interval '1 hour'
  FROM generate_series(1, $1::int) g`,
  [N / 2],
);
await db.query(
  `INSERT INTO family_card (number, no_kk, issued_on, status, verify_code, region_code, village_code, head_name, issue_reason, ended_on, end_reason)
  SELECT 'KS-2026-' || lpad(g::text, 7, '0'), '3275' || lpad(g::text, 12, '0'), current_date - 10, CASE WHEN g % 10 = 0 THEN 'REVOKED' ELSE 'ACTIVE' END, 'V' || g, '3275', '3275011001', 'H', 'BARU',
         CASE WHEN g % 10 = 0 THEN current_date END, CASE WHEN g % 10 = 0 THEN 'LAINNYA' END
  FROM generate_series(1, $1::int) g`,
  [N],
);
// Most cards printed and handed over; a small queue, as in a running program.
await db.query(`INSERT INTO family_card_print_batch (id, layout, card_count) VALUES (1, 'A4', 1)`);
await db.query(`UPDATE family_card SET printed_at = now(), print_batch_id = 1 WHERE id % 50 <> 0`);
await db.query(
  `UPDATE family_card SET handed_over_on = current_date, handed_over_to = 'X' WHERE printed_at IS NOT NULL AND id % 33 <> 0`,
);
// NOIDX=1 drops the 0023 partial indexes, to see what they buy.
if (process.env.NOIDX) {
  await db.query(`DROP INDEX family_card_to_print`);
  await db.query(`DROP INDEX family_card_to_hand_over`);
}
await db.query(`VACUUM ANALYZE`);
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const fns: [string, () => Promise<unknown>][] = [
  ['sjpCounts(office)', () => sjpCounts(db, ALL_FACILITIES)],
  ['sjpCounts(RS-7)', () => sjpCounts(db, { facility: 'RS-7' })],
  ['cardQueue', () => cardQueue(db)],
  ['lettersExpiring', () => lettersExpiring(db, today, 30)],
  ['agreementsExpiring', () => agreementsExpiring(db, today, 60, ALL_FACILITIES)],
  ['flaggedUnreviewed', () => flaggedUnreviewed(db)],
  ['facilityReferralCounts', () => facilityReferralCounts(db, 'RS-7')],
  ['pendingChangeSets', () => pendingChangeSets(db)],
];
for (const [name, f] of fns) {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(24)} median ${times[3]!.toFixed(1)} ms  max ${times[6]!.toFixed(1)} ms`);
}
const officer = { id: 0, username: 'b', role: 'sjp' as const, facilityCode: null, via: 'system' as const };
const t0 = performance.now();
for (let i = 0; i < 10; i++) await sys.dashboard.forActor(officer);
console.log(`dashboard(sjp) x10 avg ${((performance.now() - t0) / 10).toFixed(1)} ms`);
await sys.close();
fs.rmSync(dataDir, { recursive: true, force: true });
