import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ROLES, type Role } from '../platform/http/permissions.js';
import { generateRegion } from '../modules/synthetic/index.js';
import { firstFacility, loadFacilities } from '../modules/facilities/index.js';
import { todayJakarta } from '../platform/calendar/index.js';
import { seedFacilitiesDemo } from '../modules/facilities/index.js';
import { seedReferralsDemo } from '../modules/referrals/index.js';
import { seedMembershipDemo, writeNextDemoSnapshot } from './demo-membership.js';
import { seedSjpDemo } from '../modules/guarantees/index.js';
import { latestPopulationAsOf } from '../modules/population/index.js';
import { progressPrinter } from './progress.js';
import { globalOpts, report, withSystem } from './shared.js';

const DEMO_AS_OF = '2026-11-01';

/**
 * A small demo region with users of every role: generated population and JKN
 * files loaded through the real imports, facilities, and one login per role
 * (random one-time passwords, printed once and kept in data/demo-logins.txt).
 * Running it again refreshes the data and issues new passwords.
 */
export function registerDemo(program: Command) {
  program
    .command('demo')
    .description('memuat wilayah contoh kecil dan membuat pengguna untuk setiap peran')
    .option('--people <n>', 'jumlah penduduk contoh', '3000')
    .action(async (o: { people: string }, cmd: Command) => {
      const opts = globalOpts(cmd);
      const summary = await withSystem(opts, async (sys) => {
        const dir = path.join(sys.config.dataDir, 'demo');
        const region = await generateRegion({ people: Number(o.people), outDir: dir, seed: 'demo', asOf: DEMO_AS_OF });
        await loadFacilities(sys.db, path.join(dir, 'facilities.csv'));
        const facilities = await seedFacilitiesDemo(sys);
        // Loaded once: a later run only issues new passwords (a second load of the same snapshot
        // would be reviewed as a change set against what the demo officers did since).
        const loaded = (await latestPopulationAsOf(sys.db)) !== null;
        const listener = opts.json ? undefined : progressPrinter();
        for (const kind of loaded ? [] : (['population', 'jkn'] as const)) {
          const file = path.join(dir, `${kind}.csv`);
          const { done } = await sys.imports.start({
            kind,
            filePath: file,
            fileName: `${kind}.csv`,
            asOf: DEMO_AS_OF,
            ownsFile: false,
            listener,
          });
          await done;
        }
        const puskesmas = await firstFacility(sys.db, 'PPK1');
        const hospital = await firstFacility(sys.db, 'PPK2');
        const logins: { role: Role; username: string; password: string; facility: string | null; id: number }[] = [];
        for (const role of ROLES) {
          const facility = role === 'puskesmas' ? puskesmas : role === 'rumahsakit' ? hospital : null;
          const username = `demo.${role}`;
          const existing = (await sys.access.listUsers()).find((u) => u.username === username);
          const { id, password } = existing
            ? { id: existing.id, password: (await sys.access.resetPassword(existing.id)).oneTimePassword }
            : await sys.access
                .createUser({ username, role, facilityCode: facility?.code ?? null, fullName: `Demo ${role}` })
                .then((u) => ({ id: u.id, password: u.oneTimePassword }));
          logins.push({
            role,
            username,
            password,
            facility: facility ? `${facility.code} ${facility.name}` : null,
            id,
          });
        }
        const actor = (role: Role, facilityCode: string | null) => {
          const l = logins.find((x) => x.role === role)!;
          return { id: l.id, username: l.username, role, facilityCode, via: 'system' as const };
        };
        const membership = loaded
          ? null
          : await seedMembershipDemo(sys, {
              hospital: actor('rumahsakit', hospital?.code ?? null),
              puskesmas: actor('puskesmas', puskesmas?.code ?? null),
            });
        // SJP: an emergency to decide, an inpatient request sent back for its KK, an approved letter.
        const sjp = membership
          ? await seedSjpDemo(sys, {
              hospital: actor('rumahsakit', hospital?.code ?? null),
              officer: actor('sjp', null),
            })
          : null;
        const referrals = membership
          ? await seedReferralsDemo(sys, {
              puskesmas: actor('puskesmas', puskesmas?.code ?? null),
              hospital: actor('rumahsakit', hospital?.code ?? null),
            })
          : null;
        // Next month's snapshot arrives: a change set waits for the membership officer.
        let changeSet: unknown = null;
        if (membership) {
          const next = path.join(dir, 'population-next.csv');
          const today = todayJakarta();
          await writeNextDemoSnapshot(path.join(dir, 'population.csv'), next, today, membership.reportedDeath);
          const { done } = await sys.imports.start({
            kind: 'population',
            filePath: next,
            fileName: 'population-next.csv',
            asOf: today,
            ownsFile: false,
            listener,
          });
          changeSet = ((await done) as Record<string, unknown>).changeSetId ?? null;
        }
        return {
          people: region.people,
          families: region.population.families,
          logins,
          membership,
          facilities,
          referrals,
          sjp,
          changeSet,
          dataDir: sys.config.dataDir,
        };
      });
      const lines = [
        `Wilayah contoh dimuat: ${summary.people} penduduk, ${summary.families} keluarga (data per ${DEMO_AS_OF}).`,
        summary.membership
          ? `Kepesertaan: ${summary.membership.cardsIssued} kartu diterbitkan di kelurahan ${summary.membership.village}, ${summary.membership.cardsPrinted} dicetak; ` +
            `${summary.membership.letters} surat rekomendasi Dinsos; kelahiran ${summary.membership.birth ?? '(sudah ada)'}; satu sinyal kartu dipakai setelah meninggal; ` +
            `snapshot berikutnya menunggu persetujuan (daftar perubahan #${String(summary.changeSet)}, menu Rekonsiliasi).`
          : 'Data contoh sudah dimuat sebelumnya; hanya kata sandi akun demo yang diperbarui.',
        ...(summary.membership
          ? [
              `Fasilitas: ${summary.facilities.agreements} perjanjian kerja sama, ${summary.facilities.bedReports} laporan tempat tidur; ` +
                `rujukan contoh: ${summary.referrals?.created.length ?? 0}${summary.referrals?.skipped ? ` (${summary.referrals.skipped})` : ''}.`,
            ]
          : []),
        ...(summary.sjp ? [`SJP contoh: ${summary.sjp.created} permintaan untuk rumah sakit demo (menu SJP).`] : []),
        '',
        'Akun demo (kata sandi sekali pakai; ganti saat pertama masuk):',
        ...summary.logins.map(
          (l) =>
            `  ${l.role.padEnd(12)} ${l.username.padEnd(20)} ${l.password}${l.facility ? `   (${l.facility})` : ''}`,
        ),
      ];
      const file = path.join(summary.dataDir, 'demo-logins.txt');
      fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
      lines.push('', `Daftar ini juga disimpan di ${file}.`);
      report(opts, { ok: true, ...summary }, lines);
    });
}
