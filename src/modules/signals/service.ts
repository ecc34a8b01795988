import type { AuditWriter } from '../../platform/audit/audit.js';
import { todayJakarta } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/index.js';
import type { SettingsService } from '../membership/index.js';
import { findSignals } from './repo.js';
import { DEATH_LOOKBACK_DAYS, SIGNAL_ACTIONS, SIGNAL_KINDS, SIGNAL_TITLES, type SignalKind } from './rules/signals.js';
import type { ListQuery, SignalList, SignalSummary } from './schemas.js';

/** Misuse signals (MEM-10) for the membership officer, each with its evidence. */
export function createSignalService(db: Db, settings: SettingsService, audit: AuditWriter) {
  async function summary(district: string | null): Promise<SignalSummary> {
    const date = todayJakarta();
    const s = await settings.on(date);
    const kinds = await Promise.all(
      SIGNAL_KINDS.map(async (kind) => {
        const { total } = await findSignals(db, kind, {
          lookbackDays: DEATH_LOOKBACK_DAYS,
          excludedSegments: s?.excludedSegments ?? [],
          date,
          district,
          limit: 1,
          offset: 0,
        });
        return { kind, title: SIGNAL_TITLES[kind], action: SIGNAL_ACTIONS[kind], total };
      }),
    );
    return { kinds };
  }

  async function list(kind: SignalKind, f: ListQuery): Promise<SignalList> {
    const date = todayJakarta();
    const s = await settings.on(date);
    const { rows, total } = await findSignals(db, kind, {
      lookbackDays: DEATH_LOOKBACK_DAYS,
      excludedSegments: s?.excludedSegments ?? [],
      date,
      district: f.area,
      limit: f.pageSize,
      offset: (f.page - 1) * f.pageSize,
    });
    await audit.record(
      rows.map((r) => ({ action: 'signals.read', entityType: 'person', entityId: r.nik, details: { kind } })),
    );
    return {
      kind,
      title: SIGNAL_TITLES[kind],
      action: SIGNAL_ACTIONS[kind],
      total,
      page: f.page,
      pageSize: f.pageSize,
      items: rows.map((r) => ({
        nik: r.nik,
        name: r.name,
        villageCode: r.village_code,
        since: r.since,
        evidence: r.evidence,
      })),
    };
  }

  return { summary, list };
}

export type SignalService = ReturnType<typeof createSignalService>;
