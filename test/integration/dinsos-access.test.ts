import type { Role } from '../../src/platform/http/permissions.js';
import { describeAccessMatrix, type MatrixRow } from '../helpers/matrix.js';

/**
 * Who may call what for the Dinas Sosial recommendation letters (DIN-1).
 * Written out by hand, not derived from the permission table. The public
 * verification route is covered in dinsos.test.ts (no login needed).
 */
const READ: Role[] = ['dinsos', 'kepesertaan', 'sjp', 'verifikator', 'auditor'];
const MANAGE: Role[] = ['dinsos'];

const MATRIX: MatrixRow[] = [
  { method: 'GET', url: '/api/v1/recommendations', allowed: READ },
  { method: 'GET', url: '/api/v1/recommendations?status=REVOKED&q=0001', allowed: READ },
  { method: 'GET', url: '/api/v1/recommendations/999999', allowed: READ },
  { method: 'GET', url: '/api/v1/recommendations/999999/pdf', allowed: READ },
  { method: 'GET', url: '/api/v1/recommendations/lookup?nik=3275011503800001', allowed: MANAGE },
  {
    method: 'POST',
    url: '/api/v1/recommendations',
    body: { nik: '3275011503800001', category: 'TIDAK_MAMPU', reason: 'uji akses' },
    allowed: MANAGE,
  },
  { method: 'POST', url: '/api/v1/recommendations/999999/revoke', body: { reason: 'uji akses' }, allowed: MANAGE },
];

describeAccessMatrix('recommendation letters: role × endpoint', MATRIX);
