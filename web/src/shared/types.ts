import type { ImportResult } from '@server/platform/ingest/schemas';

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
