import { Readable } from 'node:stream';
import { renderPdf } from '../../platform/documents/pdf.js';
import { currentContext, runWithContext, type Actor } from '../../platform/http/context.js';
import type { System } from '../../system.js';
import type { Requirement } from './rules/checklist.js';
import type { CareType } from './rules/deadline.js';

/**
 * Demo SJP requests for the demo hospital: an emergency waiting for a decision,
 * an inpatient request the officer sent back for its KK, and an approved
 * inpatient letter. Requests that need an agreement are skipped when the demo
 * hospital has none. Returns what was created.
 */
export async function seedSjpDemo(sys: System, actors: { hospital: Actor; officer: Actor }) {
  const hospital = actors.hospital.facilityCode;
  if (!hospital) return { created: 0, skipped: 3 };
  const base = currentContext() ?? { requestId: 'demo', ip: 'local', actor: null };
  const asHospital = <T>(fn: () => Promise<T>) => runWithContext({ ...base, actor: actors.hospital }, fn);
  const asOfficer = <T>(fn: () => Promise<T>) => runWithContext({ ...base, actor: actors.officer }, fn);
  const candidates = await sys.db.query<{ nik: string }>(
    `SELECT p.nik FROM person p WHERE p.death_date IS NULL AND p.moved_out_date IS NULL
        AND NOT EXISTS (SELECT 1 FROM sjp_request s WHERE s.nik = p.nik)
      ORDER BY p.nik DESC LIMIT 40`,
  );
  const niks: string[] = [];
  for (const c of candidates.rows) {
    if (niks.length === 3) break;
    if ((await sys.eligibility.check(c.nik)).eligible) niks.push(c.nik);
  }
  const scan = async (title: string) => {
    const pdf = await renderPdf({ title }, (d) => void d.fontSize(18).text(`${title} (contoh)`));
    return asHospital(() =>
      sys.documents.save(Readable.from([pdf]), `${title.toLowerCase().replace(/\s+/g, '-')}.pdf`),
    );
  };
  const file = async (careType: CareType, nik: string, hoursAgo: number, reqs: Requirement[]) => {
    const documents: { requirement: Requirement; documentId: number }[] = [];
    for (const r of reqs) documents.push({ requirement: r, documentId: (await scan(r)).id });
    return asHospital(() =>
      sys.sjp.create({
        nik,
        careType,
        admittedAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
        diagnosisCode: careType === 'EMERGENCY' ? 'I21.9' : 'A09',
        diagnosisText: careType === 'EMERGENCY' ? 'Infark miokard akut' : 'Diare dan gastroenteritis',
        facilityCode: null,
        referralId: null,
        documents,
        submit: true,
        costCutoffAt: null,
        newborn: null,
      }),
    );
  };
  let created = 0;
  let skipped = 0;
  const tryCreate = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      created++;
    } catch {
      skipped++;
    }
  };
  if (niks[0]) await tryCreate(() => file('EMERGENCY', niks[0]!, 5, ['KARTU', 'KTP', 'KK', 'SURAT_GAWAT_DARURAT']));
  if (niks[1]) {
    await tryCreate(async () => {
      const s = await file('INPATIENT', niks[1]!, 30, ['KARTU', 'KTP', 'BUKTI_RAWAT_INAP']);
      await asOfficer(() => sys.sjp.askCompletion(s.id, { missing: ['KK'], note: 'Fotokopi KK belum dilampirkan.' }));
    });
  }
  if (niks[2]) {
    await tryCreate(async () => {
      const s = await file('INPATIENT', niks[2]!, 50, ['KARTU', 'KTP', 'KK', 'BUKTI_RAWAT_INAP']);
      await asOfficer(() => sys.sjp.approve(s.id, { validTo: null }));
    });
  }
  return { created, skipped };
}
