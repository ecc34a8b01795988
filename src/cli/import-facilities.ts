import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { invalid } from '../platform/http/errors.js';
import { loadFacilities } from '../modules/facilities/index.js';
import { globalOpts, report, withSystem } from './shared.js';

/** `jamkesda import facilities FILE`: the facility registry (FAC-1), all rows or none. */
export function registerImportFacilities(imp: Command) {
  imp
    .command('facilities <file>')
    .description('memuat daftar fasilitas kesehatan (facilities.csv); berkas dengan baris salah ditolak seluruhnya')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const opts = globalOpts(cmd);
      const filePath = path.resolve(file);
      if (!fs.existsSync(filePath)) throw invalid('FILE_MISSING', `Berkas ${file} tidak ditemukan.`);
      const loaded = await withSystem(opts, (sys) => loadFacilities(sys.db, filePath));
      report(opts, { ok: true, kind: 'facilities', loaded }, [
        `Fasilitas dimuat: ${loaded} baris (baru atau diperbarui).`,
      ]);
    });
}
