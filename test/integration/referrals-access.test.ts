import type { Role } from '../../src/platform/http/permissions.js';
import { describeAccessMatrix, type MatrixRow } from '../helpers/matrix.js';

/** Who may call what for referrals and the ICD-10 reference (written out by hand). */
const READ: Role[] = ['puskesmas', 'rumahsakit', 'sjp', 'verifikator', 'kepesertaan', 'ketua', 'auditor'];
const ICD_READ: Role[] = [
  'admin',
  'kepesertaan',
  'sjp',
  'verifikator',
  'ketua',
  'puskesmas',
  'rumahsakit',
  'pimpinan',
  'auditor',
];
const body = { nik: '3275011503800001', diagnosisCode: 'A09', kind: 'MEDICAL', toFacilityCode: 'RS-X' };
const MATRIX: MatrixRow[] = [
  { method: 'GET', url: '/api/v1/icd10?q=A09', allowed: ICD_READ },
  { method: 'GET', url: '/api/v1/icd10/A09', allowed: ICD_READ },
  { method: 'GET', url: '/api/v1/icd10-competency', allowed: ICD_READ },
  {
    method: 'POST',
    url: '/api/v1/icd10/load',
    body: { list: 'icd10', csv: 'kode,judul\nA09,Diare\n' },
    allowed: ['admin'],
  },
  { method: 'GET', url: '/api/v1/referrals/destinations', allowed: ['puskesmas', 'rumahsakit'] },
  { method: 'POST', url: '/api/v1/referrals', body, allowed: ['puskesmas', 'rumahsakit'] },
  {
    method: 'POST',
    url: '/api/v1/referrals/emergency-admissions',
    body: { nik: body.nik, diagnosisCode: 'A09' },
    allowed: ['rumahsakit'],
  },
  { method: 'GET', url: '/api/v1/referrals', allowed: READ },
  { method: 'GET', url: '/api/v1/referrals/999999', allowed: READ },
  { method: 'GET', url: '/api/v1/referrals/999999/pdf', allowed: READ },
  { method: 'GET', url: '/api/v1/referrals/999999/back-referral.pdf', allowed: READ },
  {
    method: 'POST',
    url: '/api/v1/referrals/999999/competency-review',
    body: { verdict: 'JUSTIFIED', note: 'uji coba' },
    allowed: ['sjp', 'verifikator', 'ketua'],
  },
  ...['confirm-bed', 'decline', 'arrive', 'admit', 'back-referral'].map((a) => ({
    method: 'POST' as const,
    url: `/api/v1/referrals/999999/${a}`,
    body: {},
    allowed: ['rumahsakit'] as Role[],
  })),
];

describeAccessMatrix('referrals and ICD-10: role × endpoint', MATRIX);
