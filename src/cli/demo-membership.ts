import fs from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { todayJakarta } from '../platform/calendar/index.js';
import { renderPdf } from '../platform/documents/pdf.js';
import { currentContext, runWithContext, systemContext, type Actor } from '../platform/http/context.js';
import { seedDemoRecommendations } from '../modules/dinsos/index.js';
import type { System } from '../system.js';

const daysBefore = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * The membership features on the demo region, done through the services as
 * officers would: cards for the first village (some printed and handed over),
 * Dinsos letters, a recorded birth, a death reported by a hospital and a desk
 * check of that NIK afterwards (a misuse signal). Safe to run again: each step
 * skips what is already there.
 */
export async function seedMembershipDemo(sys: System, actors: { hospital: Actor; puskesmas: Actor }) {
  // The services name the actor of every write: outside the CLI (the end-to-end seed) the demo runs as the system.
  return runWithContext(currentContext() ?? systemContext('demo'), () => seed(sys, actors));
}

async function seed(sys: System, actors: { hospital: Actor; puskesmas: Actor }) {
  const today = todayJakarta();
  const village = (
    await sys.db.query<{ v: string }>('SELECT village_code AS v FROM person GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
  ).rows[0]!.v;

  const cards = await sys.cards.issueForArea(village);
  const active = await sys.db.query<{ id: number }>(
    `SELECT id FROM family_card WHERE status = 'ACTIVE' AND print_batch_id IS NULL ORDER BY id LIMIT 12`,
  );
  const ids = active.rows.map((r) => Number(r.id));
  if (ids.length > 0) {
    await sys.cardPrint.createBatch(ids, 'A4');
    for (const id of ids.slice(0, 5))
      await sys.cardPrint.handover(id, { to: 'Kepala keluarga (diambil di kelurahan)' });
  }

  const letters = await seedDemoRecommendations(sys.db, sys.recommendations, { residents: 4 });

  // A birth recorded by the hospital desk, with a birth statement as the scanned document.
  const mother = (
    await sys.db.query<{ nik: string }>(
      `SELECT p.nik FROM person p
       WHERE p.sex = 'P' AND p.relation = 'ISTRI' AND p.death_date IS NULL AND p.moved_out_date IS NULL AND p.village_code = $1
         AND NOT EXISTS (SELECT 1 FROM birth_record b WHERE b.mother_nik = p.nik)
         AND NOT EXISTS (SELECT 1 FROM jkn_membership j WHERE j.nik = p.nik AND j.valid_to IS NULL AND j.segment LIKE 'PBI%' AND j.status = 'AKTIF')
       ORDER BY p.nik LIMIT 1`,
      [village],
    )
  ).rows[0];
  let birth: string | null = null;
  if (mother) {
    birth = await runWithContext({ ...currentContext()!, actor: actors.hospital }, async () => {
      const pdf = await renderPdf({ title: 'Surat keterangan lahir' }, (doc) => {
        doc.fontSize(16).text('SURAT KETERANGAN LAHIR', { align: 'center' }).moveDown();
        doc
          .fontSize(11)
          .text(`Telah lahir seorang bayi laki-laki pada ${daysBefore(today, 2)} dari ibu dengan NIK ${mother.nik}.`);
      });
      const doc = await sys.documents.save(Readable.from([pdf]), 'surat-keterangan-lahir.pdf');
      const rec = await sys.births.record({
        childNik: null,
        childName: 'BAYI NY. DEMO',
        sex: 'L',
        birthDate: daysBefore(today, 2),
        birthPlace: 'RSUD Kota',
        motherNik: mother.nik,
        fatherNik: null,
        documentKind: 'SURAT_KETERANGAN_LAHIR',
        documentNumber: `SKL/DEMO/${today}`,
        documentId: doc.id,
      });
      return rec.regNumber;
    });
  }

  // A death reported between two snapshots, and a desk check of that NIK afterwards.
  const cardHolder = (
    await sys.db.query<{ nik: string }>(
      `SELECT m.nik FROM family_card_member m JOIN family_card c ON c.id = m.card_id AND c.status = 'ACTIVE'
       JOIN person p ON p.nik = m.nik AND p.death_date IS NULL
       WHERE m.included AND m.relation = 'KEPALA KELUARGA' ORDER BY m.nik DESC LIMIT 1`,
    )
  ).rows[0];
  if (cardHolder) {
    await sys.changes.recordManual(cardHolder.nik, {
      kind: 'DEATH',
      effectiveDate: daysBefore(today, 7),
      reason: 'Laporan kematian dari RSUD Kota, surat keterangan kematian demo',
    });
    await runWithContext({ ...currentContext()!, actor: actors.puskesmas }, () =>
      sys.eligibility.check(cardHolder.nik, today),
    );
  }
  await sys.audit.flush();
  return {
    village,
    cardsIssued: cards.issued,
    cardsPrinted: ids.length,
    letters: letters.numbers.length,
    birth,
    reportedDeath: cardHolder ? { nik: cardHolder.nik, date: daysBefore(today, 7) } : null,
  };
}

/**
 * The Dukcapil snapshot of "today" for the demo: the first one with a few
 * changes — two deaths, a move out, an address change, e-KTP recorded, and a
 * baby born — plus the death the hospital already reported, so that the
 * officer has a change set to review under Rekonsiliasi.
 */
export async function writeNextDemoSnapshot(
  first: string,
  out: string,
  asOf: string,
  alreadyDead: { nik: string; date: string } | null,
) {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(first, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const rows = parsed.data;
  const alive = rows.filter((r) => !r.tanggal_meninggal && !r.tanggal_pindah);
  const pick = (i: number) => alive[Math.floor((alive.length * (i + 1)) / 7)]!;
  pick(0).tanggal_meninggal = daysBefore(asOf, 9);
  pick(1).tanggal_meninggal = daysBefore(asOf, 4);
  pick(2).tanggal_pindah = daysBefore(asOf, 12);
  pick(3).alamat = `${pick(3).alamat} (PINDAH ALAMAT DALAM KOTA)`;
  const noEktp = alive.find(
    (r) => r.status_ektp === 'N' && Number(r.tanggal_lahir!.slice(0, 4)) < Number(asOf.slice(0, 4)) - 17,
  );
  if (noEktp) noEktp.status_ektp = 'Y';
  if (alreadyDead) {
    const r = rows.find((x) => x.nik === alreadyDead.nik);
    if (r) r.tanggal_meninggal = alreadyDead.date;
  }
  const head = alive.find((r) => r.hubungan_keluarga === 'KEPALA KELUARGA' && r.nik!.slice(6, 8) < '40')!;
  const born = daysBefore(asOf, 6);
  const [y, m, d] = born.split('-');
  rows.push({
    ...head,
    nik: `${head.nik!.slice(0, 6)}${d}${m}${y!.slice(2)}9${head.nik!.slice(13)}`,
    nama: `BAYI ${head.nama}`,
    tanggal_lahir: born,
    hubungan_keluarga: 'ANAK',
    status_ektp: 'N',
    tanggal_meninggal: '',
    tanggal_pindah: '',
  });
  fs.writeFileSync(out, Papa.unparse(rows, { columns: parsed.meta.fields }));
}
