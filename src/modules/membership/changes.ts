import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import { todayJakarta } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, ruleRefusal } from '../../platform/http/errors.js';
import { setPersonEndDate } from '../population/index.js';
import { appendChange, changesOf } from './changes-repo.js';
import type { Decide } from './eligibility.js';
import { requireNik } from './eligibility.js';
import { loadFacts } from './repo.js';
import { basisPeriods, checkManualChange } from './rules/changes.js';
import type { ManualChangeInput } from './schemas.js';
import type { SettingsService } from './settings.js';
import { timelineEvents } from './timeline-repo.js';

/**
 * MEM-6: membership changes recorded by hand, and a person's timeline — every
 * change, card event, letter, birth record, JKN and DTKS period, and the
 * decision basis over time, answered from the same history eligibility uses.
 */
export function createChangeService(db: Db, decide: Decide, audit: AuditWriter, settings: SettingsService) {
  async function recordManual(nikRaw: string, c: ManualChangeInput) {
    const nik = requireNik(nikRaw);
    const today = todayJakarta();
    return db.tx(async (tx) => {
      const r = await tx.query<{ birth_date: string; death_date: string | null; moved_out_date: string | null }>(
        'SELECT birth_date, death_date, moved_out_date FROM person WHERE nik = $1 FOR UPDATE',
        [nik],
      );
      const p = r.rows[0];
      if (!p) throw notFound('PERSON_NOT_FOUND', 'NIK tidak terdapat dalam data kependudukan.');
      const problem = checkManualChange(
        c,
        { birthDate: p.birth_date, deathDate: p.death_date, movedOutDate: p.moved_out_date },
        today,
      );
      if (problem) throw ruleRefusal('CHANGE_REFUSED', problem);
      let details: Record<string, unknown>;
      if (c.kind === 'DEATH') {
        await setPersonEndDate(tx, nik, 'deathDate', c.effectiveDate);
        details = { deathDate: { before: null, after: c.effectiveDate } };
      } else if (c.kind === 'MOVE_OUT') {
        await setPersonEndDate(tx, nik, 'movedOutDate', c.effectiveDate);
        details = { movedOutDate: { before: null, after: c.effectiveDate } };
      } else if (c.withdraws === 'DEATH') {
        await setPersonEndDate(tx, nik, 'deathDate', null);
        details = { deathDate: { before: p.death_date, after: null } };
      } else {
        await setPersonEndDate(tx, nik, 'movedOutDate', null);
        details = { movedOutDate: { before: p.moved_out_date, after: null } };
      }
      const id = await appendChange(tx, {
        nik,
        kind: c.kind,
        effectiveDate: c.effectiveDate,
        reason: c.reason.trim(),
        source: 'MANUAL',
        details,
      });
      await auditInTx(tx, {
        action: 'membership.change',
        entityType: 'person',
        entityId: nik,
        details: { kind: c.kind, changeId: id },
      });
      return { id };
    });
  }

  async function timeline(nikRaw: string) {
    const nik = requireNik(nikRaw);
    const today = todayJakarta();
    const [changes, events] = await Promise.all([changesOf(db, nik), timelineEvents(db, nik)]);
    const all = [
      ...changes.map((c) => ({
        date: c.effective_date,
        kind: c.kind,
        category: 'CHANGE' as const,
        title: c.reason,
        source: c.source,
        recordedAt: c.recorded_at,
        recordedBy: c.recorded_by_name,
        details: c.details,
      })),
      ...events,
    ].sort((a, b) => a.date.localeCompare(b.date) || a.category.localeCompare(b.category));
    if (all.length === 0) throw notFound('PERSON_NOT_FOUND', 'Tidak ada riwayat untuk NIK ini.');
    // The decision on each date something happened, each date the program settings changed, and today.
    const first = all[0]!.date;
    const settingDates = (await settings.all()).map((x) => x.effectiveFrom).filter((d) => d > first);
    const dates = [...new Set([...all.map((e) => e.date), ...settingDates, today])].filter((d) => d <= today).sort();
    await audit.record({ action: 'membership.timeline', entityType: 'person', entityId: nik });
    const facts = await loadFacts(
      db,
      dates.map(() => nik),
      dates,
    );
    const points = await Promise.all(
      dates.map(async (date, i) => {
        const { decision } = await decide(nik, date, facts[i]!);
        const why = decision.eligible ? null : (decision.reasons.find((r) => r.severity === 'BLOCK')?.message ?? null);
        return {
          date,
          eligible: decision.eligible,
          basis: decision.basis,
          rule: decision.rule?.code ?? null,
          reason: why,
        };
      }),
    );
    return { nik, today, events: all, coverage: basisPeriods(points) };
  }

  return { recordManual, timeline };
}

export type ChangeService = ReturnType<typeof createChangeService>;
