export interface Referral {
  id: number;
  number: string;
  nik: string;
  personName: string;
  fromFacilityCode: string | null;
  fromFacilityName: string | null;
  toFacilityCode: string;
  toFacilityName: string;
  kind: 'MEDICAL' | 'NON_MEDICAL';
  diagnosisCode: string;
  diagnosisTitle: string;
  status: 'AWAITING_BED' | 'SENT' | 'ARRIVED' | 'ADMITTED' | 'RETURNED' | 'DECLINED';
  createdAt: string;
  createdOn: string;
  emergency: boolean;
  eligible: boolean;
  eligibilityBasis: string | null;
  eligibilityReasons: { code: string; severity: string; message: string }[];
  competencyFlag: boolean;
  competencyReview: {
    verdict: 'JUSTIFIED' | 'NOT_JUSTIFIED';
    note: string;
    reviewer: string;
    reviewedAt: string;
  } | null;
  partner: boolean;
  clinicalNotes: string;
  bedConfirmedAt: string | null;
  declinedReason: string | null;
  arrivedAt: string | null;
  admittedAt: string | null;
  returnedAt: string | null;
  returnCondition: string | null;
  returnFollowUp: string | null;
  verifyCode: string;
  verifyUrl: string;
  creatorName: string;
}

export interface Destination {
  code: string;
  name: string;
  address: string | null;
  location: string | null;
  partner: boolean;
  freeBeds: number | null;
  bedsReportedAt: string | null;
  proximity: string;
  proximityLabel: string;
  rank: number;
  available: boolean;
  refusal: string | null;
}

export interface IcdItem {
  code: string;
  title: string;
  primaryCare: boolean;
}
