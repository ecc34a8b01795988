/** Shapes of the recommendation API answers, as these pages read them. */
export type LetterState = 'ACTIVE' | 'NOT_YET_VALID' | 'EXPIRED' | 'REVOKED';

export interface LetterListItem {
  id: number;
  number: string;
  nik: string;
  personName: string;
  category: string;
  institution: string | null;
  validFrom: string;
  validTo: string;
  status: 'ACTIVE' | 'REVOKED';
  state: LetterState;
  revokedOn: string | null;
  issuedOn: string;
  issuerName: string;
}

export interface LetterDetail extends LetterListItem {
  sex: 'L' | 'P';
  birthDate: string;
  noKk: string | null;
  address: string | null;
  inPopulation: boolean;
  reason: string;
  coverageEnd: string | null;
  revokeReason: string | null;
  revokedAt: string | null;
  revokedByName: string | null;
  verifyCode: string;
  verifyUrl: string;
  issuedAt: string;
  nikWarnings: string[];
}

export interface CategoryInfo {
  code: string;
  label: string;
  specialGroup: boolean;
  unit: 'month' | 'day';
  defaultLength: number;
  maxLength: number;
  defaultValidTo: string;
  maxValidTo: string;
}

export interface Lookup {
  nik: string;
  today: string;
  person: {
    name: string;
    sex: 'L' | 'P';
    birthDate: string;
    noKk: string;
    address: string | null;
    deathDate: string | null;
    movedOutDate: string | null;
    resident: boolean;
    nikWarnings: string[];
  } | null;
  letters: LetterListItem[];
  categories: CategoryInfo[];
}

export interface PublicVerification {
  valid: boolean;
  status: LetterState;
  initials: string;
  validFrom: string;
  validTo: string;
}
