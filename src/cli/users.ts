import type { Command } from 'commander';
import { globalOpts, report, withSystem } from './shared.js';

export function registerUsers(program: Command) {
  const user = program.command('user').description('pengguna');
  user
    .command('create')
    .description('membuat pengguna dan mencetak kata sandi sekali pakai')
    .requiredOption('--username <u>', 'nama pengguna')
    .requiredOption('--role <r>', 'peran (admin, kepesertaan, sjp, …)')
    .option('--facility <code>', 'kode fasilitas (wajib untuk puskesmas dan rumahsakit)')
    .option('--name <name>', 'nama lengkap')
    .action(async (o: { username: string; role: string; facility?: string; name?: string }, cmd: Command) => {
      const opts = globalOpts(cmd);
      const r = await withSystem(opts, (sys) =>
        sys.access.createUser({
          username: o.username,
          role: o.role,
          facilityCode: o.facility ?? null,
          fullName: o.name,
        }),
      );
      report(opts, { ok: true, ...r }, [
        `Pengguna ${r.username} (${r.role}${r.facilityCode ? `, ${r.facilityCode}` : ''}) dibuat.`,
        `Kata sandi sekali pakai: ${r.oneTimePassword}`,
        'Pengguna wajib menggantinya saat pertama masuk.',
      ]);
    });

  program
    .command('token')
    .description('token API')
    .command('create')
    .description('membuat token API untuk seorang pengguna')
    .requiredOption('--username <u>', 'nama pengguna')
    .option('--label <label>', 'keterangan token (mis. nama sistem SIMRS)')
    .action(async (o: { username: string; label?: string }, cmd: Command) => {
      const opts = globalOpts(cmd);
      const r = await withSystem(opts, (sys) => sys.access.createToken(o.username, o.label));
      report(opts, { ok: true, ...r }, [
        `Token API untuk ${r.username} (simpan sekarang, tidak ditampilkan lagi):`,
        r.token,
      ]);
    });
}
