import { stamp } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/index.js';
import { AttemptLimiter } from '../../platform/http/attempts.js';
import { invalid } from '../../platform/http/errors.js';
import { parseNik } from '../population/index.js';
import { loadFacts } from './repo.js';
import { citizenAnswer, familyCardMatches, normaliseKk, type CitizenAnswer } from './rules/self-check.js';
import type { SettingsService } from './settings.js';
import { createDecider } from './eligibility.js';
import { jakartaToday } from './today.js';

/** Citizen self-check (MEM-9): a resident's own status, from NIK and family card (KK) number, with no personal data in the answer. */
export function createSelfCheckService(db: Db, settings: SettingsService, perNik = { max: 5, windowMs: 60 * 60_000 }) {
  const decide = createDecider(db, settings);
  const limiter = new AttemptLimiter(
    db,
    'selfcheck.nik',
    perNik.max,
    perNik.windowMs,
    'Terlalu banyak percobaan untuk NIK ini. Coba lagi satu jam lagi.',
  );

  return {
    async check(nikRaw: string, noKkRaw: string): Promise<CitizenAnswer & { date: string }> {
      const nik = nikRaw.replace(/[\s.]/g, '');
      if (!/^\d{16}$/.test(nik) || !parseNik(nik).ok)
        throw invalid('INVALID_NIK', 'NIK harus 16 digit angka seperti tertulis di KTP atau Kartu Keluarga.');
      const noKk = normaliseKk(noKkRaw);
      if (!noKk)
        throw invalid(
          'INVALID_KK',
          'Nomor KK harus 16 digit angka, seperti tertulis di bagian atas Kartu Keluarga setelah tulisan "No.".',
        );
      await limiter.hit(nik);
      const date = jakartaToday();
      const [facts] = await loadFacts(
        db,
        [nik],
        [date],
        [stamp({ action: 'selfcheck', entityType: 'person', entityId: nik })],
      );
      // Whoever the NIK belongs to — registry, birth record or Dinsos letter — the family card number must match.
      const knownKk = facts?.person?.noKk ?? facts?.birth?.noKk ?? facts?.recommendation?.noKk ?? null;
      const matches = familyCardMatches(knownKk, noKk);
      const decision = matches ? (await decide(nik, date, facts!)).decision : null;
      return { ...citizenAnswer(decision, matches), date };
    },
  };
}

export type SelfCheckService = ReturnType<typeof createSelfCheckService>;
