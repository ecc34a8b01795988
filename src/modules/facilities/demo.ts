import { Readable } from 'node:stream';
import { auditInTx } from '../../platform/audit/audit.js';
import { addDays, todayJakarta } from '../../platform/calendar/index.js';
import type { System } from '../../system.js';
import * as repo from './repo.js';
import { SERVICES } from './rules/agreement.js';
import { EMERGENCY_REPORT_WORKING_HOURS, nextMonth } from './rules/deadlines.js';

/** A one-page stand-in for a signed agreement scan. */
const DEMO_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function previousMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Demo data for the care pathway: most facilities get an agreement (three
 * hospitals' end within 60 days, the last private hospital gets none), partner
 * hospitals report beds (two reports are stale), the city hospital files last
 * month's report, and the hospital without an agreement reports one emergency.
 * Runs once (a second call does nothing); facilities that already have an
 * agreement from elsewhere are left alone.
 */
export async function seedFacilitiesDemo(sys: System) {
  const db = sys.db;
  const today = todayJakarta();
  const year = today.slice(0, 4);
  const facilities = (
    await db.query<{ code: string; level: string; is_rsud: boolean; has: boolean }>(
      `SELECT f.code, f.level, f.is_rsud, EXISTS (SELECT 1 FROM facility_agreement a WHERE a.facility_code = f.code) AS has
       FROM facility f ORDER BY f.level, f.is_rsud DESC, f.code`,
    )
  ).rows;
  // Seeded once: a later demo run (or another module's demo that already gave one hospital a PKS) is respected.
  const seeded =
    (await db.query(`SELECT 1 FROM facility_agreement WHERE number LIKE 'PKS/%/DINKES/%' LIMIT 1`)).rows.length > 0;
  if (facilities.length === 0 || seeded)
    return { agreements: 0, bedReports: 0, monthly: 0, emergency: 0, withoutAgreement: null };

  const doc = await sys.documents.save(Readable.from([DEMO_PDF]), 'pks-contoh.pdf');
  const hospitals = facilities.filter((f) => f.level === 'PPK2');
  const withoutAgreement = [...hospitals].reverse().find((h) => !h.is_rsud && !h.has)?.code ?? null;
  const expiring = new Set(
    hospitals
      .filter((h) => !h.is_rsud && !h.has && h.code !== withoutAgreement)
      .slice(0, 3)
      .map((h) => h.code),
  );
  const allServices = [...SERVICES];
  const primary = ['RAWAT_JALAN', 'RAWAT_INAP', 'GAWAT_DARURAT', 'PERSALINAN'];

  let agreements = 0;
  let bedReports = 0;
  let monthly = 0;
  let emergency = 0;
  const now = Date.now();
  await db.tx(async (tx) => {
    let i = 0;
    for (const f of facilities) {
      i++;
      if (f.code === withoutAgreement || f.has) continue;
      const soon = [...expiring].indexOf(f.code);
      const id = await repo.insertAgreement(tx, {
        facilityCode: f.code,
        number: `PKS/${String(i).padStart(3, '0')}/DINKES/${year}`,
        validFrom: addDays(today, -200),
        validTo: soon >= 0 ? addDays(today, 15 + 15 * soon) : addDays(today, 530),
        services: f.level === 'PPK2' ? allServices : primary,
        documentId: doc.id,
        createdBy: null,
      });
      if (id === null) continue;
      agreements++;
      if (f.level === 'PPK2') {
        const total = 20 + ((i * 7) % 60);
        const available = (i * 3) % Math.max(1, Math.floor(total / 4));
        const staleHours = bedReports < 2 ? 30 + bedReports * 20 : (i % 5) + 1;
        await repo.insertBedReport(tx, {
          facilityCode: f.code,
          class3Total: total,
          class3Available: available,
          aboveClassPatients: available === 0 ? 2 : 0,
          reportedBy: null,
          at: new Date(now - staleHours * 3_600_000),
        });
        bedReports++;
      }
    }
    const rsud = hospitals.find((h) => h.is_rsud) ?? hospitals.find((h) => h.code !== withoutAgreement);
    if (rsud) {
      const period = previousMonth(today);
      await repo.insertMonthly(tx, {
        facilityCode: rsud.code,
        period,
        outpatientVisits: 4120,
        inpatientAdmissions: 610,
        class3PatientDays: 2350,
        referralsReceived: 388,
        referralsBack: 142,
        deaths: 9,
        submittedBy: null,
        at:
          new Date(`${nextMonth(period)}-03T10:00:00+07:00`) > new Date(now)
            ? new Date(now)
            : new Date(`${nextMonth(period)}-03T10:00:00+07:00`),
      });
      monthly++;
    }
    await auditInTx(tx, {
      action: 'facility.demo.seed',
      entityType: 'facility',
      details: { agreements, bedReports, monthly },
    });
  });

  // An emergency at the hospital without an agreement, admitted yesterday evening, reported now.
  const person = (
    await db
      .query<{ nik: string }>(`SELECT nik FROM person WHERE death_date IS NULL ORDER BY nik LIMIT 1`)
      .catch(() => ({ rows: [] as { nik: string }[] }))
  ).rows[0];
  const partnerHospital = hospitals.find((h) => h.code !== withoutAgreement && !expiring.has(h.code));
  if (withoutAgreement && person) {
    const admittedAt = new Date(`${addDays(today, -1)}T20:30:00+07:00`);
    const deadlineAt = await sys.calendar.deadline(admittedAt, EMERGENCY_REPORT_WORKING_HOURS);
    const cover = await sys.eligibility.check(person.nik, addDays(today, -1));
    await db.tx(async (tx) => {
      const id = await repo.insertEmergency(tx, {
        facilityCode: withoutAgreement,
        nik: person.nik,
        admittedAt,
        condition: 'Kecelakaan lalu lintas, cedera kepala sedang; stabil setelah tindakan awal.',
        onwardFacilityCode: partnerHospital?.code ?? null,
        deadlineAt,
        reportedBy: null,
        coverage: { eligible: cover.eligible, basis: cover.basis, reasons: cover.reasons },
      });
      await auditInTx(tx, {
        action: 'facility.emergency.report',
        entityType: 'emergency_report',
        entityId: String(id),
        details: { facilityCode: withoutAgreement, demo: true },
      });
    });
    emergency++;
  }
  return { agreements, bedReports, monthly, emergency, withoutAgreement };
}
