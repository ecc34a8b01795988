import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/helpers/system.js';
import { migrate } from '../../platform/db/migrate.js';
import type { Db } from '../../platform/db/index.js';
import { agreementCovering, agreementsInForce, bedBoard, getFacility } from './repo.js';
import { type AgreementTerms, inForce } from './rules/agreement.js';

/**
 * "Agreement in force" lives twice inside this module only: the pure rule (rules/agreement.ts) and the SQL
 * function other modules read (facility_agreements_in_force, migration 0024). They must give the same answer
 * on every day, at both ends of the period and around a termination.
 */
describe('facility_agreements_in_force equals the inForce rule', () => {
  let db: Db;
  let drop: () => Promise<void>;
  const terms: (AgreementTerms & { number: string })[] = [
    { number: 'PKS/A', validFrom: '2026-01-10', validTo: '2026-01-20', services: ['RAWAT_JALAN'], terminatedOn: null },
    {
      number: 'PKS/B',
      validFrom: '2026-01-05',
      validTo: '2026-01-25',
      services: ['RAWAT_INAP', 'GAWAT_DARURAT'],
      terminatedOn: '2026-01-15',
    },
    {
      number: 'PKS/C',
      validFrom: '2026-01-12',
      validTo: '2026-01-30',
      services: ['PERSALINAN'],
      terminatedOn: '2026-01-12',
    },
  ];

  beforeAll(async () => {
    ({ db, drop } = await freshDb());
    await migrate(db);
    await db.query(
      `INSERT INTO facility (code, name, level) VALUES ('RS-UJI', 'RS Uji', 'PPK2'), ('RS-LAIN', 'RS Lain', 'PPK2')`,
    );
    for (const t of terms) {
      await db.query(
        `INSERT INTO facility_agreement (facility_code, number, valid_from, valid_to, services, status, terminated_on)
         VALUES ('RS-UJI', $1, $2, $3, $4::text[], $5, $6)`,
        [t.number, t.validFrom, t.validTo, t.services, t.terminatedOn ? 'TERMINATED' : 'ACTIVE', t.terminatedOn],
      );
    }
  });
  afterAll(async () => drop());

  it('lists exactly the agreements the rule says are in force, day by day', async () => {
    for (let day = 1; day <= 31; day++) {
      const date = `2026-01-${String(day).padStart(2, '0')}`;
      const expected = terms
        .filter((t) => inForce(t, date))
        .map((t) => t.number)
        .sort();
      const got = (await agreementsInForce(db, 'RS-UJI', date)).map((a) => a.number).sort();
      expect(got, date).toEqual(expected);
      expect((await getFacility(db, 'RS-UJI', date))!.partner, date).toBe(expected.length > 0);
    }
    expect(await agreementsInForce(db, 'RS-LAIN', '2026-01-15')).toEqual([]);
  });

  it('names the agreement covering a service only while it is in force', async () => {
    expect(await agreementCovering(db, 'RS-UJI', '2026-01-14', ['RAWAT_INAP'])).toBe('PKS/B');
    expect(await agreementCovering(db, 'RS-UJI', '2026-01-15', ['RAWAT_INAP'])).toBeNull();
    expect(await agreementCovering(db, 'RS-UJI', '2026-01-15', ['RAWAT_JALAN', 'HEMODIALISA'])).toBe('PKS/A');
    expect(await agreementCovering(db, 'RS-UJI', '2026-01-12', ['PERSALINAN'])).toBeNull();
  });

  it('puts a hospital on the bed board only while an agreement is in force', async () => {
    expect((await bedBoard(db, '2026-01-07', {})).map((b) => b.facility_code)).toEqual(['RS-UJI']);
    expect(await bedBoard(db, '2026-01-31', {})).toEqual([]);
  });
});
