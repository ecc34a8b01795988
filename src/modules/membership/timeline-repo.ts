import type { Queryable } from '../../platform/db/index.js';
import type { TimelineCategory } from './labels.js';

export interface TimelineEvent {
  date: string;
  kind: string;
  category: TimelineCategory;
  title: string;
  details?: Record<string, unknown>;
}

const SEGMENT = `CASE segment WHEN 'PBI_APBN' THEN 'PBI APBN' WHEN 'PBI_APBD' THEN 'PBI APBD' WHEN 'PBPU_PEMDA' THEN 'PBPU Pemda'
  WHEN 'PPU' THEN 'PPU' WHEN 'PBPU' THEN 'PBPU mandiri' ELSE 'Bukan Pekerja' END`;

/**
 * Everything dated that the register knows about one NIK, besides the
 * membership changes themselves: registry facts, birth record, JKN and DTKS
 * periods, Dinsos letters and family card events. One round trip.
 */
export async function timelineEvents(q: Queryable, nik: string): Promise<TimelineEvent[]> {
  const r = await q.query<{ date: string; kind: string; category: TimelineEvent['category']; title: string }>(
    `SELECT birth_date AS date, 'BORN' AS kind, 'REGISTRY' AS category, 'Lahir' AS title FROM person WHERE nik = $1
     UNION ALL SELECT first_seen_as_of, 'FIRST_SEEN', 'REGISTRY', 'Pertama tercatat dalam snapshot data kependudukan' FROM person WHERE nik = $1
     UNION ALL SELECT death_date, 'DEATH_RECORDED', 'REGISTRY', 'Meninggal dunia (data kependudukan)' FROM person WHERE nik = $1 AND death_date IS NOT NULL
     UNION ALL SELECT moved_out_date, 'MOVE_OUT_RECORDED', 'REGISTRY', 'Pindah ke luar daerah (data kependudukan)' FROM person WHERE nik = $1 AND moved_out_date IS NOT NULL
     UNION ALL SELECT resident_from, 'RESIDENT_FROM', 'REGISTRY', 'Mulai tercatat sebagai penduduk Kota (pindah datang)' FROM person WHERE nik = $1 AND resident_from IS NOT NULL
     UNION ALL SELECT birth_date, 'BIRTH_RECORD', 'BIRTH',
       'Kelahiran dicatat, registrasi ' || reg_number || CASE WHEN status = 'CANCELLED' THEN ' (dibatalkan)' ELSE '' END
       FROM birth_record WHERE child_nik = $1
     UNION ALL SELECT valid_from, 'JKN_PERIOD', 'JKN',
       'JKN ' || ${SEGMENT} || ' ' || status || CASE WHEN valid_to IS NULL THEN '' ELSE ' sampai ' || valid_to::text END
       FROM jkn_membership WHERE nik = $1
     UNION ALL SELECT valid_from, 'DTKS_PERIOD', 'DTKS',
       'DTKS desil ' || decile || ' ' || dtks_status || CASE WHEN valid_to IS NULL THEN '' ELSE ' sampai ' || valid_to::text END
       FROM poverty_status WHERE nik = $1
     UNION ALL SELECT valid_from, 'RECOMMENDATION', 'RECOMMENDATION',
       'Rekomendasi Dinsos ' || number || ' berlaku ' || valid_from::text || ' s.d. ' || valid_to::text
       FROM recommendation WHERE nik = $1
     UNION ALL SELECT revoked_on, 'RECOMMENDATION_REVOKED', 'RECOMMENDATION', 'Rekomendasi Dinsos ' || number || ' dicabut'
       FROM recommendation WHERE nik = $1 AND revoked_on IS NOT NULL
     UNION ALL SELECT c.issued_on, 'CARD_ISSUED', 'CARD',
       'Kartu ' || c.number || ' diterbitkan' || CASE WHEN m.included THEN '' ELSE ' (menunggu perekaman e-KTP)' END
       FROM family_card_member m JOIN family_card c ON c.id = m.card_id WHERE m.nik = $1
     UNION ALL SELECT c.ended_on, 'CARD_' || c.status, 'CARD',
       'Kartu ' || c.number || CASE c.status WHEN 'REPLACED' THEN ' diganti' ELSE ' dicabut' END
       FROM family_card_member m JOIN family_card c ON c.id = m.card_id WHERE m.nik = $1 AND c.ended_on IS NOT NULL`,
    [nik],
  );
  return r.rows;
}
