import type { Queryable } from '../../src/platform/db/index.js';

/**
 * Hospital stays written straight into the tables (an approved inpatient SJP,
 * a referral's admission), for tests of what reads them: the misuse signals.
 * How the desks make them is tested with the SJP and referral modules.
 *
 * Raw rows on purpose, not the services (test/helpers/factories.ts): a signal
 * is about admissions at chosen hours days ago and discharges days later, and
 * the services stamp the present (a referral's creation and admission), refuse
 * a request filed long after the admission, and need the whole approval and
 * care workflow for one discharge.
 */
let serial = 0;

/** A WIB wall-clock time on a Jakarta date. */
export const wib = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);

export async function sjpStay(
  db: Queryable,
  nik: string,
  facility: string,
  admittedAt: Date,
  dischargedOn?: string,
): Promise<string> {
  serial++;
  const number = `${String(serial).padStart(5, '0')}/SJP/DINKES/2099`;
  const r = await db.query<{ id: string }>(
    `INSERT INTO sjp_request (tracking_code, nik, patient_name, facility_code, care_type, admitted_at, admission_date, diagnosis_code, basis, origin, status, due_at, number)
     VALUES ($1, $2, 'PASIEN', $3, 'INPATIENT', $4::timestamptz, ($4::timestamptz AT TIME ZONE 'Asia/Jakarta')::date, 'A09', 'CARD', 'FACILITY', 'APPROVED',
             $4::timestamptz + interval '3 days', $5) RETURNING id`,
    [`STAYTRACK${serial}`, nik, facility, admittedAt, number],
  );
  if (dischargedOn) {
    await db.query(
      `INSERT INTO sjp_action (request_id, kind, unit, description, planned_on, handled_on, status) VALUES ($1, 'DISCHARGE', 'ICU', 'Pulang', $2, $2, 'APPROVED')`,
      [r.rows[0]!.id, dischargedOn],
    );
  }
  return number;
}

export async function referralStay(
  db: Queryable,
  nik: string,
  from: string | null,
  to: string,
  createdAt: Date,
  admittedAt: Date,
): Promise<string> {
  serial++;
  const number = `${String(serial).padStart(5, '0')}/RUJ-JKD/2099`;
  await db.query(
    `INSERT INTO referral (number, year, seq, nik, person_name, from_facility_code, to_facility_code, kind, diagnosis_code, status, created_at,
                           eligible, partner, admitted_at, verify_code, emergency, creator_name)
     VALUES ($1, 2099, $2, $3, 'PASIEN', $4::text, $5, 'MEDICAL', (SELECT code FROM icd10 ORDER BY code LIMIT 1), 'ADMITTED', $6, true, true, $7, $8,
             $4::text IS NULL, 'PETUGAS')`,
    [number, serial, nik, from, to, createdAt, admittedAt, `STAYVERIFY${serial}`],
  );
  return number;
}
