export interface SjpSummary {
  id: number;
  trackingCode: string;
  number: string | null;
  nik: string | null;
  patientName: string;
  facilityCode: string;
  facilityName: string;
  careType: string;
  admittedAt: string;
  admissionDate: string;
  diagnosisCode: string;
  diagnosisText: string | null;
  careClass: string;
  basis: string;
  origin: string;
  status: string;
  dueAt: string;
  submittedAt: string | null;
  lateHours: number | null;
  missing: string[];
  completionNote: string | null;
  rejectCode: string | null;
  rejectLabel: string | null;
  rejectNote: string | null;
  validFrom: string | null;
  validTo: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  hoursLeft?: number;
}

export interface SjpDetail extends SjpSummary {
  hoursLeft: number;
  checklist: { code: string; label: string; present: boolean }[];
  documents: { requirement: string; documentId: number; fileName: string; addedAt: string }[];
  events: { at: string; status: string; note: string | null; actor: string | null }[];
  letterUrl: string | null;
  costCutoffAt: string | null;
  placedClass: string | null;
  placedSince: string | null;
  actions: {
    id: number;
    kind: string;
    unit: string;
    description: string;
    plannedOn: string;
    handledOn: string;
    documentId: number | null;
    status: string;
    decisionNote: string | null;
    decidedBy: string | null;
    requestedBy: string | null;
  }[];
  deposits: { id: number; amount: number; paidOn: string; documentId: number | null; note: string | null; recordedBy: string | null }[];
}

export interface SjpQueue {
  late: SjpSummary[];
  dueSoon: SjpSummary[];
  awaitingCompletion: SjpSummary[];
  toDecide: SjpSummary[];
}

export interface SjpTracking {
  status: string;
  number: string | null;
  careType: string;
  facilityName: string;
  admissionDate: string;
  submittedAt: string | null;
  decidedAt: string | null;
  validFrom: string | null;
  validTo: string | null;
  history: { at: string; status: string }[];
}
