import type { EligibilityDecision } from '../../shared/types';

export interface BirthRecord {
  id: number;
  regNumber: string;
  childNik: string | null;
  childName: string;
  sex: 'L' | 'P';
  birthDate: string;
  birthPlace: string | null;
  motherNik: string | null;
  fatherNik: string | null;
  noKk: string;
  documentKind: 'AKTA_KELAHIRAN' | 'SURAT_KETERANGAN_LAHIR';
  documentNumber: string;
  documentId: number;
  facilityCode: string | null;
  facilityName: string | null;
  status: 'ACTIVE' | 'CANCELLED';
  cancelReason: string | null;
  recordedAt: string;
  recordedBy: string | null;
}

export interface BirthDetail extends BirthRecord {
  coverage: {
    date: string;
    eligible: boolean;
    basis: string | null;
    reasons: EligibilityDecision['reasons'];
    rule: { code: string; description: string } | null;
  };
}
