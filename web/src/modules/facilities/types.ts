import type { Severity } from '../../shared/types';
export interface Facility {
  code: string;
  name: string;
  level: 'PPK1' | 'PPK2';
  kind: string | null;
  class: string | null;
  ownership: string | null;
  location: string | null;
  isRsud: boolean;
  villageCode: string | null;
  address: string | null;
  phone: string | null;
  partner: boolean;
}

export interface Agreement {
  id: number;
  facilityCode: string;
  facilityName: string;
  number: string;
  validFrom: string;
  validTo: string;
  services: string[];
  status: 'ACTIVE' | 'TERMINATED';
  terminatedOn: string | null;
  terminationReason: string | null;
  documentId: number | null;
  inForce: boolean;
  daysLeft?: number;
}

export interface Sanction {
  id: number;
  kind: string;
  imposedOn: string;
  basis: string;
  documentId: number | null;
  agreementId: number | null;
}

export interface FacilityDetail extends Facility {
  agreements: Agreement[];
  sanctions: Sanction[];
  latestBeds: {
    reportedAt: string;
    stale: boolean;
    class3Total: number;
    class3Available: number;
    aboveClassPatients: number;
  } | null;
}

export interface BedRow {
  facilityCode: string;
  facilityName: string;
  class: string | null;
  location: string | null;
  isRsud: boolean;
  reportedAt: string | null;
  ageHours: number | null;
  stale: boolean;
  class3Total: number | null;
  class3Available: number | null;
  aboveClassPatients: number | null;
}

export interface MonthlyReport {
  id: number;
  facilityCode: string;
  period: string;
  outpatientVisits: number;
  inpatientAdmissions: number;
  class3PatientDays: number;
  referralsReceived: number;
  referralsBack: number;
  deaths: number;
  submittedAt: string;
  dueDate: string;
  status: MonthlyStatus;
}

export type MonthlyStatus = 'ON_TIME' | 'LATE' | 'MISSING' | 'NOT_DUE';

export interface EmergencyReport {
  id: number;
  facilityCode: string;
  facilityName: string;
  nik: string;
  admittedAt: string;
  condition: string;
  onwardFacilityCode: string | null;
  onwardFacilityName: string | null;
  deadlineAt: string;
  reportedAt: string;
  onTime: boolean;
  /** Coverage on the admission date, decided when the report was filed; null for reports filed before it was recorded. */
  coverage: {
    eligible: boolean;
    basis: string | null;
    reasons: { code: string; severity: Severity; message: string }[];
  } | null;
}
