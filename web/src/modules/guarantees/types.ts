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
  lateLabel: string | null;
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
  /** "sisa 2 hari 3 jam kerja" (server-side, from the working-hours calendar). */
  timeLeft?: string;
  referralId?: number | null;
}

export interface SjpDocument {
  requirement: string;
  documentId: number;
  fileName: string;
  mediaType: string;
  addedAt: string;
  /** The newer upload that replaces this one; null for the copy in force. */
  replacedBy: number | null;
  /** Asked again by the officer (open completion request) and older than the request. */
  flagged: boolean;
}

export interface SjpDetail extends SjpSummary {
  hoursLeft: number;
  timeLeft: string;
  diagnosisTitle: string | null;
  eligibility: { date: string; eligible: boolean; basis: string | null; rule: string | null; reasons: string[] } | null;
  checklist: { code: string; label: string; present: boolean }[];
  documents: SjpDocument[];
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
  deposits: {
    id: number;
    amount: number;
    paidOn: string;
    documentId: number | null;
    note: string | null;
    recordedBy: string | null;
  }[];
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
