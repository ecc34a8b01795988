import { auditInTx } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/index.js';
import { authorId, requireActor } from '../../platform/http/actor.js';
import { notFound, ruleRefusal } from '../../platform/http/errors.js';
import { povertyDataAvailable } from '../poverty/index.js';
import { jakartaToday } from './today.js';
import * as repo from './repo.js';
import type { ProgramSettings } from './rules/eligibility.js';
import { settingProblems } from './rules/settings.js';
import type { NewSettingInput } from './schemas.js';

/** The settings in force on a date: the latest row whose effective date is on or before it. */
export function settingsOn<T extends ProgramSettings>(all: readonly T[], date: string): T | null {
  let found: T | null = null;
  for (const s of all) if (s.effectiveFrom <= date) found = s;
  return found;
}

/**
 * Re-read at most this often. Changes take effect from tomorrow at the
 * earliest, so another server process that still holds the old list for a few
 * seconds decides nothing differently.
 */
const CACHE_MS = 30_000;

/** Program settings with effective dates (MEM-3: the basis is a program setting). */
export function createSettingsService(db: Db) {
  let cache: { rows: Awaited<ReturnType<typeof repo.listSettings>>; at: number } | null = null;
  let jknFrom: { value: string | null; at: number } | null = null;

  async function all() {
    if (!cache || Date.now() - cache.at > CACHE_MS) cache = { rows: await repo.listSettings(db), at: Date.now() };
    return cache.rows;
  }

  async function schedule(input: NewSettingInput) {
    const today = jakartaToday();
    const problems = settingProblems(input, today, await povertyDataAvailable(db));
    if (problems.length) throw ruleRefusal('SETTING_REFUSED', problems.join(' '), { problems });
    const id = await db.tx(async (tx) => {
      const id = await repo.upsertFutureSetting(tx, input, today, authorId(requireActor()));
      if (!id) throw ruleRefusal('SETTING_REFUSED', `Sudah ada pengaturan yang berlaku mulai ${input.effectiveFrom}.`);
      await auditInTx(tx, {
        action: 'settings.program.schedule',
        entityType: 'program_setting',
        entityId: String(id),
        details: { ...input },
      });
      return id;
    });
    cache = null;
    return { id };
  }

  async function cancel(id: number) {
    await db.tx(async (tx) => {
      if (!(await repo.deleteFutureSetting(tx, id, jakartaToday()))) {
        throw notFound(
          'SETTING_NOT_FOUND',
          'Pengaturan tidak ditemukan, atau sudah berlaku sehingga tidak dapat dibatalkan.',
        );
      }
      await auditInTx(tx, { action: 'settings.program.cancel', entityType: 'program_setting', entityId: String(id) });
    });
    cache = null;
  }

  /** What the settings page shows: in force today, scheduled, and what was in force before (newest first). */
  async function overview() {
    const rows = await all();
    const today = jakartaToday();
    return {
      current: settingsOn(rows, today),
      scheduled: rows.filter((x) => x.effectiveFrom > today),
      history: rows.filter((x) => x.effectiveFrom <= today).reverse(),
    };
  }

  return {
    all,
    overview,
    schedule,
    cancel,
    async on(date: string): Promise<ProgramSettings | null> {
      return settingsOn(await all(), date);
    },
    /** Cached for a few seconds: it changes only when a JKN import is applied. */
    async jknDataFrom(): Promise<string | null> {
      if (!jknFrom || Date.now() - jknFrom.at > 5000) jknFrom = { value: await repo.jknDataFrom(db), at: Date.now() };
      return jknFrom.value;
    },
    invalidate() {
      cache = null;
      jknFrom = null;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
