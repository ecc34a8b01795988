import { stamp } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/index.js';
import { AttemptLimiter } from '../../platform/http/attempts.js';
import { invalid } from '../../platform/http/errors.js';
import { isRealDate } from '../../platform/ingest/values.js';
import { parseNik } from '../population/rules/nik.js';
import { loadFacts } from './repo.js';
import { citizenAnswer, type CitizenAnswer } from './rules/self-check.js';
import type { SettingsService } from './settings.js';
import { createDecider } from './eligibility.js';
import { jakartaToday } from './today.js';

/** Citizen self-check (MEM-9): a resident's own status, from NIK and birth date, with no personal data in the answer. */
export function createSelfCheckService(db: Db, settings: SettingsService, perNik = { max: 5, windowMs: 60 * 60_000 }) {
  const decide = createDecider(db, settings);
  const limiter = new AttemptLimiter(perNik.max, perNik.windowMs, 'Terlalu banyak percobaan untuk NIK ini. Coba lagi satu jam lagi.');

  return {
    async check(nikRaw: string, birthDateRaw: string): Promise<CitizenAnswer & { date: string }> {
      const nik = nikRaw.replace(/[\s.]/g, '');
      if (!/^\d{16}$/.test(nik) || !parseNik(nik).ok) throw invalid('INVALID_NIK', 'NIK harus 16 digit angka seperti tertulis di KTP atau Kartu Keluarga.');
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDateRaw);
      if (!m || !isRealDate(+m[1]!, +m[2]!, +m[3]!)) throw invalid('INVALID_DATE', 'Tanggal lahir tidak sah.');
      limiter.hit(nik);
      const date = jakartaToday();
      const [facts] = await loadFacts(db, [nik], [date], [stamp({ action: 'selfcheck', entityType: 'person', entityId: nik })]);
      // Whoever the NIK belongs to — registry, birth record or Dinsos letter — the birth date must match.
      const knownBirthDate = facts?.person?.birthDate ?? facts?.birth?.birthDate ?? facts?.recommendation?.birthDate ?? null;
      const matches = !!knownBirthDate && knownBirthDate === birthDateRaw;
      const decision = matches ? (await decide(nik, date, facts!)).decision : null;
      return { ...citizenAnswer(decision, matches), date };
    },
  };
}

export type SelfCheckService = ReturnType<typeof createSelfCheckService>;
