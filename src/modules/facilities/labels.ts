/**
 * The facility registry's codes and their words, shared by the server (rules, messages) and the web pages
 * (badges, pickers). Plain records only: the web bundle imports this file as a value.
 */

export const FACILITY_KINDS = ['PUSKESMAS', 'KLINIK_PRATAMA', 'RUMAH_SAKIT'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];
export const KIND_LABEL: Record<FacilityKind, string> = {
  PUSKESMAS: 'Puskesmas',
  KLINIK_PRATAMA: 'Klinik pratama',
  RUMAH_SAKIT: 'Rumah sakit',
};

export const FACILITY_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type FacilityClass = (typeof FACILITY_CLASSES)[number];

export const LEVELS = ['PPK1', 'PPK2'] as const;
export type Level = (typeof LEVELS)[number];

export const OWNERSHIPS = ['PEMERINTAH_PUSAT', 'PEMERINTAH_DAERAH', 'SWASTA'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
export const OWNERSHIP_LABEL: Record<Ownership, string> = {
  PEMERINTAH_PUSAT: 'Pemerintah pusat',
  PEMERINTAH_DAERAH: 'Pemerintah daerah',
  SWASTA: 'Swasta',
};

export const LOCATIONS = ['DALAM_KOTA', 'PERBATASAN', 'LUAR_KOTA'] as const;
export type Location = (typeof LOCATIONS)[number];
export const LOCATION_LABEL: Record<Location, string> = {
  DALAM_KOTA: 'Dalam kota',
  PERBATASAN: 'Perbatasan',
  LUAR_KOTA: 'Luar kota',
};

/** The services an agreement (PKS, FAC-2) may cover; the CHECK of facility_agreement.services lists the same. */
export const SERVICES = [
  'RAWAT_JALAN',
  'RAWAT_INAP',
  'GAWAT_DARURAT',
  'PERSALINAN',
  'INTENSIF',
  'HEMODIALISA',
  'KEMOTERAPI',
] as const;
export type Service = (typeof SERVICES)[number];
/** As a heading or a picker shows it; inside a sentence the server writes it in lower case. */
export const SERVICE_LABEL: Record<Service, string> = {
  RAWAT_JALAN: 'Rawat jalan',
  RAWAT_INAP: 'Rawat inap',
  GAWAT_DARURAT: 'Gawat darurat',
  PERSALINAN: 'Persalinan',
  INTENSIF: 'Perawatan intensif',
  HEMODIALISA: 'Hemodialisa',
  KEMOTERAPI: 'Kemoterapi',
};

export const AGREEMENT_STATUSES = ['ACTIVE', 'TERMINATED'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** Sanctions against a partner facility (FAC-3, Perda 9/2018); the last one terminates the agreement. */
export const SANCTION_KINDS = ['TEGURAN_LISAN', 'TEGURAN_TERTULIS', 'TIDAK_DIREKOMENDASIKAN', 'PEMUTUSAN'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
export const SANCTION_LABEL: Record<SanctionKind, string> = {
  TEGURAN_LISAN: 'Teguran lisan',
  TEGURAN_TERTULIS: 'Teguran tertulis',
  TIDAK_DIREKOMENDASIKAN: 'Tidak direkomendasikan perpanjangan izin operasional',
  PEMUTUSAN: 'Pemutusan kerja sama',
};

/** A hospital's monthly report (FAC-6) against its due date. */
export const MONTHLY_STATUSES = ['ON_TIME', 'LATE', 'MISSING', 'NOT_DUE'] as const;
export type MonthlyStatus = (typeof MONTHLY_STATUSES)[number];
export const MONTHLY_STATUS_LABEL: Record<MonthlyStatus, string> = {
  ON_TIME: 'Tepat waktu',
  LATE: 'Terlambat',
  MISSING: 'Belum masuk',
  NOT_DUE: 'Belum jatuh tempo',
};
