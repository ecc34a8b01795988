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
}

export interface ChangeSetDetail extends ChangeSetHeader {
  byKind: { kind: string; label: string; total: number; decisions: Record<string, number> }[];
  byVillage: { villageCode: string | null; districtName: string | null; villageName: string | null; counts: Record<string, number>; total: number }[];
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
