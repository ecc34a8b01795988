import type { Writable } from 'node:stream';
import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { instantOf } from '../../platform/schemas.js';
import { conflict, invalid, notFound, ruleRefusal } from '../../platform/http/errors.js';
import type { ReviewInput, ReviewOutcome } from '../../platform/ingest/snapshot-import.js';
import type { AreaService } from '../areas/index.js';
import { listSettings } from '../membership/index.js';
import { settingsOn, type SettingsService } from '../membership/index.js';
import { createDecisions } from './decisions.js';
import { openMemberships, proposeJknItems } from './jkn-changes.js';
import { activeResidents, proposePopulationItems } from './population-changes.js';
import { DATA_NAME } from './labels.js';
import { officer } from './officer.js';
import type { ItemQuery, ItemsQuery, ListQuery, SampleQuery } from './schemas.js';
import * as repo from './repo.js';
import { assessChangeSet, DEFAULT_GUARD_LIMITS, refusalMessage, type GuardLimits } from './rules/guard.js';
import {
  DEFAULT_GOVERNMENT_PAID,
  describeChange,
  isItemKind,
  KIND_LABEL,
  type ChangeSetKind,
  type ChangeSetStatus,
  type ItemKind,
} from './rules/kinds.js';
import { writeChangeSetXlsx } from './xlsx.js';

const DECISIONS = ['PENDING', 'APPROVED', 'DECLINED', 'STALE'];

/**
 * MEM-7 reconciliation: later population snapshots and JKN files become change
 * sets; an officer approves all, some kinds or some items, or rejects the set.
 * Approval applies the approved items, writes their MEM-6 history rows and
 * closes the import, all in one transaction.
 */
export function createReconciliationService(
  db: Db,
  deps: { audit: AuditWriter; settings: SettingsService; areas: AreaService; guard?: GuardLimits },
) {
  const limits = deps.guard ?? DEFAULT_GUARD_LIMITS;
  const { approve, decline, reject } = createDecisions(db, () => deps.settings.invalidate());

  /**
   * Read through the import's own transaction: on the embedded database a
   * query on another handle while that transaction is open waits for it
   * forever (the settings cache hid this until it expired).
   */
  async function governmentPaid(tx: Queryable, asOf: string): Promise<readonly string[]> {
    const s = settingsOn(await listSettings(tx), asOf);
    return s ? s.excludedSegments : DEFAULT_GOVERNMENT_PAID;
  }

  /**
   * One big hash join (propose) or a few set-wise updates (approve): compiling
   * them with LLVM costs about a second and saves nothing (EXPLAIN ANALYZE at
   * 2.6 M rows, docs/benchmarks.md).
   */
  async function noJit(tx: Queryable) {
    if (db.kind === 'pg') await tx.exec('SET LOCAL jit = off');
  }

  /** Called by the import inside its final transaction, with the file's rows staged. */
  async function propose(tx: Queryable, kind: ChangeSetKind, input: ReviewInput): Promise<ReviewOutcome> {
    await noJit(tx);
    const id = await repo.createChangeSet(tx, {
      kind,
      importId: input.importId,
      asOf: input.asOf,
      previousAsOf: input.previousAsOf,
      createdBy: officer().id,
    });
    if (kind === 'population') await proposePopulationItems(tx, id, input.asOf, input.previousAsOf);
    else await proposeJknItems(tx, id, input.asOf, await governmentPaid(tx, input.asOf));
    const c = await repo.countItems(tx, id);
    await repo.setTotals(tx, id, c.totals, c.items);
    // Issue 10: a file that would end an unusual share of the register is a truncated or partial file until an officer says otherwise.
    const guard = assessChangeSet(
      {
        kind,
        before: kind === 'population' ? await activeResidents(tx) : await openMemberships(tx),
        rows: input.rowsRead,
        previousRows: input.previousRows,
        ending: kind === 'population' ? (c.totals.MISSING ?? 0) : c.ended,
      },
      limits,
    );
    // Thrown inside the import's final transaction: the set and its items go with it, the import fails.
    if (guard.verdict === 'refused')
      throw ruleRefusal('SNAPSHOT_REFUSED', refusalMessage(guard.figures), guard.figures);
    const suspect = guard.verdict === 'suspect';
    await repo.setGuard(tx, id, suspect, guard.figures);
    // Nothing differs (the same file again): nothing to review, the import simply counts as applied.
    const status = c.items === 0 ? 'APPROVED' : 'PENDING';
    if (c.items === 0) {
      await repo.closeChangeSet(tx, id, {
        status: 'APPROVED',
        approved: 0,
        declined: 0,
        stale: 0,
        decidedBy: null,
        decidedByUsername: null,
        note: 'Tidak ada perubahan dibanding data yang sudah dimuat.',
      });
    }
    await auditInTx(tx, {
      action: 'reconciliation.propose',
      entityType: 'reconciliation_change_set',
      entityId: String(id),
      details: {
        kind,
        importId: input.importId,
        items: c.items,
        totals: c.totals,
        suspect,
        endingPercent: guard.figures.endingPercent,
      },
    });
    return {
      changeSetId: id,
      status,
      suspect,
      items: c.items,
      totals: c.totals,
      inserted: c.newRecords,
      updated: c.changedNiks,
      extra: kind === 'population' ? { absent: c.totals.MISSING ?? 0 } : { ended: c.ended },
    };
  }

  /** Refuses a new import of a kind while a change set of that kind waits for review. */
  async function assertNoPending(kind: string) {
    if (kind !== 'population' && kind !== 'jkn') return;
    const p = await repo.pendingOf(db, kind);
    if (p) {
      throw conflict(
        'CHANGE_SET_PENDING',
        `Daftar perubahan #${p.id} dari impor data ${DATA_NAME[kind]} tanggal ${p.as_of} (${p.item_count} butir) masih menunggu persetujuan. ` +
          'Putuskan dulu setiap butirnya (setujui atau tidak setujui) di menu Rekonsiliasi, lalu impor lagi.',
      );
    }
  }

  function header(r: repo.ChangeSetRow) {
    return {
      id: Number(r.id),
      kind: r.kind,
      importId: Number(r.import_id),
      fileName: r.file_name,
      asOf: r.as_of,
      previousAsOf: r.previous_as_of,
      status: r.status,
      totals: r.totals,
      itemCount: Number(r.item_count),
      approvedCount: Number(r.approved_count),
      declinedCount: Number(r.declined_count),
      staleCount: Number(r.stale_count),
      createdAt: instantOf(r.created_at),
      createdBy: r.created_by_username,
      decidedAt: instantOf(r.decided_at),
      decidedBy: r.decided_by_username,
      decisionNote: r.decision_note,
      pendingCount: Number(r.item_count) - Number(r.approved_count) - Number(r.declined_count) - Number(r.stale_count),
      suspect: r.suspect,
      guard: r.guard,
    };
  }

  async function list(f: ListQuery) {
    return { items: (await repo.listChangeSets(db, f)).map(header) };
  }

  async function requireSet(id: number) {
    const r = await repo.getChangeSet(db, id);
    if (!r) throw notFound('CHANGE_SET_NOT_FOUND', `Daftar perubahan #${id} tidak ditemukan.`);
    return r;
  }

  /** District and village names of a village code (null when unknown). */
  async function areaNames(code: string | null) {
    if (!code) return { districtName: null, villageName: null };
    const [village, district] = await Promise.all([
      deps.areas.get(code).catch(() => null),
      deps.areas.get(code.slice(0, 6)).catch(() => null),
    ]);
    return { districtName: district?.name ?? null, villageName: village?.name ?? null };
  }

  /** The header with totals by kind (and by decision once decided) and by village. */
  async function get(id: number) {
    const h = header(await requireSet(id));
    const byKind = new Map<string, Record<string, number>>();
    const pendingEnding = new Map<string, number>();
    for (const r of await repo.countByDecision(db, id)) {
      const k = byKind.get(r.kind) ?? {};
      k[r.decision] = Number(r.n);
      byKind.set(r.kind, k);
      if (r.decision === 'PENDING') pendingEnding.set(r.kind, Number(r.ending));
    }
    const villages = new Map<string | null, Record<string, number>>();
    for (const r of await repo.countByVillage(db, id)) {
      const v = villages.get(r.village_code) ?? {};
      v[r.kind] = Number(r.n);
      villages.set(r.village_code, v);
    }
    const byVillage = await Promise.all(
      [...villages].map(async ([code, counts]) => ({
        villageCode: code,
        ...(await areaNames(code)),
        counts,
        total: Object.values(counts).reduce((a, b) => a + b, 0),
      })),
    );
    return {
      ...h,
      byKind: Object.entries(h.totals).map(([kind, total]) => ({
        kind,
        label: KIND_LABEL[kind as ItemKind] ?? kind,
        total,
        decisions: byKind.get(kind) ?? {},
        pending: byKind.get(kind)?.PENDING ?? 0,
        // Undecided items of the kind whose approval ends someone: the number a suspect set's typed confirmation asks for.
        pendingEnding: pendingEnding.get(kind) ?? 0,
      })),
      byVillage,
    };
  }

  function checkFilter(kind: ChangeSetKind, q: ItemQuery): repo.ItemFilter {
    if (q.kind && !isItemKind(kind, q.kind))
      throw invalid('INVALID_KIND', `Jenis perubahan "${q.kind}" tidak ada pada daftar perubahan ${DATA_NAME[kind]}.`);
    if (q.area && !/^(\d{6}|\d{10}|-)$/.test(q.area)) {
      throw invalid('INVALID_AREA_CODE', 'Wilayah harus kode kecamatan (6 digit) atau kelurahan/desa (10 digit).');
    }
    if (q.decision && !DECISIONS.includes(q.decision))
      throw invalid('INVALID_DECISION', `Keputusan harus salah satu dari ${DECISIONS.join(', ')}.`);
    return { kind: q.kind || undefined, area: q.area || undefined, decision: q.decision || undefined };
  }

  async function present(rows: repo.ItemRow[], id: number, action: string) {
    // Every person shown is an audited read, written before the answer leaves.
    if (rows.length > 0)
      await deps.audit.record(
        rows.map((r) => ({ action, entityType: 'person', entityId: r.nik, details: { changeSetId: id } })),
      );
    return Promise.all(
      rows.map(async (r) => ({
        id: Number(r.id),
        nik: r.nik,
        name: r.name,
        kind: r.kind,
        kindLabel: KIND_LABEL[r.kind as ItemKind] ?? r.kind,
        villageCode: r.village_code,
        ...(await areaNames(r.village_code)),
        lineNo: r.line_no === null ? null : Number(r.line_no),
        before: r.before,
        after: r.after,
        changes: describeChange(r.before, r.after),
        effectiveDate: r.effective_date,
        decision: r.decision,
      })),
    );
  }

  async function items(id: number, q: ItemsQuery) {
    const cs = await requireSet(id);
    const f = checkFilter(cs.kind, q);
    const page = Math.max(1, Math.floor(q.page ?? 1));
    const pageSize = Math.min(200, Math.max(1, Math.floor(q.pageSize ?? 50)));
    const r = await repo.pageItems(db, id, f, page, pageSize);
    return { total: r.total, page, pageSize, items: await present(r.rows, id, 'reconciliation.items.read') };
  }

  /** A random sample to check by hand before approving; the same seed gives the same sample. */
  async function sample(id: number, q: SampleQuery) {
    const cs = await requireSet(id);
    const f = checkFilter(cs.kind, q);
    const size = Math.min(200, Math.max(1, Math.floor(q.size ?? 50)));
    const seed = (q.seed ?? '').slice(0, 40) || String(Date.now());
    return {
      seed,
      size,
      items: await present(await repo.sampleItems(db, id, f, size, seed), id, 'reconciliation.sample.read'),
    };
  }

  /**
   * The change set (or the filtered part) as XLSX: checks first, then a
   * writer that streams rows in chunks, each chunk's reads audited before it
   * is written.
   */
  async function download(id: number, q: ItemQuery) {
    const cs = await requireSet(id);
    const f = checkFilter(cs.kind, q);
    const h = header(cs);
    const fileName = `perubahan-${cs.kind === 'jkn' ? 'jkn' : 'penduduk'}-${id}${f.kind ? `-${f.kind.toLowerCase()}` : ''}${f.area && f.area !== '-' ? `-${f.area}` : ''}.xlsx`;
    async function* chunks() {
      let after = 0;
      for (;;) {
        const rows = await repo.itemsAfter(db, id, f, after, 5000);
        if (rows.length === 0) return;
        await deps.audit.record(
          rows.map((r) => ({
            action: 'reconciliation.download',
            entityType: 'person',
            entityId: r.nik,
            details: { changeSetId: id },
          })),
        );
        after = Number(rows[rows.length - 1]!.id);
        yield rows;
      }
    }
    return {
      fileName,
      write: (out: Writable) => writeChangeSetXlsx(out, { ...h, filter: f }, chunks(), areaNames),
    };
  }

  async function ofImport(kind: ChangeSetKind, importId: number) {
    return repo.changeSetOfImport(db, kind, importId);
  }

  /** The change sets reviewing these imports, by import id (the import history links to them); DTKS has none. */
  async function ofImports(kind: string, importIds: readonly number[]): Promise<Map<number, number>> {
    if ((kind !== 'population' && kind !== 'jkn') || importIds.length === 0) return new Map();
    return repo.changeSetsOfImports(db, kind, importIds);
  }

  return {
    propose,
    assertNoPending,
    ofImports,
    approve,
    decline,
    reject,
    list,
    get,
    items,
    sample,
    download,
    ofImport,
  };
}

export type ReconciliationService = ReturnType<typeof createReconciliationService>;
