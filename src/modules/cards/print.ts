import { auditInTx, type AuditWriter } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/index.js';
import { normaliseCode } from '../../platform/documents/codes.js';
import { authorId, requireActor } from '../../platform/http/actor.js';
import { invalid, notFound, ruleRefusal } from '../../platform/http/errors.js';
import { jakartaToday } from '../membership/index.js';
import { renderCardsPdf, type CardLayout, type PrintableCard } from './pdf.js';
import * as printRepo from './print-repo.js';
import * as repo from './repo.js';
import { handoverProblem, printProblem } from './rules/lifecycle.js';
import { initials } from '../../platform/documents/initials.js';
import type { Letterhead } from '../../platform/documents/letterhead.js';
import { areaPrefix, stateOf } from './service.js';
import { MAX_BATCH, type AreaTree, type HandoverInput, type QueueQuery, type Verification } from './schemas.js';
import { cardView } from './view.js';
import { flaggedCardIds, reissueFlags } from './reissue-repo.js';
import { flagList } from './rules/reissue.js';
import type { SettingsService } from '../membership/index.js';

const AREA_CACHE_MS = 10 * 60 * 1000;

function toAreaTree(rows: Awaited<ReturnType<typeof printRepo.populatedVillages>>): AreaTree {
  const districts = new Map<string, AreaTree['districts'][number]>();
  for (const r of rows) {
    const code = r.code.slice(0, 6);
    let d = districts.get(code);
    if (!d) districts.set(code, (d = { code, name: r.district ?? code, regency: r.regency, villages: [] }));
    d.villages.push({ code: r.code, name: r.village ?? r.code });
  }
  return { districts: [...districts.values()] };
}

function dateOrNull(v: string | undefined, field: string): string | undefined {
  if (!v) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    throw invalid('INVALID_DATE', `${field} harus tanggal YYYY-MM-DD.`);
  }
  return v;
}

/** The print queue, print batches, card PDFs, hand-over, and the public verification. */
export function createCardPrintService(
  db: Db,
  audit: AuditWriter,
  opts: {
    publicUrl: string;
    settings: Pick<SettingsService, 'on'>;
    letterheads?: { for(office: 'HEALTH'): Promise<Letterhead> };
  },
) {
  async function flagScope() {
    const today = jakartaToday();
    return { today, excludedSegments: (await opts.settings.on(today))?.excludedSegments ?? [] };
  }

  async function list(qq: QueueQuery) {
    const filter: printRepo.QueueFilter = {
      area: qq.area ? areaPrefix(qq.area) : undefined,
      issuedFrom: dateOrNull(qq.issuedFrom, 'Tanggal terbit awal'),
      issuedTo: dateOrNull(qq.issuedTo, 'Tanggal terbit akhir'),
      status: qq.status,
      printState: qq.printState,
      printBatchId: qq.printBatchId,
    };
    if (filter.issuedFrom && filter.issuedTo && filter.issuedFrom > filter.issuedTo) {
      throw invalid('INVALID_DATE_RANGE', 'Tanggal terbit awal harus sebelum atau sama dengan tanggal terbit akhir.');
    }
    const scope = await flagScope();
    // The flag query reads every member of the area's active cards: run once, and only for the "perlu cetak ulang"
    // tab; the other tabs mark just the cards of the page they show.
    if (qq.needsReissue) filter.cardIds = await flaggedCardIds(db, { ...scope, area: filter.area ?? null });
    const base = await printRepo.queueTotals(db, filter);
    const totals = { ...base, PERLU_CETAK_ULANG: qq.needsReissue ? base.all : null };
    const rows = await printRepo.queuePage(db, filter, qq.pageSize, (qq.page - 1) * qq.pageSize);
    const total = filter.printState ? totals[filter.printState] : totals.all;
    const active = rows.filter((c) => c.status === 'ACTIVE').map((c) => c.id);
    const flags = active.length ? await reissueFlags(db, { ...scope, cardIds: active }) : new Map();
    await audit.record(rows.map((c) => ({ action: 'card.list', entityType: 'family_card', entityId: String(c.id) })));
    return {
      items: rows.map((c) => ({ ...cardView(c, opts.publicUrl), reissueFlags: flagList(flags.get(c.id)) })),
      total,
      page: qq.page,
      pageSize: qq.pageSize,
      totals,
    };
  }

  async function printable(ids: readonly number[]): Promise<PrintableCard[]> {
    const cards = await repo.cardsById(db, ids);
    const found = new Set(cards.map((c) => c.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw notFound('CARD_NOT_FOUND', `Kartu tidak ditemukan: ${missing.slice(0, 10).join(', ')}.`);
    // An ended card must not circulate: only active cards are printed.
    const ended = cards.filter((c) => c.status !== 'ACTIVE');
    if (ended.length) {
      throw ruleRefusal(
        'CARD_NOT_ACTIVE',
        `Kartu yang sudah diganti atau dicabut tidak dapat dicetak: ${ended
          .slice(0, 5)
          .map((c) => c.number)
          .join(', ')}.`,
      );
    }
    const members = await repo.membersOf(db, ids);
    const byId = new Map(cards.map((c) => [c.id, c]));
    return ids.map((id) => {
      const c = byId.get(id)!;
      const v = cardView(c, opts.publicUrl);
      return {
        number: c.number,
        noKk: c.noKk,
        issuedOn: c.issuedOn,
        headName: c.headName,
        address: c.address,
        rt: c.rt,
        rw: c.rw,
        villageName: c.villageName,
        districtName: c.districtName,
        regencyName: c.regencyName,
        verifyUrl: v.verifyUrl,
        verifyCode: c.verifyCode,
        members: members.filter((m) => m.cardId === id),
      };
    });
  }

  /** One PDF of these cards, in the order given. */
  async function pdf(ids: readonly number[], layout: CardLayout, title: string, context: Record<string, unknown> = {}) {
    const unique = [...new Set(ids)];
    if (unique.length === 0 || unique.length > MAX_BATCH) {
      throw invalid('BATCH_SIZE', `Pilih 1 sampai ${MAX_BATCH} kartu untuk dicetak sekaligus.`);
    }
    const cards = await printable(unique);
    const bytes = await renderCardsPdf(cards, layout, title, await opts.letterheads?.for('HEALTH'));
    await audit.record(
      unique.map((id) => ({
        action: 'card.pdf',
        entityType: 'family_card',
        entityId: String(id),
        details: { layout, ...context },
      })),
    );
    return bytes;
  }

  async function cardPdf(id: number, layout: CardLayout) {
    const c = (await repo.cardsById(db, [id]))[0];
    if (!c) throw notFound('CARD_NOT_FOUND', 'Kartu tidak ditemukan.');
    return { bytes: await pdf([id], layout, `Kartu ${c.number}`), fileName: `${c.number}.pdf` };
  }

  /** Records that these cards were printed, as one batch; refuses the whole batch if any card cannot be in it. */
  async function createBatch(ids: readonly number[], layout: CardLayout) {
    const by = authorId(requireActor());
    const unique = [...new Set(ids)];
    if (unique.length === 0 || unique.length > MAX_BATCH) {
      throw invalid('BATCH_SIZE', `Pilih 1 sampai ${MAX_BATCH} kartu untuk satu batch cetak.`);
    }
    return db.tx(async (tx) => {
      const cards = await repo.cardsById(tx, unique, true);
      const found = new Set(cards.map((c) => c.id));
      const missing = unique.filter((id) => !found.has(id));
      if (missing.length)
        throw notFound('CARD_NOT_FOUND', `Kartu tidak ditemukan: ${missing.slice(0, 10).join(', ')}.`);
      const problems = cards
        .map((c) => printProblem({ ...stateOf(c), printBatchId: c.printBatchId }))
        .filter((p) => p !== null);
      if (problems.length) {
        throw ruleRefusal(
          'BATCH_REFUSED',
          `Batch cetak tidak dibuat: ${problems.length} kartu tidak dapat dimasukkan. ${problems
            .slice(0, 3)
            .map((p) => p.message)
            .join(' ')}`,
          { problems },
        );
      }
      const batchId = await printRepo.createBatch(tx, layout, unique, by);
      await auditInTx(tx, [
        {
          action: 'card.print_batch',
          entityType: 'family_card_print_batch',
          entityId: String(batchId),
          details: { cards: unique.length, layout },
        },
        ...unique.map((id) => ({
          action: 'card.print',
          entityType: 'family_card',
          entityId: String(id),
          details: { batchId },
        })),
      ]);
      return { id: batchId, cardCount: unique.length, layout };
    });
  }

  async function batches(page: number, pageSize: number) {
    const r = await printRepo.batches(db, pageSize, (page - 1) * pageSize);
    return { ...r, page, pageSize };
  }

  async function batchPdf(id: number, layout?: CardLayout) {
    const b = await printRepo.batch(db, id);
    if (!b) throw notFound('BATCH_NOT_FOUND', 'Batch cetak tidak ditemukan.');
    const active = (await repo.cardsById(db, b.cardIds)).filter((c) => c.status === 'ACTIVE').map((c) => c.id);
    if (active.length === 0)
      throw ruleRefusal(
        'BATCH_EMPTY',
        'Semua kartu dalam batch ini sudah diganti atau dicabut; tidak ada yang dapat dicetak.',
      );
    const ordered = b.cardIds.filter((x) => active.includes(x));
    return {
      bytes: await pdf(ordered, layout ?? b.layout, `Batch cetak #${id}`, { batchId: id }),
      fileName: `batch-cetak-${id}.pdf`,
    };
  }

  async function handover(id: number, input: HandoverInput) {
    const by = authorId(requireActor());
    const today = jakartaToday();
    const on = dateOrNull(input.on, 'Tanggal penyerahan') ?? today;
    const to = input.to.trim().replace(/\s+/g, ' ');
    await db.tx(async (tx) => {
      const card = (await repo.cardsById(tx, [id], true))[0];
      if (!card) throw notFound('CARD_NOT_FOUND', 'Kartu tidak ditemukan.');
      const problem = handoverProblem(stateOf(card), on, today, to);
      if (problem) throw ruleRefusal(problem.code, problem.message);
      await printRepo.recordHandover(tx, id, { on, to, by });
      await auditInTx(tx, {
        action: 'card.handover',
        entityType: 'family_card',
        entityId: String(id),
        details: { on },
      });
    });
    const c = (await repo.cardsById(db, [id]))[0]!;
    return cardView(c, opts.publicUrl);
  }

  /**
   * The public answer for a QR code: valid or not, the status, the head of
   * family's initials and the issue date — nothing else. An unknown or
   * malformed code gets the same shape. Each check is audited (who asked from where).
   */
  async function verify(raw: string): Promise<Verification> {
    const code = normaliseCode(raw);
    const found = code ? await repo.verifyByCode(db, code) : null;
    await audit.record({
      action: 'card.verify',
      entityType: found ? 'family_card' : undefined,
      entityId: found ? String(found.id) : undefined,
      details: { found: found !== null },
    });
    if (!found) return { valid: false, status: 'UNKNOWN', initials: null, issuedOn: null };
    return {
      valid: found.status === 'ACTIVE',
      status: found.status,
      initials: initials(found.headName),
      issuedOn: found.issuedOn,
    };
  }

  let areaCache: { at: number; value: Promise<AreaTree> } | null = null;

  /**
   * Districts and villages that have residents, for the area pickers. The
   * scan of `person` is kept for ten minutes: villages appear only with a new
   * population snapshot.
   */
  function areas(): Promise<AreaTree> {
    if (!areaCache || Date.now() - areaCache.at > AREA_CACHE_MS) {
      const value = printRepo.populatedVillages(db).then(toAreaTree);
      value.catch(() => {
        if (areaCache?.value === value) areaCache = null;
      });
      areaCache = { at: Date.now(), value };
    }
    return areaCache.value;
  }

  return { list, cardPdf, pdf, createBatch, batches, batchPdf, handover, verify, areas };
}

export type CardPrintService = ReturnType<typeof createCardPrintService>;
