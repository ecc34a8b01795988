/** The server's answers for change sets (src/modules/reconciliation). */
export type ChangeSetStatus = 'PENDING' | 'APPROVED' | 'PARTIALLY_APPROVED' | 'REJECTED';

export interface ChangeSetHeader {
  id: number;
  kind: 'population' | 'jkn';
  importId: number;
  fileName: string | null;
  asOf: string;
  previousAsOf: string | null;
  status: ChangeSetStatus;
  totals: Record<string, number>;
  itemCount: number;
  approvedCount: number;
  declinedCount: number;
  staleCount: number;
  createdAt: string;
  createdBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  /** Items not decided yet; the set stays open (PENDING) until this is 0. */
  pendingCount: number;
  /** Flagged when made (issue 10): would end an unusual share of the register, or the file has far fewer rows than the last. */
  suspect: boolean;
  guard: GuardFigures | null;
}

/** The guard's figures kept on the set (src/modules/reconciliation/rules/guard.ts). */
export interface GuardFigures {
  kind: 'population' | 'jkn';
  before: number;
  rows: number;
  previousRows: number | null;
  ending: number;
  endingPercent: number;
  rowDropPercent: number | null;
  suspectPercent: number;
  refusePercent: number;
  reasons: string[];
}

export interface ChangeSetDetail extends ChangeSetHeader {
  byKind: {
    kind: string;
    label: string;
    total: number;
    decisions: Record<string, number>;
    pending: number;
    pendingEnding: number;
  }[];
  byVillage: {
    villageCode: string | null;
    districtName: string | null;
    villageName: string | null;
    counts: Record<string, number>;
    total: number;
  }[];
}

export interface ChangeItem {
  id: number;
  nik: string;
  name: string | null;
  kind: string;
  kindLabel: string;
  villageCode: string | null;
  districtName: string | null;
  villageName: string | null;
  lineNo: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changes: string[];
  effectiveDate: string;
  decision: string;
}
