import type { Db } from '../../platform/db/index.js';
import * as repo from './repo.js';
import type { ProgramSettings } from './rules/eligibility.js';

/** The settings in force on a date: the latest row whose effective date is on or before it. */
export function settingsOn(all: readonly ProgramSettings[], date: string): ProgramSettings | null {
  let found: ProgramSettings | null = null;
  for (const s of all) if (s.effectiveFrom <= date) found = s;
  return found;
}

/** Program settings, cached; reloaded when they change (they change rarely). */
export function createSettingsService(db: Db) {
  let cache: Awaited<ReturnType<typeof repo.listSettings>> | null = null;
  let jknFrom: { value: string | null; at: number } | null = null;

  async function all() {
    if (!cache) cache = await repo.listSettings(db);
    return cache;
  }

  return {
    all,
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
