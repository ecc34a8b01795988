/** Shapes of the server's JSON answers, as the web app reads them. */

export interface Me {
  id: number;
  username: string;
  fullName?: string;
  role: string;
  facilityCode: string | null;
  mustChangePassword: boolean;
  permissions: string[];
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface ImportResult {
  importId: number;
  rowsRead: number;
  accepted: number;
  rejected: number;
  warnings: number;
  inserted: number;
  updated: number;
  unchanged: number;
  [extra: string]: unknown;
}

export interface Job {
  id: number;
  kind: string;
  status: JobStatus;
  phase: string;
  done: number;
  total: number | null;
  result: ImportResult | null;
  error: string | null;
}

export type ImportKind = 'population' | 'jkn' | 'poverty';

export interface ImportRecord {
  id: number;
  kind: ImportKind;
  asOf: string;
  fileName: string;
  status: 'running' | 'pending_review' | 'applied' | 'rejected' | 'failed';
  rowsRead: number | null;
  accepted: number | null;
  rejected: number | null;
  warnings: number | null;
  inserted: number | null;
  updated: number | null;
  unchanged: number | null;
  createdAt: string;
  finishedAt: string | null;
  jobId: number | null;
  hasReport: boolean;
  /** The reconciliation change set of a population or JKN import after the first (MEM-7). */
  changeSetId: number | null;
}

export interface PersonListItem {
  nik: string;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  noKk: string;
  relation: string;
  villageCode: string;
  villageName: string | null;
  ektpRecorded: boolean;
  deathDate: string | null;
  movedOutDate: string | null;
}

export interface PersonDetail {
  nik: string;
  noKk: string;
  name: string;
  sex: 'L' | 'P';
  birthPlace: string | null;
  birthDate: string;
  relation: string;
  address: string | null;
  rt: string | null;
  rw: string | null;
  villageCode: string;
  villageName: string | null;
  districtName: string | null;
  ektpRecorded: boolean;
  deathDate: string | null;
  movedOutDate: string | null;
  firstSeenAsOf: string | null;
  lastSeenAsOf: string | null;
  nikWarnings: string[];
}

export interface JknMembership {
  segment: string;
  class: string | number;
  status: string;
  cardNumber: string;
  arrearsMonths: number | null;
  validFrom: string | null;
}

export interface Family {
  noKk: string;
  hasHead: boolean;
  members: PersonListItem[];
}

export type Severity = 'BLOCK' | 'WARN' | 'INFO';
export type Basis = 'RESIDENT' | 'NEWBORN' | 'DINSOS_RECOMMENDATION' | 'POOR';
export type CardStatus = 'ACTIVE' | 'PENDING_EKTP' | 'REPLACED' | 'REVOKED' | 'NONE';

export interface EligibilityDecision {
  nik: string;
  date: string;
  eligible: boolean;
  basis: Basis | null;
  person: { name: string; sex: 'L' | 'P'; birthDate: string; familyNumber: string } | null;
  card: { number: string | null; status: CardStatus } | null;
  jkn: { segment: string; status: string; cardNumber: string } | null;
  reasons: { code: string; severity: Severity; message: string }[];
  rule?: { code: string; description: string } | null;
}

export interface UserRow {
  id: number;
  username: string;
  full_name: string;
  role: string;
  facility_code: string | null;
  must_change_password: boolean;
  failed_logins: number;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
}

export interface TokenRow {
  id: number;
  username: string;
  prefix: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditItem {
  id: number;
  at: string;
  actorUsername: string | null;
  actorRole: string | null;
  facilityCode: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  ip: string | null;
  requestId: string | null;
  details: unknown;
}

export interface ProgramSetting {
  id: number;
  effectiveFrom: string;
  bases: string[];
  excludedSegments: string[];
  note: string | null;
}
