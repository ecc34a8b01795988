import type { Db } from '../../platform/db/index.js';
import { currentContext, runWithContext, systemContext, type Actor } from '../../platform/http/context.js';
import type { ReferralService } from './service.js';

/**
 * Demo referrals, made through the service as the desks would: a puskesmas
 * refers a few members to the best partner hospitals (the demo hospital when
 * it can take them), one referral is flagged for REF-6, and the hospital
 * admits one patient and sends the back-referral. Needs the facility registry,
 * agreements and bed reports of the demo first; skips (with the reason) when
 * no partner hospital has a free bed, and skips entirely when referrals exist.
 */
export async function seedReferralsDemo(
  sys: { db: Db; referrals: ReferralService },
  actors: { puskesmas: Actor; hospital: Actor },
): Promise<{ created: string[]; backReferral: string | null; skipped: string | null }> {
  const none = { created: [], backReferral: null };
  const existing = await sys.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referral');
  if (Number(existing.rows[0]!.n) > 0) return { ...none, skipped: 'Rujukan contoh sudah ada.' };
  if (!actors.puskesmas.facilityCode) return { ...none, skipped: 'Tidak ada puskesmas contoh.' };
  const base = currentContext() ?? systemContext('demo');
  const asPuskesmas = <T>(fn: () => Promise<T>) => runWithContext({ ...base, actor: actors.puskesmas }, fn);

  const dest = await asPuskesmas(() => sys.referrals.destinations());
  const open = dest.items.filter((d) => d.available);
  if (!open.length) return { ...none, skipped: 'Belum ada rumah sakit mitra dengan tempat tidur kelas III kosong.' };
  const target = open.find((d) => d.code === actors.hospital.facilityCode) ?? open[0]!;

  // Residents of the puskesmas's village first, adults, alive, not PBI-covered.
  const people = await sys.db.query<{ nik: string }>(
    `SELECT p.nik FROM person p
     WHERE p.death_date IS NULL AND p.moved_out_date IS NULL AND p.birth_date < now() - interval '18 years'
       AND NOT EXISTS (SELECT 1 FROM jkn_membership j WHERE j.nik = p.nik AND j.valid_to IS NULL AND j.segment LIKE 'PBI%' AND j.status = 'AKTIF')
     ORDER BY (p.village_code = (SELECT village_code FROM facility WHERE code = $1)) DESC, p.nik LIMIT 20`,
    [actors.puskesmas.facilityCode],
  );
  const plan = [
    {
      diagnosisCode: 'I63.9',
      kind: 'MEDICAL' as const,
      clinicalNotes: 'Kelemahan anggota gerak kanan sejak pagi, tekanan darah 180/100.',
    },
    {
      diagnosisCode: 'O14.1',
      kind: 'MEDICAL' as const,
      clinicalNotes: 'Hamil 34 minggu, tekanan darah 170/110, proteinuria +3.',
    },
    { diagnosisCode: 'J18.9', kind: 'NON_MEDICAL' as const, clinicalNotes: 'Ruang rawat inap puskesmas penuh.' },
    { diagnosisCode: 'I10', kind: 'MEDICAL' as const, clinicalNotes: 'Hipertensi tidak terkontrol dengan dua obat.' },
  ];
  const created: { id: number; number: string }[] = [];
  for (const p of people.rows) {
    if (created.length === plan.length) break;
    const step = plan[created.length]!;
    try {
      const r = await asPuskesmas(() =>
        sys.referrals.create({
          nik: p.nik,
          toFacilityCode: target.code,
          requestKey: `demo-${created.length}`,
          ...step,
        }),
      );
      created.push({ id: r.id, number: r.number });
    } catch {
      // A resident who is not a member today (or another refusal): try the next one.
    }
  }
  let backReferral: string | null = null;
  const first = created[0];
  if (first) {
    const hospital: Actor =
      actors.hospital.facilityCode === target.code
        ? actors.hospital
        : { id: 0, username: 'demo', role: 'rumahsakit', facilityCode: target.code, via: 'system' };
    await runWithContext({ ...base, actor: hospital }, async () => {
      await sys.referrals.act(first.id, 'ARRIVE');
      await sys.referrals.act(first.id, 'ADMIT');
      await sys.referrals.act(first.id, 'RETURN', {
        condition: 'Stabil, kekuatan otot membaik; pulang hari ke-6.',
        followUp:
          'Kontrol tekanan darah tiap 2 minggu di puskesmas; lanjutkan amlodipin 10 mg dan aspirin 80 mg; fisioterapi.',
      });
      if (created[1]) await sys.referrals.act(created[1].id, 'ARRIVE');
    });
    backReferral = first.number;
  }
  return { created: created.map((c) => c.number), backReferral, skipped: null };
}
